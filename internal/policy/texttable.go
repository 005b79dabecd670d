package policy

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Tables pasted as text. A web page or a converted PDF leaves a task table
// as lines: one row a line with its cells between | or tabs, or one cell a
// line (units stacked one a line, cells left out where the table had them
// empty). Both are read by their header words, as the Word-table reader
// reads a real table, and the rows go to tableTasks.

// tableReaders read the text tables after readRowTable's, each tried where
// the ones before it find no table, in this order.
var tableReaders = []func(lines []string, i int, u unitRules) (*taskTable, int, bool){
	readGroupLeadTable, readCellTable, readPipeCellTable, readSpaceTable, readOneLineTable, readBarTable, readGluedTable, readGluedLineTable, readRecordTable, readLabelLineTable, readClauseRunTable, readNumberlessTable, readUnitEndedTable, readSpacedUnitEndedTable, readSpacedBlockTable,
}

// rebuildLineTables finds the tables written as text in lines and returns
// the other lines and the tables; kept[i] is the index in the returned
// lines of what stood at or after lines[i] (len(lines) included).
func rebuildLineTables(lines []string, u unitRules) ([]string, []int, []*taskTable) {
	var out []string
	var tables []*taskTable
	kept := make([]int, len(lines)+1)
	for i := 0; i < len(lines); i++ {
		kept[i] = len(out)
		t, next, ok := readRowTable(lines, i, u)
		for _, read := range tableReaders {
			if ok {
				break
			}
			t, next, ok = read(lines, i, u)
		}
		if ok {
			t.line = len(out)
			tables = append(tables, t)
			for ; i < next-1; i++ {
				kept[i+1] = len(out)
			}
			continue
		}
		out = append(out, lines[i])
	}
	kept[len(lines)] = len(out)
	return out, kept, tables
}

// rowSeparator is what separates the cells of a row flattened to a line:
// |, ｜ or a tab; "" for a line of text.
func rowSeparator(l string) string {
	for _, sep := range []string{"|", "｜", "\t"} {
		if strings.Contains(l, sep) {
			return sep
		}
	}
	return ""
}

// rowCells splits a line of a table written with | or tabs into its cells;
// nil when the line has no separator.
func rowCells(l string) []string {
	sep := rowSeparator(l)
	if sep == "" {
		return nil
	}
	cells := strings.Split(l, sep)
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	// "序号 |" and "| a | b |": the outer separators hold no cell.
	if len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) > 0 && cells[0] == "" && strings.HasPrefix(strings.TrimSpace(l), sep) {
		cells = cells[1:]
	}
	return cells
}

// readRowTable reads a table whose rows are lines of cells between | or
// tabs, starting with a header line at lines[i].
func readRowTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	header := rowCells(lines[i])
	first := i + 1
	// 工作任务 | 具体要求 ⏎ | 责任单位 |: a header broken over two lines.
	if len(header) == 2 && i+1 < len(lines) && headerCellsOnly(header) {
		more := rowCells(lines[i+1])
		if more == nil && strings.TrimSpace(lines[i+1]) != "" {
			more = []string{strings.TrimSpace(lines[i+1])} // its | borders dropped
		}
		if len(more) > 0 && headerCellsOnly(more) {
			header, first = append(header, more...), i+2
		}
	}
	if len(header) < 3 {
		return nil, 0, false
	}
	header = guessContent(header)
	probe, ok := recogniseTable([][]string{header})
	unitless := !ok && unitlessHeader(header)
	if !ok && !unitless {
		return nil, 0, false
	}
	rows := [][]string{header}
	layout := layoutOf(header)
	if ok {
		layout.cols = probe.cols
	}
	bordered := strings.HasPrefix(strings.TrimSpace(lines[i]), rowSeparator(lines[i]))
	var lastRaw []string // the last row's cells as the line gave them
	j := first
	for ; j < len(lines); j++ {
		l := strings.TrimSpace(lines[j])
		if l == "" {
			continue
		}
		cells := rowCells(l)
		if sep := rowSeparator(l); !bordered && sep != "" && strings.HasPrefix(l, sep) {
			// A table whose header has no outer border: a row that
			// opens with the separator opens with an empty cell (the
			// lower row of a two-row header, | | 牵头 | 配合 |).
			cells = append([]string{""}, cells...)
		}
		if len(rows) == 1 {
			cells = underUnitHeader(header, cells)
		}
		if len(rows) > 1 && slices.Equal(cells, rowCells(lines[i])) {
			continue // the header again, atop the table's next page
		}
		if len(cells) > 0 && metaLabelRe.MatchString(cells[0]) {
			break // the page's 索引号: | … after the table
		}
		if cells == nil {
			// A line without separators continues the last row's
			// content, or ends the table.
			if isSectionRow(l) {
				rows = append(rows, []string{l})
				continue
			}
			if row := layout.taskCellOnly(rows[len(rows)-1], l); row != nil {
				rows = append(rows, row)
				lastRaw = nil
				continue
			}
			break
		}
		if k := len(rows) - 1; k > 0 {
			if rest, end := brokenCells(lines, j, lastRaw, cells, layout.width); rest != nil {
				// Cells broken over lines (市发改委（牵头）⏎市财政局 | …): the
				// lines hold the rest of the row above.
				for _, more := range rest {
					lastRaw = append(append(lastRaw[:len(lastRaw)-1:len(lastRaw)-1], lastRaw[len(lastRaw)-1]+"\n"+more[0]), more[1:]...)
				}
				rows[k] = layout.align(lastRaw)
				j = end - 1
				continue
			}
		}
		// A row wider than the header whose first cells are sections'
		// numbers (一、… | (一)… | 1.… | 全年 | 区发改局): the cells merged
		// over the rows below it, each a heading.
		for len(trimEmpty(cells)) > layout.width && len(cells) > 1 && isSectionRow(strings.TrimSpace(cells[0])) {
			rows = append(rows, []string{strings.TrimSpace(cells[0])})
			cells = cells[1:]
		}
		lastRaw = cells
		cells = layout.align(cells)
		if k := len(rows) - 1; k > 0 && layout.continues(rows[k], cells) {
			rows[k] = layout.joinRest(rows[k], cells, u)
			continue
		}
		if short := trimEmpty(cells); len(short) < layout.width && layout.cols != nil && !layout.unitsInPlace(short, u) && !sectionCell(cells, layout.seq) {
			cells = layout.byContent(short, u)
		}
		// 一、继续提高… in a category column heads the rows from here.
		if len(cells) > 1 && layout.category && isSectionRow(cells[0]) {
			rows = append(rows, []string{cells[0]})
			cells = append([]string{""}, cells[1:]...)
		}
		// So does 一、做好财政信息公开。 in a title column merged over
		// its rows (工作任务 | 具体要求 | 责任部门), and each heading in
		// the task columns before the last (工作目标 | 工作内容 | 工作
		// 措施: 一、… | (一)… | 1.…), outermost first.
		if len(cells) > 1 {
			for _, k := range layout.headingCols() {
				if k < len(cells) && isSectionRow(cells[k]) {
					rows = append(rows, []string{cells[k]})
					cells = slices.Clone(cells)
					cells[k] = ""
				}
			}
		}
		rows = append(rows, cells)
	}
	if unitless {
		return unitlessTable(rows), j, true
	}
	t, _ := recogniseTable(rows)
	return t, j, true
}

// underUnitHeader places the lower row of a two-row header that a page
// wrote without its empty cells (牵头单位 ⏎ 配合单位 under 责任单位, the tabs
// before them lost): role words only, fewer than the header's cells, they
// stand from the upper row's unit column on.
func underUnitHeader(header, cells []string) []string {
	if len(cells) == 0 || len(cells) >= len(header) {
		return cells
	}
	for _, c := range cells {
		if col := classifyHeader(c); col != colLead && col != colCo && col != colUnits {
			return cells
		}
	}
	at := -1
	for i, h := range header {
		if c := classifyHeader(h); c == colLead || c == colCo || c == colUnits {
			at = i
			break
		}
	}
	if at < 0 || at+len(cells) > len(header) {
		return cells
	}
	return append(make([]string, at), cells...)
}

// brokenCells returns the cells of the lines from lines[j] on (cells
// those of lines[j]) that are the rest of the row last whose cells line
// breaks cut (a Word table copied as text: a cell's paragraphs on lines of
// their own), and the index after them; nil when they are none. Each line
// lacks cells and opens with no row number, and together with the row they
// fill the header's width exactly, each broken cell counted once.
func brokenCells(lines []string, j int, last, cells []string, width int) ([][]string, int) {
	if len(last) == 0 || len(last) >= width {
		return nil, 0
	}
	var rest [][]string
	total := len(last)
	for k := j; k < len(lines) && k-j < width; k++ {
		c := cells
		if k > j {
			c = rowCells(strings.TrimSpace(lines[k]))
		}
		if !restOfRow(c, width) {
			return nil, 0
		}
		rest = append(rest, c)
		if total += len(c) - 1; total >= width {
			if total > width {
				return nil, 0
			}
			return rest, k + 1
		}
	}
	return nil, 0
}

