package fillin_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// TestSheetsRows reads a sheet with gaps, merges, numbers, a rich string
// and an inline string overwritten with a date as excelize's GetRows does.
func TestSheetsRows(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("任务"); err != nil {
		t.Fatal(err)
	}
	cellsOf := map[string]any{"A1": "标题", "C3": 12.5, "B5": "x_x0041_y", "D7": true, "A9": "  留空格  "}
	for c, v := range cellsOf {
		if err := f.SetCellValue("任务", c, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellRichText("任务", "B2", []excelize.RichTextRun{{Text: "一"}, {Text: "二"}}); err != nil {
		t.Fatal(err)
	}
	if err := f.MergeCell("任务", "A1", "D1"); err != nil {
		t.Fatal(err)
	}
	data := testkit.SaveBytes(t, f)
	// excelize keeps the is of an inline string it overwrites with a number.
	g := testkit.OpenBytes(t, data)
	if err := g.SetCellValue("任务", "B5", time.Date(2024, 7, 31, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{data, testkit.SaveBytes(t, g)} {
		want, err := testkit.OpenBytes(t, data).GetRows("任务", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		s, err := fillin.OpenSheets(data)
		if err != nil {
			t.Fatal(err)
		}
		got, merges, err := s.Rows("任务")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Rows() = %q; want %q", got, want)
		}
		if wantM := []fillin.Merge{{1, 1, 4, 1}}; !reflect.DeepEqual(merges, wantM) {
			t.Errorf("merges = %v; want %v", merges, wantM)
		}
		if names := s.Names(); !reflect.DeepEqual(names, []string{"Sheet1", "任务"}) || !s.Has("sheet1") || s.Has("其他") {
			t.Errorf("Names() = %q", names)
		}
		if _, _, err := s.Rows("其他"); err == nil {
			t.Error("Rows of a missing sheet: no error")
		}
	}
}

// TestSheetsRowsBeyondExcel: a sheet with a cell beyond Excel's last
// column or row, which no Excel or WPS writes, is refused rather than read
// without what lies beyond.
func TestSheetsRowsBeyondExcel(t *testing.T) {
	for name, c := range map[string]struct {
		data string
		ok   bool
	}{
		"inside":        {`<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c><c r="XFD1"><v>1</v></c></row>`, true},
		"beyond XFD":    {`<row r="1"><c r="A1" t="inlineStr"><is><t>任务</t></is></c><c r="XFE1"><v>1</v></c></row>`, false},
		"beyond a cell": {`<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`, false},
		"beyond rows":   {`<row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>2</v></c></row>`, false},
	} {
		s, err := fillin.OpenSheets(rawSheetBook(t, c.data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		_, _, err = s.Rows("任务")
		if c.ok != (err == nil) {
			t.Errorf("%s: error %v; want one: %v", name, err, !c.ok)
		}
		if _, err := s.EachRow("任务", func(int, []string) {}); c.ok != (err == nil) {
			t.Errorf("%s: EachRow error %v; want one: %v", name, err, !c.ok)
		}
	}
}

// rawSheetBook is a workbook of one sheet, 任务, whose sheetData is
// sheetData.
func rawSheetBook(t *testing.T, sheetData string) []byte {
	return testkit.Zip(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="任务" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			sheetData + `</sheetData></worksheet>`,
	})
}

// TestEachRow: EachRow gives a sheet's rows as Rows lays them out, or,
// for rows named out of order or twice, says Rows must read it.
func TestEachRow(t *testing.T) {
	cell := func(ref, v string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>` }
	for name, c := range map[string]struct {
		data string
		ok   bool
	}{
		"in order, with gaps": {`<row r="2">` + cell("B2", "甲") + `</row><row r="3"></row><row r="5">` + cell("A5", "乙") + `<c r="C5"/></row>` +
			`<row>` + cell("D6", "丙") + `</row>`, true},
		"out of order": {`<row r="3">` + cell("A3", "甲") + `</row><row r="2">` + cell("A2", "乙") + `</row>`, false},
		"named twice":  {`<row r="2">` + cell("A2", "甲") + `</row><row r="2">` + cell("B2", "乙") + `</row>`, false},
	} {
		s, err := fillin.OpenSheets(rawSheetBook(t, c.data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, _, err := s.Rows("任务")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got [][]string
		ok, err := s.EachRow("任务", func(num int, vals []string) {
			got = append(got, make([][]string, num-1-len(got))...)
			got = append(got, slices.Clone(vals))
		})
		if err != nil || ok != c.ok {
			t.Errorf("%s: EachRow ok %v, error %v; want ok %v", name, ok, err, c.ok)
		}
		if ok && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: EachRow gave %q; Rows %q", name, got, want)
		}
	}
}

// TestSheetsTable: a sheet's table holds the values Rows gives and, for
// the number cells whose format shows a date only to its month or year,
// what it shows: built-in ids read as a Chinese Excel shows them, custom
// codes as written; a text cell or a full date is not among them.
func TestSheetsTable(t *testing.T) {
	june := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	sheet := testkit.Sheet{Name: "表", Rows: [][]any{{june, june, june, june, june, june, "2024年6月", 45444, june}},
		Formats: map[string]testkit.NumFmt{"A1": {Code: `yyyy"年"m"月"`}, "B1": {ID: 57}, "C1": {ID: 17}, "D1": {ID: 14},
			"E1": {Code: `yyyy"年"`}, "F1": {ID: 22}, "G1": {ID: 57}, "I1": {ID: 58}}}
	s, err := fillin.OpenSheets(testkit.Workbook(t, nil, sheet))
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := s.Table("表")
	if err != nil {
		t.Fatal(err)
	}
	want := map[fillin.Place]fillin.DateShown{{Row: 1, Col: 1}: fillin.MonthShown, {Row: 1, Col: 2}: fillin.MonthShown,
		{Row: 1, Col: 3}: fillin.MonthShown, {Row: 1, Col: 5}: fillin.YearShown}
	if !reflect.DeepEqual(tbl.Dates, want) {
		t.Errorf("Table().Dates = %v; want %v", tbl.Dates, want)
	}
	rows, merges, err := s.Rows("表")
	if err != nil || !reflect.DeepEqual(tbl.Rows, rows) || !reflect.DeepEqual(tbl.Merges, merges) {
		t.Errorf("Table() = %q, %v; want Rows() = %q, %v, %v", tbl.Rows, tbl.Merges, rows, merges, err)
	}
}
