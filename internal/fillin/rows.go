package fillin

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// checkForm checks the 填报表 sheet against the expected rows and reads
// the entries.
func (c *checker) checkForm(fm *form, exp []*expRow) {
	structural := c.checkColumns(fm)
	c.readHeader(fm)
	c.spreadMerges(fm)
	exp, bad := c.matchRows(fm, exp)
	structural = structural || bad
	c.checkLocked(fm, exp, structural)
	c.r.Entries = slices.Grow(c.r.Entries, matchedRows(exp))
	for _, e := range exp {
		if e.row >= 0 {
			c.r.Entries = append(c.r.Entries, c.readEntry(fm, e))
		}
	}
}

// matchedRows counts the expected rows found in the form.
func matchedRows(exp []*expRow) int {
	n := 0
	for _, e := range exp {
		if e.row >= 0 {
			n++
		}
	}
	return n
}

// checkColumns reports missing and moved columns. It returns true when a
// task column is missing, so the signature cannot be checked.
func (c *checker) checkColumns(fm *form) bool {
	structural, moved := false, false
	for col := ColLabel; col < NumCols; col++ {
		name := Columns[col].Header
		switch {
		case fm.cols[col] >= 0:
			moved = moved || fm.cols[col] != int(col)
		case col == ColID:
			c.add(LevelWarning, fm.sheet, "", "", "隐藏的“"+name+"”列已被删除，已按序号和任务内容对应各行")
		case Columns[col].Locked:
			structural = true
			c.add(LevelError, fm.sheet, "", "", "缺少“"+name+"”列：任务信息列不能删除，请使用下发的填报表填写")
		case Columns[col].Required:
			c.add(LevelError, fm.sheet, "", "", "缺少“"+name+"”列：该列为必填，请使用下发的填报表填写")
		default:
			c.add(LevelWarning, fm.sheet, "", "", "缺少“"+name+"”列，该列内容无法读取")
		}
	}
	if moved || fm.nums[fm.header] != RowHeader {
		c.add(LevelInfo, fm.sheet, "", "", "表格的列或表头位置与下发时不同，已按表头文字对应各列")
	}
	return structural
}

// readHeader reads the header block above the header row: each label is
// followed by its value, or carries it after a colon.
func (c *checker) readHeader(fm *form) {
	type found struct {
		value, cell string
		row, col    int
	}
	got := map[string]found{}
	for i := 0; i < fm.header && i < len(fm.rows); i++ {
		row := fm.rows[i]
		for j, v := range row {
			k := headerKey(v)
			for _, h := range HeaderCells {
				if _, ok := got[h.Label]; ok {
					continue
				}
				switch {
				case k == h.Label:
					cell, _ := excelize.CoordinatesToCellName(j+2, fm.nums[i])
					val := ""
					if j+1 < len(row) && !isHeaderLabel(row[j+1]) {
						val = row[j+1]
					}
					got[h.Label] = found{val, cell, fm.nums[i], j + 2}
				case strings.HasPrefix(k, h.Label+":"):
					cell, _ := excelize.CoordinatesToCellName(j+1, fm.nums[i])
					_, val, _ := strings.Cut(cells.Fold(v), ":")
					got[h.Label] = found{val, cell, fm.nums[i], j + 1}
				}
			}
		}
	}
	hd := &c.r.Header
	hd.Filler = cellText(got[fillerLabel].value)
	hd.Phone = cellText(got[phoneLabel].value)
	hd.Reviewer = cellText(got[reviewerLabel].value)
	if v, ok := got[UnitLabel]; ok && squeeze(v.value) != "" && squeeze(v.value) != squeeze(c.m.unit) {
		c.add(LevelWarning, fm.sheet, v.cell, "", fmt.Sprintf("表头的填报单位“%s”与核验信息中的“%s”不一致，按“%s”读取", cellText(v.value), c.m.unit, c.m.unit))
	}
	if v, ok := got[PeriodLabel]; ok && c.m.periodLabel != "" && squeeze(v.value) != "" && squeeze(v.value) != squeeze(c.m.periodLabel) {
		c.add(LevelWarning, fm.sheet, v.cell, "", fmt.Sprintf("表头的报送期次“%s”与核验信息中的“%s”不一致，按“%s”读取", cellText(v.value), c.m.periodLabel, c.m.periodLabel))
	}
	if hd.Filler == "" {
		c.add(LevelWarning, fm.sheet, got[fillerLabel].cell, "", "未填写填报人")
	}
	d := got[DateLabel]
	raw := cellText(d.value)
	if raw == "" {
		c.add(LevelWarning, fm.sheet, d.cell, "", "未填写填报日期")
		return
	}
	dc, _ := fm.data.cellAt(d.row, d.col)
	numeric := (dc.numeric() || dc.typ == "d") && dc.value != ""
	day, valid := cells.ParseDate(raw, c.b.date1904)
	from, to, label, window := c.dateWindow()
	switch {
	case !valid:
		// Left empty: a date as typed would decide, as text, which of a
		// unit's returns is the newest and whether it was late.
		c.add(LevelWarning, fm.sheet, d.cell, "", fmt.Sprintf("无法识别填报日期“%s”，未采用：请写作 2025-01-05", raw))
	case window && (day < from || day > to):
		c.add(LevelWarning, fm.sheet, d.cell, "", fmt.Sprintf("填报日期 %s 不在本期（%s）可能的填报时间内（%s至%s），未采用：请填写实际填报日期",
			day, label, period.ChineseDay(from), period.ChineseDay(to)))
	case !numeric:
		hd.Date = day
		c.add(LevelWarning, fm.sheet, d.cell, "", fmt.Sprintf("填报日期“%s”是文本而不是日期，已按 %s 读取", raw, day))
	default:
		hd.Date = day
	}
}

