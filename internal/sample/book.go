package sample

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// The 填报表 sheet as templates/form writes it, in internal/fillin's
// layout: the header block in rows 2–3, the column headers in row 4 and one
// task row from row 5, with the task ID in the hidden column O. readBook
// checks the column headers, so a change of that layout fails loudly here
// rather than filling the wrong cells.
const (
	rowHeader = 4
	rowFirst  = 5

	cellUnit     = "B2"
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

// wantHeaders are the row-4 headers readBook expects (a required column's
// header carries a " *" after it).
var wantHeaders = [numCols]string{
	colLabel: "序号", colContent: "任务内容", colRole: "本单位角色", colOthers: "其他责任单位",
	colDeadline: "完成时限", colTargets: "量化指标", colProgress: "本期进展情况", colPercent: "累计进度(%)",
	colStatus: "完成状态", colCurrent: "指标当前值", colProblems: "存在问题", colNext: "下步打算",
	colEvidence: "佐证材料", colRemark: "备注", colID: "任务编号",
}

func letter(c int) string { return string(rune('A' + c)) }

// Book is what FillReturns needs from an issued workbook (samplefix.Books
// makes them from a task list without writing any).
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

// readBook reads an issued workbook without modifying it.
func readBook(path string) (*Book, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	b := &Book{Path: path, data: data}
	meta, err := f.GetRows(fillin.SheetMeta, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%s: no %s sheet, not an issued fill-in workbook: %w", path, fillin.SheetMeta, err)
	}
	for _, r := range meta {
		if len(r) < 2 {
			continue
		}
		v := strings.TrimSpace(r[1])
		switch r[0] {
		case "unit":
			b.Unit = v
		case "period":
			if p, err := period.Parse(v); err == nil {
				b.Period = p
			}
		case "due":
			if d, err := time.Parse(time.DateOnly, v); err == nil {
				b.Due = d
			}
		}
	}
	if u, err := f.GetCellValue(fillin.SheetForm, cellUnit); err == nil && strings.TrimSpace(u) != "" {
		b.Unit = strings.TrimSpace(u)
	}
	if b.Unit == "" {
		return nil, fmt.Errorf("%s: no unit in %s or the %s sheet", path, cellUnit, fillin.SheetMeta)
	}
	rows, err := f.GetRows(fillin.SheetForm, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) < rowHeader {
		return nil, fmt.Errorf("%s: the %s sheet has no header row", path, fillin.SheetForm)
	}
	for c, want := range wantHeaders {
		if got := cell(rows[rowHeader-1], c); strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(got), "*")) != want {
			return nil, fmt.Errorf("%s: %s%d is %q, want %q: the fill-in layout changed", path, letter(c), rowHeader, got, want)
		}
	}
	for i := rowFirst - 1; i < len(rows); i++ {
		r := rows[i]
		id := strings.TrimSpace(cell(r, colID))
		if id == "" {
			continue
		}
		tr := TaskRow{
			Row: i + 1, ID: id, Label: cell(r, colLabel), Content: cell(r, colContent), Role: cell(r, colRole),
			Others: cell(r, colOthers), Deadline: cell(r, colDeadline),
		}
		for _, t := range strings.Split(cell(r, colTargets), "\n") {
			if t = strings.TrimSpace(t); t != "" {
				tr.Targets = append(tr.Targets, t)
			}
		}
		b.Rows = append(b.Rows, tr)
	}
	return b, nil
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

func cell(r []string, c int) string {
	if c < len(r) {
		return r[c]
	}
	return ""
}
