package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
)

// mergedLedger issues the seed-003 workbooks, has the units answer and
// merges them; it returns the task list, the returns and the ledger.
func mergedLedger(t *testing.T) (tasks, folder, out string) {
	t.Helper()
	tasks, book, dir := issueWorkbooks(t)
	p, _ := period.Parse("2024-Q4")
	books, _ := filepath.Glob(filepath.Join(filepath.Dir(book), "*.xlsx"))
	folder = filepath.Join(dir, "报送")
	if _, err := samplefix.FillReturns(books, folder, samplefix.Options{Period: p, Due: time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC), Seed: 7}); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "总台账.xlsx")
	if code, _, errOut := runCmd(t, "merge", folder, "--tasks", tasks, "--period", "2024-Q4", "--due", "2025-01-05", "-o", out); code != exitOK {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	return tasks, folder, out
}

// editTaskList applies edit to the 任务分解表 sheet of the task list and
// saves it.
func editTaskList(t *testing.T, path string, edit func(f *excelize.File, rows [][]string, col map[string]int)) {
	t.Helper()
	f := testkit.Open(t, path)
	rows := testkit.Rows(t, f, "任务分解表")
	col := map[string]int{}
	for hr, row := range rows {
		for c, v := range row {
			col[v] = c
		}
		if _, ok := col["任务编号"]; ok {
			col["header"] = hr
			break
		}
		clear(col)
	}
	edit(f, rows, col)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestMergeKeepsNotesOfRemovedTasks: the office's notes on a task that
// left the task list move to the new ledger's 已移除任务 sheet, the summary
// says so with the count, and a task list emptied by mistake is refused
// with the ledger left as it was.
func TestMergeKeepsNotesOfRemovedTasks(t *testing.T) {
	tasks, folder, out := mergedLedger(t)
	id := officeEdit(t, out, "", map[string]string{"复核意见": "请说明进度滞后原因"})

	// The office deletes that task from the task list and merges again.
	editTaskList(t, tasks, func(f *excelize.File, rows [][]string, col map[string]int) {
		for r, row := range rows {
			if col["任务编号"] < len(row) && row[col["任务编号"]] == id {
				if err := f.RemoveRow("任务分解表", r+1); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		t.Fatalf("task %s not in the task list", id)
	})
	code, stdout, errOut := runCmd(t, "merge", folder, "--tasks", tasks, "--period", "2024-Q4", "--due", "2025-01-05", "-o", out)
	if code != exitOK {
		t.Fatalf("second merge: exit %d: %s", code, errOut)
	}
	if !strings.Contains(stdout, "1 项任务已不在任务分解表中") || !strings.Contains(stdout, "已移除任务") {
		t.Errorf("summary does not say where the note went: %s", stdout)
	}
	if strings.Contains(stdout, "已保留原台账中办公室填写的复核意见和核定状态。") {
		t.Errorf("summary claims the notes were kept in place: %s", stdout)
	}
	l, err := ledgerbook.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Removed) != 1 || l.Removed[0].TaskID != id || l.Removed[0].Review != "请说明进度滞后原因" {
		t.Fatalf("removed = %+v", l.Removed)
	}
	nb, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := nb.GetRows(ledgerbook.SheetRemoved)
	nb.Close()
	if err != nil || !strings.Contains(flatten(rows), "请说明进度滞后原因") {
		t.Errorf("%s sheet = %q, %v", ledgerbook.SheetRemoved, rows, err)
	}

	// Merging once more keeps the note there.
	code, stdout, errOut = runCmd(t, "merge", folder, "--tasks", tasks, "--period", "2024-Q4", "--due", "2025-01-05", "-o", out)
	if code != exitOK || !strings.Contains(stdout, "仍保留 1 项") {
		t.Errorf("third merge: exit %d %s %s", code, stdout, errOut)
	}
	if l, err := ledgerbook.ReadFile(out); err != nil || len(l.Removed) != 1 || l.Removed[0].Review != "请说明进度滞后原因" {
		t.Errorf("third merge lost the note: %v", err)
	}

	// A task list whose rows were all deleted by mistake is refused.
	editTaskList(t, tasks, func(f *excelize.File, rows [][]string, col map[string]int) {
		for r := len(rows); r > col["header"]+1; r-- {
			if err := f.RemoveRow("任务分解表", r); err != nil {
				t.Fatal(err)
			}
		}
	})
	before := testkit.FileHash(t, out)
	code, _, errOut = runCmd(t, "merge", folder, "--tasks", tasks, "--period", "2024-Q4", "--due", "2025-01-05", "-o", out)
	if code != exitInput || !strings.Contains(errOut, "任务分解表.xlsx") || !strings.Contains(errOut, "没有任何已指定牵头单位的任务") {
		t.Errorf("merge with an emptied task list: exit %d %s", code, errOut)
	}
	if testkit.FileHash(t, out) != before {
		t.Error("the refused merge changed the ledger")
	}
}

func flatten(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// TestReportNamesIgnoredEdits: a ledger whose 进度 or 状态 the office
// changed, or whose rows it deleted, still gives the report as merged, and
// report says which edits it did not take, by sheet, row and column, and
// why; so does a merge over that ledger.
func TestReportNamesIgnoredEdits(t *testing.T) {
	tasks, folder, out := mergedLedger(t)
	f := testkit.Open(t, out)
	rows := testkit.Rows(t, f, "总台账")
	col := map[string]int{}
	header := -1
	for r, row := range rows {
		for c, v := range row {
			col[v] = c
		}
		if _, ok := col["任务编号"]; ok {
			header = r
			break
		}
		clear(col)
	}
	var taskRows []int
	for r := header + 1; r < len(rows); r++ {
		if c := col["任务编号"]; c < len(rows[r]) && rows[r][c] != "" {
			taskRows = append(taskRows, r+1)
		}
	}
	if len(taskRows) < 3 {
		t.Fatalf("ledger has %d task rows", len(taskRows))
	}
	status, _ := excelize.CoordinatesToCellName(col["完成状态"]+1, taskRows[0])
	percent, _ := excelize.CoordinatesToCellName(col["累计进度(%)"]+1, taskRows[0])
	if err := f.SetCellValue("总台账", status, "已完成"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("总台账", percent, 100); err != nil {
		t.Fatal(err)
	}
	deleted := taskRows[2]
	if err := f.RemoveRow("总台账", deleted); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	pdf := filepath.Join(filepath.Dir(out), "报告.pdf")
	code, _, errOut := runCmd(t, "report", "--ledger", out, "-o", pdf)
	if code != exitOK {
		t.Fatalf("report: exit %d %s", code, errOut)
	}
	for _, want := range []string{
		"总台账.xlsx 中有 3 处修改未用于报告",
		"工作表“总台账”第 " + itoa(taskRows[0]) + " 行“完成状态”列（" + status,
		"工作表“总台账”第 " + itoa(taskRows[0]) + " 行“累计进度(%)”列（" + percent,
		"原第 " + itoa(deleted) + " 行",
		"只有“复核意见”“核定状态”两列由办公室填写",
		"“核定状态”列",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("report's warning lacks %q:\n%s", want, errOut)
		}
	}

	code, stdout, errOut := runCmd(t, "merge", folder, "--tasks", tasks, "--period", "2024-Q4", "--due", "2025-01-05", "-o", out)
	if code != exitOK || !strings.Contains(stdout, "3 处修改不会保留到新台账") {
		t.Errorf("merge over the edited ledger: exit %d\n%s\n%s", code, stdout, errOut)
	}
}
