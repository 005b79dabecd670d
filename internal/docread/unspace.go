package docread

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spaces between Han characters. A page assembled from HTML spans, or a
// justified heading copied from one, scatters single spaces through the
// text: 一 、 总 体 要 求, 责 任单位, 区住 建局. Chinese does not separate
// words, so such a space carries nothing, but it stops a numbering or a
// label being recognised and splits a unit name in two. Spaces are only
// removed where the text shows the pattern, because elsewhere a single
// space may be a separator (市发改委 市财政局) or a table's column gap:
//
//   - a letter-spaced line, whose characters stand one by one (总 体 要 求);
//   - in a | table, a letter-spaced cell (序 号 | 牵 头 单 位);
//   - the whole text, when spaces fall inside words on most of its long
//     lines, and not mostly after a unit's last character (a list of
//     units separated by spaces).
//
// Lines with a tab or a run of two spaces are table rows and stay as they
// are; so do lines under scatterMinRunes outside a letter-spaced pattern
// (one-cell-a-line tables), spaces between two digits or two Latin letters,
// and a decimal point (1 . 5).

const (
	// scatterMinRunes is the shortest line the whole-text pass edits.
	scatterMinRunes = 12
	// scatterMinLines is how many lines must show scattered spaces, or
	// scatterMinSpaces how many spaces a text of fewer lines (a page
	// flattened into one) must hold.
	scatterMinLines  = 5
	scatterMinSpaces = 10
)

// fieldLabelRe is a label after a space: a page's metadata puts several
// fields on a line (生成日期:… 公开日期:…), a space before each.
var fieldLabelRe = regexp.MustCompile(`^\p{Han}{2,8}[:：]`)

// isWide reports a Han character or a full-width punctuation mark, the
// characters Chinese text runs together.
func isWide(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3001 && r <= 0x303f, r >= 0xff01 && r <= 0xff60, r >= 0x2018 && r <= 0x201f:
		return true
	}
	return r == 0x2014 || r == 0x2026 || r == 0xb7
}

