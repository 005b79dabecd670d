package ledgerbook

import (
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/hiddensheet"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// TestWriteJSON: the ledger's JSON, written a row at a time, is what
// hiddensheet.MarshalJSON makes of the whole, with rows, with none and
// with a title that looks like the rows field.
func TestWriteJSON(t *testing.T) {
	tricky := testLedger()
	tricky.Title = `"rows":[]`
	noRows := testLedger()
	noRows.Rows = nil
	emptyRows := testLedger()
	emptyRows.Rows = []*ledger.Row{}
	for name, l := range map[string]*ledger.Ledger{"rows": testLedger(), "tricky title": tricky, "nil rows": noRows, "empty rows": emptyRows} {
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
