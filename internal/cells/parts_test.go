package cells

import (
	"archive/zip"
	"bytes"
	"testing"
)

// TestSheetPart resolves a sheet's part through the workbook's
// relationships, relative to xl/ or absolute from the package root.
func TestSheetPart(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"xl/workbook.xml": `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
			`<sheet name="说明" r:id="rId1"/><sheet name="填报表" r:id="rId2"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/>` +
			`<Relationship Id="rId3" Type="http://x/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": "", "xl/worksheets/sheet2.xml": "", "xl/sharedStrings.xml": "",
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for sheet, want := range map[string]string{"说明": "xl/worksheets/sheet1.xml", "填报表": "xl/worksheets/sheet2.xml"} {
		got, sst, err := SheetPart(zr, sheet)
		if err != nil || got != want || sst != "xl/sharedStrings.xml" {
			t.Errorf("SheetPart(%s) = %q, %q, %v; want %q and the shared strings", sheet, got, sst, err, want)
		}
	}
	if _, _, err := SheetPart(zr, "无此表"); err == nil {
		t.Error("a sheet the workbook lacks: no error")
	}
}
