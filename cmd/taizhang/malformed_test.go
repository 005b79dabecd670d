package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
	"github.com/taizhang-dev/taizhang/report/round"
)

// returnForm is an opened return with its 填报表 sheet's columns found by
// their headers, as an office clerk would find them.
type returnForm struct {
	f      *excelize.File
	header int            // the header row
	cols   map[string]int // header text → 1-based column
}

func openForm(t *testing.T, path string) *returnForm {
	t.Helper()
	f := testkit.Open(t, path)
	rows := testkit.Rows(t, f, fillin.SheetForm)
	for i, r := range rows {
		if !strings.Contains(strings.Join(r, "|"), "累计进度") {
			continue
		}
		fm := &returnForm{f: f, header: i + 1, cols: map[string]int{}}
		for j, h := range r {
			fm.cols[strings.Trim(h, "* ")] = j + 1
		}
		return fm
	}
	t.Fatalf("%s: no header row", path)
	return nil
}

// cell is the cell of column header in the n-th task row (0-based).
func (fm *returnForm) cell(t *testing.T, header string, n int) string {
	t.Helper()
	c, ok := fm.cols[header]
	if !ok {
		t.Fatalf("no column %q in %v", header, fm.cols)
	}
	name, _ := excelize.CoordinatesToCellName(c, fm.header+1+n)
	return name
}

// leadRow is the first task row the unit leads, -1 when it leads none.
func (fm *returnForm) leadRow(t *testing.T) int {
	t.Helper()
	for n := 0; n < 200; n++ {
		if v, _ := fm.f.GetCellValue(fillin.SheetForm, fm.cell(t, "本单位角色", n)); v == string(fillin.RoleLead) {
			return n
		}
	}
	return -1
}

// rowWith is the first task row with something in column header.
func (fm *returnForm) rowWith(t *testing.T, header string) int {
	t.Helper()
	for n := 0; n < 200; n++ {
		if v, _ := fm.f.GetCellValue(fillin.SheetForm, fm.cell(t, header, n)); v != "" {
			return n
		}
	}
	t.Fatalf("no row with %s", header)
	return 0
}

