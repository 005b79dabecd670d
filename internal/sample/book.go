package sample

import (
	"strconv"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// The 填报表 sheet in internal/fillin's layout, which templates/form
// writes: the header block's input cells right of their labels, and the
// columns as 0-based indexes. The cells a unit types in are patched into a
// copy of the workbook (fillCells), which fails on a cell the sheet does not
// have, so a layout that moves fails loudly.
var cellFiller, cellPhone, cellReviewer, cellDate = headerInputs()

// headerInputs are the cells of the header block a unit types in, in the
// order of fillin.HeaderCells: 填报人, 联系电话, 审核人, 填报日期.
func headerInputs() (filler, phone, reviewer, date string) {
	var cells []string
	for _, h := range fillin.HeaderCells {
		if h.Input {
			cells = append(cells, letter(int(h.Col)+1)+strconv.Itoa(h.Row))
		}
	}
	return cells[0], cells[1], cells[2], cells[3]
}

const (
	colLabel    = int(fillin.ColLabel)
	colContent  = int(fillin.ColContent)
	colRole     = int(fillin.ColRole)
	colOthers   = int(fillin.ColOthers)
	colDeadline = int(fillin.ColDeadline)
	colTargets  = int(fillin.ColTargets)
	colProgress = int(fillin.ColProgress)
	colPercent  = int(fillin.ColPercent)
	colStatus   = int(fillin.ColStatus)
	colCurrent  = int(fillin.ColCurrent)
	colProblems = int(fillin.ColProblems)
	colNext     = int(fillin.ColNext)
	colEvidence = int(fillin.ColEvidence)
	colRemark   = int(fillin.ColRemark)
)

func letter(c int) string { return string(rune('A' + c)) }

// Book is what Fill needs from an issued workbook (BooksOf knows them from
// the assignments, samplefix.ReadBook reads one from disk).
type Book struct {
	Path   string
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
