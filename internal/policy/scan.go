package policy

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// node is one numbered item found in the text.
type node struct {
	m        marker
	parent   int // index of the parent node, -1 at the top
	depth    int
	children []int
	// spanEnd is where the item's own text ends: the start of the next
	// marker, or the end of the text.
	spanEnd int
	// subtreeEnd is where the text of the item and all its descendants ends.
	subtreeEnd int
	// gap is set when the number skips one or two values (a typo in the
	// document or a lost line), so the office is told.
	gap bool
	// scope is the attachment the item stands in (附件1) when the text
	// before the attachment has numbered items of its own; "" otherwise.
	scope string
}

// scanner finds the numbered items of a text. A candidate marker is accepted
// only when it continues the numbering in force: the next number of a style
// already open, or the first number (or the next number of a list that runs
// on across sections) of a style new at this depth. That is what keeps 2.8%,
// years and numbers inside sentences out, including in documents flattened
// into one line, where markers sit mid-line.
type scanner struct {
	rs      []rune
	nodes   []node
	stack   []int
	lastVal map[style]int
	scope   string
	// first is the attachment the text started with, before any item.
	first string
	// weakSeen holds the kinds of weak marker (style and form) a run of
	// which was taken, with the number last taken: a later list of one
	// such item is taken too, and so is the next number of the run under
	// a later heading (一、… 措施1 措施2 二、… 措施3).
	weakSeen map[marker]int
	// tableAt holds the rune offsets where the text's tables stood.
	tableAt []int
}

// attachmentRe matches the line that starts an attachment: 附件1, 附件 2,
// 附件一, 附件 (nothing else on the line).
var attachmentRe = regexp.MustCompile(`^[ \t\x{3000}]*附\s*件\s*([0-9０-９一二三四五六七八九十]{0,3})\s*[:：]?[ \t\x{3000}]*$`)

func scanItems(rs []rune, tableAt []int) []node {
	s := &scanner{rs: rs, lastVal: map[style]int{}, weakSeen: map[marker]int{}, tableAt: tableAt}
	lineStart := true
	listEnd := attachmentList(rs, 0)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' {
			lineStart = true
			s.attachment(rs, i+1)
			if i+1 >= listEnd {
				listEnd = attachmentList(rs, i+1)
			}
			continue
		}
		if i < listEnd {
			continue
		}
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			continue
		}
		atLine := lineStart
		lineStart = false
		if !precededOK(rs, i) {
			continue
		}
		m, ok := scanMarker(rs, i)
		if !ok {
			if m, ok = s.listNumber(rs, i, atLine); !ok && atLine {
				m, ok = scanWeak(rs, i)
			}
			if !ok {
				continue
			}
		}
		m.lineStart = atLine
		if s.accept(m) {
			i = m.end - 1
		} else if m.style == styleDecimal {
			// 11.1 2 1人才梯队项目 under item 10: no decimal item, but
			// item 11 starting with a figure.
			if m, ok = s.listNumber(rs, i, atLine); ok {
				m.lineStart = atLine
				if s.accept(m) {
					i = m.end - 1
				}
			}
		}
	}
	s.finish()
	return s.nodes
}

// attachmentListRe opens the list of a notice's attachments: 附件：1.2020年
// 政府工作报告重点工作责任分解 (the list goes on 2.十方面民生实事责任分解).
var attachmentListRe = regexp.MustCompile(`^[ \t\x{3000}]*附\s*件\s*[：:]\s*1\s*[.、．]`)

// attachmentNameRe is a later line of that list: a number and a title,
// without a sentence's stop.
var attachmentNameRe = regexp.MustCompile(`^[ \t\x{3000}]*\d{1,2}\s*[.、．][^。；;\n]{2,60}$`)

