package ledgerbook

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func readEdits(t *testing.T, b []byte) *Reading {
	t.Helper()
	rd, err := ReadWithEdits("总台账.xlsx", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return rd
}

// TestIgnoredEdits: edits of the 总台账 sheet outside the office's columns
// are not taken, and each is listed with its sheet, row and column; the
// office's own edits (review, status override, sorting, hiding, widening,
// an inserted column) are not.
func TestIgnoredEdits(t *testing.T) {
	b := writeBytes(t, testLedger())
	if got := readEdits(t, b).Ignored; len(got) != 0 {
		t.Errorf("a ledger as written: ignored %v", got)
	}
	f := testkit.OpenBytes(t, b)
	officeEdits(t, f)
	if got := readEdits(t, testkit.SaveBytes(t, f)).Ignored; len(got) != 0 {
		t.Errorf("after the office's own edits: ignored %v", got)
	}

	f = testkit.OpenBytes(t, b)
	pct, status := ledgerCol(t, f, "累计进度(%)"), ledgerCol(t, f, "完成状态")
	row := taskRow(t, f, "D1-三.(二).4")
	setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", pct, row), 95)
	setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", status, row), "已完成")
	gone := taskRow(t, f, "D2-一")
	if err := f.RemoveRow(SheetLedger, gone); err != nil {
		t.Fatal(err)
	}
	rd := readEdits(t, testkit.SaveBytes(t, f))
	want := testLedger()
	assertLedgerEqual(t, rd.Ledger, want) // nothing taken
	var msgs []string
	for _, e := range rd.Ignored {
		msgs = append(msgs, e.String())
	}
	all := strings.Join(msgs, "\n")
	r := rowByID(want, "D1-三.(二).4")
	for _, w := range []string{
		fmt.Sprintf("总台账.xlsx：工作表“总台账”第 %d 行“累计进度(%%)”列（%s%d，序号 %s）：表内改为“95”，未采用，仍为汇总时的“%s”", row, pct, row, r.Label, ledger.Num(*r.Percent)),
		fmt.Sprintf("第 %d 行“完成状态”列（%s%d，序号 %s）：表内改为“已完成”，未采用，仍为汇总时的“%s”", row, status, row, r.Label, r.Status),
		fmt.Sprintf("原第 %d 行（序号 %s，任务编号 D2-一）已被删除", gone, rowByID(want, "D2-一").Label),
	} {
		if !strings.Contains(all, w) {
			t.Errorf("ignored edits lack %q:\n%s", w, all)
		}
	}
	if len(rd.Ignored) != 3 {
		t.Errorf("%d ignored edits; want 3:\n%s", len(rd.Ignored), all)
	}

	// A deleted column is named once.
	f = testkit.OpenBytes(t, b)
	if err := f.RemoveCol(SheetLedger, ledgerCol(t, f, "存在问题")); err != nil {
		t.Fatal(err)
	}
	rd = readEdits(t, testkit.SaveBytes(t, f))
	if len(rd.Ignored) != 1 || !strings.Contains(rd.Ignored[0].String(), "“存在问题”列已被删除") {
		t.Errorf("deleted column: %v", rd.Ignored)
	}
}
