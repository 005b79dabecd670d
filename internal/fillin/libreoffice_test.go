package fillin

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/convert/lotest"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// resave round-trips an .xlsx through LibreOffice, as an office using it
// would.
func resave(t *testing.T, b []byte) []byte {
	t.Helper()
	return lotest.Resave(t, b, "return.xlsx")
}

func TestLibreOfficeRoundTrip(t *testing.T) {
	lotest.Skip(t)
	s, f := filled(t)
	set(t, f, "H5", "８０％")
	set(t, f, "I6", "完成")
	set(t, f, "H6", 100)
	b := resave(t, testkit.SaveBytes(t, f))
	g := testkit.OpenBytes(t, b)
	if v, _ := g.GetSheetVisible(SheetMeta); v {
		t.Errorf("LibreOffice made the hidden sheet visible")
	}
	r := Check("return.xlsx", b, checkOpts(s))
	t.Logf("findings after LibreOffice:\n%s", dumpFindings(r))
	if !r.Usable() || len(levels(r, LevelWarning)) > 0 {
		t.Errorf("LibreOffice-saved return has errors or warnings")
	}
	if len(r.Entries) != 4 || *r.Entries[0].Percent != 80 || r.Entries[1].Status != StatusDone || r.Header.Date != "2025-01-03" {
		t.Errorf("entries = %+v header = %+v", r.Entries, r.Header)
	}

	// A LibreOffice user who also edited a locked cell (LibreOffice drops
	// nothing but a script or an unprotected copy can).
	h := testkit.OpenBytes(t, b)
	if err := h.UnprotectSheet(SheetForm); err != nil {
		t.Fatal(err)
	}
	set(t, h, "B5", "改过")
	r = Check("return.xlsx", testkit.SaveBytes(t, h), checkOpts(s))
	if r.Usable() || !hasFinding(r, LevelError, "“任务内容”被修改") {
		t.Errorf("edit after LibreOffice not caught:\n%s", dumpFindings(r))
	}

	// The copy of the metadata in the document properties survives.
	h = testkit.OpenBytes(t, b)
	if err := h.DeleteSheet(SheetMeta); err != nil {
		t.Fatal(err)
	}
	r = Check("return.xlsx", testkit.SaveBytes(t, h), checkOpts(s))
	if !r.Usable() || r.Unit != "市科技局" {
		t.Errorf("properties copy lost in LibreOffice:\n%s", dumpFindings(r))
	}
}
