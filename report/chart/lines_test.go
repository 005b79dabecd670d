package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// linesPlot finds the plot from the horizontal gridlines.
func linesPlot(t *testing.T, r *recorder) (left, right, top, bottom float64) {
	t.Helper()
	var grid []call
	for _, c := range r.ops("line") {
		if c.y1 == c.y2 && (c.col == rule || c.col == axis) {
			grid = append(grid, c)
		}
	}
	if len(grid) != 5 {
		t.Fatalf("%d gridlines; want 5", len(grid))
	}
	bottom, top = grid[0].y1, grid[4].y1
	for i, g := range grid {
		if want := bottom + (top-bottom)*float64(i)/4; !near(g.y1, want) || g.x1 != grid[0].x1 || g.x2 != grid[0].x2 {
			t.Errorf("gridline %d %v; want at y %.2f like the others", i, g, want)
		}
	}
	return grid[0].x1, grid[0].x2, top, bottom
}

var quarters = []string{"一季度", "二季度", "三季度", "四季度"}

func TestLinesPoints(t *testing.T) {
	l := Lines{
		Periods: quarters,
		Series: []Series{
			{Name: "全市", Values: []float64{0.2, 0.45, 0.7, 0.9}},
			{Name: "市教育局", Values: []float64{0.1, math.NaN(), 0.5, 1.2}},
			{Name: "市财政局", Values: []float64{0.3, 0.35}},
			{Name: "市审计局", Values: []float64{math.NaN()}},
		},
	}
	x, y, w := 20.0, 30.0, 450.0
	h := l.Height(w)
	r := draw(t, l, x, y, w, h)
	checkTextsApart(t, r)
	left, right, top, bottom := linesPlot(t, r)
	band := (right - left) / 4
	px := func(i int) float64 { return left + (float64(i)+0.5)*band }
	py := func(v float64) float64 { return bottom - clamp01(v)*(bottom-top) }

	// Series 0: filled squares at each point, joined by lines.
	var squares []call
	for _, c := range r.colored("rect", seriesColors[0]) {
		if c.x2 < right && c.y1 < bottom {
			squares = append(squares, c)
		}
	}
	if len(squares) != 4 {
		t.Fatalf("%d square markers in the plot; want 4", len(squares))
	}
	for i, sq := range squares {
		if cx, cy := (sq.x1+sq.x2)/2, (sq.y1+sq.y2)/2; !near(cx, px(i)) || !near(cy, py(l.Series[0].Values[i])) {
			t.Errorf("point %d at (%.2f, %.2f); want (%.2f, %.2f)", i, cx, cy, px(i), py(l.Series[0].Values[i]))
		}
	}
	segments := func(series int) []call {
		var out []call
		for _, c := range r.colored("line", seriesColors[series]) {
			if near(c.width, stroke(fs, 1.2)) && max(c.y1, c.y2) <= bottom {
				out = append(out, c)
			}
		}
		return out
	}
	for i, s := range segments(0) {
		v := l.Series[0].Values
		if !near(s.x1, px(i)) || !near(s.y1, py(v[i])) || !near(s.x2, px(i+1)) || !near(s.y2, py(v[i+1])) {
			t.Errorf("segment %d %v; want from point %d to %d", i, s, i, i+1)
		}
	}
	// Series 1: the gap at 二季度 breaks the line; 120% is drawn at 100%.
	if s := segments(1); len(s) != 1 || !near(s[0].x1, px(2)) || !near(s[0].y1, py(0.5)) || !near(s[0].x2, px(3)) || !near(s[0].y2, top) {
		t.Errorf("series 1 segments %v; want only 三季度 → 四季度 ending at the top %.2f", s, top)
	}
	if s := segments(2); len(s) != 1 {
		t.Errorf("series 2 segments %v; want 1", s)
	}

	// Periods under their points.
	for i, p := range quarters {
		c := r.text(t, p)
		if !near(r.left(c)+r.TextWidth(p, fs)/2, px(i)) || r.bounds(c).y0 < bottom {
			t.Errorf("period %q at %v; want centred under x %.2f below %.2f", p, r.bounds(c), px(i), bottom)
		}
	}
	// Last values right of the plot, top to bottom as their points.
	var lasts []call
	for _, want := range []string{"100.0%", "90.0%", "35.0%"} {
		c := r.text(t, want)
		if r.left(c) < right {
			t.Errorf("last value %q at %.2f; want right of the plot (%.2f)", want, r.left(c), right)
		}
		lasts = append(lasts, c)
	}
	if !(lasts[0].y1 < lasts[1].y1 && lasts[1].y1 < lasts[2].y1) {
		t.Errorf("last values at %.2f %.2f %.2f; want in the order of their points", lasts[0].y1, lasts[1].y1, lasts[2].y1)
	}
	if c := lasts[2]; !near(c.y1, baseline(py(0.35), fs)) {
		t.Errorf("35.0%% on baseline %.2f; want level with its point, %.2f", c.y1, baseline(py(0.35), fs))
	}
	for _, s := range l.Series {
		if !r.hasText(s.Name) {
			t.Errorf("legend: %q missing from %q", s.Name, r.textList())
		}
	}
	for _, s := range []string{"0%", "25%", "50%", "75%", "100%"} {
		if c := r.text(t, s); r.bounds(c).x1 > left {
			t.Errorf("axis label %q at %v; want left of the plot", s, r.bounds(c))
		}
	}
}

