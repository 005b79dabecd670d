package policy

import (
	"strings"
	"testing"
)

// TestUnitEndedKeepsExtraCells: a row of a table without numbers that
// ends at its units and has more cells than the columns before them keeps
// every cell, the extra ones in its first column, none dropped.
func TestUnitEndedKeepsExtraCells(t *testing.T) {
	d := parseText(t, "工作任务\n\n具体要求\n\n责任单位\n\n加强政策解读\n\n严格落实同步审签制度\n\n市司法局\n\n做好依申请公开\n\n规范答复格式\n\n统一文书\n\n市政府办\n")
	if len(d.Tasks) != 2 {
		t.Fatalf("%d tasks; want 2", len(d.Tasks))
	}
	tk := d.Tasks[1]
	all := tk.Title + " " + tk.Text
	for _, w := range []string{"做好依申请公开", "规范答复格式", "统一文书"} {
		if !strings.Contains(all, w) {
			t.Errorf("task %v (title %q, text %q) lost %q", tk.Path, tk.Title, tk.Text, w)
		}
	}
	if strings.Join(tk.Lead, "、") != "市政府办" {
		t.Errorf("lead %q; want 市政府办", tk.Lead)
	}
}
