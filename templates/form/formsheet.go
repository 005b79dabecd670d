package form

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
)

// writeForm writes the 填报表 sheet's rows: the title, the header block,
// the column headers and one row per task.
func writeForm(d *sheetData, sk *skeleton, a fillin.Assignment, opts Options, rows []fillin.SignedRow) {
	writeFormHeader(d, sk.st, a, opts)
	writeColumnHeaders(d, sk)
	writeTaskRows(d, sk.st, a, rows)
}

// writeFormHeader writes the form's title and header block.
func writeFormHeader(d *sheetData, st *styles, a fillin.Assignment, opts Options) {
	d.startRow(fillin.RowTitle, rowHeightAt([]string{formTitle(a)}, []float64{160}, 36, 22), true)
	d.cell(1, st.title, formTitle(a))
	values := map[string]string{
		fillin.UnitLabel: a.Unit, fillin.PeriodLabel: opts.Period.String(), fillin.DueLabel: dueText(opts.Due),
	}
	unitRow := []string{a.Unit, opts.Period.String(), dueText(opts.Due)}
	unitWidths := []float64{fillin.Columns[fillin.ColContent].Width, fillin.Columns[fillin.ColOthers].Width, fillin.Columns[fillin.ColTargets].Width}
	heights := map[int]float64{fillin.RowUnit: rowHeight(unitRow, unitWidths, 22), fillin.RowFiller: 22}
	for i, h := range fillin.HeaderCells {
		if i == 0 || h.Row != fillin.HeaderCells[i-1].Row {
			d.startRow(h.Row, heights[h.Row], true)
		}
		d.cell(int(h.Col)+1, st.label, h.Label)
		style := st.fixed
		if h.Input {
			style = st.inputText
		}
		if h.Label == fillin.DateLabel {
			style = st.inputDate
		}
		d.cell(int(h.Col)+2, style, values[h.Label])
	}
	// The date's value spans two columns (merged in the master).
	d.cell(int(fillin.ColStatus)+1, st.inputDate, "")
}

// writeColumnHeaders writes the form's column headers.
func writeColumnHeaders(d *sheetData, sk *skeleton) {
	d.startRow(fillin.RowHeader, 30, true)
	for c := fillin.ColLabel; c < fillin.NumCols; c++ {
		style := sk.st.headLocked
		switch {
		case c == fillin.ColID:
			style = sk.st.cellID
		case !fillin.Columns[c].Locked:
			style = sk.st.headInput
		}
		if si, ok := sk.required[c]; ok {
			d.item(int(c)+1, style, d.sst.addItem(si))
			continue
		}
		d.cell(int(c)+1, style, fillin.Columns[c].Header)
	}
}

// writeTaskRows writes the form's task rows: each column's style, the
// locked cells from rows, the task IDs and the rows' heights. The heights
// are not marked as set by hand: Excel and WPS fit a row without the mark
// to its text when a cell of the row is edited, so a long 本期进展 typed in
// shows whole; until then the row keeps the height written, which leaves
// room to type.
func writeTaskRows(d *sheetData, st *styles, a fillin.Assignment, rows []fillin.SignedRow) {
	colStyles := [fillin.NumCols]int{
		fillin.ColLabel: st.cellLockedCenter, fillin.ColContent: st.cellLocked, fillin.ColRole: st.cellLockedCenter,
		fillin.ColOthers: st.cellLocked, fillin.ColDeadline: st.cellLockedCenter, fillin.ColTargets: st.cellLocked,
		fillin.ColProgress: st.cellInput, fillin.ColPercent: st.cellPercent, fillin.ColStatus: st.cellInputCenter,
		fillin.ColCurrent: st.cellLocked, fillin.ColProblems: st.cellInput, fillin.ColNext: st.cellInput,
		fillin.ColEvidence: st.cellInput, fillin.ColRemark: st.cellInput, fillin.ColID: st.cellID,
	}
	widths := make([]float64, len(fillin.LockedCols))
	for i, c := range fillin.LockedCols {
		widths[i] = fillin.Columns[c].Width
	}
	for i, it := range a.Items {
		var values [fillin.NumCols]string
		for j, c := range fillin.LockedCols {
			values[c] = rows[i].Values[j]
		}
		values[fillin.ColID] = it.Task.ID
		d.startRow(fillin.RowFirst+i, rowHeight(rows[i].Values[:], widths, minRowHeight), false)
		for c := fillin.ColLabel; c < fillin.NumCols; c++ {
			style := colStyles[c]
			if c == fillin.ColCurrent && len(it.Task.Targets) > 0 {
				style = st.cellInput
			}
			d.cell(int(c)+1, style, values[c])
		}
	}
}