// attachmentList returns where the list of attachments that starts at the
// line at i ends, or i when no such list starts there: its numbers name
// attachments, not items of the text.
func attachmentList(rs []rune, i int) int {
	line := func(k int) (string, int) {
		end := k
		for end < len(rs) && rs[end] != '\n' {
			end++
		}
		return string(rs[k:end]), end
	}
	// Most lines do not open with 附: no string is made of them.
	k := i
	for k < len(rs) && (rs[k] == ' ' || rs[k] == '\t' || rs[k] == '\u3000') {
		k++
	}
	if k >= len(rs) || rs[k] != '附' {
		return i
	}
	l, end := line(i)
	if len(l) > 300 || !attachmentListRe.MatchString(l) {
		return i
	}
	for end+1 < len(rs) {
		next, e := line(end + 1)
		if !attachmentNameRe.MatchString(next) {
			break
		}
		end = e
	}
	return end
}

// attachment starts a new numbering at an attachment's first line (附件1
// on a line of its own): its items number from 一、 again. When the text
// before it has numbered items, the attachment's items are scoped by it
// (附件1.一.1), so the two numberings do not mix.
func (s *scanner) attachment(rs []rune, i int) {
	end := i
	for end < len(rs) && rs[end] != '\n' && end-i < 12 {
		end++
	}
	if end-i >= 12 && end < len(rs) && rs[end] != '\n' {
		return
	}
	m := attachmentRe.FindStringSubmatch(string(rs[i:end]))
	if m == nil {
		return
	}
	if len(s.nodes) == 0 {
		// The first attachment of a notice whose text numbers nothing
		// (its list of attachments aside): its items keep their own
		// numbers, unless another attachment follows (see below).
		s.first = "附件" + m[1]
		return
	}
	if s.first != "" && s.scope == "" {
		// A second attachment: the first one's items are scoped by it
		// too, so the two numberings stay apart.
		for k := range s.nodes {
			s.nodes[k].scope = s.first
		}
	}
	s.stack = nil
	s.lastVal = map[style]int{}
	s.scope = "附件" + m[1]
}

func (s *scanner) accept(m marker) bool {
	if m.weak() {
		return s.acceptWeak(m)
	}
	if (m.style >= stylePart || m.style == styleNumHalf || m.bare) && !m.lineStart {
		return false
	}
	// Inside a quotation or a title a number is the quoted words'
	// (“多证合一、一照一码”, 《…一、…》), not an item's.
	if !m.lineStart && quoted(s.rs, m.start) {
		return false
	}
	if m.style == styleCN && contentsLine(s.rs, m.start) {
		return false
	}
	if !m.lineStart && endsTitle(s.rs, m) {
		return false
	}
	if (m.style == styleNum || m.style == styleDecimal) && latinTitle(s.rs, m.end) {
		return false
	}
	if m.style == styleDecimal {
		var ok bool
		if m, ok = s.decimalUnder(m); !ok {
			return false
		}
	}
	for d := len(s.stack) - 1; d >= 0; d-- {
		open := s.nodes[s.stack[d]]
		if open.m.style != m.style {
			continue
		}
		want := open.m.value + 1
		gap := false
		switch {
		case m.value == want:
		case m.lineStart && m.value > want && m.value <= want+2:
			gap = true
		case m.lineStart && m.value == 1 && d == len(s.stack)-1:
			// A list that restarts on its own line right after itself:
			// the document lost a heading. Keep it as a sibling.
		case m.lineStart && m.value > want && s.clausedRun(m):
			// Items left out of a run whose items each close with
			// their own clause (30. then 34.): the office is told.
			gap = true
		default:
			return false
		}
		s.stack = s.stack[:d]
		s.push(m, gap)
		return true
	}
	switch {
	case m.value == 1 || m.value == s.lastVal[m.style]+1 || s.midway(m) || s.numberedOn(m):
		s.push(m, false)
	case s.aboveExcerpt(m):
		s.stack = s.stack[:0]
		s.push(m, false)
	case m.lineStart && (s.clausedRun(m) || s.loneClausedItem(m)):
		s.push(m, false)
	case m.lineStart && m.value <= 3 && s.nextSibling(m):
		// A list whose first item the page lost (2. and 3. under a
		// heading, 1. missing): kept, and the office told of the gap.
		// A bare number (2纳入…) needs a bare sibling (3在…).
		s.push(m, true)
	default:
		return false
	}
	return true
}

