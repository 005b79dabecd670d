package policy

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/xuri/excelize/v2"
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

// noteSheet is a task table with a note under it, merged across the
// table (注：标△的为牵头单位), above which the last row shares the cells
// merged down from the row above but its text.
var noteSheet = testkit.Sheet{
	Name: "清单",
	Rows: [][]any{
		{"重点任务清单"},
		{"序号", "工作任务", "责任单位", "完成时限"},
		{1, "建设项目A", "市发改委、市财政局△", "2024年底"},
		{2, "建设项目B", "市住建局△、市财政局", "2025年6月底"},
		{nil, "建设项目B配套道路"},
		{"注：标△的为牵头单位。"},
	},
	Merged: []string{"A1:D1", "A4:A5", "C4:C5", "D4:D5", "A6:D6"},
}

// A task table issued as a workbook is parsed as the same table in a Word
// document is; a note under the table is the document's, not a row.
func TestParseWorkbook(t *testing.T) {
	dir := t.TempDir()
	paths := []string{
		testkit.SaveFile(t, dir, "分解表.xlsx", testkit.Workbook(t, nil, taskTableSheets...)),
		testkit.SaveFile(t, dir, "清单.xlsx", testkit.Workbook(t, nil, noteSheet)),
	}
	set, err := ParseFiles(paths, loadConfig(t, ""))
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
		"1 | 市财政局 | 市发改委 | 2024-12-31",
		"2 | 市住建局 | 市财政局 | 2025-06-30",
		"2 | 市住建局 | 市财政局 | 2025-06-30",
	}
	got := append(taskLines(d), taskLines(set.Documents[1])...)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tasks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if notes := strings.Join(set.Documents[1].Notes, " "); !strings.Contains(notes, "标△的为牵头单位") {
		t.Errorf("notes %q", notes)
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

// TestWorkbookLayouts reads testdata/workbooks.txt: cases written as
// layouts.txt's, whose excerpt is a workbook's sheet (see layoutSheets),
// saved and parsed as a user's .xlsx is.
func TestWorkbookLayouts(t *testing.T) {
	for _, tt := range readLayoutCases(t, "testdata/workbooks.txt") {
		t.Run(tt.name, func(t *testing.T) {
			path := testkit.SaveFile(t, t.TempDir(), "分解表.xlsx", testkit.Workbook(t, nil, layoutSheets(tt.text)...))
			set, err := ParseFiles([]string{path}, loadConfig(t, ""))
			if err != nil {
				t.Fatal(err)
			}
			checkLayoutCase(t, tt, set.Documents[0])
		})
	}
}

// layoutSheets reads a case's sheets: a line "sheet: name" starts one (the
// first may go without), each other line is a row whose cells are cut at
// | and trimmed (an empty cell left empty, \n a line break inside a cell, a
// number a number cell, @2024-06-30 a date cell, @2024-06-01 57 or
// @2024-06-01 yyyy"年"m"月" one with that built-in or custom number
// format), and a line "merge: A1:E1 A4:A6" merges the ranges it lists.
func layoutSheets(text string) []testkit.Sheet {
	sheets := []testkit.Sheet{{Name: "Sheet1"}}
	for _, l := range strings.Split(text, "\n") {
		sh := &sheets[len(sheets)-1]
		switch {
		case strings.HasPrefix(l, "sheet: "):
			name := strings.TrimPrefix(l, "sheet: ")
			if len(sh.Rows) == 0 {
				sh.Name = name
			} else {
				sheets = append(sheets, testkit.Sheet{Name: name})
			}
		case strings.HasPrefix(l, "merge: "):
			sh.Merged = append(sh.Merged, strings.Fields(strings.TrimPrefix(l, "merge: "))...)
		default:
			sh.Rows = append(sh.Rows, layoutRow(sh, l))
		}
	}
	return sheets
}

// layoutRow is a row of layoutSheets; its date cells are formatted in sh.
func layoutRow(sh *testkit.Sheet, l string) []any {
	var row []any
	for j, c := range strings.Split(l, "|") {
		c = strings.ReplaceAll(strings.TrimSpace(c), `\n`, "\n")
		day, format, _ := strings.Cut(strings.TrimPrefix(c, "@"), " ")
		if n, err := strconv.Atoi(c); err == nil {
			row = append(row, n)
		} else if d, err := time.Parse("2006-01-02", day); err == nil && strings.HasPrefix(c, "@") {
			cell, _ := excelize.CoordinatesToCellName(j+1, len(sh.Rows)+1)
			formatDateCell(sh, cell, format)
			row = append(row, d)
		} else if c == "" {
			row = append(row, nil)
		} else {
			row = append(row, c)
		}
	}
	return row
}

// formatDateCell gives a date cell of sh the format written after its
// date in a layout case: a built-in id, a custom code, else a date format.
func formatDateCell(sh *testkit.Sheet, cell, format string) {
	if format == "" {
		sh.Dates = append(sh.Dates, cell)
		return
	}
	if sh.Formats == nil {
		sh.Formats = map[string]testkit.NumFmt{}
	}
	if id, err := strconv.Atoi(format); err == nil {
		sh.Formats[cell] = testkit.NumFmt{ID: id}
	} else {
		sh.Formats[cell] = testkit.NumFmt{Code: format}
	}
}
