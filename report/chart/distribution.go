package chart

import (
	"strconv"
	"strings"
)

// Distribution draws stacked 100% bars — the traffic-light distribution of
// the tasks — one per row (the whole ledger, or one per document section),
// above a legend the rows share. Each segment is labelled with its word,
// count and share (绿 12（34.3%）), inside the segment when it fits and below
// the bar on a leader line when not, so the chart reads without colour.
type Distribution struct {
	Rows     []DistRow
	Segments []Segment // nil means TrafficLights()

	// LabelWidth is the row label column's width; 0 means the widest label,
	// none when no row has a label. It is never more than 35% of the width.
	LabelWidth float64
	FontSize   float64 // points; 0 means 8
}

// DistRow is one stacked bar.
type DistRow struct {
	Label  string
	Counts []int // per segment, in the order of Segments; negative counts as 0
}

// Segment is one kind a bar is divided into.
type Segment struct {
	Word   string // in every segment label, e.g. 绿
	Legend string // the legend's text, e.g. 绿 按序时推进
	Color  Color
}

// TrafficLights are the segments of the ledger's lights, in display order.
func TrafficLights() []Segment {
	return []Segment{
		{Word: "绿", Legend: "绿 按序时推进", Color: Green},
		{Word: "黄", Legend: "黄 落后序时进度", Color: Amber},
		{Word: "红", Legend: "红 严重滞后或逾期", Color: Red},
		{Word: "灰", Legend: "灰 未报送", Color: Grey},
	}
}

// Rows are measured in font sizes.
const (
	distBar  = 2.0 // a bar's thickness
	distLane = 1.8 // below a bar: the labels that do not fit inside
	distGap  = 0.6 // between rows

	distMinPart = 0.25 // the narrowest segment
)

// Height is the height Draw needs for all the rows at width w.
func (d Distribution) Height(w float64) float64 {
	fs := fontSize(d.FontSize)
	if len(d.Rows) == 0 {
		return noDataHeight(fs)
	}
	return d.rowsHeight(len(d.Rows), fs) + d.legendHeight(w, fs)
}

func (d Distribution) rowsHeight(n int, fs float64) float64 {
	return float64(n)*(distBar+distLane+distGap)*fs - distGap*fs
}

func (d Distribution) legendHeight(w, fs float64) float64 {
	return legendGap*fs + legendHeight(len(d.segments()), w, fs)
}

func (d Distribution) segments() []Segment {
	if d.Segments == nil {
		return TrafficLights()
	}
	return d.Segments
}

func (d Distribution) legend(fs float64) []legendEntry {
	var entries []legendEntry
	for _, s := range d.segments() {
		text := s.Legend
		if text == "" {
			text = s.Word
		}
		col := s.Color
		entries = append(entries, legendEntry{text, func(c Canvas, x, mid float64) {
			// The outline keeps light swatches visible in grey print.
			lw := stroke(fs, 0.5)
			c.Rect(x, mid-0.45*fs, legendKey*fs, 0.9*fs, col)
			c.StrokeRect(x+lw/2, mid-0.45*fs+lw/2, legendKey*fs-lw, 0.9*fs-lw, lw, faint)
		}})
	}
	return entries
}

// FitRows is how many of the rows fit in a w×h rectangle with the legend.
func (d Distribution) FitRows(w, h float64) int {
	fs := fontSize(d.FontSize)
	step := (distBar + distLane + distGap) * fs
	return max(0, min(len(d.Rows), floorRows((h-d.legendHeight(w, fs)+distGap*fs)/step)))
}

// LabelColumn is the label column Draw would choose at width w: the widest
// row label, at most 35% of w.
func (d Distribution) LabelColumn(c Canvas, w float64) float64 {
	labels := make([]string, len(d.Rows))
	for i, r := range d.Rows {
		labels[i] = r.Label
	}
	return labelColumn(c, labels, fontSize(d.FontSize), w)
}

// Draw draws as many rows as fit in the rectangle, from the first, and the
// legend.
func (d Distribution) Draw(c Canvas, x, y, w, h float64) {
	fs, n := rowsToDraw(c, x, y, w, h, d.FontSize, len(d.Rows), d.FitRows)
	if n == 0 {
		return
	}
	labelW := labelShare(c, w, d.LabelWidth, d.LabelColumn)
	x0 := x
	if labelW > 0 {
		x0 += labelW + 0.5*fs
	}
	f := distFrame{x: x, labelW: labelW, x0: x0, barW: x + w - x0, fs: fs, segs: d.segments()}
	if f.barW < fs {
		return
	}
	for i, r := range d.Rows[:n] {
		f.drawRow(c, r, y+float64(i)*(distBar+distLane+distGap)*fs)
	}
	drawLegend(c, d.legend(fs), x, y+d.rowsHeight(n, fs)+legendGap*fs, w, fs)
}

type distFrame struct {
	x, labelW float64 // the label column
	x0, barW  float64 // the bars
	fs        float64
	segs      []Segment
}

// part is one drawn segment.
type part struct {
	seg         Segment
	count       int
	left, right float64
}