// decimalUnder places a decimal marker (1.2): under the open item numbered
// by its first number, or, where no 1. item is open, on a list of its own.
// Under an item of another number it is a figure, not a number.
func (s *scanner) decimalUnder(m marker) (marker, bool) {
	for d := len(s.stack) - 1; d >= 0; d-- {
		if open := s.nodes[s.stack[d]].m; open.style == styleNum {
			m.nested = open.value == m.outer
			return m, m.nested
		}
	}
	return m, true
}

// listNumber reads at the start of a line the next number of the list in
// force though what follows it reads as a figure: a figure (2.50个小区新增…)
// or a measure word (4人均地区生产总值…, when 5 follows on its own line; a
// new list's 1万元生产总值能耗… when 2 does).
func (s *scanner) listNumber(rs []rune, i int, atLine bool) (marker, bool) {
	if !atLine {
		return marker{}, false
	}
	if m, ok := figureAfterNumber(rs, i); ok && s.continues(m) {
		return m, true
	}
	if m, ok := countedItem(rs, i); ok && (m.value == 1 || s.continues(m)) && s.nextSibling(m) {
		return m, true
	}
	return marker{}, false
}

// continues reports whether m is the next number of the open list of its
// style nearest the current item.
func (s *scanner) continues(m marker) bool {
	for d := len(s.stack) - 1; d >= 0; d-- {
		if open := s.nodes[s.stack[d]]; open.m.style == m.style {
			return m.value == open.m.value+1
		}
	}
	return false
}

// figureAfterNumber reads 2. of 2.50个小区 at rs[i]: a number, its dot and a
// digit, which scanNum takes for a decimal.
func figureAfterNumber(rs []rune, i int) (marker, bool) {
	j, v := i, 0
	for j < len(rs) && j-i < 3 && isDigit(rs[j]) {
		v = v*10 + digitVal(rs[j])
		j++
	}
	if j == i || j+1 >= len(rs) || rs[j] != '.' && rs[j] != '．' || !isDigit(rs[j+1]) || v == 0 {
		return marker{}, false
	}
	return marker{style: styleNum, value: v, start: i, end: j + 1}, true
}

// nextSibling reports whether the next marker of m's style on a line of its
// own follows m (3. after 2.).
func (s *scanner) nextSibling(m marker) bool {
	_, ok := s.ownLineSibling(m)
	return ok
}

// ownLineSibling returns the next marker of m's style on a line of its own
// when it follows m (3. after 2.), false otherwise.
func (s *scanner) ownLineSibling(m marker) (marker, bool) {
	n, ok := s.nextOnOwnLine(m)
	return n, ok && n.value == m.value+1
}

// nextOnOwnLine returns the next marker of m's style (bare as m is) that
// opens a line, false when there is none.
func (s *scanner) nextOnOwnLine(m marker) (marker, bool) {
	return s.nextLineMarker(m, func(n marker) bool { return n.style == m.style && n.bare == m.bare })
}

// anyMarker is the want of nextLineMarker that takes a marker of any style.
func anyMarker(marker) bool { return true }

