package policy

import (
	"regexp"
	"slices"
	"strings"
)

// A table without a 序号 flattened one cell a line (or a paragraph, or
// between lines of |), as 政务公开 task tables are: 工作任务 / 具体要求 /
// 责任科室, then each row's cells, the 工作任务 cell merged over the rows
// of its group and so left on its first row only. Nothing numbers the
// rows; a row ends at its cell of units (and the time cell after it, if
// the header has one). Group headings numbered as sections (一、…, (一)…)
// stand between the rows.

// maxRowText bounds the cells before a row's units: more, and what is read
// is no table.
const maxRowText = 3

// unitEndedHeader returns the header that opens cells: its leading cells
// that each name a column, with a unit column and no 序号, and how many
// cells it took. A header word broken over two cells (目标 / 任务) is
// joined.
func unitEndedHeader(cells []string) ([]string, []column, int, bool) {
	var header []string
	n := 0
	for n < len(cells) && len(header) < 8 {
		c := strings.TrimSpace(cells[n])
		if n+1 < len(cells) {
			if next := strings.TrimSpace(cells[n+1]); len([]rune(c)) <= 2 && len([]rune(next)) <= 2 && classifyHeader(c+next) != colNone {
				c, n = c+next, n+1
			}
		}
		if classifyHeader(c) == colNone {
			break
		}
		header, n = append(header, c), n+1
	}
	if len(header) < 3 {
		return nil, nil, 0, false
	}
	t, ok := recogniseTable([][]string{header})
	if !ok || slices.Contains(t.cols, colSeq) || !slices.ContainsFunc(t.cols, unitCol) {
		return nil, nil, 0, false
	}
	return header, t.cols, n, true
}

// unitEndedRows reads the rows after the header (see above). It returns
// how many cells it read; ok is false when no row, or a row's cells do
// not fit the header.
func unitEndedRows(cells []string, header []string, cols []column, start int, u unitRules) (rows [][]string, used int, ok bool) {
	unitAt := slices.IndexFunc(cols, unitCol)
	timeAt := slices.Index(cols, colDeadline)
	rows = [][]string{header}
	// seqs holds each data row's number where the rows carry one the
	// header has no column for (工作任务 / 具体要求 / … then 强化… / 1 /
	// …): the 序号's header cell was lost.
	var seqs []string
	seq, lastSeq, numbered := "", 0, false
	var text []string
	k := start
	for ; k < len(cells); k++ {
		c := strings.TrimSpace(cells[k])
		switch {
		case c == "":
			continue
		case len(text) == 0 && seq == "" && (isSectionRow(c) && len([]rune(c)) <= 40 || sectionHeadRe.MatchString(c)):
			rows, seqs = append(rows, []string{c}), append(seqs, "")
			continue
		case isUnitCell(c, u):
			row := make([]string, len(cols))
			row[unitAt] = c
			// The text cells right-aligned before the units; a merged
			// group cell the row lacks stays empty.
			col := unitAt - 1
			t := len(text) - 1
			for ; t >= 0 && col >= 0; t-- {
				row[col] = text[t]
				col--
			}
			if t >= 0 && unitAt > 0 {
				// More cells than columns before the units: the first
				// column holds them all, none is lost (an empty cell's
				// —— of the row above aside).
				var extra []string
				for _, c := range text[:t+1] {
					if !noneCell(c) {
						extra = append(extra, c)
					}
				}
				if len(extra) > 0 {
					row[0] = strings.Join(append(extra, row[0]), "\n")
				}
			}
			if timeAt > unitAt && k+1 < len(cells) && cellDeadline(strings.TrimSpace(cells[k+1]), 0) != nil {
				k++
				row[timeAt] = strings.TrimSpace(cells[k])
			}
			rows, seqs, text, seq, used = append(rows, row), append(seqs, seq), nil, "", k+1
			continue
		case bareNumberRe.MatchString(c) && seq == "" && (atoi(c) == lastSeq+1 && (numbered || len(rows) == 1) || !numbered && atoi(c) == dataRows(rows)+1):
			// The row's number, after its merged group cell if any (the
			// first number may be lost: a reader took a lone 1 for a
			// page's).
			seq, lastSeq, numbered = c, atoi(c), true
			continue
		}
		// Any other number (a task cell's own 1.) is for the readers of
		// numbered rows.
		if bareNumberRe.MatchString(c) || hasCellNumber(c) {
			return nil, 0, false
		}
		if text = append(text, c); len(text) > maxRowText {
			break
		}
	}
	if numbered {
		rows[0] = append([]string{"序号"}, header...)
		n := 0
		for r := 1; r < len(rows); r++ {
			if len(rows[r]) > 1 {
				n++
				if seqs[r-1] == "" {
					seqs[r-1] = itoa(n) // a row before the first number
				}
				rows[r] = append([]string{seqs[r-1]}, rows[r]...)
			}
		}
	}
	return rows, used, len(rows) > 2 || len(rows) == 2 && len(rows[1]) > 1
}

// dataRows counts the rows read so far that are no group heading.
func dataRows(rows [][]string) int {
	n := 0
	for _, r := range rows[1:] {
		if len(r) > 1 {
			n++
		}
	}
	return n
}

// sectionHeadRe is a group heading numbered as a section: (一)加强预期引导.
var sectionHeadRe = regexp.MustCompile(`^[（(][一二三四五六七八九十]{1,3}[)）]\p{Han}[^。；;]{1,40}$`)

