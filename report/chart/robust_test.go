package chart

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// sampleCharts covers each chart with awkward data.
func sampleCharts(v, m, size float64, label string, n int) map[string]drawable {
	var items []BarItem
	var rows []DistRow
	var series []Series
	for i := range n {
		items = append(items, BarItem{Label: label + strings.Repeat("局", i%5), Value: v * float64(i), Marker: &m})
		rows = append(rows, DistRow{Label: label, Counts: []int{i, n - i, 1, -i}})
		series = append(series, Series{Name: label, Values: []float64{v, m, v * float64(i), math.NaN(), m * float64(i)}})
	}
	return map[string]drawable{
		"bars":         Bars{Items: items, FontSize: size},
		"distribution": Distribution{Rows: rows, FontSize: size},
		"lines":        Lines{Periods: []string{"一季度", "二季度", "三季度", "四季度"}, Series: series, FontSize: size},
	}
}

type sized interface {
	drawable
	Height(w float64) float64
}

// TestInsideAnyRectangle draws each chart in rectangles from roomy to
// absurd, at its natural height and at others.
func TestInsideAnyRectangle(t *testing.T) {
	widths := []float64{0, 1, 12, 40, 90, 200, 480, 2000}
	for name, ch := range sampleCharts(0.3, 0.6, 0, "某某市人民政府办公室", 7) {
		for _, w := range widths {
			natural := ch.(sized).Height(w)
			for _, h := range []float64{0, 5, 30, natural / 2, natural, natural * 3} {
				t.Run(fmt.Sprintf("%s/%gx%g", name, w, h), func(t *testing.T) {
					draw(t, ch, 3, 7, w, h)
				})
			}
		}
	}
}

func TestNoTextOverlapAtNaturalSize(t *testing.T) {
	for name, ch := range sampleCharts(0.15, 0.5, 9, "市发展改革委", 6) {
		for _, w := range []float64{300, 480} {
			t.Run(fmt.Sprintf("%s/%g", name, w), func(t *testing.T) {
				checkTextsApart(t, draw(t, ch, 0, 0, w, ch.(sized).Height(w)))
			})
		}
	}
}

func TestOddRectangleDrawsNothing(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for name, ch := range sampleCharts(0.5, 0.5, 0, "甲", 3) {
		for _, rect := range [][4]float64{{nan, 0, 100, 100}, {0, inf, 100, 100}, {0, 0, -100, 100}, {0, 0, 100, nan}} {
			r := &recorder{}
			ch.Draw(r, rect[0], rect[1], rect[2], rect[3])
			if len(r.calls) != 0 {
				t.Errorf("%s in %v drew %d calls; want none", name, rect, len(r.calls))
			}
		}
	}
}

func FuzzCharts(f *testing.F) {
	f.Add(0.5, 0.7, 8.0, 300.0, 200.0, "市发展改革委", 5)
	f.Add(math.NaN(), -1.0, 0.0, 50.0, 1000.0, "", 0)
	f.Add(2.0, math.Inf(1), 30.0, 20.0, 20.0, "一二三四五六七八九十一二三四五六七八九十", 12)
	f.Fuzz(func(t *testing.T, v, m, size, w, h float64, label string, n int) {
		if n < 0 || n > 40 || w > 1e5 || h > 1e5 {
			return
		}
		for _, ch := range sampleCharts(v, m, size, label, n) {
			draw(t, ch, 0, 0, w, h)
		}
	})
}

func TestFit(t *testing.T) {
	r := &recorder{}
	tests := []struct {
		s    string
		max  float64
		want string
	}{
		{"市财政局", 32, "市财政局"},
		{"市财政局", 31, "市财政…"},
		{"市财政局", 12, "市…"},
		{"市财政局", 11, ""},
		{"ab cd", 16, "ab…"}, // no space before the ellipsis
		{"", 0, ""},
	}
	for _, tt := range tests {
		got := fit(r, tt.s, 8, tt.max)
		if got != tt.want {
			t.Errorf("fit(%q, %g) = %q; want %q", tt.s, tt.max, got, tt.want)
		}
		if r.TextWidth(got, 8) > tt.max {
			t.Errorf("fit(%q, %g) = %q is %g wide", tt.s, tt.max, got, r.TextWidth(got, 8))
		}
	}
}

func TestCleanLabel(t *testing.T) {
	if got := cleanLabel(" 市发展\n改革委  办公室 "); got != "市发展 改革委 办公室" {
		t.Errorf("cleanLabel = %q", got)
	}
}
