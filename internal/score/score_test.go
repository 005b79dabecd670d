package score

import (
	"fmt"
	"slices"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/scoring"
)

const (
	done    = fillin.StatusDone
	onTrack = fillin.StatusOnTrack
	behind  = fillin.StatusBehind
	none    = ledger.NotReported
)

// One year-end ledger: lead and co weights, lights, and the office's
// 核定状态 winning over the unit's status in both directions.
func TestLeadAndCo(t *testing.T) {
	jia, yi := units("甲局"), units("乙局")
	t1 := row("T1", jia, yi, "2024-12-31", done, ledger.Green)
	t1.Label = "二(三)4"
	rows := []*ledger.Row{
		t1, // done: 甲 +2, 乙 +1
		row("T2", jia, yi, "2024-06-30", behind, ledger.Red),                       // overdue: 甲 −5, 乙 −2.5
		row("T3", yi, jia, "", onTrack, ledger.Yellow),                             // yellow: 乙 −0.5, 甲 −0.25
		row("T4", yi, nil, "2025-06-30", behind, ledger.Red),                       // red, not overdue: 乙 −1
		overridden(row("T5", jia, nil, "2024-12-31", behind, ledger.Yellow), done), // 核定已完成: 甲 +2
		overridden(row("T6", yi, nil, "2025-06-30", done, ledger.Yellow), behind),  // 核定滞后, yellow: 乙 −0.5
	}
	l := sheet(t, "2024-Q4", rows, summary("甲局", ledger.OnTime, 3, 1), summary("乙局", ledger.OnTime, 3, 2))
	res := Score([]*ledger.Ledger{l}, noCaps(), nil)
	checkSums(t, res)

	// 甲: 80 + 2 − 5 − 0.25 + 2 = 78.75; 乙: 80 + 1 − 2.5 − 0.5 − 1 − 0.5 = 76.5
	j, y := mustUnit(t, res, "甲局"), mustUnit(t, res, "乙局")
	if j.Score != 78.75 || j.Rank != 1 || j.Bonus != 4 || j.Deduction != -5.25 || j.Reporting != 0 {
		t.Errorf("甲局 = %v rank %d bonus %v deduction %v reporting %v; want 78.75 rank 1 bonus 4 deduction −5.25 reporting 0", j.Score, j.Rank, j.Bonus, j.Deduction, j.Reporting)
	}
	if j.Led != 3 || j.Done != 2 || j.Co != 1 || j.Overdue != 1 || j.Completion != 0.666667 {
		t.Errorf("甲局 led %d done %d co %d overdue %d completion %v; want 3 2 1 1 0.666667", j.Led, j.Done, j.Co, j.Overdue, j.Completion)
	}
	if y.Score != 76.5 || y.Rank != 2 || y.Led != 3 || y.Done != 0 || y.Co != 2 {
		t.Errorf("乙局 = %v rank %d led %d done %d co %d; want 76.5 rank 2 led 3 done 0 co 2", y.Score, y.Rank, y.Led, y.Done, y.Co)
	}
	want := []string{"done 牵头 二(三)4 2", "overdue 牵头 T2 −5", "yellow 配合 T3 −0.25", "done 牵头 T5 2"}
	if got := kinds(j); !slices.Equal(got, want) {
		t.Errorf("甲局 events = %q; want %q", got, want)
	}
	want = []string{"done 配合 二(三)4 1", "overdue 配合 T2 −2.5", "yellow 牵头 T3 −0.5", "red 牵头 T4 −1", "yellow 牵头 T6 −0.5"}
	if got := kinds(y); !slices.Equal(got, want) {
		t.Errorf("乙局 events = %q; want %q", got, want)
	}
	if got := j.Events[0].Text; got != "牵头任务 二(三)4 按期完成 +2" {
		t.Errorf("text = %q", got)
	}
	if got := y.Events[1].Text; got != "配合任务 T2 逾期未完成 −2.5" {
		t.Errorf("text = %q", got)
	}
	wantR := []string{"逾期未完成牵头任务 1 项 −5", "按期完成牵头任务 2 项 +4"}
	if got := j.Reasons(2); !slices.Equal(got, wantR) {
		t.Errorf("Reasons(2) = %q; want %q", got, wantR)
	}
}

