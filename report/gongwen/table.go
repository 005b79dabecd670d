package gongwen

import (
	"strings"

	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Column is a table column: its header and its share of the width.
type Column struct {
	Header string
	Weight float64 // relative width
	Align  Align   // Left (default Justify is taken as Left), Center or Right
}

// Cell is a table cell.
type Cell struct {
	Spans []Span
	Mark  *Color // a coloured dot before the text (a traffic light)
	Fill  *Color // background
	Align *Align // overrides the column's
	// Wide makes the cell span the whole row (a group heading); the row's
	// other cells are ignored.
	Wide bool
}

// TextCell is a cell of plain text.
func TextCell(s string) Cell { return Cell{Spans: []Span{Plain(s)}} }

// Table is a table with a header row repeated on every page it runs over.
type Table struct {
	Columns []Column
	Rows    [][]Cell
	Size    float64 // font size; 0 = 小四
	Caption string  // set above the table
}

// Table geometry, in points.
const (
	cellPadX  = 3.0
	cellPadY  = 2.5
	ruleWidth = 0.5
)

var headerFill = Color{0xE8, 0xE8, 0xE8}

type laidCell struct {
	gs    []glyph
	lines []line
	mark  *Color
	fill  *Color
	align Align
	wide  bool
}

// Table sets a table across the text block. Rows are never split through a
// line of text: a row that does not fit moves to the next page, and only a
// row taller than a whole page is split, between its lines.
func (d *Doc) Table(t *Table) {
	if len(t.Columns) == 0 {
		return
	}
	d.record(block{kind: blockTable, table: t})
	size := t.Size
	if size == 0 {
		size = SizeXiao
	}
	lead := size * 1.3
	_, _, width, _ := d.cur.block()
	widths := d.tableWidths(t, width, size)
	head := make([]laidCell, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = d.layCell(Cell{Spans: []Span{In(typeface.Hei, c.Header)}, Fill: &headerFill}, widths[i], size, Center)
	}
	headH := rowHeight(head, lead)
	rows := make([][]laidCell, len(t.Rows))
	for r, row := range t.Rows {
		if len(row) > 0 && row[0].Wide {
			c := d.layCell(row[0], width, size, Left)
			c.wide = true
			rows[r] = []laidCell{c}
			continue
		}
		rows[r] = make([]laidCell, len(t.Columns))
		for i := range t.Columns {
			c := Cell{}
			if i < len(row) {
				c = row[i]
			}
			al := t.Columns[i].Align
			if c.Align != nil {
				al = *c.Align
			}
			rows[r][i] = d.layCell(c, widths[i], size, al)
		}
	}
	if t.Caption != "" {
		first := headH
		if len(rows) > 0 {
			first += rowHeight(rows[0], lead)
		}
		d.ensure(LinePitch + first)
		d.paragraph(Style{Size: SizeSan, Pitch: LinePitch, Align: Center}, In(typeface.Hei, t.Caption))
	}
	// The header keeps with the first row (or as much of it as a page
	// holds).
	first := lead + 2*cellPadY
	if len(rows) > 0 {
		_, _, _, full := d.cur.block()
		first = min(rowHeight(rows[0], lead), full-headH)
	}
	d.ensure(headH + first)
	x0, _, _, _ := d.cur.block()
	d.drawRow(head, x0, widths, 0, -1, lead, size)
	for r, row := range rows {
		h := rowHeight(row, lead)
		need := h
		if row[0].wide && r+1 < len(rows) {
			// A group heading keeps with the first line of its next row.
			need += lead + 2*cellPadY
		}
		if need > d.Remaining()+0.01 {
			_, _, _, full := d.cur.block()
			fit := int((d.Remaining() - 2*cellPadY + 0.01) / lead)
			// A tall row is split between its lines rather than leave a
			// third of a page empty; a short one moves whole.
			split := !row[0].wide && maxLines(row) >= 6 && fit >= 3
			if !split && (h <= full-headH || fit < 1 || row[0].wide) {
				d.newPage(d.cur.landscape)
				x0, _, _, _ = d.cur.block()
				d.drawRow(head, x0, widths, 0, -1, lead, size)
			}
		}
		// Draw the row, splitting it between lines when it cannot fit a page.
		from := 0
		for {
			// At least a line a page, even under a header taller than
			// the page, so that the row always ends.
			fit := max(1, int((d.Remaining()-2*cellPadY+0.01)/lead))
			n := maxLines(row)
			if n-from <= fit {
				d.drawRow(row, x0, widths, from, -1, lead, size)
				break
			}
			d.drawRow(row, x0, widths, from, from+fit, lead, size)
			from += fit
			d.newPage(d.cur.landscape)
			x0, _, _, _ = d.cur.block()
			d.drawRow(head, x0, widths, 0, -1, lead, size)
		}
	}
	d.y += LinePitch * 0.5
}

// shortLabel is the length up to which a header or a cell is a label that
// must not wrap (已完成, 牵头任务, 到2020年, 二(五)12).
const shortLabel = 6

// tableWidths shares the width among the columns by their weights, then
// widens any column too narrow for its short labels (its header, and
// cells of up to shortLabel characters) at the expense of the columns with
// room to spare, so that no short label wraps inside a word. When the
// labels cannot all fit, the weights stand.
func (d *Doc) tableWidths(t *Table, width, size float64) []float64 {
	widths := columnWidths(t.Columns, width)
	need := make([]float64, len(t.Columns))
	label := func(i int, spans []Span, hei bool) {
		text := ""
		for _, sp := range spans {
			text += sp.Text
		}
		if n := len([]rune(text)); n == 0 || n > shortLabel || strings.ContainsAny(text, " \n") {
			return
		}
		if hei {
			spans = []Span{In(typeface.Hei, text)}
		}
		d.measuring = true
		w := naturalWidth(d.shape(spans, size), 0) + 2*cellPadX + 1
		d.measuring = false
		need[i] = max(need[i], w)
	}
	for i, c := range t.Columns {
		label(i, []Span{Plain(c.Header)}, true)
	}
	for _, row := range t.Rows {
		if len(row) > 0 && row[0].Wide {
			continue
		}
		for i := range min(len(row), len(t.Columns)) {
			label(i, row[i].Spans, false)
		}
	}
	total := 0.0
	for _, n := range need {
		total += n
	}
	if total > width {
		return widths
	}
	// Widen the narrow columns; take it from the others by their slack.
	deficit, slack := 0.0, 0.0
	for i := range widths {
		if widths[i] < need[i] {
			deficit += need[i] - widths[i]
		} else {
			slack += widths[i] - need[i]
		}
	}
	if deficit == 0 || slack < deficit {
		return widths
	}
	out := make([]float64, len(widths))
	for i := range widths {
		if widths[i] < need[i] {
			out[i] = need[i]
		} else {
			out[i] = widths[i] - deficit*(widths[i]-need[i])/slack
		}
	}
	return out
}

func columnWidths(cols []Column, width float64) []float64 {
	total := 0.0
	for _, c := range cols {
		total += max(c.Weight, 0.1)
	}
	out := make([]float64, len(cols))
	for i, c := range cols {
		out[i] = width * max(c.Weight, 0.1) / total
	}
	return out
}

func (d *Doc) layCell(c Cell, width, size float64, al Align) laidCell {
	gs := d.shape(c.Spans, size)
	inner := width - 2*cellPadX
	first := inner
	if c.Mark != nil {
		first -= size
	}
	lc := laidCell{gs: gs, mark: c.Mark, fill: c.Fill, align: al}
	lc.lines = breakLines(gs, max(first, size), max(inner, size), 0)
	if len(lc.lines) == 0 {
		lc.lines = []line{{}}
	}
	return lc
}

func maxLines(row []laidCell) int {
	n := 1
	for _, c := range row {
		n = max(n, len(c.lines))
	}
	return n
}

func rowHeight(row []laidCell, lead float64) float64 {
	return float64(maxLines(row))*lead + 2*cellPadY
}

// drawRow draws lines [from, to) of every cell of a row (to < 0: all) at
// the current position and moves below it.
func (d *Doc) drawRow(row []laidCell, x0 float64, widths []float64, from, to int, lead, size float64) {
	n := maxLines(row)
	if to < 0 || to > n {
		to = n
	}
	h := float64(to-from)*lead + 2*cellPadY
	x := x0
	for i, c := range row {
		w := widths[i]
		if c.wide {
			w = 0
			for _, cw := range widths {
				w += cw
			}
		}
		if c.fill != nil {
			d.add(op{kind: opFill, x: x, y: d.y, w: w, h: h, color: *c.fill})
		}
		for k := from; k < to && k < len(c.lines); k++ {
			ln := c.lines[k]
			tx := x + cellPadX
			limit := w - 2*cellPadX
			if k == 0 && c.mark != nil {
				d.add(op{kind: opDot, x: tx + size*0.4, y: d.y + cellPadY + float64(k-from)*lead + lead/2, w: size * 0.7, color: *c.mark})
				tx += size
				limit -= size
			}
			switch c.align {
			case Center:
				tx += (limit - ln.width) / 2
			case Right:
				tx += limit - ln.width
			}
			base := d.y + cellPadY + float64(k-from)*lead + baseline(lead, size)
			d.glyphRun(c.gs[ln.from:ln.to], tx, base, size, 0)
		}
		d.add(op{kind: opStroke, x: x, y: d.y, w: w, h: h, x2: ruleWidth})
		x += w
	}
	d.y += h
}