// nextLineMarker returns the next marker after m that opens a line and
// that want accepts (its start is where it stands), false when there is
// none.
func (s *scanner) nextLineMarker(m marker, want func(marker) bool) (marker, bool) {
	// The sibling stands within a few pages; looking no further keeps
	// the scan linear on texts where such a marker recurs unanswered.
	for i := m.end; i < len(s.rs) && i < m.end+4000; i++ {
		if s.rs[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(s.rs) && (s.rs[j] == ' ' || s.rs[j] == '\t' || s.rs[j] == '\u3000') {
			j++
		}
		if n, ok := scanMarker(s.rs, j); ok && want(n) {
			return n, true
		}
	}
	return marker{}, false
}

// clausedRun accepts the first item of a list that starts past its first
// number (17. under 五、 on a page that holds only the later part of a
// document, or the items an office pasted), and an item after numbers the
// page left out: at the start of a line, it and its next sibling each hold
// their own responsibility clause (（牵头单位：A，配合单位：B）, （A牵头）,
// a 责任单位： line below the item). A run of items each closed by its own
// clause is a list wherever its numbering starts.
func (s *scanner) clausedRun(m marker) bool {
	n, ok := s.siblingAt(m)
	return ok && holdsClause(s.rs[m.end:n.start]) && holdsClause(s.rs[n.end:itemEnd(s.rs, n.end)])
}

// loneClausedItem accepts the one item left of a list an excerpt cut
// (3. alone under （一）, items 1 and 2 left out): an arabic number at the
// start of a line whose item holds its own clause and ends where the list
// above it goes on (（二） after （一）).
func (s *scanner) loneClausedItem(m marker) bool {
	if m.style != styleNum || m.bare || m.value > 30 {
		return false
	}
	n, ok := s.nextLineMarker(m, anyMarker)
	return ok && n.style != m.style && s.continues(n) && holdsClause(s.rs[m.end:n.start])
}

// siblingAt returns m's next sibling: on m's line after the end of a
// sentence or a bracket (items run inline), or opening a line below;
// false when there is none.
func (s *scanner) siblingAt(m marker) (marker, bool) {
	for n, ok := s.nextOnLine(m, m.end); ok; n, ok = s.nextOnLine(m, n.start+1) {
		if afterStop(s.rs, n.start, "。；;）)〕】]］") {
			return n, true
		}
	}
	return s.ownLineSibling(m)
}

// nextOnLine returns the first marker of m's style numbered next after m
// on m's line, at or after rs[from]; false when there is none.
func (s *scanner) nextOnLine(m marker, from int) (marker, bool) {
	for i := from; i < len(s.rs) && i < m.end+4000 && s.rs[i] != '\n'; i++ {
		// A bracketed number opens at its bracket: …组织实施）（21）进一步….
		if !isDigit(s.rs[i]) && !isCNDigit(s.rs[i]) && !isOpenParen(s.rs[i]) || !precededOK(s.rs, i) {
			continue
		}
		if n, ok := scanMarker(s.rs, i); ok && n.style == m.style && n.value == m.value+1 {
			return n, true
		}
	}
	return marker{}, false
}

// itemEnd returns where the item whose text starts at rs[i] ends: the next
// line that opens with a marker of any style, or the end of the text.
func itemEnd(rs []rune, i int) int {
	for k := i; k < len(rs) && k < i+4000; k++ {
		if rs[k] != '\n' {
			continue
		}
		j := k + 1
		for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t' || rs[j] == '\u3000') {
			j++
		}
		if _, ok := scanMarker(rs, j); ok {
			return k
		}
	}
	return min(len(rs), i+4000)
}

// holdsClause reports whether an item's text holds a responsibility
// clause: an owner label (牵头单位：, 【责任单位】, also in the forms
// splitClause rewrites: （责任单位为A）, （A为牵头单位）, ——责任单位：A) or a
// bracket whose words close with a verb of responsibility (（A牵头，B配合）).
func holdsClause(item []rune) bool {
	t := strings.NewReplacer(" ", "", "\u3000", "", "\u00a0", "", "\t", "").Replace(string(item))
	t = weiClauses(dashClauses(t))
	if ownerWordRe.MatchString(t) || bracketLabelRe.MatchString(t) || assignsWork(t) {
		return true
	}
	rs := []rune(t)
	for i, r := range rs {
		if closeOf(r) == 0 {
			continue
		}
		if end := matchClose(rs, i); end > i {
			inner := string(rs[i+1 : end])
			// （A负责，年内完成；责任领导：王某某）: a person's label (or
			// another that names no units) closes the units' part.
			if loc := clauseWordRe.FindStringSubmatchIndex(inner); loc != nil && loc[0] > 0 && labelRoleOf(inner[loc[2]:loc[3]]) >= roleLeader {
				inner = strings.TrimRight(inner[:loc[0]], "，,；; ")
			}
			if responsibilityEnd.MatchString(strings.TrimRight(inner, "。；;")) {
				return true
			}
			// （A、B负责，2020年12月31日完成）: the units before the time.
			if strings.ContainsAny(inner, "，,；;") {
				if units, due := splitDue(inner); due != "" && responsibilityEnd.MatchString(strings.TrimRight(units, "。；;")) {
					return true
				}
			}
		}
	}
	return false
}

