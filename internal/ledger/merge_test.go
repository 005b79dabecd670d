package ledger

import (
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
)

func testSet() *task.Set {
	dl := func(text, date string) *task.Deadline { return &task.Deadline{Text: text, Date: date} }
	return &task.Set{Documents: []*task.Document{{
		ID: "D1", Title: "关于印发《创新方案》的通知", Date: "2024-01-01",
		Tasks: []*task.Task{
			{ID: "D1-一", Path: []string{"一"}, Kind: task.KindOther, Title: "重点任务"},
			{ID: "D1-一.1", Path: []string{"一", "1"}, Kind: task.KindTask, Lead: []string{"甲局"}, Co: []string{"乙局"}, Deadline: dl("2024年底前", "2024-12-31")},
			{ID: "D1-一.2", Path: []string{"一", "2"}, Kind: task.KindTask, Lead: []string{"甲局"}, Deadline: dl("2024年6月底前", "2024-06-30")},
			{ID: "D1-一.3", Path: []string{"一", "3"}, Kind: task.KindTask, Lead: []string{"乙局"}, Deadline: dl("每年", "")},
			{ID: "D1-一.4", Path: []string{"一", "4"}, Kind: task.KindTask, Lead: []string{"丙局"}, Deadline: dl("2024年底前", "2024-12-31")},
			{ID: "D1-一.5", Path: []string{"一", "5"}, Kind: task.KindTarget, Lead: []string{"甲局"}, Deadline: dl("到2024年", "2024-12-31"),
				Targets: []task.Target{{Text: "新增企业100家", Indicator: "新增企业", Op: ">=", Value: 100, Unit: "家", Year: 2024}}},
		},
	}}}
}

func pct(x float64) *float64 { return &x }

func entry(id, label string, p *float64, st fillin.Status, progress string) fillin.Entry {
	return fillin.Entry{TaskID: id, Label: label, Percent: p, Status: st, Progress: progress}
}

