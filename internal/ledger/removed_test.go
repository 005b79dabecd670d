package ledger

import (
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
)

// TestRemovedTaskKeepsNotes: the office's notes on a task that left the
// task list (removed, or renamed to a new ID) move to Removed, stay there
// on later merges, and return to the task when it is back.
func TestRemovedTaskKeepsNotes(t *testing.T) {
	p, _ := period.Parse("2024-Q3")
	now := time.Date(2024, 10, 8, 9, 0, 0, 0, time.UTC)
	earlier := &Ledger{Rows: []*Row{
		{TaskID: "D1-一.2", Review: "请补充材料", Override: "已完成"},
		{TaskID: "D1-一.9", DocTitle: "创新方案", Label: "一9", Path: []string{"一", "9"}, Text: "已删去的任务", Lead: []string{"丁局"}, Review: "下期核查"},
		{TaskID: "D1-一.8", Label: "一8"}, // no notes: nothing to keep
	}}
	l := Merge(Input{Tasks: testSet(), Period: p, Rules: DefaultRules, Earlier: earlier, Now: now})
	assertSameOverNotes(t, Input{Tasks: testSet(), Period: p, Rules: DefaultRules, Earlier: earlier, Now: now}, l)
	if len(l.Removed) != 1 {
		t.Fatalf("removed = %+v; want the one task with notes", l.Removed)
	}
	got := l.Removed[0]
	if got.TaskID != "D1-一.9" || got.Label != "一9" || got.Text != "已删去的任务" || got.Lead[0] != "丁局" || got.Review != "下期核查" || got.Removed != "2024-10-08T09:00:00Z" {
		t.Errorf("removed row = %+v", got)
	}
	if c := l.Carried(); c != (Carried{Kept: 1, Moved: 1}) {
		t.Errorf("carried = %+v; want 1 kept, 1 moved", c)
	}

	// The next merge over that ledger keeps them, without counting them as
	// moved again.
	again := Merge(Input{Tasks: testSet(), Period: p, Rules: DefaultRules, Earlier: l, Now: now.Add(time.Hour)})
	assertSameOverNotes(t, Input{Tasks: testSet(), Period: p, Rules: DefaultRules, Earlier: l, Now: now.Add(time.Hour)}, again)
	if len(again.Removed) != 1 || again.Removed[0].Review != "下期核查" || again.Removed[0].Removed != "2024-10-08T09:00:00Z" {
		t.Errorf("second merge: removed = %+v", again.Removed)
	}
	if c := again.Carried(); c != (Carried{Kept: 1}) {
		t.Errorf("second merge: carried = %+v; want 1 kept", c)
	}

	// The task is back (the removal undone): its notes return to it.
	set := testSet()
	back := *set.Documents[0].Tasks[1]
	back.ID, back.Path = "D1-一.9", []string{"一", "9"}
	set.Documents[0].Tasks = append(set.Documents[0].Tasks, &back)
	restored := Merge(Input{Tasks: set, Period: p, Rules: DefaultRules, Earlier: again, Now: now})
	assertSameOverNotes(t, Input{Tasks: set, Period: p, Rules: DefaultRules, Earlier: again, Now: now}, restored)
	if len(restored.Removed) != 0 || restored.Carried().Restored != 1 {
		t.Fatalf("restored: removed %+v carried %+v", restored.Removed, restored.Carried())
	}
	for _, r := range restored.Rows {
		if r.TaskID == "D1-一.9" && r.Review != "下期核查" {
			t.Errorf("restored task's review = %q", r.Review)
		}
	}
}
