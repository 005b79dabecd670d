package docread

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one unit of the document before cleanup: a paragraph (text), a
// table (rows), or a blank line (neither). Blank lines are kept until the
// end because they separate a metadata label from the next field.
type line struct {
	text string
	rows [][]string
	// tableEnd marks the blank line after a table flattened one cell a
	// line with | after each cell: the only sign, once the | are gone,
	// that the lines after it (a signature, a date) are no cells.
	tableEnd bool
	// laid is the line's length in runes as the page laid it out, when
	// dropping its pinyin glosses shortened it (0 otherwise): a wrapped
	// line reaches the margin by that length (see atMarginLine).
	laid int
}

func (l line) blank() bool { return l.text == "" && l.rows == nil }

// laidLen is the line's length in runes as the page laid it out.
func (l line) laidLen() int {
	if l.laid > 0 {
		return l.laid
	}
	return runeLen(l.text)
}

// textLines splits decoded plain text into trimmed lines; a table laid
// out in columns whose cells go on over lines (see readLayoutTable) and a
// spreadsheet's copy with a cell of several lines (see readQuotedTable)
// become tables.
func textLines(text string) []line {
	text = normalize(dropWebArtefacts(text))
	raw := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if text == "" {
		raw = nil
	}
	raw = joinPipeCells(splitColumns(raw))
	lines := make([]line, 0, len(raw))
	tabRun := -1 // where the run of tab-parted lines raw[i] stands in starts
	for i := 0; i < len(raw); i++ {
		switch {
		case strings.IndexByte(raw[i], '\t') < 0:
			tabRun = -1
		case tabRun < 0:
			tabRun = i
		}
		if tabRun >= 0 && unclosedQuote(raw[i]) {
			// A spreadsheet's cell holding a line break: the run's lines
			// read so far are rows of its table.
			if rows, end := readQuotedTable(raw, tabRun); rows != nil {
				lines = append(lines[:len(lines)-(i-tabRun)], line{rows: rows})
				i, tabRun = end-1, -1
				continue
			}
		}
		if rows, end := layoutTableAt(raw, i); rows != nil {
			lines = append(lines, line{rows: rows})
			i = end - 1
			continue
		}
		lines = append(lines, line{text: joinSpacedLabel(realignShifted(strings.TrimSpace(raw[i])))})
	}
	return lines
}

// layoutTableAt is readLayoutTable where raw[i] may be a table's header:
// a line that holds 序号 or 编号 and a wide gap.
func layoutTableAt(raw []string, i int) ([][]string, int) {
	if !strings.Contains(raw[i], "  ") || !strings.Contains(raw[i], "序号") && !strings.Contains(raw[i], "编号") {
		return nil, 0
	}
	return readLayoutTable(raw, i)
}

// cleanLine normalizes one paragraph from HTML or .docx the way textLines
// does for plain text; a paragraph cannot contain line breaks.
func cleanLine(s string) string {
	// A paragraph has no page break of its own to drop (see pageBreak).
	return joinSpacedLabel(realignShifted(strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(normalize(s), pageBreak, ""), "\n", " "))))
}

// normalize unifies line endings, removes control and invisible characters
// (web copies are full of them and they break matching), turns runs of
// no-break or ideographic spaces into one space, and writes punctuation
// look-alikes (punctLookalikes), Word's bullets of a symbol font
// (symbolBullets) as ●, and the radicals a PDF's text gives for
// characters (U+2F2F for 工) as what they stand for, and full-width digits
// as half-width ones (２０２４年底前, as a Chinese input method types them,
// is 2024年底前 to every rule that reads a date, a figure or a number).
// Full-width letters and punctuation stay: the numbering parser needs （一）
// and １．as written.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				size++
			}
		case r == '\f':
			// A form feed ends a page (pdftotext ends each so): a line
			// of its own that unwrapLines drops as it drops a page's
			// number, with the running header after it.
			b.WriteString("\n" + pageBreak + "\n")
		case r == '\n' || r == '\v' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte('\n')
		case r == ' ' || r == '\t' || isWideSpace(r):
			size = writeSpaceRun(&b, s[i:])
		case isInvisible(r):
		case punctLookalikes[r] != 0:
			b.WriteRune(punctLookalikes[r])
		case r >= 0xf06c && r <= 0xf0fc && symbolBullets[r]:
			b.WriteRune('●')
		case isRadicalForm(r):
			b.WriteString(foldRadical(r))
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// pageBreak is the line a form feed becomes: a character of the private
// use area, which no text holds and no trimming removes.
const pageBreak = "\ue000"

// writeSpaceRun writes the run of spaces at the start of s and returns its
// length in bytes. ASCII-only runs are kept as they are (they may align
// columns); a run containing a no-break or ideographic space becomes one
// space, because those are layout, not content, or a tab when it holds
// one: the tab parts a table's cells padded with no-break spaces (a web
// table copied as text: 1&nbsp;\t推进…).
func writeSpaceRun(b *strings.Builder, s string) int {
	n, wide, tab := 0, false, false
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if r != ' ' && r != '\t' && !isWideSpace(r) {
			break
		}
		wide = wide || isWideSpace(r)
		tab = tab || r == '\t'
		n += size
	}
	switch {
	case wide && tab:
		b.WriteByte('\t')
	case wide:
		b.WriteByte(' ')
	default:
		b.WriteString(s[:n])
	}
	return n
}

func isWideSpace(r rune) bool {
	switch r {
	case 0xa0, 0x3000, 0x202f, 0x205f, 0x1680:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// symbolBullets are the private-use characters Word writes for a list's
// bullet when the bullet is a glyph of the Symbol or Wingdings font (,
// , ): copied as text they show as boxes, and stand for a bullet.
var symbolBullets = map[rune]bool{
	0xf0b7: true, 0xf06c: true, 0xf06e: true, 0xf075: true, 0xf076: true,
	0xf0a7: true, 0xf0a8: true, 0xf0d8: true, 0xf0fc: true,
}

// isInvisible reports characters that carry no text: controls, zero-width
// spaces and joiners, stray byte-order marks, soft hyphens.
func isInvisible(r rune) bool {
	switch r {
	case 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad:
		return true
	}
	return unicode.IsControl(r)
}

// punctLookalikes are the punctuation marks Word, PDF text and old
// encodings put for Chinese punctuation, with the mark each stands for: the
// ratio sign for a colon (责任单位∶市发改委), the small forms (﹙﹚﹑) and
// vertical forms (︰︐) of fonts, the half-width forms of an old encoding
// (､｡). A label is known by its colon, a clause by its brackets, a list by
// its 、.
var punctLookalikes = map[rune]rune{
	'∶': '：', '﹕': '：', '︰': '：', '︓': '：',
	'﹐': '，', '︐': '，', '﹑': '、', '︑': '、', '､': '、',
	'﹔': '；', '︔': '；', '︒': '。', '｡': '。',
	'﹖': '？', '︖': '？', '﹗': '！', '︕': '！',
	'﹙': '（', '﹚': '）', '﹝': '〔', '﹞': '〕',
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }
