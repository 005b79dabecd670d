package form_test

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	var dumps []string
	for i := range 2 {
		path := testkit.SaveFile(t, dir, "w"+string(rune('0'+i))+".xlsx", formtest.WriteUnit(t, formtest.Set(), "市科技局"))
		dumps = append(dumps, dump(t, path))
	}
	if dumps[0] != dumps[1] {
		t.Errorf("two writes with the same options differ:\n%s\n----\n%s", dumps[0], dumps[1])
	}
	if !strings.Contains(dumps[0], "created=2026-03-01T09:30:00Z modified=2026-03-01T09:30:00Z") {
		t.Errorf("workbook times are not the pinned time")
	}
}

func TestGolden(t *testing.T) {
	path := testkit.SaveFile(t, t.TempDir(), "small.xlsx", formtest.WriteUnit(t, formtest.Set(), "市科技局"))
	got := dump(t, path)
	golden := filepath.Join("testdata", "small.golden")
	testkit.Golden(t, golden, got)
}

// TestPrintSize: the form's 11-point text prints at 9 points or more on A4
// fitted to its width (it printed at about 7 before the columns were
// narrowed and the side margins cut to 0.3 inch).
func TestPrintSize(t *testing.T) {
	f := testkit.OpenBytes(t, formtest.WriteUnit(t, formtest.Set(), "市科技局"))
	style, err := f.GetCellStyle(fillin.SheetForm, formtest.Cell(fillin.ColContent, fillin.RowFirst))
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(style)
	if err != nil || st.Font == nil {
		t.Fatalf("no font on the task rows: %v", err)
	}
	got := testkit.PrintedPoints(t, f, fillin.SheetForm, st.Font.Size)
	t.Logf("the form prints its %g-point text at %.2f points", st.Font.Size, got)
	if got < 9 {
		t.Errorf("the form's %g-point text prints at %.1f points; want 9 or more", st.Font.Size, got)
	}
}

// TestTaskRowsGrow: the task rows carry a height but not the custom-height
// mark, so Excel and WPS fit them to a long text typed in; the rows above
// keep theirs.
func TestTaskRowsGrow(t *testing.T) {
	data := formtest.WriteUnit(t, formtest.Set(), "市科技局")
	sheet := testkit.ZipEntry(t, data, "xl/worksheets/sheet2.xml")
	rows := regexp.MustCompile(`<row r="(\d+)"[^>]*>`).FindAllStringSubmatch(sheet, -1)
	if len(rows) <= fillin.RowFirst {
		t.Fatalf("%d rows in the form sheet; want task rows", len(rows))
	}
	for _, r := range rows {
		n, _ := strconv.Atoi(r[1])
		custom := strings.Contains(r[0], "customHeight")
		if n >= fillin.RowFirst && (custom || !strings.Contains(r[0], ` ht="`)) {
			t.Errorf("task row %s: %s; want a height and no customHeight", r[1], r[0])
		}
		if n < fillin.RowFirst && !custom {
			t.Errorf("row %s above the tasks: %s; want its custom height", r[1], r[0])
		}
	}
}
