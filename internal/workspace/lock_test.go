package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
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
	root := t.TempDir()
	path := filepath.Join(root, Dir, lockName)
	os.MkdirAll(filepath.Dir(path), 0o700)
	old := time.Now().Add(-2 * LockStale).UTC().Format(time.RFC3339)
	os.WriteFile(path, []byte("1 "+old+" 汇总\n"), 0o600)
	release, note, err := Lock(root, "汇总")
	if err != nil || !strings.Contains(note, "已接管") {
		t.Fatalf("Lock over a stale lock = %v, %q; want taken over with a note", err, note)
	}
	release()
}
