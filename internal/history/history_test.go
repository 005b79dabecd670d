package history

import (
	"slices"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/internal/testkit/ledgerkit"
)

const (
	done    = fillin.StatusDone
	onTrack = fillin.StatusOnTrack
	behind  = fillin.StatusBehind
	ongoing = fillin.StatusOngoing
	none    = ledger.NotReported

	green, yellow, red, grey = ledger.Green, ledger.Yellow, ledger.Red, ledger.Grey
)

// threeMonths and order are the three months ledgerkit describes.
var (
	threeMonths = ledgerkit.ThreeMonths
	order       = ledgerkit.Order
)

// standings writes a ranking as "rank unit score arrow" lines.
func standings(r *Ranking) []string {
	var out []string
	for i, s := range r.Standings {
		out = append(out, fmtInt(s.Rank)+" "+s.Unit+" "+fmtScore(r.Result.Units[i].Score)+" "+s.Arrow())
	}
	return out
}

func TestRankingsAndChanges(t *testing.T) {
	y := Build(threeMonths(t), score.Defaults, order)
	if got := len(y.Periods); got != 3 || y.Periods[1] != (Period{"2024-10", "2024年10月"}) {
		t.Fatalf("periods = %v", y.Periods)
	}
	tests := []struct {
		name string
		r    *Ranking
		want []string
	}{
		// Sep: 甲 80, 丙 80 (tied; 丙 first in the display order), 乙 80 − 0.1 (late).
		{"2024-09", y.Rankings[0], []string{"1 丙局 80 —", "1 甲局 80 —", "3 乙局 79.9 —"}},
		// Oct: 乙 80 − 0.5 (B yellow) = 79.5; 丙 80 − 0.5 (missing) = 79.5,
		// below 乙 on missing reports; 甲 80 − 0.5 (A yellow) − 0.25 (B
		// yellow, co) = 79.25.
		{"2024-10", y.Rankings[1], []string{"1 乙局 79.5 ↑2", "2 丙局 79.5 ↓1", "3 甲局 79.25 ↓2"}},
		// Nov: 丙 80 and 丁 80 tied (丁 is not in the display order); 甲
		// 80 + 2 (A done) − 2.5 (B overdue, co) = 79.5; 乙 80 − 5 − 0.1 = 74.9.
		{"2024-11", y.Rankings[2], []string{"1 丙局 80 ↑1", "1 丁局 80 新", "3 甲局 79.5 —", "4 乙局 74.9 ↓3"}},
		// Q3 is September alone.
		{"2024-Q3", y.Quarters[0], []string{"1 丙局 80 —", "1 甲局 80 —", "3 乙局 79.9 —"}},
		// Q4 over Oct and Nov: tasks judged in Nov, 丙 missing in Oct, 乙
		// late in Nov. 丁 80; 甲 79.5 and 丙 79.5, 甲 ahead on completion
		// (1/2 against 0/1); 乙 74.9.
		{"2024-Q4", y.Quarters[1], []string{"1 丁局 80 新", "2 甲局 79.5 ↓1", "3 丙局 79.5 ↓2", "4 乙局 74.9 ↓1"}},
	}
	if len(y.Quarters) != 2 || y.Quarters[1].Period != (Period{"2024-Q4", "2024年第四季度"}) {
		t.Fatalf("quarters = %d", len(y.Quarters))
	}
	for _, tt := range tests {
		if got := standings(tt.r); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q; want %q", tt.name, got, tt.want)
		}
	}
	// The year: Q4's events plus 乙's late September return: 乙 74.9 − 0.1.
	var got []string
	for _, u := range y.Annual.Units {
		got = append(got, fmtInt(u.Rank)+" "+u.Unit+" "+fmtScore(u.Score))
	}
	if want := []string{"1 丁局 80", "2 甲局 79.5", "3 丙局 79.5", "4 乙局 74.8"}; !slices.Equal(got, want) {
		t.Errorf("annual = %q; want %q", got, want)
	}
}

