package convert

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/inputerr"

	"github.com/taizhang-dev/taizhang/internal/convert/internal/office"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/xuri/excelize/v2"
)

func TestNeedsConversion(t *testing.T) {
	dir := t.TempDir()
	xlsx := sampleXLSX(t)
	ole2 := append(append([]byte{}, ole2Magic...), make([]byte, 504)...)
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"报表.xlsx", xlsx, false},
		{"改了名的.xls", xlsx, false},
		{"报表.xls", ole2, true},
		{"报表.et", ole2, true},
		{"没有扩展名", ole2, true},
		{"报表.ods", odsBytes(t), true},
		{"报表.zip", odsBytes(t), true},
		{"网页.xls", []byte("\xEF\xBB\xBF <html><table></table></html>"), true},
		{"网页.html", []byte("<html><table></table></html>"), false},
		{"文本.csv", []byte("a,b\n1,2\n"), false},
		{"文本.et", []byte("a,b\n1,2\n"), true},
	}
	for _, tt := range tests {
		path := testkit.SaveFile(t, dir, tt.name, tt.data)
		if got := NeedsConversionOf(path, tt.data); got != tt.want {
			t.Errorf("NeedsConversionOf(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
}

// TestToXLSXMessages covers the refusals that need no LibreOffice.
func TestToXLSXMessages(t *testing.T) {
	dir := t.TempDir()
	encrypted := append(append([]byte{}, ole2Magic...), make([]byte, 600)...)
	encrypted = append(encrypted, utf16le("EncryptedPackage")...)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"加密.xlsx", encrypted, msgEncrypted},
		{"乱码.xls", []byte("\x00\x01garbage"), msgNotSpreadsheet},
		{"网页.htm", []byte("<html></html>"), msgNotSpreadsheet},
	}
	for _, tt := range tests {
		path := testkit.SaveFile(t, dir, tt.name, tt.data)
		out, cleanup, err := ToXLSX(context.Background(), path, path)
		cleanup()
		if out != "" {
			t.Errorf("ToXLSX(%q) = %q; want no file", tt.name, out)
		}
		wantInputError(t, err, path, tt.want)
	}
	missing := filepath.Join(dir, "没有.xls")
	_, cleanup, err := ToXLSX(context.Background(), missing, missing)
	cleanup()
	wantInputError(t, err, missing, msgNotFound)
}

func TestToXLSXWithoutLibreOffice(t *testing.T) {
	defer func(f func() (string, bool)) { lookSoffice = f }(lookSoffice)
	lookSoffice = func() (string, bool) { return "", false }

	dir := t.TempDir()
	ole2 := append(append([]byte{}, ole2Magic...), make([]byte, 504)...)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"教育局.et", ole2, "教育局.et：未安装 LibreOffice，无法转换 WPS 表格（.et）文件：请在 WPS 中“另存为” .xlsx 后再报送"},
		{"教育局.xls", ole2, "教育局.xls：未安装 LibreOffice，无法转换 Excel 97-2003 工作簿（.xls）文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再报送"},
		{"教育局.ods", odsBytes(t), "教育局.ods：未安装 LibreOffice，无法转换 OpenDocument 表格（.ods）文件：请在 WPS、Excel 或 LibreOffice 中“另存为” .xlsx 后再报送"},
	}
	for _, tt := range tests {
		path := testkit.SaveFile(t, dir, tt.name, tt.data)
		_, _, err := ToXLSX(context.Background(), path, path)
		if got := strings.TrimPrefix(errString(err), dir+string(filepath.Separator)); got != tt.want {
			t.Errorf("ToXLSX(%q) error = %q; want %q", tt.name, got, tt.want)
		}
	}

	// A file kept under a temporary name is named by the name it was sent
	// as (an upload: .教育局.et.123-456.tmp sent as 教育局.et).
	tmp := testkit.SaveFile(t, dir, ".upload.et.123-456.tmp", ole2)
	_, _, err := ToXLSX(context.Background(), tmp, "教育局.et")
	if got := errString(err); !strings.Contains(got, "无法转换 WPS 表格（.et）文件") {
		t.Errorf("ToXLSX(temporary file sent as 教育局.et) error = %q; want the .et format named", got)
	}

	// An .xlsx under another name needs no LibreOffice.
	renamed := filepath.Join(dir, "其实是.xlsx.xls")
	if err := os.WriteFile(renamed, sampleXLSX(t), 0o600); err != nil {
		t.Fatal(err)
	}
	out, cleanup, err := ToXLSX(context.Background(), renamed, renamed)
	if err != nil {
		t.Fatalf("ToXLSX(renamed .xlsx): %v", err)
	}
	defer cleanup()
	if got := cellValue(t, out, "Sheet1", "A1"); got != "教育局" {
		t.Errorf("A1 = %q; want 教育局", got)
	}
}

