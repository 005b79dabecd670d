package sample

import (
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// The 填报表 sheet as templates/form writes it, in internal/fillin's
// layout: the header block in rows 2–3, the column headers in row 4 and one
// task row from row 5, with the task ID in the hidden column O. The cells
// a unit types in are patched into a copy of the workbook (fillCells), which
// fails on a cell the sheet does not have.
const (
	cellFiller   = "B3"
	cellPhone    = "D3"
	cellReviewer = "F3"
	cellDate     = "H3" // merged H3:I3
)

// Columns, as 0-based indexes into a row and as letters.
const (
	colLabel = iota
	colContent
	colRole
	colOthers
	colDeadline
	colTargets
	colProgress
	colPercent
	colStatus
	colCurrent
	colProblems
	colNext
	colEvidence
	colRemark
	colID
	numCols
)

func letter(c int) string { return string(rune('A' + c)) }

// Book is what Fill needs from an issued workbook (BooksOf knows them from
// the assignments, samplefix.ReadBook reads one from disk).
type Book struct {
	Path   string
	data   []byte
	Unit   string
	Period period.Period // from the hidden sheet; zero when unreadable
	Due    time.Time     // from the hidden sheet; zero when none
	Rows   []TaskRow
}

// TaskRow is one task row as issued.
type TaskRow struct {
	Row                                        int // sheet row
	ID, Label, Content, Role, Others, Deadline string
	Targets                                    []string // one per line of 量化指标
}

// BooksOf are the books templates/form writes for units at paths, known
// from the assignments without reading the workbooks: the rows are the
// units' items from fillin.RowFirst on, with the values fillin.ItemValues
// gives them. Each workbook is read from its path when its returns are
// written.
func BooksOf(units []fillin.Assignment, paths []string, p period.Period, due time.Time) []*Book {
	books := make([]*Book, len(units))
	for i, a := range units {
		b := &Book{Path: paths[i], Unit: a.Unit, Period: p, Due: due, Rows: make([]TaskRow, len(a.Items))}
		multi := fillin.MultiDoc(a)
		for k, it := range a.Items {
			t := it.Task
			v := fillin.ItemValues(it, a.Unit, multi)
			row := TaskRow{
				Row: fillin.RowFirst + k, ID: t.ID, Label: v[0], Content: v[1],
				Role: v[2], Others: v[3], Deadline: v[4],
			}
			for _, g := range strings.Split(v[5], "\n") {
				if g = strings.TrimSpace(g); g != "" {
					row.Targets = append(row.Targets, g)
				}
			}
			b.Rows[k] = row
		}
		books[i] = b
	}
	return books
}