// assignsWork reports whether an item's last sentence only assigns it,
// each of its phrases naming an agency before a verb of responsibility:
// ……。市司法局牵头，市法院、市财政局配合。 / ……。由市教育局负责。
func assignsWork(t string) bool {
	trimmed := strings.TrimRight(t, "。. \n")
	cut := strings.LastIndexAny(trimmed, "。；;\n")
	if cut < 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(trimmed[cut:])
	tail := trimmed[cut+size:]
	if tail == "" || utf8.RuneCountInString(tail) > 200 {
		return false
	}
	for _, ph := range splitTop(tail, "，,") {
		bare := trimAssignGlue(strings.TrimSpace(ph))
		if !responsibilityEnd.MatchString(bare) {
			return false
		}
		if names, _ := phraseRole(bare, roleGeneric); !namesAgency(names) {
			return false
		}
	}
	return true
}

// midway accepts the first item of an excerpt that starts in the middle of
// a document's list (a page that begins at 三、): the first item of all, on
// its own line, whose next sibling on a line of its own follows it (四、).
// A Chinese numeral may be high (a page that begins at 三十四、): written
// out in words and confirmed by its sibling it is no stray number; an
// Arabic one above 30 is more likely a figure than a page's first item.
func (s *scanner) midway(m marker) bool {
	if len(s.nodes) > 0 || m.bare && !m.stop || (m.style != styleCN && m.style != styleCNParen && m.style != styleNum && m.style != styleNumHalf) || m.style != styleCN && m.style != styleCNParen && m.value > 30 {
		return false
	}
	if !m.lineStart {
		return s.inlineSibling(m)
	}
	return s.nextSibling(m) || s.sameLineSibling(m) || m.style == styleCN && s.opensSection(m) || s.closesSection(m)
}

// closesSection accepts the first item of an excerpt that is the last of
// its section (4、积极化解… ⏎ 责任部门：… then 七、…): a numbered item holding
// its own clause, the next marker on a line of its own a section's.
func (s *scanner) closesSection(m marker) bool {
	if m.style == styleCN {
		return false
	}
	n, ok := s.nextLineMarker(m, anyMarker)
	return ok && n.style == styleCN && holdsClause(s.rs[m.end:itemEnd(s.rs, m.end)])
}

// aboveExcerpt accepts a section's heading (五、, or (五) over arabic items)
// in an excerpt that began below its sections, in the middle of a list of
// (二十一) or 21.: the page holding 四、 was not kept. It stands on its own
// line, the excerpt has named no section yet, its first item was numbered
// past its list's first, and a list goes on under the heading in the first
// item's style ((二十三) after 五、, 1、 after 七、) or, under 五、, a list of
// its own from its first ((一) after 三、), or its own next sibling follows
// ((五) then (六) after 3、 and 4、: a list that starts past its first is no
// sub-list of the item above). It becomes a top-level item beside the
// excerpt's first ones.
func (s *scanner) aboveExcerpt(m marker) bool {
	if m.style != styleCN && m.style != styleCNParen || !m.lineStart || m.bare && m.style == styleCN || m.value < 2 || len(s.nodes) == 0 || s.lastVal[styleCN] > 0 || s.lastVal[m.style] > 0 {
		return false
	}
	first := s.nodes[0].m
	if first.value < 2 || first.style != styleCNParen && first.style != styleNum && first.style != styleNumParen && first.style != styleNumHalf || first.style == m.style {
		return false
	}
	n, ok := s.nextLineMarker(m, anyMarker)
	return ok && (n.style == first.style || n.value == 1 && n.style != styleCN && m.style == styleCN || n.style == m.style && n.value == m.value+1)
}