// zipBomb is the return at path with its 填报表 sheet replaced by n bytes
// of spaces, which compress to almost nothing.
func zipBomb(t *testing.T, path string, n int) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			chunk := bytes.Repeat([]byte(" "), 1<<20)
			for i := 0; i < n>>20; i++ {
				w.Write(chunk)
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func (fm *returnForm) set(t *testing.T, header string, n int, v any) string {
	t.Helper()
	cell := fm.cell(t, header, n)
	if err := fm.f.SetCellValue(fillin.SheetForm, cell, v); err != nil {
		t.Fatal(err)
	}
	return cell
}

// malformedCase is one broken return dropped into 报送/: made by make, which
// returns the file's name and, for a broken cell, the cell; check must name
// the file (and the cell) with a message containing msg ("" for a change
// that is read without a word, such as sorted rows). usable tells whether
// the rest of the return is still merged.
type malformedCase struct {
	name   string
	make   func(t *testing.T, r *testRound) (file, cell string)
	msg    string
	usable bool
	skip   string // why the case cannot run here, "" when it can
}

// testRound is a workspace with the 2024-Q4 workbooks issued and the units'
// returns received.
type testRound struct {
	ws, returns string
	p           period.Period
	plans       []samplefix.Plan
	singles     []samplefix.Plan // units that sent one return, to be spoiled one each
	used        int
}

// single hands out the return of a unit not yet spoiled.
func (r *testRound) single(t *testing.T) (samplefix.Plan, *returnForm) {
	t.Helper()
	if r.used >= len(r.singles) {
		t.Fatal("more cases than units with a single return")
	}
	pl := r.singles[r.used]
	r.used++
	return pl, openForm(t, pl.Files[0])
}

func (r *testRound) write(t *testing.T, name string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(filepath.Join(r.returns, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func save(t *testing.T, fm *returnForm) {
	t.Helper()
	if err := fm.f.Save(); err != nil {
		t.Fatal(err)
	}
}

// runWithin is runCmd that fails the test instead of hanging.
func runWithin(t *testing.T, d time.Duration, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.code, r.out, r.err = runCmd(t, args...)
		done <- r
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(d):
		t.Fatalf("taizhang %s did not finish within %v", strings.Join(args, " "), d)
	}
	return 0, "", ""
}

var malformedCases = []malformedCase{
	{name: "not a workbook", msg: "不是 .xlsx 工作簿", make: func(t *testing.T, r *testRound) (string, string) {
		return r.write(t, "不是表格.xlsx", []byte("这不是一个工作簿")), ""
	}},
	{name: "truncated", msg: "文件已损坏", make: func(t *testing.T, r *testRound) (string, string) {
		data, err := os.ReadFile(r.singles[len(r.singles)-1].Files[0])
		if err != nil {
			t.Fatal(err)
		}
		return r.write(t, "传了一半.xlsx", data[:len(data)/2]), ""
	}},
	{name: "zip bomb", msg: "文件过大", make: func(t *testing.T, r *testRound) (string, string) {
		return r.write(t, "炸弹.xlsx", zipBomb(t, r.singles[len(r.singles)-1].Files[0], 200<<20)), ""
	}},
	{name: "named pipe", msg: "命名管道", skip: fifoSkip(), make: func(t *testing.T, r *testRound) (string, string) {
		makeFIFO(t, filepath.Join(r.returns, "管道.xlsx"))
		return "管道.xlsx", ""
	}},
	{name: "dangling link", msg: "找不到该文件", make: func(t *testing.T, r *testRound) (string, string) {
		if err := os.Symlink(filepath.Join(r.returns, "不存在"), filepath.Join(r.returns, "断链.xlsx")); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		return "断链.xlsx", ""
	}},
	{name: "unreadable", msg: "没有读取该文件的权限", skip: unreadableSkip(), make: func(t *testing.T, r *testRound) (string, string) {
		name := r.write(t, "无权限.xlsx", []byte("PK\x03\x04"))
		if err := os.Chmod(filepath.Join(r.returns, name), 0); err != nil {
			t.Fatal(err)
		}
		return name, ""
	}},
	{name: "read error", msg: "读取文件时出错", skip: readErrorSkip(), make: func(t *testing.T, r *testRound) (string, string) {
		// What root cannot read either: a file whose every read fails.
		if err := os.Symlink("/proc/self/mem", filepath.Join(r.returns, "读不出.xlsx")); err != nil {
			t.Fatal(err)
		}
		return "读不出.xlsx", ""
	}},
	{name: "another period", msg: "这是 2024年第三季度 的填报表", make: func(t *testing.T, r *testRound) (string, string) {
		dir := filepath.Join(t.TempDir(), "三季度")
		if code, _, e := runCmd(t, "templates", "--workspace", r.ws, "--period", "2024-Q3", "-o", dir); code != exitOK {
			t.Fatal(e)
		}
		books, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
		data, err := os.ReadFile(books[0])
		if err != nil {
			t.Fatal(err)
		}
		return r.write(t, "三季度的表.xlsx", data), ""
	}},
	{name: "another unit", msg: "不在任务分解表中", make: func(t *testing.T, r *testRound) (string, string) {
		// A workbook the office issued from another task list, to a unit
		// this one does not have.
		dir := t.TempDir()
		tasks := filepath.Join(dir, "另一任务分解表.xlsx")
		if code, _, e := runCmd(t, "parse", seed000, "-o", tasks); code != exitOK {
			t.Fatal(e)
		}
		out := filepath.Join(dir, "填报表")
		if code, _, e := runCmd(t, "templates", "--workspace", r.ws, "--tasks", tasks, "-o", out); code != exitOK {
			t.Fatal(e)
		}
		ours := map[string]bool{}
		for _, pl := range r.plans {
			ours[pl.Unit] = true
		}
		books, _ := filepath.Glob(filepath.Join(out, "*.xlsx"))
		for _, b := range books {
			unit := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(b), r.p.String()+"_"), "_填报表.xlsx")
			if ours[unit] {
				continue
			}
			data, err := os.ReadFile(b)
			if err != nil {
				t.Fatal(err)
			}
			return r.write(t, "别的单位.xlsx", data), ""
		}
		t.Fatal("every unit of the other task list is one of ours")
		return "", ""
	}},
	{name: "huge progress", msg: "累计进度“1E+308”超出合理范围", usable: true, make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		cell := fm.set(t, "累计进度(%)", 0, 1e308)
		save(t, fm)
		return filepath.Base(pl.Files[0]), cell
	}},
	{name: "huge progress as text", msg: "累计进度“1E+308”超出合理范围", usable: true, make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		cell := fm.set(t, "累计进度(%)", 0, "1E+308")
		save(t, fm)
		return filepath.Base(pl.Files[0]), cell
	}},
	{name: "huge indicator value", msg: "指标当前值“1E+308”超出合理范围", usable: true, make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		cell := fm.set(t, "指标当前值", fm.rowWith(t, "量化指标"), 1e308)
		save(t, fm)
		return filepath.Base(pl.Files[0]), cell
	}},
	{name: "filing date 2099", msg: "填报日期 2099-01-05 不在本期", usable: true, make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		cell := dateCell(t, fm)
		if err := fm.f.SetCellValue(fillin.SheetForm, cell, time.Date(2099, 1, 5, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		save(t, fm)
		return filepath.Base(pl.Files[0]), cell
	}},
	{name: "filing date 1900", msg: "填报日期 1900-01-01 不在本期", usable: true, make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		cell := dateCell(t, fm)
		if err := fm.f.SetCellValue(fillin.SheetForm, cell, "1900-01-01"); err != nil {
			t.Fatal(err)
		}
		save(t, fm)
		return filepath.Base(pl.Files[0]), cell
	}},
	{name: "formula", msg: "是公式", usable: true, make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		cell := fm.cell(t, "累计进度(%)", 0)
		if err := fm.f.SetCellFormula(fillin.SheetForm, cell, "=40+40"); err != nil {
			t.Fatal(err)
		}
		save(t, fm)
		return filepath.Base(pl.Files[0]), cell
	}},
	{name: "deleted row", msg: "可能被删除", make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		if err := fm.f.RemoveRow(fillin.SheetForm, fm.header+1); err != nil {
			t.Fatal(err)
		}
		save(t, fm)
		return filepath.Base(pl.Files[0]), ""
	}},
	{name: "inserted row", msg: "是新增的行", make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		if err := fm.f.InsertRows(fillin.SheetForm, fm.header+2, 1); err != nil {
			t.Fatal(err)
		}
		fm.set(t, "本期进展情况", 1, "补充一行情况")
		save(t, fm)
		return filepath.Base(pl.Files[0]), ""
	}},
	{name: "sorted rows", msg: "", usable: true, make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		swapFormRows(t, fm, 0, 1)
		save(t, fm)
		return filepath.Base(pl.Files[0]), ""
	}},
	{name: "inserted column", msg: "", usable: true, make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		col, _ := excelize.ColumnNumberToName(fm.cols["本期进展情况"])
		if err := fm.f.InsertCols(fillin.SheetForm, col, 1); err != nil {
			t.Fatal(err)
		}
		if err := fm.f.SetCellValue(fillin.SheetForm, col+strconv.Itoa(fm.header), "单位自加的说明"); err != nil {
			t.Fatal(err)
		}
		save(t, fm)
		return filepath.Base(pl.Files[0]), ""
	}},
	{name: "deleted column", msg: "缺少“完成状态”列", make: func(t *testing.T, r *testRound) (string, string) {
		pl, fm := r.single(t)
		col, _ := excelize.ColumnNumberToName(fm.cols["完成状态"])
		if err := fm.f.RemoveCol(fillin.SheetForm, col); err != nil {
			t.Fatal(err)
		}
		save(t, fm)
		return filepath.Base(pl.Files[0]), ""
	}},
}