// Four quarters: finishing late, finishing within the deadline's quarter,
// a finished task left blank later, a grey task past its deadline, an
// empty return, and a unit that never reported.
func TestYearOfQuarters(t *testing.T) {
	jia, yi, bing := units("甲局"), units("乙局"), units("丙局")
	type plan struct {
		id, due string
		lead    []string
		co      []string
		q       [4]fillin.Status
	}
	plans := []plan{
		{"T6", "2024-05-15", jia, yi, [4]fillin.Status{behind, behind, done, done}},      // done since Q3, after 05-15: late, 甲 +1, 乙 +0.5
		{"T7", "2024-05-15", jia, nil, [4]fillin.Status{onTrack, done, done, done}},      // done in Q2, which holds 05-15: in time +2
		{"T8", "2024-09-30", jia, nil, [4]fillin.Status{onTrack, onTrack, done, none}},   // blank in Q4, done stands: +2
		{"T9", "2024-09-30", jia, nil, [4]fillin.Status{onTrack, onTrack, behind, none}}, // grey, past 09-30: overdue −5
		{"T10", "2025-03-31", jia, nil, [4]fillin.Status{onTrack, onTrack, onTrack, none}},
		{"T11", "2024-03-31", jia, nil, [4]fillin.Status{done, none, done, done}},  // done since Q1: +2
		{"T12", "2024-12-31", bing, nil, [4]fillin.Status{none, none, none, none}}, // grey, deadline not passed: nothing
		{"T13", "2024-06-30", bing, nil, [4]fillin.Status{none, none, none, none}}, // grey, past 06-30: overdue −5
	}
	light := map[fillin.Status]ledger.Light{done: ledger.Green, onTrack: ledger.Green, behind: ledger.Yellow}
	jiaC := []ledger.Compliance{ledger.OnTime, ledger.Late, ledger.OnTime, ledger.Late}
	var ls []*ledger.Ledger
	for q, key := range []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"} {
		var rows []*ledger.Row
		for _, p := range plans {
			rows = append(rows, row(p.id, p.lead, p.co, p.due, p.q[q], light[p.q[q]]))
		}
		yiSum := summary("乙局", ledger.OnTime, 0, 1)
		if q == 2 {
			yiSum.EmptyTasks = []string{"T6"} // its only row: an empty return, −5
		}
		jiaSum := summary("甲局", jiaC[q], 6, 0, "T8", "T9", "T10") // 3 of 6 empty: not an empty return
		ls = append(ls, sheet(t, key, rows, jiaSum, yiSum, summary("丙局", ledger.Missing, 2, 0)))
	}
	res := Score(ls, noCaps(), nil)
	checkSums(t, res)
	if !slices.Equal(res.Periods, []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"}) {
		t.Errorf("periods = %q", res.Periods)
	}

	// 甲: 80 + 1 + 2 + 2 − 5 + 2 − 0.1×2 = 81.8
	j := mustUnit(t, res, "甲局")
	want := []string{"done_late 牵头 T6 1", "done 牵头 T7 2", "done 牵头 T8 2", "overdue 牵头 T9 −5", "done 牵头 T11 2", "late   −0.1", "late   −0.1"}
	if got := kinds(j); !slices.Equal(got, want) {
		t.Errorf("甲局 events = %q; want %q", got, want)
	}
	if j.Score != 81.8 || j.Rank != 1 || j.Done != 4 || j.Led != 6 || j.Overdue != 1 || j.Late != 2 || j.Missing != 0 {
		t.Errorf("甲局 = %v rank %d done %d/%d overdue %d late %d missing %d; want 81.8 rank 1 done 4/6 overdue 1 late 2 missing 0",
			j.Score, j.Rank, j.Done, j.Led, j.Overdue, j.Late, j.Missing)
	}
	if got := j.Events[3].Text; got != "牵头任务 T9 逾期未完成（牵头单位未报送） −5" {
		t.Errorf("grey overdue text = %q", got)
	}
	wantR := []string{"按期完成牵头任务 3 项 +6", "逾期未完成牵头任务 1 项 −5", "逾期完成牵头任务 1 项 +1", "迟报 2 次 −0.2"}
	if got := j.Reasons(0); !slices.Equal(got, wantR) {
		t.Errorf("甲局 reasons = %q; want %q", got, wantR)
	}

	// 乙: 80 + 0.5 − 5 = 75.5
	y := mustUnit(t, res, "乙局")
	// It leads no task: listed apart, not ranked.
	if y.Score != 75.5 || y.Rank != 0 || y.Group != NotRanked || y.Co != 1 || y.Led != 0 || y.Reporting != -5 {
		t.Errorf("乙局 = %v rank %d group %q co %d led %d reporting %v; want 75.5, not ranked, co 1 led 0 reporting −5", y.Score, y.Rank, y.Group, y.Co, y.Led, y.Reporting)
	}
	if got := y.Events[1].Text; got != "2024年第三季度 报送空表 −5" {
		t.Errorf("empty text = %q", got)
	}

	// 丙 never reported: 80 − 5 (T13) − 0.5×4 − 10 (Q2, half-year) − 10 (Q4, year-end) = 53
	b := mustUnit(t, res, "丙局")
	if b.Score != 53 || b.Rank != 2 || b.Missing != 4 || b.Led != 2 || b.Overdue != 1 || b.Reporting != -22 || b.Deduction != -5 {
		t.Errorf("丙局 = %v rank %d missing %d led %d overdue %d reporting %v deduction %v; want 53 rank 2 missing 4 led 2 overdue 1 reporting −22 deduction −5",
			b.Score, b.Rank, b.Missing, b.Led, b.Overdue, b.Reporting, b.Deduction)
	}
	var texts []string
	for _, e := range b.Events {
		texts = append(texts, e.Text)
	}
	wantT := []string{
		"牵头任务 T13 逾期未完成（牵头单位未报送） −5",
		"2024年第一季度 未报 −0.5",
		"2024年第二季度 未报 −0.5", "2024年第二季度 半年报告未报 −10",
		"2024年第三季度 未报 −0.5",
		"2024年第四季度 未报 −0.5", "2024年第四季度 年度报告未报 −10",
	}
	if !slices.Equal(texts, wantT) {
		t.Errorf("丙局 events = %q; want %q", texts, wantT)
	}
	wantR = []string{"半年或年度报告未报 2 次 −20", "逾期未完成牵头任务 1 项 −5", "未报 4 次 −2"}
	if got := b.Reasons(0); !slices.Equal(got, wantR) {
		t.Errorf("丙局 reasons = %q; want %q", got, wantR)
	}
}

