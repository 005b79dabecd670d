package docread

import "strings"

// Enclosed numbers: ⑴…⒇ (U+2474–2487) are Unicode's single characters for
// (1)…(20), ⒈…⒛ (U+2488–249B) those for 1.…20. (a Chinese input method
// types them from GB2312), ㈠…㈩ (U+3220–3229) those for （一）…（十）. Word's
// decimalEnclosedParen lists and PDFs write items with them; the numbering
// parser reads the spelled-out forms, so they are folded where they number
// an item: at a line's or a cell's start, or after a sentence's or clause's
// end (items run inline), or after a space; ㈠ anywhere but after 第. A
// reference in mid-sentence (按第⑵项) keeps its form.

const (
	firstParenDigit = 0x2474 // ⑴
	lastParenDigit  = 0x2487 // ⒇
	firstStopDigit  = 0x2488 // ⒈
	lastStopDigit   = 0x249b // ⒛
	firstParenCn    = 0x3220 // ㈠
	lastParenCn     = 0x3229 // ㈩
)

var parenCnDigits = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// spelledEnclosed returns the spelled-out form of an enclosed number, or ""
// when r is not one.
func spelledEnclosed(r rune) string {
	switch {
	case r >= firstParenDigit && r <= lastParenDigit:
		return "(" + itoa(int(r-firstParenDigit)+1) + ")"
	case r >= firstStopDigit && r <= lastStopDigit:
		return itoa(int(r-firstStopDigit)+1) + "."
	case r >= firstParenCn && r <= lastParenCn:
		return "（" + parenCnDigits[r-firstParenCn] + "）"
	}
	return ""
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// hasEnclosed reports whether s may hold an enclosed number, by the first
// two bytes of their UTF-8 forms (U+2440–24BF, U+3200–323F), so that the
// common case costs a byte search.
func hasEnclosed(s string) bool {
	return strings.Contains(s, "\xe2\x91") || strings.Contains(s, "\xe2\x92") || strings.Contains(s, "\xe3\x88")
}

// foldEnclosed spells out the enclosed numbers of s that stand where an
// item's number stands: at the start, after 。；;：: (items run inline),
// or after a space, | or a tab (a cell's start, or items of a text
// flattened into one line).
func foldEnclosed(s string) string {
	if !hasEnclosed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	itemPlace := true
	var prev rune
	for _, r := range s {
		// ㈠ run on after a heading's words (……工作基础㈠深化……) numbers
		// a section too: a text refers to one as 第㈠项, not so.
		if w := spelledEnclosed(r); w != "" && (itemPlace || r >= firstParenCn && r <= lastParenCn && prev != '第') {
			b.WriteString(w)
			itemPlace, prev = false, r
			continue
		}
		prev = r
		b.WriteRune(r)
		switch {
		case r == '\t' || r == ' ' || r == '\u3000':
			// a cell's start, or the next item of a text flattened into
			// one line (……市场信心 ㈠全面促进消费)
			itemPlace = true
		default:
			itemPlace = strings.ContainsRune("。；;：:|", r)
		}
	}
	return b.String()
}

// eachText rewrites every paragraph and every table cell by f (a row's
// 序号 cell holds ⑴ or ●1. alone).
func eachText(lines []line, f func(string) string) {
	for i := range lines {
		lines[i].text = f(lines[i].text)
		for _, row := range lines[i].rows {
			for j, c := range row {
				row[j] = f(c)
			}
		}
	}
}
