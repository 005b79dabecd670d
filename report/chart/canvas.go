package chart

// Canvas is what a chart draws on. Coordinates are PDF points, origin
// top-left, y down.
//
// Charts keep text inside their rectangle by assuming that glyphs stay
// within 0.9·size above the baseline and 0.2·size below it (the CJK faces
// reach 0.88 and 0.12, common Latin faces less) and that TextWidth measures
// exactly what Text draws. Lines are expected with butt caps, the PDF
// default, and solid.
type Canvas interface {
	Line(x1, y1, x2, y2, width float64, c Color)
	Rect(x, y, w, h float64, fill Color) // filled, no stroke
	StrokeRect(x, y, w, h, width float64, c Color)
	// Text draws s with its baseline at y, aligned to x as a says.
	Text(x, y float64, s string, size float64, c Color, a Align)
	TextWidth(s string, size float64) float64
}

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Hex returns the colour written 0xRRGGBB.
func Hex(rgb uint32) Color {
	return Color{uint8(rgb >> 16), uint8(rgb >> 8), uint8(rgb)}
}

// Align says where text sits relative to the x it is drawn at.
type Align int

const (
	AlignLeft   Align = iota // text starts at x
	AlignCenter              // text is centred on x
	AlignRight               // text ends at x
)

// The traffic-light colours, dark enough to tell apart from white paper
// when printed in grey, and the colour of text.
var (
	Green = Hex(0x2E7D32)
	Amber = Hex(0xF9A825)
	Red   = Hex(0xC62828)
	Grey  = Hex(0x9E9E9E)
	Ink   = Hex(0x212121)
)

var (
	white   = Hex(0xFFFFFF)
	faint   = Hex(0x616161) // axis labels, 无数据
	rule    = Hex(0xBDBDBD) // gridlines
	axis    = Hex(0x757575) // the 0% line
	barBlue = Hex(0x4F81BD) // mid-tone: black text and ticks stay legible on it in grey
)

// onColor returns the text colour that reads on a fill of colour bg.
func onColor(bg Color) Color {
	luma := 0.299*float64(bg.R) + 0.587*float64(bg.G) + 0.114*float64(bg.B)
	if luma < 140 {
		return white
	}
	return Ink
}
