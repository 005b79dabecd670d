package fillin_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// TestSheetsRows reads a sheet with gaps, merges, numbers, a rich string
// and an inline string overwritten with a date as excelize's GetRows does.
func TestSheetsRows(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("任务"); err != nil {
		t.Fatal(err)
	}
	cellsOf := map[string]any{"A1": "标题", "C3": 12.5, "B5": "x_x0041_y", "D7": true, "A9": "  留空格  "}
	for c, v := range cellsOf {
		if err := f.SetCellValue("任务", c, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellRichText("任务", "B2", []excelize.RichTextRun{{Text: "一"}, {Text: "二"}}); err != nil {
		t.Fatal(err)
	}
	if err := f.MergeCell("任务", "A1", "D1"); err != nil {
		t.Fatal(err)
	}
	data := testkit.SaveBytes(t, f)
	// excelize keeps the is of an inline string it overwrites with a number.
	g := testkit.OpenBytes(t, data)
	if err := g.SetCellValue("任务", "B5", time.Date(2024, 7, 31, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{data, testkit.SaveBytes(t, g)} {
		want, err := testkit.OpenBytes(t, data).GetRows("任务", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		s, err := fillin.OpenSheets(data)
		if err != nil {
			t.Fatal(err)
		}
		got, merges, err := s.Rows("任务")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Rows() = %q; want %q", got, want)
		}
		if wantM := []fillin.Merge{{1, 1, 4, 1}}; !reflect.DeepEqual(merges, wantM) {
			t.Errorf("merges = %v; want %v", merges, wantM)
		}
		if names := s.Names(); !reflect.DeepEqual(names, []string{"Sheet1", "任务"}) || !s.Has("sheet1") || s.Has("其他") {
			t.Errorf("Names() = %q", names)
		}
		if _, _, err := s.Rows("其他"); err == nil {
			t.Error("Rows of a missing sheet: no error")
		}
	}
}