// swapFormRows exchanges two task rows, every column, as sorting does.
func swapFormRows(t *testing.T, fm *returnForm, a, b int) {
	t.Helper()
	ra, rb := fm.header+1+a, fm.header+1+b
	for c := 1; c <= len(fm.cols)+2; c++ {
		ca, _ := excelize.CoordinatesToCellName(c, ra)
		cb, _ := excelize.CoordinatesToCellName(c, rb)
		va, _ := fm.f.GetCellValue(fillin.SheetForm, ca, excelize.Options{RawCellValue: true})
		vb, _ := fm.f.GetCellValue(fillin.SheetForm, cb, excelize.Options{RawCellValue: true})
		if err := fm.f.SetCellValue(fillin.SheetForm, ca, vb); err != nil {
			t.Fatal(err)
		}
		if err := fm.f.SetCellValue(fillin.SheetForm, cb, va); err != nil {
			t.Fatal(err)
		}
	}
}

// dateCell is the cell right of the 填报日期 label.
func dateCell(t *testing.T, fm *returnForm) string {
	t.Helper()
	rows, _ := fm.f.GetRows(fillin.SheetForm)
	for i := 0; i < fm.header-1; i++ {
		for j, v := range rows[i] {
			if strings.Contains(v, "填报日期") {
				name, _ := excelize.CoordinatesToCellName(j+2, i+1)
				return name
			}
		}
	}
	t.Fatal("no 填报日期 label")
	return ""
}

