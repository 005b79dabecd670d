package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigSurprisesRefused: an emptied taizhang.yaml, year: 0 and aliases
// that swap two units stop every command with the file and line named,
// rather than moving the work to another year or another unit.
func TestConfigSurprisesRefused(t *testing.T) {
	ws := newWorkspace(t)
	path := filepath.Join(ws, "taizhang.yaml")
	original, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit func(string) string
		want []string
	}{
		{"emptied", func(string) string { return "" }, []string{"第 1 行", "配置文件是空的"}},
		{"year 0", func(s string) string { return strings.Replace(s, "year: 2024", "year: 0", 1) }, []string{"第 ", "考核年度不能为 0"}},
		{"aliases that swap", func(s string) string {
			return strings.Replace(s, "aliases:\n", "aliases:\n  市发改委: 市商务局\n  市商务局: 市发改委\n", 1)
		}, []string{"第 ", "别名形成循环：市发改委 → 市商务局 → 市发改委"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(path, []byte(tt.edit(string(original))), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"status", "--workspace", ws}, {"templates", "--workspace", ws}} {
				code, _, errOut := runCmd(t, args...)
				if code != exitInput || !strings.Contains(errOut, "taizhang.yaml") {
					t.Errorf("%v: exit %d %q; want exit 1 naming taizhang.yaml", args, code, errOut)
				}
				for _, w := range tt.want {
					if !strings.Contains(errOut, w) {
						t.Errorf("%v: %q lacks %q", args, errOut, w)
					}
				}
			}
		})
	}
}