// restOfRow reports a line's cells that may be the rest of a row: fewer
// than the header's, the first no row number and no sentence.
func restOfRow(cells []string, width int) bool {
	return len(cells) > 0 && len(cells) < width && cells[0] != "" && !bareNumberRe.MatchString(cells[0]) && !hasCellNumber(cells[0]) &&
		(len([]rune(cells[0])) <= 20 || !strings.ContainsAny(cells[0], "。；;"))
}

// categoryHeaderRe is a short column that groups a table's rows and may
// stand before its 序号: 类别, 分类, 板块, 领域.
var categoryHeaderRe = regexp.MustCompile(`^(?:[\p{Han}]{0,2})(?:类别|类型|分类|板块|领域|方面|大类)$`)

// isCategoryHeader reports a header cell that names a category column,
// spaces inside it aside (类  别).
func isCategoryHeader(h string) bool {
	return categoryHeaderRe.MatchString(strings.Join(strings.Fields(h), ""))
}

// unitlessHeader reports a task table's header that names no unit column:
// a 序号, a task column (项目名称, 工作标准) and at most one other (类别).
func unitlessHeader(header []string) bool {
	has := map[column]int{}
	for _, h := range header {
		has[classifyHeader(h)]++
	}
	return has[colSeq] == 1 && has[colContent]+has[colTitle] > 0 && has[colNone] <= 1 && len(header) >= 3
}

// unitlessTable reads a task table without unit columns: its rows are the
// tasks of a document that names no units, for the office to assign.
func unitlessTable(rows [][]string) *taskTable {
	header := append([]string(nil), rows[0]...)
	cols := make([]column, len(header))
	for i, h := range header {
		cols[i] = classifyHeader(h)
	}
	if firstCol(cols, colContent) < 0 {
		cols[firstCol(cols, colTitle)] = colContent
	}
	return &taskTable{cols: cols, rows: rows[1:], unitless: true}
}

// guessContent names the task column of a header that has a 序号 and a
// unit column but calls its tasks something of its own (民生实事): the
// first column no header word names.
func guessContent(header []string) []string {
	has := map[column]bool{}
	for _, h := range header {
		has[classifyHeader(h)] = true
	}
	if !has[colSeq] || !(has[colLead] || has[colUnits]) || has[colContent] || has[colTitle] {
		return header
	}
	for i, h := range header {
		if classifyHeader(h) == colNone {
			out := append([]string(nil), header...)
			out[i] = "任务内容"
			return out
		}
	}
	return header
}

// headerContinues reports whether c is the rest of the header cell prev,
// broken over two lines: prev names no column but the two together do
// (责任 / 领导), or a short word ends a task column's name (攻坚目标 / 任务).
func headerContinues(prev, c string) bool {
	p, k, joined := classifyHeader(prev), classifyHeader(c), classifyHeader(prev+c)
	short := len([]rune(c)) <= 2 && len([]rune(prev)) <= 4
	switch {
	case p == colNone && joined != colNone:
		return k == colNone || short
	case short && (p == colContent || p == colTitle) && (k == colContent || k == colTitle):
		return true
	}
	return false
}

// unitCellSpan bounds, in characters, a cell read as units by its verb
// (A牵头落实;B、C…按职责分工分别落实): a long list of bureaus is one,
// a paragraph of requirements is not (looksLikeClause tells them apart).
const unitCellSpan = 240

// parenMarkerRe is a cell holding only a bracketed number, (一) or (1), or
// 一） with no opening bracket, as several provinces write (一).
var parenMarkerRe = regexp.MustCompile(`^(?:[（(]\s*[一二三四五六七八九十\d]+|[一二三四五六七八九十]+)\s*[)）]$`)

// cellNumber reads a task cell's own number (2.一般公共预算收入…), read
// as the line reader reads an item's: full-width digits (１５.) and a
// number without punctuation (3规上工业…, 3 规上工业…) count. It returns
// the number in half-width digits and the cell's text after it.
func cellNumber(c string) (string, string, bool) {
	rs := []rune(c)
	m, ok := scanNum(rs, 0)
	if !ok || m.value > 999 {
		return "", "", false
	}
	return strconv.Itoa(m.value), strings.TrimSpace(string(rs[m.end:])), true
}

// parenNumberRe is a row number in brackets, (8): always a row, where (一)
// after a row heads a section.
var parenNumberRe = regexp.MustCompile(`^[（(]\s*\d+\s*[)）]$`)

// readCellTable reads a table flattened one cell a line: a header of short
// lines from 序号 on, then rows each starting with a line holding only its
// number. The cells of a row are told apart by what they hold, since empty
// cells leave no line: units (one or several lines), a person, a deadline,
// the task's text, or other columns' text (进展情况), which is left out.
func readCellTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	return readCells(lines, i, u, true)
}

