package fillin

import (
	"cmp"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
)

// readEntry reads the input cells of e's row.
func (c *checker) readEntry(fm *form, e *expRow) Entry {
	i := e.row
	label := cmp.Or(e.label, cellText(fm.value(i, ColLabel)))
	r := &entryReader{c: c, fm: fm, e: e, i: i, label: label}
	en := Entry{TaskID: e.id, Label: label, Role: cmp.Or(e.role, Role(cellText(fm.value(i, ColRole)))), Row: fm.nums[i]}
	r.readInputCells()
	en.Progress = r.text(ColProgress)
	en.Problems = r.text(ColProblems)
	en.NextSteps = r.text(ColNext)
	en.Evidence = r.text(ColEvidence)
	en.Remark = r.text(ColRemark)

	r.readPercent(&en)
	r.readStatus(&en)
	r.readCurrent(&en)

	r.checkRequired(&en)
	r.checkAgreement(&en)
	return en
}

// entryReader holds what reading one row of a form needs: the row,
// its label for the messages, and its input cells once read.
type entryReader struct {
	c     *checker
	fm    *form
	e     *expRow
	i     int // the row's index in fm
	label string

	raw     map[Col]string // the input cells' values; "" for a formula
	formula map[Col]bool   // the input cells that held a formula
}

// warn reports a problem in the row, at column col's cell, or at the
// row's number when col is -1 or the form lacks the column.
func (r *entryReader) warn(level Level, col Col, msg string) {
	cell := fmt.Sprint(r.fm.nums[r.i])
	if col >= 0 && r.fm.cols[col] >= 0 {
		cell = r.fm.cell(r.i, col)
	}
	r.c.add(level, r.fm.sheet, cell, r.e.id, "序号 "+r.label+"："+msg)
}

// readInputCells reads the row's input cells into r.raw, leaving out
// formulas.
func (r *entryReader) readInputCells() {
	r.raw = map[Col]string{}
	r.formula = map[Col]bool{}
	for _, ic := range inputCols {
		if r.fm.cols[ic] < 0 {
			continue
		}
		v := r.fm.value(r.i, ic)
		if f := r.fm.raw(r.i, ic).formula; f != "" {
			shown := ""
			if f != "=" {
				shown = "（=" + cells.TruncateRunes(strings.TrimPrefix(f, "="), 40) + "）"
			}
			// Only this cell is lost: its computed value may be stale
			// (LibreOffice and WPS keep what they last computed), so it
			// is not taken, and the rest of the return still counts.
			r.warn(LevelWarning, ic, fmt.Sprintf("“%s”是公式%s，未采用：请填写数值而非公式", Columns[ic].Header, shown))
			v, r.formula[ic] = "", true
		}
		r.raw[ic] = v
	}
}

// text returns the text of input cell ic. Text is kept whole; only text
// beyond what an Excel cell holds (possible in a file not saved by
// Excel) is cut, visibly, with the cell it is in.
func (r *entryReader) text(ic Col) string {
	s := cellText(r.raw[ic])
	if r.fm.cols[ic] < 0 || cells.FitsCell(s) {
		return s
	}
	cell := r.fm.cell(r.i, ic)
	more := fmt.Sprintf("……（以下略，全文见报送文件 %s 的 %s 单元格）", filepath.Base(r.c.r.File), cell)
	fitted, cut := cells.FitCell(s, more)
	if cut {
		r.warn(LevelWarning, ic, fmt.Sprintf("“%s”共 %d 字，超过 Excel 单元格的上限（%d 字），汇总时只保留前面部分并注明“以下略”；全文保留在本文件该单元格中",
			Columns[ic].Header, cells.CellUnits(s), cells.MaxCellUnits))
	}
	return fitted
}

