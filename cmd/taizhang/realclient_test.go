package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/convert/lotest"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// issueWorkbooks parses seed 003 into a task list in a fresh workspace and
// writes the 2024-Q4 workbooks; it returns the task list and the 市科技局
// workbook.
func issueWorkbooks(t *testing.T) (tasks, book, dir string) {
	t.Helper()
	dir = t.TempDir()
	tasks = filepath.Join(dir, "任务分解表.xlsx")
	if code, _, e := runCmd(t, "parse", "../../seeds/003_084217dc5e381b2c.txt", "-o", tasks); code != exitOK {
		t.Fatal(e)
	}
	out := filepath.Join(dir, "填报表")
	code, stdout, e := runCmd(t, "templates", "--tasks", tasks, "--period", "2024年第四季度", "--due", "2025-01-05", "-o", out)
	if code != exitOK {
		t.Fatalf("templates: exit %d: %s", code, e)
	}
	if !strings.Contains(stdout, "生成办公室签名密钥") {
		t.Errorf("first templates run did not say it made the key: %s", stdout)
	}
	book = filepath.Join(out, "2024年第四季度_市科技局_填报表.xlsx")
	if _, err := os.Stat(book); err != nil {
		t.Fatalf("no workbook for 市科技局: %v\n%s", err, stdout)
	}
	return tasks, book, dir
}

// checkJSON runs check --json on files and decodes the result.
func checkJSON(t *testing.T, tasks string, extra []string, files ...string) (int, []*fillin.Return) {
	t.Helper()
	args := append([]string{"check", "--tasks", tasks, "--json"}, extra...)
	code, out, e := runCmd(t, append(args, files...)...)
	var res struct{ Returns []*fillin.Return }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("check output is not JSON (%v): %s %s", err, out, e)
	}
	return code, res.Returns
}

func findings(r *fillin.Return, level fillin.Level) []string {
	var out []string
	for _, f := range r.Findings {
		if f.Level == level {
			out = append(out, f.Cell+" "+f.Msg)
		}
	}
	return out
}

func hasFinding(r *fillin.Return, level fillin.Level, part string) bool {
	for _, f := range findings(r, level) {
		if strings.Contains(f, part) {
			return true
		}
	}
	return false
}

