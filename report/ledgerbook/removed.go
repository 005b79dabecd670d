package ledgerbook

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// removedHeaders are the columns of the 已移除任务 sheet; the last one, the
// task's ID, is hidden.
var removedHeaders = []string{"序号", "文件", "任务序号", "任务内容", "牵头单位", "复核意见", "核定状态", "移出任务分解表时间", "任务编号"}

// Columns of the 已移除任务 sheet, 0-based, as in removedHeaders.
const (
	rmDoc      = 1
	rmLabel    = 2
	rmContent  = 3
	rmLead     = 4
	rmReview   = 5
	rmOverride = 6
	rmTaskID   = 8
)

func writeRemoved(f *excelize.File, st *styles, later *cells.Later, l *ledger.Ledger) error {
	s := section{headers: removedHeaders}
	for i, r := range l.Removed {
		s.rows = append(s.rows, []excelize.Cell{
			{StyleID: st.count, Value: i + 1},
			text(st.text, r.DocTitle),
			text(st.center, r.Label),
			text(st.text, contentText(&ledger.Row{Title: r.Title, Text: r.Text})),
			text(st.center, strings.Join(r.Lead, "、")),
			text(st.officeCell, r.Review),
			text(st.officeCenter, r.Override),
			text(st.center, period.ChineseTime(r.Removed)),
			text(st.column, r.TaskID),
		})
	}
	p := &plainSheet{
		name: SheetRemoved, title: "已移出任务分解表的任务" + periodSuffix(l),
		note: "这些任务已不在任务分解表中（被删除，或改了编号），办公室原先填写的复核意见和核定状态保留在这里，" +
			"在此修改的内容重新汇总时也会保留；任务恢复到任务分解表后重新汇总，意见会回到该任务。",
		widths: []float64{6, 24, 9, 48, 14, 24, 10, 18, 16}, hidden: len(removedHeaders), filter: true,
		sections: []section{s},
	}
	return p.write(f, st, later)
}

// readRemoved takes the office's notes as the 已移除任务 sheet now has them:
// onto l.Removed, matched by the hidden 任务编号 column, or, for a ledger
// rebuilt from the visible sheets, as the rows of l.Removed.
func (rd *reader) readRemoved(l *ledger.Ledger, rebuilt bool) {
	_, rows, ok := rd.optionalRows(SheetRemoved)
	if !ok {
		return
	}
	at := map[int]int{}
	header := -1
	for r := 0; r < min(headerScanRows, len(rows)) && header < 0; r++ {
		clear(at)
		for c, v := range rows[r] {
			for i, h := range removedHeaders {
				if cells.HeaderKey(v) == h {
					at[i] = c
				}
			}
		}
		if _, ok := at[rmTaskID]; ok {
			header = r
		}
	}
	if header < 0 {
		return
	}
	byID := map[string]*ledger.RemovedRow{}
	for _, r := range l.Removed {
		byID[r.TaskID] = r
	}
	for _, row := range rows[header+1:] {
		get := func(i int) (string, bool) {
			if c, ok := at[i]; ok {
				if c < len(row) {
					return cells.CleanCell(row[c]), true
				}
				return "", true
			}
			return "", false
		}
		id, _ := get(rmTaskID)
		if id == "" {
			continue
		}
		r := byID[id]
		if r == nil {
			if !rebuilt {
				continue
			}
			r = &ledger.RemovedRow{TaskID: id}
			r.DocTitle, _ = get(rmDoc)
			r.Label, _ = get(rmLabel)
			r.Text, _ = get(rmContent)
			lead, _ := get(rmLead)
			r.Lead = cells.SplitUnits(lead)
			byID[id] = r
			l.Removed = append(l.Removed, r)
		}
		if v, ok := get(rmReview); ok {
			r.Review = v
		}
		if v, ok := get(rmOverride); ok {
			r.Override = v
		}
	}
}
