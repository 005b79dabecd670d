// Package ledgerkit builds the small period ledgers that the tests of the
// year's packages (history, ledgerbook) share: rows by hand, unit
// summaries derived from them, and the three months both score and
// write. Only tests import it; it is apart from testkit because fillin's
// and ledger's own tests import testkit.
package ledgerkit

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// Pct is a percentage as a row holds it.
func Pct(x float64) *float64 { return &x }

// Row is a task row; a status other than "" and 未报送 counts as reported
// by the first lead.
func Row(id string, lead, co []string, due string, st fillin.Status, p *float64, light ledger.Light) *ledger.Row {
	r := &ledger.Row{TaskID: id, Label: id, Title: "任务" + id, Lead: lead, Co: co, DueDate: due, Status: st, Percent: p, Light: light}
	if st == "" || st == ledger.NotReported {
		r.Status, r.Light, r.Percent = ledger.NotReported, ledger.Grey, nil
		return r
	}
	r.Reported = true
	if len(lead) > 0 {
		r.ReportedBy = lead[0]
	}
	return r
}

// Ledger is a period's ledger with unit summaries derived from its rows;
// compliance gives each unit's 按时/迟报/未报 (按时 when not named).
func Ledger(tb testing.TB, key string, rows []*ledger.Row, compliance map[string]ledger.Compliance) *ledger.Ledger {
	tb.Helper()
	p, err := period.Parse(key)
	if err != nil {
		tb.Fatal(err)
	}
	l := &ledger.Ledger{Period: p.Key(), PeriodLabel: p.String(), PeriodEnd: p.End().Format("2006-01-02"), Rows: rows}
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

// ThreeMonths is September to November 2024 (so Q3 holds one month and
// Q4 two):
//
//	A 甲局 lead, due 11-30: on track, behind (yellow), done in Nov (in time)
//	B 乙局 lead, 甲局 co, due 10-31: on track, behind (yellow), behind
//	  (red, overdue in Nov)
//	C 丙局 lead, no deadline: 持续推进 throughout, not reported in Oct
//	D 甲局 lead, due 2025-06-30: listed from Oct, on track
//	E 丁局 lead, due 2025-06-30: listed in Nov only, on track
//
// Reporting: 乙局 late in Sep and Nov, 丙局 missing in Oct. Order is its
// units in the configured order.
func ThreeMonths(tb testing.TB) []*ledger.Ledger {
	tb.Helper()
	const (
		done, onTrack, behind, ongoing = fillin.StatusDone, fillin.StatusOnTrack, fillin.StatusBehind, fillin.StatusOngoing
		none                           = ledger.NotReported
		green, yellow, red, grey       = ledger.Green, ledger.Yellow, ledger.Red, ledger.Grey
	)
	jia, yi, bing, ding := []string{"甲局"}, []string{"乙局"}, []string{"丙局"}, []string{"丁局"}
	sep := Ledger(tb, "2024-09", []*ledger.Row{
		Row("A", jia, nil, "2024-11-30", onTrack, Pct(50), green),
		Row("B", yi, jia, "2024-10-31", onTrack, Pct(40), green),
		Row("C", bing, nil, "", ongoing, nil, green),
	}, map[string]ledger.Compliance{"乙局": ledger.Late})
	oct := Ledger(tb, "2024-10", []*ledger.Row{
		Row("A", jia, nil, "2024-11-30", behind, Pct(60), yellow),
		Row("B", yi, jia, "2024-10-31", behind, Pct(70), yellow),
		Row("C", bing, nil, "", none, nil, grey),
		Row("D", jia, nil, "2025-06-30", onTrack, Pct(10), green),
	}, map[string]ledger.Compliance{"丙局": ledger.Missing})
	nov := Ledger(tb, "2024-11", []*ledger.Row{
		Row("A", jia, nil, "2024-11-30", done, Pct(100), green),
		Row("B", yi, jia, "2024-10-31", behind, Pct(75), red),
		Row("C", bing, nil, "", ongoing, nil, green),
		Row("D", jia, nil, "2025-06-30", onTrack, Pct(20), green),
		Row("E", ding, nil, "2025-06-30", onTrack, Pct(5), green),
	}, map[string]ledger.Compliance{"乙局": ledger.Late})
	return []*ledger.Ledger{sep, oct, nov}
}

// Order is the configured order of ThreeMonths' units.
var Order = []string{"丙局", "乙局", "甲局"}
