package gongwen

import (
	"fmt"
	"image"
	imgcolor "image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/taizhang-dev/taizhang/report/chart"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// figureDPI is the resolution charts are drawn at for a Word document:
// enough for print.
const figureDPI = 300

// measure is the width of spans set at size points with cs points after
// each glyph, without counting their characters as drawn.
func (d *Doc) measure(spans []Span, size, cs float64) float64 {
	d.measuring = true
	defer func() { d.measuring = false }()
	return naturalWidth(d.shape(spans, size), cs)
}

// rasterize draws a figure block into a PNG of its size at figureDPI, on
// white, with the same text measurements as the PDF.
func (d *Doc) rasterize(b block) ([]byte, error) {
	scale := figureDPI / 72.0
	w, h := int(math.Ceil(b.w*scale)), int(math.Ceil(b.h*scale))
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	r := &raster{d: d, img: img, scale: scale, fonts: map[*typeface.Face]*sfnt.Font{}, faces: map[faceSize]font.Face{}}
	b.draw(r, 0, 0, b.w, b.h)
	for _, f := range r.faces {
		f.Close()
	}
	if r.err != nil {
		return nil, r.err
	}
	return encodePNG(img)
}

type faceSize struct {
	face *typeface.Face
	px   float64
}

// raster is a chart.Canvas drawing into an image: coordinates in points
// from the figure's top left, scale pixels a point.
type raster struct {
	d     *Doc
	img   *image.RGBA
	scale float64
	z     vector.Rasterizer
	fonts map[*typeface.Face]*sfnt.Font
	faces map[faceSize]font.Face
	err   error
}

var _ chart.Canvas = (*raster)(nil)

func rgba(c chart.Color) *image.Uniform {
	return image.NewUniform(imgcolor.RGBA{c.R, c.G, c.B, 0xFF})
}

// fill paints the polygon pts (in points) in c, antialiased.
func (r *raster) fill(c chart.Color, pts ...[2]float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		x, y := p[0]*r.scale, p[1]*r.scale
		minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY))).Intersect(r.img.Bounds())
	if box.Empty() {
		return
	}
	// The rasterizer covers only the polygon's box: drawing a chart of
	// hundreds of shapes stays fast.
	r.z.Reset(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for i, p := range pts {
		x, y := float32(p[0]*r.scale)-ox, float32(p[1]*r.scale)-oy
		if i == 0 {
			r.z.MoveTo(x, y)
		} else {
			r.z.LineTo(x, y)
		}
	}
	r.z.ClosePath()
	r.z.Draw(r.img, box, rgba(c), image.Point{})
}

func (r *raster) Line(x1, y1, x2, y2, width float64, c chart.Color) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	// Thin rules stay visible at print resolution.
	width = math.Max(width, 0.4)
	nx, ny := -dy/l*width/2, dx/l*width/2
	r.fill(c, [2]float64{x1 + nx, y1 + ny}, [2]float64{x2 + nx, y2 + ny}, [2]float64{x2 - nx, y2 - ny}, [2]float64{x1 - nx, y1 - ny})
}

func (r *raster) Rect(x, y, w, h float64, c chart.Color) {
	r.fill(c, [2]float64{x, y}, [2]float64{x + w, y}, [2]float64{x + w, y + h}, [2]float64{x, y + h})
}

func (r *raster) StrokeRect(x, y, w, h, width float64, c chart.Color) {
	r.Line(x-width/2, y, x+w+width/2, y, width, c)
	r.Line(x-width/2, y+h, x+w+width/2, y+h, width, c)
	r.Line(x, y, x, y+h, width, c)
	r.Line(x+w, y, x+w, y+h, width, c)
}

// Text sets s in 黑体 as the PDF does, glyph by glyph at the PDF's
// advances, each from the font the layout chose for it.
func (r *raster) Text(x, y float64, s string, size float64, c chart.Color, a chart.Align) {
	r.d.measuring = true
	gs := r.d.shape([]Span{In(typeface.Hei, s)}, size)
	r.d.measuring = false
	x = aligned(x, naturalWidth(gs, 0), a)
	src := rgba(c)
	for _, g := range gs {
		if g.brk || g.face == nil {
			continue
		}
		if !g.space {
			if f := r.face(g.face, size*r.scale); f != nil {
				dr := font.Drawer{Dst: r.img, Src: src, Face: f,
					Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * r.scale * 64)), Y: fixed.Int26_6(math.Round(y * r.scale * 64))}}
				dr.DrawString(string(g.r))
			}
		}
		x += g.w
	}
}

func (r *raster) TextWidth(s string, size float64) float64 {
	return r.d.measure([]Span{In(typeface.Hei, s)}, size, 0)
}

// face is f at px pixels, parsed once per figure.
func (r *raster) face(f *typeface.Face, px float64) font.Face {
	k := faceSize{f, px}
	if ff, ok := r.faces[k]; ok {
		return ff
	}
	sf, ok := r.fonts[f]
	if !ok {
		var err error
		sf, err = opentype.Parse(f.Data)
		if err != nil && r.err == nil {
			r.err = fmt.Errorf("字体“%s”无法用于绘制图表：%v", f.Name, err)
		}
		r.fonts[f] = sf
	}
	if sf == nil {
		return nil
	}
	ff, err := opentype.NewFace(sf, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		if r.err == nil {
			r.err = fmt.Errorf("字体“%s”无法用于绘制图表：%v", f.Name, err)
		}
		return nil
	}
	r.faces[k] = ff
	return ff
}
