package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/serve"
)

// serve --revoke gives a unit a new link (a typo is a usage error), and
// merge refuses while the workspace's lock is held (by a merge from the
// office page) with the user's exit status.
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
	if code, _, errOut := runCmd(t, "merge", "--workspace", ws); code != exitInput || !strings.Contains(errOut, "工作目录正在汇总") {
		t.Errorf("merge under a held lock: exit %d %s; want 1 saying who holds it", code, errOut)
	}
}
