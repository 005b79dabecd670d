package gongwen

import (
	"github.com/taizhang-dev/taizhang/report/chart"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Figure reserves h points of the text block (on a new page when they do
// not fit) and lets draw paint on it through a chart.Canvas, in the PDF's
// own vector operations and the embedded fonts. Chart text is set in 黑体.
// draw is called again, later, to paint the chart as a picture for
// WriteDocx: it must draw from its arguments and what it captured, not
// from variables the caller changes afterwards.
func (d *Doc) Figure(h float64, draw func(c chart.Canvas, x, y, w, h float64)) {
	d.ensure(h)
	x, _, w, _ := d.cur.block()
	d.record(block{kind: blockFigure, h: h, w: w, draw: draw})
	draw(canvas{d}, x, d.y, w, h)
	d.y += h
}

// Canvas is a canvas for measuring text the way charts drawn with Figure
// will; what is drawn on it lands on the current page.
func (d *Doc) Canvas() chart.Canvas { return canvas{d} }

// canvas draws charts into the current page.
type canvas struct{ d *Doc }

func color(c chart.Color) Color { return Color{c.R, c.G, c.B} }

func (c canvas) Line(x1, y1, x2, y2, width float64, col chart.Color) {
	c.d.add(op{kind: opLine, x: x1, y: y1, x2: x2, y2: y2, w: width, color: color(col)})
}

func (c canvas) Rect(x, y, w, h float64, fill chart.Color) {
	c.d.add(op{kind: opFill, x: x, y: y, w: w, h: h, color: color(fill)})
}

func (c canvas) StrokeRect(x, y, w, h, width float64, col chart.Color) {
	c.d.add(op{kind: opStroke, x: x, y: y, w: w, h: h, x2: width, color: color(col)})
}

func (c canvas) Text(x, y float64, s string, size float64, col chart.Color, a chart.Align) {
	gs := c.d.shape([]Span{{Text: s, Role: typeface.Hei, Color: color(col)}}, size)
	c.d.glyphRun(gs, aligned(x, naturalWidth(gs, 0), a), y, size, 0)
}

func (c canvas) TextWidth(s string, size float64) float64 {
	c.d.measuring = true
	defer func() { c.d.measuring = false }()
	return naturalWidth(c.d.shape([]Span{In(typeface.Hei, s)}, size), 0)
}

// aligned is where text w wide starts when aligned a at x.
func aligned(x, w float64, a chart.Align) float64 {
	switch a {
	case chart.AlignCenter:
		return x - w/2
	case chart.AlignRight:
		return x - w
	}
	return x
}
