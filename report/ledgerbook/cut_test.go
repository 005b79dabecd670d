package ledgerbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// TestLongTexts: a text a cell can hold is written whole; a longer one
// (co-units' reports side by side) is cut visibly, saying where the whole
// is, listed on 问题清单, and kept whole in the ledger read back.
func TestLongTexts(t *testing.T) {
	l := testLedger()
	first := l.Rows[0]
	first.Progress = strings.Repeat("进", 20000)
	first.CoReports[0].Progress = strings.Repeat("配", 30000)
	first.CoReports[1] = ledger.CoReport{Unit: "市财政局", Reported: true, Progress: strings.Repeat("财", 30000), Source: "市财政局.xlsx"}
	b := writeBytes(t, l)
	f := testkit.OpenBytes(t, b)
	row := taskRow(t, f, first.TaskID)
	cell := func(header string) string {
		ref := ledgerCol(t, f, header) + itoa(row)
		v, err := f.GetCellValue(SheetLedger, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := cell("本期进展"); got != first.Progress {
		t.Errorf("本期进展 has %d characters; want the whole 20000", utf8.RuneCountInString(got))
	}
	co := cell("配合单位报送")
	if cells.CellUnits(co) > cells.MaxCellUnits || !strings.HasSuffix(co, "……（以下略，全文见各配合单位的报送文件 市统计局.xlsx、市财政局.xlsx）") {
		t.Errorf("配合单位报送 is not cut visibly: %d units, ends %q", cells.CellUnits(co), lastRunes(co, 60))
	}
	rows, err := f.GetRows(SheetFindings)
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, r := range rows {
		if len(r) >= 8 && r[4] == SheetLedger && r[5] == ledgerCol(t, f, "配合单位报送")+itoa(row) && strings.Contains(r[7], "超过 Excel 单元格的上限") {
			listed = true
		}
	}
	if !listed {
		t.Errorf("问题清单 does not list the cut cell:\n%q", rows)
	}
	back := readBytes(t, b)
	if got := rowByID(back, first.TaskID); got.Progress != first.Progress || got.CoReports[1].Progress != first.CoReports[1].Progress {
		t.Error("the ledger read back lost text")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func lastRunes(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

// TestReadZipBomb: a small file that unpacks to more than any ledger is
// refused with a message, not unpacked to the disk for minutes.
func TestReadZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < (cells.MaxUnzipSize>>20)+8; i++ {
		w.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Read("炸弹.xlsx", &buf)
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Msg, "文件解压后超过") {
		t.Errorf("Read(zip bomb) = %v", err)
	}
}