// numberedOn accepts the first arabic item of an excerpt that starts past
// its document's first section (二、 then （一） then 10.): documents that
// number their arabic items on across sections leave the excerpt's first
// one past 1. Only in a text whose first item is itself numbered past its
// first, on its own line, with its next sibling on a line of its own.
func (s *scanner) numberedOn(m marker) bool {
	if len(s.nodes) == 0 || s.nodes[0].m.value < 2 || m.style != styleNum || m.bare || !m.lineStart || s.lastVal[m.style] > 0 || m.value > maxNumberedOn {
		return false
	}
	return s.nextSibling(m)
}

// maxNumberedOn bounds the number an excerpt's first arabic item may carry:
// a document of a few hundred items numbers them on no further.
const maxNumberedOn = 300

// opensSection reports whether m, a Chinese numeral opening a line, opens
// a section though its next sibling stands pages on or the excerpt ends
// before it: the next marker that opens a line is of another style (二、
// 重点任务 then （一）… or 2.…, m's items), or none follows and m's item
// holds its own clause or is the heading of a table right under it.
func (s *scanner) opensSection(m marker) bool {
	n, ok := s.nextLineMarker(m, anyMarker)
	if !ok {
		return holdsClause(s.rs[m.end:itemEnd(s.rs, m.end)]) || s.headsTable(m)
	}
	return n.style != m.style
}

// headsTable reports whether a table stood on the line after m's, with
// only blank lines between.
func (s *scanner) headsTable(m marker) bool {
	end := m.end
	for end < len(s.rs) && s.rs[end] != '\n' {
		end++
	}
	for _, at := range s.tableAt {
		if at >= end && at <= len(s.rs) && strings.TrimSpace(string(s.rs[end:at])) == "" {
			return true
		}
	}
	return false
}

// sameLineSibling reports whether the next number of m's list follows m on
// its line, after the end of a sentence or a bracket: a paragraph that runs
// its items inline (11、…（省发改委）。12、…).
func (s *scanner) sameLineSibling(m marker) bool {
	n, ok := s.nextOnLine(m, m.end)
	return ok && afterStop(s.rs, n.start, "。；;）)")
}

// inlineSibling is nextSibling for a page flattened into one line ([接上页]
// ……。2.…（配合单位：…） 3.…): the marker follows the end of a sentence or
// of a bracket, and its next sibling follows the bracket that closes its
// item, as a task list's responsibility clause does.
func (s *scanner) inlineSibling(m marker) bool {
	if !afterStop(s.rs, m.start, "。；;）)") {
		return false
	}
	for i := m.end; i < len(s.rs) && i < m.end+4000; i++ {
		r := s.rs[i]
		if r == '\n' {
			return false
		}
		if !isDigit(r) && !isCNDigit(r) || !precededOK(s.rs, i) {
			continue
		}
		if n, ok := scanMarker(s.rs, i); ok && n.style == m.style && n.value == m.value+1 {
			return afterStop(s.rs, i, "）)")
		}
	}
	return false
}

// quoted reports whether rs[i] stands inside a quotation (“…”, 「…」) or a
// title (《…》) opened shortly before it on its line and not yet closed.
// A quotation closed by a straight quote (“数字青岛") is closed; one
// opened further back than quoteSpan is taken for a stray mark.
func quoted(rs []rune, i int) bool {
	closed := 0
	for j := i - 1; j >= 0 && j >= i-quoteSpan && rs[j] != '\n'; j-- {
		switch rs[j] {
		case '”', '"', '》', '」', '』':
			closed++
		case '“', '《', '「', '『':
			if closed == 0 {
				return true
			}
			closed--
		}
	}
	return false
}

