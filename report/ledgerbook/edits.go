package ledgerbook

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// Ignored is an edit of the 总台账 sheet that Read does not take. The
// ledger is what the returns said when it was merged; the office's own
// columns are 复核意见 and 核定状态 only, so a changed 进度 or 状态, a deleted
// task row or column leaves the ledger as it was merged — and the office
// is told, edit by edit.
type Ignored struct {
	File   string
	Sheet  string
	Row    int    // the row now; for a deleted row, the row it was written on
	Cell   string // "" for a deleted row or column
	Column string // the column's header; "" for a deleted row
	Label  string // the task's 序号; "" for a deleted column
	TaskID string
	Kind   IgnoredKind
	// InSheet is what the cell holds now, Kept what the ledger keeps.
	InSheet, Kept string
}

// IgnoredKind says what the office did.
type IgnoredKind int

const (
	EditedCell    IgnoredKind = iota // a cell of a column that is not the office's changed
	DeletedRow                       // a task's row deleted
	DeletedColumn                    // a column deleted
)

func (e Ignored) String() string {
	where := fmt.Sprintf("%s：工作表“%s”", e.File, e.Sheet)
	switch e.Kind {
	case DeletedRow:
		return fmt.Sprintf("%s原第 %d 行（序号 %s，任务编号 %s）已被删除：该任务仍按汇总时的内容列入", where, e.Row, e.Label, e.TaskID)
	case DeletedColumn:
		return fmt.Sprintf("%s的“%s”列已被删除：仍按汇总时的内容", where, e.Column)
	}
	return fmt.Sprintf("%s第 %d 行“%s”列（%s，序号 %s）：表内改为%s，未采用，仍为汇总时的%s", where, e.Row, e.Column, e.Cell, e.Label, quoteCell(e.InSheet), quoteCell(e.Kept))
}

func quoteCell(s string) string {
	if s == "" {
		return "（空）"
	}
	return "“" + cells.TruncateRunes(strings.ReplaceAll(s, "\n", " "), 30) + "”"
}

// Reading is a ledger read back with the edits Read did not take.
type Reading struct {
	Ledger  *ledger.Ledger
	Ignored []Ignored
}

// ReadWithEdits is Read that also returns the edits of the 总台账 sheet it
// did not take (see Ignored). A workbook without its hidden sheet is read
// from the visible sheets, so every edit counts and none is listed.
func ReadWithEdits(name string, r io.Reader) (*Reading, error) {
	if sr, ok := r.(*io.SectionReader); ok {
		// From where it stands, as a reader is read.
		off, err := sr.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, fmt.Errorf("read ledger %s: %w", name, err)
		}
		return readWithEdits(name, io.NewSectionReader(sr, off, sr.Size()-off), sr.Size()-off, openSheets)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read ledger %s: %w", name, err)
	}
	return readWithEdits(name, bytes.NewReader(data), int64(len(data)), openSheets)
}

// ReadFileWithEdits is ReadWithEdits of the workbook at path, read where
// it is.
func ReadFileWithEdits(path string) (*Reading, error) {
	return cells.ReadFileAt(path, func(name string, r io.ReaderAt, size int64) (*Reading, error) {
		return ReadWithEdits(name, io.NewSectionReader(r, 0, size))
	})
}

// readWithEdits is ReadWithEdits of the size bytes r reads, the workbook
// opened by open.
func readWithEdits(name string, r io.ReaderAt, size int64, open openFunc) (*Reading, error) {
	rd, err := newReader(name, r, size, open)
	if err != nil {
		return nil, err
	}
	l, err := rd.read()
	if err != nil {
		return nil, err
	}
	return &Reading{Ledger: l, Ignored: rd.ignored}, nil
}

// ignore lists an edit of the sheet that the ledger does not take.
func (rd *reader) ignore(sheet string, e Ignored) {
	e.File, e.Sheet = rd.name, sheet
	rd.ignored = append(rd.ignored, e)
}

// comparedFields are the columns of the ledger's 总台账 sheet that are
// compared with it: those still there, other than the office's and the
// hidden ones.
func (s *ledgerScan) comparedFields() []field {
	var compared []field
	for _, fl := range s.lo.fields {
		if sheetOwned(fl) && s.cols.has(fl) {
			compared = append(compared, fl)
		}
	}
	return compared
}

// sheetOwned reports a column of the 总台账 sheet that the ledger writes
// and an edit of which it does not take: not the office's, not hidden.
func sheetOwned(fl field) bool {
	k := columns[fl].kind
	return k != kOffice && k != kHidden
}

// editedCells keeps the cells of task row t that no longer say what the
// ledger's row r was written with.
func (s *ledgerScan) editedCells(t *sheetRow, r *ledger.Row) {
	want := taskTexts(r)
	for _, fl := range s.compared {
		got := t.vals[fl]
		if sameCell(fl, got, want[fl], r) {
			continue
		}
		kept := cells.CleanCell(want[fl])
		switch fl {
		case fPercent:
			kept = numText(r.Percent)
		case fExpected:
			kept = numText(&r.Expected)
		}
		s.edits = append(s.edits, Ignored{Kind: EditedCell, Row: t.row, Cell: s.cols.cell(fl, t.row), Column: columns[fl].header,
			Label: r.Label, TaskID: r.TaskID, InSheet: got, Kept: kept})
	}
}

// sameCell reports whether a cell as read back still says what was
// written: numbers by value, text as trimmed.
func sameCell(fl field, got, want string, r *ledger.Row) bool {
	switch fl {
	case fPercent:
		return sameNumber(parseNumber(got), r.Percent)
	case fExpected:
		return sameNumber(parseNumber(got), &r.Expected)
	}
	return got == cells.CleanCell(want)
}

func sameNumber(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) < 1e-6
}

func numText(v *float64) string {
	if v == nil {
		return ""
	}
	return ledger.Num(*v)
}
