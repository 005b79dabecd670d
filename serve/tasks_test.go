package serve

import (
	"net/http"
	"os"
	"slices"
	"strings"
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

// A unit named with markup in the task list: shown as text on its page,
// the office's and in the 催办 list, never run. The office's token is on
// none of a unit's answers.
func TestMarkupInUnitName(t *testing.T) {
	s := testServer(t)
	const evil = `<script>alert(1)</script>"局`
	set, err := tasklist.ReadFile(s.WS.TaskList())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range set.Documents {
		for _, tk := range d.Tasks {
			for _, units := range [][]string{tk.Lead, tk.Co} {
				if i := slices.Index(units, missing); i >= 0 {
					units[i] = evil
				}
			}
		}
	}
	if err := tasklist.WriteFile(s.WS.TaskList(), set, time.Now()); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(s.WS.TaskList(), later, later)
	office := officePath(t, s)
	unit := get(s, linkPath(t, s, evil), false)
	answer, _ := upload(t, s, evil, "<b>.xlsx", []byte("x"), false)
	asJSON := get(s, linkPath(t, s, evil), true)
	for what, body := range map[string]string{"unit page": unit.Body.String(), "upload answer": answer.Body.String(),
		"unit JSON": asJSON.Body.String(), "office page": get(s, office, false).Body.String()} {
		// JSON is served as such with nosniff: no browser renders it.
		if what != "unit JSON" && (strings.Contains(body, "<script>") || strings.Contains(body, "<b>")) {
			t.Errorf("%s holds the markup unescaped", what)
		}
		if what != "office page" && strings.Contains(body, office[3:]) {
			t.Errorf("%s holds the office's token", what)
		}
	}
	mustContain(t, "unit page", unit.Body.String(), "&lt;script&gt;alert(1)&lt;/script&gt;")
}
