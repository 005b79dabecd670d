package typeface

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/taizhang-dev/taizhang/fonts"
)

// BenchmarkAdvance measures what the layout does for every character it
// places: Has, then Advance. One op is one character of the seed documents.
func BenchmarkAdvance(b *testing.B) {
	f := Bundled(Body)
	data, err := readSeeds()
	if err != nil {
		b.Fatal(err)
	}
	text := []rune(string(data))
	b.ResetTimer()
	var w float64
	for i := 0; i < b.N; i++ {
		r := text[i%len(text)]
		if f.Has(r) {
			w += f.Advance(r)
		}
	}
	if w < 0 {
		b.Fatal(w)
	}
}

// BenchmarkParseBundled parses the four bundled fonts, as every run that
// writes a PDF does once.
func BenchmarkParseBundled(b *testing.B) {
	files := []string{fonts.SerifRegular, fonts.SerifBold, fonts.SansRegular, fonts.Kai}
	var data [][]byte
	for _, file := range files {
		data = append(data, bundledData(b, file))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, d := range data {
			if _, err := Parse(files[j], d, 0); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseCollectionFace extracts a face of a .ttc, as loading
// simsun.ttc does.
func BenchmarkParseCollectionFace(b *testing.B) {
	ttc := writeTTC(bundledData(b, fonts.SerifRegular), bundledData(b, fonts.SansRegular))
	b.SetBytes(int64(len(ttc)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("b.ttc", ttc, 1); err != nil {
			b.Fatal(err)
		}
	}
}

func readSeeds() ([]byte, error) {
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil {
		return nil, err
	}
	var all []byte
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		all = append(all, data...)
	}
	if len(bytes.TrimSpace(all)) == 0 {
		return nil, os.ErrNotExist
	}
	return all, nil
}
