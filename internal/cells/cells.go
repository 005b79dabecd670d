// Package cells holds cell text and file helpers shared by the workbook
// packages (internal/tasklist, internal/fillin, templates/form,
// report/ledgerbook and internal/sample): display widths and line estimates for wrapped cells,
// normalising header and cell text, splitting cells into lines, units and
// numbering markers, fitting text to Excel's cell limit visibly, reading
// only regular files of bounded size, and writing a file atomically.
package cells

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// DisplayWidth counts a string in column-width units: CJK characters and
// punctuation are two, Latin letters and digits one. Everything from U+2000
// up counts two, so the punctuation Chinese text uses outside the CJK
// blocks (— “ ” …) is wide, as Chinese fonts draw it and as UAX #11 says
// its ambiguous-width characters are in an East Asian context. Both the
// workbooks' row heights and the terminal's columns use it.
func DisplayWidth(s string) int { return countWide(s, 0x2000) }

// LineCount estimates how many lines s takes in a wrapped cell of the given
// width. An empty s takes one line.
func LineCount(s string, width float64) int {
	if s == "" {
		return 1
	}
	// Cell padding, and the slack that line-breaking rules (no closing
	// punctuation at a line start) cost in practice.
	usable := math.Max(width*0.9-1, 1)
	n := 0
	for para := range strings.SplitSeq(s, "\n") {
		n += max(1, int(math.Ceil(float64(DisplayWidth(para))/usable)))
	}
	return n
}

// MaxRowHeight is the tallest row Excel allows, in points.
const MaxRowHeight = 409.0

// RowHeight is the height in points of a row holding values in wrapped
// cells of the given widths (see RowLines): its lines of lineHeight points
// and pad, at most MaxRowHeight.
func RowHeight(values []string, widths []float64, lineHeight, pad float64) float64 {
	return min(float64(RowLines(values, widths))*lineHeight+pad, MaxRowHeight)
}

// RowLines is how many lines the tallest of values takes in wrapped cells
// of the given widths (see LineCount); at least one. A cell with no width
// is not counted. Excel and WPS do not grow a row for wrapped text written
// by a program, so the writers set row heights from this.
func RowLines(values []string, widths []float64) int {
	lines := 1
	for i, v := range values {
		if v != "" && widths[i] > 0 {
			lines = max(lines, LineCount(v, widths[i]))
		}
	}
	return lines
}

// Fold maps full-width ASCII to half-width and the ideographic space to a
// space, so that "（１）" and "(1)" compare equal. It is width.Fold, which
// leaves Chinese punctuation (。、《》) as it is; width.Narrow would not.
func Fold(s string) string {
	if !foldable(s) {
		return s // what nearly every cell is: width.Fold allocates anyway
	}
	return width.Fold.String(s)
}

// foldable reports whether width.Fold may change s: s has a rune with a
// folded form, or bytes that are not UTF-8.
func foldable(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && (r == utf8.RuneError || width.LookupRune(r).Folded() != 0) {
			return true
		}
	}
	return false
}

// HeaderKey normalises a header cell for lookup: folded, with all white
// space removed.
func HeaderKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, Fold(s))
}

// CleanCell normalises a cell value as read: line breaks as "\n", no
// surrounding white space.
func CleanCell(s string) string {
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(s)
}

// SplitLines splits a multi-line cell into its non-empty, trimmed lines.
func SplitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// SplitUnits splits a cell of unit names on 、，,；; and line breaks, but
// not inside brackets: 各县（市、区）人民政府 is one unit.
func SplitUnits(s string) []string {
	var (
		out   []string
		depth int
		start int
	)
	emit := func(end int) {
		if u := strings.TrimSpace(s[start:end]); u != "" {
			out = append(out, u)
		}
	}
	for i, r := range s {
		switch r {
		case '(', '（', '[', '【', '《', '〔':
			depth++
		case ')', '）', ']', '】', '》', '〕':
			depth = max(depth-1, 0)
		case '、', '，', ',', '；', ';', '\n':
			if depth == 0 {
				emit(i)
				start = i + utf8.RuneLen(r)
			}
		}
	}
	emit(len(s))
	return out
}

// SplitLabel re-derives an item's numbering path from its label, e.g.
// "二(三)4" → ["二", "(三)", "4"]. Markers are Chinese numerals, bracketed
// groups, digits and circled numbers; separators after a marker (、 . ．)
// stay with it, and anything else is kept as its own piece, so the pieces
// always join back to the label.
func SplitLabel(label string) []string {
	var out []string
	rs := []rune(label)
	for i := 0; i < len(rs); {
		j := i + 1
		switch r := rs[i]; {
		case IsChineseNumeral(r):
			for j < len(rs) && IsChineseNumeral(rs[j]) {
				j++
			}
		case r == '(' || r == '（':
			for j < len(rs) && rs[j-1] != ')' && rs[j-1] != '）' {
				j++
			}
		case IsDigit(r):
			for j < len(rs) && IsDigit(rs[j]) {
				j++
			}
		case IsCircled(r):
		default:
			for j < len(rs) && !IsMarkerStart(rs[j]) {
				j++
			}
		}
		for j < len(rs) && strings.ContainsRune("、.．", rs[j]) {
			j++
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

// IsChineseNumeral reports whether r is a Chinese numeral character, as in
// the marker 二十一.
func IsChineseNumeral(r rune) bool {
	return strings.ContainsRune("零〇一二三四五六七八九十百千两", r)
}

// IsDigit reports whether r is an ASCII or full-width decimal digit.
func IsDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// IsCircled reports whether r is a circled number from ① to ㊿.
func IsCircled(r rune) bool {
	return r >= '①' && r <= '⑳' || r >= '㉑' && r <= '㉟' || r >= '㊱' && r <= '㊿'
}

// IsMarkerStart reports whether r can begin a numbering marker: a Chinese
// numeral, a digit, a circled number or an opening bracket.
func IsMarkerStart(r rune) bool {
	return IsChineseNumeral(r) || IsDigit(r) || IsCircled(r) || r == '(' || r == '（'
}

// TruncateRunes shortens s to at most n runes, marking the cut with "…".
// n must be at least 1.
func TruncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// PadRight pads s with spaces to width columns of a terminal (see
// DisplayWidth); s as it is when it is as wide already.
func PadRight(s string, width int) string {
	if d := width - DisplayWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// MaxCellUnits is the most text an Excel cell holds, in UTF-16 code units
// (a character outside the Basic Multilingual Plane takes two). Longer
// text is cut without a word by Excel and by excelize alike.
const MaxCellUnits = 32767

// CellUnits is the length of s as Excel counts it: UTF-16 code units.
func CellUnits(s string) int { return countWide(s, 0x10000) }

// countWide counts the runes of s, those from wide up twice.
func countWide(s string, wide rune) int {
	n := 0
	for _, r := range s {
		if r >= wide {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// FitsCell reports whether a cell holds s whole: FitCell would not cut
// it, so that the note of a cut need not be made.
func FitsCell(s string) bool { return CellUnits(s) <= MaxCellUnits }

// FitCell returns s when a cell can hold it whole, else its beginning
// followed by more, which says that text was left out and where to find
// it, within MaxCellUnits; cut reports whether it was cut. The cut is
// visible so that nobody takes the beginning for the whole.
func FitCell(s, more string) (fitted string, cut bool) {
	if FitsCell(s) {
		return s, false
	}
	room := MaxCellUnits - CellUnits(more)
	n, end := 0, 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > room {
			end = i
			break
		}
		n += w
	}
	return s[:end] + more, true
}
