package history

import (
	"strconv"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
)

func pct(x float64) *float64 { return &x }

// row is a task row; a status other than "" and 未报送 counts as reported
// by the first lead.
func row(id string, lead, co []string, due string, st fillin.Status, p *float64, light ledger.Light) *ledger.Row {
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

// sheet is a period's ledger with unit summaries derived from its rows;
// compliance gives each unit's 按时/迟报/未报 (按时 when not named).
func sheet(tb testing.TB, key string, rows []*ledger.Row, compliance map[string]ledger.Compliance) *ledger.Ledger {
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
			if r.Status == fillin.StatusDone {
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

func fmtInt(n int) string       { return strconv.Itoa(n) }
func fmtScore(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
