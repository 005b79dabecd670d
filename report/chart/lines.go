package chart

import (
	"math"
	"sort"
	"strconv"
)

// Lines is a line chart of completion (0–100%) over the periods of a year,
// with several series — the whole ledger and a few units, say. Each series
// has its own colour and marker shape, named in a legend, and its last
// value is written in a column on the right, beside its marker.
type Lines struct {
	Periods  []string // the x axis: 一季度, 二季度 … or 1月 … 12月
	Series   []Series
	FontSize float64 // points; 0 means 8
}

// Series is one line of Lines.
type Series struct {
	Name string
	// Values are per period, 0–1; NaN for a period without data, which
	// breaks the line. Values past the last period are ignored.
	Values []float64
	Color  *Color // nil for the palette colour of the series' position
}

// Measured in font sizes, or as a share of the width.
const (
	linesTop     = 0.6  // above the plot: half the 100% label, markers at 100%
	linesXLabels = 1.7  // below the plot: the period labels
	linesAspect  = 0.38 // the natural plot height for a width
	linesMinPlot = 6.0

	lastValueStep = ascent + descent + 0.05 // between the last values' centres
)

// Height is the height Draw needs at width w.
func (l Lines) Height(w float64) float64 {
	fs := fontSize(l.FontSize)
	if l.empty() {
		return noDataHeight(fs)
	}
	w = max(w, 0)
	frame := (linesTop + linesXLabels) * fs
	// Tall enough to stack every last value beside the plot without overlap.
	stacked := float64(len(l.Series))*lastValueStep*fs - frame
	return frame + max(w*linesAspect, linesMinPlot*fs, stacked) + l.legendHeight(w, fs)
}

func (l Lines) legendHeight(w, fs float64) float64 {
	return legendGap*fs + legendHeight(len(l.Series), w, fs)
}

// empty says whether there is no point to plot.
func (l Lines) empty() bool {
	for _, s := range l.Series {
		for _, v := range s.values(len(l.Periods)) {
			if !math.IsNaN(v) {
				return false
			}
		}
	}
	return true
}

func (s Series) values(n int) []float64 {
	return s.Values[:min(n, len(s.Values))]
}

func (l Lines) color(i int) Color {
	if c := l.Series[i].Color; c != nil {
		return *c
	}
	return seriesColors[i%len(seriesColors)]
}

// linesFrame is where Draw puts things.
type linesFrame struct {
	x, y, w         float64
	plotX, plotW    float64
	plotTop, plotH  float64
	band            float64 // one period's width
	fs, r           float64 // font size, marker half-size
	colX, colBottom float64 // the value column: from colX to the right edge, down to colBottom
}

func (f linesFrame) px(i int) float64 { return f.plotX + (float64(i)+0.5)*f.band }

func (f linesFrame) py(v float64) float64 { return f.plotTop + f.plotH*(1-clamp01(v)) }

// Draw draws the chart in the rectangle, the plot taking the height the
// axes and legend leave.
func (l Lines) Draw(c Canvas, x, y, w, h float64) {
	if !usable(x, y, w, h) {
		return
	}
	fs := fontSize(l.FontSize)
	if l.empty() {
		drawNoData(c, x, y, w, h, fs)
		return
	}
	f := linesFrame{x: x, y: y, w: w, fs: fs, r: markerSize * fs}
	f.plotTop = y + linesTop*fs
	f.colBottom = y + h - l.legendHeight(w, fs)
	f.plotH = f.colBottom - linesXLabels*fs - f.plotTop
	f.plotX = x + c.TextWidth("100%", fs) + 0.4*fs
	f.colX = x + w - c.TextWidth(percent(1), fs) - 2*f.r - 0.25*fs
	f.plotW = f.colX - 0.4*fs - f.plotX
	if f.plotH < 2*fs || f.plotW <= 0 {
		return
	}
	f.band = f.plotW / float64(len(l.Periods))

	f.drawGrid(c)
	f.drawPeriods(c, l.Periods)
	// The first series — usually the whole — is drawn last, on top.
	for i := len(l.Series) - 1; i >= 0; i-- {
		f.drawLine(c, l.Series[i].values(len(l.Periods)), l.color(i))
	}
	for i := len(l.Series) - 1; i >= 0; i-- {
		for j, v := range l.Series[i].values(len(l.Periods)) {
			if !math.IsNaN(v) {
				drawShape(c, i, f.px(j), f.py(v), f.r, l.color(i))
			}
		}
	}
	f.drawLastValues(c, l)
	drawLegend(c, l.legend(fs), x, f.colBottom+legendGap*fs, w, fs)
}

