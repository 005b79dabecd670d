package policy

import (
	"strings"
	"unicode/utf8"
)

// Weak markers number items only where their list shows it: a bullet (●
// 推进…), 一是/二是, a letter (A.) and a worded number (任务一, 措施1, 第一项)
// open lines of prose as often as they open items. A run of them is taken
// as a list only where its first item and the next each hold their own
// responsibility clause (LABELLING.md: a bulleted list whose bullets each
// carry a clause); without clauses they stay the text of the item above,
// which is then the task.

// bulletGlyphs open a bulleted line. △ is left out: it marks a lead unit
// (△市发改委) far more often than it opens an item.
const bulletGlyphs = "●◆■□▲★☆◇○▪◎◉❖►▶➢✦"

// dashBullets open a line as a bullet does, doubled or not (——): a dash,
// a middle dot, a Markdown list's - and *.
const dashBullets = "—·•-*－＊"

// markerWords are the words a worded number follows: 任务一, 措施2.
var markerWords = []string{"任务", "措施", "举措", "事项"}

// weak reports whether m is a weak marker.
func (m marker) weak() bool { return m.style >= styleBullet }

// sameKind reports whether n continues the list of weak marker m: the same
// style and form (any two 【…】 headings).
func (m marker) sameKind(n marker) bool {
	return n.style == m.style && (n.form == m.form || isBracketHeading(m) && isBracketHeading(n))
}

// headingForm opens the form of a section heading in square brackets on a
// line of its own (【重点任务】), its words after it.
const headingForm = "【】"

func isBracketHeading(m marker) bool { return strings.HasPrefix(m.form, headingForm) }

// scanBracketHeading reads 【重点任务】 alone on its line, a post's section
// heading: a heading when another such line follows (see acceptWeak), its
// path its words.
func scanBracketHeading(rs []rune, i int) (marker, bool) {
	k := i + 1
	for k < len(rs) && k-i <= 12 && isHan(rs[k]) {
		k++
	}
	if k-i < 3 || k >= len(rs) || rs[k] != '】' && rs[k] != '］' {
		return marker{}, false
	}
	end := skipSpaces(rs, k+1)
	if end < len(rs) && rs[end] != '\n' {
		return marker{}, false
	}
	words := string(rs[i+1 : k])
	if clauseStartRe.MatchString(words+"：") || agencyEndRe.MatchString(words) {
		return marker{}, false // 【责任单位】 is a label, 【市发改委】 a unit
	}
	return marker{style: styleBullet, value: 1, form: headingForm + words, start: i, end: end}, true
}

func (m marker) weakLabel() string {
	switch m.style {
	case styleShi:
		return cnNumeral(m.value) + "是"
	case styleLetter:
		if m.form == "roman" {
			return string(rune('Ⅰ' + m.value - 1))
		}
		return string(rune('A' + m.value - 1))
	case styleBullet:
		if isBracketHeading(m) {
			return strings.TrimPrefix(m.form, headingForm)
		}
	case styleWord:
		if m.form == bracketedForm || m.form == noForm {
			return itoa(m.value)
		}
		n := itoa(m.value)
		if m.cn {
			n = cnNumeral(m.value)
		}
		return strings.Replace(m.form, "#", n, 1)
	}
	return itoa(m.value)
}

// scanWeak reads a weak marker at rs[i], the first rune of a line.
// A line that is not there (the text's end) holds none.
func scanWeak(rs []rune, i int) (marker, bool) {
	if i >= len(rs) {
		return marker{}, false
	}
	r := rs[i]
	switch {
	case strings.ContainsRune(bulletGlyphs, r):
		return weakEnd(rs, marker{style: styleBullet, value: 1, form: string(r), start: i}, i+1, "")
	case strings.ContainsRune(dashBullets, r):
		// ——, —, ·, - and * (a Markdown list): a bullet when a space or
		// the item's first word follows.
		j := i + 1
		for j < len(rs) && rs[j] == r {
			j++
		}
		return weakEnd(rs, marker{style: styleBullet, value: 1, form: string(rs[i:j]), start: i}, j, "")
	case isCNDigit(r):
		return scanShi(rs, i)
	case r == '【' || r == '［':
		if m, ok := scanBracketed(rs, i); ok {
			return m, true
		}
		return scanBracketHeading(rs, i)
	case (r == 'N' || r == 'n') && i+2 < len(rs) && (rs[i+1] == 'O' || rs[i+1] == 'o') && (rs[i+2] == '.' || rs[i+2] == '．'):
		return scanNo(rs, i)
	case r >= 'A' && r <= 'Z' || r >= 'Ａ' && r <= 'Ｚ':
		v := int(r-'A') + 1
		if r >= 'Ａ' {
			v = int(r-'Ａ') + 1
		}
		return weakEnd(rs, marker{style: styleLetter, value: v, start: i}, i+1, ".．、")
	case r >= 'Ⅰ' && r <= 'Ⅻ':
		return weakEnd(rs, marker{style: styleLetter, value: int(r-'Ⅰ') + 1, form: "roman", start: i}, i+1, ".．、")
	}
	return scanWorded(rs, i)
}

