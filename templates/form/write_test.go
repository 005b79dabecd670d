package form_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	units, _ := fillin.Assign(formtest.Set())
	written, err := form.WriteAll(dir, units, formtest.Options())
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != len(units) {
		t.Fatalf("%d written; want %d", len(written), len(units))
	}
	for i, w := range written {
		if w.Unit != units[i].Unit || w.Items != len(units[i].Items) || filepath.Base(w.Path) != fillin.FileName(w.Unit, formtest.Period()) {
			t.Errorf("written[%d] = %+v", i, w)
		}
		o := formtest.CheckOptions(formtest.Set())
		o.Unit = w.Unit
		data, err := os.ReadFile(w.Path)
		if err != nil {
			t.Fatal(err)
		}
		r := fillin.Check(filepath.Base(w.Path), data, o)
		if len(formtest.Levels(r, fillin.LevelError)) > 0 || len(r.Entries) != w.Items {
			t.Errorf("%s: %d entries, findings:\n%s", w.Path, len(r.Entries), formtest.DumpFindings(r))
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(units) {
		t.Errorf("dir has %d files; want %d (temporary files left?)", len(entries), len(units))
	}
	// Errors: a missing directory leaves nothing; a short key is refused.
	if _, err := form.WriteAll(filepath.Join(dir, "missing"), units, formtest.Options()); err == nil {
		t.Error("WriteAll into a missing directory succeeded")
	}
	o := formtest.Options()
	o.Secret = []byte("short")
	if _, err := form.WriteAll(dir, units, o); err == nil {
		t.Error("WriteAll with a short key succeeded")
	}
}

func TestWriteRefuses(t *testing.T) {
	tk := &task.Task{ID: "X-1", Text: "任务"}
	for _, a := range []fillin.Assignment{
		{Unit: "u", Items: []fillin.Item{{Task: nil}}},
		{Unit: "u", Items: []fillin.Item{{Task: &task.Task{Text: "无编号"}}}},
		{Unit: "u", Items: []fillin.Item{{Task: tk, Role: fillin.RoleLead}, {Task: tk, Role: fillin.RoleLead}}},
	} {
		var buf bytes.Buffer
		if err := form.Write(&buf, a, formtest.Options()); err == nil {
			t.Errorf("form.Write(%+v) succeeded", a.Items)
		}
	}
	// A unit with nothing to report still gets a readable workbook.
	var buf bytes.Buffer
	if err := form.Write(&buf, fillin.Assignment{Unit: "空单位"}, formtest.Options()); err != nil {
		t.Fatal(err)
	}
	r := fillin.Check("x.xlsx", buf.Bytes(), fillin.CheckOptions{Secret: formtest.Secret})
	if !r.Usable() || len(r.Entries) != 0 || r.Unit != "空单位" {
		t.Errorf("empty workbook: %+v\n%s", r, formtest.DumpFindings(r))
	}
}

func TestWriteNoDue(t *testing.T) {
	o := formtest.Options()
	o.Due = time.Time{}
	a := formtest.Assignment(t, formtest.Set(), "市财政局")
	var buf bytes.Buffer
	if err := form.Write(&buf, a, o); err != nil {
		t.Fatal(err)
	}
	f := testkit.OpenBytes(t, buf.Bytes())
	v, _ := f.GetCellValue(fillin.SheetForm, "F2")
	if v != "请按办公室通知时间报送" {
		t.Errorf("due cell = %q", v)
	}
}

// TestExcelizeWritesTheSame: the sheets, shared strings and properties
// written as XML (sheetxml.go) are what excelize writes for the same
// workbook: excelize reads each seed unit's workbook and writes it back
// with every part unchanged.
func TestExcelizeWritesTheSame(t *testing.T) {
	units, _ := fillin.Assign(formtest.SeedSet(t))
	units = append(units, fillin.Assignment{Unit: "空单位 <&\"'>"}, fillin.Assignment{Unit: " 单位\t\x01\xff_x000D_ "})
	for _, a := range units {
		var buf bytes.Buffer
		if err := form.Write(&buf, a, formtest.Options()); err != nil {
			t.Fatal(err)
		}
		f := testkit.OpenBytes(t, buf.Bytes())
		remarshal(t, f)
		again := testkit.SaveBytes(t, f)
		want, got := testkit.ZipParts(t, buf.Bytes()), testkit.ZipParts(t, again)
		for name, w := range want {
			if g := got[name]; g != w {
				t.Errorf("%s: excelize writes %s differently:\n%s", a.Unit, name, byteDiff(w, g))
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: excelize writes %d parts; the workbook has %d", a.Unit, len(got), len(want))
		}
	}
}

// remarshal makes excelize decode the parts the writer makes, so that it
// encodes them anew when it saves f: it passes those it never read through.
func remarshal(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		if _, err := f.GetCellValue(sheet, "A1"); err != nil { // reads the sheet and the shared strings
			t.Fatal(err)
		}
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetDocProps(props); err != nil {
		t.Fatal(err)
	}
	custom, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range custom {
		if err := f.SetCustomProps(p); err != nil {
			t.Fatal(err)
		}
	}
}

// byteDiff shows where two parts (one long line of XML each) part.
func byteDiff(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-100)
	return fmt.Sprintf("  ours:     …%s\n  excelize: …%s", want[from:min(len(want), i+100)], got[from:min(len(got), i+100)])
}

// TestProtectionPassword: the sheets and the workbook open with
// SheetPassword, as excelize checks it (the hash is computed here, not by
// excelize), and not with another.
func TestProtectionPassword(t *testing.T) {
	data := formtest.WriteUnit(t, formtest.Set(), "市科技局")
	for _, password := range []string{form.SheetPassword, "wrong"} {
		f := testkit.OpenBytes(t, data)
		want := password == form.SheetPassword
		for _, sheet := range []string{fillin.SheetGuide, fillin.SheetForm} {
			if err := f.UnprotectSheet(sheet, password); (err == nil) != want {
				t.Errorf("UnprotectSheet(%s, %q) = %v", sheet, password, err)
			}
		}
		if err := f.UnprotectWorkbook(password); (err == nil) != want {
			t.Errorf("UnprotectWorkbook(%q) = %v", password, err)
		}
	}
}

// TestMasterSameBytes: the master the workbooks are made from is the same
// bytes every time it is built, protection hashes and salts included, so
// that the same round gives the same workbooks from run to run.
func TestMasterSameBytes(t *testing.T) {
	a, _, err := form.BuildMaster()
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := form.BuildMaster()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two builds of the master workbook differ")
	}
}
