package chart

// seriesColors are told apart in colour; shapes tell them apart in grey.
var seriesColors = []Color{
	Hex(0x1565C0), // blue
	Hex(0xE65100), // orange
	Hex(0x2E7D32), // green
	Hex(0x6A1B9A), // purple
	Hex(0x00838F), // teal
	Hex(0xAD1457), // magenta
	Hex(0x5D4037), // brown
	Hex(0x455A64), // blue grey
	Hex(0x9E9D24), // olive
	Hex(0x212121), // black
}

const numShapes = 10

// markerSize is a marker's half-size, in font sizes.
const markerSize = 0.35

// drawShape draws marker shape k (of numShapes) centred on (cx, cy) within
// r of it, from filled and outlined squares, lines and outlined polygons.
func drawShape(c Canvas, k int, cx, cy, r float64, col Color) {
	lw := 0.3 * r
	in := r - lw/2 // outlines stay within r
	cross := func() {
		d := 0.85 * in
		c.Line(cx-d, cy-d, cx+d, cy+d, lw, col)
		c.Line(cx-d, cy+d, cx+d, cy-d, lw, col)
	}
	square := func() { c.StrokeRect(cx-in, cy-in, 2*in, 2*in, lw, col) }
	switch k % numShapes {
	case 0: // filled square
		c.Rect(cx-r, cy-r, 2*r, 2*r, col)
	case 1: // triangle
		polygon(c, lw, col, cx, cy-in, cx+in, cy+in, cx-in, cy+in)
	case 2: // cross
		cross()
	case 3: // square
		square()
	case 4: // diamond
		polygon(c, lw, col, cx, cy-in, cx+in, cy, cx, cy+in, cx-in, cy)
	case 5: // plus
		c.Line(cx-in, cy, cx+in, cy, lw, col)
		c.Line(cx, cy-in, cx, cy+in, lw, col)
	case 6: // triangle down
		polygon(c, lw, col, cx-in, cy-in, cx+in, cy-in, cx, cy+in)
	case 7: // square with a cross
		square()
		cross()
	case 8: // square with a dot
		square()
		c.Rect(cx-r/3, cy-r/3, 2*r/3, 2*r/3, col)
	case 9: // asterisk
		cross()
		c.Line(cx, cy-in, cx, cy+in, lw, col)
	}
}

// polygon outlines the closed polygon through the points x1, y1, x2, y2, ….
func polygon(c Canvas, lw float64, col Color, xy ...float64) {
	n := len(xy) / 2
	for i := range n {
		j := (i + 1) % n
		c.Line(xy[2*i], xy[2*i+1], xy[2*j], xy[2*j+1], lw, col)
	}
}
