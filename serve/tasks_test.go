package serve

import (
	"net/http"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
)

// withoutUnit takes unit off every task of set, as lead and as co-unit.
func withoutUnit(set *task.Set, unit string) {
	for _, d := range set.Documents {
		for _, tk := range d.Tasks {
			tk.Lead = slices.DeleteFunc(tk.Lead, func(u string) bool { return u == unit })
			tk.Co = slices.DeleteFunc(tk.Co, func(u string) bool { return u == unit })
		}
	}
}

// The office takes a unit's tasks away and saves the task list while the
// server runs: the unit's link stops, as a merge would no longer count it.
func TestTaskListReread(t *testing.T) {
	s := testServer(t)
	link := linkPath(t, s, missing)
	set, err := tasklist.ReadFile(s.WS.TaskList())
	if err != nil {
		t.Fatal(err)
	}
	withoutUnit(set, missing)
	if err := tasklist.WriteFile(s.WS.TaskList(), set, time.Now()); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(s.WS.TaskList(), later, later)
	if w := get(s, link, false); w.Code != http.StatusNotFound {
		t.Errorf("link of a unit without tasks now: %d; want 404", w.Code)
	}
	if w := get(s, linkPath(t, s, reported), false); w.Code != http.StatusOK {
		t.Errorf("another unit's link: %d; want 200", w.Code)
	}
}
