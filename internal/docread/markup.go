package docread

import (
	"regexp"
	"strings"
)

// A post on WeChat or a page written in Markdown marks its headings bold
// with ** (**1. 推进数字经济发展**), numbers them with keycap emoji (1️⃣)
// and decorates them with pictographs (🚀 📌): layout, like a bullet, that
// would keep a number from starting its line or glue itself to an owner's
// line. It goes before the text is read.
var (
	boldRe      = regexp.MustCompile(`\*\*|__`)
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
	s = pictographs.ReplaceAllString(boldRe.ReplaceAllString(s, ""), "")
	return strings.TrimRight(s, " \t\u3000")
}

func hasPictograph(s string) bool {
	for _, r := range s {
		if r >= 0x1F000 && r <= 0x1FAFF {
			return true
		}
	}
	return false
}
