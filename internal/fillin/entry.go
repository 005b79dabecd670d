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
	label := cmp.Or(e.label, cellText(fm.value(i, cLabel)))
	en := Entry{TaskID: e.id, Label: label, Role: cmp.Or(e.role, Role(cellText(fm.value(i, cRole)))), Row: fm.nums[i]}
	warn := func(level Level, col col, msg string) {
		cell := fmt.Sprint(fm.nums[i])
		if col >= 0 && fm.cols[col] >= 0 {
			cell = fm.cell(i, col)
		}
		c.add(level, fm.sheet, cell, e.id, "序号 "+label+"："+msg)
	}
	raw := map[col]string{}
	formula := map[col]bool{}
	for _, ic := range inputCols {
		if fm.cols[ic] < 0 {
			continue
		}
		v := fm.value(i, ic)
		if f := fm.raw(i, ic).formula; f != "" {
			shown := ""
			if f != "=" {
				shown = "（=" + cells.TruncateRunes(strings.TrimPrefix(f, "="), 40) + "）"
			}
			// Only this cell is lost: its computed value may be stale
			// (LibreOffice and WPS keep what they last computed), so it
			// is not taken, and the rest of the return still counts.
			warn(LevelWarning, ic, fmt.Sprintf("“%s”是公式%s，未采用：请填写数值而非公式", columns[ic].header, shown))
			v, formula[ic] = "", true
		}
		raw[ic] = v
	}
	// Text is kept whole; only text beyond what an Excel cell holds
	// (possible in a file not saved by Excel) is cut, visibly, with the
	// cell it is in.
	text := func(ic col) string {
		s := cellText(raw[ic])
		if fm.cols[ic] < 0 {
			return s
		}
		cell := fm.cell(i, ic)
		more := fmt.Sprintf("……（以下略，全文见报送文件 %s 的 %s 单元格）", filepath.Base(c.r.File), cell)
		fitted, cut := cells.FitCell(s, more)
		if cut {
			warn(LevelWarning, ic, fmt.Sprintf("“%s”共 %d 字，超过 Excel 单元格的上限（%d 字），汇总时只保留前面部分并注明“以下略”；全文保留在本文件该单元格中",
				columns[ic].header, cells.CellUnits(s), cells.MaxCellUnits))
		}
		return fitted
	}
	en.Progress = text(cProgress)
	en.Problems = text(cProblems)
	en.NextSteps = text(cNext)
	en.Evidence = text(cEvidence)
	en.Remark = text(cRemark)

	if p := cellText(raw[cPercent]); p != "" {
		rc := fm.raw(i, cPercent)
		numeric := rc.numeric() && rc.value != ""
		v, note, ok := percent(p, numeric, numeric && c.b.percentStyle(rc.style))
		switch {
		case !ok && numberOutOfRange(p, maxPercent):
			warn(LevelWarning, cPercent, fmt.Sprintf("累计进度%s超出合理范围，未采用：请填写 0–100 之间的数字", quote(shownNumber(p))))
		case !ok:
			warn(LevelWarning, cPercent, fmt.Sprintf("累计进度%s不是数字，请填写 0–100 之间的数字", quote(p)))
		case note != "":
			warn(LevelInfo, cPercent, note)
		}
		en.Percent = v
	}
	en.StatusRaw = cellText(raw[cStatus])
	s, note, pct, known := status(en.StatusRaw)
	en.Status = s
	switch {
	case !known:
		warn(LevelWarning, cStatus, fmt.Sprintf("完成状态%s不在下拉列表中（%s），未采用", quote(en.StatusRaw), strings.Join(StatusNames(), "、")))
	case note != "":
		warn(LevelInfo, cStatus, note)
	}
	if pct != nil && en.Percent == nil && cellText(raw[cPercent]) == "" {
		en.Percent = pct
		warn(LevelInfo, cPercent, fmt.Sprintf("累计进度为空，按完成状态中的 %s 读取", trimNum(*pct)))
	}
	en.Current = text(cCurrent)
	if en.Current != "" {
		targets := cellText(fm.value(i, cTargets))
		if targets == "" && fm.cols[cTargets] >= 0 {
			warn(LevelWarning, cCurrent, "本任务没有量化指标，指标当前值未采用")
		} else {
			v, note, ok := current(en.Current, strings.Contains(targets, "\n"))
			switch {
			case !ok && numberOutOfRange(en.Current, maxCurrent):
				warn(LevelWarning, cCurrent, fmt.Sprintf("指标当前值%s超出合理范围（绝对值应小于 10 的 15 次方），未采用", quote(shownNumber(en.Current))))
			case !ok:
				warn(LevelWarning, cCurrent, fmt.Sprintf("指标当前值%s不是数值", quote(en.Current)))
			case note != "":
				warn(LevelInfo, cCurrent, note)
			}
			en.CurrentValue = v
		}
	}

	// Required cells left empty; a missing column or a rejected formula
	// has been reported already.
	var missing []col
	for _, rc := range []col{cProgress, cPercent, cStatus} {
		if fm.cols[rc] >= 0 && !formula[rc] && cellText(raw[rc]) == "" && (rc != cPercent || en.Percent == nil) {
			missing = append(missing, rc)
		}
	}
	switch len(missing) {
	case 0:
	case 3:
		warn(LevelWarning, -1, "本行未填报（本期进展情况、累计进度(%)、完成状态均为空）")
	default:
		for _, m := range missing {
			warn(LevelWarning, m, "未填写“"+columns[m].header+"”（必填）")
		}
	}
	if en.Percent != nil && (*en.Percent < 0 || *en.Percent > 100) {
		warn(LevelWarning, cPercent, fmt.Sprintf("累计进度 %s 超出 0–100", trimNum(*en.Percent)))
	}
	if en.Status == StatusDone && en.Percent != nil && *en.Percent < 100 {
		warn(LevelWarning, cPercent, fmt.Sprintf("完成状态为“已完成”，但累计进度为 %s", trimNum(*en.Percent)))
	}
	if en.Status == StatusBehind && en.Problems == "" {
		warn(LevelWarning, cProblems, "完成状态为“滞后”，请在“存在问题”中说明原因")
	}
	return en
}