// readCells is readCellTable; the other readers hand it the cells they cut
// out of their own layout, where an empty cell is no blank line
// (blankEnds false).
func readCells(lines []string, i int, u unitRules, blankEnds bool) (*taskTable, int, bool) {
	cell := func(k int) string { return cellLine(lines, k) }
	header, j := readCellHeader(lines, i)
	// numbered: the table has no 序号 column; its task cells carry their
	// numbers (1.妇女…), and a task cell may head sub-rows of ——.
	// bare: the 序号 column's header cell was blank, its rows start with
	// their numbers alone.
	numbered, bare := false, false
	if header == nil {
		header, j, bare = readSeqlessHeader(lines, i)
		numbered = header != nil && !bare
	}
	probe, ok := recogniseTable([][]string{header})
	unitless := header != nil && !ok && unitlessHeader(header)
	if unitless {
		probe, ok = unitlessTable([][]string{header}), true
	}
	if header == nil || !ok || len(header) < 3 {
		return nil, 0, false
	}
	cols := probe.cols
	colAt := map[column]int{}
	for k, c := range cols {
		if _, seen := colAt[c]; !seen {
			colAt[c] = k
		}
	}
	rows := [][]string{header}
	var cur []string
	unitCells := 0
	// groupColumn: the title column groups rows (指标 | 工作任务) and is
	// merged over them, so a row may lack it: only a short cell is one.
	// So is a title column before the task column where the rows' numbers
	// stand alone under a blank header cell: the sections' rows (一、…)
	// are its cells.
	groupColumn := hasCol(cols, colTitle) && (groupHeaderRe.MatchString(strings.Join(strings.Fields(header[colAt[colTitle]]), "")) || bare)
	// allKnown: every column is one the rows are read into, so text after
	// a row's units and deadline cannot be another column's.
	allKnown := true
	for _, c := range cols {
		allKnown = allKnown && c != colNone
	}
	// groupOpen: the current 序号 heads rows that carry their own numbers;
	// pendingLeader is the 牵头领导 of the row above, for a row whose
	// merged cell left none.
	groupOpen, pendingLeader, groups := false, "", false
	// openGroup turns the current row into the head of a group (its 序号
	// and 项目) and a first row numbered as its task cell is.
	openGroup := func() bool {
		num, rest, ok := cellNumber(cur[colAt[colContent]])
		if !ok {
			return false
		}
		head := make([]string, len(cols))
		head[colAt[colSeq]] = cur[colAt[colSeq]]
		if k, ok := colAt[colTitle]; ok {
			head[colAt[colContent]] = cur[k]
			cur[k] = ""
		}
		rows = append(rows, head)
		cur[colAt[colSeq]] = num + "."
		cur[colAt[colContent]] = rest
		groupOpen, groups = true, true
		return true
	}
	rowDone := func(r []string) bool {
		k, ok := colAt[colDeadline]
		return ok && r[k] != ""
	}
	// assessorAt is a column after the units naming who scores or checks
	// the work (评分部门, 考核单位), not who does it: a row's last cell of
	// units, after its owners', is that column's. lastUnit is the row's
	// last cell of units and lastUnitAt its column.
	assessorAt, lastUnit, lastUnitAt := -1, "", -1
	for k, h := range header {
		if k > firstUnitCol(cols) && assessorHeaderRe.MatchString(strings.Join(strings.Fields(h), "")) {
			assessorAt = k
			break
		}
	}
	flush := func() {
		if cur != nil {
			if assessorAt >= 0 && unitCells >= 2 && cur[assessorAt] == "" && lastUnitAt >= 0 {
				for _, sep := range []string{"、", "；"} {
					if kept, ok := strings.CutSuffix(cur[lastUnitAt], sep+lastUnit); ok {
						cur[lastUnitAt], cur[assessorAt] = kept, lastUnit
						break
					}
				}
			}
			lastUnit, lastUnitAt = "", -1
			if k, ok := colAt[colLeader]; ok && cur[k] == "" && groupOpen {
				cur[k] = pendingLeader
			}
			rows = append(rows, cur)
			cur = nil
		}
	}
	put := func(c column, v string) bool {
		k, ok := colAt[c]
		if !ok {
			return false
		}
		if cur[k] != "" {
			// A second cell of units after one closed by its verb (A牵头
			// 落实；B分别落实 ⏎ 各镇分别落实) is a phrase of its own.
			sep := "、"
			if responsibilityEnd.MatchString(strings.TrimRight(cur[k], "。.；;")) {
				sep = "；"
			}
			cur[k] += sep + v
		} else {
			cur[k] = v
		}
		return true
	}
	// category is the cell of a first column that groups the rows (分类:
	// 发展目标), merged over them: it stands before the first row's number.
	category, hasCategory := "", cols[0] == colNone && isCategoryHeader(header[0])
	// leaderFirst: the 牵头领导 column stands before the unit columns, so a
	// short cell after a row's units (已完成) is another column's.
	// leadBefore is the unit column that stands before the 序号 (牵头单位
	// | 序号 | 任务内容 | 配合单位), -1 for none: a row's cell before its
	// number is that column's, merged over the rows below until the next
	// such cell; rowUnitCols are the unit columns after the task's, where
	// a row's own unit cells go in order, and rowUnits the first of them.
	leadBefore, rowUnits := -1, firstUnitCol(cols)
	var rowUnitCols []int
	if k := firstUnitCol(cols); k < colAt[colSeq] {
		leadBefore, rowUnits = k, len(cols)
		for c := colAt[colContent] + 1; c < len(cols); c++ {
			if unitCol(cols[c]) {
				rowUnitCols = append(rowUnitCols, c)
			}
		}
		if len(rowUnitCols) > 0 {
			rowUnits = rowUnitCols[0]
		}
	}
	pendingLead, lastLead := "", ""
	leaderFirst := hasCol(cols, colLeader) && colAt[colLeader] < rowUnits
	// timeCellFirst: the time column follows the task column, before the
	// units: a row's cell after its text that sets a time is that column's.
	timeCellFirst := hasCol(cols, colDeadline) && hasCol(cols, colContent) && colAt[colDeadline] == colAt[colContent]+1 && colAt[colDeadline] < rowUnits
	// unitsFirst: a unit column stands before the task's (序号 | 牵头单位 |
	// 重点任务): the row's first cell that names units is theirs.
	unitsFirst := rowUnits < colAt[colContent]
	// second is the second task column, -1 when there is none.
	second := -1
	for k := colAt[colContent] + 1; k < len(cols); k++ {
		if cols[k] == colContent {
			second = k
			break
		}
	}
	lastSeq := 0 // the last row's 序号
	// subRows counts the —— sub-rows of the numbered row above; pending are
	// the sub-rows with no units of their own, which share the units the
	// next sub-row's cell lists (several —— lines in one merged cell).
	subRows, pending := 0, []int(nil)
	// groupTitle is the title cell of the next numbered row's group.
	groupTitle := ""
	shared, sharedAbove := map[*string]bool{}, map[*string]bool{}
	share := func() {
		if unitCells == 0 {
			return
		}
		for _, k := range pending {
			for c, col := range cols {
				if unitCol(col) {
					rows[k][c] = cur[c]
				}
			}
			shared[&rows[k][0]] = true
		}
		pending = nil
	}
	for ; j < len(lines); j++ {
		c := cell(j)
		if blankEnds && strings.TrimSpace(lines[j]) == "" && (numbered && !u.numberedRowGoesOn(lines, j) || !numbered && blankEndsCellTable(lines, j)) {
			break
		}
		// 市生态 / 环境局: a unit's name broken over two cells' lines.
		if j+1 < len(lines) && u.completesUnit(c, cell(j+1)) {
			c, j = c+cell(j+1), j+1
		}
		if tableNoteRe.MatchString(c) {
			break // 注：1.…, the notes under the table: the text's again
		}
		// unit is the cell without a head named after the unit (市民政局
		// 伍泽国) and without its closing stop.
		unit := strings.TrimRight(unitPart(c, u), "。.")
		if nc, _, ok := nextCell(lines, j); ok && leadBefore >= 0 && (cur == nil || unitCells > 0) && u.isUnitList(unit) && bareNumberRe.MatchString(nc) {
			pendingLead = unit // the next row's lead, before its number
			continue
		}
		switch {
		case c == "":
			continue
		case numbered && !isDashCell(c) && hasCellNumber(c) && (cur == nil || unitCells > 0 || cur[colAt[colContent]] != ""):
			share()
			if cur != nil && subRows == 0 && unitCells == 0 && cur[colAt[colContent]] != "" {
				// A row with no units of its own: the cell after the
				// rows below lists them, merged over them all (three
				// numbered requirements in one cell, then its units).
				pending = append(pending, len(rows))
			} else {
				pending = nil
			}
			flush()
			num, rest, _ := cellNumber(c)
			cur = make([]string, len(cols))
			cur[colAt[colSeq]], cur[colAt[colContent]] = num+".", rest
			if k, ok := colAt[colTitle]; ok {
				cur[k], groupTitle = groupTitle, ""
			}
			unitCells, subRows = 0, 0
		case numbered && hasCol(cols, colTitle) && (cur == nil || unitCells > 0) && shortGroupCell(c) && !u.isUnitList(c) && rowNumberNext(lines, j) != "" && !isSectionRow(c) && cellDeadline(c, 0) == nil:
			// The next group's title, merged over its rows: theirs. One
			// numbered as a section ((一)推进…) heads them as a section;
			// a time (2022年底前) is the row's above.
			groupTitle = c
		case numbered && cur != nil && isDashCell(c) && (subRows > 0 || unitCells == 0):
			// ——女性人均预期寿命延长: a sub-row of the numbered row,
			// which heads them where it has no units of its own.
			if subRows > 0 && unitCells == 0 {
				pending = append(pending, len(rows))
			}
			share()
			flush()
			subRows++
			cur = make([]string, len(cols))
			cur[colAt[colSeq]], cur[colAt[colContent]] = strconv.Itoa(subRows), strings.TrimSpace(strings.TrimLeft(c, dashes))
			unitCells = 0
		case bareNumberRe.MatchString(c) && (unitCells > 0 || nextRowNumber(c, lastSeq)) || parenNumberRe.MatchString(c) || parenMarkerRe.MatchString(c) && cur == nil:
			flush()
			cur = make([]string, len(cols))
			cur[colAt[colSeq]] = c
			if bareNumberRe.MatchString(c) {
				lastSeq = atoi(c)
			}
			if leadBefore >= 0 {
				if pendingLead != "" {
					lastLead, pendingLead = pendingLead, ""
				} else if lastLead != "" {
					sharedAbove[&cur[0]] = true
				}
				cur[leadBefore] = lastLead
			}
			if hasCategory {
				cur[0] = category
			}
			unitCells = 0
			groupOpen, pendingLeader = false, ""
		case isSectionRow(c) || parenMarkerRe.MatchString(c):
			flush()
			// (一) on a line of its own, its title on the next.
			if parenMarkerRe.MatchString(c) && j+1 < len(lines) && !bareNumberRe.MatchString(cell(j+1)) {
				c += cell(j + 1)
				j++
			}
			rows = append(rows, []string{c})
		case hasCategory && shortTitle(c) && (cur == nil || unitCells > 0 && !u.isUnitList(c) && cellDeadline(c, 0) == nil && !looksLikePerson(c)):
			flush()
			category = c
		case cur == nil:
			// A heading whose number the page lost, or the end.
			if len([]rune(c)) <= 40 {
				continue
			}
			j = len(lines)
		case hasCol(cols, colTitle) && cur[colAt[colTitle]] == "" && cur[colAt[colContent]] == "" && (shortTitle(c) || !groupColumn):
			cur[colAt[colTitle]] = c
		case cur[colAt[colContent]] == "" && !(unitsFirst && unitCells == 0 && u.isUnitList(strings.TrimRight(unit, "。."))):
			cur[colAt[colContent]] = c
			if groups && bareNumberRe.MatchString(cur[colAt[colSeq]]) {
				// A later group with a single numbered task cell.
				openGroup()
			}
		case unitCells > 0 && hasCellNumber(c) && !u.isUnitList(c):
			// A row numbered 1 whose task cells carry their own numbers
			// (1.地区生产总值…, then 2.一般公共预算收入…): the 序号 numbers
			// a group, merged over the rows; each numbered cell is a row
			// under it, and a missing 牵头领导 cell is the one above.
			leader := ""
			if k, ok := colAt[colLeader]; ok {
				leader = cur[k]
			}
			if !groupOpen && !openGroup() {
				break
			}
			num, rest, _ := cellNumber(c)
			flush()
			cur = make([]string, len(cols))
			cur[colAt[colSeq]] = num + "."
			cur[colAt[colContent]] = rest
			if k, ok := colAt[colLeader]; ok {
				pendingLeader, cur[k] = leader, ""
			}
			unitCells = 0
		case allKnown && rowDone(cur) && len([]rune(c)) > 4 && !u.isUnitList(strings.TrimRight(c, "。.")) && cellDeadline(c, 0) == nil && !looksLikePerson(c):
			// More text after the row's units and deadline, in a table
			// with no other text column: a second row that shared the
			// first's number (and, merged, its units).
			seq := cur[colAt[colSeq]]
			flush()
			cur = make([]string, len(cols))
			cur[colAt[colSeq]] = seq
			cur[colAt[colContent]] = c
			unitCells = 0
		case timeCellFirst && unitCells == 0 && cur[colAt[colDeadline]] == "" && findDeadline(c, 0) != nil:
			// 完成时间 right after the task's column: the cell after the
			// task's text that sets times is the row's, however long
			// (三亚路…11月底前具备通车条件;…12月底前建设完成).
			put(colDeadline, c)
		case hasCol(cols, colDeadline) && cur[colAt[colDeadline]] != "" && dueTailRe.MatchString(c):
			// 2024年12月 / 底前: the time cell's rest, which a line broke.
			cur[colAt[colDeadline]] += c
		case hasCol(cols, colDeadline) && len([]rune(c)) <= 20 && cellDeadline(c, 0) != nil:
			put(colDeadline, c)
		case leaderFirst && unitCells == 0 && cur[colAt[colLeader]] == "" && looksLikePerson(c) && j+1 < len(lines) && u.isUnitList(unitPart(cell(j+1), u)):
			// 责任人 before the unit columns: the names on the line
			// before a row's first units are its people (王某 李某),
			// though a name may end as a unit's does (王广部).
			put(colLeader, c)
		case u.isUnitList(strings.TrimRight(strings.TrimSuffix(unit, "等"), "。.")) ||
			len([]rune(c)) <= unitCellSpan && !hasCellNumber(c) && (responsibilityEnd.MatchString(strings.TrimRight(c, "。.")) || clauseStartRe.MatchString(c)) && u.looksLikeClause(strings.TrimRight(c, "。.")):
			// 应急处、监督处等按职责分工落实: units with their verb;
			// 牵头：A 配合：B, units under their labels.
			unitCells++
			c = unit
			if k, ok := colAt[colDeadline]; ok && unitCells == 1 && cur[k] != "" && k > rowUnits {
				// A time taken before the row's units where the time
				// column stands after them was the task's text going
				// on (……改造， / 年内完成50个): the line broke the cell.
				cur[colAt[colContent]] += cur[k]
				cur[k] = ""
			}
			switch {
			case leadBefore >= 0 && len(rowUnitCols) > 0:
				put(cols[rowUnitCols[min(unitCells, len(rowUnitCols))-1]], c)
			case unitCells <= 2 && unitsBeforeLead(cols):
				// 责任单位 | 牵头单位: the cells stand in the header's order.
				put([]column{colUnits, colLead}[unitCells-1], c)
			case unitCells == 2 && coBeforeLead(cols) && cur[colAt[colCo]] == "":
				// 配合单位 | 牵头单位: of a row's two unit cells the first
				// is the co-units' (a single one leads).
				cur[colAt[colCo]], cur[colAt[colLead]] = cur[colAt[colLead]], c
			case unitCells == 1 && hasCol(cols, colLead):
				put(colLead, c)
			case unitCells == 1 && hasCol(cols, colUnits) && hasCol(cols, colCo) && colAt[colUnits] < colAt[colCo]:
				// 主要责任单位 | 协同配合单位: the first cell is the
				// responsible units', the cells after it the co-units'.
				put(colUnits, c)
			case hasCol(cols, colCo) && (hasCol(cols, colLead) || hasCol(cols, colUnits) && colAt[colUnits] < colAt[colCo]):
				put(colCo, c)
			case hasCol(cols, colUnits):
				put(colUnits, c)
			default:
				put(colLead, c)
			}
			if assessorAt >= 0 {
				// Where the cell went, for flush to take it back.
				lastUnit, lastUnitAt = c, -1
				for k := range cur {
					if unitCol(cols[k]) && strings.HasSuffix(cur[k], c) {
						lastUnitAt = k
					}
				}
			}
		case numbered && unitCells > 0 && shortTitle(c) && !hasCol(cols, colLeader) && u.unitNext(lines, j):
			// 省人口计生 between a row's units, one a line: a unit's name
			// the table cut short. It stays with the units, where it is
			// told to the office as no unit's name, not dropped.
			put(filledUnitCol(cur, cols), c)
		case hasCol(cols, colDeadline) && unitCells > 0 && cur[colAt[colDeadline]] == "" && colAt[colDeadline] > rowUnits &&
			len([]rune(c)) <= maxTimeCell && strings.ContainsAny(c, timeChars) && !hasCellNumber(c) && !looksLikePerson(c):
			// The time column's cell after the row's units, in words the
			// deadline reader does not know (省出台文件后2个月完成, a
			// page's 2016年6底前): the office reads it as written.
			put(colDeadline, c)
		case looksLikePerson(c) && hasCol(cols, colLeader) && !(unitCells > 0 && leaderFirst):
			put(colLeader, c)
			pendingLeader = ""
		case !allKnown && unitCells == 0 && second >= 0 && cur[second] == "" && !(hasCol(cols, colLeader) && looksLikePerson(c)):
			// The second task column's cell (路段名称 | 问题描述 | 责任单位
			// | 备注), before the row's units.
			cur[second] = c
		case allKnown && unitCells == 0 && !rowDone(cur) && !(hasCol(cols, colLeader) && looksLikePerson(c)):
			// The rest of the task's cell, which a PDF's line broke
			// anywhere (……全年完成改造项目 / 50个): no other column has
			// text, and none of the row's units has come yet.
			cur[colAt[colContent]] += c
		case cur != nil && unitCells == 0 && !allKnown:
			// A cell of a column the rows are not read into (单位 %, 年度
			// 目标 ≥2%), before the row's units: kept in the task's words,
			// not dropped.
			cur[colAt[colContent]] += " " + c
		}
	}
	share()
	flush()
	var t *taskTable
	if unitless {
		t = unitlessTable(rows)
	} else {
		t, _ = recogniseTable(rows)
	}
	t.flattened = true
	t.category = hasCategory
	t.sharedBelow, t.sharedAbove = shared, sharedAbove
	return t, j, true
}

