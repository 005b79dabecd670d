package score

import (
	"math"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// row is a task row; a status other than "" and 未报送 counts as reported
// by the first lead.
func row(id string, lead, co []string, due string, st fillin.Status, light ledger.Light) *ledger.Row {
	r := &ledger.Row{TaskID: id, Label: id, Title: "任务" + id, Lead: lead, Co: co, DueDate: due, Status: st, Light: light}
	if st == "" || st == ledger.NotReported {
		r.Status, r.Light = ledger.NotReported, ledger.Grey
	} else {
		r.Reported = true
		if len(lead) > 0 {
			r.ReportedBy = lead[0]
		}
	}
	return r
}

// overridden sets the office's 核定状态 on a row.
func overridden(r *ledger.Row, st fillin.Status) *ledger.Row {
	r.Override = string(st)
	return r
}

func units(names ...string) []string { return names }

// sheet is a period's ledger: key like 2024-Q4, its rows and units.
func sheet(t testing.TB, key string, rows []*ledger.Row, us ...*ledger.UnitSummary) *ledger.Ledger {
	t.Helper()
	p, err := period.Parse(key)
	if err != nil {
		t.Fatal(err)
	}
	return &ledger.Ledger{Period: p.Key(), PeriodLabel: p.String(), PeriodEnd: p.End().Format("2006-01-02"), Rows: rows, Units: us}
}

// summary is a unit's 汇总 line; empty lists labels of rows left empty.
func summary(name string, c ledger.Compliance, led, co int, empty ...string) *ledger.UnitSummary {
	return &ledger.UnitSummary{Unit: name, Compliance: c, Led: led, CoTasks: co, EmptyTasks: empty}
}

// noCaps is Defaults without the bonus cap, for plain arithmetic.
func noCaps() Rules {
	r := Defaults
	r.Caps = Caps{}
	return r
}

// checkSums asserts that every unit's Base plus its events is its score.
func checkSums(t *testing.T, res *Result) {
	t.Helper()
	for _, u := range res.Units {
		sum := res.Rules.Base
		for _, e := range u.Events {
			sum += e.Points
		}
		if math.Abs(round2(sum)-u.Score) > 1e-9 {
			t.Errorf("%s: base + events = %v; score %v", u.Unit, sum, u.Score)
		}
	}
}

func mustUnit(t *testing.T, res *Result, name string) *UnitScore {
	t.Helper()
	for _, u := range res.Units {
		if u.Unit == name {
			return u
		}
	}
	t.Fatalf("unit %s not scored", name)
	return nil
}

// kinds lists the events' kinds with their points, for compact checks.
func kinds(u *UnitScore) []string {
	var out []string
	for _, e := range u.Events {
		out = append(out, e.Kind+" "+string(e.Role)+" "+e.Label+" "+plain(e.Points))
	}
	return out
}
