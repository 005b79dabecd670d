package serve

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// ScreenshotsEnv names a folder the browser test also saves its
// screenshots in, to be looked at; they always go to the test's own
// temporary folder.
const ScreenshotsEnv = "TAIZHANG_SCREENSHOTS"

// A real browser (headless Chromium through chromedriver) opens a unit's
// link, uploads a return with an error in a cell and sees the finding in
// the page; at desktop and at phone width.
func TestBrowserUpload(t *testing.T) {
	testkit.RealClient(t)
	wd := startDriver(t)
	s := testServer(t)
	base, stop := listen(t, s)
	defer stop()
	file := filepath.Join(t.TempDir(), "市科技局填报表.xlsx")
	if err := os.WriteFile(file, badReturn(t, s), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, size := range []struct {
		name          string
		width, height int
	}{{"serve-unit.png", 1000, 1100}, {"serve-unit-phone.png", 390, 1700}} {
		sess := wd.session(t, size.width, size.height)
		sess.call(t, http.MethodPost, "/url", map[string]any{"url": base + linkPath(t, s, reported)})
		input := sess.find(t, "input[type=file]")
		sess.call(t, http.MethodPost, "/element/"+input+"/value", map[string]any{"text": file})
		sess.call(t, http.MethodPost, "/element/"+sess.find(t, "button[type=submit]")+"/click", map[string]any{})
		source := sess.waitFor(t, "回执")
		mustContain(t, "the page after the upload", source, "已收到，但不能使用", "工作表“填报表”第 5 行 B 列", "回执", "市科技局填报表.xlsx")
		sess.screenshot(t, size.name)
		sess.close(t)
	}
	if n := len(stored(t, s)); n != 2 {
		t.Errorf("%d uploads stored; want 2", n)
	}
	// The office merges from its page, which then lists the unit to chase.
	sess := wd.session(t, 1100, 1500)
	sess.call(t, http.MethodPost, "/url", map[string]any{"url": base + officePath(t, s)})
	sess.call(t, http.MethodPost, "/element/"+sess.find(t, "form[action$=merge] button")+"/click", map[string]any{})
	mustContain(t, "the office page after the merge", sess.waitFor(t, "已写入"), "已写入", "催办", missing+"：贵单位尚未报送")
	sess.screenshot(t, "serve-office.png")
	sess.close(t)
	noTemps(t, s)
}

// driver is a chromedriver process, spoken to in W3C WebDriver's JSON.
type driver struct{ url string }

// startDriver starts chromedriver on a free port; a missing one fails the
// test (the switch is on: CI must not pass without the browser).
func startDriver(t *testing.T) *driver {
	exe, err := exec.LookPath("chromedriver")
	if err != nil {
		t.Fatalf("chromedriver not found (apt-get install chromium chromium-driver): %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(exe, fmt.Sprintf("--port=%d", port))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	d := &driver{url: fmt.Sprintf("http://127.0.0.1:%d", port)}
	for i := 0; i < 100; i++ {
		if resp, err := http.Get(d.url + "/status"); err == nil {
			resp.Body.Close()
			return d
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("chromedriver did not start")
	return nil
}

// session is one browser window.
type session struct {
	url string
}

func (d *driver) session(t *testing.T, width, height int) *session {
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "chrome",
		"goog:chromeOptions": map[string]any{"args": []string{"--headless=new", "--no-sandbox", "--disable-gpu",
			"--disable-dev-shm-usage", "--lang=zh-CN", fmt.Sprintf("--window-size=%d,%d", width, height)}},
	}}}
	var created struct {
		SessionID string `json:"sessionId"`
	}
	wdCall(t, http.MethodPost, d.url+"/session", caps, &created)
	s := &session{url: d.url + "/session/" + created.SessionID}
	if width < 500 {
		// A phone's width: the window itself cannot be narrower than
		// Chromium's minimum, the page's viewport can.
		s.call(t, http.MethodPost, "/goog/cdp/execute", map[string]any{"cmd": "Emulation.setDeviceMetricsOverride",
			"params": map[string]any{"width": width, "height": height, "deviceScaleFactor": 2, "mobile": true}})
	}
	return s
}

func (s *session) call(t *testing.T, method, path string, body any) {
	wdCall(t, method, s.url+path, body, nil)
}

func (s *session) get(t *testing.T, path string, value any) {
	wdCall(t, http.MethodGet, s.url+path, nil, value)
}

// waitFor is the page's source once it holds text (the answer to a form
// has arrived), or after ten seconds.
func (s *session) waitFor(t *testing.T, text string) string {
	var source string
	for i := 0; i < 100; i++ {
		s.get(t, "/source", &source)
		if strings.Contains(source, text) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	return source
}

// find is the element the CSS selector finds.
func (s *session) find(t *testing.T, css string) string {
	var el map[string]string
	wdCall(t, http.MethodPost, s.url+"/element", map[string]any{"using": "css selector", "value": css}, &el)
	for _, id := range el {
		return id
	}
	t.Fatalf("no element %s", css)
	return ""
}

// screenshot saves the window as name in the test's folder and in
// $TAIZHANG_SCREENSHOTS when set.
func (s *session) screenshot(t *testing.T, name string) {
	var b64 string
	s.get(t, "/screenshot", &b64)
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("screenshot is no PNG: %v", err)
	}
	dirs := []string{t.TempDir()}
	if d := os.Getenv(ScreenshotsEnv); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		if err := os.WriteFile(filepath.Join(d, name), png, 0o644); err != nil {
			t.Error(err)
		}
	}
}

func (s *session) close(t *testing.T) { wdCall(t, http.MethodDelete, s.url, nil, nil) }

// wdCall sends a WebDriver command and decodes its value into value (nil:
// ignored); a WebDriver error fails the test.
func wdCall(t *testing.T, method, url string, body, value any) {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		rd = bytes.NewReader(data)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	var out struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %s %s", method, url, resp.Status, strings.TrimSpace(string(out.Value)))
	}
	if value != nil {
		if err := json.Unmarshal(out.Value, value); err != nil {
			t.Fatalf("%s %s: %v", method, url, err)
		}
	}
}
