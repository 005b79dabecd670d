package ledgerbook

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// WriteRanked writes the ledger workbook for l with the period's ranking:
// a 考核 sheet after 汇总 ranks the units, and 考核明细 lists every event
// behind their scores; a nil rk writes the ledger alone. Read ignores both
// sheets: the ranking is worked out again from the ledger when needed. The
// workbook's times are l.Generated, so the same ledger always gives the
// same workbook.
func WriteRanked(w io.Writer, l *ledger.Ledger, rk *history.Ranking) error {
	// cells.WriteBook saves at the fastest deflate level: compressing the
	// sheets of thousands of tasks took as long as making them.
	return cells.WriteBook(w, "write ledger", func(f *excelize.File, later *cells.Later) error {
		return build(f, later, l, rk)
	})
}

// WriteFileRanked writes the ledger workbook with the period's ranking (see
// WriteRanked) to path. It writes a temporary file next to path and renames
// it, so a failed run never leaves a broken workbook where the office
// expects one. An existing file is first copied to a backup next to it,
// named after its modification time (总台账.备份-20250106-153012.xlsx),
// since it may hold the office's review; the backup's path is returned, ""
// when there was no file.
func WriteFileRanked(path string, l *ledger.Ledger, rk *history.Ranking) (backup string, err error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && !info.Mode().IsRegular():
		return "", fmt.Errorf("write ledger: %s is not a regular file", path)
	case err == nil:
		if backup, err = outfile.Backup(path); err != nil {
			return "", fmt.Errorf("write ledger: back up %s: %w", path, err)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("write ledger: %w", err)
	}
	return backup, writeAtomic(path, "write ledger", func(w io.Writer) error { return WriteRanked(w, l, rk) })
}

// writeAtomic writes path through write, which wraps its own errors; what
// prefixes the others.
func writeAtomic(path, what string, write func(io.Writer) error) error {
	var werr error
	err := cells.WriteFileAtomic(path, func(w io.Writer) error {
		if werr = write(w); werr != nil {
			return werr
		}
		return w.(*os.File).Sync()
	})
	if err != nil && werr == nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return err
}

