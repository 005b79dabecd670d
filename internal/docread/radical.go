package docread

import "golang.org/x/text/unicode/norm"

// simplifiedRadicals are the radicals of the CJK Radicals Supplement that
// stand for a whole simplified character and have no compatibility
// mapping of their own: pdftotext gives them for 门, 长, 车 and the like
// where a PDF's font maps the glyph to the radical.
// They are written as code points: the program's own text must be in the
// bundled font, which has no radicals (U+2ED4 is the radical for 门).
var simplifiedRadicals = map[rune]rune{
	0x2ea0: 0x6c11, 0x2ec4: 0x897f, 0x2ec5: 0x89c1, 0x2ec6: 0x89d2,
	0x2ec9: 0x8d1d, 0x2ecb: 0x8f66, 0x2ed3: 0x957f, 0x2ed4: 0x95e8,
	0x2ed8: 0x9752, 0x2ed9: 0x97e6, 0x2eda: 0x9875, 0x2edb: 0x98ce,
	0x2edc: 0x98de, 0x2edd: 0x98df, 0x2ee2: 0x9a6c, 0x2ee3: 0x9aa8,
	0x2ee4: 0x9b3c, 0x2ee5: 0x9c7c, 0x2ee6: 0x9e1f, 0x2ee7: 0x5364,
	0x2ee8: 0x9ea6, 0x2ee9: 0x9ec4, 0x2eea: 0x9efe, 0x2eec: 0x9f50,
	0x2eee: 0x9f7f, 0x2ef0: 0x9f99,
}

// isRadicalForm reports the radicals and compatibility ideographs that
// stand for an ordinary character: the Kangxi radicals (U+2F2F for 工),
// the radicals supplement (U+2ED4 for 门) and the CJK compatibility
// ideographs.
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