func TestTaskLines(t *testing.T) {
	y := Build(threeMonths(t), score.Defaults, order)
	type line struct {
		id     string
		lights []ledger.Light
		pcts   []float64 // −1 for nil
		final  fillin.Status
	}
	want := []line{
		{"A", []ledger.Light{green, yellow, green}, []float64{50, 60, 100}, done},
		{"B", []ledger.Light{green, yellow, red}, []float64{40, 70, 75}, behind},
		{"C", []ledger.Light{green, grey, green}, []float64{-1, -1, -1}, ongoing},
		{"D", []ledger.Light{"", green, green}, []float64{-1, 10, 20}, onTrack},
		{"E", []ledger.Light{"", "", green}, []float64{-1, -1, 5}, onTrack},
	}
	if len(y.Tasks) != len(want) {
		t.Fatalf("%d task lines; want %d", len(y.Tasks), len(want))
	}
	for i, w := range want {
		got := y.Tasks[i]
		var pcts []float64
		for _, p := range got.Percents {
			if p == nil {
				pcts = append(pcts, -1)
			} else {
				pcts = append(pcts, *p)
			}
		}
		if got.TaskID != w.id || !slices.Equal(got.Lights, w.lights) || !slices.Equal(pcts, w.pcts) || got.Final != w.final {
			t.Errorf("task %d = %s %q %v %s; want %s %q %v %s", i, got.TaskID, got.Lights, pcts, got.Final, w.id, w.lights, w.pcts, w.final)
		}
	}
	var carried []string
	for _, l := range y.CarriedOver {
		carried = append(carried, l.TaskID)
	}
	if want := []string{"B", "C", "D", "E"}; !slices.Equal(carried, want) {
		t.Errorf("carried over = %q; want %q", carried, want)
	}
}

// A task finished in October and left blank in November is not carried
// over; one that was dropped from the list in November is not either.
func TestCarriedOverBlankAndDropped(t *testing.T) {
	jia := []string{"甲局"}
	oct := sheet(t, "2024-10", []*ledger.Row{
		row("F", jia, nil, "2024-12-31", done, pct(100), green),
		row("G", jia, nil, "2024-12-31", onTrack, pct(50), green),
		row("H", jia, nil, "2024-12-31", onTrack, pct(50), green),
	}, nil)
	nov := sheet(t, "2024-11", []*ledger.Row{
		row("F", jia, nil, "2024-12-31", none, nil, grey),
		row("H", jia, nil, "2024-12-31", none, nil, grey),
	}, nil)
	y := Build([]*ledger.Ledger{oct, nov}, score.Defaults, nil)
	var got []string
	for _, l := range y.Tasks {
		got = append(got, l.TaskID+" "+string(l.Final))
	}
	if want := []string{"F 已完成", "G 按序时推进", "H 未报送"}; !slices.Equal(got, want) {
		t.Errorf("tasks = %q; want %q", got, want)
	}
	if len(y.CarriedOver) != 1 || y.CarriedOver[0].TaskID != "H" {
		t.Errorf("carried over = %v; want H", y.CarriedOver)
	}
}

func TestUnitLines(t *testing.T) {
	y := Build(threeMonths(t), score.Defaults, order)
	type line struct {
		unit       string
		completion []float64
		compliance []ledger.Compliance
		ranks      []int
	}
	on, late, miss := ledger.OnTime, ledger.Late, ledger.Missing
	want := []line{
		{"丙局", []float64{0, 0, 0}, []ledger.Compliance{on, miss, on}, []int{1, 2, 1}},
		{"乙局", []float64{0, 0, 0}, []ledger.Compliance{late, on, late}, []int{3, 1, 4}},
		{"甲局", []float64{0, 0, 0.5}, []ledger.Compliance{on, on, on}, []int{1, 3, 3}}, // A done of A, D in Nov
		{"丁局", []float64{0, 0, 0}, []ledger.Compliance{"", "", on}, []int{0, 0, 1}},
	}
	if len(y.Units) != len(want) {
		t.Fatalf("%d unit lines; want %d", len(y.Units), len(want))
	}
	for i, w := range want {
		got := y.Units[i]
		if got.Unit != w.unit || !slices.Equal(got.Completion, w.completion) || !slices.Equal(got.Compliance, w.compliance) || !slices.Equal(got.Ranks, w.ranks) {
			t.Errorf("unit %d = %s %v %q %v; want %s %v %q %v", i, got.Unit, got.Completion, got.Compliance, got.Ranks, w.unit, w.completion, w.compliance, w.ranks)
		}
	}
}

func TestArrow(t *testing.T) {
	tests := []struct {
		s    Standing
		want string
	}{
		{Standing{Change: 2}, "↑2"}, {Standing{Change: -1}, "↓1"}, {Standing{}, "—"}, {Standing{New: true}, "新"},
	}
	for _, tt := range tests {
		if got := tt.s.Arrow(); got != tt.want {
			t.Errorf("%+v.Arrow() = %q; want %q", tt.s, got, tt.want)
		}
	}
}

// Quarterly periods are ranked as they are; there is nothing to roll up.
func TestNoQuartersFromQuarters(t *testing.T) {
	l := sheet(t, "2024-Q4", []*ledger.Row{row("A", []string{"甲局"}, nil, "", onTrack, pct(50), green)}, nil)
	if y := Build([]*ledger.Ledger{l}, score.Defaults, nil); y.Quarters != nil || len(y.Rankings) != 1 {
		t.Errorf("quarters = %v, rankings = %d; want nil, 1", y.Quarters, len(y.Rankings))
	}
}
