package outfile

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/xuri/excelize/v2"
)

// workbook writes an .xlsx at path with the given sheets (the first one
// renamed), marked as k unless k is None.
func workbook(t *testing.T, path string, k Kind, sheets ...string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		var err error
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), s)
		} else {
			_, err = f.NewSheet(s)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if k != None {
		if err := Mark(f, k); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// pdf writes a minimal file with the information dictionary gopdf writes.
func pdf(t *testing.T, path, creator string) {
	t.Helper()
	body := "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<\n/Info <<\n/Creator <FEFF" + utf16Hex(creator) + ">\n >>\n>>\n%%EOF\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIdentify(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		make func(path string)
		want Kind
	}{
		{"marked-tasklist.xlsx", func(p string) { workbook(t, p, TaskList, "Sheet1") }, TaskList},
		{"marked-ledger.xlsx", func(p string) { workbook(t, p, Ledger, "Sheet1") }, Ledger},
		{"marked-year.xlsx", func(p string) { workbook(t, p, Year, "Sheet1") }, Year},
		{"marked-fillin.xlsx", func(p string) { workbook(t, p, FillIn, "Sheet1") }, FillIn},
		// Written before the marker: known by taizhang's sheets.
		{"old-tasklist.xlsx", func(p string) { workbook(t, p, None, "任务分解表", "责任单位", "文件信息", "_taizhang") }, TaskList},
		{"old-ledger.xlsx", func(p string) { workbook(t, p, None, "汇总", "总台账", "指标", "_taizhang") }, Ledger},
		{"old-fillin.xlsx", func(p string) { workbook(t, p, None, "填报说明", "填报表", "_taizhang") }, FillIn},
		// Named like ours, without the marker or the hidden sheet.
		{"总台账.xlsx", func(p string) { workbook(t, p, None, "汇总", "总台账") }, Foreign},
		{"任务分解表.xlsx", func(p string) { workbook(t, p, None, "Sheet1") }, Foreign},
		{"report.pdf", func(p string) { pdf(t, p, "taizhang") }, Report},
		{"other.pdf", func(p string) { pdf(t, p, "Microsoft Word") }, Foreign},
		{"notes.xlsx", func(p string) { write(t, p, "办公室的笔记") }, Foreign},
		{"empty.xlsx", func(p string) { write(t, p, "") }, Foreign},
		{"broken.xlsx", func(p string) { write(t, p, "PK\x03\x04garbage") }, Foreign},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		tt.make(p)
		got, err := Identify(p)
		if err != nil || got != tt.want {
			t.Errorf("Identify(%s) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	ledger := filepath.Join(dir, "总台账.xlsx")
	workbook(t, ledger, Ledger, "Sheet1")
	tasks := filepath.Join(dir, "任务分解表.xlsx")
	workbook(t, tasks, TaskList, "Sheet1")
	report := filepath.Join(dir, "报告.pdf")
	pdf(t, report, Creator)
	notes := filepath.Join(dir, "笔记.xlsx")
	write(t, notes, "x")
	blocker := filepath.Join(dir, "一个文件")
	write(t, blocker, "x")
	link := filepath.Join(dir, "链接.xlsx")
	if err := os.Symlink(ledger, link); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "已锁定的总台账.xlsx")
	workbook(t, locked, Ledger, "Sheet1")
	if err := os.Chmod(locked, 0o444); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		want   Kind
		inputs []string
		kind   Kind   // the existing kind Check returns
		msg    string // part of the refusal; "" for none
	}{
		{filepath.Join(dir, "新.xlsx"), TaskList, nil, None, ""},
		{filepath.Join(dir, "新目录", "新.xlsx"), Ledger, nil, None, ""},
		{tasks, TaskList, nil, TaskList, ""},
		{ledger, Ledger, []string{tasks}, Ledger, ""},
		{report, Report, []string{ledger}, Report, ""},
		{ledger, Report, []string{ledger}, None, "输入文件"},
		{ledger, Report, nil, None, "扩展名应为 .pdf"},
		{filepath.Join(dir, "报告.xlsx"), Report, nil, None, "扩展名应为 .pdf"},
		{filepath.Join(dir, "任务分解表.pdf"), TaskList, nil, None, "扩展名应为 .xlsx"},
		{ledger, Ledger, []string{ledger}, None, "输入文件"},
		{link, Ledger, []string{ledger}, None, "输入文件"},
		{ledger, TaskList, nil, None, "是“总台账”，而要写入的是“任务分解表”"},
		{tasks, Ledger, nil, None, "是“任务分解表”，而要写入的是“总台账”"},
		{notes, TaskList, nil, None, "不是 taizhang 生成的文件"},
		{locked, Ledger, nil, None, "文件是只读的"},
		{filepath.Join(dir, "x.xlsx"), TaskList, nil, None, "这是一个文件夹"},
		{filepath.Join(blocker, "x.xlsx"), TaskList, nil, None, "无法创建输出文件夹"},
	}
	if err := os.Mkdir(filepath.Join(dir, "x.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		kind, err := Check(tt.path, tt.want, tt.inputs...)
		var oe *Error
		switch {
		case tt.msg == "" && err != nil:
			t.Errorf("Check(%s, %s) = %v; want no error", tt.path, tt.want, err)
		case tt.msg != "" && (!errors.As(err, &oe) || !strings.Contains(err.Error(), tt.msg)):
			t.Errorf("Check(%s, %s) = %v; want an *Error with %q", tt.path, tt.want, err, tt.msg)
		case kind != tt.kind:
			t.Errorf("Check(%s, %s) kind = %q; want %q", tt.path, tt.want, kind, tt.kind)
		}
		if tt.inputs != nil {
			continue
		}
		// CheckAll says the same of each path, in a list with another.
		other := filepath.Join(dir, "另一个"+tt.want.Ext())
		kinds, errAll := CheckAll([]string{other, tt.path}, tt.want)
		if (errAll == nil) != (err == nil) || errAll != nil && errAll.Error() != err.Error() || errAll == nil && (kinds[0] != None || kinds[1] != kind) {
			t.Errorf("CheckAll(%s, %s) = %v, %v; Check says %v, %v", tt.path, tt.want, kinds, errAll, kind, err)
		}
	}
	if names := tempNames(t, dir); len(names) > 0 {
		t.Errorf("Check left temporary files: %v", names)
	}
}

func TestCheckUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes anywhere")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	_, err := Check(filepath.Join(dir, "总台账.xlsx"), Ledger)
	var oe *Error
	if !errors.As(err, &oe) || oe.Path != dir || !strings.Contains(err.Error(), "无法在该文件夹中写入") {
		t.Errorf("Check in a read-only folder = %v", err)
	}
}

func TestPrepareBacksUp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.pdf")
	pdf(t, path, Creator)
	when := time.Date(2025, 1, 6, 15, 30, 12, 0, period.Beijing) // named in Beijing time on any machine
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
	var backups []string
	for range 2 {
		b, err := Prepare(path, Report)
		if err != nil {
			t.Fatal(err)
		}
		backups = append(backups, filepath.Base(b))
	}
	want := []string{"报告.备份-20250106-153012.pdf", "报告.备份-20250106-153012-2.pdf"}
	for i := range want {
		if backups[i] != want[i] {
			t.Errorf("backup %d = %s; want %s", i, backups[i], want[i])
		}
	}
	if b, err := Prepare(filepath.Join(dir, "新.pdf"), Report); b != "" || err != nil {
		t.Errorf("Prepare of a new file = %q, %v", b, err)
	}
	if names := tempNames(t, dir); len(names) > 0 {
		t.Errorf("Prepare left temporary files: %v", names)
	}
}

func TestFreshDir(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, files ...string) {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			write(t, filepath.Join(dir, name, f), "x")
		}
	}
	mk("empty")
	mk("full", "笔记.docx")
	mk("full-2", "a")
	write(t, filepath.Join(dir, "file"), "x")
	tests := []struct{ in, want, msg string }{
		{"new", "new", ""},
		{"empty", "empty", ""},
		{"full", "full-3", ""},
		{"file", "file-2", ""},
		{"file/out", "", "无法使用该文件夹"},
	}
	for _, tt := range tests {
		got, err := FreshDir(filepath.Join(dir, tt.in))
		switch {
		case tt.msg != "" && (err == nil || !strings.Contains(err.Error(), tt.msg)):
			t.Errorf("FreshDir(%s) = %q, %v; want an error with %q", tt.in, got, err, tt.msg)
		case tt.msg == "" && (err != nil || got != filepath.Join(dir, tt.want)):
			t.Errorf("FreshDir(%s) = %q, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	dead := strconv.Itoa(deadPID(t))
	self := strconv.Itoa(os.Getpid())
	old := time.Now().Add(-2 * StaleAge)
	files := []struct {
		name    string
		dir     bool
		old     bool
		removed bool
	}{
		{".总台账.xlsx." + dead + "-123.tmp", false, false, true},              // its run was killed
		{".报告.pdf." + dead + "-9.tmp", false, false, true},                  // likewise
		{".总台账.xlsx.12345678.tmp", false, true, true},                       // an old one from before ids
		{".总台账.xlsx.12345678.tmp.keep", false, true, false},                 // not ours
		{".任务分解表.xlsx.87654321.tmp", false, false, false},                   // from before ids, recent: maybe in use
		{".总台账.xlsx." + self + "-5.tmp", false, true, false},                // ours, not tracked, but this process is alive… and old
		{".taizhang-convert-" + dead + "-77", true, false, true},            // a killed conversion
		{".taizhang-convert-" + self + "-78", true, false, false},           // a running one
		{".notes.txt.123.tmp", false, true, false},                          // another program's
		{"总台账.xlsx", false, true, false},                                    // the output itself
		{".~lock.总台账.xlsx#", false, true, false},                            // LibreOffice's lock
		{".总台账.xlsx." + dead + "_" + host + "-6.tmp", false, false, true},   // this machine's killed run
		{".总台账.xlsx." + dead + "_0-7.tmp", false, false, false},             // another PC's, on a shared folder: maybe running
		{".总台账.xlsx." + dead + "_0-8.tmp", false, true, true},               // …until old
		{".upload.xls." + dead + "_" + host + "-9.tmp", false, false, true}, // a killed upload's
		{".taizhang-convert-" + dead + "_0-79", true, false, false},         // another PC's conversion
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if f.dir {
			if err := os.MkdirAll(filepath.Join(p, "work"), 0o755); err != nil {
				t.Fatal(err)
			}
		} else {
			write(t, p, "x")
		}
		if f.old {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	files[5].removed = true // old enough whoever wrote it
	CleanStale(dir)
	for _, f := range files {
		_, err := os.Stat(filepath.Join(dir, f.name))
		if gone := err != nil; gone != f.removed {
			t.Errorf("%s: removed = %v; want %v", f.name, gone, f.removed)
		}
	}
}

func TestRemoveTracked(t *testing.T) {
	dir := t.TempDir()
	f, err := CreateTemp(dir, "总台账.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	d, err := MkdirTemp(dir, "convert")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(d, "单位的报送.xls"), "x")
	if got := RemoveTracked(); len(got) != 2 {
		t.Errorf("RemoveTracked removed %v; want the file and the folder", got)
	}
	if names := tempNames(t, dir); len(names) > 0 {
		t.Errorf("left behind: %v", names)
	}
	// The process is exiting: nothing new may be made that nobody would
	// remove.
	t.Cleanup(func() { mu.Lock(); closing = false; mu.Unlock() })
	if f, err := CreateTemp(dir, "报告.pdf"); err == nil {
		f.Close()
		t.Errorf("CreateTemp after RemoveTracked made %s", f.Name())
	}
	if d, err := MkdirTemp(dir, "convert"); err == nil {
		t.Errorf("MkdirTemp after RemoveTracked made %s", d)
	}
}

func tempNames(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	for _, e := range testkit.ReadDir(t, dir) {
		if _, ours := tempOwner(e.Name(), e.IsDir()); ours {
			names = append(names, e.Name())
		}
	}
	return names
}
