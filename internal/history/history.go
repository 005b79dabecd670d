// Package history follows an assessment year across its periods, from the
// merged ledger the workspace keeps for each: every period's ranking with
// each unit's move since the previous one (and quarterly rankings rolled
// up from monthly periods), each task's light period by period, each
// unit's completion curve, the annual score, and the unfinished tasks to
// carry into next year.
package history

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/score"
)

// Year is an assessment seen across its periods.
type Year struct {
	Periods  []Period   `json:"periods"`  // chronological
	Rankings []*Ranking `json:"rankings"` // one per period
	// Quarters are quarterly rankings scored over each quarter's monthly
	// ledgers (a quarter still under way over its months so far); nil
	// unless every period is a month.
	Quarters    []*Ranking    `json:"quarters"`
	Tasks       []*TaskLine   `json:"tasks"` // document order
	Units       []*UnitLine   `json:"units"` // display order, then name
	Annual      *score.Result `json:"annual"`
	CarriedOver []*TaskLine   `json:"carried_over"` // unfinished at the last period, document order
}

// Period names one period.
type Period struct {
	Key   string `json:"key"`   // 2024-11
	Label string `json:"label"` // 2024年11月
}

// Ranking is one period's (or quarter's) ranking with the moves since the
// previous one.
type Ranking struct {
	Period
	Result    *score.Result `json:"result"`
	Standings []Standing    `json:"standings"` // parallel to Result.Units
}

// Standing is a unit's place in a ranking and its move since the previous
// ranking.
type Standing struct {
	Unit     string `json:"unit"`
	Group    string `json:"group"`    // the ranking group (score.UnitScore.Group)
	Rank     int    `json:"rank"`     // 0 when not ranked
	Previous int    `json:"previous"` // rank in the previous ranking, 0 for none
	Change   int    `json:"change"`   // Previous − Rank: positive = moved up
	New      bool   `json:"new"`      // not in the previous ranking
}

// Arrow shows the move: ↑2, ↓1, — for no change (and in the first
// ranking, which has nothing to compare with), 新 for a unit new to it.
func (s Standing) Arrow() string {
	switch {
	case s.New:
		return "新"
	case s.Change > 0:
		return fmt.Sprintf("↑%d", s.Change)
	case s.Change < 0:
		return fmt.Sprintf("↓%d", -s.Change)
	}
	return "—"
}

// TaskLine is one task across the periods.
type TaskLine struct {
	TaskID   string         `json:"task_id"`
	Label    string         `json:"label"`
	Title    string         `json:"title"`
	Lead     []string       `json:"lead"`
	Lights   []ledger.Light `json:"lights"`   // per period, "" where the task is absent
	Percents []*float64     `json:"percents"` // per period, nil where absent or not reported
	// Final is the status it ends with (see score.Track.Final: a 已完成
	// stands when later rows are left blank).
	Final fillin.Status `json:"final"`
}

// UnitLine is one unit across the periods.
type UnitLine struct {
	Unit       string              `json:"unit"`
	Completion []float64           `json:"completion"` // Done/Led of its summary, 0 where absent
	Compliance []ledger.Compliance `json:"compliance"` // "" where absent
	Ranks      []int               `json:"ranks"`      // in each period's ranking, 0 where absent
}

// Build follows the ledgers, in chronological order, through the year;
// rules and order (the office's unit display order, may be nil) are
// score.Score's.
func Build(ledgers []*ledger.Ledger, rules score.Rules, order []string) *Year {
	y := &Year{Annual: score.Score(ledgers, rules, order)}
	var prev *Ranking
	for _, l := range ledgers {
		p := Period{Key: l.Period, Label: l.PeriodLabel}
		if p.Label == "" {
			p.Label = p.Key
		}
		y.Periods = append(y.Periods, p)
		prev = newRanking(p, score.Ranking(l, rules, order), prev)
		y.Rankings = append(y.Rankings, prev)
	}
	y.Quarters = quarters(ledgers, rules, order)
	y.follow(ledgers)
	y.units(ledgers, order)
	return y
}

