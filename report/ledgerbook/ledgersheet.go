package ledgerbook

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// line is one row of the 总台账 sheet below the header: a task, or a group
// row naming a document or a heading of the document.
type line struct {
	row  *ledger.Row // nil for a group row
	text string      // the group row's text
	doc  bool        // a document's group row
}

// outline lays the rows out in document order under their documents and
// headings: a group row for every heading that changes from one row to the
// next, and for every document when there are several.
func outline(rows []*ledger.Row) []line {
	docs := map[string]bool{}
	for _, r := range rows {
		docs[r.DocID] = true
	}
	var (
		out       []line
		prevDoc   string
		prevHeads []string
	)
	for i, r := range rows {
		if len(docs) > 1 && (i == 0 || r.DocID != prevDoc) {
			out = append(out, line{text: docHeading(r), doc: true})
			prevHeads = nil
		}
		prevDoc = r.DocID
		heads := headingLines(r)
		k := 0
		for k < len(heads) && k < len(prevHeads) && heads[k] == prevHeads[k] {
			k++
		}
		for _, h := range heads[k:] {
			out = append(out, line{text: h})
		}
		prevHeads = heads
		out = append(out, line{row: r})
	}
	return out
}

// docHeading is a document's group row: its title in 《》.
func docHeading(r *ledger.Row) string {
	t := strings.TrimSpace(cmp.Or(r.DocTitle, r.DocID))
	if strings.Contains(t, "《") {
		return t
	}
	return "《" + t + "》"
}

// headingLines are the row's headings as the document writes them, each
// with its numbering: "二、重点任务", "（一）加快企业培育".
func headingLines(r *ledger.Row) []string {
	out := make([]string, len(r.Headings))
	for k, h := range r.Headings {
		h = strings.TrimSpace(h)
		if k >= len(r.Path) {
			out[k] = h
			continue
		}
		p := strings.TrimSpace(r.Path[k])
		m := markerPrefix(p)
		switch {
		case h == "":
			out[k] = m
		case strings.HasPrefix(h, m) || strings.HasPrefix(h, p):
			out[k] = h // the heading already carries its number
		case m == p && !allRunes(p, cells.IsCircled):
			out[k] = p + " " + h // not a numbering marker, e.g. 附表
		default:
			out[k] = m + h
		}
	}
	return out
}

// contentText is the 任务内容 cell: the item's title and text as
// task.Content joins them.
func contentText(r *ledger.Row) string { return task.Content(r.Title, r.Text) }

func targetsText(r *ledger.Row) string {
	lines := make([]string, 0, len(r.Targets))
	for _, t := range r.Targets {
		if s := strings.TrimSpace(t.Text); s != "" {
			lines = append(lines, s)
		}
	}
	return strings.Join(lines, "\n")
}

func deadlineText(r *ledger.Row) string {
	if r.Deadline != "" {
		return r.Deadline
	}
	return period.ChineseDay(r.DueDate)
}

// coReportsText is the 配合单位报送 cell: one line per co-unit,
// "市统计局：按序时推进 60% 完成数据采集" or "市统计局：未报送".
func coReportsText(r *ledger.Row) string {
	lines := make([]string, len(r.CoReports))
	for i, c := range r.CoReports {
		if !c.Reported {
			lines[i] = c.Unit + "：未报送"
			continue
		}
		var parts []string
		if c.Status != "" {
			parts = append(parts, string(c.Status))
		}
		if c.Percent != nil {
			parts = append(parts, ledger.Num(*c.Percent)+"%")
		}
		if p := strings.TrimSpace(c.Progress); p != "" {
			parts = append(parts, p)
		}
		if len(parts) == 0 {
			parts = append(parts, "已报送")
		}
		lines[i] = c.Unit + "：" + strings.Join(parts, " ")
	}
	return strings.Join(lines, "\n")
}

// changeText is the 较上期 cell: "进度 +15；灯 黄→绿".
func changeText(r *ledger.Row) string {
	p := r.Previous
	if p == nil {
		return "上期无此任务"
	}
	var parts []string
	if r.Percent != nil && p.Percent != nil {
		if d := signed(*r.Percent - *p.Percent); d != "0" {
			parts = append(parts, "进度 "+d)
		}
	}
	if p.Light != "" && p.Light != r.Light {
		parts = append(parts, fmt.Sprintf("灯 %s→%s", p.Light, r.Light))
	}
	if len(parts) == 0 {
		return "无变化"
	}
	return strings.Join(parts, "；")
}

