package policy

import (
	"regexp"
	"strings"
)

// A page may flatten a table with spaces and leave each cell's paragraphs
// on lines of their own (a forum's repost of an inspection table): the
// header's column words stand on one line after the table's title (附件
// 某某督查情况汇总表 序号 具体点位 存在问题 整改责任单位), then each row runs
// from a line opening with its number and a space over as many lines as
// its cells take (the problems numbered 1、 2、 inside it) to the line that
// ends with the row's units: after the last problem's stop (…未按规定建立.
// 区卫生局) or on a line of their own. The unit column is the header's
// last, so a row ends at its units; the cells before them cannot be told
// apart and make the row's text.

// blockRowRe is the first line of such a row: its number, a space, its
// text.
var blockRowRe = regexp.MustCompile(`^(\d{1,3})[ \x{3000}\x{00a0}]+(\S.*)$`)

// blockNote is the review note of every row of such a table.
const blockNote = "表格各栏以空格相连，已按行末的单位名称切分出责任单位，请核实"

// maxBlockLines bounds the lines of one row: a row that finds neither its
// units nor the next row within them is no row of such a table.
const maxBlockLines = 30

// readSpacedBlockTable reads such a table from its header at lines[i].
func readSpacedBlockTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	header, ok := spacedBlockHeader(lines[i])
	if !ok {
		return nil, 0, false
	}
	rows := [][]string{header}
	closed, next := 0, i+1
	for n := 1; ; n++ {
		k := nextFilled(lines, next)
		if k == len(lines) {
			break
		}
		m := blockRowRe.FindStringSubmatch(strings.TrimSpace(lines[k]))
		if m == nil || atoi(m[1]) != n {
			break
		}
		text, units, end, ok := u.blockRow(lines, k, m[2], n+1)
		if !ok {
			break
		}
		rows, next = append(rows, []string{m[1], text, units}), end
		if units != "" {
			closed++
		}
	}
	if closed < 2 {
		return nil, 0, false
	}
	return notedTable(rows, next, blockNote)
}

// spacedBlockHeader reads the header on line l: up to five words of a
// title, then a 序号 and the column words, the last a unit column and one
// a task column; the words between may name a column of their own (具体
// 点位). It returns the header the rows are read under: 序号, the first
// task column, the unit column.
func spacedBlockHeader(l string) ([]string, bool) {
	if !strings.Contains(l, "序号") {
		return nil, false
	}
	tokens := spaceRunRe.Split(strings.TrimSpace(l), -1)
	if len(tokens) == 1 {
		return gluedBlockHeader(tokens[0])
	}
	h := 0
	for h < len(tokens) && h < 5 && classifyHeader(tokens[h]) != colSeq {
		h++
	}
	cols := tokens[h:]
	if len(cols) < 3 || len(cols) > 6 || classifyHeader(cols[0]) != colSeq || !unitCol(classifyHeader(cols[len(cols)-1])) {
		return nil, false
	}
	task := ""
	for _, c := range cols[1 : len(cols)-1] {
		col := classifyHeader(c)
		if !headerWord(c) || unitCol(col) || col == colDeadline {
			return nil, false
		}
		if task == "" && taskCol(col) {
			task = c
		}
	}
	if task == "" {
		return nil, false
	}
	return []string{cols[0], task, cols[len(cols)-1]}, true
}

// gluedBlockHeader reads such a header whose spaces a reader closed up
// (附件某某汇总表序号具体点位存在问题整改责任单位, the page's spaces taken for
// stray ones): a title, 序号, the task columns' words and, last, the
// shortest run of them that names a unit column.
func gluedBlockHeader(l string) ([]string, bool) {
	i := strings.Index(l, "序号")
	if i < 0 || !hanRunRe.MatchString(l) {
		return nil, false
	}
	rs := []rune(l[i+len("序号"):])
	for k := 2; k <= 8 && k < len(rs)-1; k++ {
		unit, task := string(rs[len(rs)-k:]), string(rs[:len(rs)-k])
		if unitCol(classifyHeader(unit)) {
			if !taskCol(classifyHeader(task)) || len(rs)-k > 12 {
				return nil, false
			}
			return []string{"序号", task, unit}, true
		}
	}
	return nil, false
}

// hanRunRe is a line of Chinese characters only, as a header whose
// spaces were closed up is.
var hanRunRe = regexp.MustCompile(`^\p{Han}{4,40}$`)

// nextFilled is the index of the first non-blank line from lines[j] on,
// len(lines) when none.
func nextFilled(lines []string, j int) int {
	for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
		j++
	}
	return j
}