func (f distFrame) drawRow(c Canvas, r DistRow, top float64) {
	fs := f.fs
	bottom := top + distBar*fs
	mid := (top + bottom) / 2
	if s := fit(c, cleanLabel(r.Label), fs, f.labelW); s != "" {
		c.Text(f.x+f.labelW, baseline(mid, fs), s, fs, Ink, AlignRight)
	}

	parts, total := f.split(r.Counts)
	if total == 0 {
		lw := stroke(fs, 0.5)
		c.StrokeRect(f.x0+lw/2, top+lw/2, f.barW-lw, bottom-top-lw, lw, rule)
		if c.TextWidth(noData, fs) <= f.barW {
			c.Text(f.x0+f.barW/2, baseline(mid, fs), noData, fs, faint, AlignCenter)
		}
		return
	}
	for _, p := range parts {
		c.Rect(p.left, top, p.right-p.left, bottom-top, p.seg.Color)
	}
	// White gaps tell neighbours apart where their colours print alike.
	sep := stroke(fs, 0.6)
	for _, p := range parts[1:] {
		x := max(f.x0+sep/2, min(p.left, f.x0+f.barW-sep/2))
		c.Line(x, top, x, bottom, sep, white)
	}

	var below []outside
	for _, p := range parts {
		text := segmentLabel(p.seg.Word, strconv.Itoa(p.count)+"（"+percent(float64(p.count)/float64(total))+"）")
		center := (p.left + p.right) / 2
		if c.TextWidth(text, fs)+0.6*fs <= p.right-p.left {
			c.Text(center, baseline(mid, fs), text, fs, onColor(p.seg.Color), AlignCenter)
			continue
		}
		below = append(below, outside{center: center, long: text, short: segmentLabel(p.seg.Word, strconv.Itoa(p.count))})
	}
	f.drawBelow(c, below, bottom)
}

// split divides the bar among the segments with a count, in proportion
// but none narrower than distMinPart so that one red task among hundreds
// still shows; the widest part pays for that. The parts tile the bar.
func (f distFrame) split(counts []int) ([]part, int) {
	var parts []part
	total := 0
	for i, s := range f.segs {
		if i < len(counts) && counts[i] > 0 {
			parts = append(parts, part{seg: s, count: counts[i]})
			total += counts[i]
		}
	}
	if total == 0 {
		return nil, 0
	}
	widths := make([]float64, len(parts))
	widest, short := 0, 0.0
	for i, p := range parts {
		widths[i] = f.barW * float64(p.count) / float64(total)
		if widths[i] > widths[widest] {
			widest = i
		}
	}
	minW := distMinPart * f.fs
	for i := range widths {
		if widths[i] < minW {
			short += minW - widths[i]
		}
	}
	if short > 0 && widths[widest]-short >= minW {
		for i := range widths {
			widths[i] = max(widths[i], minW)
		}
		widths[widest] -= short
	}
	left := f.x0
	for i := range parts {
		parts[i].left = left
		left += widths[i]
		parts[i].right = left
	}
	parts[len(parts)-1].right = f.x0 + f.barW
	return parts, total
}

func segmentLabel(word, rest string) string {
	return strings.TrimSpace(word + " " + rest)
}

// outside is a segment label drawn below the bar.
type outside struct {
	center      float64 // the segment's
	long, short string
}

// drawBelow writes the labels of narrow segments in a row under the bar,
// each as near its segment as the others allow, with a leader up to it;
// when the full labels crowd, the shares are dropped, then the words cut.
func (f distFrame) drawBelow(c Canvas, labels []outside, bottom float64) {
	if len(labels) == 0 {
		return
	}
	fs := f.fs
	gap := 0.8 * fs
	lo, hi := f.x0, f.x0+f.barW
	texts := make([]string, len(labels))
	for i, l := range labels {
		texts[i] = l.long
	}
	lefts, ok := spread(c, labels, texts, lo, hi, gap, fs)
	if !ok {
		for i, l := range labels {
			texts[i] = l.short
		}
		lefts, ok = spread(c, labels, texts, lo, hi, gap, fs)
	}
	if !ok {
		each := (hi-lo)/float64(len(labels)) - gap
		for i := range texts {
			texts[i] = fit(c, texts[i], fs, each)
		}
		lefts, _ = spread(c, labels, texts, lo, hi, gap, fs)
	}
	for i, l := range labels {
		if texts[i] == "" {
			continue
		}
		tx := lefts[i] + c.TextWidth(texts[i], fs)/2
		lw := stroke(fs, 0.5)
		from := max(lo+lw/2, min(l.center, hi-lw/2))
		c.Line(from, bottom, tx, bottom+0.6*fs, lw, Ink)
		c.Text(lefts[i], bottom+(0.65+ascent)*fs, texts[i], fs, Ink, AlignLeft)
	}
}

// spread places texts left to right within [lo, hi], each centred under
// its label's centre unless that would overlap the one before or leave the
// range; ok is false when they cannot all fit.
func spread(c Canvas, labels []outside, texts []string, lo, hi, gap, fs float64) (lefts []float64, ok bool) {
	widths := make([]float64, len(texts))
	need := -gap
	for i, t := range texts {
		widths[i] = c.TextWidth(t, fs)
		need += widths[i] + gap
	}
	lefts = make([]float64, len(texts))
	next := lo
	for i, l := range labels {
		lefts[i] = max(l.center-widths[i]/2, next)
		next = lefts[i] + widths[i] + gap
	}
	limit := hi
	for i := len(lefts) - 1; i >= 0; i-- {
		lefts[i] = min(lefts[i], limit-widths[i])
		limit = lefts[i] - gap
	}
	return lefts, need <= hi-lo
}
