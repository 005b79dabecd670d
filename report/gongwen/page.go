package gongwen

import "github.com/taizhang-dev/taizhang/report/typeface"

// page is one laid-out page: its drawing operations in order.
type page struct {
	landscape bool
	ops       []op
}

type opKind int

const (
	opText opKind = iota
	opLine
	opFill       // filled rectangle
	opStroke     // stroked rectangle
	opDot        // filled circle of diameter w centred on x, y
	opRotateText // text turned a quarter clockwise, reading downwards
)

// op is one drawing operation. Coordinates are points from the page's top
// left; text y is the baseline.
type op struct {
	kind       opKind
	x, y, w, h float64
	x2, y2     float64
	face       *typeface.Face
	size, cs   float64
	text       string
	color      Color
}

// size returns the page's width and height in points.
func (p *page) size() (w, h float64) {
	if p.landscape {
		return PageHeight, PageWidth
	}
	return PageWidth, PageHeight
}

// block returns the text block of a page: left, top, width, height.
//
// A landscape page is a portrait sheet turned with its head to the binding
// edge (GB/T 9704 §10.2), so its margins are the portrait ones turned a
// quarter: the portrait left margin is at the top, the bottom margin (where
// the page number is) at the left.
func (p *page) block() (x, y, w, h float64) {
	if p.landscape {
		bottom := PageHeight - MarginTop - BlockHeight
		return bottom, MarginLeft, BlockHeight, BlockWidth
	}
	return MarginLeft, MarginTop, BlockWidth, BlockHeight
}

// NewPage starts a page; landscape pages hold wide tables.
func (d *Doc) NewPage(landscape bool) {
	if landscape != d.cur.landscape {
		// Only a change of orientation is content: a word processor
		// breaks pages of its own.
		d.record(block{kind: blockPageBreak, landscape: landscape})
	}
	d.newPage(landscape)
}

func (d *Doc) newPage(landscape bool) {
	p := &page{landscape: landscape}
	d.pages = append(d.pages, p)
	d.cur = p
	_, d.y, _, _ = p.block()
}

// Landscape reports whether the current page is a landscape one.
func (d *Doc) Landscape() bool { return d.cur.landscape }

// Width is the width of the current page's text block.
func (d *Doc) Width() float64 {
	_, _, w, _ := d.cur.block()
	return w
}

// Remaining is the height left on the current page's text block.
func (d *Doc) Remaining() float64 {
	_, top, _, h := d.cur.block()
	return top + h - d.y
}

// atTop reports whether nothing has been placed on the current page yet.
func (d *Doc) atTop() bool {
	_, top, _, _ := d.cur.block()
	return d.y <= top+0.01
}

// ensure starts a new page of the same orientation unless h points fit.
func (d *Doc) ensure(h float64) {
	if h > d.Remaining()+0.01 && !d.atTop() {
		d.newPage(d.cur.landscape)
	}
}

// Skip leaves n body lines blank (less at a page end; none at a page top).
func (d *Doc) Skip(n float64) {
	if d.atTop() {
		return
	}
	d.y = min(d.y+n*LinePitch, d.y+d.Remaining())
}

func (d *Doc) add(o op) { d.cur.ops = append(d.cur.ops, o) }
