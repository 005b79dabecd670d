package fillin

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

func writeForm(f *excelize.File, st *styles, a Assignment, opts Options, rows []signedRow) error {
	if err := writeFormHeader(f, st, a, opts); err != nil {
		return err
	}
	if err := writeColumnHeaders(f, st); err != nil {
		return err
	}
	if err := writeTaskRows(f, st, a, rows); err != nil {
		return err
	}
	last := rowFirst + len(a.Items) - 1
	return addValidations(f, SheetForm, last, len(a.Items) > 0)
}

// writeFormHeader writes the form's title and header block.
func writeFormHeader(f *excelize.File, st *styles, a Assignment, opts Options) error {
	const sheet = SheetForm
	lastPrinted := cRemark.letter()
	if err := setCell(f, sheet, 1, rowTitle, formTitle(a), st.title); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, "A1", fmt.Sprintf("%s%d", lastPrinted, rowTitle)); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, rowTitle, rowHeightAt([]string{formTitle(a)}, []float64{160}, 36, 22)); err != nil {
		return err
	}
	values := map[string]string{
		unitLabel: a.Unit, periodLabel: opts.Period.String(), dueLabel: dueText(opts.Due),
	}
	for _, h := range headerCells {
		if err := setCell(f, sheet, int(h.col)+1, h.row, h.label, st.label); err != nil {
			return err
		}
		style := st.fixed
		if h.input {
			style = st.inputText
		}
		if h.label == dateLabel {
			style = st.inputDate
		}
		if err := setCell(f, sheet, int(h.col)+2, h.row, values[h.label], style); err != nil {
			return err
		}
	}
	dateCell := fmt.Sprintf("%s%d", cPercent.letter(), rowFiller)
	if err := f.SetCellStyle(sheet, dateCell, fmt.Sprintf("%s%d", cStatus.letter(), rowFiller), st.inputDate); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, dateCell, fmt.Sprintf("%s%d", cStatus.letter(), rowFiller)); err != nil {
		return err
	}
	unitRow := []string{a.Unit, opts.Period.String(), dueText(opts.Due)}
	unitWidths := []float64{columns[cContent].width, columns[cOthers].width, columns[cTargets].width}
	if err := f.SetRowHeight(sheet, rowUnit, rowHeight(unitRow, unitWidths, 22)); err != nil {
		return err
	}
	return f.SetRowHeight(sheet, rowFiller, 22)
}

// writeColumnHeaders writes the form's column headers.
func writeColumnHeaders(f *excelize.File, st *styles) error {
	const sheet = SheetForm
	for c := cLabel; c < numCols; c++ {
		cell := fmt.Sprintf("%s%d", c.letter(), rowHeader)
		style := st.headLocked
		switch {
		case c == cID:
			style = st.cellID
		case !columns[c].locked:
			style = st.headInput
		}
		if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
			return err
		}
		if columns[c].required {
			if err := f.SetCellRichText(sheet, cell, requiredHeader(columns[c].header)); err != nil {
				return err
			}
			continue
		}
		if err := f.SetCellStr(sheet, cell, columns[c].header); err != nil {
			return err
		}
	}
	return f.SetRowHeight(sheet, rowHeader, 30)
}

// writeTaskRows writes the form's task rows: each column's style, the
// locked cells from rows, the task IDs and the rows' heights.
func writeTaskRows(f *excelize.File, st *styles, a Assignment, rows []signedRow) error {
	const sheet = SheetForm
	last := rowFirst + len(a.Items) - 1
	if len(a.Items) > 0 {
		colStyles := map[col]int{
			cLabel: st.cellLockedCenter, cContent: st.cellLocked, cRole: st.cellLockedCenter,
			cOthers: st.cellLocked, cDeadline: st.cellLockedCenter, cTargets: st.cellLocked,
			cProgress: st.cellInput, cPercent: st.cellPercent, cStatus: st.cellInputCenter,
			cCurrent: st.cellLocked, cProblems: st.cellInput, cNext: st.cellInput,
			cEvidence: st.cellInput, cRemark: st.cellInput, cID: st.cellID,
		}
		for c, s := range colStyles {
			if err := f.SetCellStyle(sheet, fmt.Sprintf("%s%d", c.letter(), rowFirst), fmt.Sprintf("%s%d", c.letter(), last), s); err != nil {
				return err
			}
		}
	}
	widths := make([]float64, len(lockedCols))
	for i, c := range lockedCols {
		widths[i] = columns[c].width
	}
	for i, it := range a.Items {
		row := rowFirst + i
		for j, c := range lockedCols {
			if v := rows[i].values[j]; v != "" {
				if err := f.SetCellStr(sheet, fmt.Sprintf("%s%d", c.letter(), row), v); err != nil {
					return err
				}
			}
		}
		if err := f.SetCellStr(sheet, fmt.Sprintf("%s%d", cID.letter(), row), it.Task.ID); err != nil {
			return err
		}
		if len(it.Task.Targets) > 0 {
			cell := fmt.Sprintf("%s%d", cCurrent.letter(), row)
			if err := f.SetCellStyle(sheet, cell, cell, st.cellInput); err != nil {
				return err
			}
		}
		if err := f.SetRowHeight(sheet, row, rowHeight(rows[i].values[:], widths, minRowHeight)); err != nil {
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
	date.Sqref = fmt.Sprintf("%s%d:%s%d", cPercent.letter(), rowFiller, cStatus.letter(), rowFiller)
	if err := date.SetRange(serial2000, serial2099, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	date.SetInput(promptDateTitle, promptDate)
	date.SetError(excelize.DataValidationErrorStyleStop, errDateTitle, errDate)
	dvs := []*excelize.DataValidation{date}
	if hasRows {
		pct := excelize.NewDataValidation(true)
		pct.Sqref = fmt.Sprintf("%s%d:%s%d", cPercent.letter(), rowFirst, cPercent.letter(), last)
		if err := pct.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		pct.SetInput(promptPercentTitle, promptPercent)
		pct.SetError(excelize.DataValidationErrorStyleStop, errPercentTitle, errPercent)

		status := excelize.NewDataValidation(true)
		status.Sqref = fmt.Sprintf("%s%d:%s%d", cStatus.letter(), rowFirst, cStatus.letter(), last)
		if err := status.SetDropList(StatusNames()); err != nil {
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

var errStatus = "请从下拉列表中选择：" + strings.Join(StatusNames(), "、") + "。"

func promptStatus() string {
	parts := make([]string, len(Statuses))
	for i, s := range Statuses {
		parts[i] = string(s) + "：" + statusMeaning[s]
	}
	return "请从下拉列表中选择。" + strings.Join(parts, "；") + "。"
}