// weakEnd closes a weak marker at j: after one of stops (none needed when
// stops is empty) and spaces, the item's first word must follow.
func weakEnd(rs []rune, m marker, j int, stops string) (marker, bool) {
	if stops != "" {
		if j >= len(rs) || !strings.ContainsRune(stops, rs[j]) {
			return marker{}, false
		}
		j++
	}
	for j < len(rs) && isSpace(rs[j]) {
		j++
	}
	if j >= len(rs) || !isHan(rs[j]) && !strings.ContainsRune(openQuotes, rs[j]) {
		return marker{}, false
	}
	m.end = j
	return m, true
}

// The forms of 【1】 and NO.1: numbers in the path (LABELLING.md: without
// their punctuation), told apart from other lists by their form.
const (
	bracketedForm = "【#】"
	noForm        = "NO.#"
)

// scanBracketed reads 【1】 and ［1］ before an item's first word.
func scanBracketed(rs []rune, i int) (marker, bool) {
	v, k := digitsAt(rs, i+1)
	if v == 0 || k >= len(rs) || rs[k] != '】' && rs[k] != '］' {
		return marker{}, false
	}
	return weakEnd(rs, marker{style: styleWord, value: v, form: bracketedForm, start: i}, k+1, "")
}

// scanNo reads NO.1 and No.1 before a space or the item's first word.
func scanNo(rs []rune, i int) (marker, bool) {
	v, k := digitsAt(rs, i+3)
	if v == 0 {
		return marker{}, false
	}
	return weakEnd(rs, marker{style: styleWord, value: v, form: noForm, start: i}, k, "")
}

// digitsAt reads up to two digits at rs[i]: their value (0 for none) and
// where they end.
func digitsAt(rs []rune, i int) (int, int) {
	v, k := 0, i
	for k < len(rs) && k-i < 2 && isDigit(rs[k]) {
		v = v*10 + digitVal(rs[k])
		k++
	}
	return v, k
}

// scanShi reads 一是 … 十是.
func scanShi(rs []rune, i int) (marker, bool) {
	j := i
	for j < len(rs) && j-i < 3 && isCNDigit(rs[j]) {
		j++
	}
	if j >= len(rs) || rs[j] != '是' {
		return marker{}, false
	}
	v := parseCN(rs[i:j])
	if v == 0 || v > 20 {
		return marker{}, false
	}
	m, ok := weakEnd(rs, marker{style: styleShi, value: v, start: i}, j+1, "")
	if !ok && j+1 < len(rs) && strings.ContainsRune("：:，,", rs[j+1]) {
		return weakEnd(rs, marker{style: styleShi, value: v, start: i}, j+2, "")
	}
	return m, ok
}

// scanWorded reads 任务一, 措施1 and 第一项, then a stop, a space or the
// end of the line: 任务一览表 and 第一项工作 are words.
func scanWorded(rs []rune, i int) (marker, bool) {
	rest := string(rs[i:min(len(rs), i+12)])
	form, j := "", i
	switch {
	case rs[i] == '第':
		form, j = "第#项", i+1
	default:
		for _, w := range markerWords {
			if strings.HasPrefix(rest, w) {
				form, j = w+"#", i+utf8.RuneCountInString(w)
			}
		}
	}
	if form == "" {
		return marker{}, false
	}
	k, v, cn := j, 0, false
	if k < len(rs) && isCNDigit(rs[k]) {
		for k < len(rs) && k-j < 3 && isCNDigit(rs[k]) {
			k++
		}
		v, cn = parseCN(rs[j:k]), true
	} else {
		for k < len(rs) && k-j < 2 && isDigit(rs[k]) {
			v = v*10 + digitVal(rs[k])
			k++
		}
	}
	if v == 0 || k >= len(rs) {
		return marker{}, false
	}
	if strings.HasSuffix(form, "项") {
		if rs[k] != '项' {
			return marker{}, false
		}
		k++
	}
	if k < len(rs) && strings.ContainsRune("：:.．、", rs[k]) {
		k++
	} else if k < len(rs) && !isSpace(rs[k]) && rs[k] != '\n' {
		return marker{}, false
	}
	for k < len(rs) && (isSpace(rs[k]) || rs[k] == '\n') {
		k++
	}
	if k >= len(rs) {
		return marker{}, false
	}
	return marker{style: styleWord, value: v, form: form, cn: cn, start: i, end: k}, true
}

func isHan(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }

