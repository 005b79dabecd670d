package fillin

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// TestStreamTokens: a sheet unzipped a run of rows at a time reads as the
// whole part does, at any run length, with the XML the scanner reads and
// with what it leaves to encoding/xml.
func TestStreamTokens(t *testing.T) {
	rows := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>甲&amp;乙_x0041_</t></is></c></row>` +
		"\n" + `<row r="2"><c r="A2"><v>2</v></c></row>` + `<row r="3"><c r="C3" t="str"><v>` + strings.Repeat("长", 40) + `</v></c></row>`
	for name, part := range map[string]string{
		"plain":                `<worksheet><sheetData>` + rows + `</sheetData></worksheet>`,
		"declaration":          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<worksheet><sheetData>" + rows + `</sheetData></worksheet>` + "\n",
		"comment":              `<worksheet><sheetData>` + rows + `<!-- 注 --><row r="4"><c r="A4"><v>4</v></c></row></sheetData></worksheet>`,
		"CDATA":                `<worksheet><sheetData>` + rows + `<row r="4"><c r="A4" t="str"><v><![CDATA[<x>]]></v></c></row></sheetData></worksheet>`,
		"declaration later":    `<worksheet><sheetData>` + rows + `<?pi x?><row r="4"><c r="A4"><v>4</v></c></row></sheetData></worksheet>`,
		"row end in attribute": `<worksheet><sheetData><row r="1" x="</row>"><c r="A1"><v>1</v></c></row>` + rows + `</sheetData></worksheet>`,
		"control character":    `<worksheet><sheetData>` + rows + "<row r=\"4\"><c r=\"A4\" t=\"str\"><v>a\x01b</v></c></row></sheetData></worksheet>",
		"cut short":            `<worksheet><sheetData>` + rows + `<row r="4"><c r="A4"><v>4`,
		"empty":                ``,
	} {
		b := streamBook(t, part)
		want, wantErr := b.scanSheet([]byte(part), true)
		for _, chunk := range []int{1, 7, 64, 1 << 20} {
			sheetChunk = chunk
			got, err := b.readSheetValues("s.xml", false)
			if (err != nil) != (wantErr != nil) {
				t.Errorf("%s, runs of %d: error %v; whole: %v", name, chunk, err, wantErr)
				continue
			}
			if err == nil && !reflect.DeepEqual(got, want) {
				t.Errorf("%s, runs of %d:\n%+v\nwhole:\n%+v", name, chunk, got, want)
			}
		}
	}
	sheetChunk = 1 << 20
}

// streamBook is a book holding part as s.xml.
func streamBook(t *testing.T, part string) *book {
	data := testkit.Zip(t, map[string]string{"s.xml": part})
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return &book{zip: map[string]*zip.File{"s.xml": zr.File[0]}, sst: []string{"共享"}, limits: sheetsLimits}
}
