package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// A unit's page lists its uploads of this period only: the audit log is
// the workspace's, and the unit's uploads of the third quarter are in it.
func TestEarlierUploadsOfThisPeriod(t *testing.T) {
	s := testServer(t)
	q3 := filepath.Join("2024年第三季度", "报送", reported+"_收到20241004-090000.xlsx")
	if err := s.audit.add(s.Now(), auditEntry{Unit: reported, Action: actUpload, File: q3, SHA256: "0123456789abcdef", Result: resultUsable}); err != nil {
		t.Fatal(err)
	}
	_, res := upload(t, s, reported, "本期.xlsx", demoReturn(t, s, reported), true)
	body := get(s, linkPath(t, s, reported), false).Body.String()
	mustContain(t, "unit page", body, "本期已上传", res.Stored())
	if strings.Contains(body, filepath.Base(q3)) {
		t.Errorf("the unit page lists an upload of another period, %s", q3)
	}
}

// The unit page reads the audit log once, then only the lines added since
// (a line not yet whole once it is), and reads a log put in its place anew.
func TestUploadIndexReadsNewLinesOnly(t *testing.T) {
	s := testServer(t)
	for i := range 300 {
		s.audit.add(s.Now(), auditEntry{Unit: other, Action: actUpload, File: fmt.Sprint("x/", i, ".xlsx"), Result: resultUsable})
	}
	dir := workspace.Rel(s.WS.Root, s.WS.ReturnsDir(s.Period))
	listed := func(want int) {
		t.Helper()
		if got := s.audit.uploads(reported, dir); len(got) != want {
			t.Errorf("%d uploads listed; want %d", len(got), want)
		}
		if lines := len(auditLines(t, s)); s.audit.index.lines != lines {
			t.Errorf("%d lines parsed for a log of %d: a line read twice or missed", s.audit.index.lines, lines)
		}
	}
	listed(0)
	upload(t, s, reported, "a.xlsx", demoReturn(t, s, reported), true)
	listed(1)
	line, _ := json.Marshal(auditEntry{Unit: reported, Action: actUpload, File: filepath.Join(dir, "b.xlsx")})
	log := filepath.Join(s.WS.Root, AuditName)
	appendTo(t, log, line[:10])
	if got := s.audit.uploads(reported, dir); len(got) != 1 {
		t.Errorf("half a line: %d uploads listed; want 1", len(got))
	}
	appendTo(t, log, append(line[10:], '\n'))
	listed(2)
	if err := os.WriteFile(log+".new", append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(log+".new", log); err != nil {
		t.Fatal(err)
	}
	listed(1)
}

// appendTo appends data to the file at path.
func appendTo(t *testing.T, path string, data []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
}

// The unit page with a long audit log: a year of uploads of 60 units.
func BenchmarkUnitPageLongLog(b *testing.B) {
	s := testServer(b)
	var log bytes.Buffer
	for i := range 20000 {
		line, _ := json.Marshal(auditEntry{Time: "2024-06-01T10:00:00+08:00", Unit: fmt.Sprint("单位", i%60), Action: actUpload,
			File: fmt.Sprintf("2024年第二季度/报送/单位%d_收到20240601-100000-%d.xlsx", i%60, i), SHA256: strings.Repeat("0", 64), Result: resultUsable, Remote: "192.168.1.5"})
		log.Write(append(line, '\n'))
	}
	if err := os.WriteFile(filepath.Join(s.WS.Root, AuditName), log.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	path := linkPath(b, s, reported)
	for b.Loop() {
		if w := get(s, path, true); w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