// readPercent reads the row's 累计进度 into en.Percent.
func (r *entryReader) readPercent(en *Entry) {
	p := cellText(r.raw[ColPercent])
	if p == "" {
		return
	}
	rc := r.fm.raw(r.i, ColPercent)
	numeric := rc.numeric() && rc.value != ""
	v, note, ok := percent(p, numeric, numeric && r.c.b.percentStyle(rc.style))
	switch {
	case !ok && numberOutOfRange(p, maxPercent):
		r.warn(LevelWarning, ColPercent, fmt.Sprintf("累计进度%s超出合理范围，未采用：请填写 0–100 之间的数字", quote(shownNumber(p))))
	case !ok:
		r.warn(LevelWarning, ColPercent, fmt.Sprintf("累计进度%s不是数字，请填写 0–100 之间的数字", quote(p)))
	case note != "":
		r.warn(LevelInfo, ColPercent, note)
	}
	en.Percent = v
}

// readStatus reads the row's 完成状态 into en, and takes a percentage
// written in it as the 累计进度 when that is empty.
func (r *entryReader) readStatus(en *Entry) {
	en.StatusRaw = cellText(r.raw[ColStatus])
	s, note, pct, known := status(en.StatusRaw)
	en.Status = s
	switch {
	case !known:
		r.warn(LevelWarning, ColStatus, fmt.Sprintf("完成状态%s不在下拉列表中（%s），未采用", quote(en.StatusRaw), strings.Join(StatusNames(), "、")))
	case note != "":
		r.warn(LevelInfo, ColStatus, note)
	}
	if pct != nil && en.Percent == nil && cellText(r.raw[ColPercent]) == "" {
		en.Percent = pct
		r.warn(LevelInfo, ColPercent, fmt.Sprintf("累计进度为空，按完成状态中的 %s 读取", trimNum(*pct)))
	}
}

// readCurrent reads the row's 指标当前值 into en, as text and, for a task
// with quantified targets, as a value.
func (r *entryReader) readCurrent(en *Entry) {
	en.Current = r.text(ColCurrent)
	if en.Current == "" {
		return
	}
	targets := cellText(r.fm.value(r.i, ColTargets))
	if targets == "" && r.fm.cols[ColTargets] >= 0 {
		r.warn(LevelWarning, ColCurrent, "本任务没有量化指标，指标当前值未采用")
		return
	}
	v, note, ok := current(en.Current, strings.Contains(targets, "\n"))
	switch {
	case !ok && numberOutOfRange(en.Current, maxCurrent):
		r.warn(LevelWarning, ColCurrent, fmt.Sprintf("指标当前值%s超出合理范围（绝对值应小于 10 的 15 次方），未采用", quote(shownNumber(en.Current))))
	case !ok:
		r.warn(LevelWarning, ColCurrent, fmt.Sprintf("指标当前值%s不是数值", quote(en.Current)))
	case note != "":
		r.warn(LevelInfo, ColCurrent, note)
	}
	en.CurrentValue = v
}

// checkRequired reports required cells left empty; a missing column or a
// rejected formula has been reported already.
func (r *entryReader) checkRequired(en *Entry) {
	var missing []Col
	for _, rc := range []Col{ColProgress, ColPercent, ColStatus} {
		if r.fm.cols[rc] >= 0 && !r.formula[rc] && cellText(r.raw[rc]) == "" && (rc != ColPercent || en.Percent == nil) {
			missing = append(missing, rc)
		}
	}
	switch len(missing) {
	case 0:
	case 3:
		r.warn(LevelWarning, -1, "本行未填报（本期进展情况、累计进度(%)、完成状态均为空）")
	default:
		for _, m := range missing {
			r.warn(LevelWarning, m, "未填写“"+Columns[m].Header+"”（必填）")
		}
	}
}

// checkAgreement reports a 累计进度 out of range and cells that disagree
// with the 完成状态.
func (r *entryReader) checkAgreement(en *Entry) {
	if en.Percent != nil && (*en.Percent < 0 || *en.Percent > 100) {
		r.warn(LevelWarning, ColPercent, fmt.Sprintf("累计进度 %s 超出 0–100", trimNum(*en.Percent)))
	}
	if en.Status == StatusDone && en.Percent != nil && *en.Percent < 100 {
		r.warn(LevelWarning, ColPercent, fmt.Sprintf("完成状态为“已完成”，但累计进度为 %s", trimNum(*en.Percent)))
	}
	if en.Status == StatusBehind && en.Problems == "" {
		r.warn(LevelWarning, ColProblems, "完成状态为“滞后”，请在“存在问题”中说明原因")
	}
}