// textCases spoil a cell in a way that must be accepted: check each
// against the ledger the round merges. want is the cell's text as the
// ledger must hold it.
type textCase struct {
	name string
	set  any
	want string
}

var textCases = []textCase{
	{name: "20,000 characters", set: strings.Repeat("进展", 10000), want: strings.Repeat("进展", 10000)},
	{name: "control characters", set: "召开\x01推进会\x07，完成\x1b计划", want: "召开推进会，完成计划"},
}

// TestMalformedReturns drops one of every kind of broken return into a
// workspace's 报送/ beside the units' good returns and runs check, status
// and merge on the folder: none hangs or fails as a whole; each names the
// broken file (and cell) in Chinese; check exits 1; status and merge exit
// 0; a broken cell costs only that cell and a broken file only that file.
func TestMalformedReturns(t *testing.T) {
	ws := newWorkspace(t, seed003)
	for _, args := range [][]string{{"parse"}, {"templates"}} {
		if code, _, e := runCmd(t, append(args, "--workspace", ws)...); code != exitOK {
			t.Fatalf("%s: %s", args[0], e)
		}
	}
	p, _ := period.Parse("2024-Q4")
	books, _ := filepath.Glob(filepath.Join(ws, p.String(), "填报表", "*.xlsx"))
	r := &testRound{ws: ws, returns: filepath.Join(ws, p.String(), "报送"), p: p}
	plans, err := samplefix.FillReturns(books, r.returns, samplefix.Options{Period: p, Due: time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC), Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	r.plans = plans
	for _, pl := range plans {
		if len(pl.Files) == 1 {
			r.singles = append(r.singles, pl)
		}
	}
	type textMade struct {
		textCase
		unit, taskID, file string
	}
	var texts []textMade
	for _, tc := range textCases {
		pl, fm := r.single(t)
		n := fm.leadRow(t)
		for n < 0 {
			pl, fm = r.single(t)
			n = fm.leadRow(t)
		}
		fm.set(t, "本期进展情况", n, tc.set)
		id, _ := fm.f.GetCellValue(fillin.SheetForm, fm.cell(t, "任务编号", n))
		save(t, fm)
		texts = append(texts, textMade{tc, pl.Unit, id, filepath.Base(pl.Files[0])})
	}

	type made struct {
		malformedCase
		file, cell string
	}
	var cases []made
	for _, tc := range malformedCases {
		if tc.skip != "" {
			t.Logf("%s: skipped: %s", tc.name, tc.skip)
			continue
		}
		file, cell := tc.make(t, r)
		cases = append(cases, made{tc, file, cell})
	}
	// check
	code, out, errOut := runWithin(t, 3*time.Minute, "check", "--workspace", ws, "--json")
	if code != exitInput {
		t.Errorf("check: exit %d; want %d: %s", code, exitInput, errOut)
	}
	var checked struct{ Returns []*fillin.Return }
	if err := json.Unmarshal([]byte(out), &checked); err != nil {
		t.Fatalf("check --json is not JSON (%v): %s", err, errOut)
	}
	byFile := map[string]*fillin.Return{}
	for _, ret := range checked.Returns {
		byFile[filepath.Base(ret.File)] = ret
	}
	for _, c := range cases {
		t.Run("check/"+c.name, func(t *testing.T) {
			ret := byFile[c.file]
			if ret == nil {
				t.Fatalf("check does not list %s", c.file)
			}
			if ret.Usable() != c.usable {
				t.Errorf("%s: usable %v; want %v:\n%s", c.file, ret.Usable(), c.usable, findingLines(ret))
			}
			if c.msg != "" && !hasFindingAt(ret, c.cell, c.msg) {
				t.Errorf("%s: no finding at %q with %q:\n%s", c.file, c.cell, c.msg, findingLines(ret))
			}
		})
	}

	// status
	code, out, errOut = runWithin(t, 3*time.Minute, "status", "--workspace", ws, "--json")
	if code != exitOK {
		t.Fatalf("status: exit %d: %s", code, errOut)
	}
	var st round.Status
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("status --json: %v", err)
	}
	rejected := map[string]bool{}
	for _, rj := range st.Rejected {
		rejected[filepath.Base(rj.File)] = rj.Problem != ""
	}
	for _, c := range cases {
		if !c.usable && !rejected[c.file] {
			t.Errorf("status does not list %s among the unusable returns with its problem", c.file)
		}
	}

	// merge
	code, out, errOut = runWithin(t, 3*time.Minute, "merge", "--workspace", ws, "--json")
	if code != exitOK {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	l, intake := mergeJSON(t, out)
	for _, c := range cases {
		in := intake[c.file]
		switch {
		case in == nil:
			t.Errorf("merge does not account for %s", c.file)
		case c.usable && in.State != ledger.Used:
			t.Errorf("%s: %s; want it used, only the bad cell dropped", c.file, in.State)
		case !c.usable && in.State != ledger.Rejected:
			t.Errorf("%s: %s; want it rejected", c.file, in.State)
		}
	}
	rows := map[string]*ledger.Row{}
	for _, row := range l.Rows {
		rows[row.TaskID] = row
	}
	for _, tc := range texts {
		row := rows[tc.taskID]
		if row == nil || row.ReportedBy != tc.unit {
			t.Errorf("%s: task %s not reported by %s in the ledger", tc.name, tc.taskID, tc.unit)
			continue
		}
		if row.Progress != tc.want {
			t.Errorf("%s: ledger progress has %d characters, %q…; want %d", tc.name, utf8.RuneCountInString(row.Progress), firstRunes(row.Progress, 20), utf8.RuneCountInString(tc.want))
		}
	}

	// The workbook: whole texts on the 总台账 sheet, every broken cell on
	// 问题清单.
	path := filepath.Join(ws, p.String(), "总台账.xlsx")
	back, err := ledgerbook.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Rows) != len(l.Rows) {
		t.Errorf("the ledger read back has %d rows; want %d", len(back.Rows), len(l.Rows))
	}
	f := testkit.Open(t, path)
	sheet := testkit.Rows(t, f, ledgerbook.SheetLedger)
	for _, tc := range texts {
		found := false
		for _, r := range sheet {
			for _, v := range r {
				found = found || v == tc.want
			}
		}
		if !found {
			t.Errorf("%s: the 总台账 sheet lacks the whole text", tc.name)
		}
	}
	problems, err := f.GetRows(ledgerbook.SheetFindings)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if c.msg == "" {
			continue // nothing to report
		}
		listed := false
		for _, pr := range problems {
			if len(pr) >= 8 && filepath.Base(pr[0]) == c.file && (c.cell == "" || pr[5] == c.cell) && strings.Contains(pr[7], c.msg) {
				listed = true
			}
		}
		if !listed {
			t.Errorf("问题清单 does not list %s %s %q", c.file, c.cell, c.msg)
		}
	}
}

