package policy

import (
	"strings"
	"unicode/utf8"
)

// numberlessNote tells the office that a table's rows had no numbers.
const numberlessNote = "原表没有序号，已按表中顺序编号，请核实"

// readNumberlessTable reads a task table flattened one cell a line whose
// rows carry no number at all, neither a 序号 column nor a number in the
// task cell (工作任务及要求 ⏎ 责任单位, then 推进决策公开 ⏎ 制定发布…。 ⏎
// 各镇街区、市政府各部门). Its header is a run of column names, a task
// column and a unit column among them and nothing the rows could not be
// told by; its rows are told by their cells' shapes: a sentence opens a
// row, a list of units fills the row's next unit column, a short time its
// time column, and a short phrase with no stop heads the rows below it (a
// group's or category's cell, merged over them). A row with no unit cell
// shares the row above's, as the cell was merged down. The rows are
// numbered by their place in the table, and say so.
func readNumberlessTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	first := strings.Join(strings.Fields(cellLine(lines, i)), "")
	if !headerWord(first) || !taskCol(classifyHeader(first)) {
		return nil, 0, false
	}
	header := []string{"项目"}
	j := i
	for ; j < len(lines) && len(header) < 8; j++ {
		c := strings.Join(strings.Fields(cellLine(lines, j)), "")
		if c == "" {
			continue
		}
		col := classifyHeader(c)
		if !headerWord(c) || col == colNone {
			break
		}
		if col == colSeq || col == colLeader {
			return nil, 0, false
		}
		header = append(header, c)
	}
	cols := make([]column, len(header))
	for k, h := range header {
		cols[k] = classifyHeader(h)
	}
	content := -1
	var unitCols []int
	due := -1
	for k := 1; k < len(cols); k++ {
		switch {
		case taskCol(cols[k]) && content < 0:
			content = k
		case unitCol(cols[k]):
			unitCols = append(unitCols, k)
		case cols[k] == colDeadline && due < 0:
			due = k
		default:
			return nil, 0, false
		}
	}
	if content < 0 || len(unitCols) == 0 {
		return nil, 0, false
	}
	rows := [][]string{header}
	var cur []string
	nextUnit := 0
	var heads []string // the headings over the rows to come
	headsUsed := false
	unitSeen := false
	end := j
	for ; j < len(lines); j++ {
		c := cellLine(lines, j)
		if c == "" {
			continue
		}
		plain := strings.TrimRight(c, "。；;")
		switch {
		case hasCellNumber(c) || bareNumberRe.MatchString(c) || isSectionRow(c) || strings.HasPrefix(c, "附件"):
			// A numbered line is another layout's, or the text's again.
		case cur != nil && nextUnit < len(unitCols) && u.isUnitList(plain):
			cur[unitCols[nextUnit]] = plain
			nextUnit++
			unitSeen = true
			end = j + 1
			continue
		case cur != nil && due >= 0 && cur[due] == "" && utf8.RuneCountInString(c) <= maxDueCell && cellDeadline(c, 0) != nil:
			cur[due] = c
			end = j + 1
			continue
		case taskSentence(c):
			if cur != nil {
				rows = append(rows, cur)
			}
			if len(rows) == 2 && !unitSeen {
				// The first row named no unit: no such table.
				return nil, 0, false
			}
			cur = make([]string, len(cols))
			cur[content] = c
			if len(heads) > 0 {
				cur[0] = strings.Join(heads, "／")
				headsUsed = true
			}
			nextUnit = 0
			end = j + 1
			continue
		case fewWords(c, 30) && !hasCellNumber(c) && !u.isUnitList(c) && !strings.ContainsAny(c, "：:"):
			if headsUsed {
				heads, headsUsed = nil, false
			}
			if len(heads) < 3 {
				heads = append(heads, c)
				continue
			}
		}
		break
	}
	if cur != nil {
		rows = append(rows, cur)
	}
	if len(rows) < 3 || !unitSeen {
		return nil, 0, false
	}
	t, ok := recogniseTable(rows)
	if !ok {
		return nil, 0, false
	}
	t.flattened = true
	t.note = numberlessNote
	return t, end, true
}

// taskSentence reports a cell that reads as a task's words: a sentence
// closed by its stop, or a long phrase with commas.
func taskSentence(c string) bool {
	if strings.ContainsAny(c, "：:") && utf8.RuneCountInString(c) < 40 {
		return false // 抄送：…, 联系人：…
	}
	return strings.HasSuffix(c, "。") || strings.HasSuffix(c, "；") || utf8.RuneCountInString(c) > 30 && strings.ContainsAny(c, "，,、")
}
