package serve

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/report/round"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

func TestUnitPage(t *testing.T) {
	s := testServer(t)
	link := linkPath(t, s, reported)
	w := get(s, link, false)
	if w.Code != http.StatusOK {
		t.Fatalf("unit page: %d", w.Code)
	}
	mustContain(t, "unit page", w.Body.String(), reported, "2024年第四季度", "2025年1月5日", "还有 1 天",
		`href="`+link+`/`, `name="file"`, `enctype="multipart/form-data"`, `name="viewport"`)
	for _, h := range []string{"X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy", "Cache-Control"} {
		if w.Header().Get(h) == "" {
			t.Errorf("unit page lacks header %s", h)
		}
	}
	if strings.Contains(w.Body.String(), other) {
		t.Errorf("unit page names another unit")
	}
	j := get(s, link, true)
	mustContain(t, "unit JSON", j.Body.String(), `"unit": "`+reported+`"`, `"period": "2024-Q4"`, `"due": "2025-01-05"`, `"days_left": 1`)
}

func TestUnitDownload(t *testing.T) {
	s := testServer(t)
	link := linkPath(t, s, reported)
	w := get(s, link+"/填报表.xlsx", false)
	want, _ := os.ReadFile(s.formPath(reported))
	if w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), want) {
		t.Fatalf("download: %d, %d bytes; want the issued workbook's %d", w.Code, w.Body.Len(), len(want))
	}
	mustContain(t, "Content-Disposition", w.Header().Get("Content-Disposition"), "attachment")
	if w := get(s, link+"/..%2f..%2ftaizhang.yaml", false); w.Code != http.StatusNotFound {
		t.Errorf("another file through the link: %d; want 404", w.Code)
	}
}

func TestGoodUpload(t *testing.T) {
	s := testServer(t)
	data := demoReturn(t, s, reported)
	w, res := upload(t, s, reported, "我们的报送.xlsx", data, true)
	if w.Code != http.StatusOK || !res.Usable || res.StoredAs == "" {
		t.Fatalf("good upload: %d %+v", w.Code, res)
	}
	if _, err := os.Stat(filepath.Join(s.WS.Root, res.StoredAs)); err != nil {
		t.Errorf("not stored: %v", err)
	}
	if want := "2024年第四季度/报送/市科技局_收到20250104-100002.xlsx"; res.StoredAs != filepath.FromSlash(want) {
		t.Errorf("stored as %s; want %s", res.StoredAs, want)
	}
	log := auditLines(t, s)
	if len(log) != 1 || log[0].Action != actUpload || log[0].SHA256 != res.SHA256 || log[0].File != res.StoredAs || log[0].Unit != reported {
		t.Errorf("audit %+v; want one upload line of %s", log, res.StoredAs)
	}
	html, _ := upload(t, s, reported, "我们的报送.xlsx", data, false)
	mustContain(t, "answer page", html.Body.String(), "已收到，可以使用", "回执", "我们的报送.xlsx", res.SHA256[:12], "2025年1月4日 10:00", "本期已上传")
	if n := len(stored(t, s)); n != 2 {
		t.Errorf("%d files stored; want 2, never one over the other", n)
	}
	noTemps(t, s)
}

// badReturn is reported's return with a task's content changed: an error
// in a cell.
func badReturn(t testing.TB, s *Server) []byte {
	f := testkit.OpenBytes(t, demoReturn(t, s, reported))
	formtest.SetCell(t, f, formtest.Cell(fillin.ColContent, fillin.RowFirst), "改过的任务内容")
	return testkit.SaveBytes(t, f)
}

func TestUnusableUpload(t *testing.T) {
	s := testServer(t)
	w, res := upload(t, s, reported, "改过.xlsx", badReturn(t, s), true)
	if w.Code != http.StatusOK || res.Usable || res.StoredAs == "" {
		t.Fatalf("unusable upload: %d %+v; want stored, not usable", w.Code, res)
	}
	found := false
	for _, f := range res.Findings {
		found = found || f.Level == fillin.LevelError && f.Sheet == fillin.SheetForm && f.Cell == "B5"
	}
	if !found {
		t.Errorf("findings %+v; want an error in 填报表 B5", res.Findings)
	}
	html, _ := upload(t, s, reported, "改过.xlsx", badReturn(t, s), false)
	mustContain(t, "answer page", html.Body.String(), "不能使用", "工作表“填报表”第 5 行 B 列")
}

func TestWrongTokens(t *testing.T) {
	s := testServer(t)
	made := get(s, "/u/0123456789abcdef0123456789abcdef", false)
	q3 := get(s, "/u/"+unitToken(s.key, "2024-Q3", reported, 0), false)
	if made.Code != http.StatusNotFound || q3.Code != http.StatusNotFound || made.Body.String() != q3.Body.String() {
		t.Errorf("made-up token %d, other period's %d; want the same 404 page", made.Code, q3.Code)
	}
	if w, _ := upload(t, s, reported, "x.xlsx", []byte("x"), false); w.Code != http.StatusOK && w.Code != http.StatusUnprocessableEntity {
		t.Errorf("the right link refused with %d", w.Code)
	}
	r := uploadRequest(t, "/u/"+unitToken(s.key, "2024-Q3", reported, 0), "x.xlsx", demoReturn(t, s, reported))
	rec := do(s, r)
	if rec.Code != http.StatusNotFound || len(stored(t, s)) != 0 {
		t.Errorf("upload through another period's token: %d, %d stored", rec.Code, len(stored(t, s)))
	}
}

