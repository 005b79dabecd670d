package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/serve"
)

// serve --revoke gives a unit a new link (a typo is a usage error), and
// merge and report refuse while the workspace's lock is held (by a merge
// from the office page) with the user's exit status; a stale lock is taken
// over, and report says so.
func TestServeRevokeAndMergeLock(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := runCmd(t, "demo", "-o", ws); code != exitOK {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	code, out, errOut := runCmd(t, "serve", "--workspace", ws, "--revoke", "市科技局")
	if code != exitOK || !strings.Contains(out, "市科技局的原链接已停用，新链接：http://") {
		t.Errorf("serve --revoke: exit %d %q %s", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, "serve", "--workspace", ws, "--revoke", "市科技"); code != exitUsage || !strings.Contains(errOut, "是否应为 市科技局") {
		t.Errorf("serve --revoke with a typo: exit %d %s", code, errOut)
	}
	audit := filepath.Join(ws, serve.AuditName)
	os.Remove(audit)
	os.Mkdir(audit, 0o755) // the audit log cannot be written
	code, out, errOut = runCmd(t, "serve", "--workspace", ws, "--revoke", "市发改委")
	if code == exitOK || !strings.Contains(out, "市发改委的原链接已停用，新链接：http://") || !strings.Contains(errOut, "审计日志") {
		t.Errorf("serve --revoke, the audit log failing: exit %d %q %s; want the new link and the failure", code, out, errOut)
	}
	release, _, err := workspace.Lock(ws, "汇总")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	for _, cmd := range []string{"merge", "report"} {
		if code, _, errOut := runCmd(t, cmd, "--workspace", ws); code != exitInput || !strings.Contains(errOut, "工作目录正在汇总") {
			t.Errorf("%s under a held lock: exit %d %s; want 1 saying who holds it", cmd, code, errOut)
		}
	}
	release()
	old := time.Now().Add(-2 * workspace.LockStale).UTC().Format(time.RFC3339)
	os.WriteFile(filepath.Join(ws, workspace.Dir, "merge.lock"), []byte("1 "+old+" 汇总\n"), 0o600)
	if code, _, errOut := runCmd(t, "report", "--workspace", ws, "--format", "pdf"); code != exitOK || !strings.Contains(errOut, "已接管过期的工作目录锁") {
		t.Errorf("report over a stale lock: exit %d %s; want done, saying the lock was taken over", code, errOut)
	}
}
