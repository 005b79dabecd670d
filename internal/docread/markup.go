package docread

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A post on WeChat or a page written in Markdown marks its headings bold
// with ** (**1. 推进数字经济发展**), numbers them with keycap emoji (1️⃣)
// and decorates them with pictographs (🚀 📌): layout, like a bullet, that
// would keep a number from starting its line or glue itself to an owner's
// line. It goes before the text is read.
var (
	keycapRe    = regexp.MustCompile(`^([ \t\x{3000}]*)([0-9])\x{FE0F}?\x{20E3}[ \t\x{3000}]*`)
	pictographs = regexp.MustCompile(`[\x{1F000}-\x{1FAFF}\x{FE0F}\x{200D}]+`)
)

// dropMarkup removes bold markers, pictographs and keycap digits (a
// keycap opening a line becomes the number it shows: 1️⃣ → 1.).
func dropMarkup(s string) string {
	if !strings.Contains(s, "**") && !strings.Contains(s, "__") && !strings.ContainsRune(s, '\u20E3') && !hasPictograph(s) {
		return s
	}
	s = keycapRe.ReplaceAllString(s, "$1$2.")
	s = pictographs.ReplaceAllString(dropBold(s), "")
	return strings.TrimRight(s, " \t\u3000")
}

// dropBold removes the ** and __ that mark text bold. Stars that stand
// for hidden characters stay, as a page that masks names writes them:
// a run of three or more (****分局), or two between characters (县**局).
func dropBold(s string) string {
	s = strings.ReplaceAll(s, "__", "")
	var b strings.Builder
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "**")
		if k < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+k])
		i += k
		j := i
		for j < len(s) && s[j] == '*' {
			j++
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if j-i >= 3 || isNameRune(before) && isNameRune(after) {
			b.WriteString(s[i:j]) // a mask
		} else if (j-i)%2 == 1 {
			b.WriteByte('*')
		}
		i = j
	}
	return b.String()
}

func isNameRune(r rune) bool {
	return unicode.Is(unicode.Han, r)
}

func hasPictograph(s string) bool {
	for _, r := range s {
		if r >= 0x1F000 && r <= 0x1FAFF {
			return true
		}
	}
	return false
}