func hasFindingAt(r *fillin.Return, cell, msg string) bool {
	for _, f := range r.Findings {
		if (cell == "" || f.Cell == cell && f.Sheet == fillin.SheetForm) && strings.Contains(f.Msg, msg) && (f.Level == fillin.LevelError || f.Level == fillin.LevelWarning) {
			return true
		}
	}
	return false
}

func findingLines(r *fillin.Return) string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "  %s %s %s\n", f.Level, f.Cell, f.Msg)
	}
	return b.String()
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// unreadableSkip says why an unreadable file cannot be made here: root
// reads any file whatever its mode.
func unreadableSkip() string {
	if os.Geteuid() == 0 {
		return "running as root, who can read a file of mode 000"
	}
	return ""
}

// readErrorSkip says why a file that fails on reading cannot be made here:
// the one used is Linux's /proc/self/mem, whose first page is never mapped.
func readErrorSkip() string {
	if _, err := os.Stat("/proc/self/mem"); err != nil {
		return "no /proc/self/mem here"
	}
	return ""
}

// TestLongUnitName: a unit name of hundreds of characters in the task list
// gives workbooks the file system accepts, which check and merge read.
func TestLongUnitName(t *testing.T) {
	dir := t.TempDir()
	tasks := filepath.Join(dir, "任务分解表.xlsx")
	if code, _, e := runCmd(t, "parse", seed003, "-o", tasks); code != exitOK {
		t.Fatal(e)
	}
	f, err := excelize.OpenFile(tasks)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("任务分解表")
	lead, row := -1, -1
	for i := 0; i < len(rows) && row < 0; i++ {
		for j, v := range rows[i] {
			switch {
			case lead < 0 && strings.Contains(v, "牵头单位"):
				lead = j
			case lead >= 0 && j == lead && v != "" && i > 0:
				row = i
			}
		}
	}
	if row < 0 {
		t.Fatal("no row with a lead unit")
	}
	long := "泰州市" + strings.Repeat("超长名称", 60) + "管理局"
	cell, _ := excelize.CoordinatesToCellName(lead+1, row+1)
	if err := f.SetCellValue("任务分解表", cell, long); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "填报表")
	code, stdout, errOut := runCmd(t, "templates", "--tasks", tasks, "--period", "2024-Q4", "-o", out)
	if code != exitOK {
		t.Fatalf("templates: exit %d: %s", code, errOut)
	}
	if !strings.Contains(stdout, "泰州市超长名称") {
		t.Errorf("templates does not list the long unit's workbook:\n%s", stdout)
	}
	if code, _, errOut := runCmd(t, "check", "--tasks", tasks, "--period", "2024-Q4", out); code != exitOK {
		t.Errorf("check: exit %d: %s", code, errOut)
	}
}

