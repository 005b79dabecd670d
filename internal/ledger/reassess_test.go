package ledger

import (
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// An office that sets 核定状态 in the workbook after the merge gets lights
// and counts that follow it.
func TestReassess(t *testing.T) {
	p, _ := period.Parse("2024-Q4")
	jia := &fillin.Return{File: "甲局.xlsx", Unit: "甲局", Period: "2024-Q4", Header: fillin.Header{Date: "2025-01-02"},
		Entries: []fillin.Entry{
			entry("D1-一.1", "一1", pct(60), fillin.StatusOnTrack, "推进中"),
			entry("D1-一.2", "一2", pct(90), fillin.StatusBehind, "接近完成"),
		}}
	l := Merge(Input{Tasks: testSet(), Period: p, Rules: DefaultRules, Returns: []Received{{Return: jia}},
		Now: time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC)})
	var r2 *Row
	for _, r := range l.Rows {
		if r.Label == "一2" {
			r2 = r
		}
	}
	if r2.Light != Red || l.Totals.Done != 0 {
		t.Fatalf("before: 一2 %s, done %d", r2.Light, l.Totals.Done)
	}
	r2.Override = string(fillin.StatusDone)
	if err := l.Reassess(DefaultRules); err != nil {
		t.Fatal(err)
	}
	var jiaSum *UnitSummary
	for _, u := range l.Units {
		if u.Unit == "甲局" {
			jiaSum = u
		}
	}
	// 一1 stays red (60% against 100%), 一3–一5 are grey (not reported).
	lt := l.Totals.Lights
	if r2.Light != Green || l.Totals.Done != 1 || lt[Green] != 1 || lt[Red] != 1 || lt[Grey] != 3 || l.Totals.Completion != 0.2 {
		t.Errorf("after: 一2 %s, totals %+v", r2.Light, l.Totals)
	}
	if jiaSum.Done != 1 || jiaSum.Completion != 0.333 || jiaSum.Reported != 2 || jiaSum.Lights[Green] < 1 {
		t.Errorf("甲局 after = %+v", jiaSum)
	}
	if r2.Effective() != fillin.StatusDone || r2.Status != fillin.StatusBehind {
		t.Errorf("effective %s, unit's status %s", r2.Effective(), r2.Status)
	}
}
