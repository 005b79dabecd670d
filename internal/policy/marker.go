package policy

import "strings"

// style is a numbering style. The order below is the GB/T 9704 order of
// levels, but a document may skip levels (一、 then 1.), so the tree is built
// from the order in which styles appear, not from this order.
type style int

const (
	styleCN       style = iota + 1 // 一、
	styleCNParen                   // （一）
	styleNum                       // 1.  1．  1、
	styleNumParen                  // （1）
	styleNumHalf                   // 1)  1）, only at a line start
	styleCircled                   // ①
	styleTableRow                  // a bare number in a table's 序号 column
	stylePart                      // 第一部分
	styleChapter                   // 第一章
	styleArticle                   // 第一条
	styleDecimal                   // 1.1, only at a line start
	styleBullet                    // ● ◆ ■ ★: a bullet, numbered by its place
	styleShi                       // 一是 二是
	styleLetter                    // A. B、 Ⅰ、
	styleWord                      // 任务一 措施1 第一项
)

// marker is a recognised item number.
type marker struct {
	style style
	value int
	start int // rune offset of the marker in the text
	end   int // rune offset just past the marker (and its punctuation)
	// lineStart reports whether the marker begins a line (after spaces).
	lineStart bool
	// bare is set for a number without punctuation (1推进…, 2 培育…) or
	// a Chinese one whose dot stands before a digit (一.10项…), taken
	// only at the start of a line.
	bare bool
	// stop is set for a bare number written with a full stop (11。抓紧…):
	// its punctuation marks it as a number as 11. would, so it may open
	// an excerpt that starts in the middle of a list (see midway).
	stop bool
	// outer is the first number of a decimal marker (1 of 1.2), and
	// nested is set when the item stands under the item numbered outer,
	// so that its own number is the last one.
	outer  int
	nested bool
	// form tells apart weak markers (see weak.go) of one style: the
	// bullet's glyph, or the words around a worded number (任务#, 第#项)
	// with cn set when the number is written in Chinese; for a part, a
	// chapter or an article, figuresForm tells 第1条 from 第一条.
	form string
	cn   bool
}

// label returns the marker normalized to half-width without trailing
// punctuation, as used in task paths: 二, (三), 4, (1), ①.
func (m marker) label() string {
	switch m.style {
	case styleCN:
		return cnNumeral(m.value)
	case styleCNParen:
		return "(" + cnNumeral(m.value) + ")"
	case styleNum, styleNumHalf, styleTableRow:
		return itoa(m.value)
	case styleNumParen:
		return "(" + itoa(m.value) + ")"
	case styleCircled:
		return string(rune(0x2460 + m.value - 1))
	case stylePart, styleChapter, styleArticle:
		n := cnNumeral(m.value)
		if m.form == figuresForm {
			n = itoa(m.value)
		}
		return "第" + n + map[style]string{stylePart: "部分", styleChapter: "章", styleArticle: "条"}[m.style]
	case styleBullet, styleShi, styleLetter, styleWord:
		return m.weakLabel()
	case styleDecimal:
		if m.nested {
			return itoa(m.value)
		}
		return itoa(m.outer) + "." + itoa(m.value)
	}
	return "?"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

var cnDigits = []rune("零一二三四五六七八九")

// cnNumeral writes n (1–999) as a Chinese numeral the way documents number
// their sections: 十, 十一, 二十, 二十一, 一百零一.
func cnNumeral(n int) string {
	if n <= 0 || n > 999 {
		return itoa(n)
	}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteRune(cnDigits[h])
		b.WriteRune('百')
		if t == 0 && u > 0 {
			b.WriteRune('零')
		}
	}
	if t > 0 {
		if !(t == 1 && h == 0) {
			b.WriteRune(cnDigits[t])
		}
		b.WriteRune('十')
	}
	if u > 0 {
		b.WriteRune(cnDigits[u])
	}
	return b.String()
}

func isCNDigit(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百':
		return true
	}
	return false
}