// blockRow reads the row whose first line is lines[k], first being that
// line's text after the row's number: its text, its units ("" when the
// row ends without them, at the next row's line numbered next or at the
// end of the text) and the index of the line after it. ok is false when
// the row finds neither its units nor its end.
func (u unitRules) blockRow(lines []string, k int, first string, next int) (text, units string, end int, ok bool) {
	var parts []string
	l := first
	for j := k; j < len(lines) && j-k < maxBlockLines; {
		// A line the page wrapped inside the units (…服务. 南汇 / 街道
		// 区城管局) closes the row with the line before it.
		if last := len(parts) - 1; last >= 0 && !strings.ContainsRune(blockStops, lastRune(parts[last])) {
			if before, names, found := u.blockUnits(parts[last]+l, false); found {
				parts[last] = before
				return strings.Join(parts, "\n"), names, j + 1, true
			}
		}
		if before, names, found := u.blockUnits(l, len(parts) > 0); found {
			if before != "" {
				parts = append(parts, before)
			}
			// The unit cell wrapped between two names (…服务. 南汇街道 /
			// 房管鹿城分局): the line right below, units alone.
			if j+1 < len(lines) && !blockRowRe.MatchString(strings.TrimSpace(lines[j+1])) {
				if b, more, found := u.blockUnits(lines[j+1], true); found && b == "" {
					names, j = names+"、"+more, j+1
				}
			}
			return strings.Join(parts, "\n"), names, j + 1, len(parts) > 0
		}
		parts = append(parts, l)
		j = nextFilled(lines, j+1)
		if j == len(lines) {
			return strings.Join(parts, "\n"), "", j, true // cut off where the text ends
		}
		l = strings.TrimSpace(lines[j])
		if m := blockRowRe.FindStringSubmatch(l); m != nil && atoi(m[1]) == next || isSectionRow(l) {
			return strings.Join(parts, "\n"), "", j, true
		}
	}
	return "", "", 0, false
}

// blockUnits cuts the units off the end of a row's line: the line is
// units alone (after the row's first line only), or its last
// space-parted words are, after a sentence's stop. A stray space inside a
// name (区 卫生局) is closed up where the halves make no names of their own.
// It returns the text before them and the units, 、-joined; a request
// (请市文明办协调解决) stays in the text as written, its office's name
// taken.
func (u unitRules) blockUnits(l string, alone bool) (before, units string, ok bool) {
	l = strings.TrimSpace(l)
	words := spaceRunRe.Split(l, -1)
	before, names, ok := u.tailNames(words, len(words), alone, 0)
	if !ok {
		return "", "", false
	}
	if strings.Contains(l[len(before):], "请") {
		before = l
	}
	return before, strings.Join(names, "、"), true
}

// blockStops end the text before a row's units.
const blockStops = "。.；;！!"

// tailNames reads words[:k] as a text and the unit names after it, each
// name one word or two or three a stray space parted, the shortest first;
// depth counts the names read after words[:k].
func (u unitRules) tailNames(words []string, k int, alone bool, depth int) (string, []string, bool) {
	for span := 1; span <= 3 && span <= k && depth < 8; span++ {
		name, ok := u.blockUnitWord(strings.Join(words[k-span:k], ""))
		if !ok {
			continue
		}
		if k == span {
			if alone {
				return "", []string{name}, true
			}
			continue
		}
		if before := strings.Join(words[:k-span], " "); strings.ContainsRune(blockStops, lastRune(before)) {
			return before, []string{name}, true
		}
		if before, names, ok := u.tailNames(words, k-span, alone, depth+1); ok {
			return before, append(names, name), true
		}
	}
	return "", nil, false
}

// requestVerbRe is what an office is asked to do after its name in a
// request (协调解决, 督促整改).
var requestVerbRe = regexp.MustCompile(`^\p{Han}{2,6}$`)

// blockUnitWord reads a word of a unit cell: a list of units, or a request
// to one (请市文明办协调解决: the office asked to see to it), its name.
func (u unitRules) blockUnitWord(w string) (string, bool) {
	if u.isUnitList(w) {
		return w, true
	}
	rest, ok := strings.CutPrefix(w, "请")
	if !ok {
		return "", false
	}
	rs := []rune(rest)
	k := gluedName(rs, u)
	if k == 0 || len(rs)-k > 6 || !requestVerbRe.MatchString(string(rs[k:])) {
		return "", false
	}
	return string(rs[:k]), true
}
