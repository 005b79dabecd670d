package history

import (
	"math"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/score"
)

// synthYear is sample.MonthlyYear: monthly ledgers of 2024 merged from
// the sample's returns (units improving or slipping, late and missing).
func synthYear(tb testing.TB, months, tasks, units int) ([]*ledger.Ledger, []string) {
	tb.Helper()
	return samplefix.MonthlyYear(months, tasks, units, 2024)
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