func TestOversizedUpload(t *testing.T) {
	s := testServer(t)
	big := append([]byte("PK\x03\x04"), make([]byte, MaxUpload)...)
	w, _ := upload(t, s, reported, "大.xlsx", big, false)
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("oversized: %d; want 413", w.Code)
	}
	mustContain(t, "413 page", w.Body.String(), "超过 20 MB")
	if len(stored(t, s)) != 0 {
		t.Error("an oversized upload was stored")
	}
	noTemps(t, s)
}

func TestNonWorkbookRefused(t *testing.T) {
	s := testServer(t)
	w, res := upload(t, s, reported, "报送.xlsx", []byte("这是一份文本，不是表格"), true)
	if w.Code != http.StatusUnprocessableEntity || res.StoredAs != "" || !strings.Contains(res.Refused, "不是 Excel 或 WPS 表格文件") {
		t.Fatalf("text as .xlsx: %d %+v; want refused", w.Code, res)
	}
	if len(stored(t, s)) != 0 {
		t.Error("a non-workbook was stored")
	}
	if log := auditLines(t, s); len(log) != 1 || log[0].Action != actRefused {
		t.Errorf("audit %+v; want one refusal", log)
	}
}

func TestAnotherUnitsWorkbookRefused(t *testing.T) {
	s := testServer(t)
	before := statusOf(t, s)
	w, res := upload(t, s, reported, "发改委的.xlsx", demoReturn(t, s, other), true)
	if w.Code != http.StatusUnprocessableEntity || res.StoredAs != "" || !strings.Contains(res.Refused, "“"+other+"”的填报表") {
		t.Fatalf("another unit's workbook: %d %+v; want refused naming %s", w.Code, res, other)
	}
	if len(stored(t, s)) != 0 {
		t.Error("another unit's workbook was stored")
	}
	after := statusOf(t, s)
	if after.ReturnFiles != before.ReturnFiles || after.Count(round.StateOnTime) != before.Count(round.StateOnTime) {
		t.Errorf("status changed: %d files → %d", before.ReturnFiles, after.ReturnFiles)
	}
}

func TestForeignOriginRefused(t *testing.T) {
	s := testServer(t)
	r := uploadRequest(t, linkPath(t, s, reported), "x.xlsx", demoReturn(t, s, reported))
	r.Header.Set("Origin", "http://evil.example")
	if w := do(s, r); w.Code != http.StatusForbidden {
		t.Errorf("foreign Origin: %d; want 403", w.Code)
	}
	r = uploadRequest(t, linkPath(t, s, reported), "x.xlsx", demoReturn(t, s, reported))
	r.Header.Set("Origin", "null")
	if w := do(s, r); w.Code != http.StatusForbidden {
		t.Errorf("Origin null: %d; want 403", w.Code)
	}
	if len(stored(t, s)) != 0 {
		t.Error("stored despite a foreign Origin")
	}
}

func TestRevokedLink(t *testing.T) {
	s := testServer(t)
	old := linkPath(t, s, reported)
	if _, err := s.WriteLinks(); err != nil {
		t.Fatal(err)
	}
	fresh, err := s.Revoke(reported)
	if err != nil {
		t.Fatal(err)
	}
	if w := get(s, old, false); w.Code != http.StatusNotFound {
		t.Errorf("revoked link: %d; want 404", w.Code)
	}
	if w := get(s, strings.TrimPrefix(fresh, s.BaseURL), false); w.Code != http.StatusOK {
		t.Errorf("new link: %d; want 200", w.Code)
	}
	grid := testkit.Grid(t, testkit.Open(t, filepath.Join(s.WS.PeriodDir(s.Period), LinksName)), linksSheet)
	if !strings.Contains(strings.Join(flat(grid), "|"), fresh) {
		t.Errorf("报送链接.xlsx lacks the new link %s", fresh)
	}
	if _, err := s.Revoke("没有这个单位"); err == nil {
		t.Error("revoking an unknown unit did not fail")
	}
}

func flat(grid [][]string) []string {
	var out []string
	for _, row := range grid {
		out = append(out, row...)
	}
	return out
}

func statusOf(t testing.TB, s *Server) *round.Status {
	t.Helper()
	st, err := round.ReadStatus(s.WS, s.Period, s.Due, s.Now())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// A zip bomb named as a workbook is refused by check's own limits and not
// kept.
func TestZipBombRefused(t *testing.T) {
	s := testServer(t)
	bomb := testkit.Zip(t, map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"xl/workbook.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="` + fillin.SheetMeta + `" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": strings.Repeat(" ", 80<<20),
	})
	w, res := upload(t, s, reported, "炸弹.xlsx", bomb, true)
	if w.Code != http.StatusUnprocessableEntity || res.StoredAs != "" || len(bomb) > 1<<20 {
		t.Fatalf("zip bomb (%d bytes): %d %+v; want refused", len(bomb), w.Code, res)
	}
	mustContain(t, "the refusal", res.Refused, "解压后超过")
	if len(stored(t, s)) != 0 {
		t.Error("a zip bomb was stored")
	}
}