func newRanking(p Period, res *score.Result, prev *Ranking) *Ranking {
	var before map[string]Standing
	if prev != nil {
		before = make(map[string]Standing, len(prev.Standings))
		for _, s := range prev.Standings {
			before[s.Unit] = s
		}
	}
	r := &Ranking{Period: p, Result: res, Standings: make([]Standing, len(res.Units))}
	for i, u := range res.Units {
		s := Standing{Unit: u.Unit, Group: u.Group, Rank: u.Rank}
		// A move is told within one group, between two ranked places.
		if prev != nil && u.Rank > 0 {
			if was, ok := before[u.Unit]; ok && was.Rank > 0 && was.Group == u.Group {
				s.Previous, s.Change = was.Rank, was.Rank-u.Rank
			} else {
				s.New = true
			}
		}
		r.Standings[i] = s
	}
	return r
}

// quarters rolls monthly ledgers up into quarterly rankings.
func quarters(ledgers []*ledger.Ledger, rules score.Rules, order []string) []*Ranking {
	var out []*Ranking
	var prev *Ranking
	for i := 0; i < len(ledgers); {
		p, err := period.Parse(ledgers[i].Period)
		if err != nil || p.Kind != period.Month {
			return nil
		}
		q := period.Period{Kind: period.Quarter, Year: p.Year, Index: (p.Index-1)/3 + 1}
		j := i + 1
		for ; j < len(ledgers); j++ {
			n, err := period.Parse(ledgers[j].Period)
			if err != nil || n.Kind != period.Month {
				return nil
			}
			if n.Year != q.Year || (n.Index-1)/3+1 != q.Index {
				break
			}
		}
		prev = newRanking(Period{Key: q.Key(), Label: q.String()}, score.Score(ledgers[i:j], rules, order), prev)
		out = append(out, prev)
		i = j
	}
	return out
}

// follow builds the task lines and picks the tasks to carry over.
func (y *Year) follow(ledgers []*ledger.Ledger) {
	n := len(ledgers)
	for _, t := range score.Tracks(ledgers) {
		last := t.Last()
		r := t.Rows[last]
		line := &TaskLine{TaskID: t.TaskID, Label: r.Label, Title: r.Title, Lead: r.Lead,
			Lights: make([]ledger.Light, n), Percents: make([]*float64, n)}
		for i, row := range t.Rows {
			if row != nil {
				line.Lights[i], line.Percents[i] = row.Light, row.Percent
			}
		}
		line.Final, _ = t.Final()
		y.Tasks = append(y.Tasks, line)
		if last == n-1 && line.Final != fillin.StatusDone {
			y.CarriedOver = append(y.CarriedOver, line)
		}
	}
}

// units builds the unit lines in the office's display order, then by name.
func (y *Year) units(ledgers []*ledger.Ledger, order []string) {
	n := len(ledgers)
	byName := map[string]*UnitLine{}
	for i, l := range ledgers {
		for _, s := range l.Units {
			u := byName[s.Unit]
			if u == nil {
				u = &UnitLine{Unit: s.Unit, Completion: make([]float64, n), Compliance: make([]ledger.Compliance, n), Ranks: make([]int, n)}
				byName[s.Unit] = u
				y.Units = append(y.Units, u)
			}
			u.Completion[i], u.Compliance[i] = s.Completion, s.Compliance
		}
		for _, s := range y.Rankings[i].Standings {
			if u := byName[s.Unit]; u != nil {
				u.Ranks[i] = s.Rank
			}
		}
	}
	at := score.OrderIndex(order)
	slices.SortFunc(y.Units, func(a, b *UnitLine) int {
		return cmp.Or(cmp.Compare(at(a.Unit), at(b.Unit)), strings.Compare(a.Unit, b.Unit))
	})
}