// requiredHeader is a header with a red " *".
func requiredHeader(h string) []excelize.RichTextRun {
	return []excelize.RichTextRun{
		{Text: h, Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true}},
		{Text: " *", Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true, Color: "FF0000"}},
	}
}

// Excel date serials bounding the 填报日期 cell.
const (
	serial2000 = 36526 // 2000-01-01
	serial2099 = 73050 // 2099-12-31
)

// addValidations adds the form's data validations to sheet, for task rows
// ending at row last when hasRows (see skeleton.formValidations).
func addValidations(f *excelize.File, sheet string, last int, hasRows bool) error {
	date := excelize.NewDataValidation(true)
	date.Sqref = fmt.Sprintf("%s%d:%s%d", letter(fillin.ColPercent), fillin.RowFiller, letter(fillin.ColStatus), fillin.RowFiller)
	if err := date.SetRange(serial2000, serial2099, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	date.SetInput(promptDateTitle, promptDate)
	date.SetError(excelize.DataValidationErrorStyleStop, errDateTitle, errDate)
	dvs := []*excelize.DataValidation{date}
	if hasRows {
		pct := excelize.NewDataValidation(true)
		pct.Sqref = fmt.Sprintf("%s%d:%s%d", letter(fillin.ColPercent), fillin.RowFirst, letter(fillin.ColPercent), last)
		if err := pct.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		pct.SetInput(promptPercentTitle, promptPercent)
		pct.SetError(excelize.DataValidationErrorStyleStop, errPercentTitle, errPercent)

		status := excelize.NewDataValidation(true)
		status.Sqref = fmt.Sprintf("%s%d:%s%d", letter(fillin.ColStatus), fillin.RowFirst, letter(fillin.ColStatus), last)
		if err := status.SetDropList(fillin.StatusNames()); err != nil {
			return err
		}
		status.SetInput(promptStatusTitle, promptStatus())
		status.SetError(excelize.DataValidationErrorStyleStop, errStatusTitle, errStatus)
		dvs = append(dvs, pct, status)
	}
	for _, dv := range dvs {
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// Prompts and error messages of the data validations. Excel limits titles
// to 32 characters and messages to 255; a test checks them.
const (
	promptDateTitle    = "填报日期"
	promptDate         = "请输入填报日期，如 2025-01-05。"
	errDateTitle       = "日期格式不正确"
	errDate            = "请输入 2000 年至 2099 年之间的日期，如 2025-01-05 或 2025/1/5。"
	promptPercentTitle = "累计进度(%)"
	promptPercent      = "填写截至本期末的累计完成比例：0–100 之间的数字，如 80 表示完成 80%。已完成的任务填 100。"
	errPercentTitle    = "累计进度填写有误"
	errPercent         = "累计进度请填写 0 到 100 之间的数字，如 80（表示 80%），不要填写文字。"
	promptStatusTitle  = "完成状态"
	errStatusTitle     = "完成状态不在列表中"
)

var errStatus = "请从下拉列表中选择：" + strings.Join(fillin.StatusNames(), "、") + "。"

func promptStatus() string {
	parts := make([]string, len(fillin.Statuses))
	for i, s := range fillin.Statuses {
		parts[i] = string(s) + "：" + statusMeaning[s]
	}
	return "请从下拉列表中选择。" + strings.Join(parts, "；") + "。"
}
