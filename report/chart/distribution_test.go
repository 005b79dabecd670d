package chart

import (
	"slices"
	"testing"
)

// segmentRects returns the rectangles in the segments' colours, in order.
func segmentRects(r *recorder) []call {
	colors := map[Color]bool{}
	for _, s := range TrafficLights() {
		colors[s.Color] = true
	}
	var out []call
	for _, c := range r.ops("rect") {
		// Legend swatches are outlined; segments are not and are taller.
		if colors[c.col] && c.y2-c.y1 == distBar*fs {
			out = append(out, c)
		}
	}
	return out
}

func TestDistributionSingleBar(t *testing.T) {
	d := Distribution{Rows: []DistRow{{Counts: []int{12, 5, 3, 0}}}}
	x, y, w := 30.0, 40.0, 450.0
	r := draw(t, d, x, y, w, d.Height(w))
	checkTextsApart(t, r)

	segs := segmentRects(r)
	if len(segs) != 3 {
		t.Fatalf("%d segments; want 3, the grey one with no tasks left out", len(segs))
	}
	sum := 0.0
	for i, s := range segs {
		want := []float64{12, 5, 3}[i] / 20 * w
		if !near(s.x2-s.x1, want) {
			t.Errorf("segment %d is %.2f wide; want %.2f", i, s.x2-s.x1, want)
		}
		if i > 0 && !near(s.x1, segs[i-1].x2) {
			t.Errorf("segment %d starts at %.2f; want at the end of the one before, %.2f", i, s.x1, segs[i-1].x2)
		}
		sum += s.x2 - s.x1
	}
	if !near(segs[0].x1, x) || !near(sum, w) {
		t.Errorf("segments start at %.2f and sum to %.2f; want %.2f and the width %.2f", segs[0].x1, sum, x, w)
	}
	if got := []Color{segs[0].col, segs[1].col, segs[2].col}; got[0] != Green || got[1] != Amber || got[2] != Red {
		t.Errorf("segment colours %v; want green, amber, red", got)
	}

	for i, want := range []string{"绿 12（60.0%）", "黄 5（25.0%）", "红 3（15.0%）"} {
		c := r.text(t, want)
		b := r.bounds(c)
		if b.x0 < segs[i].x1 || b.x1 > segs[i].x2 || b.y0 < segs[i].y1 || b.y1 > segs[i].y2 {
			t.Errorf("%q at %v; want inside its segment %v", want, b, r.bounds(segs[i]))
		}
	}
	if c := r.text(t, "绿 12（60.0%）"); c.col != white {
		t.Errorf("label on green in %v; want white", c.col)
	}
	if c := r.text(t, "黄 5（25.0%）"); c.col != Ink {
		t.Errorf("label on amber in %v; want ink", c.col)
	}
	if seps := r.colored("line", white); len(seps) != 2 || !near(seps[0].x1, segs[1].x1) || !near(seps[1].x1, segs[2].x1) {
		t.Errorf("separators %v; want at the two inner edges", seps)
	}
	for _, s := range TrafficLights() {
		if !r.hasText(s.Legend) {
			t.Errorf("legend %q missing from %q", s.Legend, r.textList())
		}
	}
	if r.hasText("灰 0（0.0%）") {
		t.Error("label for an empty segment")
	}
}

func TestDistributionNarrowSegmentsBelow(t *testing.T) {
	d := Distribution{Rows: []DistRow{{Counts: []int{95, 2, 1, 2}}}}
	w := 300.0
	r := draw(t, d, 0, 0, w, d.Height(w))
	checkTextsApart(t, r)
	segs := segmentRects(r)
	if len(segs) != 4 {
		t.Fatalf("%d segments; want 4", len(segs))
	}
	bottom := distBar * fs
	var below []string
	var boxes []box
	for _, c := range r.texts() {
		if b := r.bounds(c); b.y0 >= bottom && b.y1 <= bottom+distLane*fs {
			below = append(below, c.text)
			boxes = append(boxes, b)
		}
	}
	if want := []string{"黄 2（2.0%）", "红 1（1.0%）", "灰 2（2.0%）"}; !slices.Equal(below, want) {
		t.Fatalf("labels under the bar %q; want %q", below, want)
	}
	if c := r.text(t, "绿 95（95.0%）"); r.bounds(c).y1 > bottom {
		t.Errorf("wide segment's label %v; want inside", c)
	}
	leaders := r.colored("line", Ink)
	if len(leaders) != 3 {
		t.Fatalf("%d leaders; want 3", len(leaders))
	}
	for i, l := range leaders {
		seg := segs[i+1]
		if !near(l.y1, bottom) || !near(l.x1, (seg.x1+seg.x2)/2) {
			t.Errorf("leader %d starts at (%.2f, %.2f); want the bottom centre of its segment (%.2f, %.2f)", i, l.x1, l.y1, (seg.x1+seg.x2)/2, bottom)
		}
		if l.x2 < boxes[i].x0 || l.x2 > boxes[i].x1 || l.y2 > boxes[i].y0 {
			t.Errorf("leader %d ends at (%.2f, %.2f); want above its label %v", i, l.x2, l.y2, boxes[i])
		}
	}
}