// isUnitCell reports a cell that is a row's units: a list of units, or
// units with their verb (市发改委牵头落实).
func isUnitCell(c string, u unitRules) bool {
	bare := strings.TrimRight(strings.TrimSuffix(unitPart(c, u), "等"), "。.")
	if u.isUnitList(bare) {
		return true
	}
	return len([]rune(c)) <= 80 && !hasCellNumber(c) && responsibilityEnd.MatchString(bare) && u.looksLikeClause(bare)
}

// readUnitEndedTable reads such a table flattened one cell a line from
// lines[i].
func readUnitEndedTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	if classifyHeader(strings.TrimSpace(lines[i])) == colNone {
		return nil, 0, false
	}
	// The next line must name a column too (or be half of a word broken
	// over two lines) before the cells are gathered: most lines that name
	// a column (a heading 工作任务) open no table.
	next := nextFilled(lines, i+1)
	if next >= len(lines) {
		return nil, 0, false
	}
	if n := strings.TrimSpace(lines[next]); classifyHeader(n) == colNone && len([]rune(n)) > 2 {
		return nil, 0, false
	}
	// The lines and the line each non-empty one stands on.
	var cells []string
	var at []int
	for j := i; j < len(lines) && len(cells) < 4000; j++ {
		if l := strings.TrimSpace(lines[j]); l != "" {
			cells, at = append(cells, l), append(at, j)
		}
	}
	return unitEndedTable(cells, at, 0, u)
}

// unitEndedTable reads the table the cells hold, at[k] being the line of
// cells[k]; it needs minRows rows (the header's included) at least, and
// returns the line after its last cell.
func unitEndedTable(cells []string, at []int, minRows int, u unitRules) (*taskTable, int, bool) {
	header, cols, n, ok := unitEndedHeader(cells)
	if !ok {
		return nil, 0, false
	}
	rows, used, ok := unitEndedRows(cells, header, cols, n, u)
	if !ok || len(rows) < minRows {
		return nil, 0, false
	}
	t, ok := recogniseTable(rows)
	if !ok {
		return nil, 0, false
	}
	return t, at[used-1] + 1, true
}

// readSpacedUnitEndedTable reads such a table run together on lines with
// its cells parted by spaces (a page that lost the table's layout): the
// header's column words stand together on the line at lines[i], maybe after
// the table's title (附件 某某职责清单 工作任务和内容 责任单位 完成时间 负责…),
// and the cells run on over the lines below. A unit's name a space broke
// in two (县交通 运输局) is joined.
func readSpacedUnitEndedTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	l := strings.TrimSpace(lines[i])
	if !strings.Contains(l, "单位") && !strings.Contains(l, "部门") && !strings.Contains(l, "科室") {
		return nil, 0, false
	}
	tokens := spaceRunRe.Split(l, -1)
	h := 0
	for h < len(tokens) && h < 4 && classifyHeader(tokens[h]) == colNone {
		h++
	}
	if h+3 > len(tokens) || classifyHeader(tokens[h+1]) == colNone || classifyHeader(tokens[h+2]) == colNone {
		return nil, 0, false
	}
	cells, at := tokens[h:], make([]int, len(tokens)-h)
	for k := range at {
		at[k] = i
	}
	for j := i + 1; j < len(lines) && len(cells) < 4000; j++ {
		for _, c := range spaceRunRe.Split(strings.TrimSpace(lines[j]), -1) {
			if c != "" {
				cells, at = append(cells, c), append(at, j)
			}
		}
	}
	cells, at = u.joinBrokenNames(cells, at)
	return unitEndedTable(cells, at, 3, u)
}

// joinBrokenNames joins a cell to the next where a space broke a unit's
// name in two: the two make a name and the second opens with no place or
// level of its own (县委县政府 督查室, 县交通 运输局; not 县公安局 县交通局).
func (u unitRules) joinBrokenNames(cells []string, at []int) ([]string, []int) {
	var out []string
	var outAt []int
	// piece reports a cell that may go on a name: a name's tail (short,
	// opening with no level of its own, see nameTailRe), and no time.
	piece := func(c string) bool {
		return nameTailRe.MatchString(c) && cellDeadline(c, 0) == nil
	}
	for k := 0; k < len(cells); k++ {
		c := cells[k]
		// A line joined to the wrapped line before it carries the first
		// piece of the name after its text's stop (…新能源汽车.县交通 /
		// 运输局): the text and the name part there.
		if i := strings.LastIndexAny(c, "。.；;"); i > 0 && k+1 < len(cells) && piece(cells[k+1]) {
			if tail := c[i+1:]; tail != "" && len([]rune(tail)) <= 8 && !u.isUnitList(tail) && u.isUnitList(tail+cells[k+1]) {
				out, outAt = append(out, c[:i+1]), append(outAt, at[k])
				c = tail
			}
		}
		// A name broken twice (县交 / 通 / 运输局, a page's wrap and a
		// space) is joined as one broken once.
		for span := 3; span >= 2 && len([]rune(c)) <= 12; span-- {
			if k+span > len(cells) || !all(cells[k+1:k+span], piece) {
				continue
			}
			joined := c + strings.Join(cells[k+1:k+span], "")
			if u.isUnitList(joined) && (!u.isUnitList(c) || u.isUnitList(cells[k+span-1])) {
				c, k = joined, k+span-1
				break
			}
		}
		out, outAt = append(out, c), append(outAt, at[k])
	}
	return out, outAt
}

// all reports whether every one of ss passes ok.
func all(ss []string, ok func(string) bool) bool {
	for _, s := range ss {
		if !ok(s) {
			return false
		}
	}
	return true
}
