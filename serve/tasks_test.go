package serve

import (
	"net/http"
	"os"
	"path/filepath"
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
// The save keeps the time of the one before, as a second save within the
// file system's time resolution does.
func TestTaskListReread(t *testing.T) {
	s := testServer(t)
	link := linkPath(t, s, missing)
	before, err := os.Stat(s.WS.TaskList())
	if err != nil {
		t.Fatal(err)
	}
	set, err := tasklist.ReadFile(s.WS.TaskList())
	if err != nil {
		t.Fatal(err)
	}
	withoutUnit(set, missing)
	if err := tasklist.WriteFile(s.WS.TaskList(), set, time.Now()); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(s.WS.TaskList(), before.ModTime(), before.ModTime())
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

// A file saved twice within racyWindow, at one size and one time, is told
// apart by its content; once compared past the window, size and time
// suffice.
func TestStampSameSizeAndTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "list.xlsx")
	mod := time.Now().Truncate(time.Second)
	save := func(content string) {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(path, mod, mod)
	}
	save("first")
	st, err := stampOf(path, mod)
	if err != nil || st.settled {
		t.Fatalf("stamp of a file just saved: %+v, %v; want one not settled", st, err)
	}
	if !st.current(path, mod) {
		t.Error("the same version is taken for another")
	}
	save("other")
	if st.current(path, mod) {
		t.Error("a second save of the same size and time is missed")
	}
	save("first")
	if !st.current(path, mod.Add(racyWindow)) || !st.settled {
		t.Errorf("compared past the window: settled %v; want true", st.settled)
	}
	save("first!")
	if st.current(path, mod.Add(racyWindow)) {
		t.Error("a save of another size is missed")
	}
}
