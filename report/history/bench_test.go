package history

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/taizhang-dev/taizhang/report/fillin"
	"github.com/taizhang-dev/taizhang/report/ledger"
	"github.com/taizhang-dev/taizhang/report/score"
)

// synthYear builds the merged ledgers of a year of monthly reporting in
// 2024: tasks led by one unit with up to two co-units, deadlines spread
// over the year (a fifth without one), each task finishing in some month
// or not at all, and units that report late or not at all now and then.
// It is deterministic.
func synthYear(tb testing.TB, months, tasks, units int) ([]*ledger.Ledger, []string) {
	rng := rand.New(rand.NewPCG(2024, 1))
	names := make([]string, units)
	for i := range names {
		names[i] = fmt.Sprintf("单位%03d", i+1)
	}
	type plan struct {
		lead, co []string
		due      string
		dueMonth int // 13 for none
		finish   int // the month it is done, 13+ for never
	}
	plans := make([]plan, tasks)
	for i := range plans {
		p := plan{lead: []string{names[rng.IntN(units)]}, dueMonth: 13, finish: 1 + rng.IntN(16)}
		for range rng.IntN(3) {
			if c := names[rng.IntN(units)]; c != p.lead[0] {
				p.co = append(p.co, c)
			}
		}
		if rng.IntN(5) > 0 {
			p.dueMonth = 1 + rng.IntN(12)
			p.due = fmt.Sprintf("2024-%02d-28", p.dueMonth)
		}
		plans[i] = p
	}
	var ledgers []*ledger.Ledger
	for m := 1; m <= months; m++ {
		compliance := map[string]ledger.Compliance{}
		for _, u := range names {
			switch r := rng.IntN(100); {
			case r < 4:
				compliance[u] = ledger.Missing
			case r < 10:
				compliance[u] = ledger.Late
			}
		}
		rows := make([]*ledger.Row, tasks)
		for i, p := range plans {
			id := fmt.Sprintf("D1-%d", i+1)
			switch {
			case compliance[p.lead[0]] == ledger.Missing:
				rows[i] = row(id, p.lead, p.co, p.due, ledger.NotReported, nil, ledger.Grey)
			case m >= p.finish:
				rows[i] = row(id, p.lead, p.co, p.due, fillin.StatusDone, pct(100), ledger.Green)
			default:
				share := math.Min(1, float64(m)/float64(min(p.dueMonth, 12)))
				done := math.Round(100 * float64(m) / float64(p.finish+1))
				gap := share*100 - done
				light, st := ledger.Green, fillin.StatusOnTrack
				switch {
				case p.due != "" && m > p.dueMonth:
					light, st = ledger.Red, fillin.StatusBehind
				case gap > 30:
					light, st = ledger.Red, fillin.StatusBehind
				case gap > 0:
					light, st = ledger.Yellow, fillin.StatusBehind
				}
				rows[i] = row(id, p.lead, p.co, p.due, st, pct(done), light)
			}
		}
		ledgers = append(ledgers, sheet(tb, fmt.Sprintf("2024-%02d", m), rows, compliance))
	}
	return ledgers, names
}

// BenchmarkYear12x2000 is a year of 12 monthly ledgers of 2,000 tasks and
// 150 units: 12 monthly and 4 quarterly rankings, the annual score and
// the task and unit lines.
func BenchmarkYear12x2000(b *testing.B) {
	ledgers, names := synthYear(b, 12, 2000, 150)
	b.ReportAllocs()
	for b.Loop() {
		Build(ledgers, score.Defaults, names)
	}
}

// The synthetic year holds together: every unit is scored, each score is
// its base plus its events, and the lines cover every period.
func TestSyntheticYear(t *testing.T) {
	ledgers, names := synthYear(t, 12, 300, 20)
	y := Build(ledgers, score.Defaults, names)
	if len(y.Rankings) != 12 || len(y.Quarters) != 4 || len(y.Tasks) != 300 || len(y.Units) != 20 || len(y.Annual.Units) != 20 {
		t.Fatalf("rankings %d quarters %d tasks %d units %d annual %d; want 12 4 300 20 20",
			len(y.Rankings), len(y.Quarters), len(y.Tasks), len(y.Units), len(y.Annual.Units))
	}
	for _, res := range append([]*score.Result{y.Annual}, y.Quarters[0].Result, y.Rankings[5].Result) {
		for i, u := range res.Units {
			sum := res.Rules.Base
			for _, e := range u.Events {
				sum += e.Points
			}
			if math.Abs(sum-u.Score) > 0.005 {
				t.Errorf("%s: base + events = %v; score %v", u.Unit, sum, u.Score)
			}
			if u.Score > res.Rules.Max || u.Score < res.Rules.Min {
				t.Errorf("%s: score %v outside [%v, %v]", u.Unit, u.Score, res.Rules.Min, res.Rules.Max)
			}
			if i > 0 && (u.Score > res.Units[i-1].Score || u.Rank < res.Units[i-1].Rank) {
				t.Errorf("%s ranked below a lower score", u.Unit)
			}
		}
	}
	if len(y.CarriedOver) == 0 || len(y.CarriedOver) == len(y.Tasks) {
		t.Errorf("carried over %d of %d tasks", len(y.CarriedOver), len(y.Tasks))
	}
}
