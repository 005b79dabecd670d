package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// recorder is a Canvas that records what is drawn. Its fonts are 1 em wide
// for CJK characters and 0.5 em for the rest.
type recorder struct{ calls []call }

type call struct {
	op             string // line, rect, stroke, text
	x1, y1, x2, y2 float64
	width          float64 // line and stroke width
	col            Color
	text           string
	size           float64
	align          Align
}

func (r *recorder) Line(x1, y1, x2, y2, width float64, c Color) {
	r.calls = append(r.calls, call{op: "line", x1: x1, y1: y1, x2: x2, y2: y2, width: width, col: c})
}

func (r *recorder) Rect(x, y, w, h float64, fill Color) {
	r.calls = append(r.calls, call{op: "rect", x1: x, y1: y, x2: x + w, y2: y + h, col: fill})
}

func (r *recorder) StrokeRect(x, y, w, h, width float64, c Color) {
	r.calls = append(r.calls, call{op: "stroke", x1: x, y1: y, x2: x + w, y2: y + h, width: width, col: c})
}

func (r *recorder) Text(x, y float64, s string, size float64, c Color, a Align) {
	r.calls = append(r.calls, call{op: "text", x1: x, y1: y, text: s, size: size, col: c, align: a})
}

func (r *recorder) TextWidth(s string, size float64) float64 {
	em := 0.0
	for _, ch := range s {
		if unicode.Is(unicode.Han, ch) || ch >= 0x3000 && ch <= 0x303F || ch >= 0xFF00 && ch <= 0xFFEF {
			em++
		} else {
			em += 0.5
		}
	}
	return em * size
}

// box is a drawn area: x0 ≤ x ≤ x1, y0 ≤ y ≤ y1.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) String() string {
	return fmt.Sprintf("[%.2f,%.2f]–[%.2f,%.2f]", b.x0, b.y0, b.x1, b.y1)
}

func (b box) overlaps(o box) bool {
	const eps = 1e-9
	return b.x0 < o.x1-eps && o.x0 < b.x1-eps && b.y0 < o.y1-eps && o.y0 < b.y1-eps
}

// bounds is the area a call paints: lines with butt caps, strokes centred
// on their rectangle, text in the box the charts reserve.
func (r *recorder) bounds(c call) box {
	switch c.op {
	case "line":
		dx, dy := c.x2-c.x1, c.y2-c.y1
		l := math.Hypot(dx, dy)
		if l == 0 {
			return box{c.x1, c.y1, c.x1, c.y1}
		}
		nx, ny := -dy/l*c.width/2, dx/l*c.width/2
		xs := []float64{c.x1 + nx, c.x1 - nx, c.x2 + nx, c.x2 - nx}
		ys := []float64{c.y1 + ny, c.y1 - ny, c.y2 + ny, c.y2 - ny}
		return box{slices.Min(xs), slices.Min(ys), slices.Max(xs), slices.Max(ys)}
	case "stroke":
		return box{c.x1 - c.width/2, c.y1 - c.width/2, c.x2 + c.width/2, c.y2 + c.width/2}
	case "text":
		left := r.left(c)
		return box{left, c.y1 - ascent*c.size, left + r.TextWidth(c.text, c.size), c.y1 + descent*c.size}
	}
	return box{c.x1, c.y1, c.x2, c.y2}
}

// left is where a text call starts.
func (r *recorder) left(c call) float64 {
	switch c.align {
	case AlignCenter:
		return c.x1 - r.TextWidth(c.text, c.size)/2
	case AlignRight:
		return c.x1 - r.TextWidth(c.text, c.size)
	}
	return c.x1
}

func (r *recorder) ops(op string) []call {
	var out []call
	for _, c := range r.calls {
		if c.op == op {
			out = append(out, c)
		}
	}
	return out
}

func (r *recorder) texts() []call { return r.ops("text") }

// text returns the only text call drawing s.
func (r *recorder) text(t *testing.T, s string) call {
	t.Helper()
	var found []call
	for _, c := range r.texts() {
		if c.text == s {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		t.Fatalf("text %q drawn %d times; want once; texts: %v", s, len(found), r.textList())
	}
	return found[0]
}

func (r *recorder) hasText(s string) bool {
	return slices.Contains(r.textList(), s)
}

func (r *recorder) textList() []string {
	var out []string
	for _, c := range r.texts() {
		out = append(out, c.text)
	}
	return out
}

func (r *recorder) colored(op string, col Color) []call {
	var out []call
	for _, c := range r.ops(op) {
		if c.col == col {
			out = append(out, c)
		}
	}
	return out
}

func (c call) String() string {
	switch c.op {
	case "text":
		return fmt.Sprintf("text %.2f %.2f %q %g %s %s", c.x1, c.y1, c.text, c.size, c.col, [...]string{"left", "center", "right"}[c.align])
	case "line":
		return fmt.Sprintf("line %.2f %.2f %.2f %.2f w%.2f %s", c.x1, c.y1, c.x2, c.y2, c.width, c.col)
	case "stroke":
		return fmt.Sprintf("stroke %.2f %.2f %.2f %.2f w%.2f %s", c.x1, c.y1, c.x2-c.x1, c.y2-c.y1, c.width, c.col)
	}
	return fmt.Sprintf("rect %.2f %.2f %.2f %.2f %s", c.x1, c.y1, c.x2-c.x1, c.y2-c.y1, c.col)
}

func (c Color) String() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

func (r *recorder) dump() string {
	var b strings.Builder
	for _, c := range r.calls {
		b.WriteString(c.String())
		b.WriteByte('\n')
	}
	return b.String()
}

type drawable interface {
	Draw(c Canvas, x, y, w, h float64)
}

// draw draws ch in the rectangle and checks that every call is sane and
// inside it.
func draw(t testing.TB, ch drawable, x, y, w, h float64) *recorder {
	t.Helper()
	r := &recorder{}
	ch.Draw(r, x, y, w, h)
	checkCalls(t, r, box{x, y, x + w, y + h})
	return r
}

func checkCalls(t testing.TB, r *recorder, in box) {
	t.Helper()
	const eps = 1e-6
	for _, c := range r.calls {
		for _, v := range []float64{c.x1, c.y1, c.x2, c.y2, c.width, c.size} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%v: not a finite number", c)
			}
		}
		switch {
		case c.op == "text" && (c.text == "" || c.size <= 0):
			t.Errorf("%v: empty text or no size", c)
		case (c.op == "rect" || c.op == "stroke") && (c.x2 < c.x1 || c.y2 < c.y1):
			t.Errorf("%v: negative size", c)
		case (c.op == "line" || c.op == "stroke") && c.width <= 0:
			t.Errorf("%v: no width", c)
		}
		b := r.bounds(c)
		if b.x0 < in.x0-eps || b.y0 < in.y0-eps || b.x1 > in.x1+eps || b.y1 > in.y1+eps {
			t.Errorf("%v paints %v, outside %v", c, b, in)
		}
	}
}

// checkTextsApart fails when two texts overlap.
func checkTextsApart(t *testing.T, r *recorder) {
	t.Helper()
	texts := r.texts()
	for i, a := range texts {
		for _, b := range texts[i+1:] {
			if r.bounds(a).overlaps(r.bounds(b)) {
				t.Errorf("texts overlap: %v %v and %v %v", a, r.bounds(a), b, r.bounds(b))
			}
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func ptr[T any](v T) *T { return &v }
