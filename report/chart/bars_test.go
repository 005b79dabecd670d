package chart

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

const fs float64 = defaultFontSize

// barsPlot finds the 0% line and the plot width from the gridlines.
func barsPlot(t *testing.T, r *recorder) (x0, plotW float64) {
	t.Helper()
	var xs []float64
	for _, c := range r.ops("line") {
		if c.x1 == c.x2 && (c.col == rule || c.col == axis) {
			xs = append(xs, c.x1)
		}
	}
	if len(xs) != 5 {
		t.Fatalf("%d gridlines; want 5", len(xs))
	}
	for i, x := range xs {
		if want := xs[0] + (xs[4]-xs[0])*float64(i)/4; !near(x, want) {
			t.Errorf("gridline %d at x %.2f; want %.2f", i, x, want)
		}
	}
	return xs[0], xs[4] - xs[0]
}

func TestBarsGeometry(t *testing.T) {
	items := []BarItem{
		{Label: "市发展改革委", Value: 0.5},
		{Label: "市教育局", Value: 0},
		{Label: "市财政局", Value: 1},
		{Label: "市卫生健康委", Value: 0.857},
		{Label: "市医保局", Value: 0.25},
	}
	b := Bars{Items: items}
	x, y, w := 10.0, 20.0, 400.0
	r := draw(t, b, x, y, w, b.Height(w))
	checkTextsApart(t, r)
	x0, plotW := barsPlot(t, r)

	for _, s := range []string{"0%", "25%", "50%", "75%", "100%"} {
		if c := r.text(t, s); c.y1 > y+barsHeader*fs {
			t.Errorf("gridline label %q at baseline %.2f; want above the rows (%.2f)", s, c.y1, y+barsHeader*fs)
		}
	}
	bars := r.ops("rect")
	if len(bars) != 4 {
		t.Fatalf("%d bars; want 4 (none for 0%%)", len(bars))
	}
	labelW := 6 * fs // 市发展改革委
	for i, bar := range bars {
		if bar.x1 != x0 {
			t.Errorf("bar %d starts at %.2f; want the 0%% line %.2f", i, bar.x1, x0)
		}
		if bar.col != barBlue {
			t.Errorf("bar %d colour %v; want %v", i, bar.col, barBlue)
		}
	}
	if x0 <= x+labelW {
		t.Errorf("0%% line at %.2f; want right of the label column ending at %.2f", x0, x+labelW)
	}

	row := 0
	for i, it := range items {
		mid := y + (barsHeader+(float64(i)+0.5)*barsRow)*fs
		label := r.text(t, it.Label)
		if lb := r.bounds(label); !near(lb.x1, x+labelW) || lb.x0 < x || !near(label.y1, baseline(mid, fs)) {
			t.Errorf("label %q at %v baseline %.2f; want ending at %.2f on baseline %.2f", it.Label, lb, label.y1, x+labelW, baseline(mid, fs))
		}
		end := x0 + it.Value*plotW
		if it.Value > 0 {
			bar := bars[row]
			row++
			if got := (bar.x2 - bar.x1) / plotW; !near(got, it.Value) {
				t.Errorf("%s: bar is %.4f of the plot; want %.4f", it.Label, got, it.Value)
			}
			if !near((bar.y1+bar.y2)/2, mid) {
				t.Errorf("%s: bar centred on %.2f; want %.2f", it.Label, (bar.y1+bar.y2)/2, mid)
			}
		}
		v := r.text(t, percent(it.Value))
		if !near(r.left(v), end+0.3*fs) || !near(v.y1, baseline(mid, fs)) {
			t.Errorf("value %q at (%.2f, %.2f); want (%.2f, %.2f), just past the bar", v.text, r.left(v), v.y1, end+0.3*fs, baseline(mid, fs))
		}
	}
	if r.hasText("序时进度") {
		t.Error("legend drawn without markers")
	}
}

