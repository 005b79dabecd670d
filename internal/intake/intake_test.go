package intake

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/xuri/excelize/v2"
)

func TestChineseDuration(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{{2 * time.Minute, "2 分钟"}, {30 * time.Second, "30 秒"}, {90 * time.Second, "90 秒"}} {
		if got := chineseDuration(c.d); got != c.want {
			t.Errorf("chineseDuration(%v) = %q; want %q", c.d, got, c.want)
		}
	}
}

// TestUnreadableSubfolder: a subfolder of the returns that cannot be read
// is listed and reported; the files beside it are still taken.
func TestUnreadableSubfolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permissions do not stop this user from reading the folder")
	}
	dir := t.TempDir()
	sub := filepath.Join(dir, "锁住的")
	if err := os.Mkdir(sub, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(sub, 0o755)
	if err := os.WriteFile(filepath.Join(dir, "a.xlsx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("files = %q; want the file and the folder", files)
	}
	if r := CheckFile(sub, fillin.CheckOptions{}); !strings.Contains(r.Findings[0].Msg, "无法读取该文件夹") {
		t.Errorf("folder: %+v", r.Findings)
	}
}

func TestCollectSkips(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.xlsx", "a.et", "~$a.xlsx", ".hidden.xlsx", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := Collect([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.et"), filepath.Join(dir, "b.xlsx")}
	if strings.Join(files, "|") != strings.Join(want, "|") {
		t.Errorf("Collect = %q; want %q", files, want)
	}
	if got := Spreadsheets(dir); len(got) != 3 {
		t.Errorf("Spreadsheets = %q; want the three workbooks, hidden one included", got)
	}
	if _, err := Collect([]string{filepath.Join(dir, "none")}); err == nil || !strings.Contains(err.Error(), "找不到该文件或目录") {
		t.Errorf("a missing folder: %v", err)
	}
}

// TestCheckAllOrder: results keep the files' order whatever worker reads
// them, and progress counts up to the total once.
func TestCheckAllOrder(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, n := range []string{"c.xlsx", "a.xlsx", "b.xlsx", "d.xlsx"} {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte("not a workbook"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	var calls []int
	results := CheckAll(files, fillin.CheckOptions{}, func(done, total int) {
		if total != len(files) {
			t.Errorf("progress total = %d; want %d", total, len(files))
		}
		calls = append(calls, done)
	})
	for i, r := range results {
		if r.File != files[i] || r.Usable() {
			t.Errorf("result %d = %s (usable %v); want %s, unusable", i, r.File, r.Usable(), files[i])
		}
	}
	if len(calls) != len(files) || calls[len(calls)-1] != len(files) {
		t.Errorf("progress calls = %v", calls)
	}
}

// One rule gives an upload's extension, from its content: the sender's
// name only keeps .et on an old-format workbook, and never gives anything
// else.
func TestUploadExt(t *testing.T) {
	ole := []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 504))
	xlsx := testkit.SaveBytes(t, excelize.NewFile())
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"报送.ET", ole, ".et"}, {"报送.xls", ole, ".xls"}, {"报送.xls:流", ole, ".xls"}, {`报送.xls<>"`, ole, ".xls"},
		{"报送", ole, ".xls"}, {"报送.xlsx", ole, ".xls"}, {"报送.et", xlsx, ".xlsx"}, {"报送.xls", xlsx, ".xlsx"},
		{"报送.xlsx", []byte("<html>"), ""}, {"报送.et", []byte("text"), ""},
	} {
		if got := UploadExt(c.name, c.data); got != c.want {
			t.Errorf("UploadExt(%q) = %q; want %q", c.name, got, c.want)
		}
	}
}

// LibreOffice failing on an upload is told to its sender in Chinese, the
// file named as sent: not in convert's English with the temporary file's
// place on the server.
func TestUploadConversionFailureWorded(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a shell script stands for LibreOffice")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "soffice")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TAIZHANG_SOFFICE", exe)
	up, err := Receive(filepath.Join(dir, "报送"), "回报.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"+strings.Repeat("\x00", 504)))
	if err != nil {
		t.Fatal(err)
	}
	defer up.Discard()
	r := up.Check(fillin.CheckOptions{})
	if len(r.Findings) != 1 {
		t.Fatalf("findings %+v; want one", r.Findings)
	}
	if msg := r.Findings[0].Msg; !strings.HasPrefix(msg, "LibreOffice 未能转换该文件") || strings.Contains(msg, dir) || !strings.Contains(msg, "回报.xls") {
		t.Errorf("finding %q; want it in Chinese, naming 回报.xls, not the temporary file", msg)
	}
}
