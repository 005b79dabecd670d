package policy

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A page may store a whole table as one paragraph, its cells separated by
// single spaces: 序号 重点任务 牵头单位 配合单位 1 推进… 市发改委 市财政局 2 ….
// The header is a run of column words; the rows are told apart by their
// numbers, 1, 2, … in order, each followed by its cells. Each row is then
// read as readSpaceTable reads a row of a table left separated by spaces.

// readOneLineTable reads a table stored as one line at lines[i]: a header
// of column words from its 序号 (a category column may stand before it),
// then rows numbered from 1 on.
func readOneLineTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	l := strings.TrimSpace(lines[i])
	if !strings.ContainsAny(l, "序编") || !strings.Contains(l, " 1 ") {
		return nil, 0, false
	}
	tokens := joinSpacedLetters(spaceRunRe.Split(l, -1))
	// The table's title may open the line (某某进展情况统计表 序号 …).
	for t := 0; t < 2 && len(tokens) > 2 && classifyHeader(tokens[0]) != colSeq && !categoryHeaderRe.MatchString(tokens[0]) && classifyHeader(tokens[1]) == colSeq; t++ {
		tokens = tokens[1:]
	}
	k := 0
	if len(tokens) > 1 && categoryHeaderRe.MatchString(tokens[0]) {
		k = 1
	}
	if classifyHeader(tokens[k]) != colSeq {
		return nil, 0, false
	}
	// The header runs to the first row, or to a group's heading before it
	// (… 牵头责任单位 一、完成全年主要目标 1 …).
	for k < len(tokens) && tokens[k] != "1" && !isSectionRow(tokens[k]) {
		if classifyHeader(tokens[k]) == colNone && !(k == 0 && categoryHeaderRe.MatchString(tokens[k])) && !sideColumnRe.MatchString(tokens[k]) {
			return nil, 0, false
		}
		k++
	}
	header := tokens[:k]
	if len(header) < 3 {
		return nil, 0, false
	}
	var lead []string // a group's heading before the first row
	for k < len(tokens) && tokens[k] != "1" {
		lead = append(lead, tokens[k])
		k++
	}
	if len(lead) > 1 {
		return nil, 0, false
	}
	if _, ok := recogniseTable([][]string{header}); !ok {
		return nil, 0, false
	}
	cells := append([]string(nil), header...)
	if categoryHeaderRe.MatchString(header[0]) {
		cells = cells[1:] // rows carry no category cell of their own here
	}
	rows := splitNumberedRows(tokens[k:])
	if len(rows) == 0 {
		return nil, 0, false
	}
	cells = append(cells, lead...)
	side := sideAfterTask(header)
	for _, r := range rows {
		// A group's heading closes the row before its group (… 市住建局
		// 二、推进城市更新 4 …): a row of its own.
		var group []string
		if n := len(r); n > 2 && isSectionRow(r[n-1]) {
			r, group = r[:n-1], r[n-1:]
		}
		cells = append(cells, sideCells(u.spaceRowCells(r), len(r), side)...)
		cells = append(cells, group...)
	}
	t, _, ok := readCells(cells, 0, u, false)
	if !ok {
		return nil, 0, false
	}
	return t, i + 1, true
}

// sideColumnRe is the header of a column that reports on a task or notes
// something beside it (进展情况, 备注, 联系人): it assigns nothing, but
// stands in a task table's header as often as the unit columns do.
var sideColumnRe = regexp.MustCompile(`^(?:(?:工作|目前|当前|本月|本季度)?(?:进展|推进|落实|完成|办理)(?:情况|状态|状况|进度)|工作进展|完成状态|备注|说明|联系人|联系电话|联系方式|考核分值|分值|权重)$`)

// sideAfterTask counts the side columns (完成状态, 工作进展情况) that follow
// the task column right after the 序号 of a header, and stand before its
// units.
func sideAfterTask(header []string) int {
	n := 0
	for k := 2; k < len(header) && sideColumnRe.MatchString(header[k]); k++ {
		n++
	}
	if len(header) < 2 || !taskCol(classifyHeader(header[1])) {
		return 0
	}
	return n
}

// sideCells parts a row's text cell (its task, then what side columns
// report) when the header has side columns after the task: the task is
// the row's first cell of text, each side column but the last takes the
// next, the last the rest (a progress report holds spaces of its own).
func sideCells(cells []string, tokens, side int) []string {
	if side == 0 || len(cells) < 2 {
		return cells
	}
	parts := strings.Split(cells[1], " ")
	if len(parts) < side+1 || len(parts) > tokens {
		return cells
	}
	out := []string{cells[0], parts[0]}
	for k := 1; k < side; k++ {
		out = append(out, parts[k])
	}
	out = append(out, strings.Join(parts[side:], " "))
	return append(out, cells[2:]...)
}

// splitNumberedRows cuts tokens that start with 1 at the numbers 2, 3, …
// in order; each row keeps its number first and needs a cell after it.
func splitNumberedRows(tokens []string) [][]string {
	var rows [][]string
	start, next := 0, 2
	for k := 1; k <= len(tokens); k++ {
		if k < len(tokens) && tokens[k] != strconv.Itoa(next) {
			continue
		}
		if k-start < 2 {
			return nil // a number with no cell after it
		}
		rows = append(rows, tokens[start:k])
		start, next = k, next+1
	}
	return rows
}

// joinSpacedLetters joins a header word a page spread out one character a
// token (工 作 任 务 → 工作任务).
func joinSpacedLetters(tokens []string) []string {
	var out []string
	single := false
	for _, t := range tokens {
		one := utf8.RuneCountInString(t) == 1 && !isDigits(t)
		if one && single {
			out[len(out)-1] += t
			continue
		}
		out = append(out, t)
		single = one
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
