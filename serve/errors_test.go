package serve

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// jsonError is the JSON answer of a request that was not served.
func jsonError(t *testing.T, what string, w interface {
	Header() http.Header
}, body []byte) map[string]string {
	t.Helper()
	var m map[string]string
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") || json.Unmarshal(body, &m) != nil || m["error"] == "" {
		t.Errorf("%s: %s %q; want a JSON error", what, ct, body)
	}
	return m
}

// Asked for JSON, every refusal answers JSON, in Chinese.
func TestErrorsAsJSON(t *testing.T) {
	s := testServer(t)
	w := get(s, "/u/0123456789abcdef0123456789abcdef", true)
	jsonError(t, "wrong token", w, w.Body.Bytes())
	r := uploadRequest(t, linkPath(t, s, reported), "x.xlsx", demoReturn(t, s, reported))
	r.Header.Set("Origin", "http://evil.example")
	r.Header.Set("Accept", "application/json")
	w = do(s, r)
	if w.Code != http.StatusForbidden {
		t.Errorf("foreign Origin: %d; want 403", w.Code)
	}
	jsonError(t, "foreign Origin", w, w.Body.Bytes())
}

// english finds a word of English: a system's message leaking into a page.
var english = regexp.MustCompile(`\b(open|permission|denied|directory|file|not|no such|is a)\b`)

// An upload that cannot be stored is answered, in Chinese and as JSON when
// asked, and logged; nothing of the system's own message reaches the unit.
func TestStoreFailureAnswered(t *testing.T) {
	s := testServer(t)
	data := demoReturn(t, s, reported)
	dir := s.WS.ReturnsDir(s.Period)
	os.RemoveAll(dir)
	os.WriteFile(dir, []byte("not a folder"), 0o644)
	w, _ := upload(t, s, reported, "a.xlsx", data, false)
	if w.Code != http.StatusInternalServerError || english.MatchString(w.Body.String()) {
		t.Errorf("store failure: %d\n%s", w.Code, excerpt(w.Body.String()))
	}
	mustContain(t, "store failure page", w.Body.String(), "保存失败", "未计入")
	r := uploadRequest(t, linkPath(t, s, reported), "a.xlsx", data)
	r.Header.Set("Accept", "application/json")
	w = do(s, r)
	if m := jsonError(t, "store failure", w, w.Body.Bytes()); english.MatchString(m["message"]) {
		t.Errorf("store failure JSON %q", m)
	}
	log := auditLines(t, s)
	if len(log) != 2 || !strings.HasPrefix(log[0].Result, "保存失败") {
		t.Errorf("audit %+v; want the two failures", log)
	}
}

// A merge that fails shows the office the problem without the workspace's
// own path, and a failure of the system's only in Chinese; the audit log
// keeps the whole error.
func TestMergeFailureInChinese(t *testing.T) {
	s := testServer(t)
	ledger := s.WS.LedgerPath(s.Period)
	os.Remove(ledger)
	os.MkdirAll(ledger+"/x", 0o755)
	w := post(s, officePath(t, s)+"/merge")
	notice := noticeOf(w.Body.String())
	if strings.Contains(notice, s.WS.Root) || !strings.Contains(notice, "失败：2024年第四季度") {
		t.Errorf("merge failure notice %q; want the problem, the workspace's path left out", notice)
	}
	log := auditLines(t, s)
	if len(log) != 1 || !strings.Contains(log[0].Result, s.WS.Root) {
		t.Errorf("audit %+v; want the failed merge in full", log)
	}
	internal := s.userText(errors.New("open /ws/.taizhang/merge.lock: permission denied"))
	if english.MatchString(internal) || !strings.Contains(internal, AuditName) {
		t.Errorf("an internal failure shows %q; want Chinese pointing to the audit log", internal)
	}
}

// Behind an HTTPS proxy that passes its own Host on, a unit's page posts
// with the links' Origin: taken.
func TestProxyOriginTaken(t *testing.T) {
	s := testServer(t)
	s.BaseURL = "https://taizhang.example.cn"
	r := uploadRequest(t, linkPath(t, s, reported), "x.xlsx", demoReturn(t, s, reported))
	r.Host = "127.0.0.1:8080"
	r.Header.Set("Origin", s.BaseURL)
	if w := do(s, r); w.Code != http.StatusOK {
		t.Errorf("the links' Origin behind a proxy: %d; want 200", w.Code)
	}
}

// The bulletin button before any merge says to press the merge button, not
// to run a command the office page stands in for.
func TestBulletinWithoutLedger(t *testing.T) {
	s := testServer(t)
	os.Remove(s.WS.LedgerPath(s.Period))
	os.Remove(s.WS.ReportPath(s.Period))
	w := post(s, officePath(t, s)+"/bulletin")
	notice := noticeOf(w.Body.String())
	mustContain(t, "bulletin notice", notice, "还没有总台账", "立即汇总")
	if strings.Contains(notice, "taizhang merge") {
		t.Errorf("the notice says to run taizhang merge: %s", notice)
	}
	if _, err := os.Stat(s.WS.ReportPath(s.Period)); err == nil {
		t.Errorf("a report was written without a ledger")
	}
}

// noticeOf is the office page's notice of what its last action did.
func noticeOf(body string) string {
	m := regexp.MustCompile(`(?s)<p class="notice[^>]*>(.*?)</p>`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

// A period served without a due date: no count of days anywhere.
func TestNoDueDate(t *testing.T) {
	s := testServer(t)
	s.Due = time.Time{}
	unit := get(s, linkPath(t, s, missing), true).Body.String()
	if strings.Contains(unit, "days_left") || !strings.Contains(unit, `"due": ""`) || !strings.Contains(unit, `"uploads": []`) {
		t.Errorf("unit JSON without a due date:\n%s", unit)
	}
	office := get(s, officePath(t, s), false).Body.String()
	mustContain(t, "office page", office, "本期未设定截止日期", "截止日期：未设定")
	// The zero time printed in either form; a bare "0001" would match a
	// random link token.
	if strings.Contains(office, "已过") || strings.Contains(office, "0001年") || strings.Contains(office, "0001-01-01") {
		t.Errorf("office page counts days to no due date:\n%s", excerpt(office))
	}
}

// A path with .. or // in it is not redirected (with the mux's page in
// English) but not found, as any other path no link has; so are encoded
// separators and Windows paths.
func TestUncleanPathNotFound(t *testing.T) {
	s := testServer(t)
	link := linkPath(t, s, reported)
	office := officePath(t, s)
	for _, p := range []string{link + "/../../style.css", link + "/./填报表.xlsx", "/u//" + link[3:], link + "/",
		link + `/..%5c..%5ctaizhang.yaml`, office + `/..%5C..%5Ctaizhang.yaml`, office + "/C:%5Cwindows%5Cwin.ini", link + "/%2e%2e%2f填报表.xlsx"} {
		if w := get(s, p, false); w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "找不到该页面") {
			t.Errorf("GET %s: %d %q; want the 404 page", p, w.Code, w.Body.String())
		}
	}
}

// A download asked for a range past its end gets the whole file, not an
// answer in English.
func TestDownloadIgnoresRange(t *testing.T) {
	s := testServer(t)
	r := httptest.NewRequest(http.MethodGet, linkPath(t, s, reported)+"/填报表.xlsx", nil)
	r.Header.Set("Range", "bytes=99999999-")
	if w := do(s, r); w.Code != http.StatusOK || english.MatchString(w.Body.String()[:min(200, w.Body.Len())]) {
		t.Errorf("download with a range past the end: %d %.80q", w.Code, w.Body.String())
	}
}
