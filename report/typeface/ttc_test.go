package typeface

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/fonts"
)

// testFont is an sfnt taken apart, to build damaged fonts and collections.
type testFont struct {
	version uint32
	tables  []testTable
}

type testTable struct {
	tag  string
	body []byte
}

// splitFont reads the table directory at off.
func splitFont(data []byte, off uint32) testFont {
	be := binary.BigEndian
	f := testFont{version: be.Uint32(data[off:])}
	for i := range int(be.Uint16(data[off+4:])) {
		e := data[int(off)+12+16*i:]
		start, size := be.Uint32(e[8:]), be.Uint32(e[12:])
		f.tables = append(f.tables, testTable{string(e[:4]), bytes.Clone(data[start : start+size])})
	}
	return f
}

func (f testFont) table(tag string) []byte {
	for _, t := range f.tables {
		if t.tag == tag {
			return t.body
		}
	}
	return nil
}

// writeCollection lays out a .ttc: the header, then each face's directory
// and tables, a table identical to one written before being shared, as in
// real collections. Offsets are from the start of the file; checksums are
// left 0, which readers ignore.
func writeCollection(faces ...testFont) []byte {
	be := binary.BigEndian
	out := []byte("ttcf")
	out = be.AppendUint32(out, 0x00010000)
	out = be.AppendUint32(out, uint32(len(faces)))
	out = append(out, make([]byte, 4*len(faces))...)
	written := map[string]uint32{}
	for i, f := range faces {
		be.PutUint32(out[12+4*i:], uint32(len(out)))
		dir := len(out)
		out = be.AppendUint32(out, f.version)
		out = be.AppendUint16(out, uint16(len(f.tables)))
		out = append(out, make([]byte, 6+16*len(f.tables))...)
		for j, t := range f.tables {
			at, ok := written[string(t.body)]
			if !ok {
				at = uint32(len(out))
				written[string(t.body)] = at
				out = append(out, t.body...)
				out = append(out, make([]byte, pad4(len(out))-len(out))...)
			}
			e := out[dir+12+16*j:]
			copy(e, t.tag)
			be.PutUint32(e[8:], at)
			be.PutUint32(e[12:], uint32(len(t.body)))
		}
	}
	return out
}

func writeTTC(faces ...[]byte) []byte {
	var fs []testFont
	for _, data := range faces {
		fs = append(fs, splitFont(data, 0))
	}
	return writeCollection(fs...)
}

// writeFont writes a single sfnt of f's tables.
func writeFont(f testFont) []byte {
	c := writeCollection(f)
	// The face's directory and tables follow the 16-byte collection header;
	// shift every table offset back by it.
	out := bytes.Clone(c[16:])
	for i := range len(f.tables) {
		e := out[12+16*i:]
		binary.BigEndian.PutUint32(e[8:], binary.BigEndian.Uint32(e[8:])-16)
	}
	return out
}