// build fills a new workbook with the sheets, with the ranking's when rk
// is not nil; their rows are written as the workbook is saved (later).
func build(f *excelize.File, later *cells.Later, l *ledger.Ledger, rk *history.Ranking) error {
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName(f.GetSheetName(0), SheetSummary); err != nil {
		return err
	}
	writers := []func(*excelize.File, *styles, *cells.Later, *ledger.Ledger) error{writeSummary}
	names := []string{SheetLedger, SheetTargets, SheetMissing, SheetFindings, SheetHidden}
	if rk != nil && rk.Result != nil {
		names = append([]string{SheetRanking, SheetRankingEvents}, names...)
		writers = append(writers, func(f *excelize.File, st *styles, later *cells.Later, l *ledger.Ledger) error {
			return writePeriodRanking(f, st, later, l, rk)
		})
	}
	writers = append(writers, writeLedgerSheet, writeTargets, writeMissing, writeFindings)
	if len(l.Removed) > 0 {
		// Before the hidden sheet, after the ones every ledger has.
		names = append(names[:len(names)-1], SheetRemoved, SheetHidden)
		writers = append(writers, writeRemoved)
	}
	for _, name := range names {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// Both read every worksheet: do them while the sheets are empty, not
	// after streaming, which would parse all the rows again.
	f.SetActiveSheet(0)
	if err := f.SetSheetVisible(SheetHidden, false, true); err != nil {
		return err
	}
	for _, write := range writers {
		if err := write(f, st, later, l); err != nil {
			return err
		}
	}
	if err := writeHidden(f, later, l); err != nil {
		return err
	}
	return setDocProps(f, outfile.Ledger, SheetLedger, l.PeriodLabel, l.Generated)
}

// setDocProps sets the workbook's properties, its times to generated (RFC
// 3339), so that the same input always gives the same workbook, and marks
// it as a workbook of kind k.
func setDocProps(f *excelize.File, k outfile.Kind, title, subject, generated string) error {
	if err := outfile.Mark(f, k); err != nil {
		return err
	}
	props := &excelize.DocProperties{
		Title:    title,
		Subject:  subject,
		Creator:  "taizhang",
		Language: "zh-CN",
	}
	if t, err := time.Parse(time.RFC3339, generated); err == nil {
		props.Created = t.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	return f.SetDocProps(props)
}

// multiDocRe matches the title Merge gives a ledger of several documents.
var multiDocRe = regexp.MustCompile(`^(.+?)(等\s*\d+\s*个文件)$`)

// titleName is the ledger's title in 《》: 《方案》, or 《方案》等 2 个文件.
func titleName(l *ledger.Ledger) string {
	t := strings.TrimSpace(l.Title)
	switch {
	case t == "":
		return ""
	case strings.Contains(t, "《"):
		return t
	}
	if m := multiDocRe.FindStringSubmatch(t); m != nil {
		return "《" + m[1] + "》" + m[2]
	}
	return "《" + t + "》"
}

// sheetTitle is the title of a sheet: 《方案》工作任务推进情况汇总（2024年第四季度）.
func sheetTitle(l *ledger.Ledger, what string) string {
	s := titleName(l) + "工作任务推进情况" + what
	if l.PeriodLabel != "" {
		s += "（" + l.PeriodLabel + "）"
	}
	return s
}

// Paper sizes as Excel numbers them.
const (
	paperA4 = cells.PaperA4
	paperA3 = cells.PaperA3
)

// printSetup prints sheet landscape on the given paper with titleRows
// repeated on every page and header, if any, centred at the top.
func printSetup(f *excelize.File, sheet string, paper int, titleRows, header string) error {
	return cells.SetPrint(f, sheet, cells.Print{Paper: paper, TopBottom: 0.7, Header: header, TitleRows: titleRows})
}

func frozenRows(n int) *excelize.Panes { return frozen(n, 0) }

// frozen keeps the first rows and cols in view.
func frozen(rows, cols int) *excelize.Panes {
	p := &excelize.Panes{
		Freeze:      true,
		XSplit:      cols,
		YSplit:      rows,
		TopLeftCell: cells.CellName(cols+1, rows+1),
		ActivePane:  "bottomLeft",
	}
	switch {
	case cols > 0 && rows > 0:
		p.ActivePane = "bottomRight"
	case cols > 0:
		p.ActivePane = "topRight"
	}
	return p
}

// colName is the letter of the 1-based column n.
func colName(n int) string {
	name, _ := excelize.ColumnNumberToName(n)
	return name
}

// text is a string cell with a style; empty cells keep their style but
// have no value, so they are blank for Excel's functions and filters.
func text(style int, s string) excelize.Cell {
	if s == "" {
		return excelize.Cell{StyleID: style}
	}
	// The 总台账 sheet cuts its long texts saying where the whole is
	// (fitTaskText); any other text too long for a cell is cut here, never
	// silently.
	s, _ = cells.FitCell(s, "……（以下略：超出 Excel 单元格的字数上限，全文保存在汇总数据中）")
	return excelize.Cell{StyleID: style, Value: s}
}

// number is a numeric cell, blank when v is nil.
func number(style int, v *float64) excelize.Cell {
	if v == nil {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: *v}
}

// titleRow writes a title across columns 1..lastCol, which mergeTitle
// merges.
func titleRow(rw *cells.RowWriter, row, lastCol, style int, s string, height float64) error {
	return rw.Row(row, height, bandCells(style, s, lastCol))
}

// bandCells is a row of n cells of one style with s in the first.
func bandCells(style int, s string, n int) []excelize.Cell {
	cells := make([]excelize.Cell, n)
	cells[0] = text(style, s)
	for i := 1; i < n; i++ {
		cells[i] = excelize.Cell{StyleID: style}
	}
	return cells
}

// mergeTitle merges a title row across columns 1..lastCol.
func mergeTitle(sw *excelize.StreamWriter, row, lastCol int) error {
	if lastCol == 1 {
		return nil
	}
	return sw.MergeCell(cells.CellName(1, row), cells.CellName(lastCol, row))
}