// parseCN reads a Chinese numeral of up to 4 runes; it returns 0 for
// anything that is not a well-formed number.
func parseCN(rs []rune) int {
	if len(rs) == 0 || len(rs) > 5 {
		return 0
	}
	val := map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, -1
	for _, r := range rs {
		switch r {
		case '百':
			if cur < 0 {
				return 0
			}
			total += cur * 100
			cur = -1
		case '十':
			if cur < 0 {
				cur = 1
			}
			total += cur * 10
			cur = -1
		default:
			v, ok := val[r]
			if !ok || cur >= 0 {
				return 0
			}
			cur = v
		}
	}
	if cur > 0 {
		total += cur
	}
	if total == 0 || cnNumeral(total) != string(rs) && strings.ReplaceAll(string(rs), "〇", "零") != cnNumeral(total) {
		return 0
	}
	return total
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func digitVal(r rune) int {
	if r >= '０' && r <= '９' {
		return int(r - '０')
	}
	return int(r - '0')
}

func isOpenParen(r rune) bool  { return r == '(' || r == '（' }
func isCloseParen(r rune) bool { return r == ')' || r == '）' }

func isLatin(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ'
}

// scanMarker reports the marker that starts at rs[i], if its form is that of
// a marker. Whether it really is one depends on its context and on the
// numbering before it; see scanner.
func scanMarker(rs []rune, i int) (marker, bool) {
	if i >= len(rs) {
		return marker{}, false // a text that ends with a line break
	}
	r := rs[i]
	switch {
	case r == '第':
		return scanOrdinal(rs, i)
	case r >= '①' && r <= '⑳':
		return marker{style: styleCircled, value: int(r-'①') + 1, start: i, end: i + 1}, true
	case r == '图' && i+1 < len(rs) && rs[i+1] >= '①' && rs[i+1] <= '⑳':
		// 图①: a numbered photo caption, the problem it shows.
		return marker{style: styleCircled, value: int(rs[i+1]-'①') + 1, start: i, end: i + 2}, true
	case isCNDigit(r):
		return scanCN(rs, i)
	case isOpenParen(r):
		return scanParen(rs, i)
	case isDigit(r):
		return scanNum(rs, i)
	case r == '#' || r == '＃':
		return scanHash(rs, i)
	}
	return marker{}, false
}

// scanHash reads #12 and ＃12 before a space or the item's first word: a
// list numbered by ids, as a dashboard's task list writes it. Only a line
// start takes it (bare): in a sentence # is a tag or a channel's number.
func scanHash(rs []rune, i int) (marker, bool) {
	j, v := i+1, 0
	for j < len(rs) && j-i <= 4 && isDigit(rs[j]) {
		v = v*10 + digitVal(rs[j])
		j++
	}
	if j == i+1 || j >= len(rs) || v == 0 || isDigit(rs[j]) {
		return marker{}, false
	}
	end := j
	for end < len(rs) && (rs[end] == ' ' || rs[end] == '\u3000') {
		end++
	}
	if end >= len(rs) || !(rs[end] >= 0x4e00 && rs[end] <= 0x9fff || strings.ContainsRune(openQuotes, rs[end])) {
		return marker{}, false
	}
	return marker{style: styleNum, value: v, start: i, end: end, bare: true}, true
}

// scanCN reads 一、 … 十二、, and 一. 一．, which some documents write
// for the same level, and 一） for (一). Before a digit (三.5, 一.10项目标) that is not a year
// (一.2021年主要目标) it is marked bare: only a line start takes it, as a
// number without punctuation.
func scanCN(rs []rune, i int) (marker, bool) {
	j := i
	for j < len(rs) && j-i < 5 && isCNDigit(rs[j]) {
		j++
	}
	if j >= len(rs) || j == i {
		return marker{}, false
	}
	bare := false
	st := styleCN
	switch rs[j] {
	case '、':
	case '.', '．':
		bare = j+1 < len(rs) && isDigit(rs[j+1]) && !startsWithYear(rs[j+1:])
	case '）', ')':
		// 一）: (一) without its opening bracket, as several provinces
		// write it. Only a line start takes it (bare): inside a sentence
		// it closes a bracket (（其一）).
		st, bare = styleCNParen, true
	case ' ', '\u3000':
		// 一 强化县域统筹 1.健全…: a table's 序号 cell and its title, a
		// row of a table flattened into a line of spaces.
		if !spacedSectionCell(rs, i, j) {
			return marker{}, false
		}
	default:
		return marker{}, false
	}
	v := parseCN(rs[i:j])
	// "一、二、三产业" is a list of numerals, not a heading.
	if v == 0 || j+1 < len(rs) && isCNDigit(rs[j+1]) && j+2 < len(rs) && rs[j+2] == '、' {
		return marker{}, false
	}
	return marker{style: st, value: v, start: i, end: j + 1, bare: bare}, true
}

// spacedSectionCell reports a Chinese numeral rs[i:j] standing between
// spaces as a table's 序号 cell does, before a short title of words (no
// stop, no comma) and an item numbered 1. or 4、 within 40 characters.
func spacedSectionCell(rs []rune, i, j int) bool {
	if i > 0 && rs[i-1] != ' ' && rs[i-1] != '\u3000' && rs[i-1] != '\n' || j+2 >= len(rs) || !isHan(rs[j+1]) || rs[j+2] == ' ' {
		return false
	}
	for k := j + 1; k < len(rs) && k < j+40; k++ {
		switch r := rs[k]; {
		case strings.ContainsRune("。，,；;：:、（）()\n", r):
			return false
		case isDigit(r) && (rs[k-1] == ' ' || rs[k-1] == '\u3000'):
			m, ok := scanNum(rs, k)
			return ok && !m.bare
		}
	}
	return false
}

// scanParen reads （一） and (1), full- or half-width, spaces inside allowed.
func scanParen(rs []rune, i int) (marker, bool) {
	j := i + 1
	for j < len(rs) && rs[j] == ' ' {
		j++
	}
	k := j
	for k < len(rs) && k-j < 5 && (isCNDigit(rs[k]) || isDigit(rs[k])) {
		k++
	}
	e := k
	for e < len(rs) && rs[e] == ' ' {
		e++
	}
	if k == j || e >= len(rs) || !isCloseParen(rs[e]) {
		return marker{}, false
	}
	if isDigit(rs[j]) {
		v := 0
		for _, d := range rs[j:k] {
			if !isDigit(d) {
				return marker{}, false
			}
			v = v*10 + digitVal(d)
		}
		if v == 0 || v > 99 {
			return marker{}, false
		}
		return marker{style: styleNumParen, value: v, start: i, end: e + 1}, true
	}
	v := parseCN(rs[j:k])
	if v == 0 {
		return marker{}, false
	}
	return marker{style: styleCNParen, value: v, start: i, end: e + 1}, true
}

// scanNum reads 1. 1、 1．, and a bare number at a line start (bareNumber).
func scanNum(rs []rune, i int) (marker, bool) {
	j, v := i, 0
	for j < len(rs) && j-i < 4 && isDigit(rs[j]) {
		v = v*10 + digitVal(rs[j])
		j++
	}
	if j >= len(rs) || isDigit(rs[j]) || v == 0 {
		return marker{}, false
	}
	j = spacedStop(rs, i, j)
	switch rs[j] {
	case '.', '．', '、', '﹒':
	case ')', '）':
		// 1) and 1）: a level of their own (a document may number 1.
		// items and 1) points under them), taken only at a line start:
		// in a sentence 1) closes a parenthesis.
		end := j + 1
		for end < len(rs) && (rs[end] == ' ' || rs[end] == '\u3000') {
			end++
		}
		if end >= len(rs) || rs[end] == '\n' || v > 999 {
			return marker{}, false
		}
		return marker{style: styleNumHalf, value: v, start: i, end: end}, true
	case '。':
		// 1。在…: a page that wrote its numbers with the full stop;
		// taken only at a line start, as a bare number is.
		if m, ok := bareNumber(rs, i, j+1, v); ok {
			m.start, m.stop = i, true
			return m, true
		}
		return marker{}, false
	default:
		return bareNumber(rs, i, j, v)
	}
	// 2.8%, 11.121人才梯队项目, 1.5万: a digit after the dot is a decimal;
	// 1.2023年底前 is item 1 starting with a year; after 、 a digit starts
	// the item's text (1、10月9日督查发现).
	if j+1 < len(rs) && rs[j] != '、' && (isDigit(rs[j+1]) || rs[j+1] == '%' || rs[j+1] == '％') && !startsWithYear(rs[j+1:]) {
		return decimalNumber(rs, i, j+1, v)
	}
	// 5.jpg, 2.pdf: a file's name (a picture a page lists under its
	// item), not an item.
	if rs[j] != '、' && fileExtAt(rs, j+1) {
		return marker{}, false
	}
	end := j + 1
	for end < len(rs) && (rs[end] == ' ' || rs[end] == '\u3000') {
		end++
	}
	// "1." at the very end of the text, or followed by a line break,
	// numbers nothing.
	if end >= len(rs) || rs[end] == '\n' {
		return marker{}, false
	}
	return marker{style: styleNum, value: v, start: i, end: end}, true
}

// fileExtAt reports whether rs[i:] starts with a file's extension (jpg,
// pdf, docx…) standing alone: no letter or digit after it.
func fileExtAt(rs []rune, i int) bool {
	k := i
	for k < len(rs) && k-i <= 4 && (rs[k] >= 'a' && rs[k] <= 'z' || rs[k] >= 'A' && rs[k] <= 'Z') {
		k++
	}
	if k == i || k < len(rs) && (isDigit(rs[k]) || rs[k] >= 'a' && rs[k] <= 'z' || rs[k] >= 'A' && rs[k] <= 'Z') {
		return false
	}
	return fileExts[strings.ToLower(string(rs[i:k]))]
}

var fileExts = map[string]bool{"jpg": true, "jpeg": true, "png": true, "gif": true, "bmp": true, "tif": true, "pdf": true,
	"doc": true, "docx": true, "xls": true, "xlsx": true, "wps": true, "et": true, "ofd": true, "txt": true, "zip": true, "rar": true}

// decimalNumber reads 1.2 at a line start, an item numbered under item 1
// (1.1 推进…, 1.2 推行…): the digits after the dot at j, then a space, a
// stop or the item's first word, never a measure (1.5万, 2.3%).
func decimalNumber(rs []rune, i, j, outer int) (marker, bool) {
	if !atLineStart(rs, i) {
		return marker{}, false
	}
	k, v := j, 0
	for k < len(rs) && k-j < 2 && isDigit(rs[k]) {
		v = v*10 + digitVal(rs[k])
		k++
	}
	if k >= len(rs) || v == 0 || isDigit(rs[k]) || strings.ContainsRune(measureAfter, rs[k]) {
		return marker{}, false
	}
	end := k
	if rs[k] == '.' || rs[k] == '．' || rs[k] == '、' {
		end++
	}
	for end < len(rs) && (rs[end] == ' ' || rs[end] == '\u3000') {
		end++
	}
	if end == k && (rs[k] < 0x4e00 || rs[k] > 0x9fff) || end >= len(rs) || rs[end] == '\n' {
		return marker{}, false
	}
	return marker{style: styleDecimal, value: v, outer: outer, start: i, end: end}, true
}

// measureAfter are the words a figure is counted in: 1.5万, 2.3倍, 0.5个.
const measureAfter = "%％万亿元个倍人户家千百十米吨亩公平立度辆台套座所项条次天年月日时分秒‰"

// spacedStop skips the stray spaces a page copied from Word puts between a
// line's first number and its dot (20 .拓宽…): it returns where the dot
// stands, or j when no dot follows the spaces or the number does not open
// its line.
func spacedStop(rs []rune, i, j int) int {
	k := j
	for k < len(rs) && (rs[k] == ' ' || rs[k] == '\u3000') {
		k++
	}
	if k == j || k >= len(rs) || rs[k] != '.' && rs[k] != '．' && rs[k] != '、' || !atLineStart(rs, i) {
		return j
	}
	return k
}

// precededOK reports whether the rune before a marker allows it to start an
// item: a marker never follows a digit, a Latin letter, a decimal point or
// 第 (第一、 / 第3.), nor an opening quote.
func precededOK(rs []rune, i int) bool {
	if i == 0 {
		return true
	}
	p := rs[i-1]
	switch {
	case isDigit(p), isLatin(p):
		return false
	}
	switch p {
	case '.', '．', '第', '“', '"', '‘', '《', '〔', '[', '-', '—', '~', '～', '/', '_':
		return false
	}
	return true
}

// scanOrdinal reads 第一部分, 第二章 and 第三条 followed by a space: the
// parts, chapters and articles of rules and regulations. Only one that
// starts a line is taken (see scanner.accept): 第六条至第十六条 in a sentence
// is a reference.
func scanOrdinal(rs []rune, i int) (marker, bool) {
	j := i + 1
	for j < len(rs) && j-i <= 5 && isCNDigit(rs[j]) {
		j++
	}
	v := parseCN(rs[i+1 : j])
	form := ""
	if j == i+1 {
		// 第1条: the number in figures, kept so in the item's path.
		for v, form = 0, figuresForm; j < len(rs) && j-i <= 3 && isDigit(rs[j]); j++ {
			v = v*10 + digitVal(rs[j])
		}
	}
	if j == i+1 || j >= len(rs) {
		return marker{}, false
	}
	st := style(0)
	switch {
	case rs[j] == '章':
		st = styleChapter
	case rs[j] == '条':
		st = styleArticle
	case rs[j] == '部' && j+1 < len(rs) && rs[j+1] == '分':
		st, j = stylePart, j+1
	}
	end := j + 1
	if v == 0 || st == 0 || end >= len(rs) || !isSpace(rs[end]) && rs[end] != '\n' {
		return marker{}, false
	}
	for end < len(rs) && isSpace(rs[end]) {
		end++
	}
	return marker{style: st, value: v, start: i, end: end, form: form}, true
}

// figuresForm is the form of an ordinal written in figures (第1条).
const figuresForm = "figures"

// startsWithYear reports whether rs starts with a year: 2023年.
func startsWithYear(rs []rune) bool {
	return len(rs) > 4 && isDigit(rs[0]) && isDigit(rs[1]) && isDigit(rs[2]) && isDigit(rs[3]) && rs[4] == '年'
}

// measureWords follow a number that counts something (3个, 5年, 10万):
// such a number never numbers an item.
const measureWords = "年月日天个家项万亿千百元号人次名所座条户期批类倍吨亩米公里岁届份件台套辆处%％"

// bareNumber reads a number without punctuation at rs[i:j] (1推进算力设施
// 建设, 2 培育应用场景): it must be followed by the item's first word.
func bareNumber(rs []rune, i, j, v int) (marker, bool) {
	end := j
	// 1<TAB>推进…: Word's list number without punctuation, the tab after
	// it copied as text.
	for end < len(rs) && (rs[end] == ' ' || rs[end] == '\u3000' || rs[end] == '\t') {
		end++
	}
	if end >= len(rs) || v > 999 {
		return marker{}, false
	}
	r := rs[end]
	// 8。“赢在广州”项目: the item's text may open with a quoted name,
	// whose first word counts nothing (9。“百人计划”).
	quoted := strings.ContainsRune(openQuotes, r) && end+1 < len(rs)
	if quoted {
		r = rs[end+1]
	}
	// 01 项目名称: a number written with a leading zero numbers an item;
	// no count is written so.
	padded := (rs[i] == '0' || rs[i] == '０') && j-i >= 2
	if r < 0x4e00 || r > 0x9fff || !quoted && !padded && strings.ContainsRune(measureWords, r) {
		return marker{}, false
	}
	return marker{style: styleNum, value: v, start: i, end: end, bare: true}, true
}

// countedItem reads at rs[i] a number that opens a line without
// punctuation or with a full stop and is followed, spaces aside, by a
// measure word (4人均地区生产总值…, 4。人均…, 4 人均…), which bareNumber refuses: the caller takes it
// only where it continues the list in force and its next number follows
// (see scanner.listNumber).
func countedItem(rs []rune, i int) (marker, bool) {
	j, v := i, 0
	for j < len(rs) && j-i < 3 && isDigit(rs[j]) {
		v = v*10 + digitVal(rs[j])
		j++
	}
	if j == i || v == 0 || j >= len(rs) {
		return marker{}, false
	}
	stop := rs[j] == '。'
	if stop {
		j++
	}
	for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000') {
		j++
	}
	if j >= len(rs) || !strings.ContainsRune(measureWords, rs[j]) || rs[j] == '%' || rs[j] == '％' {
		return marker{}, false
	}
	return marker{style: styleNum, value: v, start: i, end: j, bare: true, stop: stop}, true
}

// openQuotes open a quoted name or title.
const openQuotes = "“‘《「『"
