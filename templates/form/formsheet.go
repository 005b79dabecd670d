package form

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
)

func writeForm(f *excelize.File, st *styles, a fillin.Assignment, opts Options, rows []fillin.SignedRow) error {
	if err := writeFormHeader(f, st, a, opts); err != nil {
		return err
	}
	if err := writeColumnHeaders(f, st); err != nil {
		return err
	}
	if err := writeTaskRows(f, st, a, rows); err != nil {
		return err
	}
	last := fillin.RowFirst + len(a.Items) - 1
	return addValidations(f, fillin.SheetForm, last, len(a.Items) > 0)
}

// writeFormHeader writes the form's title and header block.
func writeFormHeader(f *excelize.File, st *styles, a fillin.Assignment, opts Options) error {
	const sheet = fillin.SheetForm
	lastPrinted := letter(fillin.ColRemark)
	if err := setCell(f, sheet, 1, fillin.RowTitle, formTitle(a), st.title); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, "A1", fmt.Sprintf("%s%d", lastPrinted, fillin.RowTitle)); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, fillin.RowTitle, rowHeightAt([]string{formTitle(a)}, []float64{160}, 36, 22)); err != nil {
		return err
	}
	values := map[string]string{
		fillin.UnitLabel: a.Unit, fillin.PeriodLabel: opts.Period.String(), fillin.DueLabel: dueText(opts.Due),
	}
	for _, h := range fillin.HeaderCells {
		if err := setCell(f, sheet, int(h.Col)+1, h.Row, h.Label, st.label); err != nil {
			return err
		}
		style := st.fixed
		if h.Input {
			style = st.inputText
		}
		if h.Label == fillin.DateLabel {
			style = st.inputDate
		}
		if err := setCell(f, sheet, int(h.Col)+2, h.Row, values[h.Label], style); err != nil {
			return err
		}
	}
	dateCell := fmt.Sprintf("%s%d", letter(fillin.ColPercent), fillin.RowFiller)
	if err := f.SetCellStyle(sheet, dateCell, fmt.Sprintf("%s%d", letter(fillin.ColStatus), fillin.RowFiller), st.inputDate); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, dateCell, fmt.Sprintf("%s%d", letter(fillin.ColStatus), fillin.RowFiller)); err != nil {
		return err
	}
	unitRow := []string{a.Unit, opts.Period.String(), dueText(opts.Due)}
	unitWidths := []float64{fillin.Columns[fillin.ColContent].Width, fillin.Columns[fillin.ColOthers].Width, fillin.Columns[fillin.ColTargets].Width}
	if err := f.SetRowHeight(sheet, fillin.RowUnit, rowHeight(unitRow, unitWidths, 22)); err != nil {
		return err
	}
	return f.SetRowHeight(sheet, fillin.RowFiller, 22)
}

// writeColumnHeaders writes the form's column headers.
func writeColumnHeaders(f *excelize.File, st *styles) error {
	const sheet = fillin.SheetForm
	for c := fillin.ColLabel; c < fillin.NumCols; c++ {
		cell := fmt.Sprintf("%s%d", letter(c), fillin.RowHeader)
		style := st.headLocked
		switch {
		case c == fillin.ColID:
			style = st.cellID
		case !fillin.Columns[c].Locked:
			style = st.headInput
		}
		if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
			return err
		}
		if fillin.Columns[c].Required {
			if err := f.SetCellRichText(sheet, cell, requiredHeader(fillin.Columns[c].Header)); err != nil {
				return err
			}
			continue
		}
		if err := f.SetCellStr(sheet, cell, fillin.Columns[c].Header); err != nil {
			return err
		}
	}
	return f.SetRowHeight(sheet, fillin.RowHeader, 30)
}

// writeTaskRows writes the form's task rows: each column's style, the
// locked cells from rows, the task IDs and the rows' heights.
func writeTaskRows(f *excelize.File, st *styles, a fillin.Assignment, rows []fillin.SignedRow) error {
	const sheet = fillin.SheetForm
	last := fillin.RowFirst + len(a.Items) - 1
	if len(a.Items) > 0 {
		colStyles := map[fillin.Col]int{
			fillin.ColLabel: st.cellLockedCenter, fillin.ColContent: st.cellLocked, fillin.ColRole: st.cellLockedCenter,
			fillin.ColOthers: st.cellLocked, fillin.ColDeadline: st.cellLockedCenter, fillin.ColTargets: st.cellLocked,
			fillin.ColProgress: st.cellInput, fillin.ColPercent: st.cellPercent, fillin.ColStatus: st.cellInputCenter,
			fillin.ColCurrent: st.cellLocked, fillin.ColProblems: st.cellInput, fillin.ColNext: st.cellInput,
			fillin.ColEvidence: st.cellInput, fillin.ColRemark: st.cellInput, fillin.ColID: st.cellID,
		}
		for c, s := range colStyles {
			if err := f.SetCellStyle(sheet, fmt.Sprintf("%s%d", letter(c), fillin.RowFirst), fmt.Sprintf("%s%d", letter(c), last), s); err != nil {
				return err
			}
		}
	}
	widths := make([]float64, len(fillin.LockedCols))
	for i, c := range fillin.LockedCols {
		widths[i] = fillin.Columns[c].Width
	}
	for i, it := range a.Items {
		row := fillin.RowFirst + i
		for j, c := range fillin.LockedCols {
			if v := rows[i].Values[j]; v != "" {
				if err := f.SetCellStr(sheet, fmt.Sprintf("%s%d", letter(c), row), v); err != nil {
					return err
				}
			}
		}
		if err := f.SetCellStr(sheet, fmt.Sprintf("%s%d", letter(fillin.ColID), row), it.Task.ID); err != nil {
			return err
		}
		if len(it.Task.Targets) > 0 {
			cell := fmt.Sprintf("%s%d", letter(fillin.ColCurrent), row)
			if err := f.SetCellStyle(sheet, cell, cell, st.cellInput); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sheet, row, rowHeight(rows[i].Values[:], widths, minRowHeight)); err != nil {
			return err
		}
	}
	return nil
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