// contentsLine reports whether the line holding rs[i] lists sections
// rather than opening one: two or more 一、 numbers in a row, each with a
// short title and no sentence (二、推进创新突破 · 三、加快机制改革 ·), as a
// summary of a document or a table of contents writes them.
func contentsLine(rs []rune, i int) bool {
	a, b := i, i
	for a > 0 && rs[a-1] != '\n' && i-a < headingLine {
		a--
	}
	for b < len(rs) && rs[b] != '\n' && b-i < headingLine {
		b++
	}
	if b-a >= headingLine {
		return false // a long line is no list of titles
	}
	var ms []marker
	for k := a; k < b; k++ {
		if m, ok := scanMarker(rs, k); ok && m.style == styleCN {
			if len(ms) > 0 && m.value != ms[len(ms)-1].value+1 {
				return false
			}
			ms = append(ms, m)
			k = m.end - 1
		}
	}
	if len(ms) < 2 {
		return false
	}
	for k, m := range ms {
		end := b
		if k+1 < len(ms) {
			end = ms[k+1].start
		}
		if title := rs[m.end:end]; len(title) > contentsTitle || strings.ContainsAny(string(title), "。；;：:") {
			return false
		}
	}
	return true
}

// endsTitle reports a number that closes its line right after a title's
// words (重点工作分工方案(一), 实施细则（二）): the part of a document its title
// names, not an item, which would start its words after the number.
func endsTitle(rs []rune, m marker) bool {
	for k := m.end; k < len(rs) && rs[k] != '\n'; k++ {
		if !unicode.IsSpace(rs[k]) {
			return false
		}
	}
	k := m.start - 1
	for k >= 0 && (rs[k] == ' ' || rs[k] == '\u3000') {
		k--
	}
	return k >= 0 && (unicode.Is(unicode.Han, rs[k]) || strings.ContainsRune("》”」", rs[k]))
}

// latinTitle reports whether the line from rs[i] is a short one written
// in Latin letters alone (6.1 Document identity): a heading of a memo or
// a translation around the document, not one of its items, whose lines
// all hold Chinese.
func latinTitle(rs []rune, i int) bool {
	for i < len(rs) && (rs[i] == ' ' || rs[i] == '\t') {
		i++
	}
	if i >= len(rs) || !unicode.In(rs[i], unicode.Latin) {
		return false
	}
	for end := i + headingLine; i < len(rs) && rs[i] != '\n'; i++ {
		if unicode.Is(unicode.Han, rs[i]) || i == end {
			return false
		}
	}
	return true
}

// contentsTitle bounds, in characters, a section's title on a contents
// line, with the figures and separators after it; headingLine a line of
// titles or a heading: longer lines are prose (and the bound keeps a
// document run together on one line from being read again at each number).
const (
	contentsTitle = 30
	headingLine   = 200
)

// quoteSpan bounds, in characters, how far back a quotation holding a
// number opened.
const quoteSpan = 30

// afterStop reports whether the rune before rs[i], spaces aside, is one of
// stops.
func afterStop(rs []rune, i int, stops string) bool {
	for j := i - 1; j >= 0; j-- {
		switch rs[j] {
		case ' ', '\t', '\u3000', '\u00a0':
			continue
		}
		return strings.ContainsRune(stops, rs[j])
	}
	return false
}

func (s *scanner) push(m marker, gap bool) {
	parent, depth := -1, 0
	if len(s.stack) > 0 {
		parent = s.stack[len(s.stack)-1]
		depth = s.nodes[parent].depth + 1
	}
	idx := len(s.nodes)
	s.nodes = append(s.nodes, node{m: m, parent: parent, depth: depth, gap: gap, scope: s.scope})
	if parent >= 0 {
		s.nodes[parent].children = append(s.nodes[parent].children, idx)
	}
	s.stack = append(s.stack, idx)
	s.lastVal[m.style] = m.value
}

func (s *scanner) finish() {
	for i := range s.nodes {
		if i+1 < len(s.nodes) {
			s.nodes[i].spanEnd = s.nodes[i+1].m.start
		} else {
			s.nodes[i].spanEnd = len(s.rs)
		}
	}
	for i := len(s.nodes) - 1; i >= 0; i-- {
		n := &s.nodes[i]
		n.subtreeEnd = n.spanEnd
		if k := len(n.children); k > 0 {
			n.subtreeEnd = s.nodes[n.children[k-1]].subtreeEnd
		}
	}
}
