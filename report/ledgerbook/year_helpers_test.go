package ledgerbook

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
)

// yearRow is a task row; a status other than "" and 未报送 counts as
// reported by the first lead.
func yearRow(id string, lead, co []string, due string, st fillin.Status, p *float64, light ledger.Light) *ledger.Row {
	r := &ledger.Row{TaskID: "D1-" + id, DocID: "D1", Label: id, Title: "推进第" + id + "项重点工作",
		Text: "围绕高质量发展目标，推进第" + id + "项重点工作。", Lead: lead, Co: co, DueDate: due,
		Status: st, Percent: p, Light: light}
	if st == "" || st == ledger.NotReported {
		r.Status, r.Light, r.Percent = ledger.NotReported, ledger.Grey, nil
		return r
	}
	r.Reported, r.Progress = true, "已完成阶段性工作。"
	if len(lead) > 0 {
		r.ReportedBy = lead[0]
	}
	return r
}

// monthLedger is a period's ledger with unit summaries derived from its
// rows; compliance gives each unit's 按时/迟报/未报 (按时 when not named).
func monthLedger(tb testing.TB, key string, rows []*ledger.Row, compliance map[string]ledger.Compliance) *ledger.Ledger {
	tb.Helper()
	p, err := period.Parse(key)
	if err != nil {
		tb.Fatal(err)
	}
	l := &ledger.Ledger{Title: "全市重点工作任务", Period: p.Key(), PeriodLabel: p.String(),
		PeriodEnd: p.End().Format("2006-01-02"), Rows: rows,
		Generated: p.End().AddDate(0, 0, 6).Format("2006-01-02") + "T08:00:00Z"}
	byUnit := map[string]*ledger.UnitSummary{}
	get := func(name string) *ledger.UnitSummary {
		s := byUnit[name]
		if s == nil {
			s = &ledger.UnitSummary{Unit: name, Compliance: ledger.OnTime, Lights: map[ledger.Light]int{}}
			if c, ok := compliance[name]; ok {
				s.Compliance = c
			}
			byUnit[name] = s
			l.Units = append(l.Units, s)
		}
		return s
	}
	for _, r := range rows {
		for _, u := range r.Lead {
			s := get(u)
			s.Led++
			s.Lights[r.Light]++
			if r.Effective() == fillin.StatusDone {
				s.Done++
			}
		}
		for _, u := range r.Co {
			get(u).CoTasks++
		}
	}
	for _, s := range l.Units {
		if s.Led > 0 {
			s.Completion = float64(s.Done) / float64(s.Led)
		}
	}
	return l
}

// smallYear is September to November 2024, so Q3 holds one month and Q4
// two (see package history's tests for the scores):
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
	const (
		done, onTrack, behind, ongoing = fillin.StatusDone, fillin.StatusOnTrack, fillin.StatusBehind, fillin.StatusOngoing
		none                           = ledger.NotReported
		green, yellow, red, grey       = ledger.Green, ledger.Yellow, ledger.Red, ledger.Grey
	)
	jia, yi, bing, ding := []string{"甲局"}, []string{"乙局"}, []string{"丙局"}, []string{"丁局"}
	sep := monthLedger(t, "2024-09", []*ledger.Row{
		yearRow("A", jia, nil, "2024-11-30", onTrack, pct(50), green),
		yearRow("B", yi, jia, "2024-10-31", onTrack, pct(40), green),
		yearRow("C", bing, nil, "", ongoing, nil, green),
	}, map[string]ledger.Compliance{"乙局": ledger.Late})
	oct := monthLedger(t, "2024-10", []*ledger.Row{
		yearRow("A", jia, nil, "2024-11-30", behind, pct(60), yellow),
		yearRow("B", yi, jia, "2024-10-31", behind, pct(70), yellow),
		yearRow("C", bing, nil, "", none, nil, grey),
		yearRow("D", jia, nil, "2025-06-30", onTrack, pct(10), green),
	}, map[string]ledger.Compliance{"丙局": ledger.Missing})
	nov := monthLedger(t, "2024-11", []*ledger.Row{
		yearRow("A", jia, nil, "2024-11-30", done, pct(100), green),
		yearRow("B", yi, jia, "2024-10-31", behind, pct(75), red),
		yearRow("C", bing, nil, "", ongoing, nil, green),
		yearRow("D", jia, nil, "2025-06-30", onTrack, pct(20), green),
		yearRow("E", ding, nil, "2025-06-30", onTrack, pct(5), green),
	}, map[string]ledger.Compliance{"乙局": ledger.Late})
	nov.Rows[1].Review = "请说明逾期原因"
	nov.Rows[3].Override = string(behind) // changes no score: D is not due and stays green
	return []*ledger.Ledger{sep, oct, nov}
}

var smallOrder = []string{"丙局", "乙局", "甲局"}

// synthYear is sample.MonthlyYear: monthly ledgers of 2024 merged from
// the sample's returns (units improving or slipping, late and missing).
func synthYear(tb testing.TB, months, tasks, units int) ([]*ledger.Ledger, []string) {
	tb.Helper()
	return samplefix.MonthlyYear(months, tasks, units, 2024)
}

// cellGrid is a sheet's cells as stored (raw values).
func cellGrid(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	return rows
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
