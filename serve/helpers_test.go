package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/demo"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

// fixture is the demo workspace, made once; each test serves a copy.
var fixture string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "serve-test-")
	if err != nil {
		panic(err)
	}
	fixture = filepath.Join(dir, "out")
	if _, err := demo.Run(fixture, demo.Events{}); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// The demo's period and units the tests use: one that reported, one that
// did not, and another whose workbook goes through the first one's link.
const (
	reported = "市科技局"
	missing  = "各高校"
	other    = "市发改委"
)

// testServer serves a copy of the demo workspace's fourth quarter, its
// clock one second on at every reading from 2025-01-04 10:00 Beijing time.
func testServer(t testing.TB) *Server {
	t.Helper()
	root := filepath.Join(t.TempDir(), "ws")
	if err := os.CopyFS(root, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	p, err := period.Parse("2024-Q4")
	if err != nil {
		t.Fatal(err)
	}
	var tick atomic.Int64
	start := time.Date(2025, 1, 4, 10, 0, 0, 0, period.Beijing)
	s, err := New(Options{WS: ws, Period: p, Due: ws.Due(p), BaseURL: "http://intranet.test:8080",
		Now: func() time.Time { return start.Add(time.Duration(tick.Add(1)) * time.Second) }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// linkPath is unit's link without its host.
func linkPath(t testing.TB, s *Server, unit string) string {
	t.Helper()
	u, err := s.UnitURL(unit)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(u, s.BaseURL)
}

func officePath(t testing.TB, s *Server) string {
	t.Helper()
	u, err := s.OfficeURL()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(u, s.BaseURL)
}

// get answers a GET of path; asJSON asks for JSON.
func get(s *Server, path string, asJSON bool) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	if asJSON {
		r.Header.Set("Accept", "application/json")
	}
	return do(s, r)
}

// do answers r.
func do(s *Server, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	return w
}

// post answers a POST of path with no body, from the server's own page.
func post(s *Server, path string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, path, nil)
	r.Header.Set("Origin", "http://"+r.Host)
	return do(s, r)
}

// uploadRequest is the form's POST of a file named name to path.
func uploadRequest(t testing.TB, path, name string, data []byte) *http.Request {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	r := httptest.NewRequest(http.MethodPost, path, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return r
}

// upload sends data as unit's upload through unit's link and returns the
// answer and, asked for JSON, its result.
func upload(t testing.TB, s *Server, unit, name string, data []byte, asJSON bool) (*httptest.ResponseRecorder, *uploadResult) {
	t.Helper()
	r := uploadRequest(t, linkPath(t, s, unit), name, data)
	if asJSON {
		r.Header.Set("Accept", "application/json")
	}
	w := do(s, r)
	if !asJSON {
		return w, nil
	}
	var res uploadResult
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatalf("upload answer %d is no JSON: %v\n%s", w.Code, err, w.Body)
	}
	return w, &res
}

// demoReturn is unit's return in the demo's 报送/.
func demoReturn(t testing.TB, s *Server, unit string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(s.WS.ReturnsDir(s.Period), s.Period.String()+"_"+unit+"_填报表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// filledForm is unit's issued workbook filled in as a clerk would, its
// progress column saying note.
func filledForm(t testing.TB, s *Server, unit, note string) []byte {
	t.Helper()
	data, err := os.ReadFile(s.formPath(unit))
	if err != nil {
		t.Fatal(err)
	}
	f := testkit.OpenBytes(t, data)
	n := 0
	for _, a := range s.tasks().units {
		if a.Unit == unit {
			n = len(a.Items)
		}
	}
	formtest.FillIn(t, f, n)
	formtest.SetCell(t, f, formtest.Cell(fillin.ColProgress, fillin.RowFirst), note)
	return testkit.SaveBytes(t, f)
}

// stored are the names of the served returns in the period's 报送/.
func stored(t testing.TB, s *Server) []string {
	t.Helper()
	var out []string
	for _, e := range testkit.ReadDir(t, s.WS.ReturnsDir(s.Period)) {
		if strings.Contains(e.Name(), "_收到") {
			out = append(out, e.Name())
		}
	}
	return out
}

// noTemps fails on a temporary file or folder left in the workspace.
func noTemps(t testing.TB, s *Server) {
	t.Helper()
	filepath.WalkDir(s.WS.Root, func(p string, d os.DirEntry, err error) error {
		if err == nil && (strings.HasSuffix(d.Name(), ".tmp") || strings.HasPrefix(d.Name(), ".taizhang-")) {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// auditLines are the audit log's entries.
func auditLines(t testing.TB, s *Server) []auditEntry {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(s.WS.Root, AuditName))
	if err != nil {
		return nil
	}
	var out []auditEntry
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var e auditEntry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("audit line %q: %v", line, err)
		}
		out = append(out, e)
	}
	return out
}

// mustContain fails unless body holds every one of want.
func mustContain(t testing.TB, what string, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, excerpt(body))
		}
	}
}

func excerpt(s string) string {
	if len(s) > 3000 {
		return s[:3000] + fmt.Sprintf("…(%d bytes)", len(s))
	}
	return s
}