func TestCaps(t *testing.T) {
	rules := noCaps()
	rules.Caps = Caps{Bonus: 20, Deduction: 10, Reporting: 1}
	jia, yi := units("甲局"), units("乙局")
	var rows []*ledger.Row
	for i := range 12 {
		rows = append(rows, row(string(rune('a'+i)), jia, nil, "", done, ledger.Green))
	}
	for _, id := range []string{"x", "y", "z"} {
		rows = append(rows, row(id, yi, nil, "2024-06-30", behind, ledger.Red))
	}
	l := sheet(t, "2024-Q3", rows,
		summary("甲局", ledger.OnTime, 12, 0),
		summary("乙局", ledger.Late, 3, 0, "x", "y", "z"))
	res := Score([]*ledger.Ledger{l}, rules, nil)
	checkSums(t, res)

	// 甲: 12 × 2 = 24 bonus, capped at 20 (−4): 80 + 20 = 100, not above Max.
	j := mustUnit(t, res, "甲局")
	if j.Score != 100 || j.Bonus != 20 || len(j.Events) != 13 {
		t.Fatalf("甲局 = %v bonus %v events %d; want 100 bonus 20 events 13", j.Score, j.Bonus, len(j.Events))
	}
	if e := j.Events[12]; e.Kind != KindCap || e.Points != -4 || e.Text != "任务加分合计 +24，超过上限 20 分，按 +20 计 −4" {
		t.Errorf("bonus cap = %+v", e)
	}
	// 乙: 3 × −5 = −15 capped at −10 (+5); late −0.1 and empty −5 = −5.1
	// capped at −1 (+4.1): 80 − 10 − 1 = 69.
	y := mustUnit(t, res, "乙局")
	if y.Score != 69 || y.Deduction != -10 || y.Reporting != -1 {
		t.Errorf("乙局 = %v deduction %v reporting %v; want 69 −10 −1", y.Score, y.Deduction, y.Reporting)
	}
	want := []string{"overdue 牵头 x −5", "overdue 牵头 y −5", "overdue 牵头 z −5", "late   −0.1", "empty   −5", "cap   5", "cap   4.1"}
	if got := kinds(y); !slices.Equal(got, want) {
		t.Errorf("乙局 events = %q; want %q", got, want)
	}
	if got := y.Events[6].Text; got != "报送扣分合计 −5.1，超过上限 1 分，按 −1 计 +4.1" {
		t.Errorf("reporting cap text = %q", got)
	}
	wantR := []string{"逾期未完成牵头任务 3 项 −15", "报送空表 1 次 −5", "任务扣分合计 −15，超过上限 10 分，按 −10 计 +5"}
	if got := y.Reasons(3); !slices.Equal(got, wantR) {
		t.Errorf("reasons = %q; want %q", got, wantR)
	}
}

