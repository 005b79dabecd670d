package chart

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

const (
	defaultFontSize = 8

	// The text box charts reserve, as a multiple of the font size.
	ascent  = 0.9
	descent = 0.2

	noData   = "无数据"
	ellipsis = "…"

	maxLabelShare = 0.35 // the label column takes at most this share of the width
)

func fontSize(s float64) float64 {
	if s > 0 && !math.IsInf(s, 1) {
		return s
	}
	return defaultFontSize
}

// stroke scales a line width given for 8 pt text to font size fs, so a
// chart looks the same at any size.
func stroke(fs, pt float64) float64 { return pt * fs / defaultFontSize }

func usable(x, y, w, h float64) bool {
	for _, v := range []float64{x, y, w, h} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return w > 0 && h > 0
}

func clamp01(v float64) float64 {
	switch {
	case math.IsNaN(v) || v < 0:
		return 0
	case v > 1:
		return 1
	}
	return v
}

// percent formats a share between 0 and 1: 85.7%.
func percent(v float64) string {
	return strconv.FormatFloat(v*100, 'f', 1, 64) + "%"
}

// baseline returns the baseline that centres a line of text on mid.
func baseline(mid, size float64) float64 {
	return mid + (ascent-descent)/2*size
}

// cleanLabel folds the line breaks and runs of spaces that unit names
// bring from spreadsheets.
func cleanLabel(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// fit returns s, or its longest prefix followed by "…", that is at most
// max wide; "" when not even one character fits.
func fit(c Canvas, s string, size, max float64) string {
	if s == "" || c.TextWidth(s, size) <= max {
		return s
	}
	r := []rune(s)
	n := sort.Search(len(r), func(i int) bool {
		return c.TextWidth(string(r[:i+1])+ellipsis, size) > max
	})
	if n == 0 {
		return ""
	}
	return strings.TrimRight(string(r[:n]), " ") + ellipsis
}

// labelColumn is the width of a column holding labels: the widest label,
// at most maxLabelShare of w.
func labelColumn(c Canvas, labels []string, size, w float64) float64 {
	widest := 0.0
	for _, l := range labels {
		widest = max(widest, c.TextWidth(cleanLabel(l), size))
	}
	return min(widest, maxLabelShare*w)
}

func noDataHeight(fs float64) float64 { return 2 * fs }

// rowsToDraw is how a chart of rows starts to draw in a rectangle: its
// font size and how many of its rows fit. n is 0 when nothing is to be
// drawn: the rectangle cannot hold a chart, no row fits, or there are no
// rows, for which it draws the no-data note itself.
func rowsToDraw(c Canvas, x, y, w, h, size float64, rows int, fit func(w, h float64) int) (fs float64, n int) {
	if !usable(x, y, w, h) {
		return 0, 0
	}
	fs = fontSize(size)
	if rows == 0 {
		drawNoData(c, x, y, w, h, fs)
		return fs, 0
	}
	return fs, fit(w, h)
}

// labelShare is the width of a chart's label column: given, when set, else
// what the labels need, and at most maxLabelShare of the width w.
func labelShare(c Canvas, w, given float64, need func(c Canvas, w float64) float64) float64 {
	if !(given > 0) {
		given = need(c, w)
	}
	return min(given, maxLabelShare*w)
}

// drawNoData writes 无数据 centred in the top of the rectangle, if it fits.
func drawNoData(c Canvas, x, y, w, h, fs float64) {
	if h < (ascent+descent)*fs || c.TextWidth(noData, fs) > w {
		return
	}
	c.Text(x+w/2, baseline(y+min(h, noDataHeight(fs))/2, fs), noData, fs, faint, AlignCenter)
}

// textLeft returns where text of width tw centred on cx starts, kept
// within [lo, hi].
func textLeft(cx, tw, lo, hi float64) float64 {
	return max(lo, min(cx-tw/2, hi-tw))
}

// floorRows is how many whole rows q rows of space holds, forgiving the
// rounding that makes Height(n rows) hold 2.9999999 rows.
func floorRows(q float64) int {
	if !(q > 0) {
		return 0
	}
	return int(math.Floor(min(q, 1e6) + 1e-9))
}