// TestToXLSXRoundTrip has LibreOffice write .xls, .et (the same bytes,
// as WPS writes them) and .ods, and converts them back.
func TestToXLSXRoundTrip(t *testing.T) {
	exe := needSoffice(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "sample.xlsx")
	if err := os.WriteFile(src, sampleXLSX(t), 0o600); err != nil {
		t.Fatal(err)
	}
	xls := sofficeConvert(t, exe, src, "xls:MS Excel 97")
	ods := sofficeConvert(t, exe, src, "ods:calc8")
	et := filepath.Join(dir, "教育局 回报.et")
	copyFile(t, xls, et)

	for _, in := range []string{xls, et, ods} {
		t.Run(filepath.Base(in), func(t *testing.T) {
			before := testkit.FileHash(t, in)
			entries := dirNames(t, filepath.Dir(in))
			start := time.Now()
			out, cleanup, err := ToXLSX(context.Background(), in, in)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("ToXLSX(%s) took %v", filepath.Base(in), time.Since(start).Round(time.Millisecond))
			if testkit.FileHash(t, in) != before {
				t.Errorf("ToXLSX modified %s", in)
			}
			if want := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)) + ".xlsx"; filepath.Base(out) != want {
				t.Errorf("converted file is %s; want %s", filepath.Base(out), want)
			}
			if got := cellValue(t, out, "Sheet1", "A1"); got != "教育局" {
				t.Errorf("A1 = %q; want 教育局", got)
			}
			if got := cellValue(t, out, "Sheet1", "B2"); got != "0.8" {
				t.Errorf("B2 = %q; want raw 0.8", got)
			}
			cleanup()
			if _, err := os.Stat(filepath.Dir(out)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("cleanup left %s: %v", filepath.Dir(out), err)
			}
			// The conversion works beside the source, and leaves nothing.
			if got := dirNames(t, filepath.Dir(in)); got != entries {
				t.Errorf("ToXLSX left files next to the source: %s; want %s", got, entries)
			}
		})
	}
}