func (l Lines) legend(fs float64) []legendEntry {
	entries := make([]legendEntry, len(l.Series))
	for i, s := range l.Series {
		col := l.color(i)
		entries[i] = legendEntry{cleanLabel(s.Name), func(c Canvas, x, mid float64) {
			c.Line(x, mid, x+legendKey*fs, mid, stroke(fs, 1.2), col)
			drawShape(c, i, x+legendKey*fs/2, mid, markerSize*fs, col)
		}}
	}
	return entries
}

func (f linesFrame) drawGrid(c Canvas) {
	for i := range 5 {
		gy := f.plotTop + f.plotH*float64(4-i)/4
		col := rule
		if i == 0 {
			col = axis
		}
		c.Line(f.plotX, gy, f.plotX+f.plotW, gy, stroke(f.fs, 0.5), col)
		c.Text(f.plotX-0.3*f.fs, baseline(gy, f.fs), strconv.Itoa(i*25)+"%", f.fs, faint, AlignRight)
	}
}

// drawPeriods labels the periods, skipping some when they are too wide for
// their band: every k-th, and any that would touch the one before.
func (f linesFrame) drawPeriods(c Canvas, periods []string) {
	fs, gap := f.fs, 0.3*f.fs
	widest := 0.0
	for _, p := range periods {
		widest = max(widest, c.TextWidth(cleanLabel(p), fs))
	}
	k := 1
	for k < len(periods) && float64(k)*f.band-gap < widest {
		k++
	}
	base := f.plotTop + f.plotH + (0.4+ascent)*fs
	prevRight := math.Inf(-1)
	for i := 0; i < len(periods); i += k {
		s := fit(c, cleanLabel(periods[i]), fs, float64(k)*f.band-gap)
		tw := c.TextWidth(s, fs)
		left := textLeft(f.px(i), tw, f.plotX, f.plotX+f.plotW)
		if s == "" || left < prevRight+gap {
			continue
		}
		c.Text(left, base, s, fs, faint, AlignLeft)
		prevRight = left + tw
	}
}

func (f linesFrame) drawLine(c Canvas, values []float64, col Color) {
	for j := 1; j < len(values); j++ {
		if math.IsNaN(values[j-1]) || math.IsNaN(values[j]) {
			continue
		}
		c.Line(f.px(j-1), f.py(values[j-1]), f.px(j), f.py(values[j]), stroke(f.fs, 1.2), col)
	}
}

// lastValue is a series' last value and where its label goes.
type lastValue struct {
	series int
	x, y   float64 // the point
	v      float64
	mid    float64 // the label's centre line
}

// drawLastValues writes each series' last value in the column right of the
// plot, beside the series' marker, as near the point's height as the other
// labels allow, with a leader from the point.
func (f linesFrame) drawLastValues(c Canvas, l Lines) {
	var labels []lastValue
	for i, s := range l.Series {
		values := s.values(len(l.Periods))
		for j := len(values) - 1; j >= 0; j-- {
			if !math.IsNaN(values[j]) {
				labels = append(labels, lastValue{series: i, x: f.px(j), y: f.py(values[j]), v: clamp01(values[j])})
				break
			}
		}
	}
	sort.SliceStable(labels, func(a, b int) bool { return labels[a].y < labels[b].y })
	fs := f.fs
	half := (ascent + descent) / 2 * fs
	f.stack(labels, f.y+half, f.colBottom-half, lastValueStep*fs)

	for _, lv := range labels {
		col := l.color(lv.series)
		if from, to := lv.x+f.r+0.15*fs, f.colX-0.1*fs; from < to {
			c.Line(from, lv.y, to, lv.mid, stroke(fs, 0.4), col)
		}
		drawShape(c, lv.series, f.colX+f.r, lv.mid, f.r, col)
		s := percent(lv.v)
		tx := min(f.colX+2*f.r+0.25*fs, f.x+f.w-c.TextWidth(s, fs))
		c.Text(tx, baseline(lv.mid, fs), s, fs, Ink, AlignLeft)
	}
}

// stack sets the labels' centre lines, sorted by their points' heights,
// at least step apart within [lo, hi], each as near its point as it can;
// when they cannot all fit it spaces them evenly.
func (f linesFrame) stack(labels []lastValue, lo, hi, step float64) {
	if len(labels) == 0 {
		return
	}
	if float64(len(labels)-1)*step > hi-lo {
		step = (hi - lo) / float64(max(1, len(labels)-1))
	}
	next := lo
	for i := range labels {
		labels[i].mid = max(labels[i].y, next)
		next = labels[i].mid + step
	}
	limit := hi
	for i := len(labels) - 1; i >= 0; i-- {
		labels[i].mid = min(labels[i].mid, limit)
		limit = labels[i].mid - step
	}
}
