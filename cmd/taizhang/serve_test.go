package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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

// The real serve command on a free port: it takes a unit's upload and a
// merge from the office page, and on Ctrl+C (SIGINT) stops cleanly: exit
// status 0, the upload kept, no temporary file nor the merge's lock left.
func TestServeStopsOnSignal(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Ctrl+C to send to a process on Windows")
	}
	ws := filepath.Join(t.TempDir(), "ws")
	if err := os.CopyFS(ws, os.DirFS(runDemo(t))); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "serve", "--workspace", ws, "--period", "2024-Q4", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb strings.Builder
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	lines := bufio.NewScanner(stdout)
	office := awaitLine(t, lines, "办公室页面：")
	go func() {
		io.Copy(io.Discard, stdout) // the rest, "已停止。" included
		exited <- cmd.Wait()
	}()
	defer cmd.Process.Kill()
	base := office[:strings.Index(office, "/o/")]

	stored := uploadTo(t, unitLink(t, ws, base, "市科技局"), returnOf(t, ws, "市科技局"))
	if r, err := http.Post(office+"/merge", "", nil); err != nil || r.StatusCode != http.StatusOK {
		t.Errorf("merge from the office page: %v %v", r, err)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("serve after SIGINT: %v; want exit status 0\n%s", err, errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve still running 10 s after SIGINT")
	}
	if _, err := os.Stat(filepath.Join(ws, stored)); err != nil {
		t.Errorf("the upload is not kept: %v", err)
	}
	if _, err := os.Stat(filepath.Join(ws, workspace.Dir, "merge.lock")); err == nil {
		t.Error("the merge's lock is left behind")
	}
	filepath.WalkDir(ws, func(p string, d os.DirEntry, err error) error {
		if err == nil && (strings.HasSuffix(p, ".tmp") || strings.HasPrefix(d.Name(), ".taizhang-")) {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})
}

// awaitLine is the rest of the first output line starting with prefix,
// read within 10 s.
func awaitLine(t *testing.T, lines *bufio.Scanner, prefix string) string {
	t.Helper()
	found := make(chan string, 1)
	go func() {
		for lines.Scan() {
			if rest, ok := strings.CutPrefix(lines.Text(), prefix); ok {
				found <- rest
				return
			}
		}
		close(found)
	}()
	select {
	case rest, ok := <-found:
		if !ok {
			t.Fatalf("serve ended without a line %s…", prefix)
		}
		return rest
	case <-time.After(10 * time.Second):
		t.Fatalf("no line %s… within 10 s", prefix)
	}
	return ""
}

// unitLink is unit's link on the server at base, worked out from the
// workspace as serve works it out.
func unitLink(t *testing.T, ws, base, unit string) string {
	t.Helper()
	s, _, err := serve.Setup(serve.Request{Workspace: ws, Period: "2024-Q4", NoListen: true, BaseURL: base, Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	link, err := s.UnitURL(unit)
	if err != nil {
		t.Fatal(err)
	}
	return link
}

// returnOf is unit's return of the demo's fourth quarter.
func returnOf(t *testing.T, ws, unit string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(ws, "2024年第四季度", "报送", "2024年第四季度_"+unit+"_填报表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// uploadTo uploads data as a browser's form does and returns where the
// server stored it, relative to the workspace.
func uploadTo(t *testing.T, link string, data []byte) string {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "填报表.xlsx")
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, link, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct {
		StoredAs string `json:"stored_as"`
		Usable   bool   `json:"usable"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != http.StatusOK || res.StoredAs == "" || !res.Usable {
		t.Fatalf("upload: %d %+v %v", resp.StatusCode, res, err)
	}
	return res.StoredAs
}
