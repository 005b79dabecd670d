package fillin

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func saveBytes(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFilled(t *testing.T) {
	s := testSet()
	blank := writeUnit(t, s, "市科技局")
	tests := []struct {
		name string
		edit func(f *excelize.File)
		want bool
	}{
		{"blank", func(*excelize.File) {}, false},
		{"filler only", func(f *excelize.File) { set(t, f, "B3", "张三") }, true},
		{"one remark", func(f *excelize.File) { set(t, f, cellAt(cRemark, rowFirst+1), "见附件") }, true},
		{"one percent", func(f *excelize.File) { set(t, f, cellAt(cPercent, rowFirst), 0) }, true},
		{"all", func(f *excelize.File) { fillIn(t, f, 4) }, true},
	}
	for _, tt := range tests {
		f := testkit.OpenBytes(t, blank)
		tt.edit(f)
		if got := Filled(saveBytes(t, f)); got != tt.want {
			t.Errorf("Filled(%s) = %v; want %v", tt.name, got, tt.want)
		}
	}
	if !Filled([]byte("not a workbook")) {
		t.Error("an unreadable file counts as not filled")
	}
}

// templates -o into a folder of returns: the blank workbooks are
// replaced, the filled ones refused and left as they were.
func TestWriteAllKeepsReturns(t *testing.T) {
	s := testSet()
	units, _ := Assign(s)
	dir := t.TempDir()
	written, err := WriteAll(dir, units, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WriteAll(dir, units, testOpts()); err != nil {
		t.Fatalf("writing over blank workbooks: %v", err)
	}
	_, f := filled(t)
	ret := written[0].Path
	returned := saveBytes(t, f)
	if err := os.WriteFile(ret, returned, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = WriteAll(dir, units, testOpts())
	var oe *outfile.Error
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), ret) || !strings.Contains(err.Error(), "已有单位填写的内容") {
		t.Fatalf("WriteAll over a filled return = %v", err)
	}
	if got, _ := os.ReadFile(ret); !bytes.Equal(got, returned) {
		t.Error("the unit's return was changed")
	}
	// A file that is no fill-in workbook at a workbook's name is refused too.
	if err := os.WriteFile(ret, []byte("办公室的笔记"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteAll(dir, units, testOpts()); !errors.As(err, &oe) || !strings.Contains(err.Error(), "不是 taizhang 生成的文件") {
		t.Errorf("WriteAll over another file = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(units) {
		t.Errorf("%d files in %s; want %d (no backups, no temporary files): %v", len(entries), dir, len(units), entries)
	}
}