// isHeaderLabel reports whether v is one of the header block's labels.
func isHeaderLabel(v string) bool {
	k := headerKey(v)
	for _, h := range HeaderCells {
		if k == h.Label {
			return true
		}
	}
	return false
}

// spreadMerges copies the value of a merged input cell to every row it
// covers, so each task reads it.
func (c *checker) spreadMerges(fm *form) {
	index := map[int]int{} // sheet row number → index in rows
	for i, n := range fm.nums {
		index[n] = i
	}
	input := map[int]Col{}
	for _, ic := range inputCols {
		if fm.cols[ic] >= 0 {
			input[fm.cols[ic]] = ic
		}
	}
	for _, m := range fm.data.merges {
		top, ok := index[m.r1]
		if !ok || top <= fm.header || m.r1 == m.r2 || m.r2-m.r1 > maxRows {
			continue
		}
		for j := m.c1 - 1; j < m.c2 && j < maxFormCols; j++ {
			ic, ok := input[j]
			if !ok {
				continue
			}
			v := ""
			if j < len(fm.rows[top]) {
				v = fm.rows[top][j]
			}
			if strings.TrimSpace(v) == "" {
				continue
			}
			for r := m.r1 + 1; r <= m.r2; r++ {
				i, ok := index[r]
				if !ok {
					continue
				}
				for len(fm.rows[i]) <= j {
					fm.rows[i] = append(fm.rows[i], "")
				}
				fm.rows[i][j] = v
			}
			c.add(LevelInfo, fm.sheet, m.start(), "", fmt.Sprintf("第 %d–%d 行的“%s”是合并单元格，已按每行相同内容读取", m.r1, m.r2, Columns[ic].Header))
		}
	}
}

// blank reports whether rows[i] has nothing in any known column.
func (fm *form) blank(i int) bool {
	for c := ColLabel; c < NumCols; c++ {
		if strings.TrimSpace(fm.value(i, c)) != "" {
			return false
		}
	}
	return true
}

// lockedValues is the locked content of rows[i] as read.
func (fm *form) lockedValues(i int) RowValues {
	var v RowValues
	for j, c := range LockedCols {
		v[j] = cellText(fm.value(i, c))
	}
	return v
}

// dateWindow is when a return of the workbook's period can plausibly have
// been filled in: from a quarter before the period starts (a unit may fill
// in early) to a year after it ends (a very late return). ok is false when
// the period is unknown. label names the period.
func (c *checker) dateWindow() (from, to, label string, ok bool) {
	p, err := period.Parse(c.m.period)
	if err != nil || p.IsZero() {
		return "", "", "", false
	}
	return p.Start().AddDate(0, -3, 0).Format(time.DateOnly), p.End().AddDate(1, 0, 0).Format(time.DateOnly), p.String(), true
}