func TestMerge(t *testing.T) {
	p, _ := period.Parse("2024-Q3")
	older := &fillin.Return{File: "甲局-初稿.xlsx", Unit: "甲局", Period: "2024-Q3", Header: fillin.Header{Date: "2024-10-02"},
		Entries: []fillin.Entry{entry("D1-一.1", "一1", pct(10), fillin.StatusBehind, "初稿")}}
	newer := &fillin.Return{File: "甲局.xlsx", Unit: "甲局", Period: "2024-Q3", Header: fillin.Header{Date: "2024-10-05"},
		Entries: []fillin.Entry{
			entry("D1-一.1", "一1", pct(60), fillin.StatusOnTrack, "推进中"),
			entry("D1-一.2", "一2", pct(90), fillin.StatusOnTrack, "接近完成"),
			{TaskID: "D1-一.5", Label: "一5", Percent: pct(80), Status: fillin.StatusOnTrack, Progress: "新增85家", Current: "85", CurrentValue: pct(85)},
		}}
	yi := &fillin.Return{File: "乙局.xlsx", Unit: "乙局", Period: "2024-Q3", Header: fillin.Header{Date: "2024-10-03"},
		Entries: []fillin.Entry{
			entry("D1-一.1", "一1", pct(50), fillin.StatusOnTrack, "配合推进"),
			entry("D1-一.3", "一3", nil, fillin.StatusOngoing, "常态化开展"),
		}}
	bad := &fillin.Return{File: "坏文件.xlsx", Findings: []fillin.Finding{{Level: fillin.LevelError, Msg: "不是 .xlsx"}}}
	stranger := &fillin.Return{File: "丁局.xlsx", Unit: "丁局", Period: "2024-Q3"}
	earlier := &Ledger{Rows: []*Row{{TaskID: "D1-一.2", Review: "请补充材料", Override: "已完成"}}}
	previous := &Ledger{Rows: []*Row{{TaskID: "D1-一.1", Percent: pct(40), Status: fillin.StatusBehind, Light: Red}}}
	due := time.Date(2024, 10, 3, 0, 0, 0, 0, time.UTC)
	l := Merge(Input{
		Tasks: testSet(), Period: p, Due: due, Rules: DefaultRules, Earlier: earlier, Previous: previous,
		Returns: []Received{{Return: older}, {Return: newer}, {Return: yi}, {Return: bad}, {Return: stranger}},
		Now:     time.Date(2024, 10, 8, 9, 0, 0, 0, time.UTC),
	})
	rows := map[string]*Row{}
	for _, r := range l.Rows {
		rows[r.Label] = r
	}
	if len(l.Rows) != 5 {
		t.Fatalf("%d rows; want the 5 tasks and targets (headings are not rows)", len(l.Rows))
	}
	r1 := rows["一1"]
	if r1.Source != "甲局.xlsx" || *r1.Percent != 60 || r1.Expected != 74.8 || r1.Light != Yellow {
		t.Errorf("一1: source %s percent %v expected %v light %s (%s)", r1.Source, *r1.Percent, r1.Expected, r1.Light, r1.LightReason)
	}
	if r1.Previous == nil || *r1.Previous.Percent != 40 || r1.Previous.Light != Red || rows["一3"].Previous != nil {
		t.Errorf("较上期: 一1 previous %+v, 一3 previous %+v", r1.Previous, rows["一3"].Previous)
	}
	if len(r1.CoReports) != 1 || r1.CoReports[0].Unit != "乙局" || !r1.CoReports[0].Reported || *r1.CoReports[0].Percent != 50 {
		t.Errorf("一1 co-reports = %+v", r1.CoReports)
	}
	if r2 := rows["一2"]; r2.Light != Green || r2.Review != "请补充材料" || r2.Status != fillin.StatusOnTrack {
		t.Errorf("一2: the office's 核定状态 已完成 should make it green and keep the unit's status: %+v", r2)
	}
	if r3 := rows["一3"]; r3.Light != Green || r3.Expected != 75 {
		t.Errorf("一3 (每年, 持续推进 with content): light %s expected %v", r3.Light, r3.Expected)
	}
	if r4 := rows["一4"]; r4.Light != Grey || r4.Status != NotReported {
		t.Errorf("一4 (lead sent nothing): %s %s", r4.Light, r4.Status)
	}
	if r5 := rows["一5"]; r5.Targets[0].Attainment == nil || *r5.Targets[0].Attainment != 0.85 {
		t.Errorf("一5 attainment = %v", r5.Targets[0].Attainment)
	}
	states := map[string]IntakeState{}
	for _, in := range l.Intake {
		states[in.File] = in.State
	}
	want := map[string]IntakeState{"甲局-初稿.xlsx": Superseded, "甲局.xlsx": Used, "乙局.xlsx": Used, "坏文件.xlsx": Rejected, "丁局.xlsx": Rejected}
	for f, s := range want {
		if states[f] != s {
			t.Errorf("intake %s = %q; want %q", f, states[f], s)
		}
	}
	units := map[string]*UnitSummary{}
	for _, u := range l.Units {
		units[u.Unit] = u
	}
	if u := units["甲局"]; u.Compliance != Late || u.Led != 3 || u.Reported != 3 || u.Done != 1 {
		t.Errorf("甲局 summary = %+v", u)
	}
	if u := units["乙局"]; u.Compliance != OnTime || u.CoTasks != 1 {
		t.Errorf("乙局 summary = %+v", u)
	}
	if len(l.Missing) != 1 || l.Missing[0] != "丙局" || units["丙局"].Compliance != Missing {
		t.Errorf("missing = %v", l.Missing)
	}
	if l.Totals.Tasks != 5 || l.Totals.Used != 2 || l.Totals.Superseded != 1 || l.Totals.Rejected != 2 || l.Totals.Lights[Grey] != 1 {
		t.Errorf("totals = %+v", l.Totals)
	}
}