// assessorHeaderRe names a column of who scores or checks the work, not
// who does it: 评分部门, 考核单位, 监测单位.
var assessorHeaderRe = regexp.MustCompile(`^(?:评分|考核|考评|评价|评估|监测|监考|督查|督办)(?:单位|部门|科室)$`)

// tableNoteRe opens the notes under a table: 注：1.推荐项目按…. Not 备注：,
// which a remarks column's cell may open with.
var tableNoteRe = regexp.MustCompile(`^注\s*[：:]`)

// maxTimeCell bounds a time cell read as written: longer text after a
// row's units is another column's.
const maxTimeCell = 30

// filledUnitCol is the last unit column of cols that row fills (colUnits
// where it fills none).
func filledUnitCol(row []string, cols []column) column {
	last := colUnits
	for k, c := range cols {
		if unitCol(c) && row[k] != "" {
			last = c
		}
	}
	return last
}

// readSeqlessHeader reads the header of a table flattened one cell a line
// that has no 序号 column, its task cells numbering themselves (领域 /
// 主要目标 / 主要责任单位 / 责任单位, then 1.妇女…): short header cells from
// a task or category column on, up to a first row cell numbered 1. It
// returns the header with a 序号 put first, for the rows' numbers, and the
// index of the line after it; nil when lines[i] opens no such header.
func readSeqlessHeader(lines []string, i int) ([]string, int, bool) {
	first := cellLine(lines, i)
	if !headerWord(first) || !isCategoryHeader(first) && !taskCol(classifyHeader(first)) {
		return nil, i, false
	}
	header := []string{"序号"}
	full := func() bool { return hasTaskCol(header) && lastUnitCol(header) >= 0 }
	for j := i; j < len(lines) && len(header) < 10; j++ {
		c := cellLine(lines, j)
		switch {
		case c == "":
			continue
		case full() && c == "1":
			// The 序号 column's header cell was left blank (| ⏎ 工作任务
			// | …): the rows start with their numbers alone, as under a
			// 序号.
			return header, j, true
		case full() && isSectionRow(c):
			// Sections' rows (一、… ⏎ (一)…) before the first row: it
			// tells the table's kind.
			k := j
			for k < len(lines) && (cellLine(lines, k) == "" || isSectionRow(cellLine(lines, k))) {
				k++
			}
			if k == len(lines) {
				return nil, i, false
			}
			if first := cellLine(lines, k); first == "1" {
				return header, j, true
			} else if num, _, ok := cellNumber(first); ok && num == "1" {
				return header, j, false
			}
			return nil, i, false
		case hasCellNumber(c):
			if num, _, _ := cellNumber(c); num != "1" || !full() {
				return nil, i, false
			}
			return header, j, false
		case full() && shortGroupCell(c) && rowNumberNext(lines, j) == "1":
			// The first group's title (做好各类规划主动公开), its
			// cell merged over the rows: the rows start with it.
			return header, j, false
		case !headerWord(headWord(c)) || classifyHeader(c) == colNone && !(j == i && isCategoryHeader(c)):
			return nil, i, false
		}
		header = append(header, c)
	}
	return nil, i, false
}

