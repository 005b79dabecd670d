package xlsxdoc

import (
	"archive/zip"
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// readBytes writes b to a file called name and reads it.
func readBytes(t *testing.T, name string, b []byte) (*docread.Document, error) {
	t.Helper()
	path := testkit.SaveFile(t, t.TempDir(), name, b)
	if !IsWorkbook(path) {
		t.Fatalf("%s is not taken for a workbook", name)
	}
	return ReadFile(path)
}

// A cell's values come as written: rich text whole, Alt+Enter kept as a
// line break, numbers as typed; a date serial is a date only under a
// header that names a time, counted from 1904 when the workbook does.
func TestReadCellValues(t *testing.T) {
	sheet := testkit.Sheet{Name: "任务", Rows: [][]any{
		{"序号", "任务", "牵头单位", "完成日期", "资金（万元）"},
		{1, nil, "市发改委\r\n 市财政局 ", 44015, 45000},
	}}
	rich := func(f *excelize.File) error {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: boolPtr(true)}); err != nil {
			return err
		}
		return f.SetCellRichText("任务", "B2", []excelize.RichTextRun{{Text: "建设"}, {Text: "数据中心", Font: &excelize.Font{Bold: true}}})
	}
	doc, err := readBytes(t, "表.xlsx", testkit.Workbook(t, rich, sheet))
	if err != nil {
		t.Fatal(err)
	}
	want := "1|建设数据中心|市发改委\n市财政局|2024年7月4日|45000"
	if len(doc.Blocks) != 1 || len(doc.Blocks[0].Rows) != 2 || strings.Join(doc.Blocks[0].Rows[1], "|") != want {
		t.Errorf("blocks %q; want the row %q", doc.Blocks, want)
	}
}

func boolPtr(b bool) *bool { return &b }

// A date cell formatted to show only its month or year reads as it shows,
// under a header that names a time; elsewhere it stays the number it is.
func TestReadPartialDates(t *testing.T) {
	june := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	month, year := testkit.NumFmt{ID: 57}, testkit.NumFmt{Code: `[$-804]yyyy"年"`}
	sheet := testkit.Sheet{Name: "任务", Rows: [][]any{
		{"序号", "任务", "完成时限", "资金（万元）"},
		{1, "建设数据中心", june, june},
		{2, "建设算力平台", june},
	}, Formats: map[string]testkit.NumFmt{"C2": month, "D2": month, "C3": year}}
	doc, err := readBytes(t, "表.xlsx", testkit.Workbook(t, nil, sheet))
	if err != nil {
		t.Fatal(err)
	}
	want := "1|建设数据中心|2024年6月|45444\n2|建设算力平台|2024年"
	var got []string
	for _, row := range doc.Blocks[0].Rows[1:] {
		got = append(got, strings.Join(row, "|"))
	}
	if strings.Join(got, "\n") != want {
		t.Errorf("rows %q; want %q", got, want)
	}
}

// Taizhang's own workbooks are no policy documents: each gets what to do
// with it instead.
func TestReadOwnWorkbooks(t *testing.T) {
	for kind, want := range map[outfile.Kind]string{
		outfile.TaskList: "不需要再分解",
		outfile.FillIn:   "taizhang check",
		outfile.Ledger:   "总台账，不是政策文件",
	} {
		b := testkit.Workbook(t, func(f *excelize.File) error { return outfile.Mark(f, kind) }, testkit.Sheet{Name: "表", Rows: [][]any{{"序号", "任务"}}})
		_, err := readBytes(t, "台账.xlsx", b)
		var ie *docread.InputError
		if !errors.As(err, &ie) || !strings.Contains(ie.Msg, want) {
			t.Errorf("%s: %v; want %q", kind, err, want)
		}
	}
}

// A workbook beyond the limits is refused with a message, never read in
// part: one that unpacks beyond cells.MaxUnzipSize, a sheet with cells
// beyond Excel's, a table of more than maxCells; and so is one with
// nothing to read.
func TestReadRefused(t *testing.T) {
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write([]byte(`<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`))
	w, _ = zw.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < (cells.MaxUnzipSize>>20)+8; i++ {
		w.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	// beyondParts are a sheet with a cell beyond Excel's last row; without
	// the sheet's part, a workbook that lists a sheet it lacks.
	beyondParts := map[string]string{
		"xl/workbook.xml":            `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   `<worksheet><sheetData><row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`,
	}
	beyond := testkit.Zip(t, beyondParts)
	defer func(n int) { maxCells = n }(maxCells)
	maxCells = 100
	wide := testkit.Sheet{Name: "宽表", Rows: [][]any{{"序号", "任务"}}}
	for i := range 60 {
		wide.Rows = append(wide.Rows, []any{i + 1, "任务"})
	}
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"炸弹.xlsx": {bomb.Bytes(), "解压后超过"},
		"越界.xlsx": {beyond, "超出 Excel 最大行数"},
		"大表.xlsx": {testkit.Workbook(t, nil, wide), "超过 100 个单元格"},
		"空表.xlsx": {testkit.Workbook(t, nil, testkit.Sheet{Name: "空"}), "工作表中没有内容"},
		"坏表.xlsx": {testkit.Zip(t, map[string]string{"xl/workbook.xml": "<workbook"}), "文件可能已损坏：请在 Excel 或 WPS 中打开"},
		"缺页.xlsx": {testkit.Zip(t, map[string]string{"xl/workbook.xml": beyondParts["xl/workbook.xml"], "xl/_rels/workbook.xml.rels": beyondParts["xl/_rels/workbook.xml.rels"]}), "工作表“S”无法读取，文件可能已损坏"},
	} {
		_, err := readBytes(t, name, tc.data)
		var ie *docread.InputError
		if !errors.As(err, &ie) || !strings.Contains(ie.Msg, tc.want) || ie.File == "" {
			t.Errorf("%s: %v; want a message with %q", name, err, tc.want)
		}
	}
}

// Only a zip holding a workbook is one, whatever its name.
func TestIsWorkbook(t *testing.T) {
	dir := t.TempDir()
	docx := testkit.SaveFile(t, dir, "表.xlsx", testkit.Zip(t, map[string]string{"word/document.xml": "<w:document/>"}))
	text := testkit.SaveFile(t, dir, "表2.xlsx", []byte("一、任务"))
	book := testkit.SaveFile(t, dir, "方案.docx", testkit.Workbook(t, nil, testkit.Sheet{Name: "S", Rows: [][]any{{"x"}}}))
	if IsWorkbook(docx) || IsWorkbook(text) || IsWorkbook(dir) || IsWorkbook(filepath.Join(dir, "没有.xlsx")) || !IsWorkbook(book) {
		t.Error("IsWorkbook goes by the name, not the content")
	}
}

// Two tables of the same columns on one sheet, a blank row apart, are two
// tables: the second's header is no row of the first (it was a task
// whose units came from the row above).
func TestReadTwoTablesOnASheet(t *testing.T) {
	header := []any{"序号", "工作任务", "牵头单位"}
	sheet := testkit.Sheet{Name: "任务", Rows: [][]any{header, {1, "建设A", "市住建局"}, nil, header, {2, "建设B", "市财政局"}}}
	doc, err := readBytes(t, "两表.xlsx", testkit.Workbook(t, nil, sheet))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 2 || len(doc.Blocks[0].Rows) != 2 || len(doc.Blocks[1].Rows) != 2 || doc.Blocks[1].Rows[0][1] != "工作任务" {
		t.Errorf("blocks %q; want two tables of a header and a row", doc.Blocks)
	}
}