// TestCheckTimeout: a return whose reading takes too long is reported and
// skipped; the round goes on.
func TestCheckTimeout(t *testing.T) {
	tasks, book, _ := issueWorkbooks(t)
	defer func(d time.Duration) { intake.Timeout = d }(intake.Timeout)
	intake.Timeout = time.Nanosecond
	code, results := checkJSON(t, tasks, []string{"--period", "2024-Q4"}, book)
	if code != exitInput || len(results) != 1 || !hasFinding(results[0], fillin.LevelError, "仍未完成，已跳过") {
		t.Errorf("check: exit %d, %+v", code, results)
	}
}

// TestHugeValueOneReturn is the report of issue 11 as it was found: one
// return with 1E+308 in 累计进度 and 指标当前值. check --json printed nothing
// and exited 3, merge failed for every unit with "json: unsupported value:
// +Inf". Now the cells are refused by name and the rest goes through.
func TestHugeValueOneReturn(t *testing.T) {
	tasks, book, dir := issueWorkbooks(t)
	fm := openForm(t, book)
	pct := fm.set(t, "累计进度(%)", 0, 1e308)
	cur := fm.set(t, "指标当前值", fm.rowWith(t, "量化指标"), 1e308)
	fm.set(t, "本期进展情况", 0, "已召开推进会")
	fm.set(t, "完成状态", 0, "按序时推进")
	fm.set(t, "本期进展情况", 1, "第二项照常推进")
	save(t, fm)

	code, results := checkJSON(t, tasks, []string{"--period", "2024-Q4"}, book)
	if code != exitOK || len(results) != 1 {
		t.Fatalf("check --json: exit %d, %d results; want 0 and the one return", code, len(results))
	}
	for _, cell := range []string{pct, cur} {
		if !hasFindingAt(results[0], cell, "超出合理范围") {
			t.Errorf("no finding at %s:\n%s", cell, findingLines(results[0]))
		}
	}
	out := filepath.Join(dir, "总台账.xlsx")
	code, stdout, errOut := runCmd(t, "merge", book, "--tasks", tasks, "--period", "2024-Q4", "-o", out, "--json")
	if code != exitOK {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	var l ledger.Ledger
	if err := json.Unmarshal([]byte(stdout), &l); err != nil {
		t.Fatal(err)
	}
	progress := map[string]bool{}
	for _, r := range l.Rows {
		if r.ReportedBy == "市科技局" {
			progress[r.Progress] = true
			if r.Percent != nil && *r.Percent > 1000 {
				t.Errorf("%s: percent %v reached the ledger", r.TaskID, *r.Percent)
			}
		}
	}
	if !progress["已召开推进会"] || !progress["第二项照常推进"] {
		t.Errorf("the return's rows did not reach the ledger: %v", progress)
	}
}

// An output path the file system cannot take (a folder name over 255
// bytes) is the user's to fix: exit 1 with the path and a Chinese reason,
// never exit 3 with the system's English.
func TestOutputPathTooLong(t *testing.T) {
	dir := t.TempDir()
	tasks := filepath.Join(dir, "任务分解表.xlsx")
	if code, _, e := runCmd(t, "parse", seed000, "-o", tasks); code != exitOK {
		t.Fatal(e)
	}
	long := filepath.Join(dir, strings.Repeat("填报表", 40))
	code, _, errOut := runCmd(t, "templates", "--tasks", tasks, "--period", "2024-Q4", "-o", long)
	if code != exitInput || !strings.Contains(errOut, "过长") || strings.Contains(errOut, "file name too long") {
		t.Errorf("templates into a too-long folder: exit %d: %s", code, errOut)
	}
}