func TestBarsLongLabelShortened(t *testing.T) {
	long := "某某市人民政府办公室关于进一步优化营商环境工作领导小组办公室"
	b := Bars{Items: []BarItem{{Label: long, Value: 0.3}, {Label: "短名", Value: 0.6}}}
	w := 300.0
	r := draw(t, b, 0, 0, w, b.Height(w))
	x0, _ := barsPlot(t, r)

	if got := b.LabelColumn(r, w); !near(got, maxLabelShare*w) {
		t.Errorf("label column %.2f; want 35%% of %.0f", got, w)
	}
	var short call
	for _, c := range r.texts() {
		if strings.HasSuffix(c.text, ellipsis) {
			short = c
		}
	}
	if short.text == "" {
		t.Fatalf("no shortened label among %q", r.textList())
	}
	if !strings.HasPrefix(long, strings.TrimSuffix(short.text, ellipsis)) || utf8.RuneCountInString(short.text) < 5 {
		t.Errorf("shortened to %q; want a prefix of %q and …", short.text, long)
	}
	if got := r.TextWidth(short.text, fs); got > maxLabelShare*w {
		t.Errorf("shortened label is %.2f wide; want at most %.2f", got, maxLabelShare*w)
	}
	for _, c := range []call{short, r.text(t, "短名")} {
		if b := r.bounds(c); b.x1 >= x0 || b.x0 < 0 {
			t.Errorf("label %q at %v reaches the bars at %.2f", c.text, b, x0)
		}
	}
	checkTextsApart(t, r)
}

func TestBarsMarker(t *testing.T) {
	b := Bars{Items: []BarItem{
		{Label: "甲", Value: 0.5, Marker: ptr(0.55)}, // just past the bar: the value moves past the tick
		{Label: "乙", Value: 0.8, Marker: ptr(0.3)},  // inside the bar
		{Label: "丙", Value: 0.2},                    // none
		{Label: "丁", Value: 0, Marker: ptr(1.0)},
	}}
	w := 400.0
	r := draw(t, b, 0, 0, w, b.Height(w))
	checkTextsApart(t, r)
	x0, plotW := barsPlot(t, r)

	ticks := r.colored("line", Ink)
	if len(ticks) != 4 { // three rows and the legend
		t.Fatalf("%d ticks; want 4", len(ticks))
	}
	for i, m := range []float64{0.55, 0.3, 1.0} {
		if want := x0 + m*plotW; !near(ticks[i].x1, want) || ticks[i].x1 != ticks[i].x2 {
			t.Errorf("tick %d at x %.2f; want a vertical tick at %.2f", i, ticks[i].x1, want)
		}
	}
	halo := tickHalo(fs) / 2
	if v := r.text(t, "50.0%"); r.left(v) <= ticks[0].x1+halo {
		t.Errorf("50.0%% starts at %.2f; want past the tick at %.2f", r.left(v), ticks[0].x1)
	}
	if v := r.text(t, "80.0%"); !near(r.left(v), x0+0.8*plotW+0.3*fs) {
		t.Errorf("80.0%% starts at %.2f; want at the bar's end", r.left(v))
	}
	legend := r.text(t, "序时进度")
	if rows := barsHeader*fs + 4*barsRow*fs; legend.y1-ascent*fs < rows {
		t.Errorf("legend at baseline %.2f; want below the rows ending at %.2f", legend.y1, rows)
	}
	if mid := (ticks[3].y1 + ticks[3].y2) / 2; !near(baseline(mid, fs), legend.y1) || ticks[3].x1 >= r.left(legend) {
		t.Errorf("legend tick %v not beside its text %v", ticks[3], legend)
	}

	b.MarkerLegend, b.BarLegend = "时序进度要求", "累计完成"
	r = draw(t, b, 0, 0, w, b.Height(w))
	if !r.hasText("时序进度要求") || !r.hasText("累计完成") || r.hasText("序时进度") {
		t.Errorf("legend %q; want the names set", r.textList())
	}
}

func TestBarsItemColor(t *testing.T) {
	b := Bars{Items: []BarItem{{Label: "甲", Value: 0.4, Color: &Red}, {Label: "乙", Value: 0.9}}}
	r := draw(t, b, 0, 0, 300, b.Height(300))
	bars := r.ops("rect")
	if len(bars) != 2 || bars[0].col != Red || bars[1].col != barBlue {
		t.Errorf("bars %v; want red then the default blue", bars)
	}
}

