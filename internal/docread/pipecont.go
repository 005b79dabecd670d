package docread

import (
	"regexp"
	"strings"
)

// A | table extracted from a PDF with its rows' lines keeps a long cell's
// wrapped text on rows of their own, every other cell empty:
//
//	| 1 | 将城镇、农村低保人均最低补差 | 市民政局 |  |
//	|   | 水平                        |          |  |
//
// Such a row has no 序号 and names no unit, so it cannot be a task of its
// own: its cells go on the cells above them.

// unitHeaderRe is a header cell naming a column of units or people.
var unitHeaderRe = regexp.MustCompile(`单位|部门|处室|科室|主体|领导`)

// pipeTable is the | table being read: the columns of its 序号 and unit
// cells, from its header.
type pipeTable struct {
	width int
	seq   int
	units []int
}

// pipeHeader reads a | row as a task table's header: one with a 序号 cell.
func pipeHeader(cells []string) *pipeTable {
	t := &pipeTable{width: len(cells), seq: -1}
	for i, c := range cells {
		c = strings.Join(strings.Fields(c), "")
		switch {
		case c == "序号" || c == "编号":
			t.seq = i
		case unitHeaderRe.MatchString(c):
			t.units = append(t.units, i)
		}
	}
	if t.seq < 0 {
		return nil
	}
	return t
}

// continues reports whether cells continue the row above: as many cells
// as the header, no 序号, no unit, some text.
func (t *pipeTable) continues(cells []string) bool {
	if len(cells) != t.width || cells[t.seq] != "" {
		return false
	}
	for _, u := range t.units {
		if cells[u] != "" {
			return false
		}
	}
	return strings.Join(cells, "") != ""
}

// movedContinuation reports whether cells continue the row above with the
// page's empty leading cells dropped (新增学位810个 | |||||): as many cells
// as the header, text under the 序号 only, and no number or section's
// marker opening it (numberedLineRe).
func (t *pipeTable) movedContinuation(cells []string) bool {
	// A table written one cell a line (序号 | ⏎ 工作任务 | ⏎ …) has two
	// "cells" a line: its lines are no rows.
	if t.width < 4 || len(cells) != t.width || cells[t.seq] == "" || numberedLineRe.MatchString(cells[t.seq]) {
		return false
	}
	for i, c := range cells {
		if i != t.seq && c != "" {
			return false
		}
	}
	return true
}

// joinRow puts cells on the row above when they continue it, and reports
// whether they did: cell by cell (continues), or, for the row's wrapped
// task text whose empty leading cells the page dropped (movedContinuation),
// on the cell after the 序号.
func (t *pipeTable) joinRow(above, cells []string) bool {
	if len(above) != len(cells) {
		return false
	}
	switch {
	case t.movedContinuation(cells) && t.seq+1 < len(above):
		above[t.seq+1] += cells[t.seq]
	case t.continues(cells):
		for k, c := range cells {
			above[k] += c
		}
	default:
		return false
	}
	return true
}

// joinContinuationRows joins the continuation rows of | tables onto the
// rows above them, cell by cell.
func joinContinuationRows(lines []line) []line {
	out := make([]line, 0, len(lines))
	var table *pipeTable
	last := -1 // where in out the table's last row stands; -1 after its header
	for _, l := range lines {
		if l.rows != nil || !isPipeRow(l.text) {
			if !l.blank() {
				table, last = nil, -1
			}
			out = append(out, l)
			continue
		}
		cells := splitPipe(l.text)
		if table == nil {
			table, last = pipeHeader(cells), -1
			out = append(out, l)
			continue
		}
		if last >= 0 {
			if above := splitPipe(out[last].text); table.joinRow(above, cells) {
				out[last].text = strings.TrimSpace(strings.Join(above, " | "))
				continue
			}
		}
		out = append(out, l)
		last = len(out) - 1
	}
	return out
}