func TestClamp(t *testing.T) {
	jia := units("甲局")
	var dones, overdue []*ledger.Row
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		dones = append(dones, row(id, jia, nil, "", done, ledger.Green))
		overdue = append(overdue, row(id, jia, nil, "2024-03-31", behind, ledger.Red))
	}
	tests := []struct {
		name      string
		rules     Rules
		rows      []*ledger.Row
		score     float64
		clamp     float64 // the clamp event's points, 0 for none
		clampText string
	}{
		// 95 + 5 × 2 = 105 → 100
		{"max", Rules{Base: 95, Max: 100, Done: Points{Lead: 2, Co: 1}}, dones, 100, -5, "总分 105 高于满分 100，按 100 分计 −5"},
		// 10 − 3 × 5 = −5 → 0
		{"min", Rules{Base: 10, Max: 100, Overdue: Points{Lead: -5, Co: -2.5}}, overdue[:3], 0, 5, "总分 −5 低于最低分 0，按 0 分计 +5"},
		// Max ≤ Min: no clamp, 0 + 5 × 2 = 10
		{"off", Rules{Done: Points{Lead: 2, Co: 1}}, dones, 10, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := sheet(t, "2024-Q3", tt.rows, summary("甲局", ledger.OnTime, len(tt.rows), 0))
			res := Score([]*ledger.Ledger{l}, tt.rules, nil)
			checkSums(t, res)
			u := res.Units[0]
			if u.Score != tt.score {
				t.Errorf("score = %v; want %v", u.Score, tt.score)
			}
			last := u.Events[len(u.Events)-1]
			if tt.clamp == 0 {
				if last.Kind == KindClamp {
					t.Errorf("unexpected clamp %+v", last)
				}
				return
			}
			if last.Kind != KindClamp || last.Points != tt.clamp || last.Text != tt.clampText {
				t.Errorf("clamp = %+v; want %v %q", last, tt.clamp, tt.clampText)
			}
		})
	}
}

