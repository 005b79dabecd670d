package form_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

// templates -o into a folder of returns: the blank workbooks are
// replaced, the filled ones refused and left as they were.
func TestWriteAllKeepsReturns(t *testing.T) {
	s := formtest.Set()
	units, _ := fillin.Assign(s)
	dir := t.TempDir()
	written, err := form.WriteAll(dir, units, formtest.Options())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := form.WriteAll(dir, units, formtest.Options()); err != nil {
		t.Fatalf("writing over blank workbooks: %v", err)
	}
	_, f := formtest.Filled(t)
	ret := written[0].Path
	returned := testkit.SaveBytes(t, f)
	if err := os.WriteFile(ret, returned, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = form.WriteAll(dir, units, formtest.Options())
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
	if _, err := form.WriteAll(dir, units, formtest.Options()); !errors.As(err, &oe) || !strings.Contains(err.Error(), "不是 taizhang 生成的文件") {
		t.Errorf("WriteAll over another file = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(units) {
		t.Errorf("%d files in %s; want %d (no backups, no temporary files): %v", len(entries), dir, len(units), entries)
	}
}