// shortGroupCell reports a cell that can title a group of rows: a few
// words, no sentence, no number.
func shortGroupCell(c string) bool {
	return fewWords(c, 20) && !hasCellNumber(c) && !bareNumberRe.MatchString(c)
}

// rowNumberNext returns the number of the task cell after lines[j], ""
// when the next cell is none.
func rowNumberNext(lines []string, j int) string {
	c, _, ok := nextCell(lines, j)
	if !ok {
		return ""
	}
	num, _, _ := cellNumber(c)
	return num
}

// headerWord reports a cell that can be a column's name and nothing else:
// a few Chinese characters (主要责任单位), no punctuation, no number.
func headerWord(c string) bool {
	n := 0
	for _, r := range c {
		if n++; n > 8 || !isHan(r) {
			return false
		}
	}
	return n >= 2
}

// isDashCell reports a cell opened by a dash (——孕产妇死亡率…): a line of a
// cell listing goals, each its own row.
func isDashCell(c string) bool {
	return strings.HasPrefix(c, "—") || strings.HasPrefix(c, "－－")
}

// numberedRowGoesOn reports whether the table of numbered cells goes on
// after the blank line at lines[j]: the next cell is a numbered one, a
// dashed one or units.
func (u unitRules) numberedRowGoesOn(lines []string, j int) bool {
	c, k, ok := nextCell(lines, j)
	return ok && (hasCellNumber(c) || isDashCell(c) || u.isUnitList(c) || shortTitle(c) && u.unitNext(lines, k))
}

// unitNext reports whether the next cell after lines[j] names units.
func (u unitRules) unitNext(lines []string, j int) bool {
	c, _, ok := nextCell(lines, j)
	return ok && u.isUnitList(c)
}

// nextRowNumber reports whether a number cell before a row's units can be
// the next row's 序号 after row last: an amount in a row (总投资 1200, in
// 万元) is a cell of its own, far ahead of the numbering. A gap of a few
// rows (an excerpt, a row the page lost) is still a row, and so is any
// number after the row's units (a section's rows picked from a longer
// list: 3, then 68). A number at or below the last row's (0, 1 of a
// target's cell) is a cell, not a row.
func nextRowNumber(c string, last int) bool {
	n := atoi(c)
	return n >= 1 && (last == 0 || n > last && n <= last+10)
}

// headWord is a header cell without its note in brackets: 责任部门 of
// 责任部门(加*号为牵头部门,其余为参与部门).
func headWord(c string) string {
	if i := strings.IndexAny(c, "(（"); i > 0 {
		return c[:i]
	}
	return c
}

// shortTitle reports a cell that can be a group's title (公共文化服务,
// 三建设一整治): short, no sentence in it.
func shortTitle(c string) bool {
	return fewWords(c, 12)
}

// fewWords reports a cell of n characters at most and no sentence.
func fewWords(c string, n int) bool {
	return len([]rune(c)) <= n && !strings.ContainsAny(c, "。；;，,")
}

// cellLine is line k of a table flattened one cell a line, without the
// | a page may leave after it.
func cellLine(lines []string, k int) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(lines[k]), "|"))
}

// blankEndsCellTable reports whether the blank line at lines[j] ends a
// table flattened one cell a line: the line after it starts no row (a
// signature, its date). The reader keeps such a line only where a page's
// table ends (docread.Block).
func blankEndsCellTable(lines []string, j int) bool {
	c, _, ok := nextCell(lines, j)
	return ok && !bareNumberRe.MatchString(c) && !parenNumberRe.MatchString(c) && !isSectionRow(c)
}

// nextCell returns the first cell after lines[j], blank lines skipped, and
// its index; ok is false when none follows.
func nextCell(lines []string, j int) (c string, k int, ok bool) {
	for k = j + 1; k < len(lines); k++ {
		if c = cellLine(lines, k); c != "" {
			return c, k, true
		}
	}
	return "", 0, false
}

// readCellHeader reads the header of a table flattened one cell a line:
// short lines from a 序号 line at lines[i] up to the first row number,
// joining a header broken over two lines. It returns the header (nil when
// lines[i] is no 序号) and the index of the line after it.
func readCellHeader(lines []string, i int) ([]string, int) {
	// A short column before the 序号 (类别) belongs to the header too.
	if c := cellLine(lines, i); categoryHeaderRe.MatchString(c) && i+1 < len(lines) && classifyHeader(cellLine(lines, i+1)) == colSeq {
		header, j := readCellHeader(lines, i+1)
		if header == nil {
			return nil, i
		}
		// The first row's category cell (发展目标, merged over the rows
		// below) stands between the header and the row's number: a task
		// column after the unit columns when the header has one already.
		if n := len(header); n > 2 && taskCol(classifyHeader(header[n-1])) && unitCol(classifyHeader(header[n-2])) && hasTaskCol(header[:n-1]) {
			header = header[:n-1]
			for j--; j > i && cellLine(lines, j) == ""; j-- {
			}
		}
		return append([]string{c}, header...), j
	}
	// A unit column before the 序号 (牵头单位 | 序号 | 任务内容 | …): a
	// table grouped by its lead, whose cell is merged over its rows.
	if c := cellLine(lines, i); unitCol(classifyHeader(c)) && i+1 < len(lines) && classifyHeader(cellLine(lines, i+1)) == colSeq {
		header, j := readCellHeader(lines, i+1)
		if header == nil {
			return nil, i
		}
		// The first row's lead cell stands before its number: a unit's
		// name, not a column's.
		if n := len(header); n > 2 && classifyHeader(header[n-1]) == colNone && agencyEndRe.MatchString(header[n-1]) {
			for j--; j > i && cellLine(lines, j) != header[n-1]; j-- {
			}
			header = header[:n-1]
		}
		return append([]string{c}, header...), j
	}
	if classifyHeader(headerLineCells(lines[i])[0]) != colSeq {
		return nil, i
	}
	var header []string
	j := i
	for ; j < len(lines) && len(header) < 14; j++ {
		c := cellLine(lines, j)
		if c == "" {
			continue
		}
		cells := headerLineCells(lines[j])
		if j > i && len(cells) == 1 && (bareNumberRe.MatchString(c) || parenMarkerRe.MatchString(c) || isSectionRow(c) || len([]rune(c)) > 12 && classifyHeader(headWord(c)) == colNone) {
			break
		}
		for _, c := range cells {
			// A header broken over two lines: 牵头责任 / 单位, 责任 /
			// 领导, 攻坚目标 / 任务, 落实情况 / (全年).
			if n := len(header); n > 1 && (headerContinues(header[n-1], c) || strings.HasPrefix(c, "(") || strings.HasPrefix(c, "（")) {
				header[n-1] += c
				continue
			}
			header = append(header, c)
		}
	}
	return guessContent(header), j
}

// headerLineCells returns the header cells on a line of a table flattened
// one cell a line: its one cell, or the cells a page wrote on it between |
// when it broke the header's row over lines (序号 | 重点任务 | ⏎ 完成时间 |
// 责任人 | 进展情况 |): short cells, one at least a column's name.
func headerLineCells(l string) []string {
	cells := rowCells(l)
	if len(cells) < 2 {
		return []string{strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), "|"))}
	}
	known := false
	for _, c := range cells {
		if !fewLetters(c, 8) || strings.ContainsAny(c, "。；;，,") {
			return []string{strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), "|"))}
		}
		known = known || classifyHeader(c) != colNone
	}
	if !known {
		return []string{strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), "|"))}
	}
	return cells
}

// unitsBeforeLead reports a header with a 责任单位 column before its
// 牵头单位 column and no 配合单位.
func unitsBeforeLead(cols []column) bool {
	u, l := firstCol(cols, colUnits), firstCol(cols, colLead)
	return u >= 0 && l > u && !hasCol(cols, colCo)
}

// coBeforeLead reports a header with its 配合单位 column before its
// 牵头单位 column.
func coBeforeLead(cols []column) bool {
	c, l := firstCol(cols, colCo), firstCol(cols, colLead)
	return c >= 0 && l > c
}

func taskCol(c column) bool { return c == colContent || c == colTitle }

func unitCol(c column) bool { return c == colLead || c == colCo || c == colUnits }

func hasTaskCol(header []string) bool {
	for _, h := range header {
		if taskCol(classifyHeader(h)) {
			return true
		}
	}
	return false
}

var personRe = regexp.MustCompile(`^[\p{Han}]{1,2}\s?[\p{Han}]{1,2}(\s*[\p{Han}]{1,2}\s?[\p{Han}]{1,2})*$`)

// looksLikePerson reports whether a cell holds people's names (王 东,
// 陆 明俞 悦): short, Han only, no unit suffix.
func looksLikePerson(c string) bool {
	return len([]rune(c)) <= 12 && personRe.MatchString(c) && !orgEndRe.MatchString(c)
}

