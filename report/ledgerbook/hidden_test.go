package ledgerbook

import (
	"encoding/json"
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

// TestDecodeLedger: decodeLedger, which decodes the long lists an item at
// a time, gives what json.Unmarshal gives, or fails where it fails.
func TestDecodeLedger(t *testing.T) {
	var written strings.Builder
	if err := writeJSON(&written, testLedger()); err != nil {
		t.Fatal(err)
	}
	for name, js := range map[string]string{
		"written":        written.String(),
		"null lists":     `{"title":"t","rows":null,"units":null,"intake":null,"missing_units":["甲"]}`,
		"empty lists":    `{"rows":[],"units":[],"intake":[],"totals":{"tasks":1}}`,
		"null item":      `{"rows":[null,{"task_id":"D1-1"}]}`,
		"other fields":   `{"extra":{"rows":[1]},"Title":"大小写","rows":[{"task_id":"D1-1","review":"意见"}]}`,
		"no fields":      `{}`,
		"list of a type": `{"rows":{"task_id":"D1-1"}}`,
		"bad item":       `{"rows":[{"task_id":1}]}`,
		"data after":     `{"rows":[]} {}`,
		"cut short":      `{"rows":[{"task_id":"D1-1"}`,
		"not an object":  `[{"rows":[]}]`,
	} {
		var want ledger.Ledger
		wantErr := json.Unmarshal([]byte(js), &want)
		got, err := decodeLedger(strings.NewReader(js))
		if (err != nil) != (wantErr != nil) {
			t.Errorf("%s: error %v; json.Unmarshal's %v", name, err, wantErr)
			continue
		}
		if err != nil {
			continue
		}
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(&want)
		if string(gj) != string(wj) || (got.Rows == nil) != (want.Rows == nil) {
			t.Errorf("%s: decoded\n%s\njson.Unmarshal:\n%s", name, gj, wj)
		}
	}
}
