package docread

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Hard-wrapped text. Text taken from a PDF breaks every paragraph into
// lines of the page's width, anywhere: inside a unit name (市科 / 技局), a
// bracketed clause or an owner line, with the page's number and running
// header between pages. A text is taken for hard-wrapped by its shape:
// most of its long lines are about as long as the longest and do not end a
// sentence. Then a line that reaches the margin and does not end a
// paragraph is joined, without a separator, to the next line unless that
// one starts an item; a bracket still open joins them whatever the end.
// Table rows (|, a tab, a run of spaces) are never joined, blank lines end
// a paragraph, and nothing from a table flattened one cell a line (序号,
// then a cell a line) on is touched. In a text that is not hard-wrapped
// only two things change: a bracketed clause broken once is joined, and a
// running header that recurs after the page numbers goes.

const (
	// wrapMinLines is how many lines must reach the margin without ending
	// a sentence before a text counts as hard-wrapped.
	wrapMinLines = 4
	// wrapMaxWidth bounds the margin: a line longer than this is a
	// paragraph, not a page's line.
	wrapMaxWidth = 80
	// headerMaxRunes bounds a running header.
	headerMaxRunes = 30
)

// paragraphEnds are the characters that end a paragraph at a line's end;
// a closing bracket ends one when it closes a clause (……（市科技局牵头）).
const paragraphEnds = "。；：！？;:!?）)】〕]"