func TestBarsOddValues(t *testing.T) {
	b := Bars{Items: []BarItem{
		{Label: "NaN", Value: math.NaN(), Marker: ptr(math.NaN())},
		{Label: "负", Value: -0.5, Marker: ptr(-1.0)},
		{Label: "超", Value: 1.7, Marker: ptr(2.0)},
		{Label: "无穷", Value: math.Inf(1)},
		{Label: "负无穷", Value: math.Inf(-1)},
	}}
	w := 300.0
	r := draw(t, b, 0, 0, w, b.Height(w))
	x0, plotW := barsPlot(t, r)
	bars := r.ops("rect")
	if len(bars) != 2 {
		t.Fatalf("%d bars; want 2 (超 and 无穷 at 100%%)", len(bars))
	}
	for _, bar := range bars {
		if !near(bar.x2, x0+plotW) {
			t.Errorf("bar %v; want clamped to 100%% at %.2f", bar, x0+plotW)
		}
	}
	if !r.hasText(noData) {
		t.Errorf("NaN value: want %s among %q", noData, r.textList())
	}
	for s, n := range map[string]int{"0.0%": 2, "100.0%": 2} {
		got := 0
		for _, c := range r.texts() {
			if c.text == s {
				got++
			}
		}
		if got != n {
			t.Errorf("%q drawn %d times; want %d", s, got, n)
		}
	}
	ticks := r.colored("line", Ink)
	if len(ticks) != 3 || !near(ticks[0].x1, x0) || !near(ticks[1].x1, x0+plotW) {
		t.Errorf("ticks %v; want at 0%% and 100%% and in the legend, none for NaN", ticks)
	}
}

func TestBarsEmpty(t *testing.T) {
	for _, b := range []Bars{{}, {Items: []BarItem{}}} {
		r := draw(t, b, 0, 0, 300, b.Height(300))
		if len(r.calls) != 1 || r.calls[0].text != noData {
			t.Errorf("empty bars drew %v; want only %s", r.calls, noData)
		}
		if got := b.Height(300); got != noDataHeight(fs) {
			t.Errorf("Height = %.2f; want %.2f", got, noDataHeight(fs))
		}
	}
}

func TestBarsHeightAndPaging(t *testing.T) {
	var items []BarItem
	for i := range 150 {
		items = append(items, BarItem{Label: strings.Repeat("局", 2+i%9), Value: float64(i) / 150, Marker: ptr(0.5)})
	}
	w := 480.0
	prev := 0.0
	for n := 1; n <= len(items); n++ {
		b := Bars{Items: items[:n]}
		h := b.Height(w)
		if h <= prev {
			t.Fatalf("Height with %d items = %.2f; want more than %.2f", n, h, prev)
		}
		prev = h
		if got := b.FitRows(w, h); got != n {
			t.Errorf("FitRows(Height(%d items)) = %d", n, got)
		}
	}

	// A page of 700 pt holds part of the list; the chunks line up.
	all := Bars{Items: items}
	page := 700.0
	per := all.FitRows(w, page)
	if per < 30 || per >= len(items) {
		t.Fatalf("FitRows(%.0f, %.0f) = %d", w, page, per)
	}
	labelW := all.LabelColumn(&recorder{}, w)
	var zeros []float64
	drawn := 0
	for from := 0; from < len(items); from += per {
		chunk := Bars{Items: items[from:min(from+per, len(items))], LabelWidth: labelW}
		r := draw(t, chunk, 50, 60, w, page)
		x0, _ := barsPlot(t, r)
		zeros = append(zeros, x0)
		drawn += len(r.colored("rect", barBlue))
		for _, c := range r.texts() {
			if c.text == "0.0%" {
				drawn++
			}
		}
		if got := chunk.Height(w); got > page+1e-9 {
			t.Errorf("chunk from %d is %.2f high; want at most %.0f", from, got, page)
		}
	}
	if drawn != len(items) {
		t.Errorf("the pages drew %d rows; want %d", drawn, len(items))
	}
	for i, x0 := range zeros {
		if x0 != zeros[0] {
			t.Errorf("page %d: 0%% line at %.2f; want %.2f as on page 1", i+1, x0, zeros[0])
		}
	}

	// Too little height: the rows that fit, and nothing outside.
	short := Bars{Items: items[:20]}
	r := draw(t, short, 0, 0, w, short.Height(w)/2)
	if got, want := len(r.ops("rect")), short.FitRows(w, short.Height(w)/2)-1; got != want { // item 0 is 0%
		t.Errorf("half height: %d bars; want %d", got, want)
	}
}
