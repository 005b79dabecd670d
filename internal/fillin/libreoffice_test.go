package fillin_test

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/convert/lotest"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

// resave round-trips an .xlsx through LibreOffice, as an office using it
// would.
func resave(t *testing.T, b []byte) []byte {
	t.Helper()
	return lotest.Resave(t, b, "return.xlsx")
}

func TestLibreOfficeRoundTrip(t *testing.T) {
	lotest.Skip(t)
	s, f := formtest.Filled(t)
	formtest.SetCell(t, f, "H5", "８０％")
	formtest.SetCell(t, f, "I6", "完成")
	formtest.SetCell(t, f, "H6", 100)
	b := resave(t, testkit.SaveBytes(t, f))
	g := testkit.OpenBytes(t, b)
	if v, _ := g.GetSheetVisible(fillin.SheetMeta); v {
		t.Errorf("LibreOffice made the hidden sheet visible")
	}
	r := fillin.Check("return.xlsx", b, formtest.CheckOptions(s))
	t.Logf("findings after LibreOffice:\n%s", formtest.DumpFindings(r))
	if !r.Usable() || len(formtest.Levels(r, fillin.LevelWarning)) > 0 {
		t.Errorf("LibreOffice-saved return has errors or warnings")
	}
	if len(r.Entries) != 4 || *r.Entries[0].Percent != 80 || r.Entries[1].Status != fillin.StatusDone || r.Header.Date != "2025-01-03" {
		t.Errorf("entries = %+v header = %+v", r.Entries, r.Header)
	}

	// A LibreOffice user who also edited a locked cell (LibreOffice drops
	// nothing but a script or an unprotected copy can).
	h := testkit.OpenBytes(t, b)
	if err := h.UnprotectSheet(fillin.SheetForm); err != nil {
		t.Fatal(err)
	}
	formtest.SetCell(t, h, "B5", "改过")
	r = fillin.Check("return.xlsx", testkit.SaveBytes(t, h), formtest.CheckOptions(s))
	if r.Usable() || !formtest.HasFinding(r, fillin.LevelError, "“任务内容”被修改") {
		t.Errorf("edit after LibreOffice not caught:\n%s", formtest.DumpFindings(r))
	}

	// The copy of the metadata in the document properties survives.
	h = testkit.OpenBytes(t, b)
	if err := h.DeleteSheet(fillin.SheetMeta); err != nil {
		t.Fatal(err)
	}
	r = fillin.Check("return.xlsx", testkit.SaveBytes(t, h), formtest.CheckOptions(s))
	if !r.Usable() || r.Unit != "市科技局" {
		t.Errorf("properties copy lost in LibreOffice:\n%s", formtest.DumpFindings(r))
	}
}