func TestToXLSXWebPageSavedAsXLS(t *testing.T) {
	needSoffice(t)
	path := filepath.Join(t.TempDir(), "导出.xls")
	page := `<html><head><meta charset="utf-8"></head><body><table><tr><td>名称</td><td>12</td></tr></table></body></html>`
	if err := os.WriteFile(path, []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	out, cleanup, err := ToXLSX(context.Background(), path, path)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, _ := f.GetCellValue(f.GetSheetName(0), "A1"); got != "名称" {
		t.Errorf("A1 = %q; want 名称", got)
	}
}

// TestToXLSXDamaged checks that a broken .xls is refused, not imported as
// text.
func TestToXLSXDamaged(t *testing.T) {
	needSoffice(t)
	path := filepath.Join(t.TempDir(), "坏了.xls")
	data := append(append([]byte{}, ole2Magic...), bytes.Repeat([]byte("损坏"), 300)...)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, cleanup, err := ToXLSX(context.Background(), path, path)
	cleanup()
	wantInputError(t, err, path, msgCannotOpen)
}

func TestToXLSXTimeout(t *testing.T) {
	xls := sampleXLS(t)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, cleanup, err := ToXLSX(ctx, xls, xls)
	cleanup()
	wantInputError(t, err, xls, msgTimeout)
}

// TestToXLSXCancelKillsLibreOffice cancels once soffice.bin, started by the
// soffice launcher, is running: killing only the launcher would leave it.
func TestToXLSXCancelKillsLibreOffice(t *testing.T) {
	if _, err := os.Stat("/proc/self"); err != nil {
		t.Skip("needs ps and /proc to see LibreOffice's processes")
	}
	xls := sampleXLS(t)
	// Other packages' tests convert files at the same time: the folder of
	// the file, where the conversion works, tells this test's LibreOffice
	// from theirs.
	marker := filepath.Join(filepath.Dir(xls), ".taizhang-convert-")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, cleanup, err := ToXLSX(ctx, xls, xls)
		cleanup()
		done <- err
	}()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		if len(officeProcesses(t, "soffice.bin", marker)) > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	switch err := <-done; {
	case err == nil:
		t.Skip("the conversion finished before the cancel")
	case !errors.Is(err, context.Canceled):
		t.Errorf("ToXLSX after cancel: %v; want context.Canceled", err)
	}
	// SIGKILL is asynchronous.
	var left []string
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if left = officeProcesses(t, "office", marker); len(left) == 0 {
			return
		}
	}
	t.Errorf("LibreOffice still running after cancel: %q", left)
}

// TestToXLSXParallel runs conversions at once, as a batch check of many
// returned files does; each has its own LibreOffice profile.
func TestToXLSXParallel(t *testing.T) {
	xls := sampleXLS(t)
	const n = 4
	start := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			out, cleanup, err := ToXLSX(context.Background(), xls, xls)
			defer cleanup()
			if err == nil {
				var f *excelize.File
				if f, err = excelize.OpenFile(out); err == nil {
					f.Close()
				}
			}
			errs[i] = err
		})
	}
	wg.Wait()
	t.Logf("%d parallel conversions took %v", n, time.Since(start).Round(time.Millisecond))
	for i, err := range errs {
		if err != nil {
			t.Errorf("conversion %d: %v", i, err)
		}
	}
}

func TestSofficeFromEnvironment(t *testing.T) {
	fake := filepath.Join(t.TempDir(), "soffice")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TAIZHANG_SOFFICE", fake)
	if got, ok := Soffice(); !ok || got != fake {
		t.Errorf("Soffice() = %q, %v; want %q from $TAIZHANG_SOFFICE", got, ok, fake)
	}
}

// helpers

// needSoffice is the start of every test that runs LibreOffice: skipped
// unless the real-client tests are switched on, failed if it is missing.
func needSoffice(t *testing.T) string {
	t.Helper()
	testkit.RealClient(t)
	exe, ok := Soffice()
	if !ok {
		t.Fatalf("LibreOffice (soffice) is not installed, and %s is set", testkit.RealClientEnv)
	}
	return exe
}

// sampleXLSX is a workbook with Chinese text and a percentage, as a
// department returns it.
func sampleXLSX(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "教育局")
	f.SetCellValue("Sheet1", "B2", 0.8)
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle("Sheet1", "B2", "B2", pct)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// odsBytes is the start of an OpenDocument spreadsheet: enough for sniffing.
func odsBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte("<office:document-content/>"))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sofficeConvert has LibreOffice write src in another format, next to src.
func sofficeConvert(t *testing.T, exe, src, to string) string {
	t.Helper()
	outDir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := office.Command(ctx, exe, office.ProfileArg(t.TempDir()), "--headless", "--norestore",
		"--convert-to", to, "--outdir", outDir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
	}
	ext, _, _ := strings.Cut(to, ":")
	name := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)) + "." + ext
	out := filepath.Join(filepath.Dir(src), name)
	copyFile(t, filepath.Join(outDir, name), out)
	return out
}

func copyFile(t *testing.T, from, to string) { testkit.CopyFile(t, from, to, 0o600) }

func dirNames(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	for _, e := range testkit.ReadDir(t, dir) {
		names = append(names, e.Name())
	}
	return strings.Join(names, ", ")
}

