package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/convert/lotest"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
)

// messyReturns issues the seed-003 workbooks, has the units answer, and adds
// the real-world messes an office receives. It returns the task list, the
// folder of returns and the names of the files that must be rejected.
func messyReturns(t *testing.T) (tasks, folder string, rejected []string) {
	t.Helper()
	tasks, book, dir := issueWorkbooks(t)
	p, _ := period.Parse("2024-Q4")
	books, _ := filepath.Glob(filepath.Join(filepath.Dir(book), "*.xlsx"))
	folder = filepath.Join(dir, "报送")
	plans, err := samplefix.FillReturns(books, folder, samplefix.Options{Period: p, Due: time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC), Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	twice := false
	for _, pl := range plans {
		twice = twice || pl.Twice
	}
	if !twice {
		t.Fatal("the sample returns lack a unit that sent two returns")
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(folder, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		rejected = append(rejected, name)
	}
	write("不是表格.xlsx", []byte("这不是一个工作簿"))
	write("空文件.xlsx", nil)
	// A password-protected .xlsx is an OLE2 file with both streams; it is
	// refused as such, without LibreOffice.
	write("加了密码.xlsx", slices.Concat([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), utf16le("EncryptionInfo"), utf16le("EncryptedPackage")))
	// The biggest single return (many rows, sent once) is the one damaged.
	some, size := "", int64(0)
	for _, pl := range plans {
		if len(pl.Files) != 1 || pl.Renamed {
			continue
		}
		if info, err := os.Stat(pl.Files[0]); err == nil && info.Size() > size {
			some, size = pl.Files[0], info.Size()
		}
	}
	data, err := os.ReadFile(some)
	if err != nil {
		t.Fatal(err)
	}
	write("传了一半.xlsx", data[:len(data)/2])
	write("超大.xlsx", hugeSheet(t, 100<<20))

	// A return whose rows were partly deleted.
	f, err := excelize.OpenFile(some)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.RemoveRow("填报表", 6); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(filepath.Join(folder, "删了一行.xlsx")); err != nil {
		t.Fatal(err)
	}
	rejected = append(rejected, "删了一行.xlsx")
	// Its unit's good return stays out of the folder, so that the damaged
	// one is judged alone.
	if err := os.Remove(some); err != nil {
		t.Fatal(err)
	}
	return tasks, folder, rejected
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// hugeSheet is a small file that unpacks to n bytes.
func hugeSheet(t *testing.T, n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("[Content_Types].xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	w, err = zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < n>>20; i++ {
		w.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func hashDir(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		m[f] = testkit.FileHash(t, f)
	}
	return m
}

func TestMergeMessyFolder(t *testing.T) {
	tasks, folder, rejected := messyReturns(t)
	if lotest.Enabled() {
		// The smallest issued-name return is sent as an .xls saved by
		// LibreOffice instead.
		src, _ := filepath.Glob(filepath.Join(folder, "*_填报表.xlsx"))
		sort.Slice(src, func(i, j int) bool { return fileSize(src[i]) < fileSize(src[j]) })
		if len(src) > 0 {
			if err := lotest.Edit(t, src[0], filepath.Join(folder, "旧格式.xls")); err != nil {
				t.Fatal(err)
			}
			os.Remove(src[0])
		}
	}
	before := hashDir(t, folder)
	out := filepath.Join(filepath.Dir(tasks), "总台账.xlsx")
	code, stdout, errOut := runCmd(t, "merge", folder, "--tasks", tasks, "--period", "2024-Q4", "--due", "2025-01-05", "-o", out, "--json")
	if code != exitOK {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	for f, h := range hashDir(t, folder) {
		if before[f] != h {
			t.Errorf("merge changed its input %s", f)
		}
	}
	l, state := mergeJSON(t, stdout)
	for _, name := range rejected {
		in := state[name]
		if in == nil || in.State != ledger.Rejected || len(in.Findings) == 0 || in.Findings[0].Msg == "" {
			t.Errorf("%s: intake %+v; want rejected with a message", name, in)
		}
	}
	superseded := 0
	for _, in := range l.Intake {
		if in.State == ledger.Superseded {
			superseded++
			if in.SupersededBy == "" {
				t.Errorf("%s superseded by nothing", in.File)
			}
		}
	}
	if superseded != 1 {
		t.Errorf("%d superseded returns; want the one unit's earlier draft", superseded)
	}
	if in := state["旧格式.xls"]; in != nil && in.State != ledger.Used {
		t.Errorf("the .xls from LibreOffice was not used: %+v", in)
	}
	if l.Totals.Tasks != 20 || l.Totals.Reported == 0 || len(l.Units) == 0 {
		t.Errorf("totals %+v", l.Totals)
	}
	if !strings.Contains(errOut, "不可用") || !strings.Contains(errOut, "已写入") {
		t.Errorf("summary: %s", errOut)
	}

	// The office reviews a row; a late return arrives; merge runs again.
	idOfRow := officeEdit(t, out, "", map[string]string{"复核意见": "请补充佐证材料"})
	code, stdout, errOut = runCmd(t, "merge", folder, "--tasks", tasks, "--period", "2024-Q4", "-o", out, "--json")
	if code != exitOK {
		t.Fatalf("second merge: exit %d: %s", code, errOut)
	}
	var again ledger.Ledger
	if err := json.Unmarshal([]byte(stdout), &again); err != nil {
		t.Fatal(err)
	}
	kept := false
	for _, r := range again.Rows {
		kept = kept || r.TaskID == idOfRow && r.Review == "请补充佐证材料"
	}
	if !kept {
		t.Errorf("the office's 复核意见 on %s was not carried over", idOfRow)
	}
	if backups, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "总台账.备份-*.xlsx")); len(backups) != 1 {
		t.Errorf("backups: %v; want one", backups)
	}
}

// mergeJSON is the ledger merge --json wrote, with its returns by file
// name.
func mergeJSON(t *testing.T, out string) (*ledger.Ledger, map[string]*ledger.Intake) {
	t.Helper()
	var l ledger.Ledger
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatalf("merge --json: %v", err)
	}
	byName := map[string]*ledger.Intake{}
	for _, in := range l.Intake {
		byName[filepath.Base(in.File)] = in
	}
	return &l, byName
}

// officeEdit types values into a task's row of the ledger sheet of the
// workbook at path, by column header (复核意见, 核定状态), as the office does
// in Excel, and saves it. taskID "" is the first task; it returns the
// task's ID.
func officeEdit(t *testing.T, path, taskID string, values map[string]string) string {
	t.Helper()
	f := testkit.Open(t, path)
	rows := testkit.Rows(t, f, ledgerbook.SheetLedger)
	for hr, row := range rows {
		cols := map[string]int{}
		for c, v := range row {
			cols[strings.TrimSpace(v)] = c
		}
		idCol, ok := cols["任务编号"]
		if !ok {
			continue
		}
		for r := hr + 1; r < len(rows); r++ {
			if idCol >= len(rows[r]) || rows[r][idCol] == "" || taskID != "" && rows[r][idCol] != taskID {
				continue
			}
			for header, v := range values {
				c, ok := cols[header]
				if !ok {
					t.Fatalf("no %s column in %s", header, ledgerbook.SheetLedger)
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellStr(ledgerbook.SheetLedger, cell, v); err != nil {
					t.Fatal(err)
				}
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			return rows[r][idCol]
		}
		break
	}
	t.Fatalf("task %q not in the ledger", taskID)
	return ""
}

// TestMergeLibreOfficeEdited merges a return that LibreOffice edited and
// saved.
func TestMergeLibreOfficeEdited(t *testing.T) {
	lotest.Skip(t)
	tasks, book, dir := issueWorkbooks(t)
	_, clean := checkJSON(t, tasks, nil, book)
	row := clean[0].Entries[0]
	folder := filepath.Join(dir, "报送")
	os.MkdirAll(folder, 0o755)
	if err := lotest.Edit(t, book, filepath.Join(folder, "科技局.xlsx"),
		lotest.Entry{Sheet: "填报表", Cell: "H3", Value: "2025-1-4"},
		lotest.Entry{Sheet: "填报表", Cell: "G" + itoa(row.Row), Value: "实验室建设进展顺利"},
		lotest.Entry{Sheet: "填报表", Cell: "H" + itoa(row.Row), Value: "75%"},
		lotest.Entry{Sheet: "填报表", Cell: "I" + itoa(row.Row), Value: "按序时推进"},
	); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "总台账.xlsx")
	code, stdout, errOut := runCmd(t, "merge", folder, "--tasks", tasks, "--period", "2024-Q4", "--due", "2025-01-05", "-o", out, "--json")
	if code != exitOK {
		t.Fatalf("merge: %d %s", code, errOut)
	}
	var l ledger.Ledger
	if err := json.Unmarshal([]byte(stdout), &l); err != nil {
		t.Fatal(err)
	}
	for _, r := range l.Rows {
		if r.TaskID == row.TaskID {
			if r.Percent == nil || *r.Percent != 75 || r.Status != "按序时推进" || r.Progress != "实验室建设进展顺利" {
				t.Errorf("row %s = %+v", r.Label, r)
			}
			return
		}
	}
	t.Errorf("task %s not in the ledger", row.TaskID)
}

func fileSize(p string) int64 {
	info, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return info.Size()
}