// Every tie-break level, with zero points so that all scores are equal
// (80) unless a test says otherwise.
func TestTies(t *testing.T) {
	rules := Rules{Base: 80, Max: 100}
	var rows []*ledger.Row
	task := func(unit, id string, st fillin.Status, due string) {
		rows = append(rows, row(unit+id, units(unit), nil, due, st, ledger.Green))
	}
	type spec struct {
		name          string
		done, overdue int
		compliance    ledger.Compliance
	}
	specs := []spec{
		{"庚局", 1, 1, ledger.OnTime},  // completion ½, 1 overdue, on time: tied with 丙, 己
		{"戊局", 1, 1, ledger.Missing}, // same, but missing
		{"丁局", 1, 1, ledger.Late},    // same, but late: above 戊 (missing counts first)
		{"丙局", 1, 1, ledger.OnTime},
		{"乙局", 1, 0, ledger.OnTime}, // completion ½, no overdue
		{"甲局", 2, 0, ledger.OnTime}, // completion 1
		{"己局", 1, 1, ledger.OnTime},
		{"辛局", 0, 0, ledger.Missing}, // a higher score beats every other level
	}
	var sums []*ledger.UnitSummary
	for _, s := range specs {
		for i := range 2 {
			switch {
			case i < s.done:
				task(s.name, string(rune('1'+i)), done, "")
			case i < s.done+s.overdue:
				task(s.name, string(rune('1'+i)), behind, "2024-06-30")
			default:
				task(s.name, string(rune('1'+i)), onTrack, "2025-06-30")
			}
		}
		sums = append(sums, summary(s.name, s.compliance, 2, 0))
	}
	l := sheet(t, "2024-Q3", rows, sums...)
	// 辛局 alone gets a bonus through a co role worth points.
	rules.Done = Points{Lead: 0, Co: 3}
	rows[0].Co = []string{"辛局"} // 庚局's finished task: 辛局 +3 → 83
	res := Score([]*ledger.Ledger{l}, rules, []string{"己局", "丙局"})
	checkSums(t, res)

	// 辛 83 first despite finishing nothing; the rest score 80: 甲 (2/2
	// done), 乙 (½, no overdue); 己 and 丙 (in display order) and 庚 (not
	// in it) tied at 4 with ½ and 1 overdue; 丁 late; 戊 missing.
	want := []string{"1 辛局", "2 甲局", "3 乙局", "4= 己局", "4= 丙局", "4= 庚局", "7 丁局", "8 戊局"}
	var got []string
	for _, u := range res.Units {
		s := plain(float64(u.Rank))
		if u.Tied {
			s += "="
		}
		got = append(got, s+" "+u.Unit)
	}
	if !slices.Equal(got, want) {
		t.Errorf("ranking = %q; want %q", got, want)
	}
	if res.Units[0].Score != 83 || res.Units[1].Score != 80 {
		t.Errorf("scores = %v, %v; want 83, 80", res.Units[0].Score, res.Units[1].Score)
	}

	// Without a display order the tied units follow Unicode order:
	// 丙 U+4E19 < 己 U+5DF1 < 庚 U+5E9A.
	res = Score([]*ledger.Ledger{l}, rules, nil)
	got = nil
	for _, u := range res.Units[3:6] {
		got = append(got, u.Unit)
	}
	if want := []string{"丙局", "己局", "庚局"}; !slices.Equal(got, want) {
		t.Errorf("tied without order = %q; want %q", got, want)
	}
}

func TestRanking(t *testing.T) {
	l := sheet(t, "2024-11", []*ledger.Row{row("T1", units("甲局"), units("乙局"), "", done, ledger.Green)},
		summary("甲局", ledger.OnTime, 1, 0), summary("乙局", ledger.Late, 0, 1))
	res := Ranking(l, Defaults, nil)
	// 甲 80 + 2 = 82; 乙 80 + 1 − 0.1 = 80.9
	if len(res.Units) != 2 || res.Units[0].Score != 82 || res.Units[1].Score != 80.9 || res.Units[1].Unit != "乙局" {
		t.Errorf("ranking = %+v", res.Units)
	}
	if len(Ranking(nil, Defaults, nil).Units) != 0 {
		t.Errorf("Ranking(nil) has units")
	}
}

