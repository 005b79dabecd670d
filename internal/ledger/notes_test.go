package ledger

import (
	"encoding/json"
	"testing"
)

// assertSameOverNotes: merging over the earlier ledger's Notes gives
// want, the ledger the merge over the whole earlier ledger gave.
func assertSameOverNotes(t *testing.T, in Input, want *Ledger) {
	t.Helper()
	in.Earlier = in.Earlier.Notes()
	got := Merge(in)
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) || got.Carried() != want.Carried() {
		t.Errorf("merged over Notes:\n%s\nover the whole ledger:\n%s", gj, wj)
	}
}
