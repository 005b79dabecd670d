package gongwen

import (
	"math"
	"strconv"

	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Align is a paragraph's horizontal alignment.
type Align int

const (
	Justify Align = iota // both edges, the last line left
	Left
	Center
	Right
)

// Style is how a paragraph is set.
type Style struct {
	Size    float64 // points
	Pitch   float64 // line pitch in points
	Indent  float64 // first-line indent in characters
	Hanging float64 // indent of the other lines, in characters
	Right   float64 // right indent in characters
	Align   Align
	// Grid sets full-width characters at CharPitch (28 a line) rather
	// than at their natural width.
	Grid bool
	// Keep is the number of following lines the paragraph must share its
	// page with (headings keep with the first line of what follows).
	Keep int
}

// Body is the style of body paragraphs: 三号, on the 22×28 grid, first line
// indented two characters, justified.
var Body = Style{Size: SizeSan, Pitch: LinePitch, Indent: 2, Align: Justify, Grid: true}

// spacing is the extra advance after each glyph that sets full-width
// characters on the grid.
func (s Style) spacing() float64 {
	if !s.Grid {
		return 0
	}
	return CharPitch*s.Size/SizeSan - s.Size
}

// Para sets a body paragraph.
func (d *Doc) Para(spans ...Span) { d.Paragraph(Body, spans...) }

// Text sets a body paragraph of plain text.
func (d *Doc) Text(s string) { d.Para(Plain(s)) }

// Heading sets a numbered heading of level 1–4 in its font: 一、黑体,
// （一）楷体, 1. and （1） bold body font. When text is followed by more
// text on the same paragraph (rest), the rest is body text.
func (d *Doc) Heading(level int, marker, text string, rest ...Span) {
	role := typeface.Bold
	switch level {
	case 1:
		role = typeface.Hei
	case 2:
		role = typeface.Kai
	}
	spans := append([]Span{In(role, marker+text)}, rest...)
	st := Body
	if len(rest) == 0 {
		st.Keep = 2
	}
	d.record(block{kind: blockHeading, level: level, marker: marker, text: text, spans: rest})
	d.paragraph(st, spans...)
}

// Paragraph sets spans in a style, breaking pages between lines.
func (d *Doc) Paragraph(st Style, spans ...Span) {
	d.record(block{kind: blockParagraph, style: st, spans: spans})
	d.paragraph(st, spans...)
}

func (d *Doc) paragraph(st Style, spans ...Span) {
	gs := d.shape(spans, st.Size)
	em := st.Size
	if st.Grid {
		em = CharPitch * st.Size / SizeSan
	}
	width := d.Width() - st.Right*em
	first := width - st.Indent*em
	rest := width - st.Hanging*em
	// breakLines takes one width for the other lines; the hanging indent
	// is applied when drawing.
	lines := breakLines(gs, first, rest, st.spacing())
	if len(lines) == 0 {
		lines = []line{{}}
	}
	d.ensure(float64(min(len(lines), 2)+st.Keep) * st.Pitch)
	if st.Keep > 0 {
		d.ensure(float64(len(lines)+st.Keep) * st.Pitch)
	}
	x0, _, _, _ := d.cur.block()
	for i, ln := range lines {
		if d.Remaining() < st.Pitch-0.01 {
			d.newPage(d.cur.landscape)
		}
		indent := st.Hanging * em
		limit := rest
		if i == 0 {
			indent, limit = st.Indent*em, first
		}
		d.setLine(gs, ln, x0+indent, limit, st)
		d.y += st.Pitch
	}
}

// setLine draws one line of glyphs whose left edge is at x, in a box of
// limit points.
func (d *Doc) setLine(gs []glyph, ln line, x, limit float64, st Style) {
	cs := st.spacing()
	n := ln.to - ln.from
	switch {
	case st.Align == Justify && ln.justify && n > 1:
		extra := (limit - ln.width) / float64(n-1)
		// A line stretched too far (a long word pushed down) stays ragged.
		if extra < st.Size*0.6 {
			cs += extra
		}
	case st.Align == Center:
		x += (limit - ln.width) / 2
	case st.Align == Right:
		x += limit - ln.width
	}
	base := d.y + baseline(st.Pitch, st.Size)
	d.glyphRun(gs[ln.from:ln.to], x, base, st.Size, cs)
}

// baseline is the baseline's offset from the top of a line of pitch
// points holding text of size points: the text centred in the line.
func baseline(pitch, size float64) float64 {
	return (pitch-size)/2 + size*0.88
}

// glyphRun draws glyphs from x on a baseline, one text operation per run
// of the same font and colour.
func (d *Doc) glyphRun(gs []glyph, x, base, size, cs float64) float64 {
	for i := 0; i < len(gs); {
		j := i
		start := x
		buf := make([]rune, 0, len(gs)-i)
		for j < len(gs) && gs[j].face == gs[i].face && gs[j].color == gs[i].color {
			if !gs[j].brk {
				buf = append(buf, gs[j].r)
				x += gs[j].w + cs
			}
			j++
		}
		if gs[i].face != nil && len(buf) > 0 {
			d.add(op{kind: opText, x: start, y: base, face: gs[i].face, size: size, cs: cs, text: string(buf), color: gs[i].color})
		}
		i = j
	}
	return x
}

// Title sets the document's title: 二号 in the title font, centred, broken
// into balanced lines at the most natural places, followed by a blank line.
func (d *Doc) Title(s string) {
	d.record(block{kind: blockTitle, text: s})
	d.title(s)
}

func (d *Doc) title(s string) {
	size := float64(SizeEr)
	gs := d.shape([]Span{In(typeface.Title, s)}, size)
	lines := titleLines(gs, d.Width()-2*size)
	pitch := size * 1.5
	d.ensure(float64(len(lines))*pitch + LinePitch)
	x0, _, w, _ := d.cur.block()
	for _, ln := range lines {
		if d.Remaining() < pitch-0.01 {
			d.newPage(d.cur.landscape)
			x0, _, w, _ = d.cur.block()
		}
		x := x0 + (w-ln.width)/2
		d.glyphRun(gs[ln.from:ln.to], x, d.y+baseline(pitch, size), size, 0)
		d.y += pitch
	}
	d.y += LinePitch * 0.5
}

// Centered sets one centred paragraph in a role and size (a subtitle, a
// table caption).
func (d *Doc) Centered(role typeface.Role, size float64, s string) {
	d.Paragraph(Style{Size: size, Pitch: math.Max(LinePitch, size*1.5), Align: Center, Keep: 1}, In(role, s))
}

// Signature sets the issuing office and the date at the end of the body:
// the date four characters in from the right edge and the office centred
// over it.
func (d *Doc) Signature(office, date string) {
	d.record(block{kind: blockSignature, office: office, date: date})
	d.Skip(1)
	d.ensure(2 * LinePitch)
	x0, _, w, _ := d.cur.block()
	dg := d.shape([]Span{Plain(date)}, SizeSan)
	dw := naturalWidth(dg, Body.spacing())
	dateX := x0 + w - 4*CharPitch - dw
	if office != "" {
		og := d.shape([]Span{Plain(office)}, SizeSan)
		ow := naturalWidth(og, Body.spacing())
		ox := math.Max(x0, math.Min(dateX+(dw-ow)/2, x0+w-2*CharPitch-ow))
		d.glyphRun(og, ox, d.y+baseline(LinePitch, SizeSan), SizeSan, Body.spacing())
		d.y += LinePitch
	}
	d.glyphRun(dg, dateX, d.y+baseline(LinePitch, SizeSan), SizeSan, Body.spacing())
	d.y += LinePitch
}

func naturalWidth(gs []glyph, cs float64) float64 {
	w := 0.0
	for _, g := range gs {
		w += g.w + cs
	}
	return w
}

// AttachmentList sets the list of attachments under the body:
// 附件：1.XXXX, the further items aligned under the first.
func (d *Doc) AttachmentList(titles []string) {
	if len(titles) == 0 {
		return
	}
	d.record(block{kind: blockAttachments, titles: titles})
	d.Skip(1)
	for _, l := range attachmentLines(titles) {
		d.paragraph(attachmentStyle(), Plain(l))
	}
}

// Attachment starts attachment n on a new page: 附件n in 黑体 at the top
// left, then its title.
func (d *Doc) Attachment(n int, title string, landscape bool) {
	d.record(block{kind: blockAttachment, n: n, text: title, landscape: landscape})
	d.newPage(landscape)
	label := "附件"
	if n > 0 {
		label += strconv.Itoa(n)
	}
	d.paragraph(Style{Size: SizeSan, Pitch: LinePitch, Align: Left}, In(typeface.Hei, label))
	if title != "" {
		d.title(title)
	}
}

// Red is the colour of the masthead (版头): the red of official documents.
var Red = Color{R: 0xE6, G: 0x00, B: 0x12}

// Masthead sets the red header the office's bulletins carry (督查通报 in
// the manner of a 简报): the bulletin's name in the title font, in red, as
// large as fits up to 42 pt and spaced out; the issue (第4期) under it; the
// issuing office on the left and the date on the right; then a red rule
// across the text block. It must come first on its page.
func (d *Doc) Masthead(name, issue, office, date string) {
	d.record(block{kind: blockMasthead, text: name, issue: issue, office: office, date: date})
	x0, _, w, _ := d.cur.block()
	spaced := []rune(name)
	var b []rune
	for i, r := range spaced {
		if i > 0 {
			b = append(b, '\u3000')
		}
		b = append(b, r)
	}
	size := 42.0
	gs := d.shape([]Span{{Text: string(b), Role: typeface.Title, Color: Red}}, size)
	if nw := naturalWidth(gs, 0); nw > w {
		// Advances scale with the size: shrink them rather than shape twice.
		size = size * w / nw
		for i := range gs {
			gs[i].w *= w / nw
		}
	}
	pitch := size * 1.4
	d.glyphRun(gs, x0+(w-naturalWidth(gs, 0))/2, d.y+baseline(pitch, size), size, 0)
	d.y += pitch
	if issue != "" {
		ig := d.shape([]Span{Plain(issue)}, SizeSan)
		d.glyphRun(ig, x0+(w-naturalWidth(ig, 0))/2, d.y+baseline(LinePitch, SizeSan), SizeSan, 0)
		d.y += LinePitch
	}
	base := d.y + baseline(LinePitch, SizeSan)
	if office != "" {
		og := d.shape([]Span{Plain(office)}, SizeSan)
		d.glyphRun(og, x0+CharPitch, base, SizeSan, 0)
	}
	if date != "" {
		dg := d.shape([]Span{Plain(date)}, SizeSan)
		d.glyphRun(dg, x0+w-CharPitch-naturalWidth(dg, 0), base, SizeSan, 0)
	}
	d.y += LinePitch + 2
	d.add(op{kind: opLine, x: x0, y: d.y, x2: x0 + w, y2: d.y, w: 1.5, color: Red})
	d.y += LinePitch
}

// attachmentLines are the lines of the list of attachments under the body:
// 附件：1.XXXX, the further items aligned under the first; no number when
// there is one attachment.
func attachmentLines(titles []string) []string {
	out := make([]string, len(titles))
	for i, t := range titles {
		label := "附件："
		if i > 0 {
			label = "　　　"
		}
		num := ""
		if len(titles) > 1 {
			num = strconv.Itoa(i+1) + "."
		}
		out[i] = label + num + t
	}
	return out
}

// attachmentStyle is body text hanging under its 附件： label.
func attachmentStyle() Style {
	st := Body
	st.Hanging = 5
	return st
}
