package typeface

import (
	"encoding/binary"
	"errors"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"math"
	"testing"
)

// FuzzParse feeds Parse damaged fonts and collections: it must answer with an
// *inputerr.Error, never panic, and a face it accepts must have metrics the
// layout can use and a Data that parses back to the same face.
func FuzzParse(f *testing.F) {
	tiny, tiny12 := readTestdata(f, "tiny.ttf"), readTestdata(f, "tiny12.ttf")
	apple := append([]byte("true"), tiny[4:]...)
	for _, seed := range [][]byte{
		tiny, tiny12, apple, writeTTC(tiny, tiny12), writeTTC(tiny, minimalOTTO()),
		minimalOTTO(), cffFace(), tiny[:600], []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"),
	} {
		f.Add(seed, uint8(0))
		f.Add(seed, uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, index uint8) { checkParse(t, data, int(index)) })
}

// Every byte of a font that Parse reads, and of a collection's header and
// directory, set to 0, to 0xFF and flipped: the paths a random fuzzer takes
// long to reach (cmap segments, name records, loca offsets) each get
// damaged. The outlines, which Parse does not read, are left alone.
func TestParseCorrupted(t *testing.T) {
	tiny12 := readTestdata(t, "tiny12.ttf")
	var places []int
	skip := map[int]bool{}
	for _, tag := range []string{"glyf", "post", "OS/2"} {
		start, end := tableSpan(tiny12, 0, tag)
		for i := start; i < end; i++ {
			skip[i] = true
		}
	}
	for i := range tiny12 {
		if !skip[i] {
			places = append(places, i)
		}
	}
	corrupt(t, tiny12, 0, places)

	ttc := writeTTC(readTestdata(t, "tiny.ttf"), tiny12)
	dir := int(binary.BigEndian.Uint32(ttc[16:]))
	places = []int{}
	for i := range 20 {
		places = append(places, i)
	}
	for i := range 12 + 16*int(binary.BigEndian.Uint16(ttc[dir+4:])) {
		places = append(places, dir+i)
	}
	corrupt(t, ttc, 1, places)
}

func corrupt(t *testing.T, data []byte, index int, places []int) {
	bad := make([]byte, len(data))
	for _, i := range places {
		for _, b := range []byte{0, 0xFF, data[i] ^ 0x80} {
			copy(bad, data)
			bad[i] = b
			checkParse(t, bad, index)
		}
	}
}

// checkParse checks that Parse either fails with an *inputerr.Error or gives a
// face with metrics the layout can use and a Data that parses back to it.
func checkParse(t *testing.T, data []byte, index int) {
	t.Helper()
	face, err := Parse("fuzz.ttf", data, index)
	if err != nil {
		var in *inputerr.Error
		if !errors.As(err, &in) || in.Msg == "" {
			t.Fatalf("error %T %v; want an *inputerr.Error", err, err)
		}
		return
	}
	for _, r := range []rune{0, 'a', '中', '。', '𠮷', -1, math.MaxInt32} {
		if a := face.Advance(r); a < 0 || a > 100 || math.IsNaN(a) || (a != 0 && !face.Has(r)) {
			t.Fatalf("Advance(%q) = %v, Has %v", r, a, face.Has(r))
		}
	}
	if face.UnitsPerEm <= 0 || face.Name == "" {
		t.Fatalf("UnitsPerEm %d, Name %q", face.UnitsPerEm, face.Name)
	}
	again, err := Parse("data", face.Data, 0)
	if err != nil {
		t.Fatalf("Data does not parse: %v", err)
	}
	if !sameCoverage(face, again) || again.Name != face.Name {
		t.Fatal("Data parses to another face")
	}
}

// tableSpan is where table tag of the face at off lies in data.
func tableSpan(data []byte, off uint32, tag string) (start, end int) {
	for i := range int(binary.BigEndian.Uint16(data[off+4:])) {
		e := data[int(off)+12+16*i:]
		if string(e[:4]) == tag {
			start = int(binary.BigEndian.Uint32(e[8:]))
			return start, start + int(binary.BigEndian.Uint32(e[12:]))
		}
	}
	return 0, 0
}
