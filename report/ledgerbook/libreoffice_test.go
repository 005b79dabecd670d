package ledgerbook

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/convert/lotest"
	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// resave round-trips an .xlsx through LibreOffice, as an office using it
// would.
func resave(t *testing.T, b []byte) []byte {
	t.Helper()
	return lotest.Resave(t, b, "总台账.xlsx")
}

func TestLibreOfficeRoundTrip(t *testing.T) {
	lotest.Skip(t)
	f := testkit.OpenBytes(t, writeBytes(t, testLedger()))
	officeEdits(t, f)
	b := resave(t, testkit.SaveBytes(t, f))

	g := testkit.OpenBytes(t, b)
	if v, _ := g.GetSheetVisible(SheetHidden); v {
		t.Errorf("LibreOffice made the hidden sheet visible")
	}
	if v, _ := g.GetColVisible(SheetLedger, ledgerCol(t, g, "任务编号")); v {
		t.Errorf("LibreOffice made the 任务编号 column visible")
	}
	want := testLedger()
	applyOfficeEdits(want)
	assertLedgerEqual(t, readBytes(t, b), want)
	// Nothing LibreOffice does to the cells counts as an edit.
	if ig := readEdits(t, b).Ignored; len(ig) != 0 {
		t.Errorf("after LibreOffice, ignored edits %v", ig)
	}

	// Without the hidden sheet, the IDs and the office's columns still
	// come from the visible sheet.
	if err := g.DeleteSheet(SheetHidden); err != nil {
		t.Fatal(err)
	}
	got := readBytes(t, testkit.SaveBytes(t, g))
	for _, w := range want.Rows {
		r := rowByID(got, w.TaskID)
		if r == nil {
			t.Errorf("task %s lost", w.TaskID)
			continue
		}
		if r.Review != w.Review || r.Override != w.Override || r.Status != w.Status || deref64(r.Percent) != deref64(w.Percent) {
			t.Errorf("task %s: review %q override %q status %q percent %s; want %q %q %q %s", w.TaskID,
				r.Review, r.Override, r.Status, deref64(r.Percent), w.Review, w.Override, w.Status, deref64(w.Percent))
		}
	}
}

// A large ledger's JSON spans many cells of 30,000 characters.
func TestLibreOfficeLargeLedger(t *testing.T) {
	lotest.Skip(t)
	if testing.Short() {
		t.Skip("large ledger")
	}
	l := syntheticLedger(600, 40)
	b := resave(t, writeBytes(t, l))
	assertLedgerEqual(t, readBytes(t, b), l)
}

// A ranked ledger saved by LibreOffice still reads back, and its ranking
// sheets keep their numbers, formats and events.
func TestLibreOfficeRanked(t *testing.T) {
	lotest.Skip(t)
	l := testLedger()
	rk := testRanking(t, l)
	b := resave(t, writeRankedBytes(t, l, rk))
	assertLedgerEqual(t, readBytes(t, b), testLedger())
	f := testkit.OpenBytes(t, b)
	checkRanking(t, f, SheetRanking, rk.Result, rk.Standings)
	checkEvents(t, f, SheetRankingEvents, rk.Result, map[string]string{"2024-Q4": "2024年第四季度"})
}

// The year workbook survives LibreOffice: sheets, values, light fills and
// the chart.
func TestLibreOfficeYear(t *testing.T) {
	lotest.Skip(t)
	ledgers := smallYear(t)
	y := history.Build(ledgers, score.Defaults, smallOrder)
	b := lotest.Resave(t, writeYearBytes(t, y, ledgers), "年度考核.xlsx")
	checkYear(t, testkit.OpenBytes(t, b), y, ledgers)
	if charts := testkit.ChartParts(t, testkit.SaveFile(t, t.TempDir(), "resaved.xlsx", b)); len(charts) != 1 {
		t.Errorf("LibreOffice kept %d charts; want 1", len(charts))
	}
}
