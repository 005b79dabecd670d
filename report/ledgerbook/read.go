package ledgerbook

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// headerScanRows is how far down Read looks for a header row: the office
// may delete the title row or add a few lines of its own above the table.
const headerScanRows = 10

// ReadFile reads the ledger workbook at path. Messages about the workbook
// name the file by its base name.
func ReadFile(path string) (*ledger.Ledger, error) {
	return cells.ReadFileAt(path, func(name string, r io.ReaderAt, size int64) (*ledger.Ledger, error) {
		return Read(name, io.NewSectionReader(r, 0, size))
	})
}

// Read reads a ledger workbook written by WriteRanked, possibly after the office
// edited it in Excel, WPS or LibreOffice. It returns the ledger as written
// with the office's 复核意见 and 核定状态 as they are now in the 总台账
// sheet, matched by the hidden 任务编号 column; a task whose row was deleted
// keeps what it was written with. name is used in messages; problems in
// the workbook are returned as an *InputError.
//
// Edits of other columns are not taken; ReadWithEdits lists them. An
// *io.SectionReader (a file's) is read where it is, in the parts the
// ledger is read from; any other reader is read whole first.
func Read(name string, r io.Reader) (*ledger.Ledger, error) {
	rd, err := ReadWithEdits(name, r)
	if err != nil {
		return nil, err
	}
	return rd.Ledger, nil
}

// newReader opens the size bytes r reads, named name, with open.
func newReader(name string, r io.ReaderAt, size int64, open openFunc) (*reader, error) {
	head := make([]byte, min(size, 8))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("read ledger %s: %w", name, err)
	}
	if msg := cells.SniffXLSX(name, head, " taizhang 生成的总台账"); msg != "" {
		return nil, &InputError{File: name, Msg: msg}
	}
	book, err := open(r, size)
	if err != nil {
		return nil, &InputError{File: name, Msg: cells.OpenMessage(err)}
	}
	return &reader{name: name, book: book}, nil
}

// workbook is a workbook as Read sees it: its sheets' names, in order,
// and each sheet's raw values as excelize's GetRows gives them with
// RawCellValue.
type workbook interface {
	Names() []string
	Rows(sheet string) ([][]string, error)
}

// openFunc opens the size bytes of an .xlsx that r reads as a workbook.
type openFunc func(r io.ReaderAt, size int64) (workbook, error)

// openSheets opens a ledger with fillin's reader, which reads only the
// parts asked for, each in one pass, without excelize.
func openSheets(r io.ReaderAt, size int64) (workbook, error) {
	s, err := fillin.OpenSheetsAt(r, size)
	if err != nil {
		return nil, err
	}
	return sheetValues{s}, nil
}

// sheetValues are the values of fillin.Sheets, without merged ranges.
type sheetValues struct{ *fillin.Sheets }

func (s sheetValues) Rows(sheet string) ([][]string, error) {
	rows, _, err := s.Sheets.Rows(sheet)
	return rows, err
}

// reader holds the state of one Read.
type reader struct {
	name    string
	book    workbook
	ignored []Ignored // the edits of the 总台账 sheet not taken
}

func (rd *reader) fail(sheet, cell, format string, args ...any) *InputError {
	return &InputError{File: rd.name, Sheet: sheet, Cell: cell, Msg: fmt.Sprintf(format, args...)}
}

// notLedger is the error for a workbook that is not a ledger at all.
func (rd *reader) notLedger(sheet, format string, args ...any) *InputError {
	return rd.fail(sheet, "", "不是 taizhang 生成的总台账："+format, args...)
}

// sheetRow is one task row of the 总台账 sheet as it is now.
type sheetRow struct {
	row  int // 1-based
	vals [numFields]string
}

// ledgerCols is where the fields are on the 总台账 sheet as it is now.
type ledgerCols struct {
	header int   // 0-based row index of the header
	at     []int // 0-based column per field, -1 if absent
}

func (c ledgerCols) has(fl field) bool { return c.at[fl] >= 0 }

func (c ledgerCols) cell(fl field, row int) string { return cells.CellName(max(c.at[fl], 0)+1, row) }

