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
	if !strings.ContainsAny(s, toneVowels) {
		return s
	}
	return pinyinGlossRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := pinyinGlossRe.FindStringSubmatch(m)
		if !strings.ContainsAny(sub[2], toneVowels) {
			return m
		}
		return sub[1]
	})
}
