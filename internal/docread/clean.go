package docread

import (
	"regexp"
	"strings"
)

// The same cleanup runs for every format: web boilerplate goes, the
// metadata block at the top is read and removed, and what is left becomes
// the document's blocks.

// headerMaxLines bounds the zone at the top where metadata labels are
// removed; further down a "来源：" line is the document's own text.
const headerMaxLines = 40

var (
	// stampRe is a page's publishing stamp on a line of its own:
	// "政策文件 2018-12-20 00:00:00", "2018-05-24".
	stampRe = regexp.MustCompile(`^(?:\p{Han}{1,8}\s*)?(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)
	// stampPrefixRe is the same stamp leading a label line:
	// "2018-05-24 来源:新乡市人民政府".
	stampPrefixRe = regexp.MustCompile(`^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+`)
	digitsRe      = regexp.MustCompile(`^\d+$`)
	// headerWords are section names of the site shown above the title.
	headerWords = map[string]bool{"政策": true, "政策文件": true, "政策法规": true, "正文": true, "文章正文": true}
)

func assemble(name string, lines []line, hint Meta) (*Document, error) {
	eachText(lines, dropMarkdownPrefix)
	dropLineNumbers(lines)
	// The segments of a shared file are joined before a run-on line is
	// split: a segment's page may hold a paragraph's end and the next's
	// start (…(一)加快…。1.加快…), which would no longer open with its
	// number.
	lines, shared := joinSharedPages(lines)
	lines = splitRunOn(lines)
	traditional := simplifyLines(lines, &hint)
	dropLineGlosses(lines)
	md := markdownBold(lines)
	eachText(lines, func(s string) string {
		return dropPageJoin(dropBullet(dropMarkup(foldEnclosed(DropPinyinGlosses(s)), md)))
	})
	unspaceLines(lines)
	lines = unwrapLines(lines)
	if !shared {
		// Segments whose lines a page wrapped join once unwrapped.
		lines, _ = joinSharedPages(lines)
	}
	// A gloss a line break cut in two (管理(lǐ⏎)局) is whole again.
	eachText(lines, DropPinyinGlosses)
	lines = joinLoneNumbers(lines)
	lines = joinContinuationRows(lines)
	lines = dropBoilerplate(lines)
	var c collector
	lines = takeHeaderMeta(lines, &c)
	blocks := toBlocks(lines)
	if len(blocks) == 0 {
		return nil, inputErr(name, msgNoText)
	}
	return &Document{Source: name, Meta: c.meta(lines, hint), Blocks: blocks, Traditional: traditional}, nil
}

func toBlocks(lines []line) []Block {
	var blocks []Block
	for _, l := range lines {
		switch {
		case l.rows != nil:
			blocks = append(blocks, Block{Rows: l.rows})
		case l.text != "":
			blocks = append(blocks, Block{Text: l.text})
		case l.tableEnd:
			blocks = append(blocks, Block{})
		}
	}
	return blocks
}

// takeHeaderMeta reads and removes the metadata block at the top of the
// page. The zone ends at the first line of body text, so nothing of the
// document itself is removed.
func takeHeaderMeta(lines []line, c *collector) []line {
	out := make([]line, 0, len(lines))
	seen := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.blank() {
			out = append(out, l)
			continue
		}
		if seen++; seen > headerMaxLines {
			return append(out, lines[i:]...)
		}
		if l.rows != nil {
			if rows := c.takeTable(l.rows); rows != nil {
				out = append(out, line{rows: rows})
			}
			continue
		}
		if n, body := c.takeLabelLine(lines, i); n > 0 {
			if body != "" {
				// The document itself ran on after the labels, on the
				// same line: it starts here.
				return append(append(out, line{text: body}), lines[i+n:]...)
			}
			i += n - 1
			continue
		}
		// A number standing before the first line of text numbers it
		// (a table's 序号 cell); elsewhere in the header it is a view count.
		// A 序号 line starts a table flattened one cell a line: the
		// document has begun, and the numbers after it are row numbers.
		if digitsRe.MatchString(l.text) && nextBody(lines, i) || tableStart(l.text) {
			return append(out, lines[i:]...)
		}
		if isPipeRow(l.text) && c.takeCells(splitPipe(l.text)) || c.takeStamp(l.text) || isHeaderNoise(l.text) {
			continue
		}
		if looksLikeBody(l.text) {
			return append(out, lines[i:]...)
		}
		out = append(out, l)
	}
	return out
}

// takeLabelLine reads a line of label:value pairs, and the next line too
// when the last label's value is there ("标　　题：" then the title). It
// returns how many lines it consumed. A last value longer than a label's
// (maxLabelValue) is the document itself, run on after the labels on one
// line (a page copied without its paragraphs): it is not read as metadata
// but returned as body, to be kept whole.
func (c *collector) takeLabelLine(lines []line, i int) (n int, body string) {
	s := lines[i].text
	if m := stampPrefixRe.FindStringSubmatch(s); m != nil && labelLed(s[len(m[0]):]) {
		c.offer(fieldDate, m[1], labelTable["发布日期"].rank)
		s = s[len(m[0]):]
	}
	pairs, ok := labelPairs(s)
	if !ok {
		return 0, ""
	}
	last := &pairs[len(pairs)-1]
	if runeLen(last.value) > maxLabelValue {
		body, last.value = last.value, ""
	}
	for _, p := range pairs {
		c.offerLabel(p.label, p.value)
	}
	if body != "" {
		return 1, body
	}
	if last.value == "" && i+1 < len(lines) && nextLineValue(lines[i+1], labelOf(last.label).field) {
		c.offerLabel(last.label, lines[i+1].text)
		return 2, ""
	}
	return 1, ""
}

// nextLineValue reports whether l is the value of a label left empty on
// the line before. A blank line in between means the label had no value;
// a line that looks like a title, 文号 or date belongs to the document
// unless the label asked for exactly that.
func nextLineValue(l line, f field) bool {
	s := l.text
	switch {
	case s == "" || l.rows != nil || runeLen(s) > maxLabelValue || labelLed(s) || looksLikeBody(s):
		return false
	case f != fieldTitle && titleStart(s) && !strings.ContainsAny(s, `\/`):
		return false // a category such as 综合政务\通知 is a value
	case f != fieldDocNumber && docNumLineRe.MatchString(s):
		return false
	case f != fieldDate && sigDateRe.MatchString(s):
		return false
	}
	return true
}

// takeStamp reads a publishing stamp line.
func (c *collector) takeStamp(s string) bool {
	m := stampRe.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	c.offer(fieldDate, m[1], labelTable["发布日期"].rank)
	return true
}

// takeCells reads a table row (or a |-separated line) of labels and
// values. It reports true, and keeps the values, only when every cell is a
// label, a label's value or a button: a row mixing in other text is data.
// A label without its colon counts only next to another label: a data
// table may have a column headed 标题.
func (c *collector) takeCells(cells []string) bool {
	var found []pair
	pending, hasPending, prev := "", false, ""
	labels, colons := 0, 0
	for _, cell := range cells {
		if cell == "" {
			continue
		}
		if label, colon, ok := labelOnly(cell); ok {
			labels++
			if colon {
				colons++
			}
			if hasPending {
				found = append(found, pair{label: pending})
			}
			pending, hasPending = label, true
			continue
		}
		if pairs, ok := labelPairs(cell); ok {
			found = append(found, pairs...)
			labels, colons = labels+1, colons+1
			continue
		}
		switch {
		case hasPending:
			found = append(found, pair{label: pending, value: cell})
			hasPending, prev = false, cell
		case cell == prev || isBoilerplate(cell):
			// a merged value repeated by colspan, or a share button
		default:
			return false
		}
	}
	if hasPending {
		found = append(found, pair{label: pending})
	}
	if len(found) == 0 || colons == 0 && labels < 2 {
		return false
	}
	for _, p := range found {
		c.offerLabel(p.label, p.value)
	}
	return true
}

// takeTable reads the metadata rows of a table and returns the others, or
// nil when none is left.
func (c *collector) takeTable(rows [][]string) [][]string {
	var out [][]string
	for _, row := range rows {
		if !c.takeCells(row) {
			out = append(out, row)
		}
	}
	return out
}

// tableStart reports the first cell of a table flattened one cell a
// line: 序号 or 编号 alone.
func tableStart(s string) bool { return s == "序号" || s == "编号" }

// nextBody reports whether the first non-blank line after lines[i] is body
// text.
func nextBody(lines []line, i int) bool {
	for _, l := range lines[i+1:] {
		if !l.blank() {
			return l.rows == nil && looksLikeBody(l.text)
		}
	}
	return false
}

// isHeaderNoise reports lines of the page header that carry nothing: a
// view count standing alone, the section name.
func isHeaderNoise(s string) bool {
	return digitsRe.MatchString(s) || headerWords[s]
}

// looksLikeBody reports a line of the document's text: a numbered
// heading, a sentence, or the salutation (各省、自治区…：) that opens it.
func looksLikeBody(s string) bool {
	n := runeLen(s)
	switch {
	case n >= 100 || numberingRe.MatchString(s):
		return true
	case n >= 10 && strings.ContainsAny(s, "。；;"):
		return true
	}
	return (strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":")) && (n >= 12 || strings.ContainsAny(s, "、，,"))
}
