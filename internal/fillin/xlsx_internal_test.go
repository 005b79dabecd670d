package fillin

import (
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestUnescapeX(t *testing.T) {
	for in, want := range map[string]string{"a_x000D_b": "a\rb", "_x0041__x": "A_x", "plain": "plain", "_xZZZZ_": "_xZZZZ_",
		"_xD83D__xDE00_": "😀", "a_xD800_b": "a\uFFFDb", "_xDE00__xD83D_": "\uFFFD\uFFFD", "_xD83D_x_xDE00_": "\uFFFDx\uFFFD",
		"_xD83D__xD83D__xDE00_": "\uFFFD😀", "_x005F_x0041_": "_x0041_"} {
		if got := unescapeX(in); got != want {
			t.Errorf("unescapeX(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestRefColumn: a reference refColumn reads gives the column excelize
// gives it; the others it leaves to excelize.
func TestRefColumn(t *testing.T) {
	for _, ref := range []string{"A1", "H7", "Z9", "AA10", "XFD1048576", "XFE1", "A1048577", "A0", "A01", "h7", "$A$1",
		"AAAA1", "A", "1", "", "A1B", "ZZZ1", "A12345678", "O13", "XFD1"} {
		col, ok := refColumn([]byte(ref))
		c, _, err := excelize.CellNameToCoordinates(ref)
		if ok && (err != nil || c != col) {
			t.Errorf("refColumn(%q) = %d; excelize gives %d, %v", ref, col, c, err)
		}
	}
	if col, ok := refColumn([]byte("XFD1048576")); !ok || col != 16384 {
		t.Errorf("refColumn(XFD1048576) = %d, %v; want 16384, true", col, ok)
	}
}

// TestValuesOnly: a sheet read for its values only gives the rows a sheet
// read cell by cell gives, however its cells are written.
func TestValuesOnly(t *testing.T) {
	b := &book{sst: []string{"共享", "_x0041_"}, limits: sheetsLimits}
	for _, rows := range []string{
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>x_x0041_</t><rPh><t>no</t></rPh></is></c></row>`,
		`<row r="2"><c r="B2"><v>1.5</v></c></row><row r="1"><c r="A1" t="str"><v>_x0042_</v></c></row>`,
		`<row r="3"><c r="B3"><v>2</v></c><c r="A3" t="b"><v>1</v></c><c r="B3" t="s"><v>1</v></c></row>`,
		`<row r="4"><c r="A4"><v>1</v></c><c r="B4" t="inlineStr"><is><t></t></is></c></row><row r="4"><c r="C4"><v>3</v></c></row>`,
		`<row r="5"><c r="A5"><v>1</v></c><c r="B5"><v>2</v></c><c r="B5" t="inlineStr"><is><t></t></is></c></row>`,
		`<row r="6"><c r="A6" t="str"><v>open_x0043_</v></row><row r="7"><v>stray</v><c r="D7"/><c><v>after</v></c></row>`,
		`<row><c><v>a</v></c><c r="XFD8"><v>far</v></c></row><row r="9"></row><row r="10"><c r="E10" t="e"><v>#N/A</v></c></row>`,
	} {
		data := []byte(`<worksheet><dimension ref="A1:E9"/><sheetData>` + rows + `</sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`)
		cellsRead, err := b.scanSheet(data, false)
		if err != nil {
			t.Fatal(err)
		}
		valuesRead, err := b.scanSheet(data, true)
		if err != nil {
			t.Fatal(err)
		}
		want, wantNums := cellsRead.values(maxCol)
		got, gotNums := valuesRead.valueRows()
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotNums, wantNums) || !reflect.DeepEqual(valuesRead.merges, cellsRead.merges) {
			t.Errorf("%s:\nvalues only %q %v\ncell by cell %q %v", rows, got, gotNums, want, wantNums)
		}
	}
}
