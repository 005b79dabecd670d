package ledgerbook

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Row height estimate. Excel and WPS do not grow a row for wrapped text
// written by a program, so the writer sets heights itself (the same
// estimate as package tasklist's).
const (
	lineHeight   = 14.0  // points per line of 10.5 pt text
	maxRowHeight = 409.0 // Excel's limit
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

// rowHeight is the height in points for a row holding texts in cells of
// the given widths; a zero width skips the cell.
func rowHeight(texts []string, widths []float64) float64 {
	lines := 1
	for i, v := range texts {
		if v != "" && widths[i] > 0 {
			lines = max(lines, lineCount(v, widths[i]))
		}
	}
	return math.Min(float64(lines)*lineHeight+4, maxRowHeight)
}

// fold maps full-width ASCII to half-width and the ideographic space to a
// space, so that "（%）" and "(%)" compare equal.
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

// headerKey normalises a header cell for lookup: folded, with all white
// space removed.
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

// truncateRunes shortens s to at most n runes, marking the cut with "…".
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// Numbering markers. A path element is a marker as the document's outline
// names it: 二, (三), 4, (1), ①.

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
	case allRunes(p, isChineseNumeral):
		return p + "、"
	case allRunes(p, isDigit):
		return fold(p) + "."
	case allRunes(p, isCircled):
		return p
	}
	rs := []rune(p)
	if len(rs) >= 3 && (rs[0] == '(' || rs[0] == '（') && (rs[len(rs)-1] == ')' || rs[len(rs)-1] == '）') {
		return "（" + string(rs[1:len(rs)-1]) + "）"
	}
	return p
}

// splitLabel re-derives an item's numbering path from its label, e.g.
// "二(三)4" → ["二", "(三)", "4"], so that the pieces join back to the
// label. Anything that is not a marker is kept as its own piece.
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

// num formats a number with at most one decimal: 80, 2.8, 66.7.
func num(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// signed formats a change with its sign: +15, −2.5, 0.
func signed(x float64) string {
	switch x = math.Round(x*10) / 10; {
	case x > 0:
		return "+" + num(x)
	case x < 0:
		return "−" + num(-x)
	}
	return "0"
}

// percentText formats a 0–1 ratio as a percentage with one decimal.
func percentText(ratio float64) string {
	return strconv.FormatFloat(ratio*100, 'f', 1, 64) + "%"
}

// chinaTime is the offices' time zone. A fixed offset, so output does not
// depend on the machine's time zone database.
var chinaTime = time.FixedZone("CST", 8*3600)

// chineseDate writes YYYY-MM-DD the way official documents do, without
// zero padding: 2025年1月6日. Anything else is returned as it is.
func chineseDate(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return t.Format("2006年1月2日")
}

// chineseTime writes an RFC 3339 time in China time: 2025年1月6日 15:30.
func chineseTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.In(chinaTime).Format("2006年1月2日 15:04")
}
