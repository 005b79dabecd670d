package lotest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/testkit"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/convert"
)

const sheet = "填报"

// form is a protected fill-in sheet as taizhang writes them: column A is
// unlocked for input, the rest locked; rows 3-6 hold data to sort; a very
// hidden sheet holds IDs; A6 has a drop-down.
func form(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	unlocked, err := f.NewStyle(&excelize.Style{Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle(sheet, "A1", "A6", unlocked)
	f.SetCellValue(sheet, "B1", "锁定")
	for i, row := range [][]any{{"丙", 3, "c"}, {"甲", 1, "a"}, {"丁", 4, "d"}, {"乙", 2, "b"}} {
		f.SetSheetRow(sheet, "D"+strconv.Itoa(3+i), &row)
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "A6"
	if err := dv.SetDropList([]string{"是", "否"}); err != nil {
		t.Fatal(err)
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", "请从下拉列表中选择")
	f.AddDataValidation(sheet, dv)
	f.NewSheet("_meta")
	f.SetCellValue("_meta", "A1", "id-123")
	f.SetSheetVisible("_meta", false, true)
	if err := f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{Password: "秘密", SelectLockedCells: true, SelectUnlockedCells: true}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "报送表.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEditTypesLikeAClerk(t *testing.T) {
	Skip(t)
	in := form(t)
	before := testkit.FileHash(t, in)
	out := filepath.Join(t.TempDir(), "回报.xlsx")
	err := timed(t, "Edit", func() error {
		return Edit(t, in, out,
			Entry{sheet, "A1", "80%"},
			Entry{sheet, "A2", "2025-9-30"},
			Entry{sheet, "A3", Text("80%")},
			Entry{sheet, "A4", 12.5},
			Entry{sheet, "A5", "=1+1"},
			Entry{sheet, "A6", "也许"}) // not in the drop-down
	})
	if err != nil {
		t.Fatal(err)
	}
	if testkit.FileHash(t, in) != before {
		t.Errorf("Edit modified its input")
	}
	f := testkit.Open(t, out)
	// LibreOffice writes every number format, General included, as a custom
	// one (id 164 and up): readers must look at the format code.
	tests := []struct {
		cell, raw, format string
	}{
		{"A1", "0.8", "0.00%"},    // a number shown as a percentage
		{"A2", "45930", "yyyy"},   // a date serial with a date format
		{"A3", "80%", "@"},        // text
		{"A4", "12.5", "General"}, // a number
		{"A5", "2", "General"},    // a formula's cached value
		{"A6", "也许", "General"},   // drop-downs do not stop a script (nor a paste)
		{"B1", "锁定", "General"},   // untouched
		{"D3", "丙", "General"},    // untouched
		{"A7", "", "General"},     // empty
	}
	for _, tt := range tests {
		raw, err := f.GetCellValue(sheet, tt.cell, excelize.Options{RawCellValue: true})
		if err != nil || raw != tt.raw {
			t.Errorf("%s = %q, %v; want %q", tt.cell, raw, err, tt.raw)
		}
		if got := formatCode(t, f, tt.cell); !strings.Contains(got, tt.format) {
			t.Errorf("%s number format = %q; want %q", tt.cell, got, tt.format)
		}
	}
	if formula, _ := f.GetCellFormula(sheet, "A5"); formula != "1+1" {
		t.Errorf("A5 formula = %q; want 1+1", formula)
	}
	if !strings.Contains(part(t, out, "xl/worksheets/sheet1.xml"), "<sheetProtection") {
		t.Errorf("the sheet lost its protection")
	}
	if dvs, err := f.GetDataValidations(sheet); err != nil || len(dvs) != 1 || dvs[0].Sqref != "A6" {
		t.Errorf("data validations after LibreOffice = %+v, %v; want the drop-down on A6", dvs, err)
	}
	noOfficeLeft(t)
}

func TestEditRefusesWhatAClerkCannotDo(t *testing.T) {
	Skip(t)
	in := form(t)
	dir := t.TempDir()
	tests := []struct {
		entry Entry
		want  error
	}{
		{Entry{sheet, "B1", "改了"}, ErrLocked},
		{Entry{sheet, "D3", Text("改了")}, ErrLocked},
		{Entry{sheet, "B2", 5}, ErrLocked},
		{Entry{"_meta", "A1", "id-999"}, ErrHiddenSheet},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, "回报.xlsx")
		err := Edit(t, in, out, Entry{sheet, "A1", "1"}, tt.entry)
		if !errors.Is(err, tt.want) {
			t.Errorf("Edit(%v) = %v; want %v", tt.entry, err, tt.want)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Edit(%v) saved %s after refusing", tt.entry, out)
		}
	}
	if err := Edit(t, in, filepath.Join(dir, "x.xlsx"), Entry{"没有", "A1", "1"}); err == nil || !strings.Contains(err.Error(), "no sheet") {
		t.Errorf("Edit on a missing sheet = %v; want an error naming it", err)
	}
	if err := Edit(t, in, filepath.Join(dir, "x.csv"), Entry{sheet, "A1", "1"}); err == nil {
		t.Errorf("Edit to .csv: no error")
	}
}

// TestEditUnprotected is the tamperer: locked cells and the very hidden
// sheet change, and LibreOffice writes the very hidden sheet back as merely
// hidden.
func TestEditUnprotected(t *testing.T) {
	Skip(t)
	in := form(t)
	out := filepath.Join(t.TempDir(), "篡改.xlsx")
	err := timed(t, "EditUnprotected", func() error {
		return EditUnprotected(t, in, out, Entry{sheet, "B1", "改了"}, Entry{"_meta", "A1", "id-999"})
	})
	if err != nil {
		t.Fatal(err)
	}
	f := testkit.Open(t, out)
	for cell, want := range map[string]string{sheet + "!B1": "改了", "_meta!A1": "id-999"} {
		s, c, _ := strings.Cut(cell, "!")
		if got, _ := f.GetCellValue(s, c); got != want {
			t.Errorf("%s = %q; want %q", cell, got, want)
		}
	}
	if strings.Contains(part(t, out, "xl/worksheets/sheet1.xml"), "<sheetProtection") {
		t.Errorf("the sheet is still protected")
	}
	wb := part(t, out, "xl/workbook.xml")
	if !strings.Contains(wb, `name="_meta" sheetId="2" state="hidden"`) {
		t.Errorf("_meta in workbook.xml: want state=\"hidden\" (LibreOffice drops veryHidden):\n%s", wb)
	}
}

// TestSaveAsXLS goes through the old binary format and back through
// convert.ToXLSX, as a file from a department on Excel 2003 does.
func TestSaveAsXLS(t *testing.T) {
	Skip(t)
	in := form(t)
	xls := filepath.Join(t.TempDir(), "回报.xls")
	err := timed(t, "Edit to .xls", func() error { return Edit(t, in, xls, Entry{sheet, "A1", "80%"}) })
	if err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(xls); err != nil || !convert.NeedsConversionOf(xls, data) {
		t.Fatalf("NeedsConversionOf(.xls) = false, or %v", err)
	}
	xlsx, cleanup, err := convert.ToXLSX(context.Background(), xls, xls)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	f := testkit.Open(t, xlsx)
	if got, _ := f.GetCellValue(sheet, "A1", excelize.Options{RawCellValue: true}); got != "0.8" {
		t.Errorf("A1 = %q; want 0.8", got)
	}
	if got := formatCode(t, f, "A1"); got != "0.00%" {
		t.Errorf("A1 number format = %q; want 0.00%%", got)
	}
	if got, _ := f.GetCellValue(sheet, "B1"); got != "锁定" {
		t.Errorf("B1 = %q; want 锁定", got)
	}
	if got, _ := f.GetCellValue("_meta", "A1"); got != "id-123" {
		t.Errorf("_meta!A1 = %q; want id-123", got)
	}
	if !strings.Contains(part(t, xlsx, "xl/worksheets/sheet1.xml"), "<sheetProtection") {
		t.Errorf("protection lost on the way through .xls")
	}
}

func TestSortRows(t *testing.T) {
	Skip(t)
	out := filepath.Join(t.TempDir(), "排序.xlsx")
	if err := timed(t, "SortRows", func() error { return SortRows(t, form(t), out, sheet, 3, 6, "E") }); err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"甲", "1", "a"}, {"乙", "2", "b"}, {"丙", "3", "c"}, {"丁", "4", "d"}}
	if got := grid(t, out, "D3", "F6"); !equal(got, want) {
		t.Errorf("after SortRows D3:F6 = %q; want %q", got, want)
	}
}

func TestInsertRow(t *testing.T) {
	Skip(t)
	out := filepath.Join(t.TempDir(), "插行.xlsx")
	err := timed(t, "InsertRow", func() error {
		return InsertRow(t, form(t), out, sheet, 4, "新增", 5, Text("007"), "=2*3", nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"新增", "5", "007", "6"}, {"", "", "", "甲"}}
	if got := grid(t, out, "A4", "D5"); !equal(got, want) {
		t.Errorf("after InsertRow A4:D5 = %q; want %q", got, want)
	}
}

func TestDeleteColumn(t *testing.T) {
	Skip(t)
	out := filepath.Join(t.TempDir(), "删列.xlsx")
	if err := timed(t, "DeleteColumn", func() error { return DeleteColumn(t, form(t), out, sheet, "E") }); err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"丙", "c"}, {"甲", "a"}}
	if got := grid(t, out, "D3", "E4"); !equal(got, want) {
		t.Errorf("after DeleteColumn D3:E4 = %q; want %q", got, want)
	}
	noOfficeLeft(t)
}

