package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIssued(t *testing.T) {
	root, out := t.TempDir(), t.TempDir()
	if got := Issued(root, out); len(got) != 0 {
		t.Errorf("Issued(fresh) = %v", got)
	}
	for _, f := range []string{
		"2024年第四季度/填报表/2024年第四季度_市科技局_填报表.xlsx",
		"2024-Q3/报送/科技局.xls",
		"2024年第二季度/总台账.xlsx",
		"2024年第四季度/报送/~$科技局.xlsx", // a lock file
		"政策文件/附表.xlsx",            // not a period's folder
	} {
		p := filepath.Join(root, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	os.WriteFile(filepath.Join(out, "2024年第四季度_市发改委_填报表.xlsx"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(out, "说明.xlsx"), []byte("x"), 0o644)
	got := strings.Join(Issued(root, out), "\n")
	for _, want := range []string{"市科技局_填报表.xlsx", "科技局.xls", "2024年第二季度/总台账.xlsx", "市发改委_填报表.xlsx"} {
		if !strings.Contains(got, want) {
			t.Errorf("Issued lacks %s:\n%s", want, got)
		}
	}
	for _, not := range []string{"~$", "附表", "说明"} {
		if strings.Contains(got, not) {
			t.Errorf("Issued has %s:\n%s", not, got)
		}
	}
	err := LostKeyError(root, Issued(root, out), "05c78db6")
	if !strings.Contains(err.Error(), KeyPath(root)) || !strings.Contains(err.Error(), "05c78db6") || !strings.Contains(err.Error(), "等 4 个文件") {
		t.Errorf("LostKeyError = %v", err)
	}
}
