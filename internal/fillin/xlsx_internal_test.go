package fillin

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestUnescapeX(t *testing.T) {
	for in, want := range map[string]string{"a_x000D_b": "a\rb", "_x0041__x": "A_x", "plain": "plain", "_xZZZZ_": "_xZZZZ_"} {
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