// TestLibreOfficeClerk has LibreOffice do what a department clerk does with
// the workbook — type into it, save as .xlsx or as .xls, sort it, insert a
// row, delete a column, rename it — and checks what check makes of each.
func TestLibreOfficeClerk(t *testing.T) {
	lotest.Skip(t)
	tasks, book, dir := issueWorkbooks(t)
	code, clean := checkJSON(t, tasks, nil, book)
	if code != exitOK || len(clean) != 1 || len(clean[0].Entries) < 3 {
		t.Fatalf("untouched workbook: exit %d, %+v", code, clean)
	}
	rows := clean[0].Entries
	r1, r2, r3 := rows[0].Row, rows[1].Row, rows[2].Row
	cell := func(col string, row int) string { return col + itoa(row) }
	typed := []lotest.Entry{
		{Sheet: "填报表", Cell: "B3", Value: "张三"},
		{Sheet: "填报表", Cell: "D3", Value: "0576-85112233"},
		{Sheet: "填报表", Cell: "F3", Value: "李四"},
		{Sheet: "填报表", Cell: "H3", Value: "2025-1-3"},
		{Sheet: "填报表", Cell: cell("G", r1), Value: "新建省级重点实验室1家"},
		{Sheet: "填报表", Cell: cell("H", r1), Value: "80%"},
		{Sheet: "填报表", Cell: cell("I", r1), Value: "正常推进"},
		{Sheet: "填报表", Cell: cell("G", r2), Value: "已完成"},
		{Sheet: "填报表", Cell: cell("H", r2), Value: lotest.Text("１００")},
		{Sheet: "填报表", Cell: cell("I", r2), Value: "完成"},
		{Sheet: "填报表", Cell: cell("G", r3), Value: "受资金影响进度落后"},
		{Sheet: "填报表", Cell: cell("H", r3), Value: 30},
		{Sheet: "填报表", Cell: cell("I", r3), Value: "滞后"},
	}
	want := map[string]struct {
		percent float64
		status  fillin.Status
	}{
		rows[0].TaskID: {80, "按序时推进"},
		rows[1].TaskID: {100, "已完成"},
		rows[2].TaskID: {30, "滞后"},
	}
	verify := func(t *testing.T, r *fillin.Return) {
		t.Helper()
		if !r.Usable() || r.Unit != "市科技局" || r.Period != "2024-Q4" {
			t.Fatalf("return not usable or misidentified: unit %q period %q errors %v", r.Unit, r.Period, findings(r, fillin.LevelError))
		}
		if r.Header.Filler != "张三" || r.Header.Date != "2025-01-03" {
			t.Errorf("header = %+v", r.Header)
		}
		seen := 0
		for _, e := range r.Entries {
			w, ok := want[e.TaskID]
			if !ok {
				continue
			}
			seen++
			if e.Percent == nil || *e.Percent != w.percent || e.Status != w.status {
				t.Errorf("task %s: percent %v status %q; want %v %q", e.Label, e.Percent, e.Status, w.percent, w.status)
			}
		}
		if seen != 3 {
			t.Errorf("found %d of the 3 typed rows", seen)
		}
		if !hasFinding(r, fillin.LevelInfo, "正常推进") || !hasFinding(r, fillin.LevelWarning, "存在问题") {
			t.Errorf("normalisation info or the 滞后-without-problem warning missing: %v / %v", findings(r, fillin.LevelInfo), findings(r, fillin.LevelWarning))
		}
	}

	typedXLSX := filepath.Join(dir, "已填.xlsx")
	if err := lotest.Edit(t, book, typedXLSX, typed...); err != nil {
		t.Fatal(err)
	}
	t.Run("typed and saved as xlsx", func(t *testing.T) {
		code, res := checkJSON(t, tasks, []string{"--period", "2024-Q4"}, typedXLSX)
		if code != exitOK {
			t.Errorf("exit %d", code)
		}
		verify(t, res[0])
	})
	t.Run("typed and saved as xls", func(t *testing.T) {
		xls := filepath.Join(dir, "已填.xls")
		if err := lotest.Edit(t, book, xls, typed...); err != nil {
			t.Fatal(err)
		}
		_, res := checkJSON(t, tasks, nil, xls)
		verify(t, res[0])
		if !hasFinding(res[0], fillin.LevelInfo, "LibreOffice") {
			t.Errorf("conversion not mentioned: %v", findings(res[0], fillin.LevelInfo))
		}
	})
	t.Run("a clerk cannot type into a locked cell", func(t *testing.T) {
		err := lotest.Edit(t, book, filepath.Join(dir, "x.xlsx"), lotest.Entry{Sheet: "填报表", Cell: cell("B", r1), Value: "改过的任务"})
		if !errors.Is(err, lotest.ErrLocked) {
			t.Errorf("typing into 任务内容: %v; want ErrLocked", err)
		}
	})
	t.Run("locked content edited after removing protection", func(t *testing.T) {
		out := filepath.Join(dir, "篡改.xlsx")
		if err := lotest.EditUnprotected(t, typedXLSX, out, lotest.Entry{Sheet: "填报表", Cell: cell("B", r1), Value: "改过的任务"}); err != nil {
			t.Fatal(err)
		}
		code, res := checkJSON(t, tasks, nil, out)
		if code != exitInput || !hasFinding(res[0], fillin.LevelError, cell("B", r1)) {
			t.Errorf("exit %d, errors %v; want an error at %s", code, findings(res[0], fillin.LevelError), cell("B", r1))
		}
	})
	t.Run("rows sorted", func(t *testing.T) {
		out := filepath.Join(dir, "排序.xlsx")
		last := rows[len(rows)-1].Row
		if err := lotest.SortRows(t, typedXLSX, out, "填报表", r1, last, "I"); err != nil {
			t.Fatal(err)
		}
		code, res := checkJSON(t, tasks, nil, out)
		if code != exitOK {
			t.Errorf("sorted return: exit %d, errors %v", code, findings(res[0], fillin.LevelError))
		}
		verify(t, res[0])
	})
	t.Run("row inserted", func(t *testing.T) {
		out := filepath.Join(dir, "插行.xlsx")
		if err := lotest.InsertRow(t, typedXLSX, out, "填报表", r2, "补充", "自行增加的任务", "牵头", "", "", "", "进展", 50, "按序时推进"); err != nil {
			t.Fatal(err)
		}
		code, res := checkJSON(t, tasks, nil, out)
		if code != exitInput || len(findings(res[0], fillin.LevelError)) == 0 {
			t.Errorf("inserted row: exit %d, errors %v", code, findings(res[0], fillin.LevelError))
		}
	})
	t.Run("column deleted", func(t *testing.T) {
		out := filepath.Join(dir, "删列.xlsx")
		if err := lotest.DeleteColumn(t, typedXLSX, out, "填报表", "H"); err != nil {
			t.Fatal(err)
		}
		code, res := checkJSON(t, tasks, nil, out)
		if code != exitInput || !hasFinding(res[0], fillin.LevelError, "累计进度") {
			t.Errorf("deleted 累计进度: exit %d, errors %v", code, findings(res[0], fillin.LevelError))
		}
	})
	t.Run("renamed to another unit's file name", func(t *testing.T) {
		out := filepath.Join(dir, "2024年第四季度_市经信局_填报表.xlsx")
		testkit.CopyFile(t, typedXLSX, out, 0o644)
		code, res := checkJSON(t, tasks, nil, out)
		if code != exitOK || res[0].Unit != "市科技局" || !hasFinding(res[0], fillin.LevelWarning, "市经信局") {
			t.Errorf("renamed: exit %d unit %q warnings %v", code, res[0].Unit, findings(res[0], fillin.LevelWarning))
		}
	})
	t.Run("wrong period", func(t *testing.T) {
		code, res := checkJSON(t, tasks, []string{"--period", "2025-Q1"}, typedXLSX)
		if code != exitInput || !hasFinding(res[0], fillin.LevelError, "2025年第一季度") {
			t.Errorf("wrong period: exit %d, errors %v", code, findings(res[0], fillin.LevelError))
		}
	})
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