// acceptWeak takes a weak marker at a line start: the next of its list
// when one is open, else the first of a run whose items hold their
// clauses.
func (s *scanner) acceptWeak(m marker) bool {
	if !m.lineStart {
		return false
	}
	for d := len(s.stack) - 1; d >= 0; d-- {
		open := s.nodes[s.stack[d]].m
		if !open.sameKind(m) {
			continue
		}
		if m.style == styleBullet {
			m.value = open.value + 1
		}
		if m.value != open.value+1 {
			return false
		}
		s.stack = s.stack[:d]
		s.pushWeak(m)
		return true
	}
	kind := marker{style: m.style, form: m.form}
	last := s.weakSeen[kind]
	if m.style != styleBullet && last > 0 && m.value == last+1 {
		s.pushWeak(m)
		return true
	}
	if m.value != 1 || !s.weakRun(m) && !s.wordedHeadings(m) && !s.bracketHeadings(m) && !(last > 0 && s.weakItemHoldsClause(m, m.end, s.weakItemEnd(m))) {
		return false
	}
	s.pushWeak(m)
	return true
}

// pushWeak opens the item of weak marker m, noting its number for its kind.
func (s *scanner) pushWeak(m marker) {
	s.weakSeen[marker{style: m.style, form: m.form}] = max(m.value, 1)
	s.push(m, false)
}

// weakItemEnd returns where the item of weak marker m ends: the next line
// that opens with a marker, or the end of the text.
func (s *scanner) weakItemEnd(m marker) int {
	if n, ok := s.nextLineOpener(m.end); ok {
		return n.start
	}
	return len(s.rs)
}

// weakRun reports whether m opens a run of items of its kind that each
// hold a clause: m's item and the next, which must open the next line
// that starts with a marker. An item that opens with a label (●责任单位：…)
// is the clause of the item above, not an item.
func (s *scanner) weakRun(m marker) bool {
	n, ok := s.nextLineOpener(m.end)
	if !ok || !m.sameKind(n) || m.style != styleBullet && n.value != m.value+1 {
		return false
	}
	return s.weakItemHoldsClause(m, m.end, n.start) && s.weakItemHoldsClause(n, n.end, s.weakItemEnd(n))
}

// weakItemHoldsClause reports whether the text of an item of m from rs[from]
// to rs[to] holds its clause. A bullet's item that opens with a label
// (●责任单位：…) is the clause of the item above, not an item; a worded
// number on its own line (任务一) may have its labels first.
func (s *scanner) weakItemHoldsClause(m marker, from, to int) bool {
	t := strings.TrimLeft(string(s.rs[from:to]), " \t\u3000")
	return (m.style == styleWord || !clauseStartRe.MatchString(t)) && (holdsClause([]rune(t)) || opensWithAgencies(t))
}

// opensWithAgencies reports whether an item's text opens with the names of
// agencies and a colon (市商务局、市交通运输局：推进…): its units, as the
// parser reads them where most of a list opens so (see ownersFirst).
func opensWithAgencies(t string) bool {
	m := ownersFirstRe.FindStringSubmatch(t)
	if m == nil || roleNameRe.MatchString(m[1]) {
		return false
	}
	for _, name := range splitTop(m[1], "、") {
		if !agencyEndRe.MatchString(strings.TrimSpace(name)) {
			return false
		}
	}
	return true
}

// nextLineOpener returns the marker, weak or not, that opens the first
// line after rs[from] to start with one.
func (s *scanner) nextLineOpener(from int) (marker, bool) {
	for i := from; i < len(s.rs) && i < from+4000; i++ {
		if s.rs[i] != '\n' {
			continue
		}
		j := i + 1
		for j < len(s.rs) && isSpace(s.rs[j]) {
			j++
		}
		if j >= len(s.rs) {
			break
		}
		if n, ok := scanMarker(s.rs, j); ok {
			return n, true
		}
		if n, ok := scanWeak(s.rs, j); ok {
			return n, true
		}
	}
	return marker{}, false
}

// wordedHeadings reports whether m, a worded number (任务一), heads a
// section whose next (任务二) opens a line further on: such numbers name
// their items in words, whatever their clauses, as 一、 does.
func (s *scanner) wordedHeadings(m marker) bool {
	if m.style != styleWord || m.form == bracketedForm || m.form == noForm {
		return false
	}
	for i := m.end; i < len(s.rs) && i < m.end+4000; i++ {
		if s.rs[i] != '\n' {
			continue
		}
		if n, ok := scanWeak(s.rs, skipSpaces(s.rs, i+1)); ok && m.sameKind(n) {
			return n.value == m.value+1
		}
	}
	return false
}

// skipSpaces returns the index of the first rune from rs[i] on that is no
// space.
func skipSpaces(rs []rune, i int) int {
	for i < len(rs) && isSpace(rs[i]) {
		i++
	}
	return i
}

// bracketHeadings reports whether m, a heading in square brackets, has
// another such heading opening a line further on: two of them head a
// post's sections, one may be a caption.
func (s *scanner) bracketHeadings(m marker) bool {
	if !isBracketHeading(m) {
		return false
	}
	for i := m.end; i < len(s.rs) && i < m.end+4000; i++ {
		if s.rs[i] != '\n' {
			continue
		}
		if n, ok := scanWeak(s.rs, skipSpaces(s.rs, i+1)); ok && isBracketHeading(n) {
			return true
		}
	}
	return false
}
