package ledgerbook

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/testkit/ledgerkit"
)

// smallYear is ledgerkit's three months, September to November 2024, so
// Q3 holds one month and Q4 two (see package history's tests for the
// scores), with the title, text and progress a workbook shows:
//
//	A 甲局 lead, due 11-30: on track, behind (yellow), done in Nov
//	B 乙局 lead, 甲局 co, due 10-31: on track, yellow, red (overdue)
//	C 丙局 lead, no deadline: 持续推进, not reported in Oct
//	D 甲局 lead, due 2025-06-30: listed from Oct, on track
//	E 丁局 lead, due 2025-06-30: listed in Nov only
//
// 乙局 reports late in Sep and Nov, 丙局 misses Oct. The office reviews B
// and marks D 滞后 in Nov.
func smallYear(t testing.TB) []*ledger.Ledger {
	t.Helper()
	ledgers := ledgerkit.ThreeMonths(t)
	for _, l := range ledgers {
		p, err := period.Parse(l.Period)
		if err != nil {
			t.Fatal(err)
		}
		l.Title = "全市重点工作任务"
		l.Generated = p.End().AddDate(0, 0, 6).Format("2006-01-02") + "T08:00:00Z"
		for _, r := range l.Rows {
			id := r.Label
			r.TaskID, r.DocID, r.Title = "D1-"+id, "D1", "推进第"+id+"项重点工作"
			r.Text = "围绕高质量发展目标，推进第" + id + "项重点工作。"
			if r.Reported {
				r.Progress = "已完成阶段性工作。"
			}
		}
	}
	nov := ledgers[2]
	nov.Rows[1].Review = "请说明逾期原因"
	nov.Rows[3].Override = string(fillin.StatusBehind) // changes no score: D is not due and stays green
	return ledgers
}

var smallOrder = ledgerkit.Order

// synthYear is sample.MonthlyYear: monthly ledgers of 2024 merged from
// the sample's returns (units improving or slipping, late and missing).
func synthYear(tb testing.TB, months, tasks, units int) ([]*ledger.Ledger, []string) {
	tb.Helper()
	return samplefix.MonthlyYear(months, tasks, units, 2024)
}

// at is the cell of a grid row, "" beyond its end.
func at(row []string, col int) string {
	if col < len(row) {
		return row[col]
	}
	return ""
}

// headerIndex finds the row whose cells include every one of headers and
// returns it with the columns of the headers.
func headerIndex(t testing.TB, grid [][]string, headers ...string) (int, map[string]int) {
	t.Helper()
	for r, row := range grid {
		cols := map[string]int{}
		for c, v := range row {
			if _, dup := cols[v]; !dup {
				cols[v] = c
			}
		}
		ok := true
		for _, h := range headers {
			if _, found := cols[h]; !found {
				ok = false
			}
		}
		if ok {
			return r, cols
		}
	}
	t.Fatalf("no row with headers %q", headers)
	return 0, nil
}
