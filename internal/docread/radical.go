package docread

import "golang.org/x/text/unicode/norm"

// simplifiedRadicals are the radicals of the CJK Radicals Supplement that
// stand for a whole simplified character and have no compatibility
// mapping of their own: pdftotext gives them for 门, 长, 车 and the like
// where a PDF's font maps the glyph to the radical.
var simplifiedRadicals = map[rune]rune{
	'⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车',
	'⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风',
	'⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼',
	'⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐',
	'⻮': '齿', '⻰': '龙',
}

// isRadicalForm reports the radicals and compatibility ideographs that
// stand for an ordinary character: the Kangxi radicals (⼯ for 工), the
// radicals supplement (⻔ for 门) and the CJK compatibility ideographs.
func isRadicalForm(r rune) bool {
	return r >= 0x2e80 && r <= 0x2fdf || r >= 0xf900 && r <= 0xfaff
}

// foldRadical gives the ordinary character a radical or compatibility
// ideograph stands for (its NFKC form, else simplifiedRadicals), or the
// rune itself when it stands for none.
func foldRadical(r rune) string {
	if c, ok := simplifiedRadicals[r]; ok {
		return string(c)
	}
	return norm.NFKC.String(string(r))
}