func (rd *reader) read() (*ledger.Ledger, error) {
	sheet := rd.findSheet(SheetLedger)
	if sheet == "" {
		return nil, rd.notLedger("", "找不到工作表“%s”", SheetLedger)
	}
	l, hiddenErr := rd.hiddenLedger()
	if hiddenErr != nil {
		l = nil // the 总台账 sheet's own errors come first
	}
	s, err := rd.scanLedgerSheet(sheet, l)
	if err != nil {
		return nil, rd.fail(sheet, "", "无法读取工作表（%v）", err)
	}
	if err := s.finish(); err != nil {
		return nil, err
	}
	if hiddenErr != nil {
		return nil, hiddenErr
	}
	if l == nil {
		l = rd.rebuild(s.tasks, s.groups, s.cols)
		rd.readRemoved(l, true)
		return l, nil
	}
	rd.readRemoved(l, false)
	if err := s.take(); err != nil {
		return nil, err
	}
	return l, nil
}

// findSheet returns the sheet named name, allowing for spaces and
// full-width letters typed into a renamed sheet.
func (rd *reader) findSheet(name string) string {
	for _, s := range rd.book.Names() {
		if cells.HeaderKey(s) == name {
			return s
		}
	}
	return ""
}

// optionalRows are the raw rows of a sheet that may be missing, with the
// sheet's name as the workbook writes it; ok is false when it is missing
// or cannot be read.
func (rd *reader) optionalRows(name string) (sheet string, rows [][]string, ok bool) {
	if sheet = rd.findSheet(name); sheet == "" {
		return "", nil, false
	}
	rows, err := rd.book.Rows(sheet)
	return sheet, rows, err == nil
}

// findLedgerHeader finds the header row among the first rows: the row
// matching the most known headers (at least two), exact headers before
// aliases. header is -1 when there is none.
func findLedgerHeader(rows [][]string) ledgerCols {
	exact, alias := map[string]field{}, map[string]field{}
	for fl, c := range columns {
		exact[cells.HeaderKey(c.header)] = field(fl)
		for _, a := range c.aliases {
			alias[cells.HeaderKey(a)] = field(fl)
		}
	}
	keys := []map[string]field{exact, alias}
	best, bestCount := -1, 1
	for r := 0; r < min(headerScanRows, len(rows)); r++ {
		n := 0
		for _, v := range rows[r] {
			k := cells.HeaderKey(v)
			if _, ok := exact[k]; ok {
				n++
			} else if _, ok := alias[k]; ok {
				n++
			}
		}
		if n > bestCount {
			best, bestCount = r, n
		}
	}
	cols := ledgerCols{header: best, at: make([]int, numFields)}
	for i := range cols.at {
		cols.at[i] = -1
	}
	if best < 0 {
		return cols
	}
	for _, k := range keys {
		for c, v := range rows[best] {
			if fl, ok := k[cells.HeaderKey(v)]; ok && cols.at[fl] < 0 && !slices.Contains(cols.at, c) {
				cols.at[fl] = c
			}
		}
	}
	return cols
}

// groupRow is a document or heading row of the 总台账 sheet.
type groupRow struct {
	before int // index of the next task row
	text   string
}

// groupText is the text of a group row: a row whose only value is in its
// first cell.
func groupText(row []string) string {
	if len(row) == 0 {
		return ""
	}
	for _, v := range row[1:] {
		if strings.TrimSpace(v) != "" {
			return ""
		}
	}
	return cells.CleanCell(row[0])
}

// hiddenLedger decodes the ledger kept on the hidden sheet, before the
// 总台账 sheet is read, so that each of its rows is compared with the
// ledger as it is read. The ledger is nil when the sheet is gone or
// unreadable, and the visible sheets must do.
func (rd *reader) hiddenLedger() (*ledger.Ledger, error) {
	sheet, rows, ok := rd.optionalRows(SheetHidden)
	if !ok {
		return nil, nil
	}
	l, err := readHidden(rows)
	if err != nil {
		return nil, rd.fail(sheet, "", "%v", err)
	}
	return l, nil
}
