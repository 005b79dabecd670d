package policy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A page may lose every separator of a table: its header becomes one run of
// words (类别序号重点督办内容牵头单位全年完成情况) and each row one line, the
// cells run together: 经济社会发展主要预期目标1地区生产总值增长6%左右。区发展
// 改革委西城区地区生产总值增速…. Such a row is read by its shape: a category
// (no digits), the row's number, the task up to its full stop, then the unit
// names, which end where a name's suffix ends; what follows is another
// column's text (progress) and is left out. The cut is a guess, so every
// row says so for the office to check.

// gluedHeaderRe is a table header whose words run together, with a 序号 and
// one unit column; the cells after that column name no units.
var gluedHeaderRe = regexp.MustCompile(`^\p{Han}{0,10}?序号\p{Han}{2,12}?(牵头单位|责任单位|牵头部门|责任部门)(\p{Han}{0,12})$`)

// gluedRowRe is a row of such a table: a category without digits, the
// row's number, then the rest.
var gluedRowRe = regexp.MustCompile(`^[^\d。]{0,20}?(\d{1,3})([^\d.．、].*)$`)

// gluedNote is the review note of every row of a glued table.
const gluedNote = "表格各栏文字相连，已按单位名称的后缀切分出责任单位，请核实"

// readGluedTable reads a table whose header is the run of words at
// lines[i] and whose rows follow, numbered 1, 2, … in order.
func readGluedTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	head := strings.TrimSpace(lines[i])
	if !strings.Contains(head, "序号") {
		return nil, 0, false
	}
	m := gluedHeaderRe.FindStringSubmatch(head)
	if m == nil || strings.Contains(m[2], "单位") || strings.Contains(m[2], "部门") {
		return nil, 0, false
	}
	rows := [][]string{{"序号", "任务内容", m[1], "完成时限"}}
	j := i + 1
	for ; j < len(lines); j++ {
		row, ok := gluedRow(strings.TrimSpace(lines[j]), len(rows), u)
		if !ok {
			break
		}
		rows = append(rows, row)
	}
	return gluedTable(rows, j)
}

// gluedTable is the table of a glued header and its rows (two at least),
// each row noted as a guess; next is the line after it.
func gluedTable(rows [][]string, next int) (*taskTable, int, bool) {
	return notedTable(rows, next, gluedNote)
}

// notedTable is the table of a header and its rows (two at least) that a
// reader cut out of text by a guess, each row carrying note; next is the
// line after it.
func notedTable(rows [][]string, next int, note string) (*taskTable, int, bool) {
	if len(rows) < 3 {
		return nil, 0, false
	}
	t, ok := recogniseTable(rows)
	if !ok {
		return nil, 0, false
	}
	t.note = note
	return t, next, true
}

// gluedRow reads row number n of a glued table: its number, its task up to
// the first full stop and the unit names right after it.
func gluedRow(l string, n int, u unitRules) ([]string, bool) {
	m := gluedRowRe.FindStringSubmatch(l)
	if m == nil || atoi(m[1]) != n {
		return nil, false
	}
	end := strings.Index(m[2], "。")
	if end < 0 {
		return nil, false
	}
	end += len("。")
	rest, due := strings.TrimSpace(m[2][end:]), ""
	// The row ends with its units (and its time): read whole, names
	// of any length (人民银行济南分行营业管理部); else the names it
	// starts with, before another column's text.
	units := rest
	if !u.isUnitList(rest) {
		var ok bool
		if units, due, ok = u.unitsThenDue(rest); !ok {
			units = gluedUnits(rest, u)
		}
	}
	if units == "" {
		return nil, false
	}
	return []string{m[1], m[2][:end], units, due}, true
}

// gluedUnits returns the unit names a text starts with, 、-separated, each
// ending at the first agency suffix that makes a name of it (区发展改革委 of
// 区发展改革委西城区地区…); "" when it starts with none.
func gluedUnits(s string, u unitRules) string {
	var names []string
	rs := []rune(s)
	for {
		k := gluedName(rs, u)
		if k == 0 {
			break
		}
		names = append(names, string(rs[:k]))
		if k == len(rs) || rs[k] != '、' {
			break
		}
		rs = rs[k+1:]
	}
	return strings.Join(names, "、")
}

