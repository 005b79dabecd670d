package docread

import (
	"strings"
	"unicode/utf8"
)

// A list bullet that web editors, slides and Word's list styles put before
// a numbered item (●1.推进…, ◆ （一）…) is layout, like an indent: it goes,
// so that the number starts the line or the cell as it does on the page.
// ★ and ▲ stay: tables use them to mark a lead unit (★区发改委).
const bullets = "●◆■▪•◇□○◎►▶❖"

// markdownBullets open an item of a Markdown list (- （一）推进…); a space
// must follow them, as Markdown asks, so that a figure (-5%) or a rule
// of dashes is no bullet.
const markdownBullets = "-*+"

// dropBullet removes a bullet and the spaces after it from the start of s
// when a number follows: a bullet before plain text is left alone, since
// nothing is gained by removing it there.
func dropBullet(s string) string {
	t := strings.TrimLeft(s, " \t\u3000\u00a0")
	r, n := utf8.DecodeRuneInString(t)
	md := n == 1 && strings.ContainsRune(markdownBullets, r) && len(t) > 1 && (t[1] == ' ' || t[1] == '\t')
	if n == 0 || !md && !strings.ContainsRune(bullets, r) {
		return s
	}
	rest := strings.TrimLeft(t[n:], " \t\u3000\u00a0")
	// A page's number (- 2 -) is no item.
	if !startsNumber(rest) || md && !strings.ContainsFunc(rest, isNameRune) {
		return s
	}
	return s[:len(s)-len(t)] + rest
}

// startsNumber tells an item number's first character: a digit, an
// opening bracket, a Chinese numeral or 第.
func startsNumber(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("（(〔【[一二三四五六七八九十第", r) || spelledEnclosed(r) != "" || r >= '①' && r <= '⑳'
}
