package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// Two uploads of one unit in the same second, the unit's name holding
// characters Windows forbids in a file name: both kept, neither over the
// other, under names without those characters.
func TestStoreSameSecond(t *testing.T) {
	s := testServer(t)
	at := time.Date(2025, 1, 4, 10, 0, 0, 0, period.Beijing)
	s.Now = func() time.Time { return at }
	dir := t.TempDir()
	var paths []string
	for _, data := range []string{"first", "second"} {
		tmp := filepath.Join(dir, "."+data+".tmp")
		if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		p, _, err := s.store(`市委/市政府 督查室:*?"<>|\`, &intake.Upload{Path: tmp, Ext: ".xlsx"})
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if paths[0] == paths[1] || filepath.Dir(paths[0]) != dir {
		t.Fatalf("stored as %q; want two names in %s", paths, dir)
	}
	for i, want := range []string{"first", "second"} {
		name := filepath.Base(paths[i])
		if strings.ContainsAny(name, `/\:*?"<>|`) {
			t.Errorf("stored as %q: a character Windows forbids", name)
		}
		if got, _ := os.ReadFile(paths[i]); string(got) != want {
			t.Errorf("%s holds %q; want %q", name, got, want)
		}
	}
}

// A name the file system refuses (too long) fails at once: the store
// never loops over it, holding every other upload up.
func TestStoreRefusedName(t *testing.T) {
	dir := t.TempDir()
	tmp := filepath.Join(dir, "tmp")
	os.WriteFile(tmp, []byte("x"), 0o644)
	done := make(chan error, 1)
	go func() {
		_, err := placeUnder(tmp, dir, func(int) string { return strings.Repeat("单位", 100) + ".xlsx" })
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("a 600-byte file name was stored")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("store still looping after 10 s over a name the file system refuses")
	}
}

// Uploads are checked a few at a time: one more waits for a check to end.
func TestChecksBounded(t *testing.T) {
	s := testServer(t)
	s.checking = make(chan struct{}, 1)
	s.checking <- struct{}{} // a check under way
	data := demoReturn(t, s, reported)
	done := make(chan int, 1)
	go func() {
		w, _ := upload(t, s, reported, "a.xlsx", data, true)
		done <- w.Code
	}()
	select {
	case <-done:
		t.Fatal("an upload was checked beside the one under way")
	case <-time.After(300 * time.Millisecond):
	}
	<-s.checking
	if code := <-done; code != 200 {
		t.Errorf("the waiting upload: %d; want 200", code)
	}
}

// An upload is written once: the file written before the check is the
// one that gets the receipt name, not a second copy of the bytes.
func TestUploadWrittenOnce(t *testing.T) {
	s := testServer(t)
	s.checking = make(chan struct{}, 1)
	s.checking <- struct{}{} // the check waits while the test looks
	data := demoReturn(t, s, reported)
	done := make(chan int, 1)
	go func() {
		w, _ := upload(t, s, reported, "a.xlsx", data, true)
		done <- w.Code
	}()
	written := waitForTemp(t, s.WS.ReturnsDir(s.Period))
	<-s.checking
	if code := <-done; code != 200 {
		t.Fatalf("upload: %d; want 200", code)
	}
	names := stored(t, s)
	if len(names) != 1 {
		t.Fatalf("stored %q; want one file", names)
	}
	kept, err := os.Stat(filepath.Join(s.WS.ReturnsDir(s.Period), names[0]))
	if err != nil || !os.SameFile(written, kept) {
		t.Errorf("stored %s is not the file written before the check (%v)", names[0], err)
	}
	noTemps(t, s)
}

// waitForTemp is the first temporary file to appear in dir, within 5 s.
func waitForTemp(t *testing.T, dir string) os.FileInfo {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
		if len(matches) > 0 {
			if info, err := os.Stat(matches[0]); err == nil {
				return info
			}
		}
	}
	t.Fatal("no temporary file written before the check")
	return nil
}
