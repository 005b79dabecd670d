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
	k := 0
	if len(tokens) > 1 && categoryHeaderRe.MatchString(tokens[0]) {
		k = 1
	}
	if classifyHeader(tokens[k]) != colSeq {
		return nil, 0, false
	}
	for k < len(tokens) && tokens[k] != "1" {
		if classifyHeader(tokens[k]) == colNone && !(k == 0 && categoryHeaderRe.MatchString(tokens[k])) && !sideColumnRe.MatchString(tokens[k]) {
			return nil, 0, false
		}
		k++
	}
	header := tokens[:k]
	if len(header) < 3 {
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
	for _, r := range rows {
		cells = append(cells, u.spaceRowCells(r)...)
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
var sideColumnRe = regexp.MustCompile(`^(?:进展情况|工作进展|推进情况|落实情况|完成情况|备注|说明|联系人|联系电话|联系方式|考核分值|分值|权重)$`)

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
