package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// outputs is a folder with what the commands write: a task list, the
// period's workbooks, a ledger merged from them and its report.
type outputs struct {
	dir, tasks, books, ledger, report string
}

func newOutputs(t *testing.T) outputs {
	t.Helper()
	dir := t.TempDir()
	o := outputs{dir: dir, tasks: filepath.Join(dir, "任务分解表.xlsx"), books: filepath.Join(dir, "填报表"),
		ledger: filepath.Join(dir, "总台账.xlsx"), report: filepath.Join(dir, "报告.pdf")}
	for _, args := range [][]string{
		{"parse", seed000, "-o", o.tasks},
		{"templates", "--tasks", o.tasks, "--period", "2024-Q4", "-o", o.books},
		{"merge", o.books, "--tasks", o.tasks, "--period", "2024-Q4", "-o", o.ledger},
		{"report", "--ledger", o.ledger, "-o", o.report},
	} {
		if code, _, e := runCmd(t, args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, e)
		}
	}
	return o
}

// firstBook is one of the workbooks templates wrote.
func (o outputs) firstBook(t *testing.T) string {
	t.Helper()
	books, _ := filepath.Glob(filepath.Join(o.books, "*.xlsx"))
	if len(books) == 0 {
		t.Fatal("no workbooks")
	}
	return books[0]
}

// backups lists the backups of path.
func backups(path string) []string {
	ext := filepath.Ext(path)
	found, _ := filepath.Glob(strings.TrimSuffix(path, ext) + ".备份-*" + ext)
	return found
}