func TestStripProtection(t *testing.T) {
	data, err := os.ReadFile(form(t))
	if err != nil {
		t.Fatal(err)
	}
	stripped, err := stripProtection(data)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "stripped.xlsx")
	if err := os.WriteFile(path, stripped, 0o600); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(part(t, path, "xl/worksheets/sheet1.xml"), "sheetProtection") {
		t.Errorf("sheetProtection left")
	}
	if got, _ := testkit.Open(t, path).GetCellValue(sheet, "B1"); got != "锁定" {
		t.Errorf("B1 = %q after stripping; want 锁定", got)
	}
	for _, s := range []string{`<sheetProtection password="AB" sheet="1"/>`, `<x:sheetProtection sheet="1"></x:sheetProtection>`, `<workbookProtection lockStructure="1"/>`} {
		if got := protection.ReplaceAllString("<a/>"+s+"<b/>", ""); got != "<a/><b/>" {
			t.Errorf("strip(%q) = %q", s, got)
		}
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		in   any
		want value
	}{
		{"80%", value{How: "type", Text: "80%"}},
		{Text("=1"), value{How: "text", Text: "=1"}},
		{7, value{How: "number", Number: 7}},
		{uint8(7), value{How: "number", Number: 7}},
		{float32(0.5), value{How: "number", Number: 0.5}},
		{nil, value{How: "clear"}},
	}
	for _, tt := range tests {
		if got, err := encode(tt.in); err != nil || got != tt.want {
			t.Errorf("encode(%#v) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	if _, err := encode(true); err == nil {
		t.Errorf("encode(true): no error")
	}
}

// helpers

func timed(t *testing.T, what string, f func() error) error {
	t.Helper()
	start := time.Now()
	err := f()
	t.Logf("%s took %v", what, time.Since(start).Round(time.Millisecond))
	return err
}

// formatCode is the number format code of cell: a custom one, or a few
// built-in ones by name.
func formatCode(t *testing.T, f *excelize.File, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return map[int]string{0: "General", 9: "0%", 10: "0.00%", 14: "yyyy-m-d", 49: "@"}[st.NumFmt]
}

func grid(t *testing.T, path, from, to string) [][]string {
	t.Helper()
	f := testkit.Open(t, path)
	c1, r1, _ := excelize.CellNameToCoordinates(from)
	c2, r2, _ := excelize.CellNameToCoordinates(to)
	var rows [][]string
	for r := r1; r <= r2; r++ {
		var row []string
		for c := c1; c <= c2; c++ {
			name, _ := excelize.CoordinatesToCellName(c, r)
			v, _ := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	return rows
}

func equal(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\t") != strings.Join(b[i], "\t") {
			return false
		}
	}
	return true
}

func part(t *testing.T, xlsx, name string) string {
	t.Helper()
	data, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	return testkit.ZipEntry(t, data, name)
}

// noOfficeLeft fails if a LibreOffice started by lotest is still running.
func noOfficeLeft(t *testing.T) {
	t.Helper()
	out, err := exec.Command("ps", "-eo", "pid,args").Output()
	if err != nil {
		return
	}
	for line := range strings.Lines(string(out)) {
		// Only this test binary's own instances: other packages' tests
		// run LibreOffice at the same time.
		if strings.Contains(line, fmt.Sprintf("taizhang-lotest-%d-", os.Getpid())) && strings.Contains(line, "office") {
			t.Errorf("LibreOffice left running: %s", strings.TrimSpace(line))
		}
	}
}

// TestEditShowsTheRealException checks that an exception lotest.py did not
// expect comes back as itself, with its traceback, after the retries, and
// that only a malformed name is called a bad cell name: LibreOffice dying
// under load was once reported as "bad cell name", hiding the cause.
func TestEditShowsTheRealException(t *testing.T) {
	Skip(t)
	in := form(t)
	dir := t.TempDir()
	err := Edit(t, in, filepath.Join(dir, "x.xlsx"), Entry{sheet, "A0", "1"})
	if err == nil || !strings.Contains(err.Error(), "bad cell name 'A0'") {
		t.Errorf("Edit at A0 = %v; want a bad cell name", err)
	}
	// ZZZ1 looks like a cell but lies past the last column: LibreOffice
	// raises, which lotest.py does not expect.
	err = Edit(t, in, filepath.Join(dir, "x.xlsx"), Entry{sheet, "ZZZ1", "1"})
	if err == nil {
		t.Fatal("Edit at ZZZ1: no error")
	}
	msg := err.Error()
	for _, want := range []string{"Traceback", "RuntimeException", "getCellRangeByName", fmt.Sprintf("attempt %d of %d", attempts, attempts)} {
		if !strings.Contains(msg, want) {
			t.Errorf("Edit at ZZZ1: error lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "bad cell name") {
		t.Errorf("Edit at ZZZ1 called it a bad cell name:\n%s", msg)
	}
}