func TestLinesManySeries(t *testing.T) {
	months := make([]string, 12)
	for i := range months {
		months[i] = fmt.Sprintf("%d月", i+1)
	}
	var series []Series
	for s := range 10 {
		v := make([]float64, 12)
		for i := range v {
			v[i] = float64(i+1) / 12 * (0.9 + 0.01*float64(s)) // ten lines close together
		}
		series = append(series, Series{Name: fmt.Sprintf("第%d责任单位", s+1), Values: v})
	}
	l := Lines{Periods: months, Series: series}
	for _, w := range []float64{480, 300, 160} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			r := draw(t, l, 0, 0, w, l.Height(w))
			checkTextsApart(t, r)
			shown := 0
			for _, m := range months {
				if r.hasText(m) {
					shown++
				}
			}
			if shown < 2 || (w >= 480 && shown != 12) {
				t.Errorf("%d of 12 months labelled", shown)
			}
		})
	}
	if l.Height(480) <= (Lines{Periods: months, Series: series[:1]}).Height(480) {
		t.Error("Height: 10 series need no more room than 1")
	}
	if l.Height(480) <= l.Height(300) {
		t.Error("Height does not grow with the width")
	}
}

func TestLinesSeriesDistinct(t *testing.T) {
	seen := map[string]int{}
	for k := range numShapes {
		r := &recorder{}
		drawShape(r, k, 0, 0, 10, Ink)
		checkCalls(t, r, box{-10, -10, 10, 10})
		sig := r.dump()
		if prev, ok := seen[sig]; ok {
			t.Errorf("shapes %d and %d are drawn alike", prev, k)
		}
		seen[sig] = k
	}
	colors := map[Color]bool{}
	for _, c := range seriesColors {
		colors[c] = true
	}
	if len(colors) != len(seriesColors) || len(seriesColors) != numShapes {
		t.Errorf("%d distinct colours for %d shapes", len(colors), numShapes)
	}
	l := Lines{Periods: quarters, Series: []Series{{Name: "甲", Values: []float64{0.5}, Color: &Red}}}
	r := draw(t, l, 0, 0, 300, l.Height(300))
	if len(r.colored("rect", Red)) == 0 {
		t.Error("a series' own colour is not used")
	}
}

func TestLinesEmpty(t *testing.T) {
	for _, l := range []Lines{
		{},
		{Periods: quarters},
		{Series: []Series{{Name: "甲", Values: []float64{0.5}}}},
		{Periods: quarters, Series: []Series{{Name: "甲", Values: []float64{math.NaN(), math.NaN()}}}},
	} {
		r := draw(t, l, 0, 0, 300, 200)
		if len(r.calls) != 1 || r.calls[0].text != noData {
			t.Errorf("%+v drew %q; want only %s", l, strings.Split(r.dump(), "\n"), noData)
		}
		if got := l.Height(300); got != noDataHeight(fs) {
			t.Errorf("Height = %.2f; want %.2f", got, noDataHeight(fs))
		}
	}
}

func TestLinesOneValue(t *testing.T) {
	l := Lines{Periods: []string{"全年"}, Series: []Series{{Name: "全市", Values: []float64{-0.3, 0.8}}}}
	r := draw(t, l, 0, 0, 300, l.Height(300))
	if !r.hasText("0.0%") || slices.Contains(r.textList(), "80.0%") {
		t.Errorf("texts %q; want the one value clamped to 0.0%% and the value past the periods ignored", r.textList())
	}
}
