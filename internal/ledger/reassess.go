package ledger

import (
	"math"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// Reassess recomputes what depends on the office's 核定状态 after the
// ledger workbook was edited: each row's light and the counts of the unit
// summaries and totals. Reporting facts (who sent what, when) are kept.
func (l *Ledger) Reassess(rules Rules) error {
	p, err := period.Parse(l.Period)
	if err != nil {
		return err
	}
	for _, r := range l.Rows {
		r.Light, r.LightReason = light(r, p, rules)
	}
	byUnit := map[string]*UnitSummary{}
	for _, s := range l.Units {
		byUnit[s.Unit] = s
	}
	l.tally(byUnit)
	l.dropNonFinite()
	return nil
}

// tally counts the rows into the unit summaries, then recounts the totals.
func (l *Ledger) tally(byUnit map[string]*UnitSummary) {
	for _, s := range l.Units {
		s.Lights, s.Done, s.Reported, s.Completion = map[Light]int{}, 0, 0, 0
	}
	for _, r := range l.Rows {
		st := r.Effective()
		seen := map[string]bool{}
		for _, u := range r.Lead {
			s := byUnit[u]
			if s == nil || seen[u] {
				continue
			}
			seen[u] = true
			s.Lights[r.Light]++
			if r.ReportedBy == u {
				s.Reported++
			}
			if st == fillin.StatusDone {
				s.Done++
			}
		}
	}
	for _, s := range l.Units {
		if s.Led > 0 {
			s.Completion = math.Round(float64(s.Done)/float64(s.Led)*1000) / 1000
		}
	}
	l.CountTotals()
}

// CountTotals recomputes the ledger's totals from its rows (lights,
// reported, finished, on schedule, behind, completion), its unit summaries
// (compliance) and its intake (returns used, superseded, rejected).
func (l *Ledger) CountTotals() {
	t := Count(l.Rows)
	t.Units = len(l.Units)
	for _, s := range l.Units {
		switch s.Compliance {
		case OnTime:
			t.OnTime++
		case Late:
			t.Late++
		default:
			t.MissingN++
		}
	}
	for _, in := range l.Intake {
		switch in.State {
		case Used:
			t.Used++
		case Superseded:
			t.Superseded++
		default:
			t.Rejected++
		}
	}
	l.Totals = t
}

// Count tallies rows the way the ledger's totals do: tasks, lights,
// reported, finished, on schedule (按序时推进, 持续推进), behind (滞后,
// 未启动) by the status the office stands by, reported without a status,
// not reported by the lead unit, without a lead unit (those three only when
// the office has no 核定状态 either), and the completion rate.
// Units, compliance and intake are left at zero.
func Count(rows []*Row) Totals {
	t := Totals{Lights: map[Light]int{}}
	for _, r := range rows {
		t.Tasks++
		t.Lights[r.Light]++
		if r.Reported {
			t.Reported++
		}
		switch {
		case !r.Reported && r.Override == "" && len(r.Lead) == 0:
			t.NoLead++
		case !r.Reported && r.Override == "":
			t.Unreported++
		default:
			switch r.Effective() {
			case fillin.StatusDone:
				t.Done++
			case fillin.StatusOnTrack, fillin.StatusOngoing:
				t.OnSchedule++
			case fillin.StatusBehind, fillin.StatusNotStart:
				t.Behind++
			default:
				t.NoStatus++
			}
		}
	}
	if t.Tasks > 0 {
		t.Completion = math.Round(float64(t.Done)/float64(t.Tasks)*1000) / 1000
	}
	return t
}
