package ledger

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// TestMergeNeverInfinite: numbers at the edge of what a float holds, and
// ones a reader should have refused, never make a ledger that cannot be
// encoded; only the bad value is lost.
func TestMergeNeverInfinite(t *testing.T) {
	set := testSet()
	ceiling := &task.Task{ID: "D1-一.6", Path: []string{"一", "6"}, Kind: task.KindTarget, Lead: []string{"甲局"},
		Targets: []task.Target{{Text: "能耗不高于1000", Op: "<=", Value: 1000}}}
	set.Documents[0].Tasks = append(set.Documents[0].Tasks, ceiling)
	p, _ := period.Parse("2024-Q3")
	inf, nan := math.Inf(1), math.NaN()
	r := &fillin.Return{File: "甲局.xlsx", Unit: "甲局", Period: "2024-Q3", Header: fillin.Header{Date: "2024-10-05"},
		Entries: []fillin.Entry{
			entry("D1-一.1", "一1", &inf, fillin.StatusOnTrack, "推进中"),
			entry("D1-一.2", "一2", pct(90), fillin.StatusOnTrack, "接近完成"),
			{TaskID: "D1-一.5", Label: "一5", Percent: &nan, Status: fillin.StatusOnTrack, Progress: "新增",
				Current: "1e308", CurrentValue: pct(1e308)},
			{TaskID: "D1-一.6", Label: "一6", Percent: pct(50), Status: fillin.StatusOnTrack, Progress: "下降",
				Current: "1e-320", CurrentValue: pct(5e-324)},
		}}
	l := Merge(Input{Tasks: set, Period: p, Rules: DefaultRules, Returns: []Received{{Return: r}},
		Now: time.Date(2024, 10, 8, 9, 0, 0, 0, time.UTC)})
	if _, err := json.Marshal(l); err != nil {
		t.Fatalf("the ledger cannot be encoded: %v", err)
	}
	rows := map[string]*Row{}
	for _, row := range l.Rows {
		rows[row.TaskID] = row
	}
	if got := rows["D1-一.1"]; got.Percent != nil || got.Progress != "推进中" {
		t.Errorf("一1: percent %v, progress %q; want no percent, the progress kept", got.Percent, got.Progress)
	}
	if got := rows["D1-一.2"]; got.Percent == nil || *got.Percent != 90 {
		t.Errorf("一2 lost its percent: %v", got.Percent)
	}
	if a := rows["D1-一.6"].Targets[0].Attainment; a != nil {
		t.Errorf("一6: attainment %v; want none (1000 / 5e-324 overflows)", *a)
	}
}