// taskTexts are the text cells of a task's row, by field; number columns
// are left empty.
func taskTexts(r *ledger.Row) [numFields]string {
	var v [numFields]string
	v[fLabel] = r.Label
	v[fContent] = contentText(r)
	v[fTargets] = targetsText(r)
	v[fLead] = strings.Join(r.Lead, "、")
	v[fCo] = strings.Join(r.Co, "、")
	v[fDeadline] = deadlineText(r)
	v[fProgress] = r.Progress
	v[fStatus] = string(r.Status)
	v[fLight] = string(r.Light)
	v[fProblems] = r.Problems
	v[fNextSteps] = r.NextSteps
	v[fEvidence] = r.Evidence
	v[fCoReports] = coReportsText(r)
	v[fChange] = changeText(r)
	v[fReview] = r.Review
	v[fOverride] = r.Override
	v[fTaskID] = r.TaskID
	v[fDocID] = r.DocID
	return v
}

// ledgerLayout is where things are on the 总台账 sheet as written.
type ledgerLayout struct {
	fields      []field
	col         [numFields]int // 1-based column, 0 when absent
	lastVisible int            // the last printed column: 核定状态
	lines       []line
}

func newLedgerLayout(l *ledger.Ledger) *ledgerLayout {
	withChange := false
	for _, r := range l.Rows {
		withChange = withChange || r.Previous != nil
	}
	lo := &ledgerLayout{fields: ledgerFields(withChange), lines: outline(l.Rows)}
	for i, fl := range lo.fields {
		lo.col[fl] = i + 1
	}
	lo.lastVisible = lo.col[fOverride]
	return lo
}

// The first data row of the 总台账 sheet: row 1 is the title, row 2 the
// header.
const ledgerFirstRow = 3

// writeLedgerSheet sets the 总台账 sheet up and streams its columns; its
// rows are left for later, when the workbook is saved.
func writeLedgerSheet(f *excelize.File, st *styles, later *cells.Later, l *ledger.Ledger) error {
	const sheet = SheetLedger
	lo := newLedgerLayout(l)
	lastRow := ledgerFirstRow - 1 + len(lo.lines)
	if err := setupLedgerSheet(f, l, lo, lastRow); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths, err := setLedgerColumns(sw, st, lo)
	if err != nil {
		return err
	}
	if err := mergeTitle(sw, 1, lo.lastVisible); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return later.Rows(sheet, func(rw *cells.RowWriter) error {
		if err := writeLedgerHeader(rw, st, l, lo); err != nil {
			return err
		}
		return writeLedgerLines(rw, st, lo, widths)
	})
}

// setupLedgerSheet sets what the 总台账 sheet, ending at lastRow, keeps
// outside its rows. Settings kept in the worksheet's other elements go in
// before the stream writer copies them (see package tasklist).
func setupLedgerSheet(f *excelize.File, l *ledger.Ledger, lo *ledgerLayout, lastRow int) error {
	const sheet = SheetLedger
	lastCol := len(lo.fields)
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", colName(lastCol), lastRow)); err != nil {
		return err
	}
	// The filter covers the hidden ID columns, so that sorting moves them
	// with their rows.
	if err := f.AutoFilter(sheet, fmt.Sprintf("A2:%s%d", colName(lastCol), lastRow), nil); err != nil {
		return err
	}
	// After the filter, which replaces the sheet properties that hold
	// fitting to the page.
	if err := printSetup(f, sheet, paperA3, "$2:$2", l.PeriodLabel+SheetLedger); err != nil {
		return err
	}
	if err := officeValidations(f, lo, max(lastRow, ledgerFirstRow)); err != nil {
		return err
	}
	return lightComments(f, lo)
}

// setLedgerColumns sets the 总台账 sheet's columns: their widths and
// style, the hidden ID columns, the frozen header. It returns the widths
// by field that row heights are worked out from, 0 for a hidden column.
func setLedgerColumns(sw *excelize.StreamWriter, st *styles, lo *ledgerLayout) ([]float64, error) {
	lastCol := len(lo.fields)
	widths := make([]float64, numFields)
	for i, fl := range lo.fields {
		if columns[fl].kind != kHidden {
			widths[fl] = columns[fl].width
		}
		if err := sw.SetColWidth(i+1, i+1, columns[fl].width); err != nil {
			return nil, err
		}
	}
	// Besides formatting new rows as text, this puts the <col> elements in
	// ascending order, which Excel requires and SetColWidth does not keep.
	if err := sw.SetColStyle(1, lastCol, st.column); err != nil {
		return nil, err
	}
	if err := sw.SetColVisible(lo.col[fTaskID], lo.col[fDocID], false); err != nil {
		return nil, err
	}
	if err := sw.SetPanes(frozenRows(2)); err != nil {
		return nil, err
	}
	return widths, nil
}

