package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// partialDatesTable is a task table whose deadlines are date cells
// formatted to show a month (custom, built-in 57 and 17), a year, or the
// whole date.
const partialDatesTable = `序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限
1 | 建设区域医疗中心 | 市卫健委 | 市发改委 | @2024-06-01 yyyy"年"m"月"
2 | 新建改扩建中小学校 | 市教育局 | 市财政局 | @2024-11-01 57
3 | 推进医保支付方式改革 | 市卫健委 | 市医保局 | @2025-02-01 17
4 | 建设高标准农田 | 市农业农村局 | 市财政局 | @2025-01-01 yyyy"年"
5 | 开展消费品以旧换新 | 市商务局 | 市市场监管局 | @2024-06-15 yyyy"年"m"月"d"日"`

// A task table saved by a Chinese LibreOffice as .ods or .xls (as WPS and
// Excel 2003 users send it) gives, converted back, the deadlines the .xlsx
// gives: its month-only and year-only date cells read as what they show.
func TestParseConvertedPartialDates(t *testing.T) {
	testkit.RealClient(t)
	dir := t.TempDir()
	// A Latin name: the Chinese locale asked for below may not be
	// installed, and LibreOffice then cannot take a Chinese file name.
	src := testkit.SaveFile(t, dir, "tasks.xlsx", testkit.Workbook(t, nil, layoutSheets(partialDatesTable)...))
	want := deadlineLines(t, src)
	if w := strings.Join(want, "\n"); !strings.Contains(w, "2024年6月 2024-06-30") || !strings.Contains(w, "2025年 2025-12-31") {
		t.Fatalf("the .xlsx gives the deadlines\n%s", w)
	}
	for _, to := range []string{"ods", "xls"} {
		out := filepath.Join(dir, to)
		// A Chinese LibreOffice, which reads the built-in format 57 as a
		// Chinese Excel writes it, yyyy"年"m"月".
		testkit.SofficeConvert(t, src, to, out, "LC_ALL=zh_CN.UTF-8", "LANG=zh_CN.UTF-8")
		got := deadlineLines(t, filepath.Join(out, "tasks."+to))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf(".%s gives the deadlines\n%s\nwant, as the .xlsx gives them,\n%s", to, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// deadlineLines are the deadlines, written and due, of the tasks of the
// table in the file at path, parsed as a user's file is.
func deadlineLines(t *testing.T, path string) []string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	set, err := ParseFiles([]string{path}, loadConfig(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, tk := range set.Documents[0].Tasks {
		if tk.Deadline != nil {
			lines = append(lines, strings.Join(tk.Path, ".")+" "+tk.Deadline.Text+" "+tk.Deadline.Date)
		}
	}
	return lines
}
