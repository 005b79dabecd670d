package testkit

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Sheet is a sheet of a workbook a test builds: its rows from A1 (a nil
// cell is left empty), the ranges merged ("A2:F2"), the cells given a date
// format, the cells given another number format, and whether it is hidden.
type Sheet struct {
	Name    string
	Rows    [][]any
	Merged  []string
	Dates   []string
	Formats map[string]NumFmt // by cell ("F4")
	Hidden  bool
}

// NumFmt is a cell's number format: a custom Code (yyyy"年"m"月"), else
// the built-in format ID (57, 17).
type NumFmt struct {
	ID   int
	Code string
}

// Workbook writes the sheets, in order, as an .xlsx in memory; edit, when
// not nil, changes the workbook before it is written (its properties, a
// rich-text cell).
func Workbook(t testing.TB, edit func(*excelize.File) error, sheets ...Sheet) []byte {
	t.Helper()
	b, err := BuildWorkbook(edit, sheets...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// BuildWorkbook is Workbook for a caller without a testing.TB (a
// transformation run on many documents at once): it returns the error.
func BuildWorkbook(edit func(*excelize.File) error, sheets ...Sheet) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range sheets {
		if err := addSheet(f, i, sh); err != nil {
			return nil, err
		}
	}
	if edit != nil {
		if err := edit(f); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func addSheet(f *excelize.File, i int, sh Sheet) error {
	if i == 0 {
		if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(sh.Name); err != nil {
		return err
	}
	for r, row := range sh.Rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(sh.Name, cell, &row); err != nil {
			return err
		}
	}
	for _, m := range sh.Merged {
		from, to, _ := strings.Cut(m, ":")
		if err := f.MergeCell(sh.Name, from, to); err != nil {
			return err
		}
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	for _, c := range sh.Dates {
		if err := f.SetCellStyle(sh.Name, c, c, date); err != nil {
			return err
		}
	}
	for c, nf := range sh.Formats {
		if err := setNumFmt(f, sh.Name, c, nf); err != nil {
			return err
		}
	}
	if sh.Hidden {
		return f.SetSheetVisible(sh.Name, false)
	}
	return nil
}

// setNumFmt gives the cell a style with the number format nf.
func setNumFmt(f *excelize.File, sheet, cell string, nf NumFmt) error {
	st := &excelize.Style{NumFmt: nf.ID}
	if nf.Code != "" {
		st.CustomNumFmt = &nf.Code
	}
	id, err := f.NewStyle(st)
	if err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, id)
}