func minimalOTTO() []byte { return []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00") }

// cffFace is a version 1.0 sfnt with a CFF table and no glyf, as the faces of
// Noto's .ttc collections are.
func cffFace() []byte {
	return writeFont(testFont{version: tagTrueType, tables: []testTable{{"CFF ", []byte{1, 0, 4, 2}}, {"cmap", make([]byte, 4)}}})
}

func editFont(data []byte, edit func(*testFont)) []byte {
	f := splitFont(data, 0)
	edit(&f)
	return writeFont(f)
}

func dropTable(data []byte, tag string) []byte {
	return editFont(data, func(f *testFont) {
		f.tables = slices.DeleteFunc(f.tables, func(t testTable) bool { return t.tag == tag })
	})
}

func renameTable(data []byte, tag, to string) []byte {
	return editFont(data, func(f *testFont) {
		for i := range f.tables {
			if f.tables[i].tag == tag {
				f.tables[i].tag = to
			}
		}
	})
}

func fillTable(data []byte, tag string, b byte) []byte {
	return editFont(data, func(f *testFont) {
		for i := range f.table(tag) {
			f.table(tag)[i] = b
		}
	})
}

func zeroTable(data []byte, tag string) []byte { return fillTable(data, tag, 0) }

// cmapPlatform relabels the (3,1) subtables of the cmap.
func cmapPlatform(data []byte, platform, encoding uint16) []byte {
	return editFont(data, func(f *testFont) {
		t := f.table("cmap")
		for i := range int(binary.BigEndian.Uint16(t[2:])) {
			rec := t[4+8*i:]
			if binary.BigEndian.Uint16(rec) == 3 && binary.BigEndian.Uint16(rec[2:]) == 1 {
				binary.BigEndian.PutUint16(rec, platform)
				binary.BigEndian.PutUint16(rec[2:], encoding)
			}
		}
	})
}

// renameNameID changes the ID of every name record id.
func renameNameID(data []byte, id, to uint16) []byte {
	return editFont(data, func(f *testFont) {
		t := f.table("name")
		for i := range int(binary.BigEndian.Uint16(t[2:])) {
			if rec := t[6+12*i:]; binary.BigEndian.Uint16(rec[6:]) == id {
				binary.BigEndian.PutUint16(rec[6:], to)
			}
		}
	})
}

// tablesEnd is where the last table of the face at off ends.
func tablesEnd(data []byte, off uint32) int {
	end := 0
	for i := range int(binary.BigEndian.Uint16(data[off+4:])) {
		e := data[int(off)+12+16*i:]
		end = max(end, int(binary.BigEndian.Uint32(e[8:])+binary.BigEndian.Uint32(e[12:])))
	}
	return end
}

// checkSFNT checks what a strict reader checks of a standalone font: sorted
// tags, aligned tables inside the file, the search fields, every table's
// checksum and the whole font's.
func checkSFNT(t *testing.T, data []byte) {
	t.Helper()
	be := binary.BigEndian
	n := int(be.Uint16(data[4:]))
	sel := 0
	for 2<<sel <= n {
		sel++
	}
	if be.Uint16(data[6:]) != uint16(16<<sel) || be.Uint16(data[8:]) != uint16(sel) || be.Uint16(data[10:]) != uint16(16*n-16<<sel) {
		t.Errorf("search fields %v for %d tables", data[6:12], n)
	}
	prev := ""
	for i := range n {
		e := data[12+16*i:]
		tag, sum, off, size := string(e[:4]), be.Uint32(e[4:]), be.Uint32(e[8:]), be.Uint32(e[12:])
		if tag <= prev || off%4 != 0 || int(off)+pad4(int(size)) > len(data) {
			t.Errorf("table %q at %d, %d bytes, after %q in %d bytes", tag, off, size, prev, len(data))
			continue
		}
		prev = tag
		body := bytes.Clone(data[off : int(off)+pad4(int(size))])
		if tag == "head" {
			be.PutUint32(body[8:], 0)
		}
		if got := checksum(body); got != sum {
			t.Errorf("table %q: checksum %08x; recorded %08x", tag, got, sum)
		}
	}
	if got := checksum(data); got != 0xB1B0AFBA {
		t.Errorf("font checksum %08x; want B1B0AFBA", got)
	}
}

func bundledData(t testing.TB, file string) []byte {
	t.Helper()
	data, err := fs.ReadFile(fonts.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A face of a .ttc comes out as a standalone font with the same tables
// (DSIG left out), the same characters and valid checksums.
func TestCollection(t *testing.T) {
	serif, sans := splitFont(bundledData(t, fonts.SerifRegular), 0), splitFont(bundledData(t, fonts.SansRegular), 0)
	serif.tables = append(serif.tables, testTable{"DSIG", []byte{0, 0, 0, 1, 0, 0, 0, 0}})
	ttc := writeCollection(serif, sans)
	tests := []struct {
		index int
		from  testFont
		same  *Face
	}{
		{0, serif, Bundled(Body)},
		{1, sans, Bundled(Hei)},
	}
	for _, tt := range tests {
		f := mustParse(t, "test.ttc", ttc, tt.index)
		if f.Name != tt.same.Name {
			t.Errorf("face %d: Name %q; want %q", tt.index, f.Name, tt.same.Name)
		}
		if !sameCoverage(f, tt.same) {
			t.Errorf("face %d maps other characters than %s", tt.index, tt.same.Name)
		}
		checkSFNT(t, f.Data)
		got := splitFont(f.Data, 0)
		if got.version != tagTrueType {
			t.Errorf("face %d: version %08x", tt.index, got.version)
		}
		for _, want := range tt.from.tables {
			body := got.table(want.tag)
			switch {
			case want.tag == "DSIG":
				if body != nil {
					t.Errorf("face %d: the collection's DSIG was kept", tt.index)
				}
			case want.tag == "head":
				if !bytes.Equal(body[:8], want.body[:8]) || !bytes.Equal(body[12:], want.body[12:]) {
					t.Errorf("face %d: head differs beyond checkSumAdjustment", tt.index)
				}
			case !bytes.Equal(body, want.body):
				t.Errorf("face %d: table %q differs", tt.index, want.tag)
			}
		}
		again := mustParse(t, "data", f.Data, 0)
		if !sameCoverage(again, f) || again.Name != f.Name {
			t.Errorf("face %d: Data parses to another face", tt.index)
		}
	}

	file := filepath.Join(t.TempDir(), "两款.ttc")
	if err := os.WriteFile(file, ttc, 0o644); err != nil {
		t.Fatal(err)
	}
	for spec, want := range map[string]*Face{
		file + "#0": Bundled(Body), file + "#1": Bundled(Hei),
		file + "#TZ Sans SC": Bundled(Hei), file + "#TZSerifSC-Regular": Bundled(Body),
	} {
		f, err := Load(spec)
		if err != nil || f.Name != want.Name || !sameCoverage(f, want) {
			t.Errorf("Load(%s) = %v, %v; want %s", spec, f, err, want.Name)
		}
	}
	if _, err := Load(file + "#TZ Kai"); err == nil || !strings.Contains(err.Error(), "#0 TZ Serif SC、#1 TZ Sans SC") {
		t.Errorf("Load(#TZ Kai) = %v; want the list of faces", err)
	}
}