// nameRests are what a name found too short goes on with: 区政府 + 办公室,
// 区建设委 + 员会, 区政府办 + 公室.
var nameRests = []struct{ after, rest string }{
	{"", "办公室"}, {"", "委员会"}, {"", "管委会"}, {"委", "员会"}, {"办", "公室"},
}

// gluedName returns the length of the shortest name of at least 3
// characters that rs starts with and that ends with an agency's suffix; a
// suffix word that follows it at once (区政府办公室) belongs to it. 0 when
// there is none within 20 characters.
func gluedName(rs []rune, u unitRules) int {
	for k := 3; k <= len(rs) && k <= 20; k++ {
		name := string(rs[:k])
		if !agencyEndRe.MatchString(name) || !u.plausible(name) {
			continue
		}
		rest := string(rs[k:])
		for _, r := range nameRests {
			if strings.HasSuffix(name, r.after) && strings.HasPrefix(rest, r.rest) {
				return k + len([]rune(r.rest))
			}
		}
		return k
	}
	return 0
}

// A table may lose its line breaks as well: the header's words run on into
// row 1 and each row into the next (…责任单位备注1将…。市委宣传部、
// 市城管委2完善…). A row's unit cell is what follows its last full stop, so
// a row ends where the next number follows a list of units.

// gluedLineHeadRe is such a header, the number 1 of the first row and the
// character after it. Group 1 is the unit column.
// Group 2 is the heading of the rows' first group, when one stands before
// row 1 (…主要责任单位一、主要发展指标1地区生产总值…).
// Group 3 is the first row's number: 1, or where the page went on from
// another (（上接第三版）…责任单位21树立…), any.
var gluedLineHeadRe = regexp.MustCompile(`序号\p{Han}{2,12}?(牵头单位|责任单位|牵头部门|责任部门)\p{Han}{0,6}?([一二三四五六七八九十]{1,3}、\p{Han}{2,20}?)?([1-9]\d{0,2})[^\d.．、%]`)

// gluedGroupTailRe is the heading of the next group of rows (and a page's
// number before it) that closes a row's cell: …嘉兴港区—2—二、产业优化升级.
var gluedGroupTailRe = regexp.MustCompile(`(?:[—－-]\s*\d{1,3}\s*[—－-])?([一二三四五六七八九十]{1,3}、\p{Han}{2,20})?$`)

// readGluedLineTable reads a table that runs on in the line at lines[i],
// rows numbered 1, 2, … each ending in its unit cell.
func readGluedLineTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	if !strings.Contains(lines[i], "序号") {
		return nil, 0, false
	}
	// A PDF may have wrapped such a line: the lines after it, up to a
	// blank one, may be its rest. The most lines whose rows read to their
	// end are the table's; a line of its own is read as before.
	end := i + 1
	for end < len(lines) && end-i < maxGluedLines && strings.TrimSpace(lines[end]) != "" {
		end++
	}
	if !gluedLineHeadRe.MatchString(joinTrimmed(lines[i:min(end, i+3)])) {
		return nil, 0, false
	}
	for k := end; k > i; k-- {
		if t, whole, ok := gluedLineRows(joinTrimmed(lines[i:k]), u); ok && (whole || k == i+1) {
			return t, k, true
		}
	}
	return nil, 0, false
}

// maxGluedLines bounds the lines a wrapped run-on table is looked for in.
const maxGluedLines = 120

// joinTrimmed joins lines without their margins, as a wrapped paragraph's
// lines join.
func joinTrimmed(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimSpace(l))
	}
	return b.String()
}