// writeLedgerHeader writes the 总台账 sheet's title and header rows.
func writeLedgerHeader(rw *cells.RowWriter, st *styles, l *ledger.Ledger, lo *ledgerLayout) error {
	// The title centres over the printed columns.
	if err := titleRow(rw, 1, lo.lastVisible, st.title, sheetTitle(l, SheetLedger), 36); err != nil {
		return err
	}
	header := make([]excelize.Cell, len(lo.fields))
	for i, fl := range lo.fields {
		style := st.header
		if columns[fl].kind == kOffice {
			style = st.office
		}
		header[i] = text(style, columns[fl].header)
	}
	return rw.Row(2, 30, header)
}

// writeLedgerLines writes the 总台账 sheet's lines from ledgerFirstRow on:
// a band for a document or a group, a row for a task.
func writeLedgerLines(rw *cells.RowWriter, st *styles, lo *ledgerLayout, widths []float64) error {
	cells := make([]excelize.Cell, len(lo.fields))
	for i, ln := range lo.lines {
		row := ledgerFirstRow + i
		if ln.row == nil {
			style := st.groupBand
			if ln.doc {
				style = st.docBand
			}
			if err := rw.Row(row, lineHeight+8, bandCells(style, ln.text, lo.lastVisible)); err != nil {
				return err
			}
			continue
		}
		texts := taskTexts(ln.row)
		for fl := range texts {
			texts[fl], _ = fitTaskText(ln.row, field(fl), texts[fl])
		}
		for j, fl := range lo.fields {
			cells[j] = taskCell(st, fl, ln.row, texts[fl])
		}
		if err := rw.Row(row, rowHeight(texts[:], widths), cells); err != nil {
			return err
		}
	}
	return nil
}

// taskCell is the cell of field fl in a task's row.
func taskCell(st *styles, fl field, r *ledger.Row, s string) excelize.Cell {
	switch fl {
	case fPercent:
		return number(st.number, r.Percent)
	case fExpected:
		return number(st.number, &r.Expected)
	case fOverride:
		return text(st.officeCenter, s)
	case fLight:
		if id, ok := st.light[r.Light]; ok {
			return text(id, s)
		}
	}
	switch columns[fl].kind {
	case kCentered, kLight:
		return text(st.center, s)
	case kOffice:
		return text(st.officeCell, s)
	case kHidden:
		return text(st.column, s)
	}
	return text(st.text, s)
}

// officeValidations adds the 核定状态 drop-down and a prompt on 复核意见.
func officeValidations(f *excelize.File, lo *ledgerLayout, lastRow int) error {
	col := colName(lo.col[fOverride])
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, ledgerFirstRow, col, lastRow)
	if err := dv.SetDropList(overrideStatuses); err != nil {
		return err
	}
	dv.SetInput("核定状态", "办公室核定的状态，将覆盖单位填报的状态")
	// A warning, not a stop: the office may need a status of its own.
	dv.SetError(excelize.DataValidationErrorStyleWarning, "核定状态",
		"核定状态一般为："+strings.Join(overrideStatuses, "、")+"。确定要填写其他内容吗？")
	if err := f.AddDataValidation(SheetLedger, dv); err != nil {
		return err
	}
	col = colName(lo.col[fReview])
	dv = excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s%d:%s%d", col, ledgerFirstRow, col, lastRow)
	dv.SetInput("复核意见", "办公室的复核意见，重新汇总时保留")
	return f.AddDataValidation(SheetLedger, dv)
}

// lightComments explains each yellow and red light in a comment on its
// cell. Green and grey need no explaining beside the progress and status
// columns, and comments are costly: excelize takes about 50 µs for each,
// more as there are more.
func lightComments(f *excelize.File, lo *ledgerLayout) error {
	col := lo.col[fLight]
	for i, ln := range lo.lines {
		if ln.row == nil || ln.row.LightReason == "" || ln.row.Light != ledger.Yellow && ln.row.Light != ledger.Red {
			continue
		}
		err := f.AddComment(SheetLedger, excelize.Comment{
			Cell:   cells.CellName(col, ledgerFirstRow+i),
			Author: "taizhang",
			Text:   "亮灯依据：" + ln.row.LightReason,
		})
		if err != nil {
			return err
		}
	}
	return nil
}
