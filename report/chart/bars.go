package chart

import (
	"math"
	"strconv"
)

// Bars is a horizontal bar chart of values between 0 and 1, one row per
// item: the label on the left, the bar against gridlines at 0/25/50/75/100%
// labelled at the top, the value at the bar's end and, optionally, a marker
// tick per item (序时进度) explained in a legend below.
//
// A long list is drawn a page at a time: FitRows says how many items fit,
// and each page draws a Bars holding only its items. Set LabelWidth from
// LabelColumn over the whole list so that the pages line up.
type Bars struct {
	Items []BarItem

	// MarkerLegend names the markers in the legend; "" means 序时进度. The
	// legend is drawn when an item has a marker.
	MarkerLegend string
	// BarLegend, if set, also names the bars in the legend, with a swatch
	// of the default bar colour.
	BarLegend string

	// LabelWidth is the label column's width; 0 means the widest label in
	// Items. It is never more than 35% of the chart's width.
	LabelWidth float64
	FontSize   float64 // points; 0 means 8
}

// BarItem is one row of Bars.
type BarItem struct {
	Label  string
	Value  float64  // 0–1; NaN draws no bar and reads 无数据
	Marker *float64 // 0–1, e.g. 序时进度; nil or NaN for none
	Color  *Color   // nil for the default blue
}

// Rows are measured in font sizes.
const (
	barsHeader = 1.6 // the gridline labels above the rows
	barsRow    = 1.8
	barsThick  = 1.0 // a bar's thickness
	barsTick   = 1.5 // a marker's length
)

// Height is the height Draw needs for all the items at width w.
func (b Bars) Height(w float64) float64 {
	fs := fontSize(b.FontSize)
	if len(b.Items) == 0 {
		return noDataHeight(fs)
	}
	return b.rowsHeight(len(b.Items), fs) + b.legendHeight(w, fs)
}

// FitRows is how many of the items fit in a w×h rectangle.
func (b Bars) FitRows(w, h float64) int {
	fs := fontSize(b.FontSize)
	n := floorRows((h - barsHeader*fs - b.legendHeight(w, fs)) / (barsRow * fs))
	return max(0, min(n, len(b.Items)))
}

// LabelColumn is the label column Draw would choose at width w: the widest
// label, at most 35% of w.
func (b Bars) LabelColumn(c Canvas, w float64) float64 {
	labels := make([]string, len(b.Items))
	for i, it := range b.Items {
		labels[i] = it.Label
	}
	return labelColumn(c, labels, fontSize(b.FontSize), w)
}

func (b Bars) rowsHeight(n int, fs float64) float64 {
	return barsHeader*fs + float64(n)*barsRow*fs
}

func (b Bars) hasMarker() bool {
	for _, it := range b.Items {
		if it.Marker != nil && !math.IsNaN(*it.Marker) {
			return true
		}
	}
	return false
}

func (b Bars) legend(fs float64) []legendEntry {
	var entries []legendEntry
	if b.BarLegend != "" {
		entries = append(entries, legendEntry{b.BarLegend, func(c Canvas, x, mid float64) {
			c.Rect(x, mid-barsThick*fs/2, legendKey*fs, barsThick*fs, barBlue)
		}})
	}
	name := b.MarkerLegend
	if name == "" {
		name = "序时进度"
	}
	return append(entries, legendEntry{name, func(c Canvas, x, mid float64) {
		drawTick(c, x+legendKey*fs/2, mid, fs)
	}})
}

func (b Bars) legendHeight(w, fs float64) float64 {
	if !b.hasMarker() {
		return 0
	}
	return legendGap*fs + legendHeight(len(b.legend(fs)), w, fs)
}

// barsFrame is where Draw puts things.
type barsFrame struct {
	x, w   float64 // the chart
	labelW float64 // the label column starts at x
	x0     float64 // the 0% line
	plotW  float64 // from 0% to 100%
	fs     float64
}

// Draw draws as many items as fit in the rectangle, from the first.
func (b Bars) Draw(c Canvas, x, y, w, h float64) {
	fs, n := rowsToDraw(c, x, y, w, h, b.FontSize, len(b.Items), b.FitRows)
	if n == 0 {
		return
	}
	f := barsFrame{x: x, w: w, fs: fs}
	f.labelW = labelShare(c, w, b.LabelWidth, b.LabelColumn)
	f.x0 = x + f.labelW + 0.5*fs
	// Room right of 100% for the widest value, pushed past a marker at 100%.
	valueW := c.TextWidth(percent(1), fs) + 0.6*fs + tickHalo(fs)/2
	f.plotW = x + w - valueW - f.x0
	if f.plotW <= 0 {
		return
	}

	top := y + barsHeader*fs
	f.drawGrid(c, y, top, top+float64(n)*barsRow*fs)
	for i, it := range b.Items[:n] {
		f.drawRow(c, it, top+(float64(i)+0.5)*barsRow*fs)
	}
	if b.hasMarker() {
		drawLegend(c, b.legend(fs), x, y+b.rowsHeight(n, fs)+legendGap*fs, w, fs)
	}
}

func (f barsFrame) drawGrid(c Canvas, y, top, bottom float64) {
	for i := range 5 {
		gx := f.x0 + f.plotW*float64(i)/4
		col := rule
		if i == 0 {
			col = axis
		}
		c.Line(gx, top, gx, bottom, stroke(f.fs, 0.5), col)
		s := strconv.Itoa(i*25) + "%"
		lx := textLeft(gx, c.TextWidth(s, f.fs), f.x, f.x+f.w)
		c.Text(lx, y+(0.3+ascent)*f.fs, s, f.fs, faint, AlignLeft)
	}
}

func (f barsFrame) drawRow(c Canvas, it BarItem, mid float64) {
	fs := f.fs
	if s := fit(c, cleanLabel(it.Label), fs, f.labelW); s != "" {
		c.Text(f.x+f.labelW, baseline(mid, fs), s, fs, Ink, AlignRight)
	}

	v := clamp01(it.Value)
	end := f.x0 + v*f.plotW
	if v > 0 {
		col := barBlue
		if it.Color != nil {
			col = *it.Color
		}
		c.Rect(f.x0, mid-barsThick*fs/2, end-f.x0, barsThick*fs, col)
	}

	label, labelCol := percent(v), Ink
	if math.IsNaN(it.Value) {
		label, labelCol = noData, faint
	}
	pad := 0.3 * fs
	lx := end + pad
	tw := c.TextWidth(label, fs)
	if it.Marker != nil && !math.IsNaN(*it.Marker) {
		mx := f.x0 + clamp01(*it.Marker)*f.plotW
		drawTick(c, mx, mid, fs)
		// A tick inside the value would cross it out: move the value past it.
		halo := tickHalo(fs) / 2
		if mx+halo > lx-pad/2 && mx-halo < lx+tw+pad/2 {
			lx = mx + halo + pad
		}
	}
	c.Text(min(lx, f.x+f.w-tw), baseline(mid, fs), label, fs, labelCol, AlignLeft)
}

func tickHalo(fs float64) float64 { return stroke(fs, 2.6) }

// drawTick draws a marker: a black tick on a white halo, so it shows on
// any bar colour and in grey print.
func drawTick(c Canvas, x, mid, fs float64) {
	half := barsTick * fs / 2
	c.Line(x, mid-half, x, mid+half, tickHalo(fs), white)
	c.Line(x, mid-half, x, mid+half, stroke(fs, 1), Ink)
}