// orgEndRe ends the name of an organisation, never a person's (文化宣传股).
var orgEndRe = regexp.MustCompile(`(?:局|委|办|厅|股|科|室|队|站|所|中心|公司|馆|院|会)$`)

// pipeCell reports whether a line of a table flattened one cell a line
// starts a cell with the | a page put before it (| 目 标 任 务), and the
// cell's text; a bare | closes a row.
func pipeCell(l string) (string, bool) {
	l = strings.TrimSpace(l)
	if !strings.HasPrefix(l, "|") && !strings.HasPrefix(l, "｜") {
		return "", false
	}
	_, size := utf8.DecodeRuneInString(l)
	return strings.TrimSpace(l[size:]), true
}

// readPipeCellTable reads a table flattened one cell a line where each cell
// after a row's first starts with | and a bare | ends the row (牵头单位 /
// | 目 标 任 务 / | 责 任 单 位 / |). A cell may run over several lines, a
// narrow one a few characters a line (市 / 监 / 察 / 局). Cells a merged
// cell covered are missing: a row whose first cell is no unit list starts
// at the task column, and its empty lead takes the lead of the row above.
// Rows need no 序号.
func readPipeCellTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	if _, ok := pipeCell(lines[i]); ok || classifyHeader(lines[i]) == colNone {
		return nil, 0, false
	}
	// The header: the first cell, then | cells up to a bare |.
	header := []string{strings.TrimSpace(lines[i])}
	j := i + 1
	for ; j < len(lines) && len(header) < 12; j++ {
		c, ok := pipeCell(lines[j])
		if !ok {
			return nil, 0, false
		}
		if c == "" {
			j++
			break
		}
		header = append(header, strings.Join(strings.Fields(c), ""))
	}
	probe, ok := recogniseTable([][]string{header})
	if len(header) < 3 || !ok {
		return nil, 0, false
	}
	cols := probe.cols
	content := firstCol(cols, colContent)
	lead := firstCol(cols, colLead)
	rows := [][]string{header}
	prevLead := ""
	for j < len(lines) {
		// One row: the lines up to a bare |, or to the end.
		var cells []string
		piped, closed := false, false
		k := j
		for ; k < len(lines); k++ {
			l := strings.TrimSpace(lines[k])
			if l == "" {
				continue
			}
			c, isPipe := pipeCell(l)
			if isPipe && c == "" {
				k++
				closed = true
				break
			}
			if isPipe {
				piped = true
				cells = append(cells, c)
				continue
			}
			if len(cells) == 0 {
				cells = append(cells, l)
				continue
			}
			cells[len(cells)-1] += l
		}
		if len(cells) == 0 || !piped && !closed || isSectionRow(cells[0]) {
			break
		}
		row := make([]string, len(cols))
		at := 0
		if len(cells) < len(cols) && content > 0 && !u.isUnitList(strings.TrimRight(cells[0], "。")) {
			at = content
		}
		for n, c := range cells {
			row[min(at+n, len(cols)-1)] += c
		}
		if lead >= 0 {
			if row[lead] == "" && row[content] != "" && rowHasUnits(row, cols) {
				row[lead] = prevLead
			}
			if row[lead] != "" {
				prevLead = row[lead]
			}
		}
		rows = append(rows, row)
		j = k
	}
	if len(rows) < 2 {
		return nil, 0, false
	}
	t, _ := recogniseTable(rows)
	return t, j, true
}

// rowHasUnits reports whether a row fills a unit column other than the
// lead's.
func rowHasUnits(row []string, cols []column) bool {
	for k, c := range cols {
		if (c == colUnits || c == colCo) && strings.TrimSpace(row[k]) != "" {
			return true
		}
	}
	return false
}

var (
	spaceRunRe  = regexp.MustCompile(`[ \x{3000}\x{00a0}]+`)
	wideSpaceRe = regexp.MustCompile(`[ \x{00a0}]{2,}|\x{3000}+`)
	spaceRowRe  = regexp.MustCompile(`^\s*(\d{1,4}|[（(]\d{1,3}[)）])[ \x{3000}\x{00a0}]+\S`)
)

// spaceCells cuts a line of a table whose cells a page left separated by
// spaces: at wide gaps (two spaces or more, or an ideographic space) when
// the line has any, so a single space inside a cell (各县市区政府、
// 开发区管委会) stays; else at every space.
func spaceCells(l string) []string {
	l = strings.TrimSpace(l)
	if wideSpaceRe.MatchString(l) {
		return wideSpaceRe.Split(l, -1)
	}
	return spaceRunRe.Split(l, -1)
}

// readSpaceTable reads a table whose cells a page left separated by spaces
// (序号  项目内容  牵头单位  配合单位  完成时限, then 1  建成…  区民政局 …): a
// header line whose cells all name columns, then rows that start with a
// number. Each row is cut at its spaces and read cell by cell as
// readCellTable reads a table flattened one cell a line. The row's text is
// what lies between its number and the first cell that is units, a person
// or a date, so a space inside the text does not cut it.
func readSpaceTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	// The header holds a 序号 (or 编号): most lines need not be split.
	if !strings.ContainsAny(lines[i], "序编") {
		return nil, 0, false
	}
	// The line starts with its 序号, or a category column's word.
	if f := strings.Fields(lines[i]); len(f) < 3 || classifyHeader(f[0]) != colSeq && !categoryHeaderRe.MatchString(f[0]) {
		return nil, 0, false
	}
	split := spaceCells
	header := joinSpacedLetters(split(lines[i]))
	if !namesColumns(header) || strings.Contains(strings.Join(header, "|"), " ") {
		// 牵头  领导 牵头         责任单位: the page spread the header's
		// words wider than it parted its cells; cut at every space and
		// close up the words that make one label.
		if alt := joinLabelWords(joinSpacedLetters(everySpace(lines[i]))); namesColumns(alt[:lastUnitCol(alt)+1]) {
			split, header = everySpace, alt
		}
	}
	// A short column before the 序号 (类别 | 序号 | …): each row's first
	// cell is dropped, and the rows read from their number.
	lead := len(header) > 3 && categoryHeaderRe.MatchString(header[0]) && classifyHeader(header[1]) == colSeq
	if lead {
		header = header[1:]
	}
	if len(header) < 3 || classifyHeader(header[0]) != colSeq {
		return nil, 0, false
	}
	if _, ok := recogniseTable([][]string{header}); !ok && !unitlessHeader(header) {
		return nil, 0, false
	}
	// Columns the rows are not read into (进展情况, 备注) may stand after
	// the unit columns; elsewhere the line is more likely a sentence.
	lastUnit := lastUnitCol(header)
	for k, h := range header {
		if classifyHeader(h) == colNone && k < lastUnit {
			return nil, 0, false
		}
	}
	cells := append([]string(nil), header...)
	j := i + 1
	rows := 0
	// A row's cells on its own line, and the lines that go on with it.
	width, rowLen := len(header), 0
	lastRow := false // the last line read is a row's
	var pending []string
	flush := func() {
		cells, pending = u.continueRow(cells, pending, width-rowLen), nil
	}
	for ; j < len(lines); j++ {
		l := strings.TrimSpace(strings.TrimRight(lines[j], "| "))
		if lead {
			if parts := split(l); len(parts) > 2 && spaceRowRe.MatchString(strings.Join(parts[1:], "  ")) {
				if isSectionRow(parts[0]) {
					cells = append(cells, parts[0])
				}
				l = strings.Join(parts[1:], "  ")
			}
		}
		switch {
		case l == "":
			lastRow = false // a cell's rest follows its row at once
			continue
		case spaceRowRe.MatchString(l):
			flush()
			rows++
			row := u.spaceRowCells(split(l))
			cells, rowLen, lastRow = append(cells, row...), len(row), true
			continue
		case isSectionRow(l) && len([]rune(l)) <= 60:
			flush()
			cells, rowLen, lastRow = append(cells, l), width, false
			continue
		case lastRow && len(pending) == 0 && u.restOfCells(cells[len(cells)-rowLen:], split(l)):
			// 成改造项目50个 人民政府: the rest of the row's cells a line
			// broke, each piece after the cell it goes on.
			continue
		case rows > 0 && u.isUnitList(strings.TrimRight(split(l)[0], "。.")):
			// A row's unit cell broken over lines (县卫健委 各乡镇 /
			// 县开发区 / 县直有关单位 …): the line goes on with the row.
			pending = append(pending, split(l)...)
			continue
		}
		break
	}
	flush()
	if rows == 0 {
		return nil, 0, false
	}
	t, _, ok := readCells(cells, 0, u, false)
	if !ok {
		return nil, 0, false
	}
	return t, j, true
}

