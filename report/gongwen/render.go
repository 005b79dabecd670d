package gongwen

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Write renders the document as PDF to w, numbering its pages `— 1 —` in
// 四号 7 mm below the text block: odd pages on the right, even pages on the
// left, one character in from the block's edge.
func (d *Doc) Write(w io.Writer, info Info) error {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: PageWidth, H: PageHeight}, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{
		Title:        info.Title,
		Author:       info.Author,
		Subject:      info.Subject,
		Creator:      outfile.Creator, // the marker outfile.Identify reads
		CreationDate: info.Created,
	})
	names := map[*typeface.Face]string{}
	register := func(f *typeface.Face) error {
		if _, ok := names[f]; ok {
			return nil
		}
		name := fontName(f, names)
		if err := pdf.AddTTFFontDataWithOption(name, f.Data, gopdf.TtfOption{}); err != nil {
			return fmt.Errorf("字体“%s”无法嵌入 PDF：%v", f.Name, err)
		}
		names[f] = name
		return nil
	}
	number := d.fonts.Face(typeface.Body)
	if err := register(number); err != nil {
		return err
	}
	for _, p := range d.pages {
		for _, o := range p.ops {
			if o.face != nil {
				if err := register(o.face); err != nil {
					return err
				}
			}
		}
	}
	r := &renderer{pdf: pdf, names: names}
	for i, p := range d.pages {
		w, h := p.size()
		pdf.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: w, H: h}})
		for _, o := range p.ops {
			if err := r.draw(o); err != nil {
				return err
			}
		}
		if err := r.draw(d.pageNumber(p, i+1, number)); err != nil {
			return err
		}
	}
	_, err := pdf.WriteTo(w)
	return err
}

// fontName is the name a face is embedded under: its family name without
// spaces (the bold face of a family gets a number), so that pdffonts and a
// reader's font list say which font it is.
func fontName(f *typeface.Face, taken map[*typeface.Face]string) string {
	base := strings.Map(func(r rune) rune {
		if r <= ' ' || r > '~' || strings.ContainsRune("()<>[]{}/%#", r) {
			return -1
		}
		return r
	}, f.Name)
	if base == "" {
		base = "Font"
	}
	used := map[string]bool{}
	for _, n := range taken {
		used[n] = true
	}
	name := base
	for i := 2; used[name]; i++ {
		name = base + "-" + strconv.Itoa(i)
	}
	return name
}

// pageNumber places `— n —` for page n.
func (d *Doc) pageNumber(p *page, n int, face *typeface.Face) op {
	s := "— " + strconv.Itoa(n) + " —"
	size := float64(SizeSi)
	tw := 0.0
	for _, r := range s {
		tw += face.Advance(r) * size
	}
	if p.landscape {
		// The portrait bottom edge is the landscape page's left edge; the
		// number reads downwards, on the right of the portrait sheet
		// (towards the landscape bottom) on odd pages.
		bx, by, _, bh := p.block()
		x := bx - pageNumberGap - size*0.88
		y := by + size
		if n%2 == 1 {
			y = by + bh - size - tw
		}
		return op{kind: opRotateText, x: x, y: y, face: face, size: size, text: s}
	}
	bx, by, bw, bh := p.block()
	x := bx + size
	if n%2 == 1 {
		x = bx + bw - size - tw
	}
	return op{kind: opText, x: x, y: by + bh + pageNumberGap + size*0.88, face: face, size: size, text: s}
}

type renderer struct {
	pdf   *gopdf.GoPdf
	names map[*typeface.Face]string
}

func (r *renderer) draw(o op) error {
	pdf := r.pdf
	switch o.kind {
	case opText, opRotateText:
		if err := pdf.SetFont(r.names[o.face], "", o.size); err != nil {
			return err
		}
		if err := pdf.SetCharSpacing(o.cs); err != nil {
			return err
		}
		pdf.SetTextColor(o.color.R, o.color.G, o.color.B)
		if o.kind == opRotateText {
			// Turn a quarter clockwise about the text's origin.
			pdf.Rotate(-90, o.x, o.y)
			pdf.SetXY(o.x, o.y)
			err := pdf.Text(o.text)
			pdf.RotateReset()
			return err
		}
		pdf.SetXY(o.x, o.y)
		return pdf.Text(o.text)
	case opLine:
		pdf.SetStrokeColor(o.color.R, o.color.G, o.color.B)
		pdf.SetLineWidth(o.w)
		pdf.Line(o.x, o.y, o.x2, o.y2)
	case opFill:
		pdf.SetFillColor(o.color.R, o.color.G, o.color.B)
		pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.w, o.h, "F")
	case opStroke:
		pdf.SetStrokeColor(o.color.R, o.color.G, o.color.B)
		pdf.SetLineWidth(o.x2)
		pdf.RectFromUpperLeftWithStyle(o.x, o.y, o.w, o.h, "D")
	case opDot:
		rad := o.w / 2
		pdf.SetFillColor(o.color.R, o.color.G, o.color.B)
		return pdf.Rectangle(o.x-rad, o.y-rad, o.x+rad, o.y+rad, "F", rad, 8)
	}
	return nil
}