func TestLight(t *testing.T) {
	p, _ := period.Parse("2024-Q2")
	tests := []struct {
		name string
		row  Row
		want Light
	}{
		{"done", Row{Reported: true, Status: fillin.StatusDone}, Green},
		{"not reported", Row{Lead: []string{"甲"}, Status: NotReported}, Grey},
		{"overdue", Row{Reported: true, Status: fillin.StatusOnTrack, DueDate: "2024-03-31", Percent: pct(90), Expected: 100}, Red},
		{"ahead", Row{Reported: true, Status: fillin.StatusOnTrack, Percent: pct(60), Expected: 50}, Green},
		{"10 behind", Row{Reported: true, Status: fillin.StatusOnTrack, Percent: pct(40), Expected: 50}, Yellow},
		{"30 behind", Row{Reported: true, Status: fillin.StatusBehind, Percent: pct(20), Expected: 50}, Yellow},
		{"31 behind", Row{Reported: true, Status: fillin.StatusBehind, Percent: pct(19), Expected: 50}, Red},
		{"not started early", Row{Reported: true, Status: fillin.StatusNotStart, Expected: 20}, Yellow},
		{"reported 滞后 though ahead", Row{Reported: true, Status: fillin.StatusBehind, Percent: pct(60), Expected: 50}, Yellow},
		{"reported 滞后 without a percentage", Row{Reported: true, Status: fillin.StatusBehind, Expected: 50}, Yellow},
		{"ongoing with content", Row{Reported: true, Status: fillin.StatusOngoing, Progress: "开展中", Expected: 50}, Green},
	}
	for _, tt := range tests {
		if got, why := light(&tt.row, p, DefaultRules); got != tt.want {
			t.Errorf("%s: light %s (%s); want %s", tt.name, got, why, tt.want)
		}
	}
	strict := Rules{GreenWithin: 0, YellowWithin: 5}
	if got, _ := light(&Row{Reported: true, Status: fillin.StatusOnTrack, Percent: pct(40), Expected: 50}, p, strict); got != Red {
		t.Errorf("thresholds from the configuration are not applied: %s", got)
	}
}

func TestExpected(t *testing.T) {
	d := &task.Document{Date: "2023-01-01"}
	q4, _ := period.Parse("2024-Q4")
	nov, _ := period.Parse("2024-11")
	horizon := time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		row  Row
		p    period.Period
		want float64
	}{
		{Row{DueDate: "2024-12-31"}, q4, 100},
		{Row{DueDate: "2024-12-31"}, nov, 95.8},
		{Row{Deadline: "每年"}, nov, 91.7},
		{Row{}, q4, 40},    // the document's horizon: 2023-01-01 … 2027-12-31
		{Row{}, nov, 38.3}, // idem, at the end of November
		{Row{DueDate: "2022-12-31"}, q4, 100},
	}
	for _, tt := range tests {
		if got := expected(d, &tt.row, horizon, tt.p); got != tt.want {
			t.Errorf("expected(%+v, %s) = %v; want %v", tt.row, tt.p.Key(), got, tt.want)
		}
	}
}

// TestUntitledDocumentNamedByFile: a document without a title is named in
// the ledger (and so in the bulletin, never 《》) by its file's name.
func TestUntitledDocumentNamedByFile(t *testing.T) {
	set := testSet()
	set.Documents[0].Title, set.Documents[0].Source = "", "重点任务清单.txt"
	p, _ := period.Parse("2024-Q3")
	l := Merge(Input{Tasks: set, Period: p, Rules: DefaultRules, Now: time.Date(2024, 10, 8, 9, 0, 0, 0, time.UTC)})
	if l.Title != "重点任务清单" || len(l.Rows) == 0 || l.Rows[0].DocTitle != "重点任务清单" {
		t.Errorf("untitled document: ledger title %q, first row's document %q; want 重点任务清单", l.Title, l.Rows[0].DocTitle)
	}
}