func isHan(r rune) bool { return r >= 0x80 && unicode.Is(unicode.Han, r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// sentenceEnds end a sentence or clause: a space after one may separate
// paragraphs of a text flattened into one line.
const sentenceEnds = "。；！？：;!?:"

// unitEnd holds the last characters of most unit names: a space after one
// separates units.
const unitEnd = "局委办厅部府心会院所站队社处"

// tableLike reports a line whose spaces may be a table's column gaps: a
// | or a tab in it, a column rule of a drawn table (│), a run of spaces, or
// a table's header or row flattened
// with single spaces (序号 工 作 任 务 牵头负责部门, 1 居民消费价格涨幅3%左右
// 发展改革委): the row's number, a space and at least two more cells. An
// item numbered with a space (1 加快推进…, 20 .拓宽…) is no row, nor one whose
// number is parted from its point (10 .扩大…), and the spaces that indent a
// line are no column gap.
func tableLike(s string) bool {
	return strings.IndexByte(s, '|') >= 0 || strings.IndexByte(s, '\t') >= 0 || strings.Contains(s, "  ") || strings.ContainsAny(s, boxColumnRules) || spacedRowRe.MatchString(s)
}

// boxColumnRules are the characters a table drawn in text stands between
// two of its columns (│ ┃ ║).
const boxColumnRules = "│┃║"

var spacedRowRe = regexp.MustCompile(`^\s*(?:\d{1,3} [^.．、)）\s]\S* \S|(?:序号|编号) \S)`)

// removableSpace reports whether the single space between a and c (with
// after the rune after c) is a scattered one: between two wide characters,
// a wide character and a digit or a half-width bracket (县(市、区) 政府),
// or a digit and its item punctuation (1 .严格) but never a decimal point
// (1 . 5).
func removableSpace(a, c, after rune) bool {
	switch {
	case strings.ContainsRune(sentenceEnds, a):
		return false // a flattened text's paragraphs: 。 then a space
	case isWide(a) && (isWide(c) || isDigit(c)), isDigit(a) && isWide(c):
		return true
	case isDigit(a) && strings.ContainsRune(".)、", c):
		return !isDigit(after) && after != ' '
	case a == '(' && (isWide(c) || isDigit(c)), a == ')' && isWide(c), isWide(a) && c == '(':
		return true
	}
	return false
}

// splitDecimal reports a scattered space inside a decimal number in the
// middle of a sentence (控制在3. 5%以内): before it a wide character that ends
// no sentence, digits and a point; after it a digit. An item's number after
// a sentence's end (。3. 5G基站) or a space keeps its space.
func splitDecimal(before string, c rune) bool {
	return isDigit(c) && midSentenceDecimalRe.MatchString(before)
}

var midSentenceDecimalRe = regexp.MustCompile(`[^\x00-\x7f。；！？：;!?:，,、（(]\d{1,3}[.．]$`)

// ordinalHeadRe is a line's opening ordinal with the space after it:
// 第六条 , 第二章 , 第一部分 . Rules and regulations set their articles
// so (第六条　在园区内…): that space parts the number from the article's
// text and is no scattered one; without it, 第六条在… reads as a sentence.
var ordinalHeadRe = regexp.MustCompile(`^第[一二三四五六七八九十百零〇]{1,5}(?:条|章|节|部分) `)

// unspace removes the scattered single spaces of s, but for the space
// after a line's opening ordinal (see ordinalHeadRe).
func unspace(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	if m := ordinalHeadRe.FindStringIndex(s); m != nil {
		return s[:m[1]] + unspaceRest(s[m[1]:])
	}
	return unspaceRest(s)
}

// unspaceRest removes the scattered single spaces of s.
func unspaceRest(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == ' ' && prev >= 0 && i+1 < len(s) && s[i+1] != ' ' {
			c, n := utf8.DecodeRuneInString(s[i+1:])
			after, _ := utf8.DecodeRuneInString(s[i+1+n:])
			// The rune tests first: the regexps of fieldStart and
			// afterOwnerLabel run only on a space that could go.
			if (removableSpace(prev, c, after) || splitDecimal(b.String(), c)) && !unitsApart(prev, c) &&
				!fieldStart(prev, s[i+1:]) && !afterOwnerLabel(b.String()) {
				i += size
				continue
			}
		}
		b.WriteRune(r)
		if r == ' ' {
			prev = -1 // a run of spaces is kept whole
			if i+1 < len(s) && s[i+1] != ' ' {
				prev = ' '
			}
		} else {
			prev = r
		}
		i += size
	}
	return b.String()
}

// unitsApart reports a space between two units' names: after a unit's
// last character and before a place or a level (市发改委 市财政局, 县委
// 县政府), which scattered spaces must not run into one made-up name.
func unitsApart(prev, c rune) bool {
	return strings.ContainsRune(unitEnd, prev) && strings.ContainsRune("省市县区镇乡州旗各", c)
}

// fieldStart reports a space that separates the fields or items of a text
// flattened into one line: before an item's number (日前 1.员工), or
// before a label after a unit's name (管理局 整改时限:).
func fieldStart(prev rune, rest string) bool {
	return inlineNumberRe.MatchString(rest) || strings.ContainsRune(unitEnd, prev) && fieldLabelRe.MatchString(rest)
}

// ownerLabelRe ends with an owner label (责任单位, 牵头部门, 配合单位,
// 责任主体…): its role word, then the kind of body. A unit's name may end
// with the kind too (有关部门, 县直有关单位), so the role word is needed.
var ownerLabelRe = regexp.MustCompile(`(?:` + ownerRoles + `)(?:` + ownerBodies + `)$`)

// ownerRoles and ownerBodies are the two words of an owner label the reader
// knows (牵头 + 单位), alternatives for a regexp.
const (
	ownerRoles  = `牵头|责任|配合|参与|参加|协办|协同|主办|承办`
	ownerBodies = `单位|部门|科室|处室|主体`
)

// afterOwnerLabel reports a space right after an owner label: pages write
// 责任单位 市科技局 with a space for the colon, and that space separates the
// label from its units; removed, 责任单位市科技局 reads as one name.
func afterOwnerLabel(before string) bool {
	if len(before) > 18 {
		before = before[len(before)-18:] // six Han characters, the longest label
	}
	return ownerLabelRe.MatchString(before)
}

var inlineNumberRe = regexp.MustCompile(`^\d{1,3}[.．、]\D`)

// letterSpaced reports a run of words standing one character each: at
// least two words of a single wide character, making at least half of
// the line's three or more words (一 、 总 体 要 求, （一） 保 障).
func letterSpaced(s string, minWords int) bool {
	words := strings.Split(s, " ")
	if len(words) < minWords {
		return false
	}
	single := 0
	for _, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		if n == len(w) && isWide(r) {
			single++
		}
	}
	return single >= 2 && 2*single >= len(words)
}