// restOfCells writes into row (its number, its text, then its other
// cells) the pieces of a line that are the rest of its cells a line broke
// (a PDF's row copied with single spaces: 1 推进…全年完 市住建局 市财政局、各区
// 2024年底前, then 成改造项目50个 人民政府), and reports whether every piece
// found its cell: a unit's name's rest after the unit cell it completes
// (各区 / 人民政府, 市交通运输 / 局), any other piece, first, after the
// task's text. Nothing is written when a piece finds none, or is longer
// than a cell's line.
func (u unitRules) restOfCells(row, pieces []string) bool {
	if len(row) < 3 || len(pieces) == 0 {
		return false
	}
	out := slices.Clone(row)
	for k, p := range pieces {
		if len([]rune(p)) > 20 {
			return false // longer than a cell's line: text after the table
		}
		placed := false
		for c := 2; c < len(out) && !placed; c++ {
			if u.completesUnit(out[c], p) {
				out[c] += p
				placed = true
			}
		}
		if !placed && k == 0 && !u.isUnitList(p) && cellDeadline(p, 0) == nil && !strings.HasSuffix(out[1], "。") {
			out[1] += p
			placed = true
		}
		if !placed {
			return false
		}
	}
	copy(row, out)
	return true
}

// completesUnit reports a piece that completes the last unit of a unit
// cell a line broke: a name's head and its tail (see brokenUnit), or a
// level's collective and its body (各区 / 人民政府).
func (u unitRules) completesUnit(cell, piece string) bool {
	if bareBodyRe.MatchString(piece) && strings.Contains(cell, "各") {
		if last := lastListed(cell); strings.HasPrefix(last, "各") && bareLevelRe.MatchString(strings.TrimPrefix(last, "各")) {
			return true
		}
	}
	return u.brokenUnit(cell, piece)
}

// everySpace cuts a line at every run of spaces.
func everySpace(l string) []string {
	return spaceRunRe.Split(strings.TrimSpace(l), -1)
}

// firstUnitCol is the index of the first unit column, len(cols) for none.
func firstUnitCol(cols []column) int {
	for k, c := range cols {
		if unitCol(c) {
			return k
		}
	}
	return len(cols)
}

// lastUnitCol is the index of a header's last unit column, -1 for none.
func lastUnitCol(header []string) int {
	last := -1
	for k, h := range header {
		if unitCol(classifyHeader(h)) {
			last = k
		}
	}
	return last
}

// namesColumns reports whether every cell of a header names a column.
func namesColumns(header []string) bool {
	for _, h := range header {
		if classifyHeader(h) == colNone {
			return false
		}
	}
	return true
}

// labelNounRe is the noun that closes a column's label (牵头 领导, 配合
// 责任单位) when a page spread the label's words apart.
var labelNounRe = regexp.MustCompile(`^(?:领导|单位|部门|责任单位|责任部门|责任人|时限)$`)

// joinLabelWords closes up a header's words that make one label
// together: 牵头 领导 → 牵头领导, 主体 责任单位 → 主体责任单位.
func joinLabelWords(tokens []string) []string {
	var out []string
	for k := 0; k < len(tokens); k++ {
		if k+1 < len(tokens) && labelNounRe.MatchString(tokens[k+1]) && classifyHeader(tokens[k]+tokens[k+1]) != colNone {
			out = append(out, tokens[k]+tokens[k+1])
			k++
			continue
		}
		out = append(out, tokens[k])
	}
	return out
}

// spaceRowCells joins the pieces of a row's text that spaces cut apart:
// the row's number, then its text up to the first piece that is units
// (or labels them: 牵头：A；配合：B), a person or a date, then the other
// pieces one by one.
func (u unitRules) spaceRowCells(parts []string) []string {
	k := 2
	for k < len(parts) && !u.isUnitList(strings.TrimRight(parts[k], "、")) && !looksLikePerson(parts[k]) && !(len([]rune(parts[k])) <= 20 && cellDeadline(parts[k], 0) != nil) &&
		!(clauseStartRe.MatchString(parts[k]) && u.looksLikeClause(parts[k])) {
		k++
	}
	out := []string{parts[0], strings.Join(parts[1:min(k, len(parts))], " ")}
	return append(out, parts[min(k, len(parts)):]...)
}

// continueRow adds to cells the lines that went on with the row last
// added, which lacks missing cells: the last lines are those cells, and
// the lines before them go on with the row's last cell, a cell whose units
// stand one a line (区财政局 / 区税务局 / then the next cell's line), or
// whose last unit's name the line broke (各区人民 / 政府). With no cell
// missing, or as many lines as cells missing, each line is a cell.
func (u unitRules) continueRow(cells, lines []string, missing int) []string {
	if extra := len(lines) - missing; missing > 0 && extra > 0 && len(cells) > 0 {
		last := len(cells) - 1
		for _, l := range lines[:extra] {
			if u.completesUnit(cells[last], l) {
				cells[last] += l
			} else {
				cells[last] += "、" + l
			}
		}
		lines = lines[extra:]
	}
	return append(cells, lines...)
}

// metaLabelRe is a page's metadata label (索引号:, 成文日期:, 发布机构:),
// which ends a table pasted above it.
var metaLabelRe = regexp.MustCompile(`^\p{Han}{2,6}\s*[:：]$`)

// rowLayout is what aligning a row takes from its table's header, worked
// out once a table: where the 序号 stands, and whether a category column
// comes first.
type rowLayout struct {
	width    int
	seq      int // -1 when the header has no 序号
	category bool
	cols     []column // the header's columns, when recognised
}

func layoutOf(header []string) rowLayout {
	l := rowLayout{width: len(header), seq: -1, category: len(header) > 0 && isCategoryHeader(header[0])}
	for i, h := range header {
		if classifyHeader(h) == colSeq {
			l.seq = i
			break
		}
	}
	return l
}

// headingCols are the columns whose cell may head the rows below with a
// section's number: a title column, and every task column but the last
// (工作目标 | 工作内容 | 工作措施, each a level of the document's
// numbering).
func (l rowLayout) headingCols() []int {
	var task []int
	for k, c := range l.cols {
		if taskCol(c) {
			task = append(task, k)
		}
	}
	var out []int
	for n, k := range task {
		if l.cols[k] == colTitle || n < len(task)-1 {
			out = append(out, k)
		}
	}
	return out
}

// align puts a row that lacks leading cells (a category cell merged over
// the rows below: 一、… | 1 | … then 2 | …) under the header: its row
// number under the 序号.
func (l rowLayout) align(cells []string) []string {
	if l.seq <= 0 || len(cells) == 0 || len(cells) >= l.width || !bareNumberRe.MatchString(cells[0]) {
		// No 序号, but a category column first whose merged cell the row
		// lacks: 类别 | 民生事项名称 | … then 15.推进… | ….
		if l.seq < 0 && l.category && len(cells) > 1 && hasCellNumber(cells[0]) {
			return append([]string{""}, cells...)
		}
		return cells
	}
	return append(make([]string, l.seq), cells...)
}

// continues reports a row of cells that is the rest of the row last,
// whose cells a line broke (a PDF's table, or a cell of two paragraphs):
// it has neither a 序号 nor a task's text, where the header has both.
func (l rowLayout) continues(last, cells []string) bool {
	content := slices.Index(l.cols, colContent)
	if l.seq < 0 || content < 0 || len(last) < 2 || len(cells) <= l.seq || cells[l.seq] != "" || content < len(cells) && cells[content] != "" {
		return false
	}
	return slices.ContainsFunc(cells, func(c string) bool { return c != "" })
}

// taskCellOnly reads a line without separators that numbers on the task
// cells of the row above (8.持续深化… after 7.积极推进… | 市财政局牵头…): a row
// whose other cells are merged with the row above's, so only its task cell
// is on its line. It returns the row, nil when l is none.
func (l rowLayout) taskCellOnly(last []string, line string) []string {
	content := slices.Index(l.cols, colContent)
	if content < 0 || content >= len(last) {
		return nil
	}
	n, _, ok := cellNumber(last[content])
	m, _, ok2 := cellNumber(line)
	if !ok || !ok2 || atoi(m) != atoi(n)+1 {
		return nil
	}
	row := make([]string, l.width)
	row[content] = line
	return row
}

// joinRest writes the rest of a row (see continues) into its cells: after
// a line break in a unit's cell (市财政局、各区人民 / 政府, 牵头：A / 配合：B),
// read as the cell's lines are; in another cell, without a break.
func (l rowLayout) joinRest(last, rest []string, u unitRules) []string {
	row := slices.Clone(last)
	for i, c := range rest {
		switch {
		case c == "":
		case i >= len(row):
			row = append(row, make([]string, i-len(row))...)
			row = append(row, c)
		case row[i] == "":
			row[i] = c
		case i < len(l.cols) && !unitCol(l.cols[i]) || u.completesUnit(row[i], c):
			row[i] += c // a text, a time or a name a line broke: 2024年12月 / 底前
		default:
			row[i] += "\n" + c
		}
	}
	return row
}

