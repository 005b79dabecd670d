package gongwen

import (
	"bytes"
	"image"
	imgcolor "image/color"
	"image/png"
	"testing"
)

// TestEncodePNG decodes what encodePNG writes with image/png and compares
// every pixel.
func TestEncodePNG(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 37, 23))
	for y := range 23 {
		for x := range 37 {
			img.Set(x, y, imgcolor.RGBA{uint8(x * 7), uint8(y * 11), uint8(x * y), 255})
		}
	}
	data, err := encodePNG(img)
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("image/png cannot read it: %v", err)
	}
	if got.Bounds() != img.Bounds() {
		t.Fatalf("bounds %v, want %v", got.Bounds(), img.Bounds())
	}
	for y := range 23 {
		for x := range 37 {
			r, g, b, a := got.At(x, y).RGBA()
			want := img.RGBAAt(x, y)
			if uint8(r>>8) != want.R || uint8(g>>8) != want.G || uint8(b>>8) != want.B || a != 0xffff {
				t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, got.At(x, y), want)
			}
		}
	}
}
