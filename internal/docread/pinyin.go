package docread

import (
	"regexp"
	"strings"
)

// Spun reposts of government pages gloss words with their pinyin in
// brackets: 一(yī)、实施创新驱动发展战略, 市发(fā)改委, 青岛蓝(lán)谷管理局. The
// gloss is no part of the text: left in, it hides an item's number from
// the parser and stays inside unit names. A gloss follows a Han character
// and holds lower-case pinyin syllables with at least one tone mark
// (a bracketed Latin word without one, such as (app) or (a), stays). A
// stray space may stand before or inside the brackets: 发 (fā), (xiāng ).
var pinyinGlossRe = regexp.MustCompile(`(\p{Han}) ?[(（] ?([a-zü` + toneVowels + `]{1,6}(?: [a-zü` + toneVowels + `]{1,6}){0,3}) ?[)）]`)

const toneVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

// DropPinyinGlosses removes the pinyin glosses of s (the score folds the
// answers' names with it too: they keep names as the page writes them).
func DropPinyinGlosses(s string) string {
	if !hasLatinLead(s) || !strings.ContainsAny(s, toneVowels) {
		return s
	}
	// Each match is read where it was found, not found again in its text.
	var b strings.Builder
	last := 0
	for _, loc := range pinyinGlossRe.FindAllStringSubmatchIndex(s, -1) {
		if strings.ContainsAny(s[loc[4]:loc[5]], toneVowels) {
			// The Han character (group 1) stays, the gloss goes.
			b.WriteString(s[last:loc[0]])
			b.WriteString(s[loc[2]:loc[3]])
			last = loc[1]
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// hasLatinLead reports whether s holds a byte that starts a character of
// Latin-1 or Latin Extended-A/B (0xC3–0xC7), as every tone vowel does: a
// Chinese line has none, and this byte scan is much cheaper than decoding
// its runes against the tone vowels.
func hasLatinLead(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xC3 && s[i] <= 0xC7 {
			return true
		}
	}
	return false
}

// dropLineGlosses drops the pinyin glosses of the text lines, noting the
// length each had as laid out: a PDF wrapped the line with its glosses,
// so without them a line that reached the margin would seem to end short.
func dropLineGlosses(lines []line) {
	for i, l := range lines {
		if g := DropPinyinGlosses(l.text); g != l.text {
			lines[i].laid = l.laidLen()
			lines[i].text = g
		}
	}
}
