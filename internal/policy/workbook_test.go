package policy

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// taskTableSheets are a task table issued as a workbook: a merged title
// row under 附件2, a 类别 column merged down its group, a 序号 and a
// 牵头单位 merged down two rows, a date-formatted 完成时限, units on two
// lines of one cell (Alt+Enter), a second sheet numbered from 1 again and
// a hidden sheet that is not read.
var taskTableSheets = []testkit.Sheet{
	{
		Name: "重点任务",
		Rows: [][]any{
			{"附件2"},
			{"2024年优化营商环境重点任务分解表"},
			{"类别", "序号", "重点任务", "牵头单位", "配合单位", "完成时限"},
			{"政务服务", 1, "推行“一网通办”，提升网上办理率", "市政务服务局", "市大数据局", 45473},
			{nil, nil, "推进“一件事一次办”改革", nil, "市公安局\n市人社局", "2024年底前"},
			{nil, 2, "优化企业开办流程", "市市场监管局", "市税务局", "2024年9月底前"},
		},
		Merged: []string{"A2:F2", "A4:A6", "B4:B5", "D4:D5"},
		Dates:  []string{"F4"},
	},
	{
		Name: "重点项目",
		Rows: [][]any{{"序号", "工作任务", "责任单位", "完成时间"}, {1, "建成城市更新项目", "市住建局", 45657}},
	},
	{
		Name:   "说明",
		Rows:   [][]any{{"序号", "工作任务", "责任单位"}, {1, "隐藏工作表中的任务", "市审计局"}},
		Hidden: true,
	},
}

// A task table issued as a workbook is parsed as the same table in a Word
// document is.
func TestParseWorkbook(t *testing.T) {
	path := testkit.SaveFile(t, t.TempDir(), "分解表.xlsx", testkit.Workbook(t, nil, taskTableSheets...))
	set, err := ParseFiles([]string{path}, loadConfig(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	d := set.Documents[0]
	if d.Title != "2024年优化营商环境重点任务分解表" {
		t.Errorf("title %q", d.Title)
	}
	want := []string{
		"1 | 市政务服务局 | 市大数据局 | 2024-06-30",
		"1 | 市政务服务局 | 市公安局、市人社局 | 2024-12-31",
		"2 | 市市场监管局 | 市税务局 | 2024-09-30",
		"附件2.1 | 市住建局 |  | 2024-12-31",
	}
	if got := taskLines(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tasks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// taskLines are the tasks as path | lead | co | deadline date.
func taskLines(d *task.Document) []string {
	var out []string
	for _, tk := range d.Tasks {
		date := ""
		if tk.Deadline != nil {
			date = tk.Deadline.Date
		}
		out = append(out, fmt.Sprintf("%s | %s | %s | %s", strings.Join(tk.Path, "."), strings.Join(tk.Lead, "、"), strings.Join(tk.Co, "、"), date))
	}
	return out
}

// A task list taizhang wrote is not parsed again: the message says what to
// do with it.
func TestParseOwnTaskList(t *testing.T) {
	dir := t.TempDir()
	src := testkit.SaveFile(t, dir, "分解表.xlsx", testkit.Workbook(t, nil, taskTableSheets[1]))
	set, err := ParseFiles([]string{src}, loadConfig(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	list := dir + "/任务分解表.xlsx"
	if _, err := tasklist.Save(list, set, src); err != nil {
		t.Fatal(err)
	}
	_, err = ParseFiles([]string{list}, loadConfig(t, ""))
	var ie *docread.InputError
	if !errors.As(err, &ie) || ie.File != list || !strings.Contains(ie.Msg, "不需要再分解") || !strings.Contains(ie.Msg, "taizhang templates") {
		t.Errorf("parse of a task list: %v", err)
	}
}
