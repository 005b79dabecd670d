package ledgerbook

import (
	"fmt"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func ledgerWithRemoved() *ledger.Ledger {
	l := testLedger()
	l.Removed = []*ledger.RemovedRow{{
		TaskID: "D1-三.9", DocID: "D1", DocTitle: "创新方案", Label: "三9", Path: []string{"三", "9"},
		Text: "已从任务分解表删去的任务", Lead: []string{"市科技局"}, Review: "请说明删去的原因", Override: "滞后",
		Removed: "2025-01-06T07:30:00Z",
	}}
	return l
}

// TestRemovedSheet: the tasks that left the task list are listed on their
// own sheet with the office's notes, which read back, edited or not, with
// or without the hidden sheet.
func TestRemovedSheet(t *testing.T) {
	b := writeBytes(t, ledgerWithRemoved())
	f := testkit.OpenBytes(t, b)
	rows, err := f.GetRows(SheetRemoved)
	if err != nil {
		t.Fatalf("no %s sheet: %v", SheetRemoved, err)
	}
	found := false
	for i, r := range rows {
		if len(r) == len(removedHeaders) && r[rmTaskID] == "D1-三.9" {
			found = true
			if r[rmLabel] != "三9" || r[rmReview] != "请说明删去的原因" || r[rmOverride] != "滞后" || r[rmLead] != "市科技局" {
				t.Errorf("row %d = %q", i+1, r)
			}
			setCell(t, f, SheetRemoved, fmt.Sprintf("%s%d", colName(rmReview+1), i+1), "已核实：任务并入三8")
		}
	}
	if !found {
		t.Fatalf("the removed task is not on the sheet: %q", rows)
	}
	got := readBytes(t, b)
	assertLedgerEqual(t, got, ledgerWithRemoved())

	edited := testkit.SaveBytes(t, f)
	got = readBytes(t, edited)
	if len(got.Removed) != 1 || got.Removed[0].Review != "已核实：任务并入三8" || got.Removed[0].Override != "滞后" {
		t.Errorf("edited: removed = %+v", got.Removed)
	}

	if err := f.DeleteSheet(SheetHidden); err != nil {
		t.Fatal(err)
	}
	got = readBytes(t, testkit.SaveBytes(t, f))
	if len(got.Removed) != 1 || got.Removed[0].TaskID != "D1-三.9" || got.Removed[0].Review != "已核实：任务并入三8" || got.Removed[0].Label != "三9" {
		t.Errorf("without the hidden sheet: removed = %+v", got.Removed)
	}

	// A ledger without removed tasks has no such sheet.
	if idx, _ := testkit.OpenBytes(t, writeBytes(t, testLedger())).GetSheetIndex(SheetRemoved); idx >= 0 {
		t.Errorf("a ledger without removed tasks has a %s sheet", SheetRemoved)
	}
}
