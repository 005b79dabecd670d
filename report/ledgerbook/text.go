package ledgerbook

import (
	"math"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// Row height estimate. Excel and WPS do not grow a row for wrapped text
// written by a program, so the writer sets heights itself (the same
// estimate as package tasklist's).
const lineHeight = 14.0 // points per line of 10.5 pt text

// rowHeight is the height in points for a row holding texts in cells of
// the given widths; a zero width skips the cell.
func rowHeight(texts []string, widths []float64) float64 {
	return cells.RowHeight(texts, widths, lineHeight, 4)
}

// Numbering markers. A path element is a marker as the document's outline
// names it: 二, (三), 4, (1), ①.

func allRunes(s string, ok func(rune) bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !ok(r) {
			return false
		}
	}
	return true
}

// markerPrefix writes a path element the way a heading shows it in a
// Chinese document: 一 → "一、", (一) → "（一）", 1 → "1.", ① → "①".
// Anything else is returned as it is.
func markerPrefix(p string) string {
	p = strings.TrimRight(strings.TrimSpace(p), "、.．")
	switch {
	case allRunes(p, cells.IsChineseNumeral):
		return p + "、"
	case allRunes(p, cells.IsDigit):
		return cells.Fold(p) + "."
	case allRunes(p, cells.IsCircled):
		return p
	}
	rs := []rune(p)
	if len(rs) >= 3 && (rs[0] == '(' || rs[0] == '（') && (rs[len(rs)-1] == ')' || rs[len(rs)-1] == '）') {
		return "（" + string(rs[1:len(rs)-1]) + "）"
	}
	return p
}

// signed formats a change with its sign: +15, −2.5, 0.
func signed(x float64) string {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return "—" // the difference of two numbers near the float's limit
	}
	switch x = math.Round(x*10) / 10; {
	case x > 0:
		return "+" + ledger.Num(x)
	case x < 0:
		return "−" + ledger.Num(-x)
	}
	return "0"
}

// percentText formats a 0–1 ratio as a percentage with one decimal.
func percentText(ratio float64) string {
	return strconv.FormatFloat(ratio*100, 'f', 1, 64) + "%"
}
