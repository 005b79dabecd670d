package docread

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// Pages from some government sites, and their reposts, come in traditional
// characters. The parser's words (责任单位, 牵头 in their simplified forms)
// and the office's unit names are simplified, so such a document is
// converted character by character before it is read, and the document
// says so.

//go:embed tschars.txt
var tsChars string

var (
	tsOnce sync.Once
	tsMap  map[rune]rune
)

func tsTable() map[rune]rune {
	tsOnce.Do(func() {
		tsMap = make(map[rune]rune, 4200)
		for _, l := range strings.Split(tsChars, "\n") {
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			rs := []rune(l)
			if len(rs) == 3 && rs[1] == '\t' {
				tsMap[rs[0]] = rs[2]
			}
		}
	})
	return tsMap
}

// isTraditional reports whether a text is written in traditional
// characters: at least one Han character in twenty is traditional-only.
// Simplified text has a stray one at most (a name with 乾).
func isTraditional(text string) bool {
	m := tsTable()
	han, trad := 0, 0
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		han++
		if _, ok := m[r]; ok {
			trad++
		}
	}
	return trad >= 10 && trad*20 >= han
}

// ToSimplified converts traditional characters to simplified ones.
func ToSimplified(s string) string {
	m := tsTable()
	return strings.Map(func(r rune) rune {
		if t, ok := m[r]; ok {
			return t
		}
		return r
	}, s)
}

// simplifyLines converts every line and cell when the lines, taken
// together, are in traditional characters; it reports whether it did.
func simplifyLines(lines []line, hint *Meta) bool {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.text)
		for _, r := range l.rows {
			for _, c := range r {
				b.WriteString(c)
			}
		}
	}
	if !isTraditional(b.String()) {
		return false
	}
	for i := range lines {
		lines[i].text = ToSimplified(lines[i].text)
		for _, r := range lines[i].rows {
			for k := range r {
				r[k] = ToSimplified(r[k])
			}
		}
	}
	hint.Title, hint.DocNumber, hint.Issuer = ToSimplified(hint.Title), ToSimplified(hint.DocNumber), ToSimplified(hint.Issuer)
	return true
}
