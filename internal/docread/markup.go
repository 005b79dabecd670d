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
// keycap opening a line becomes the number it shows: 1️⃣ → 1.). On a page
// written in Markdown (md, see markdownBold) every pair of stars is bold.
func dropMarkup(s string, md bool) string {
	if !strings.Contains(s, "**") && !strings.Contains(s, "__") && !strings.ContainsRune(s, '\u20E3') && !hasPictograph(s) {
		return s
	}
	s = keycapRe.ReplaceAllString(s, "$1$2.")
	s = pictographs.ReplaceAllString(dropBold(s, md), "")
	return strings.TrimRight(s, " \t\u3000")
}

// mdPrefixRe is what Markdown puts before a line's text: the > of a
// quotation (nested or not) and the #s of a heading, each followed by a
// space (#1 is no heading: a list numbers its items so).
var mdPrefixRe = regexp.MustCompile(`^[ \t\x{3000}]*(?:>[ \t]?)*(?:#{1,6}(?:[ \t]+|$))?`)

// dropMarkdownPrefix removes a quotation's > and a heading's #s from the
// start of a line, as a memo quoting a document or a page converted to
// Markdown puts them (## 一、总体要求, > 1.推进…): they would keep the
// number from starting its line.
func dropMarkdownPrefix(s string) string {
	if s == "" || !strings.ContainsAny(s[:min(len(s), 16)], ">#") {
		return s
	}
	if loc := mdPrefixRe.FindStringIndex(s); loc != nil && loc[1] > 0 && strings.ContainsAny(s[:loc[1]], ">#") {
		return s[loc[1]:]
	}
	return s
}

// boldLineRe is a line opening with bold text that closes on the line,
// after a Markdown bullet or quote mark if any: **一、总体要求**,
// - **(一) 推进…** — 「…」.
var boldLineRe = regexp.MustCompile(`^[ \t\x{3000}]*(?:[-*+>][ \t]+)?\*\*[^*\s][^*]*\*\*`)

// markdownBold tells a page written in Markdown: one of its lines opens
// with bold text. There two stars between characters (推动**跨运营商…**等)
// open or close bold text too, and are no mask for hidden characters.
func markdownBold(lines []line) bool {
	for _, l := range lines {
		if boldLineRe.MatchString(l.text) {
			return true
		}
	}
	return false
}

// dropBold removes the ** and __ that mark text bold. Stars that stand
// for hidden characters stay, as a page that masks names writes them:
// a run of three or more (****分局), or two between characters (县**局)
// unless the page is written in Markdown (md) and the line's pairs of
// stars pair up (推动**跨运营商应急漫游…**等): there they open and close
// bold text.
func dropBold(s string, md bool) string {
	s = strings.ReplaceAll(s, "__", "")
	type run struct{ i, j int }
	var runs []run
	pairs := 0 // runs of two stars
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "**")
		if k < 0 {
			break
		}
		i += k
		j := i
		for j < len(s) && s[j] == '*' {
			j++
		}
		runs = append(runs, run{i, j})
		if j-i == 2 {
			pairs++
		}
		i = j
	}
	boldInner := md && pairs%2 == 0
	var b strings.Builder
	last := 0
	for _, r := range runs {
		b.WriteString(s[last:r.i])
		last = r.j
		if r.j-r.i >= 3 || !boldInner && betweenNames(s, r.i, r.j) {
			b.WriteString(s[r.i:r.j]) // a mask
		} else if (r.j-r.i)%2 == 1 {
			b.WriteByte('*')
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// betweenNames reports whether s[i:j] stands between two characters of
// a name.
func betweenNames(s string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	return isNameRune(before) && isNameRune(after)
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