// Case 1 of issue 11: no command writes over one of its inputs, a file
// of another kind or one taizhang did not write; a file of the same kind
// is backed up first.
func TestOutputRefusals(t *testing.T) {
	o := newOutputs(t)
	notes := filepath.Join(o.dir, "笔记.xlsx")
	if err := os.WriteFile(notes, []byte("办公室的笔记"), 0o644); err != nil {
		t.Fatal(err)
	}
	otherPDF := filepath.Join(o.dir, "文件.pdf")
	if err := os.WriteFile(otherPDF, []byte("%PDF-1.4\n别人的文件\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	book := o.firstBook(t)
	tasksCopy := filepath.Join(o.dir, "任务分解表副本.xlsx")
	if data, err := os.ReadFile(o.tasks); err != nil || os.WriteFile(tasksCopy, data, 0o644) != nil {
		t.Fatal("cannot copy the task list")
	}
	blocker := filepath.Join(o.dir, "一个文件")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Case 9: a ledger the office made read-only is not replaced.
	locked := filepath.Join(o.dir, "已锁定的总台账.xlsx")
	if data, err := os.ReadFile(o.ledger); err != nil || os.WriteFile(locked, data, 0o444) != nil {
		t.Fatal("cannot copy the ledger")
	}
	merge := func(out string, extra ...string) []string {
		return append([]string{"merge", o.books, "--tasks", o.tasks, "--period", "2024-Q4", "-o", out}, extra...)
	}
	tests := []struct {
		args []string
		want string // in the message
	}{
		{[]string{"report", "--ledger", o.ledger, "-o", o.ledger}, "输入文件"},
		{[]string{"report", "--ledger", o.ledger, "-o", o.tasks}, "扩展名应为 .pdf"},
		{[]string{"report", "--ledger", o.ledger, "-o", otherPDF}, "不是 taizhang 生成的文件"},
		{[]string{"parse", seed000, "-o", o.ledger}, "是“总台账”，而要写入的是“任务分解表”"},
		{[]string{"parse", seed000, "-o", notes}, "不是 taizhang 生成的文件"},
		{[]string{"parse", seed000, "-o", book}, "是“填报表（或单位的报送文件）”，而要写入的是“任务分解表”"},
		{[]string{"parse", seed000, "-o", filepath.Join(o.dir, "任务分解表.pdf")}, "扩展名应为 .xlsx"},
		{merge(o.tasks), "输入文件"},
		{merge(tasksCopy), "是“任务分解表”，而要写入的是“总台账”"},
		{merge(book), "输入文件"},
		{merge(o.report), "扩展名应为 .xlsx"},
		{merge(o.ledger, "--previous", o.ledger), "输入文件"},
		{merge(filepath.Join(o.dir, "总台账")), "扩展名应为 .xlsx"},
		{merge(locked), "文件是只读的"},
		// Case 9: a folder that cannot be written in is named, exit 1.
		{[]string{"parse", seed000, "-o", filepath.Join(blocker, "任务分解表.xlsx")}, blocker},
		{merge(filepath.Join(blocker, "总台账.xlsx")), blocker},
		{[]string{"report", "--ledger", o.ledger, "-o", filepath.Join(blocker, "报告.pdf")}, blocker},
		{[]string{"templates", "--tasks", o.tasks, "--period", "2024-Q4", "-o", filepath.Join(blocker, "填报表")}, blocker},
		{[]string{"demo", "-o", filepath.Join(blocker, "out")}, blocker},
	}
	protected := []string{o.tasks, o.ledger, o.report, notes, otherPDF, book, tasksCopy, locked}
	before := map[string][32]byte{}
	for _, p := range protected {
		before[p] = testkit.FileHash(t, p)
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, tt.args...)
		if code != exitInput || !strings.Contains(errOut, tt.want) || !strings.HasPrefix(errOut, "错误：") {
			t.Errorf("%v: exit %d %q; want %d and %q", tt.args[1:], code, errOut, exitInput, tt.want)
		}
	}
	for _, p := range protected {
		if testkit.FileHash(t, p) != before[p] {
			t.Errorf("%s was changed", p)
		}
		if b := backups(p); len(b) > 0 {
			t.Errorf("%s was backed up by a refused run: %v", p, b)
		}
	}

	// Outputs of the same kind: kept as backups, then replaced.
	id, edited := markTaskListEdited(t, o.tasks)
	for _, tt := range []struct {
		args []string
		path string
	}{
		{[]string{"parse", seed000, "-o", o.tasks}, o.tasks},
		{merge(o.ledger), o.ledger},
		{[]string{"report", "--ledger", o.ledger, "-o", o.report}, o.report},
	} {
		code, out, errOut := runCmd(t, tt.args...)
		b := backups(tt.path)
		if code != exitOK || len(b) != 1 || !strings.Contains(out, filepath.Base(b[0])) {
			t.Errorf("%v: exit %d, backups %v: %s%s", tt.args[:1], code, b, out, errOut)
		}
	}
	if b := backups(o.tasks); len(b) == 1 {
		set, err := tasklist.ReadFile(b[0])
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, tk := range set.Documents[0].Tasks {
			found = found || tk.ID == id && tk.Title == edited
		}
		if !found {
			t.Errorf("the backup of the task list lacks the office's edit of %s", id)
		}
	}
}

// markTaskListEdited changes a task's title as the office would and returns the
// task's ID and the new title.
func markTaskListEdited(t *testing.T, path string) (id, title string) {
	t.Helper()
	f := testkit.Open(t, path)
	set, err := tasklist.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	old := ""
	for _, tk := range set.Documents[0].Tasks {
		if tk.Title != "" {
			id, old = tk.ID, tk.Title
			break
		}
	}
	for i, r := range testkit.Rows(t, f, tasklist.SheetTasks) {
		for j, v := range r {
			if v == old && old != "" {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if err := f.SetCellStr(tasklist.SheetTasks, cell, "办公室改过的标题"); err != nil {
					t.Fatal(err)
				}
				if err := f.Save(); err != nil {
					t.Fatal(err)
				}
				return id, "办公室改过的标题"
			}
		}
	}
	t.Fatalf("title %q not found in %s", old, path)
	return "", ""
}

// templates -o into a folder of returns never replaces what a unit typed.
func TestTemplatesKeepFilledReturns(t *testing.T) {
	o := newOutputs(t)
	book := o.firstBook(t)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(fillin.SheetForm, "B3", "张三"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := testkit.FileHash(t, book)
	code, _, errOut := runCmd(t, "templates", "--tasks", o.tasks, "--period", "2024-Q4", "-o", o.books)
	if code != exitInput || !strings.Contains(errOut, book) || !strings.Contains(errOut, "已有单位填写的内容") {
		t.Errorf("templates over a filled return: exit %d: %s", code, errOut)
	}
	if testkit.FileHash(t, book) != before {
		t.Error("the unit's return was replaced")
	}
	// Without the filled one, blank workbooks are simply written again.
	if err := os.Remove(book); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCmd(t, "templates", "--tasks", o.tasks, "--period", "2024-Q4", "-o", o.books); code != exitOK {
		t.Errorf("templates over blank workbooks: exit %d: %s", code, errOut)
	}
}

// The annual report writes two files: neither is backed up or written
// when the other may not be replaced.
func TestAnnualReportChecksBothOutputs(t *testing.T) {
	o := newOutputs(t)
	pdf := filepath.Join(o.dir, "年度考核报告.pdf")
	book := filepath.Join(o.dir, "2024年度台账.xlsx")
	args := []string{"report", "--kind", "annual", "--ledger", o.ledger, "-o", pdf}
	if code, _, e := runCmd(t, args...); code != exitOK {
		t.Fatalf("annual report: exit %d: %s", code, e)
	}
	if err := os.WriteFile(book, []byte("办公室自己的年度表"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := testkit.FileHash(t, pdf)
	code, _, errOut := runCmd(t, args...)
	if code != exitInput || !strings.Contains(errOut, book) {
		t.Errorf("annual report over another file: exit %d: %s", code, errOut)
	}
	if testkit.FileHash(t, pdf) != before || len(backups(pdf)) > 0 {
		t.Errorf("the report was replaced or backed up: backups %v", backups(pdf))
	}
}