// unspaceCells joins the letter-spaced cells of a | line.
func unspaceCells(s string) string {
	cells := strings.Split(s, "|")
	changed := false
	for i, c := range cells {
		t := strings.TrimSpace(c)
		if !strings.Contains(t, " ") || strings.Contains(t, "  ") || !letterSpaced(t, 2) || strings.ContainsFunc(t, func(r rune) bool { return r != ' ' && !isWide(r) }) {
			continue
		}
		cells[i] = strings.Replace(c, t, unspace(t), 1)
		changed = true
	}
	if !changed {
		return s
	}
	return strings.Join(cells, "|")
}

// scattered reports whether the spaces of the text's long lines fall
// inside words: on at least half of its long lines, and five or more (or
// ten such spaces in all, one every 30-odd characters), a space stands
// between two Han characters, and fewer than half of those
// spaces follow a unit's last character. A space before a field's label
// does not count.
func scattered(lines []line) bool {
	long, spaced, spaces, afterUnit, size := 0, 0, 0, 0, 0
	for _, l := range lines {
		s := l.text
		if l.rows != nil || len(s) < scatterMinRunes || len(s) < 4*scatterMinRunes && runeLen(s) < scatterMinRunes || tableLike(s) || buttonBar(s) {
			continue
		}
		long++
		size += len(s)
		found := false
		if m := ordinalHeadRe.FindStringIndex(s); m != nil {
			s = s[m[1]:]
		}
		for i := strings.IndexByte(s, ' '); i > 0 && i+1 < len(s); i = nextSpace(s, i) {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			c, _ := utf8.DecodeRuneInString(s[i+1:])
			if isHan(prev) && isHan(c) && !fieldLabelRe.MatchString(s[i+1:]) && !afterOwnerLabel(s[:i]) {
				found = true
				spaces++
				if strings.ContainsRune(unitEnd, prev) {
					afterUnit++
				}
			}
		}
		if found {
			spaced++
		}
	}
	many := spaced >= scatterMinLines || spaces >= scatterMinSpaces && spaces*100 >= size
	return many && 2*spaced >= long && 2*afterUnit < spaces
}

// buttonBar reports a line made mostly of a site's buttons (分享到：微信
// 微博, 【字体：大 中 小】【打印本页】): its spaces part buttons, and say
// nothing of how the document's own text is spaced.
func buttonBar(s string) bool {
	t := removeSpaces(s)
	return 2*runeLen(buttonWords.Replace(t)) < runeLen(t)
}

// nextSpace returns the index of the first space in s after index i, or
// -1.
func nextSpace(s string, i int) int {
	j := strings.IndexByte(s[i+1:], ' ')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// unspaceLines removes scattered spaces from the text's lines (see the
// comment at the top of this file).
func unspaceLines(lines []line) {
	all := scattered(lines)
	for i, l := range lines {
		s := l.text
		switch {
		case l.rows != nil || !strings.Contains(s, " "):
		case strings.Contains(s, "|"):
			lines[i].text = unspaceCells(s)
		case strings.ContainsAny(s, boxColumnRules):
			// A drawn table's columns stand between its rules: a
			// single space inside a cell is a scattered one.
			lines[i].text = unspace(s)
		case tableLike(s):
		case letterSpaced(s, 3) || all && runeLen(s) >= scatterMinRunes:
			lines[i].text = unspace(s)
		}
	}
}
