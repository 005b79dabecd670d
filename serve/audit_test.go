package serve

import (
	"path/filepath"
	"strings"
	"testing"
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
