package cells

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// TestRowWriter: rows come out as excelize's StreamWriter writes them, for
// texts that need escaping or keep their spaces, _xHHHH_ look-alikes,
// texts too long for a cell, numbers of every kind and empty cells.
func TestRowWriter(t *testing.T) {
	rows := [][]excelize.Cell{
		{{StyleID: 3, Value: "甲乙丙"}, {StyleID: 4}, {Value: 7}, {StyleID: 2, Value: 0.1 + 0.2}},
		{{Value: " 前后空格 "}, {Value: "a\nb\tc\rd"}, {Value: `<&>"'`}, {Value: "\x01\uFFFE坏\xff"}, {Value: ""}},
		{{Value: "_x0041_"}, {Value: "_x005F_x0041_"}, {Value: "_x005F_"}, {Value: "a_xD800_b"}, {Value: "_x00zz_"}},
		{{Value: 123456789.123456789}, {Value: 1e21}, {Value: -0.000001234567890123456}, {Value: math.MaxFloat64}, {Value: math.NaN()}, {Value: math.Inf(-1)}, {Value: -42}},
		{{Value: strings.Repeat("长", 40000)}, {Value: strings.Repeat("𠀀", 20000)}, {Value: "\n"}},
	}
	heights := []float64{0, 30, 14.25, 0, 409}

	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		values := make([]any, len(r))
		for j, c := range r {
			values[j] = c
		}
		if err := sw.SetRow(CellName(1, i+1), values, excelize.RowOpts{Height: heights[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	want := sheetData(t, testkit.SaveBytes(t, f))
	if !strings.Contains(want, `<row r="5" ht="409"`) || !strings.Contains(want, "_x005F_x0041_") {
		t.Fatalf("excelize's rows are not as expected: %.300s", want)
	}

	var got bytes.Buffer
	rw := NewRowWriter(&got)
	for i, r := range rows {
		if err := rw.Row(i+1, heights[i], r); err != nil {
			t.Fatal(err)
		}
	}
	if got.String() != want {
		t.Errorf("RowWriter wrote\n%s\nwant\n%s", got.String(), want)
	}
	if err := rw.Row(9, 410, nil); err == nil {
		t.Error("a row higher than Excel allows was written")
	}
	if err := rw.Row(9, 0, []excelize.Cell{{Value: true}}); err == nil {
		t.Error("a bool was written")
	}
}

// sheetData is what is between <sheetData> and </sheetData> in the first
// sheet of a workbook.
func sheetData(t *testing.T, data []byte) string {
	_, rest, _ := strings.Cut(testkit.ZipEntry(t, data, "xl/worksheets/sheet1.xml"), "<sheetData>")
	inner, _, _ := strings.Cut(rest, "</sheetData>")
	return inner
}

// TestLater: rows left for later come after the streamed ones, in the
// sheet they were left for, with the sheets of other parts as they were;
// an unknown sheet is an error.
func TestLater(t *testing.T) {
	var buf bytes.Buffer
	err := WriteBook(&buf, "test", func(f *excelize.File, later *Later) error {
		if _, err := f.NewSheet("二"); err != nil {
			return err
		}
		if err := f.SetCellValue("Sheet1", "A1", "一"); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter("二")
		if err != nil {
			return err
		}
		if err := sw.SetRow("A1", []any{"streamed"}); err != nil {
			return err
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		if err := later.Rows("三", nil); err == nil {
			t.Error("rows for a sheet the workbook does not have")
		}
		return later.Rows("二", func(rw *RowWriter) error {
			return rw.Row(2, 0, []excelize.Cell{{Value: "later"}, {Value: 2}})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	f := testkit.OpenBytes(t, buf.Bytes())
	if got := testkit.Grid(t, f, "二"); len(got) != 2 || got[0][0] != "streamed" || got[1][0] != "later" || got[1][1] != "2" {
		t.Errorf("二 = %q", got)
	}
	if got := testkit.Grid(t, f, "Sheet1"); len(got) != 1 || got[0][0] != "一" {
		t.Errorf("Sheet1 = %q", got)
	}
}

// TestLaterSpool: sheets large enough to wait in the spool (a temporary
// file) read back row for row, two saves give the same bytes, and no
// temporary file is left behind; rows given twice for a sheet are refused.
func TestLaterSpool(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	const rows = 6000
	sheets := []string{"甲", "乙", "丙"}
	write := func() []byte {
		var buf bytes.Buffer
		err := WriteBook(&buf, "test", func(f *excelize.File, later *Later) error {
			for _, s := range sheets {
				if _, err := f.NewSheet(s); err != nil {
					return err
				}
				sw, err := f.NewStreamWriter(s)
				if err != nil {
					return err
				}
				if err := sw.Flush(); err != nil {
					return err
				}
				if err := later.Rows(s, func(rw *RowWriter) error {
					for n := 1; n <= rows; n++ {
						if err := rw.Row(n, 0, []excelize.Cell{{Value: fmt.Sprintf("%s第%d行", s, n)}, {Value: n * 7}}); err != nil {
							return err
						}
					}
					return nil
				}); err != nil {
					return err
				}
			}
			if err := later.Rows("甲", func(*RowWriter) error { return nil }); err == nil {
				t.Error("rows given twice for 甲")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	data := write()
	if again := write(); !bytes.Equal(data, again) {
		t.Error("two saves of the same workbook differ")
	}
	f := testkit.OpenBytes(t, data)
	for _, s := range sheets {
		got := testkit.Grid(t, f, s)
		if len(got) != rows {
			t.Fatalf("%s: %d rows; want %d", s, len(got), rows)
		}
		for i, r := range got {
			if want := fmt.Sprintf("%s第%d行", s, i+1); r[0] != want || r[1] != strconv.Itoa((i+1)*7) {
				t.Fatalf("%s row %d = %q; want %s, %d", s, i+1, r, want, (i+1)*7)
			}
		}
	}
	if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "taizhang-zip-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestCellName(t *testing.T) {
	for _, c := range []struct {
		col, row int
		want     string
	}{{1, 1, "A1"}, {26, 2, "Z2"}, {27, 3, "AA3"}, {702, 10, "ZZ10"}, {703, 1, "AAA1"}, {16384, 1048576, "XFD1048576"}} {
		if got := CellName(c.col, c.row); got != c.want {
			t.Errorf("CellName(%d, %d) = %s; want %s", c.col, c.row, got, c.want)
		}
	}
}
