// Package score is the year-end assessment (考核): it turns the merged
// ledgers of an assessment's periods into a score per unit under Rules,
// and ranks the units. Every point comes with an Event that says where it
// came from, so a unit's Base plus its events is its score. Task outcomes
// are judged once per task at the end; reporting compliance in every
// period. Ranking is a single period's score (月排名, 季度排名).
package score

import (
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// Result is the scored assessment.
type Result struct {
	Units   []*UnitScore `json:"units"` // best first
	Rules   Rules        `json:"rules"`
	Periods []string     `json:"periods"` // period keys, chronological
}

// UnitScore is one unit's score with what made it.
type UnitScore struct {
	Unit  string  `json:"unit"`
	Score float64 `json:"score"` // Base + events, capped and clamped, 2 decimals
	Rank  int     `json:"rank"`  // 1 = best within its Group; 0 when not ranked
	Tied  bool    `json:"tied"`  // shares its rank (并列)
	// Group is the unit's ranking group (a category's name), or NotRanked
	// for a unit of an unranked category or one that leads no task.
	Group string `json:"group"`

	// The sums behind Score after their caps: Bonus ≥ 0, the others ≤ 0
	// under sensible rules; Score is Base + Bonus + Deduction + Reporting
	// before the clamp.
	Bonus     float64 `json:"bonus"`     // task bonuses
	Deduction float64 `json:"deduction"` // task deductions
	Reporting float64 `json:"reporting"` // reporting deductions

	Done       int     `json:"done"`       // led tasks finished, in time or late
	Led        int     `json:"led"`        // tasks it leads at the end
	Co         int     `json:"co"`         // tasks it co-operates on at the end
	Completion float64 `json:"completion"` // Done/Led, 0–1 (0 when it leads none)
	Overdue    int     `json:"overdue"`    // led tasks overdue and unfinished
	Missing    int     `json:"missing"`    // periods without a usable return
	Late       int     `json:"late"`       // periods with a late return

	Events []Event `json:"events"`
}

// Event is one reason a unit gained or lost points.
type Event struct {
	Period string      `json:"period"`  // period key; "" for a cap or the clamp
	TaskID string      `json:"task_id"` // "" for reporting, caps and the clamp
	Label  string      `json:"label"`   // the task's label, 二(三)4
	Kind   string      `json:"kind"`    // one of the Kind constants
	Role   fillin.Role `json:"role"`    // 牵头 or 配合 for a task event, else ""
	Points float64     `json:"points"`
	Text   string      `json:"text"` // 牵头任务 二(三)4 按期完成 +2
}

// Event kinds.
const (
	KindDone       = "done"        // finished by the deadline
	KindDoneLate   = "done_late"   // finished after it
	KindOverdue    = "overdue"     // past the deadline, unfinished
	KindYellow     = "yellow"      // yellow light at the end
	KindRed        = "red"         // red light at the end, not overdue
	KindLate       = "late"        // 迟报
	KindMissing    = "missing"     // 未报
	KindEmpty      = "empty"       // a return with every row empty
	KindMissingKey = "missing_key" // no half-year or year-end report
	KindCap        = "cap"         // a cap took back what exceeded it
	KindClamp      = "clamp"       // the score was brought into [Min, Max]
)

// Score scores an assessment: ledgers are its periods in chronological
// order, the last being its end; order is the office's display order of
// units, the last tie-break (nil for none).
//
// Each task is judged once, at the last ledger that lists it, with its
// effective status (the office's 核定状态 before the unit's):
//
//   - 已完成 → Done when it became 已完成 in the period in which its
//     deadline falls or earlier, or it has no dated deadline; DoneLate
//     otherwise. A return states the position at the period's end, not
//     the day the work was finished, so finishing within the deadline's
//     period is given the benefit of the doubt. See Track.Final for when
//     a task counts as finished.
//   - past its deadline (before the period's end) and unfinished → Overdue.
//     This includes a task whose lead sent nothing at the end: as far as
//     the office knows it is not done.
//   - otherwise a yellow or red light → Yellow or Red. An unreported
//     (grey) task before its deadline earns nothing either way: the
//     missing return is charged under reporting compliance.
//
// The points go to every lead unit (Rules.X.Lead) and every co-unit
// (Rules.X.Co); a unit that is both counts as lead. An event worth 0 under
// the rules is not listed.
//
// Reporting compliance is judged per ledger and unit summary: 迟报 → Late,
// 未报 → Missing plus MissingKey when the period ends in June or
// December, and a used return whose empty rows (EmptyTasks) cover all
// the unit's rows (Led + CoTasks) → Empty.
//
// Caps then bound the task bonuses, task deductions and reporting
// deductions, and the total is clamped to [Min, Max]; each adjustment is
// an event. Scores are rounded to 2 decimals at the very end, half away
// from zero (79.995 → 80, −0.125 → −0.13), after the sum is first taken to
// a millionth of a point so that binary noise cannot decide a half.
func Score(ledgers []*ledger.Ledger, rules Rules, order []string) *Result {
	s := &scorer{rules: rules, units: map[string]*UnitScore{}, sums: map[*UnitScore]*sums{}}
	res := &Result{Rules: rules, Periods: make([]string, 0, len(ledgers))}
	for _, l := range ledgers {
		res.Periods = append(res.Periods, l.Period)
		s.starts = append(s.starts, periodStart(l))
		s.ends = append(s.ends, periodEnd(l))
		for _, su := range l.Units {
			s.unit(su.Unit)
		}
	}
	for _, t := range Tracks(ledgers) {
		s.judge(ledgers, t)
	}
	for _, l := range ledgers {
		s.compliance(l)
	}
	for _, u := range s.list {
		s.total(u)
	}
	res.Units = s.list
	rank(res.Units, Categories(rules), order)
	return res
}

// Ranking is one period's ranking (月排名, 季度排名): Score over its ledger.
func Ranking(l *ledger.Ledger, rules Rules, order []string) *Result {
	if l == nil {
		return Score(nil, rules, order)
	}
	return Score([]*ledger.Ledger{l}, rules, order)
}

type scorer struct {
	rules Rules
	// The ledgers' first and last days, YYYY-MM-DD.
	starts, ends []string
	units        map[string]*UnitScore
	list         []*UnitScore // first seen first
	sums         map[*UnitScore]*sums
}

// sums are a unit's running totals before caps.
type sums struct{ bonus, deduction, reporting float64 }

func (s *scorer) unit(name string) *UnitScore {
	u := s.units[name]
	if u == nil {
		u = &UnitScore{Unit: name}
		s.units[name] = u
		s.list = append(s.list, u)
	}
	return u
}

func (s *scorer) sum(u *UnitScore) *sums {
	t := s.sums[u]
	if t == nil {
		t = &sums{}
		s.sums[u] = t
	}
	return t
}

// judge scores one task's outcome for its lead and co-units.
func (s *scorer) judge(ledgers []*ledger.Ledger, t *Track) {
	last := t.Last()
	if last < 0 {
		return
	}
	row, l := t.Rows[last], ledgers[last]
	status, since := t.Final()
	var kind string
	var pts Points
	switch {
	case status == fillin.StatusDone:
		kind, pts = KindDone, s.rules.Done
		if row.DueDate != "" && s.starts[since] > row.DueDate {
			kind, pts = KindDoneLate, s.rules.DoneLate
		}
	case row.DueDate != "" && row.DueDate < s.ends[last]:
		kind, pts = KindOverdue, s.rules.Overdue
	case unreported(row):
	case row.Light == ledger.Yellow:
		kind, pts = KindYellow, s.rules.Yellow
	case row.Light == ledger.Red:
		kind, pts = KindRed, s.rules.Red
	}
	grey := kind == KindOverdue && unreported(row)
	// A unit named twice counts once, as lead when it leads.
	seen := make(map[string]bool, len(row.Lead)+len(row.Co))
	each := func(names []string, role fillin.Role, pts float64, count func(u *UnitScore)) {
		for _, name := range names {
			if seen[name] {
				continue
			}
			seen[name] = true
			u := s.unit(name)
			count(u)
			s.taskEvent(u, l, row, kind, role, pts, grey)
		}
	}
	each(row.Lead, fillin.RoleLead, pts.Lead, func(u *UnitScore) {
		u.Led++
		switch kind {
		case KindDone, KindDoneLate:
			u.Done++
		case KindOverdue:
			u.Overdue++
		}
	})
	each(row.Co, fillin.RoleCo, pts.Co, func(u *UnitScore) { u.Co++ })
}

func (s *scorer) taskEvent(u *UnitScore, l *ledger.Ledger, row *ledger.Row, kind string, role fillin.Role, pts float64, grey bool) {
	if kind == "" || pts == 0 {
		return
	}
	sm := s.sum(u)
	if pts > 0 {
		sm.bonus += pts
	} else {
		sm.deduction += pts
	}
	u.Events = append(u.Events, Event{
		Period: l.Period, TaskID: row.TaskID, Label: row.Label, Kind: kind, Role: role, Points: pts,
		Text: taskText(row, kind, role, pts, grey),
	})
}

// compliance scores one period's reporting for every unit with tasks.
func (s *scorer) compliance(l *ledger.Ledger) {
	key := keyPeriod(l)
	for _, su := range l.Units {
		u := s.unit(su.Unit)
		switch su.Compliance {
		case ledger.Late:
			u.Late++
			s.reportEvent(u, l, KindLate, s.rules.Late)
		case ledger.Missing:
			u.Missing++
			s.reportEvent(u, l, KindMissing, s.rules.Missing)
			if key != "" {
				s.reportEvent(u, l, KindMissingKey, s.rules.MissingKey)
			}
		}
		if n := su.Led + su.CoTasks; su.Compliance != ledger.Missing && n > 0 && len(su.EmptyTasks) >= n {
			s.reportEvent(u, l, KindEmpty, s.rules.Empty)
		}
	}
}

func (s *scorer) reportEvent(u *UnitScore, l *ledger.Ledger, kind string, pts float64) {
	if pts == 0 {
		return
	}
	s.sum(u).reporting += pts
	u.Events = append(u.Events, Event{Period: l.Period, Kind: kind, Points: pts, Text: reportText(l, kind, pts)})
}

// total applies the caps and the clamp and sets the unit's figures.
func (s *scorer) total(u *UnitScore) {
	sm := s.sum(u)
	caps := s.rules.Caps
	bonus := s.capped(u, sm.bonus, caps.Bonus, "任务加分")
	deduction := s.capped(u, sm.deduction, caps.Deduction, "任务扣分")
	reporting := s.capped(u, sm.reporting, caps.Reporting, "报送扣分")
	total := round6(s.rules.Base + bonus + deduction + reporting)
	clamped := total
	if r := s.rules; r.Max > r.Min {
		switch {
		case total > r.Max:
			clamped = r.Max
		case total < r.Min:
			clamped = r.Min
		}
	}
	if clamped != total {
		u.Events = append(u.Events, Event{Kind: KindClamp, Points: round6(clamped - total), Text: clampText(total, clamped, s.rules)})
	}
	u.Score = round2(clamped)
	u.Bonus, u.Deduction, u.Reporting = round2(bonus), round2(deduction), round2(reporting)
	if u.Led > 0 {
		u.Completion = round6(float64(u.Done) / float64(u.Led))
	}
}

// capped bounds a sum by a cap's magnitude, listing the cut as an event.
func (s *scorer) capped(u *UnitScore, sum, limit float64, what string) float64 {
	sum = round6(sum)
	if limit <= 0 || abs(sum) <= limit {
		return sum
	}
	c := limit
	if sum < 0 {
		c = -limit
	}
	u.Events = append(u.Events, Event{Kind: KindCap, Points: round6(c - sum), Text: capText(what, sum, c, limit)})
	return c
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