// itemStartRe matches the start of an item, a heading or a label line: a
// numbering (一、 1. （一） (1) ①, 3加快 and 3 加快 but not 2024年, #12), 第X条, 附件, or a
// label such as 责任单位：.
var itemStartRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d０-９]{1,3}[)）]|[\d０-９]{1,4}[.．、)）](?:[^\d０-９]|$)|[\d０-９]{1,3}[^\d０-９年月日号个项万亿元千百%％.．、)）\s]|[\d０-９]{1,3}[ \x{3000}][^\d０-９年月日号个项万亿元千百%％\s]|[①-⑳]|[#＃][\d０-９]{1,4}|第[一二三四五六七八九十百\d]+[条章节部分]|附件|\p{Han}{2,6}[：:])`)

// lineWidth is the margin of a hard-wrapped text, or 0 when the text is
// not hard-wrapped.
func lineWidth(lines []line) int {
	// Lines longer than wrapMaxWidth are only counted: when they are more
	// than a tenth, the text is not hard-wrapped.
	var lens []int
	over := 0
	for _, l := range lines {
		switch s := l.text; {
		case l.rows != nil || s == "" || tableLike(s):
		case len(s) > 4*wrapMaxWidth:
			over++
		default:
			if n := l.laidLen(); n > wrapMaxWidth {
				over++
			} else {
				lens = append(lens, n)
			}
		}
	}
	total := len(lens) + over
	k := total * 9 / 10
	if total < wrapMinLines || k >= len(lens) {
		return 0
	}
	slices.Sort(lens)
	width := lens[k]
	if width < 12 {
		return 0
	}
	long, open := 0, 0
	for i, l := range lines {
		if l.rows != nil || tableLike(l.text) || !atMarginLine(l, width) {
			continue
		}
		long++
		if i+1 < len(lines) && !endsParagraph(l.text) && continues(lines[i+1]) {
			open++
		}
	}
	if open < wrapMinLines || 2*open < long {
		return 0
	}
	return width
}

// atMargin reports a line that reaches the margin: within a quarter of
// the width (the break falls between words of different widths).
func atMargin(s string, width int) bool {
	if len(s) < width*3/4 || len(s) > 4*(width+width/8+2) {
		return false
	}
	n := runeLen(s)
	return 4*n >= 3*width && n <= width+width/8+2
}

// atMarginLine is atMargin for a line, measured as the page laid it out.
func atMarginLine(l line, width int) bool {
	if l.laid == 0 {
		return atMargin(l.text, width)
	}
	return 4*l.laid >= 3*width && l.laid <= width+width/8+2
}

// continues reports a line that may continue the one before it: text
// that does not start an item or a table row.
func continues(l line) bool {
	return l.rows == nil && l.text != "" && !tableLike(l.text) && !itemStartRe.MatchString(l.text)
}

func endsParagraph(s string) bool {
	r := lastRune(s)
	return strings.ContainsRune(paragraphEnds, r) && !placeBracketEndRe.MatchString(s)
}

// placeBracketEndRe ends a line with the bracketed levels inside a unit's
// name (各县(市、区), 各区(市)): that bracket closes no clause, and the
// name goes on (各县(市、区) / 政府).
var placeBracketEndRe = regexp.MustCompile(`\p{Han}[（(][市区县旗]{1,2}(?:[、，,][市区县旗]{1,2}){0,2}[)）]$`)

func lastRune(s string) rune {
	rs := []rune(s[max(0, len(s)-8):])
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

// openBracket reports whether s leaves a bracket open.
func openBracket(s string) bool { return hasOpening(s) && bracketDepth(0, s) > 0 }

// hasOpening reports whether s holds an opening bracket, by byte searches
// that cost far less than decoding every line.
func hasOpening(s string) bool {
	return strings.IndexByte(s, '(') >= 0 || strings.IndexByte(s, '[') >= 0 ||
		strings.Contains(s, "（") || strings.Contains(s, "【") || strings.Contains(s, "〔")
}

// bracketDepth returns how many brackets are open after s, depth being
// open before it; a closing bracket without its opening is ignored.
func bracketDepth(depth int, s string) int {
	for _, r := range s {
		switch r {
		case '（', '(', '【', '〔', '[':
			depth++
		case '）', ')', '】', '〕', ']':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth
}

// isPageNumber reports a page's number on a line of its own (— 3 —, 第3页,
// 3/9), or with the page's footer or header beside it (see pageBeside). A
// bare number is not taken for one: it may be a table's row number (but
// see markBarePages). It runs on every line several times: the common
// line is refused by its length or its first and last characters before
// any regular expression runs.
func isPageNumber(s string) bool {
	if s == pageBreak {
		return true // a form feed, a page's end without its number
	}
	if s == "" || len(s) > maxPageLineBytes {
		return false
	}
	if len(s) <= maxPageNumberBytes {
		if s[0] >= '0' && s[0] <= '9' {
			if m := pageOfTotalRe.FindStringSubmatch(s); m != nil {
				return atoi(m[1]) >= 1 && atoi(m[1]) <= atoi(m[2])
			}
		}
		if pageNumberRe.MatchString(s) || pageOfRe.MatchString(s) {
			return true
		}
	}
	return pageBeside(s)
}

// maxPageLineBytes bounds a line that holds a page's number and the
// footer beside it (30 characters).
const maxPageLineBytes = 100

// pageBeside reports a page's number in dashes with the page's footer (or
// header) beside it on one line: 某某市人民政府办公室 — 3 — (the spaces
// between them may be gone).
func pageBeside(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(pageDashes, first) && !strings.ContainsRune(pageDashes, last) {
		return false
	}
	if m := pageBesideRe.FindStringSubmatch(s); m != nil {
		return furnitureText(m[1] + m[2])
	}
	return false
}

// pageDashes are the marks a page's number stands between.
const pageDashes = "—–-－·•～~"

// pageBesideRe is a line of words beside a page's number in dashes, on
// either side.
var pageBesideRe = regexp.MustCompile(`^(?:(.+?)\s*` + pageDashed + `|` + pageDashed + `\s*(.+?))$`)

// pageDashed is a page's number between dashes or dots (— 3 —, -3-, · 3 ·).
const pageDashed = `[—–\-－·•～~]+\s*\d{1,4}\s*(?:/\s*\d{1,4}\s*)?[—–\-－·•～~]+`

// furnitureText reports the words a page sets beside its number: short,
// no sentence, no numbering.
func furnitureText(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && runeLen(s) <= headerMaxRunes && !strings.ContainsAny(s, "。；;：:，,") && !itemStartRe.MatchString(s)
}

// pageOfTotalRe is a page's number over the number of pages: 3/9, 3 / 9.
var pageOfTotalRe = regexp.MustCompile(`^(\d{1,4})\s*/\s*(\d{1,4})$`)

// maxPageNumberBytes bounds a page-number line (第 12 页 共 30 页), so
// that the regular expressions run on short lines only.
const maxPageNumberBytes = 48

// unwrapLines joins the lines of a hard-wrapped text (see the top of this
// file).
func unwrapLines(lines []line) []line {
	lines = dropNumberedBreaks(lines)
	// A table flattened one cell a line (序号, then a cell a line) has
	// short lines that end anywhere: nothing from its start on is joined.
	// Its pages' headers and footers go all the same, where their text
	// stands nowhere else (a cell may recur after page numbers).
	if i := slices.IndexFunc(lines, func(l line) bool { return tableStart(l.text) }); i >= 0 {
		table := lines[i:]
		table = dropPageFurniture(table, afterBreaksOnly(table, runningHeaders(table, 2, 0)), runningFooters(table, 0, nil))
		return append(unwrapLines(lines[:i:i]), table...)
	}
	width := lineWidth(lines)
	// A paragraph running on over the page break tells a running header
	// from a heading: then one page is enough, else it must recur.
	minPages := 2
	if width > 0 {
		minPages = 1
		markBarePages(lines, width)
	}
	headers := runningHeaders(lines, minPages, width)
	lines = dropPageFurniture(lines, headers, runningFooters(lines, width, headers))
	if width == 0 {
		return joinOpenBrackets(lines)
	}
	return joinWrapped(lines, width)
}

// paragraph is a paragraph being joined from a hard-wrapped text's lines.
// Its bracket depth and last line are kept as it grows, so that joining
// costs the length of the text, not its square.
type paragraph struct {
	parts []string
	depth int  // brackets left open
	tail  line // the last line: what must reach the margin
}

func (p *paragraph) add(l line) {
	p.parts = append(p.parts, l.text)
	p.depth = bracketDepth(p.depth, l.text)
	p.tail = l
}

// joinWrapped joins the lines of a text hard-wrapped at width.
func joinWrapped(lines []line, width int) []line {
	out := make([]line, 0, len(lines))
	var cur paragraph
	flush := func() {
		if len(cur.parts) > 0 {
			out = append(out, line{text: strings.Join(cur.parts, "")})
		}
		cur = paragraph{}
	}
	for _, l := range lines {
		switch {
		case l.rows != nil || l.text == "" || tableLike(l.text):
			flush()
			out = append(out, l)
		case len(cur.parts) > 0 && joinable(&cur, l.text, width):
			cur.add(l)
		default:
			flush()
			cur.add(l)
		}
	}
	flush()
	return out
}

// joinable reports whether the line next continues p.
func joinable(p *paragraph, next string, width int) bool {
	if brokenLabel(p.tail.text, next) {
		return true
	}
	if !atMarginLine(p.tail, width) {
		return false
	}
	if p.depth > 0 {
		return !itemNumberRe.MatchString(next)
	}
	ends := endsParagraph(p.tail.text) && !ownerLabelColonRe.MatchString(p.tail.text) && !gluedRowGoesOn(p, next)
	return !ends && (!itemStartRe.MatchString(next) || brokenFigure(p.tail.text, next)) && !closedOwnerLine(p)
}

// brokenFigureRe starts a line with the rest of a figure a wrap broke
// after its first digits (……不少于1 / 5家): digits and no item's
// punctuation after them.
var brokenFigureRe = regexp.MustCompile(`^\d{1,3}[^\d.．、)）\s]`)

// brokenFigure reports a line at the margin ending in a digit and a line
// that goes on with the figure: a paragraph does not end inside a figure,
// and the next line is no item numbered without punctuation.
func brokenFigure(tail, next string) bool {
	return tail != "" && tail[len(tail)-1] >= '0' && tail[len(tail)-1] <= '9' && brokenFigureRe.MatchString(next)
}

// gluedUnitRe starts a line with a unit's name run straight into the text
// after it, without a space or a mark (区人力社保局2020年度…): the unit cell
// of a table flattened without separators, glued to the next cell.
var gluedUnitRe = regexp.MustCompile(`^[省市县区]\p{Han}{1,10}?[局委办厅部府心会院][\p{Han}\d]`)

// gluedRowRe starts a row of a table flattened without separators: its
// number, after the category cell if any, glued to the task
// (经济社会发展主要预期目标3居民…, 3居民…).
var gluedRowRe = regexp.MustCompile(`^\p{Han}{0,20}\d{1,3}\p{Han}`)

// gluedRowGoesOn reports a glued row (see gluedRowRe) whose wrapped line
// ends its task with 。 at the margin, then a line that opens with a glued
// unit cell: the row goes on, and the stop ends no paragraph. A paragraph
// of prose is no such row, and keeps its end.
func gluedRowGoesOn(p *paragraph, next string) bool {
	return strings.HasSuffix(p.tail.text, "。") && gluedRowRe.MatchString(p.parts[0]) && gluedUnitRe.MatchString(next)
}

// ownerLabelColonRe ends a line with an owner label and its colon
// (……。责任单位：): the units follow on the next line, so the colon ends
// no paragraph.
var ownerLabelColonRe = regexp.MustCompile(`(?:` + ownerRoles + `)(?:` + ownerBodies + `)[：:]$`)

// labelRestRe starts a line with what may be the rest of a label the
// wrap broke (单位：, 任单位：, 位：).
var labelRestRe = regexp.MustCompile(`^\p{Han}{1,5}[：:]`)

// brokenLabel reports an owner or deadline label broken between two lines
// (……（牵头 / 单位：市财政局, 整改 / 时限：): the end of tail and the start of
// next make the label,
// which next alone does not hold. Such a line is no label line of its
// own, whatever the text's wrap.
func brokenLabel(tail, next string) bool {
	m := labelRestRe.FindString(next)
	if m == "" {
		return false
	}
	rest := strings.TrimRight(m, "：:")
	if ownerLabelRe.MatchString(rest) || dueLabelRe.MatchString(rest) {
		return false
	}
	rs := []rune(tail[max(0, len(tail)-16):])
	label := string(rs[max(0, len(rs)-4):]) + rest
	return ownerLabelRe.MatchString(label) || dueLabelRe.MatchString(label)
}

// dueLabelRe ends with a deadline's label (完成时限, 整改期限), which a wrap
// breaks as it does an owner label.
var dueLabelRe = regexp.MustCompile(`(?:完成|整改|办结|落实)(?:时限|时间|期限)$`)

// labelLineRe starts a label line (责任单位：…); clauseVerbEndRe is the verb
// of responsibility that closes its last phrase.
var (
	labelLineRe     = regexp.MustCompile(`^\p{Han}{2,6}[：:]`)
	clauseVerbEndRe = regexp.MustCompile(`(?:负责|牵头|配合|落实)$`)
)

// closedOwnerLine reports a paragraph that is a label line whose last
// phrase closes with a verb of responsibility (责任单位：A牵头，B按职责分工
// 负责): its units are complete, and a line after it (the title of the
// section that follows) does not continue it.
func closedOwnerLine(p *paragraph) bool {
	return clauseVerbEndRe.MatchString(p.tail.text) && labelLineRe.MatchString(p.parts[0])
}

// itemNumberRe is a numbering alone, which starts an item even inside an
// unclosed bracket.
var itemNumberRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十百\d]+条)`)

// publicationRe is the name of a publication (某某市人民政府公报, 某某简报,
// 某某县人民政府文件): right after a page number it is the next page's
// running header on a single page break already, as no paragraph of a
// document ends so and no unit is so named.
var publicationRe = regexp.MustCompile(`\p{Han}(?:公报|政报|简报|快报|专报|通讯|周刊|月刊|年鉴|文件)$`)

// runningHeaders returns the short lines that stand right after a page
// number on at least min pages (on a single page only a line shorter than
// the lines of a text hard-wrapped at width), or on one when it names a
// publication: a page's running header. A line that could start an item,
// or ends a sentence, is one only when it stands after every page number,
// on two pages or more (a title closed by its bracket, 进度表(截至10月31日),
// or a chapter's heading 第一章 总则): a document's own line falls after a
// page break by chance, never after each.
func runningHeaders(lines []line, min, width int) map[string]bool {
	count, shaped := map[string]int{}, map[string]int{}
	numbers := pageNumbers(lines)
	breaks := len(numbers)
	for _, i := range numbers {
		// A form feed between pages leaves a blank line.
		j, ok := nearText(lines, i, 1)
		if !ok {
			continue
		}
		switch h := lines[j].text; {
		case runeLen(h) > headerMaxRunes || tableLike(h):
		case itemStartRe.MatchString(h) || endsParagraph(h):
			shaped[h]++
		default:
			count[h]++
		}
	}
	headers := map[string]bool{}
	if t, ok := titleRepeated(lines, numbers); ok {
		headers[t] = true
	}
	for h, n := range shaped {
		if n >= 2 && n == breaks {
			headers[h] = true
		}
	}
	for h, n := range count {
		// On a single page, a line as long as the text's lines is the
		// next page's first line of text, not a header.
		if n >= min && (n >= 2 || width == 0 || !atMargin(h, width)) || publicationRe.MatchString(h) {
			headers[h] = true
		}
	}
	secondHeaders(lines, numbers, headers)
	return headers
}

// secondHeaders adds to headers the line that stands right after a
// running header on two pages or more and on most of the pages that show
// it, as short and shaped as a header (某某市人民政府公报 / 2024年第3期): a
// running header of two lines.
func secondHeaders(lines []line, numbers []int, headers map[string]bool) {
	second := map[string]int{}
	headed := 0 // the pages whose running header stands after their number
	for _, i := range numbers {
		j, ok := nearText(lines, i, 1)
		if !ok || !headers[lines[j].text] {
			continue
		}
		headed++
		k, ok := nearText(lines, j, 1)
		if !ok {
			continue
		}
		if h := lines[k].text; !headers[h] && runeLen(h) <= headerMaxRunes && !tableLike(h) &&
			!itemStartRe.MatchString(h) && !endsParagraph(h) && !isPageNumber(h) {
			second[h]++
		}
	}
	for h, n := range second {
		// On most of those pages: a unit's line that a page break put
		// after the header on a few of many (省卫生厅 in a cell-a-line
		// table) is the table's.
		if n >= 2 && n*2 > headed {
			headers[h] = true
		}
	}
}

// titleRepeated returns the document's first line when it stands again
// right after a page number: the running header of a document that heads
// each page with its title, on a single page break already (no paragraph
// repeats the title word for word just after a page's number).
func titleRepeated(lines []line, numbers []int) (string, bool) {
	first, ok := nearText(lines, -1, 1)
	if !ok || len(numbers) == 0 || numbers[0] <= first {
		return "", false
	}
	title := lines[first].text
	if runeLen(title) > headerMaxRunes || tableLike(title) || itemStartRe.MatchString(title) {
		return "", false
	}
	for _, i := range numbers {
		if j, ok := nearText(lines, i, 1); ok && lines[j].text == title {
			return title, true
		}
	}
	return "", false
}

// runningFooters returns the short lines that stand right before a page
// number on two pages or more, or on one where a text hard-wrapped at
// width runs its paragraph on over the page and the line is no longer
// than half the width: a page's footer (the issuing office above -3-).
// A line that could start an item, or ends a sentence, is never one, nor
// one whose text stands anywhere else (a unit's cell in a table), nor one
// that recurs before fewer than half the page numbers: a table's cell
// that a page break followed twice by chance (a footer is on most pages).
func runningFooters(lines []line, width int, headers map[string]bool) map[string]bool {
	pages, over := map[string]int{}, map[string]bool{}
	numbers := pageNumbers(lines)
	breaks := len(numbers)
	for _, i := range numbers {
		j, ok := nearText(lines, i, -1)
		if !ok {
			continue
		}
		if f := lines[j].text; runeLen(f) <= headerMaxRunes && !tableLike(f) && !itemStartRe.MatchString(f) && !endsParagraph(f) && !isPageNumber(f) {
			pages[f]++
			over[f] = over[f] || width > 0 && 2*runeLen(f) <= width && runsOver(lines, j, i, width, headers)
		}
	}
	if len(pages) == 0 {
		return nil
	}
	held := map[string]int{}
	for _, l := range lines {
		if _, ok := pages[l.text]; ok && l.rows == nil {
			held[l.text]++
		}
	}
	footers := map[string]bool{}
	for f, n := range pages {
		if (n >= 2 && 2*n > breaks || over[f]) && held[f] == n {
			footers[f] = true
		}
	}
	return footers
}

// pageNumbers returns the indexes of the lines that are a page's number.
func pageNumbers(lines []line) []int {
	var out []int
	for i, l := range lines {
		if l.rows == nil && isPageNumber(l.text) {
			out = append(out, i)
		}
	}
	return out
}

// nearText returns the index of the first line that is not blank from
// lines[i] on in steps of step (1 or -1), and whether there is one and it
// is text, not a table.
func nearText(lines []line, i, step int) (int, bool) {
	j := i + step
	for j >= 0 && j < len(lines) && lines[j].blank() {
		j += step
	}
	return j, j >= 0 && j < len(lines) && lines[j].rows == nil
}

// afterBreaksOnly keeps of headers those whose every line stands right
// after a page number.
func afterBreaksOnly(lines []line, headers map[string]bool) map[string]bool {
	for k, l := range lines {
		if l.rows != nil || !headers[l.text] {
			continue
		}
		if j, ok := nearText(lines, k, -1); !ok || !isPageNumber(lines[j].text) {
			delete(headers, l.text)
		}
	}
	return headers
}

// runsOver reports whether the paragraph above the short line at j (a
// line at the margin that does not end it) goes on after the page number
// at i and the running header (one of headers) after it: the short line
// cannot be its last one.
func runsOver(lines []line, j, i, width int, headers map[string]bool) bool {
	k := j - 1
	if k < 0 || lines[k].rows != nil || !atMarginLine(lines[k], width) || endsParagraph(lines[k].text) {
		return false
	}
	n := i + 1
	for n < len(lines) && (lines[n].blank() || lines[n].rows == nil && (isPageNumber(lines[n].text) || headers[lines[n].text])) {
		n++
	}
	return n < len(lines) && continues(lines[n])
}

// dropPageFurniture removes the page numbers, the running header (one of
// headers) that follows one and the footer (one of footers) that precedes
// one, with the blank lines around them: the blank line pdftotext leaves
// above a page's number and the form feed after it part no paragraph, as
// a page break does not.
func dropPageFurniture(lines []line, headers, footers map[string]bool) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.rows != nil || !isPageNumber(l.text) {
			out = append(out, l)
			continue
		}
		k := len(out) - 1
		for k >= 0 && out[k].blank() && !out[k].tableEnd {
			k--
		}
		if k >= 0 && out[k].rows == nil && footers[out[k].text] {
			k--
			for k >= 0 && out[k].blank() && !out[k].tableEnd {
				k--
			}
		}
		out = out[:k+1]
		j := i + 1
		for j < len(lines) && lines[j].blank() && !lines[j].tableEnd {
			j++
		}
		// A running header of one line or two.
		for n := 0; n < 2 && j < len(lines) && lines[j].rows == nil && headers[lines[j].text]; n++ {
			for j++; j < len(lines) && lines[j].blank() && !lines[j].tableEnd; j++ {
			}
		}
		i = j - 1
	}
	return out
}

// dropNumberedBreaks removes the form feeds (pageBreak) that stand next
// to a page's number, blank lines aside: the page break is the number's,
// once.
func dropNumberedBreaks(lines []line) []line {
	if !slices.ContainsFunc(lines, func(l line) bool { return l.text == pageBreak }) {
		return lines
	}
	out := make([]line, 0, len(lines))
	for i, l := range lines {
		if l.text == pageBreak && l.rows == nil {
			before, ok := nearText(lines, i, -1)
			after, ok2 := nearText(lines, i, 1)
			if ok && isPageNumber(lines[before].text) && lines[before].text != pageBreak || ok2 && isPageNumber(lines[after].text) && lines[after].text != pageBreak {
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// barePageRe is a page's number printed alone, without dashes (3).
var barePageRe = regexp.MustCompile(`^\d{1,3}$`)

// markBarePages writes as — n — the bare numbers (3) that a text
// hard-wrapped at width shows alone between its lines where they number
// its pages: one inside a paragraph (the line above reaches the margin
// without ending it, the line below goes on or ends a label it began), or any of a run of such
// numbers, each one more than the one before, that has one so. Elsewhere
// a bare number may be an item's, on a line of its own above its text.
func markBarePages(lines []line, width int) {
	var at []int
	inside := map[int]bool{}
	for i, l := range lines {
		if l.rows != nil || !barePageRe.MatchString(l.text) {
			continue
		}
		at = append(at, i)
		above, ok := nearText(lines, i, -1)
		below, ok2 := nearText(lines, i, 1)
		if ok && ok2 && !tableLike(lines[above].text) && atMarginLine(lines[above], width) && !endsParagraph(lines[above].text) &&
			(continues(lines[below]) || brokenLabel(lines[above].text, lines[below].text)) {
			inside[i] = true
		}
	}
	if len(inside) == 0 {
		return
	}
	run := true
	for k := 1; k < len(at); k++ {
		run = run && atoi(lines[at[k]].text) == atoi(lines[at[k-1]].text)+1
	}
	for _, i := range at {
		if run || inside[i] {
			lines[i].text = "— " + lines[i].text + " —"
		}
	}
}

// continuesClause reports a line that may continue a bracketed clause
// left open: one that continues a paragraph, or one that starts like a
// label (任单位：… after （责, a label broken by the wrap).
func continuesClause(l line) bool {
	return continues(l) || l.rows == nil && !tableLike(l.text) && labelLineRe.MatchString(l.text)
}

// joinOpenBrackets joins, in a text that is not hard-wrapped as a whole,
// an owner label broken between two lines (see brokenLabel), an owner
// line cut inside a unit's name (see unitsCut) and the lines of a
// bracketed clause broken once: a line that does not end
// a paragraph and leaves a bracket open, then one that does not start an
// item and closes it (……（责任单位：北 / 沟街道、执法局）).
func joinOpenBrackets(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for l.rows == nil && i+1 < len(lines) && lines[i+1].rows == nil && !tableLike(l.text) && brokenLabel(l.text, lines[i+1].text) {
			l.text += lines[i+1].text
			i++
		}
		if l.rows == nil && i+1 < len(lines) && !endsParagraph(l.text) && !tableLike(l.text) && openBracket(l.text) && continuesClause(lines[i+1]) &&
			!openBracket(l.text+lines[i+1].text) {
			l.text += lines[i+1].text
			i++
		} else if i+1 < len(lines) && unitsCut(l, lines[i+1]) {
			l.text += lines[i+1].text
			i++
		}
		out = append(out, l)
	}
	return out
}

// unitsCutRe ends a line in the middle of an owner label's units: the
// label (any the reader knows, as ownerLabelRe), its colon and units up
// to a Han character, no sentence closed.
var unitsCutRe = regexp.MustCompile(`(?:` + ownerRoles + `)(?:` + ownerBodies + `)[：:][^。；;！？!?：:]*\p{Han}$`)

// unitCutEndRe is the rest of a unit's name closing the sentence: a few
// characters without a comma or a label, then its full stop (建局。,
// 力公司等。).
var unitCutEndRe = regexp.MustCompile(`^[^，,：:。；;\s]{1,10}[。；;]$`)

// unitsCut reports an owner line a line break cut inside a unit's name
// in a text that is not wrapped as a whole (责任单位：县住 / 建局。): the
// next line is only the name's rest and the stop that closes the line.
func unitsCut(l, next line) bool {
	return l.rows == nil && next.rows == nil && !tableLike(l.text) && continues(next) &&
		unitsCutRe.MatchString(l.text) && unitCutEndRe.MatchString(next.text)
}