// nameHeadRe and nameTailRe are the two halves of a unit's name a line
// break cut inside its cell: 市生态 / 环境局, 市交通运输 / 局, 各区人民 /
// 政府. A tail never opens with a level of its own (市商务局 is a name).
var (
	nameHeadRe = regexp.MustCompile(`^[省市县区各][^\s]{1,9}$`)
	nameTailRe = regexp.MustCompile(`^[^省市县区各国\s、，,；;：:]\p{Han}{0,7}$`)
)

// brokenUnit reports a unit cell that a line break cut inside a unit's
// name, next being the line after it: c is no list of units, its last name
// is a head (nameHeadRe) after names that are units, next is a tail, and
// together they are a list of units (市财政局、各区人民 / 政府).
func (u unitRules) brokenUnit(c, next string) bool {
	if !nameTailRe.MatchString(next) || u.isUnitList(c) {
		return false
	}
	head, last := "", c
	if k := strings.LastIndex(c, "、"); k >= 0 {
		head, last = c[:k], c[k+len("、"):]
	}
	return nameHeadRe.MatchString(last) && (head == "" || u.isUnitList(head)) && u.isUnitList(c+next)
}

// headerCellsOnly reports cells that all name columns.
func headerCellsOnly(cells []string) bool {
	for _, c := range cells {
		if classifyHeader(c) == colNone {
			return false
		}
	}
	return true
}

// trimEmpty drops a row's empty cells at its end (the 备注 a row leaves
// blank, a stray | after the last cell).
func trimEmpty(cells []string) []string {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// unitsInPlace reports whether a short row read cell by cell under the
// header puts units under a unit column: only then does it stand as it
// is (a row whose last cells the page left out: 1 | 任务 | 市发改委).
func (l rowLayout) unitsInPlace(cells []string, u unitRules) bool {
	for k, c := range cells {
		if k < len(l.cols) && unitCol(l.cols[k]) && c != "" {
			return u.isUnitList(strings.TrimRight(strings.TrimSuffix(unitPart(c, u), "等"), "。.")) || u.looksLikeClause(c)
		}
	}
	return false
}

// byContent puts a row that lacks cells (a task cell merged over the rows
// below it: 一、做好…。 | 1.积极… | 财务科 then 3.及时… | 各科室) under
// the header by what its cells hold: its run of unit cells under the unit
// columns from the first on, the cells after them under the columns after
// the units (a date under the time column), the text cells before them
// right-aligned against the first unit column, a leading bare number
// under the 序号. A row that does not fit so is left as it was.
func (l rowLayout) byContent(cells []string, u unitRules) []string {
	isUnits := func(c string) bool { return isUnitCell(c, u) }
	fu := slices.IndexFunc(cells, isUnits)
	firstUnit := slices.IndexFunc(l.cols, unitCol)
	if fu < 0 || firstUnit < 0 {
		return cells
	}
	fe := fu
	for fe < len(cells) && isUnits(cells[fe]) {
		fe++
	}
	out := make([]string, l.width)
	col := firstUnit
	for _, c := range cells[fu:fe] {
		if col >= l.width || !unitCol(l.cols[col]) {
			return cells
		}
		out[col] = c
		col++
	}
	for _, c := range cells[fe:] {
		for col < l.width && unitCol(l.cols[col]) {
			col++
		}
		if len([]rune(c)) <= 20 && cellDeadline(c, 0) != nil {
			if k := slices.Index(l.cols[col:], colDeadline); k >= 0 {
				col += k
			}
		}
		if col >= l.width {
			return cells
		}
		out[col] = c
		col++
	}
	text := cells[:fu]
	if len(text) > 0 && l.seq >= 0 && bareNumberRe.MatchString(text[0]) {
		out[l.seq], text = text[0], text[1:]
	}
	// A time cell just before the units, under a time column that stands
	// before them (任务内容 | 完成时限 | 责任单位): that column's.
	if n := len(text); n > 1 {
		if k := slices.Index(l.cols[:firstUnit], colDeadline); k >= 0 && out[k] == "" && len([]rune(text[n-1])) <= 20 && cellDeadline(text[n-1], 0) != nil {
			out[k], text = text[n-1], text[:n-1]
		}
	}
	col = firstUnit - 1
	for k := len(text) - 1; k >= 0; k-- {
		for col >= 0 && (l.cols[col] == colSeq || l.cols[col] == colLeader || l.cols[col] == colDeadline) {
			col--
		}
		if col < 0 {
			return cells
		}
		out[col] = text[k]
		col--
	}
	return out
}

// dueTailRe is the rest of a time a line broke after its month or year
// (2024年12月 / 底前, 2024年 / 6月底前 aside: that is a time of its own).
var dueTailRe = regexp.MustCompile(`^(?:[底末初]|上旬|中旬|下旬)?(?:前|以前|之前)(?:完成)?$|^[底末]$`)

// sectionCell reports a row whose 序号 cell is a section's number
// (（二） | 交通出行 | |): it heads the rows below and has no units to put in
// place, whatever its title looks like (交通出行 ends as a bank does).
func sectionCell(cells []string, seq int) bool {
	if seq < 0 || seq >= len(cells) {
		return false
	}
	m, ok := rowMarker(cells[seq])
	return ok && (m.style == styleCN || m.style == styleCNParen)
}

// readBarTable reads a table flattened with a line holding only | after
// each cell, a cell running over as many lines as it needs (类别 / | /
// 序号 / | / … / (一) / 持续 / 推进 / | / 1 / | …): the lines between two
// | lines make one cell, and the cells are read as readCellTable reads a
// table flattened one cell a line.
func readBarTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	first := strings.TrimSpace(lines[i])
	seqless := classifyHeader(first) != colSeq && !categoryHeaderRe.MatchString(first)
	if seqless && (classifyHeader(first) == colNone || i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "|") {
		return nil, 0, false
	}
	var cells []string
	var cur strings.Builder
	j := i
	for ; j < len(lines); j++ {
		l := strings.TrimSpace(lines[j])
		if l == "|" {
			cells = append(cells, cur.String())
			cur.Reset()
			continue
		}
		if l == "" {
			continue
		}
		if cur.Len() == 0 && len(cells) > 0 && (isSectionRow(l) && !parenMarkerRe.MatchString(l) && len([]rune(l)) > 8) {
			break // a heading of the text after the table
		}
		cur.WriteString(l)
	}
	if cur.Len() > 0 {
		cells = append(cells, cur.String())
	}
	if len(cells) < 6 {
		return nil, 0, false
	}
	if seqless {
		return barRows(cells, j, u)
	}
	t, _, ok := readCells(cells, 0, u, false)
	if !ok {
		return nil, 0, false
	}
	return t, j, true
}

// barRows reads the cells of a bar table without a 序号 (任务 / | /
// 责任单位 / | / 时限 / | / then each row's cells): its header is its
// leading cells that name columns, and every row has as many cells.
func barRows(cells []string, end int, u unitRules) (*taskTable, int, bool) {
	w := 0
	for w < len(cells) && classifyHeader(cells[w]) != colNone {
		w++
	}
	if w < 3 || len(cells) < 2*w {
		return nil, 0, false
	}
	rows := [][]string{cells[:w]}
	for k := w; k+w <= len(cells); k += w {
		rows = append(rows, cells[k:k+w])
	}
	t, ok := recogniseTable(rows)
	if !ok || !slices.ContainsFunc(t.cols, unitCol) {
		return nil, 0, false
	}
	// Every row must hold units under its unit columns and a time under
	// its time column, or the rows are not as wide as the header (a
	// merged cell, a 序号 with no header of its own): then each row ends
	// at its units (see unitEndedRows).
	for _, r := range rows[1:] {
		for k, c := range r {
			switch col := t.cols[k]; {
			case c == "":
			case unitCol(col) && !isUnitCell(c, u), col == colDeadline && cellDeadline(c, 0) == nil:
				return unitEndedBar(cells, end, u)
			}
		}
	}
	return t, end, true
}

// unitEndedBar reads a bar table's cells as rows that end at their units,
// when every cell is read so.
func unitEndedBar(cells []string, end int, u unitRules) (*taskTable, int, bool) {
	header, cols, n, ok := unitEndedHeader(cells)
	if !ok {
		return nil, 0, false
	}
	rows, used, ok := unitEndedRows(cells, header, cols, n, u)
	if !ok || used < len(cells)-maxRowText {
		return nil, 0, false
	}
	t, ok := recogniseTable(rows)
	return t, end, ok
}

var unitHeadRe = regexp.MustCompile(`^(\S+)[ \x{3000}]+(\p{Han}{2,3})$`)

// unitPart is a cell without the head a unit cell may name after the
// unit (市民政局 伍泽国 → 市民政局); any other cell as it is.
func unitPart(c string, u unitRules) string {
	m := unitHeadRe.FindStringSubmatch(strings.TrimSpace(c))
	if m == nil || !looksLikePerson(m[2]) || u.plausible(m[2]) || !u.isUnitList(m[1]) {
		return c
	}
	return m[1]
}

func hasCellNumber(c string) bool {
	_, _, ok := cellNumber(c)
	return ok
}
