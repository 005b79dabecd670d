package ledgerbook

import (
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/hiddensheet"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// TestWriteJSON: the ledger's JSON, written a list item at a time, is
// what hiddensheet.MarshalJSON makes of the whole, with lists, with none,
// with empty ones and with texts that look like the lists' fields.
func TestWriteJSON(t *testing.T) {
	tricky := testLedger()
	tricky.Title = `"rows":[]"units":[]`
	tricky.Missing = append(tricky.Missing, `"intake":[]`)
	noRows := testLedger()
	noRows.Rows, noRows.Intake = nil, nil
	emptyRows := testLedger()
	emptyRows.Rows, emptyRows.Units = []*ledger.Row{}, []*ledger.UnitSummary{}
	for name, l := range map[string]*ledger.Ledger{"lists": testLedger(), "tricky texts": tricky, "nil lists": noRows, "empty lists": emptyRows} {
		want, err := hiddensheet.MarshalJSON(l)
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		if err := writeJSON(&got, l); err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Errorf("%s: writeJSON =\n%s\nwant\n%s", name, got.String(), want)
		}
	}
}
