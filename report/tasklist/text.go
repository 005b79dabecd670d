package tasklist

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Row height estimate. Excel and WPS do not grow a row for wrapped text
// written by a program, so the writer sets heights itself.
const (
	lineHeight    = 15.0  // points per line of 11 pt text
	maxRowHeight  = 409.0 // Excel's limit
	maxLabelRunes = 300   // 牵头任务序号 cell on the 责任单位 sheet
)

// displayWidth counts a string in column-width units: CJK characters and
// punctuation are two, Latin letters and digits one.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// lineCount estimates how many lines s takes in a wrapped cell of the given
// width.
func lineCount(s string, width float64) int {
	if s == "" {
		return 1
	}
	// Cell padding, and the slack that line-breaking rules (no closing
	// punctuation at a line start) cost in practice.
	usable := math.Max(width*0.9-1, 1)
	n := 0
	for _, para := range strings.Split(s, "\n") {
		n += max(1, int(math.Ceil(float64(displayWidth(para))/usable)))
	}
	return n
}

// rowHeight is the height in points for a row holding cells of the given
// widths.
func rowHeight(values []string, widths []float64) float64 {
	lines := 1
	for i, v := range values {
		lines = max(lines, lineCount(v, widths[i]))
	}
	return math.Min(float64(lines)*lineHeight, maxRowHeight)
}

// fold maps full-width ASCII to half-width and the ideographic space to a
// space, so that "（１）" and "(1)" compare equal.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

// headerKey normalises a header cell for lookup: trimmed, folded, with all
// white space removed.
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, fold(s))
}

// cleanCell normalises a cell value as read: line breaks as "\n", no
// surrounding white space.
func cleanCell(s string) string {
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.TrimSpace(s)
}

// splitLines splits a multi-line cell into its non-empty, trimmed lines.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// splitUnits splits a cell of unit names on 、，,；; and line breaks, but
// not inside brackets: 各县（市、区）人民政府 is one unit.
func splitUnits(s string) []string {
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

// splitLabel re-derives an item's numbering path from its label, e.g.
// "二(三)4" → ["二", "(三)", "4"]. Markers are Chinese numerals, bracketed
// groups, digits and circled numbers; separators after a marker (、 . ．)
// stay with it, and anything else is kept as its own piece, so the pieces
// always join back to the label.
func splitLabel(label string) []string {
	var out []string
	rs := []rune(label)
	for i := 0; i < len(rs); {
		j := i + 1
		switch r := rs[i]; {
		case isChineseNumeral(r):
			for j < len(rs) && isChineseNumeral(rs[j]) {
				j++
			}
		case r == '(' || r == '（':
			for j < len(rs) && rs[j-1] != ')' && rs[j-1] != '）' {
				j++
			}
		case isDigit(r):
			for j < len(rs) && isDigit(rs[j]) {
				j++
			}
		case isCircled(r):
		default:
			for j < len(rs) && !isMarkerStart(rs[j]) {
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

func isChineseNumeral(r rune) bool {
	return strings.ContainsRune("零〇一二三四五六七八九十百千两", r)
}
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }
func isCircled(r rune) bool {
	return r >= '①' && r <= '⑳' || r >= '㉑' && r <= '㉟' || r >= '㊱' && r <= '㊿'
}
func isMarkerStart(r rune) bool {
	return isChineseNumeral(r) || isDigit(r) || isCircled(r) || r == '(' || r == '（'
}

// truncateRunes shortens s to at most n runes, marking the cut with "…".
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