// gluedLineRows reads the run-on table in l, and whether its rows read to
// l's end.
func gluedLineRows(l string, u unitRules) (*taskTable, bool, bool) {
	loc := gluedLineHeadRe.FindStringSubmatchIndex(l)
	if loc == nil {
		return nil, false, false
	}
	rows := [][]string{{"序号", "任务内容", l[loc[2]:loc[3]]}}
	if loc[4] >= 0 {
		rows = append(rows, []string{l[loc[4]:loc[5]]})
	}
	first := l[loc[6]:loc[7]]
	rest := l[loc[6]:]
	for n := atoi(first); rest != ""; n++ {
		row, after, ok := gluedLineRow(rest, n, u)
		if !ok {
			break
		}
		rows = append(rows, row)
		if len(row) > 3 {
			// The next group's heading closed the row.
			rows[len(rows)-1], rows = row[:3], append(rows, row[3:])
		}
		rest = after
	}
	t, _, ok := gluedTable(rows, 0)
	return t, rest == "", ok
}

// gluedLineRow cuts row n off the start of s (which starts with n): the
// row ends before the first n+1 that follows a list of units after a full
// stop, or at the end of s.
func gluedLineRow(s string, n int, u unitRules) ([]string, string, bool) {
	num := itoa(n)
	if !strings.HasPrefix(s, num) {
		return nil, "", false
	}
	body := s[len(num):]
	next := itoa(n + 1)
	for from := 0; ; {
		k := strings.Index(body[from:], next)
		if k < 0 {
			break
		}
		k += from
		if row, ok := gluedLineCells(num, body[:k], u); ok && !endsInDigit(body[:k]) {
			return row, body[k:], true
		}
		from = k + len(next)
	}
	row, ok := gluedLineCells(num, body, u)
	return row, "", ok
}

// gluedLineCells splits a row's body at its last full stop into the task
// and the unit cell, which must be a list of units.
func gluedLineCells(num, body string, u unitRules) ([]string, bool) {
	stop := strings.LastIndex(body, "。")
	if stop < 0 {
		return nil, false
	}
	units := strings.TrimSpace(body[stop+len("。"):])
	var group []string
	if m := gluedGroupTailRe.FindStringSubmatchIndex(units); m != nil && m[0] < m[1] {
		if m[2] >= 0 {
			group = []string{units[m[2]:m[3]]}
		}
		units = strings.TrimSpace(units[:m[0]])
	}
	units = u.partGluedNames(units)
	// The cell may say who does what: A、B牵头;C配合;各州(市)党委和政府落实.
	if units == "" || !u.isUnitList(units) && !(strings.ContainsAny(units, ";；") && u.looksLikeClause(units)) {
		return nil, false
	}
	return append([]string{num, body[:stop+len("。")], units}, group...), true
}

// gluedNamesRe finds where one name of a glued cell ends and the next
// begins: an agency's suffix, then a place's level or 各 (市发展改革委各县
// (市、区)政府, 市经贸委市规划建设局).
var gluedNamesRe = regexp.MustCompile(`(?:局|委|厅|办|政府|中心|管委会)(?:[市县区省]\p{Han}|各)`)

// partGluedNames parts the names of a glued table's unit cell (its lead and
// co cells ran together with the names inside them): at each agency's
// suffix followed by another name's level, where the name before has four
// characters at least (县委县政府督查室 stays whole) and both are names.
func (u unitRules) partGluedNames(cell string) string {
	var out []string
	for _, name := range splitTop(cell, "、") {
		for {
			cut := -1
			for _, loc := range gluedNamesRe.FindAllStringIndex(name, -1) {
				// The next name opens with 各, or with its level and
				// the character after it.
				at := loc[1] - len("各")
				if !strings.HasSuffix(name[:loc[1]], "各") {
					rs := []rune(name[:loc[1]])
					at = loc[1] - len(string(rs[len(rs)-2:]))
				}
				if utf8.RuneCountInString(name[:at]) >= 4 && u.plausible(name[:at]) && u.isUnitList(name[at:]) {
					cut = at
					break
				}
			}
			if cut < 0 {
				break
			}
			out = append(out, name[:cut])
			name = name[cut:]
		}
		out = append(out, name)
	}
	return strings.Join(out, "、")
}

func endsInDigit(s string) bool {
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}