func cellValue(t *testing.T, path, sheet, cell string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func wantInputError(t *testing.T, err error, file, msg string) {
	t.Helper()
	var ie *inputerr.Error
	if !errors.As(err, &ie) {
		t.Errorf("error %v is not an *inputerr.Error", err)
		return
	}
	if ie.File != file || ie.Msg != msg {
		t.Errorf("error = %q; want %q", ie.Error(), file+"："+msg)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// officeProcesses lists the running processes whose command line contains
// all of markers.
func officeProcesses(t *testing.T, markers ...string) []string {
	t.Helper()
	out, err := exec.Command("ps", "-eo", "pid,args").Output()
	if err != nil {
		t.Fatalf("ps: %v", err)
	}
	var found []string
lines:
	for line := range strings.Lines(string(out)) {
		for _, m := range markers {
			if !strings.Contains(line, m) {
				continue lines
			}
		}
		found = append(found, strings.TrimSpace(line))
	}
	return found
}

// sampleXLS is an .xls written by LibreOffice.
func sampleXLS(t *testing.T) string {
	t.Helper()
	exe := needSoffice(t)
	src := filepath.Join(t.TempDir(), "sample.xlsx")
	if err := os.WriteFile(src, sampleXLSX(t), 0o600); err != nil {
		t.Fatal(err)
	}
	return sofficeConvert(t, exe, src, "xls:MS Excel 97")
}

// The copy of a return a conversion works on stays beside the return
// (hidden), is removed afterwards, and one left by a killed run is
// removed by the next conversion there.
func TestToXLSXKeepsCopyBesideReturn(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "教育局.xls")
	if err := os.WriteFile(src, sampleXLSX(t), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	killed := filepath.Join(dir, fmt.Sprintf(".taizhang-convert-%d-123", cmd.Process.Pid))
	if err := os.MkdirAll(killed, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(killed, "教育局.xlsx"), sampleXLSX(t), 0o600); err != nil {
		t.Fatal(err)
	}
	out, cleanup, err := ToXLSX(context.Background(), src, src)
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Dir(filepath.Dir(out)); got != dir {
		t.Errorf("the converted copy is in %s; want a folder in %s", filepath.Dir(out), dir)
	}
	if _, err := os.Stat(killed); err == nil {
		t.Error("the folder of a killed conversion is still there")
	}
	cleanup()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("after the conversion %s holds %v; want only the return", dir, entries)
	}
}

// ToDOCX converts only an old Word or WPS document; without LibreOffice
// it says to save the file as .docx, in the words of its format.
func TestToDOCXWithoutLibreOffice(t *testing.T) {
	defer func(f func() (string, bool)) { lookSoffice = f }(lookSoffice)
	lookSoffice = func() (string, bool) { return "", false }
	dir := t.TempDir()
	ole2 := append(append([]byte{}, ole2Magic...), make([]byte, 504)...)
	for name, want := range map[string]string{
		"方案.doc": "这是旧版 Word（.doc）文件，未安装 LibreOffice，无法转换：请在 Word 或 WPS 中“另存为” .docx 格式后再试",
		"方案.wps": "这是 WPS 文字（.wps）文件，未安装 LibreOffice，无法转换：请在 WPS 中“另存为” .docx 格式后再试",
	} {
		path := testkit.SaveFile(t, dir, name, ole2)
		_, _, ok, err := ToDOCX(context.Background(), path)
		if !ok {
			t.Errorf("ToDOCX(%s): not taken for a document", name)
		}
		wantInputError(t, err, path, want)
	}
	for name, data := range map[string][]byte{"网页.doc": []byte("<html><body>一、总体要求</body></html>"), "表格.xls": ole2} {
		path := testkit.SaveFile(t, dir, name, data)
		if _, _, ok, err := ToDOCX(context.Background(), path); ok || err != nil {
			t.Errorf("ToDOCX(%s) = %v, %v; want it left to the caller", name, ok, err)
		}
	}
}