func TestKeyPeriods(t *testing.T) {
	tests := map[string]string{
		"2024-Q1": "", "2024-Q2": "半年", "2024-Q3": "", "2024-Q4": "年度",
		"2024-H1": "半年", "2024-H2": "年度", "2024": "年度",
		"2024-05": "", "2024-06": "半年", "2024-11": "", "2024-12": "年度",
	}
	for key, want := range tests {
		if got := keyPeriod(sheet(t, key, nil)); got != want {
			t.Errorf("keyPeriod(%s) = %q; want %q", key, got, want)
		}
	}
}

func TestRound2(t *testing.T) {
	tests := []struct{ in, want float64 }{
		{2.675, 2.68}, {-2.675, -2.68}, {0.1 + 0.2, 0.3}, {79.995, 80}, {-0.125, -0.13},
		{1.004999, 1}, {80 - 0.1 - 0.1 - 0.1, 79.7}, {0, 0}, {100, 100},
	}
	for _, tt := range tests {
		if got := round2(tt.in); got != tt.want {
			t.Errorf("round2(%v) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestTracksOrder(t *testing.T) {
	ids := func(s ...string) []*ledger.Row {
		var rows []*ledger.Row
		for _, id := range s {
			rows = append(rows, &ledger.Row{TaskID: id})
		}
		return rows
	}
	ls := []*ledger.Ledger{{Rows: ids("Z", "A", "B", "C")}, {Rows: ids("A", "C", "D")}}
	var got []string
	for _, tr := range Tracks(ls) {
		got = append(got, tr.TaskID)
	}
	if want := []string{"Z", "A", "B", "C", "D"}; !slices.Equal(got, want) {
		t.Errorf("Tracks = %q; want %q", got, want)
	}
}

// TestCategories: units are ranked within their category; units of an
// unranked category and units that lead nothing are listed after every
// ranked group, unranked (issue 13: a bureau with no task ranked 4th).
func TestCategories(t *testing.T) {
	rows := []*ledger.Row{
		row("T1", units("靖江市"), nil, "", done, ledger.Green),
		row("T2", units("泰兴市"), nil, "", fillin.StatusOnTrack, ledger.Green),
		row("T3", units("市财政局"), units("市审计局"), "", done, ledger.Green),
		row("T4", units("人民银行某某分行"), nil, "", done, ledger.Green),
	}
	l := sheet(t, "2024-Q4", rows,
		summary("靖江市", ledger.OnTime, 1, 0), summary("泰兴市", ledger.OnTime, 1, 0),
		summary("市财政局", ledger.OnTime, 1, 0), summary("市审计局", ledger.OnTime, 0, 1),
		summary("人民银行某某分行", ledger.OnTime, 1, 0))
	res := Ranking(l, Defaults, nil)
	var got []string
	for _, u := range res.Units {
		got = append(got, fmt.Sprintf("%s %s %d", u.Group, u.Unit, u.Rank))
	}
	want := []string{
		"县（市、区） 靖江市 1", "县（市、区） 泰兴市 2",
		"市直部门 市财政局 1",
		NotRanked + " 人民银行某某分行 0", NotRanked + " 市审计局 0",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ranking =\n%q\nwant\n%q", got, want)
	}
	// The office's own categories come first: a listed member, then shape.
	r := Defaults
	r.Categories = []scoring.Category{{Name: "功能区", Members: []string{"泰兴市"}}, {Name: "县市区", Shape: "county"}}
	res = Ranking(l, r, nil)
	if u := mustUnit(t, res, "泰兴市"); u.Group != "功能区" || u.Rank != 1 {
		t.Errorf("泰兴市 = %s %d; want 功能区 1", u.Group, u.Rank)
	}
	if u := mustUnit(t, res, "市财政局"); u.Group != NotRanked {
		t.Errorf("市财政局 = %s; no category takes it, so it is not ranked", u.Group)
	}
}
