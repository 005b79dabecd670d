package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

func TestLock(t *testing.T) {
	root := t.TempDir()
	release, note, err := Lock(root, "汇总")
	if err != nil || note != "" {
		t.Fatalf("Lock = %v, %q", err, note)
	}
	_, _, err = Lock(root, "汇总")
	if err == nil || !inputerr.Is(err) || !strings.Contains(err.Error(), "工作目录正在汇总") {
		t.Errorf("second Lock = %v; want the user's error naming the merge", err)
	}
	release()
	if _, _, err := Lock(root, "汇总"); err != nil {
		t.Errorf("Lock after release = %v", err)
	}
}

func TestLockTakesOverStale(t *testing.T) {
	root, _ := lockPlace(t)
	takenOver(t, root, "1")
}

// takenOver writes a lock of owner older than LockStale and checks that
// Lock takes it over with a note.
func takenOver(t *testing.T, root, owner string) {
	t.Helper()
	old := time.Now().Add(-2 * LockStale).UTC().Format(time.RFC3339)
	os.WriteFile(filepath.Join(root, Dir, lockName), []byte(owner+" "+old+" 汇总\n"), 0o600)
	release, note, err := Lock(root, "汇总")
	if err != nil || !strings.Contains(note, "已接管") {
		t.Fatalf("Lock over %s's stale lock = %v, %q; want taken over with a note", owner, err, note)
	}
	release()
}

// Several takers find the same stale lock at once: exactly one gets it.
// (Each removing the lock it judged stale removed the new one of whoever
// was first, and both held the workspace.)
func TestLockStaleTakenOnce(t *testing.T) {
	root, path := lockPlace(t)
	old := time.Now().Add(-2 * LockStale).UTC().Format(time.RFC3339)
	for round := 0; round < 50; round++ {
		os.WriteFile(path, []byte("1 "+old+" 汇总\n"), 0o600)
		var (
			wg   sync.WaitGroup
			held atomic.Int32
		)
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, _, err := Lock(root, "汇总"); err == nil {
					held.Add(1)
				}
			}()
		}
		wg.Wait()
		if n := held.Load(); n != 1 {
			t.Fatalf("round %d: %d takers hold the lock; want 1", round, n)
		}
		os.Remove(path)
	}
}

// A lock made a moment ago whose line is not written yet is its taker's,
// not a crash's; a release leaves alone a lock that is no longer its own.
func TestLockOwnership(t *testing.T) {
	root, path := lockPlace(t)
	os.WriteFile(path, nil, 0o600)
	if _, _, err := Lock(root, "汇总"); err == nil {
		t.Error("a lock being written was taken over")
	}
	os.Remove(path)
	release, _, err := Lock(root, "汇总")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("1 "+time.Now().UTC().Format(time.RFC3339)+" 汇总 9\n"), 0o600)
	release()
	if _, err := os.Stat(path); err != nil {
		t.Error("a release removed another taker's lock")
	}
}

// TestNoLock: a workspace this user may only read is worked in without a
// lock (nothing a lock guards can change there); any other failure to make
// the lock is told in Chinese.
func TestNoLock(t *testing.T) {
	for _, err := range []error{fs.ErrPermission, &fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}} {
		if release, note, e := noLock("x", err); release == nil || note != "" || e != nil {
			t.Errorf("noLock(%v) = %v, %q, %v; want going on without a lock", err, release != nil, note, e)
		}
	}
	_, _, e := noLock("/台账/.taizhang/merge.lock", &fs.PathError{Op: "mkdir", Path: "x", Err: syscall.ENOTDIR})
	if e == nil || !strings.Contains(e.Error(), "无法创建工作目录锁 /台账/.taizhang/merge.lock") || strings.Contains(e.Error(), "not a directory") {
		t.Errorf("noLock(ENOTDIR) = %v", e)
	}
}

// TestLockOfAnotherMachine: on a workspace on a shared drive, a lock made
// on another PC is held while it is recent, whatever process ids this
// machine has (99999999 is none here), and taken over once stale.
func TestLockOfAnotherMachine(t *testing.T) {
	root, path := lockPlace(t)
	now := time.Now().UTC().Format(time.RFC3339)
	os.WriteFile(path, []byte("99999999_0 "+now+" 汇总 1\n"), 0o600)
	if _, _, err := Lock(root, "汇总"); err == nil || !strings.Contains(err.Error(), "另一台电脑上的进程 99999999") {
		t.Errorf("Lock over another PC's running merge = %v; want refused, naming the other PC", err)
	}
	takenOver(t, root, "99999999_0")
	// This machine's own lock line says so.
	release, _, _ := Lock(root, "汇总")
	defer release()
	if data, _ := os.ReadFile(path); !strings.HasPrefix(string(data), outfile.Owner()+" ") {
		t.Errorf("lock line %q; want it to start with %s", data, outfile.Owner())
	}
}

// A lock line of the version before machine tags (a bare process id) is
// this machine's: taken over at once when its process is gone. One whose
// owner cannot be read is no other PC's, held only while being written.
func TestLockLineWithoutMachine(t *testing.T) {
	root, path := lockPlace(t)
	recent := time.Now().Add(-time.Minute).UTC().Format(time.RFC3339)
	for _, owner := range []string{"99999999", "?"} {
		os.WriteFile(path, []byte(owner+" "+recent+" 汇总 1\n"), 0o600)
		release, note, err := Lock(root, "汇总")
		if err != nil || !strings.Contains(note, "已接管") {
			t.Fatalf("Lock over %q's lock of a minute ago = %v, %q; want taken over", owner, err, note)
		}
		release()
	}
}

// A lock that vanished while it was read gives nothing to judge stale: a
// new lock made meanwhile and not yet written (empty) is never removed for
// it. (With the nothing read taken as stale, two takers held the lock, once
// in fifty rounds of TestLockStaleTakenOnce under the race detector.)
func TestLockVanishedNotTakenOver(t *testing.T) {
	_, path := lockPlace(t)
	os.WriteFile(path, nil, 0o600) // a new lock, its line not written yet
	if takeOver(path, nil) {
		t.Fatal("a lock read as gone took over the lock being written")
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the lock being written was removed: %v", err)
	}
}

// lockPlace is a new workspace's root and the path of its lock, its
// folder made.
func lockPlace(t *testing.T) (root, path string) {
	root = t.TempDir()
	path = filepath.Join(root, Dir, lockName)
	os.MkdirAll(filepath.Dir(path), 0o700)
	return root, path
}