func TestDistributionTinySegmentVisible(t *testing.T) {
	d := Distribution{Rows: []DistRow{{Counts: []int{5000, 0, 1, 0}}}}
	w := 300.0
	r := draw(t, d, 0, 0, w, d.Height(w))
	segs := segmentRects(r)
	if len(segs) != 2 {
		t.Fatalf("%d segments; want 2", len(segs))
	}
	if got := segs[1].x2 - segs[1].x1; !near(got, distMinPart*fs) {
		t.Errorf("1 of 5001 is %.2f wide; want the minimum %.2f", got, distMinPart*fs)
	}
	if !near(segs[0].x1, 0) || !near(segs[1].x2, w) || !near(segs[0].x2, segs[1].x1) {
		t.Errorf("segments %v; want them to tile the bar", segs)
	}
}

func TestDistributionCrowdedLabelsShortened(t *testing.T) {
	d := Distribution{Rows: []DistRow{{Counts: []int{1000, 1, 1, 1}}}}
	for _, w := range []float64{60, 90, 150} {
		r := draw(t, d, 0, 0, w, d.Height(w))
		checkTextsApart(t, r)
	}
}

func TestDistributionRows(t *testing.T) {
	d := Distribution{Rows: []DistRow{
		{Label: "一、优化营商环境", Counts: []int{10, 2, 1, 0}},
		{Label: "二、", Counts: []int{3, 0, 0, 4}},
		{Label: "三、空", Counts: []int{0, -2, 0, 0}},
	}}
	w := 450.0
	r := draw(t, d, 0, 0, w, d.Height(w))
	checkTextsApart(t, r)

	x0 := 8*fs + 0.5*fs // 一、优化营商环境 is 8 em
	for i, row := range d.Rows {
		top := float64(i) * (distBar + distLane + distGap) * fs
		label := r.text(t, row.Label)
		if b := r.bounds(label); b.x1 > x0 || b.y0 < top || b.y1 > top+distBar*fs {
			t.Errorf("row label %q at %v; want left of %.2f beside the bar at %.2f", row.Label, b, x0, top)
		}
	}
	for _, s := range segmentRects(r) {
		if s.x1 < x0-1e-9 {
			t.Errorf("segment %v starts left of the bars at %.2f", s, x0)
		}
	}
	if !r.hasText(noData) || len(r.ops("stroke")) != 1+4 { // the empty row and the legend swatches
		t.Errorf("empty row: want %s in an outline; texts %q, outlines %d", noData, r.textList(), len(r.ops("stroke")))
	}
	if !r.hasText("灰 4（57.1%）") {
		t.Errorf("row 二: want 灰 4（57.1%%） among %q", r.textList())
	}

	for n := 1; n <= len(d.Rows); n++ {
		part := Distribution{Rows: d.Rows[:n]}
		if n > 1 && part.Height(w) <= (Distribution{Rows: d.Rows[:n-1]}).Height(w) {
			t.Errorf("Height with %d rows %.2f; want more than with %d", n, part.Height(w), n-1)
		}
		if got := part.FitRows(w, part.Height(w)); got != n {
			t.Errorf("FitRows(Height(%d rows)) = %d", n, got)
		}
	}
	if got := d.LabelColumn(r, w); got != 8*fs {
		t.Errorf("LabelColumn = %.2f; want the widest label, %.2f", got, 8*fs)
	}
	// Too little room: the rows that fit and the legend, inside.
	r = draw(t, d, 0, 0, w, d.Height(w)-1)
	if r.hasText("三、空") || !r.hasText("二、") {
		t.Errorf("short rectangle: drew %q; want rows 一 and 二 only", r.textList())
	}
}

func TestDistributionCustomSegments(t *testing.T) {
	d := Distribution{
		Segments: []Segment{{Word: "按时", Color: Green}, {Word: "迟报", Color: Amber}},
		Rows:     []DistRow{{Counts: []int{30, 10, 99}}}, // a count without a segment is ignored
	}
	r := draw(t, d, 0, 0, 400, d.Height(400))
	if !r.hasText("按时 30（75.0%）") || !r.hasText("迟报 10（25.0%）") || !r.hasText("按时") {
		t.Errorf("texts %q", r.textList())
	}
}

func TestDistributionEmpty(t *testing.T) {
	d := Distribution{}
	r := draw(t, d, 0, 0, 300, d.Height(300))
	if len(r.calls) != 1 || r.calls[0].text != noData {
		t.Errorf("empty distribution drew %v; want only %s", r.calls, noData)
	}
}
