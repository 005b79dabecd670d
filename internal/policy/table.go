package policy

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// column is what a table column holds, recognised by its header words.
type column int

const (
	colNone column = iota
	colSeq
	colTitle
	colContent
	colLead
	colCo
	colUnits
	colDeadline
	colLeader
)

var columnWords = []struct {
	re  *regexp.Regexp
	col column
}{
	{regexp.MustCompile(`^(序号|编号|序|项次|序次|任务项|任务序号|任务编号)$`), colSeq},
	{regexp.MustCompile(`领导|责任人`), colLeader},
	{regexp.MustCompile(`^牵头$|(牵头|主办|主责)(组织实施|组织|实施|落实)?(责任|负责)?(单位|部门|处室|科室|股室)`), colLead},
	{regexp.MustCompile(`配合|协办|(参与|参加|协助|支持)(单位|部门|处室|科室)|协同|协作单位|其他责任`), colCo},
	{regexp.MustCompile(`(责任|负责|实施|承办|落实|执行)(单位|部门|主体|科室|处室|股室)|指导部门|(?:任务|部门|责任|职责)分工$`), colUnits},
	{regexp.MustCompile(`时限|完成时间|时间节点|时间安排|时间要求|截止时间|进度安排|完成期限|起止年限|时间进度|进度要求|办结时间|完成节点`), colDeadline},
	{regexp.MustCompile(`(任务|举措|项目|事项)(名称)?$|^改革举措$|^工作任务$|^重点任务$`), colTitle},
	{regexp.MustCompile(`内容|措施|任务|目标|指标|事项|工作|名称$|要求$|问题`), colContent},
}

func classifyHeader(cell string) column {
	head := headWord(cell)
	if !fewLetters(head, 12) {
		return colNone // every line of a text is asked: most are long
	}
	c := strings.Join(strings.Fields(head), "")
	c = strings.ReplaceAll(c, "\u3000", "")
	if c == "" {
		return colNone
	}
	for _, w := range columnWords {
		if w.re.MatchString(c) {
			return w.col
		}
	}
	return colNone
}

// fewLetters reports whether s has at most n characters besides spaces.
func fewLetters(s string, n int) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			if n--; n < 0 {
				return false
			}
		}
	}
	return true
}

// taskTable is a table whose columns were recognised.
type taskTable struct {
	cols []column
	rows [][]string // data rows, header removed
	// line is the index of the text line the table stood before, so a
	// table right under a heading (一、重点工作任务) is read as its items.
	line int
	// goals is set when the content column is headed as goals (预期目标,
	// 主要指标): its rows are targets.
	goals bool
	// tasks is set when the content column calls its rows tasks (重点工作
	// 任务): a run of numeric goals among them stays tasks.
	tasks bool
	// unitless is set for a table with no unit column: its rows name no
	// units and share none.
	unitless bool
	// attachment is the attachment line the table stands under (附件,
	// 附件2), "" when none: its rows' paths start with it where their
	// numbers reuse the text's.
	attachment string
	// flattened is set for a table read from text one cell a line, where
	// a merged cell is left on its first row only: a row without a
	// deadline or leader shares the row above's.
	flattened bool
	// category is set when the first column groups the rows (分类): a
	// row whose group is headed as goals (发展目标) is a target.
	category bool
	// heads are the header's cells, where the table was read with one: a
	// second task column's cell joins the task's text under its name.
	heads []string
	// note is a review note every row carries (how its cells were guessed).
	note string
	// sharedBelow holds the rows (by their first cell) whose units were
	// taken from the row below, the cell listing them merged over both.
	sharedBelow map[*string]bool
	// sharedAbove holds the rows (by their first cell) whose lead was
	// taken from a row above, the cell naming it merged over them.
	sharedAbove map[*string]bool
}

// goalHeaderRe matches a content column that holds goals, not work.
var goalHeaderRe = regexp.MustCompile(`^(主要|预期|年度|主要预期|预期性|约束性|考核|绩效)?(目标|指标)(值)?$`)

// taskHeaderRe matches a content column that names its rows as work to do,
// not figures to reach (重点工作任务, 工作任务, 重点任务; not 目标任务).
var taskHeaderRe = regexp.MustCompile(`^[^目标指]*(?:工作任务|重点任务)$`)

// recogniseTable returns the table's column layout when it is a task table:
// it must have a content column and a unit column.
func recogniseTable(rows [][]string) (*taskTable, bool) {
	for h := 0; h < len(rows) && h < 3; h++ {
		cols := make([]column, len(rows[h]))
		has := map[column]bool{}
		for i, c := range rows[h] {
			cols[i] = classifyHeader(c)
			has[cols[i]] = true
		}
		// 任务名称 + 任务内容: the first is the title; a lone title-like
		// column is the content, and so is one after the content (重点工作
		// | … | 攻坚目标任务).
		if has[colTitle] && has[colContent] && firstCol(cols, colTitle) > firstCol(cols, colContent) {
			for i := range cols {
				if cols[i] == colTitle {
					cols[i] = colContent
				}
			}
			has[colTitle] = false
		}
		// 指标 | 工作任务: of two task columns the first groups the rows.
		if !has[colTitle] && countCol(cols, colContent) >= 2 {
			if k := firstCol(cols, colContent); k >= 0 && groupHeaderRe.MatchString(strings.Join(strings.Fields(rows[h][k]), "")) {
				cols[k] = colTitle
				has[colTitle] = true
			}
		}
		if has[colTitle] && !has[colContent] {
			// A lone title-like column is the content; of two (项目 |
			// 重点工作目标任务), the second.
			k := firstCol(cols, colTitle)
			for i := len(cols) - 1; i > k; i-- {
				if cols[i] == colTitle {
					k = i
					break
				}
			}
			cols[k] = colContent
			has[colContent] = true
		}
		if has[colContent] && (has[colLead] || has[colUnits]) {
			data := rows[h+1:]
			if len(data) > 0 && lowerHeader(cols, rows[h], data[0]) {
				data = data[1:]
			}
			t := &taskTable{cols: cols, rows: categorySections(rows[h], data), heads: rows[h]}
			if k := firstCol(cols, colContent); k >= 0 {
				head := strings.Join(strings.Fields(rows[h][k]), "")
				t.goals = goalHeaderRe.MatchString(head)
				t.tasks = taskHeaderRe.MatchString(head)
			}
			return t, true
		}
	}
	return nil, false
}

// categorySections reads a category column that numbers its groups as
// the document's sections (类别 | 序号 | … with 一、优化政务服务 in the
// first cell, repeated or merged down the group): where its cell turns to
// another such heading, a section row of that heading is put before the
// row, and the cell is left empty, as a table that heads each group with
// a row of its own reads.
func categorySections(header []string, data [][]string) [][]string {
	if len(header) < 2 || !isCategoryHeader(header[0]) {
		return data
	}
	var out [][]string
	open := ""
	for _, row := range data {
		if len(row) < 2 || !isSectionRow(strings.TrimSpace(row[0])) {
			out = append(out, row)
			open = ""
			continue
		}
		if head := strings.TrimSpace(row[0]); head != open {
			out = append(out, []string{head})
			open = head
		}
		out = append(out, append([]string{""}, row[1:]...))
	}
	return out
}

// lowerHeader reads the second row of a header of two rows, where a merged
// cell (责任单位) stands over the columns it spans (牵头单位 | 配合单位): when
// every cell of row is empty or a header word (类别 among them), and one
// names units, those words name their columns in cols, and the row is no
// data. A cell merged down both rows (重点任务 in upper too) keeps the
// column upper's reading gave it.
func lowerHeader(cols []column, upper, row []string) bool {
	lower := make([]column, len(row))
	units := false
	for i, c := range row {
		if strings.TrimSpace(c) == "" {
			continue
		}
		// 一、工作任务责任分工: a section's row, however its words read.
		if isSectionRow(strings.TrimSpace(c)) {
			return false
		}
		// A category column's header (类别), merged down both rows, is
		// a header word too: it names no column of the parser's.
		if lower[i] = classifyHeader(c); lower[i] == colNone && !isCategoryHeader(c) {
			return false
		}
		units = units || lower[i] == colLead || lower[i] == colCo || lower[i] == colUnits
	}
	if !units {
		return false
	}
	for i, c := range lower {
		if c != colNone && i < len(cols) && (i >= len(upper) || upper[i] != row[i]) {
			cols[i] = c
		}
	}
	return true
}

// splitBlocks joins the paragraphs into one text and sets task tables apart;
// other tables are read as lines of text. Tables flattened into one cell per
// line (a 序号 line, then the other headers, then the cells) are rebuilt.
func splitBlocks(blocks []docread.Block, u unitRules) (string, []*taskTable) {
	var lines []string
	var tables []*taskTable
	for _, b := range blocks {
		if b.Rows == nil {
			lines = append(lines, splitSectionCells(b.Text)...)
			continue
		}
		if t, ok := recogniseTable(b.Rows); ok {
			t.line = len(lines)
			tables = append(tables, t)
			continue
		}
		for _, r := range b.Rows {
			lines = append(lines, strings.Join(dedupeCells(r), " "))
		}
	}
	lines, kept, flat := rebuildLineTables(boxTables(lines), u)
	for _, t := range tables {
		t.line = kept[t.line]
	}
	tables = append(tables, flat...)
	for _, t := range tables {
		if t.line > 0 && goalCaption(lines[t.line-1]) {
			t.goals = true
		}
	}
	return strings.Join(lines, "\n"), tables
}

// goalCaptionRe is a table's caption that names its rows as figures to
// reach: 量化指标任务分工, 主要指标分解表, 预期目标任务分解 (not 目标任务
// alone: 重点工作目标任务 are work).
var goalCaptionRe = regexp.MustCompile(`指标|预期目标`)

// goalCaption reports whether the line above a table is its caption and
// names its rows as targets: short, no sentence.
func goalCaption(l string) bool {
	l = strings.TrimSpace(l)
	return len([]rune(l)) <= 40 && !strings.ContainsAny(l, "。；;，,：:") && goalCaptionRe.MatchString(l)
}

// lineOffset returns the rune offset in text of the start of line n.
// attachmentAbove returns the last attachment line (附件, 附件2) among
// the first n lines of text, "" when there is none.
func attachmentAbove(text string, n int) string {
	last := ""
	for i, l := range strings.SplitAfter(text, "\n") {
		if i == n {
			break
		}
		if m := attachmentRe.FindStringSubmatch(strings.TrimRight(l, "\n")); m != nil {
			last = "附件" + m[1]
		}
	}
	return last
}

func lineOffset(text string, n int) int {
	off := 0
	for i, l := range strings.SplitAfter(text, "\n") {
		if i == n {
			break
		}
		off += len([]rune(l))
	}
	return off
}

func dedupeCells(r []string) []string {
	var out []string
	for i, c := range r {
		if c != "" && (i == 0 || c != r[i-1]) {
			out = append(out, c)
		}
	}
	return out
}

func tableText(tables []*taskTable) string {
	var b strings.Builder
	for _, t := range tables {
		for _, r := range t.rows {
			b.WriteString(strings.Join(r, " "))
			b.WriteString("\n")
		}
	}
	return b.String()
}

var bareNumberRe = regexp.MustCompile(`^\d{1,4}$`)

// subNumberRe is a 序号 that numbers a row within its group: 1-1, 2－3.
var subNumberRe = regexp.MustCompile(`^(\d{1,3})\s*[-－—–]\s*(\d{1,3})$`)

func isSectionRow(l string) bool {
	rs := []rune(l)
	if len(rs) < 3 {
		return false
	}
	m, ok := scanMarker(rs, 0)
	return ok && (m.style == styleCN || m.style == styleCNParen)
}

// inheritedFlag tells the office that a row without units took those of
// another row (from: 上一行, 下一行, 上一行（一(一)1）), a merged cell's.
func inheritedFlag(from string) string { return inheritedOf(from, "责任单位") }

// inheritedOf is inheritedFlag for what was taken: 责任单位, or 牵头单位
// alone where the row names its co-units itself.
func inheritedOf(from, what string) string {
	return "原表此行未列" + what + "，已沿用" + from + "的" + what + "（原表可能为合并单元格），请核实"
}

// tableTasks reads the rows of a task table. Sections come from rows that
// hold only a heading (一、知识产权保护方面); a row without units shares the
// units of the row above, as a merged cell would.
// A table under a heading (host) nests its rows under it.
func (p *parser) tableTasks(docID string, t *taskTable, rule leadRule, docYear int, existing []*task.Task, host *task.Task) []*task.Task {
	var out []*task.Task
	// sections are the open section rows (一、…, (一)…), outermost first.
	var sections []marker
	var sectionTitles []string
	var prev *task.Task
	prevDue := ""
	n := 0
	p.unreadUnitColumns(t)
	for ri, row := range t.rows {
		cells, nonEmpty := t.cellsOf(row)
		if nonEmpty == 0 {
			continue
		}
		first := strings.TrimSpace(row[0])
		if len(dedupeCells(row)) == 1 && isSectionRow(first) {
			rs := []rune(first)
			m, _ := scanMarker(rs, 0)
			for k := range sections {
				if sections[k].style == m.style {
					sections, sectionTitles = sections[:k], sectionTitles[:k]
					break
				}
			}
			sections = append(sections, m)
			sectionTitles = append(sectionTitles, cleanTitle(string(rs[m.end:])))
			continue
		}
		// A numbered row without units before rows numbered in another
		// style heads them (1 | 大力提振消费。 | | before (8) …).
		if m, ok := rowMarker(cells[colSeq]); ok && cells[colLead]+cells[colUnits]+cells[colCo] == "" && ri+1 < len(t.rows) {
			// Not before a section's row of its own ((二)… alone): that
			// closes the group the numbered row ends.
			if next, ok := rowMarker(t.rows[ri+1][0]); ok && next.style != m.style && !(len(dedupeCells(t.rows[ri+1])) == 1 && isSectionRow(strings.TrimSpace(t.rows[ri+1][0]))) {
				for k := range sections {
					if sections[k].style == m.style {
						sections, sectionTitles = sections[:k], sectionTitles[:k]
						break
					}
				}
				sections = append(sections, m)
				sectionTitles = append(sectionTitles, cleanTitle(cells[colContent]))
				continue
			}
		}
		n++
		label := itoa(n)
		if m, ok := rowMarker(cells[colSeq]); ok {
			// A row numbered as an open section closes it and what it
			// holds (group 2 after the rows of group 1).
			for k := range sections {
				if sections[k].style == m.style {
					sections, sectionTitles = sections[:k], sectionTitles[:k]
					break
				}
			}
			label = m.label()
		} else if seq := strings.TrimSpace(cells[colSeq]); bareNumberRe.MatchString(seq) {
			label = seq
		} else if m := subNumberRe.FindStringSubmatch(seq); m != nil {
			// 1-1, 1-2: the rows of group 1, numbered as the table does.
			label = m[1] + "-" + m[2]
		} else if seq == "" {
			// No 序号: the task cell's own number (14.改扩建…), which
			// leaves its text for the path.
			if num, _, ok := cellNumber(cells[colTitle] + cells[colContent]); ok {
				label = num
				if _, rest, ok := cellNumber(cells[colContent]); ok && cells[colTitle] == "" {
					cells[colContent] = rest
				}
			}
		}
		p.cellClause(cells)
		tk := &task.Task{Kind: task.KindTask, Title: cleanTitle(cells[colTitle]), Text: normalizeSpace(cells[colContent])}
		if tk.Text == "" {
			tk.Text = tk.Title
		}
		// A numbered row with no text and no units is a blank line of a
		// form to fill in (附件4 项目推荐汇总表), not a task.
		if tk.Text == "" && cells[colLead]+cells[colUnits]+cells[colCo] == "" {
			continue
		}
		for _, m := range sections {
			tk.Path = append(tk.Path, m.label())
		}
		tk.Path = append(tk.Path, label)
		tk.Headings = append([]string(nil), sectionTitles...)
		tk.Leader = strings.Join(strings.Fields(cells[colLeader]), " ")
		if k := len(sectionTitles); t.goals || k > 0 && targetHeadingRe.MatchString(sectionTitles[k-1]) || t.category && targetHeadingRe.MatchString(strings.TrimSpace(row[0])) {
			tk.Kind = task.KindTarget
		}
		us, raw := p.rowUnits(t, cells, rule)
		if tk.Leader == "" && len(us.leaders) > 0 {
			tk.Leader = strings.Join(us.leaders, "、")
		}
		switch {
		case len(us.lead) > 0:
			tk.Lead, tk.Co, tk.Flags, tk.UnitsRaw = us.lead, us.co, us.flags, raw
			p.byOrder[tk] = us.byOrder
			if t.sharedBelow[&row[0]] {
				tk.Flags = append(tk.Flags, inheritedFlag("下一行"))
			}
			if t.sharedAbove[&row[0]] {
				tk.Flags = append(tk.Flags, inheritedOf("上一行", "牵头单位"))
			}
		case t.unitless:
			tk.Flags = append(tk.Flags, "文件未列责任单位，请指定牵头单位")
		case prev != nil && len(us.co) > 0:
			// A lead cell merged over the rows below it, each row with
			// co-units of its own: the lead is the row above's, the
			// co-units the row's.
			tk.Lead, tk.Co, tk.UnitsRaw = prev.Lead, us.co, raw
			tk.Flags = append(append(tk.Flags, us.flags...), inheritedOf("上一行", "牵头单位"))
		case prev != nil:
			tk.Lead, tk.Co = prev.Lead, prev.Co
			p.byOrder[tk] = p.byOrder[prev]
			tk.Flags = append(tk.Flags, inheritedFlag("上一行"))
		default:
			missing := "未标明责任单位，请指定牵头单位"
			if len(us.co) > 0 {
				// Co-units only: kept, and the lead asked for.
				tk.Co, tk.UnitsRaw, missing = us.co, raw, "未标明牵头单位，请指定牵头单位"
			}
			tk.Flags = append(append(tk.Flags, us.flags...), missing)
		}
		if t.note != "" {
			tk.Flags = append(tk.Flags, t.note)
		}
		due := cells[colDeadline]
		if t.flattened && prev != nil {
			if strings.TrimSpace(due) == "" {
				due = prevDue
			}
			if tk.Leader == "" {
				tk.Leader = prev.Leader
			}
		}
		prevDue = due
		rowDeadline(tk, due, docYear)
		prev = tk
		out = append(out, tk)
	}
	if !t.tasks {
		markIndicatorRuns(out)
	}
	placeRows(docID, out, existing, host, t.attachment)
	return out
}

// cellsOf gives each recognised column of a row its first non-empty cell,
// and counts the row's non-empty cells.
func (t *taskTable) cellsOf(row []string) (map[column]string, int) {
	cells := make(map[column]string)
	nonEmpty := 0
	for i, c := range row {
		c = strings.TrimSpace(c)
		if c != "" {
			nonEmpty++
		}
		if i < len(t.cols) && t.cols[i] == colCo && noneCell(c) {
			continue
		}
		if i < len(t.cols) && t.cols[i] != colNone && cells[t.cols[i]] == "" {
			cells[t.cols[i]] = c
		} else if i < len(t.cols) && t.cols[i] == colContent && c != "" && !strings.Contains(cells[colContent], c) && !progressHeadRe.MatchString(t.headOf(i)) {
			// A second task column (重点任务 | 主要内容 | 具体目标, 路段名称
			// | 问题描述): its cell is the task's too, under its name.
			cells[colContent] = strings.TrimRight(cells[colContent], "。；; ") + "；" + t.headOf(i) + c
		}
	}
	return cells, nonEmpty
}

// progressHeadRe names a column of what was done (1-9月份工作完成情况,
// 目标完成情况, 工作进展): a report on the task, not the task.
var progressHeadRe = regexp.MustCompile(`情况|进展|进度|成效|完成率`)

// headOf is column i's name and a colon, "" when the table has no header.
func (t *taskTable) headOf(i int) string {
	if i >= len(t.heads) {
		return ""
	}
	if h := strings.Join(strings.Fields(t.heads[i]), ""); h != "" {
		return h + "："
	}
	return ""
}

// noneCell reports a cell that says there is nothing (无, 暂无, /, —): in
// the co-units' column, no co-unit, as an empty cell says.
func noneCell(c string) bool {
	switch strings.Trim(c, " \u3000") {
	case "无", "暂无", "/", "／", "—", "——", "-", "－", "\\":
		return true
	}
	return false
}

// unreadUnitColumns tells the office of a column whose header names no
// column the parser reads but whose cells are units' names (相关单位 under a
// header worded otherwise): its units are not read, and without the note
// they would be lost without a word.
func (p *parser) unreadUnitColumns(t *taskTable) {
	for i, c := range t.cols {
		if c != colNone {
			continue
		}
		filled, units := 0, 0
		for _, row := range t.rows {
			if i >= len(row) || len(row) < 2 {
				continue
			}
			if cell := strings.TrimSpace(row[i]); cell != "" {
				filled++
				if p.rules.isUnitList(cell) {
					units++
				}
			}
		}
		if units >= 2 && units*5 >= filled*4 {
			p.notes = append(p.notes, "任务表第"+itoa(i+1)+"列写的是单位名称，但列名不是责任单位、牵头单位或配合单位，未读作责任单位，请核对")
		}
	}
}

// cellClause moves a clause written in the task cell of a row whose unit
// cells are empty (推进重大项目建设（责任单位：市发改委） | |) to the units'
// cell: read as a merged cell, the row took the units of the row above or
// none.
func (p *parser) cellClause(cells map[column]string) {
	if cells[colLead]+cells[colUnits]+cells[colCo] != "" || cells[colContent] == "" {
		return
	}
	body, cs := p.rules.bracketClauses(cells[colContent])
	if len(cs) != 1 || !ownerWordRe.MatchString(cs[0].raw) && !responsibilityEnd.MatchString(strings.TrimRight(cs[0].raw, "。")) {
		return
	}
	cells[colContent], cells[colUnits] = strings.TrimSpace(body), cs[0].units()
}

// rowUnits reads a row's units from its unit columns, and the text they
// came from.
func (p *parser) rowUnits(t *taskTable, cells map[column]string, rule leadRule) (units, string) {
	var us units
	for _, c := range []column{colLead, colCo, colUnits} {
		cells[c] = takePersonNotes(cells[c], &us.leaders)
	}
	raw := strings.TrimSpace(strings.Join(nonBlank(cells[colLead], cells[colUnits]), "；"))
	switch {
	case cells[colLead] != "" && cells[colCo] != "":
		us.lead = p.rules.expand(cells[colLead], &us.flags, nil)
		us.co = p.rules.expand(cells[colCo], &us.flags, nil)
		raw = "牵头单位：" + cells[colLead] + "；配合单位：" + cells[colCo]
		us = p.rules.finish(us, raw)
	case cells[colLead] != "" && cells[colUnits] == "" && (hasCol(t.cols, colCo) || hasCol(t.cols, colUnits) || p.rules.isUnitList(cells[colLead])):
		// Under a 牵头单位 column every unit leads, whether or not the
		// table has a 配合单位 or 责任单位 column beside it: a row that
		// leaves the co-units' cell empty has leads only. Where a mark
		// (★发改局、经信局) picks some of them, those lead and the others
		// co-operate.
		cell, _ := phraseRole(cells[colLead], roleGeneric)
		marked := p.rules.expandMarked(cell, &us.flags, nil)
		picked := 0
		for _, m := range marked {
			if m.marked {
				picked++
			}
		}
		for _, m := range marked {
			if m.marked || picked == 0 || picked == len(marked) {
				us.lead = append(us.lead, m.name)
			} else {
				us.co = append(us.co, m.name)
			}
		}
		us = p.rules.finish(us, cells[colLead])
	case cells[colLead] == "" && cells[colUnits] != "" && cells[colCo] != "":
		// 责任单位 | 配合单位: beside a column of co-units, the units'
		// column is the leads'.
		us.lead = p.rules.expand(cells[colUnits], &us.flags, nil)
		us.co = p.rules.expand(cells[colCo], &us.flags, nil)
		raw = "责任单位：" + cells[colUnits] + "；配合单位：" + cells[colCo]
		us = p.rules.finish(us, raw)
	case cells[colLead] != "" && cells[colUnits] != "" && !hasCol(t.cols, colCo):
		// 牵头单位 | 责任单位: every unit of the first column leads, the
		// second's work with them.
		us.lead = p.rules.expand(cells[colLead], &us.flags, nil)
		us.co = p.rules.expand(cells[colUnits], &us.flags, nil)
		raw = "牵头单位：" + cells[colLead] + "；责任单位：" + cells[colUnits]
		us = p.rules.finish(us, raw)
	case cells[colLead] == "" && cells[colUnits] == "" && cells[colCo] != "" && hasCol(t.cols, colLead):
		// The lead's cell merged with the row above's: the row names
		// only its co-units, its lead is the row above's (see
		// tableTasks).
		us.co = p.rules.expand(cells[colCo], &us.flags, nil)
		raw = "配合单位：" + cells[colCo]
	case raw != "":
		leaders := us.leaders
		us = p.rules.parseUnits(raw, rule)
		us.leaders = append(leaders, us.leaders...)
	}
	return us, raw
}

// rowDeadline takes a row's deadline from its 完成时限 cell, else from its
// text, and then its numeric targets.
func rowDeadline(tk *task.Task, cell string, docYear int) {
	if d := strings.TrimSpace(cell); d != "" {
		tk.Deadline = cellDeadline(d, docYear)
		if tk.Deadline == nil {
			tk.Deadline = &task.Deadline{Text: d}
		}
	} else {
		tk.Deadline = findDeadline(tk.Text, docYear)
	}
	year := 0
	if tk.Deadline != nil && len(tk.Deadline.Date) >= 4 {
		year = atoi(tk.Deadline.Date[:4])
	}
	tk.Targets = findTargets(tk.Text, year)
}

// placeRows puts a table's rows in the document's numbering: under the
// heading the table stands under (host), or, where their sections reuse
// the text's numbers (一、 in both), apart under the attachment line the
// table stands under (附件2), or as an attachment (附表) when it has none.
func placeRows(docID string, rows, existing []*task.Task, host *task.Task, attachment string) {
	if attachment == "" {
		attachment = "附表"
	}
	taken := map[string]bool{}
	for _, e := range existing {
		taken[e.Path[0]] = true
	}
	collide := false
	for _, tk := range rows {
		collide = collide || taken[tk.Path[0]]
	}
	for _, tk := range rows {
		switch {
		case host != nil:
			tk.Path = append(append([]string(nil), host.Path...), tk.Path...)
			tk.Headings = append(append(append([]string(nil), host.Headings...), host.Title), tk.Headings...)
		case collide:
			tk.Path = append([]string{attachment}, tk.Path...)
			tk.Headings = append([]string{attachment}, tk.Headings...)
		}
		tk.ID = docID + "-" + strings.Join(tk.Path, ".")
	}
}

// rowMarker reads a row's 序号 cell: 3, 3., (3), 三、.
func rowMarker(seq string) (marker, bool) {
	seq = strings.TrimSpace(seq)
	if seq == "" {
		return marker{}, false
	}
	if bareNumberRe.MatchString(seq) {
		return marker{style: styleTableRow, value: atoi(seq)}, true
	}
	if n := parseCN([]rune(seq)); n > 0 {
		// A bare Chinese numeral (三十四) numbers the row as 三十四、
		// would: the table's cell is its punctuation.
		return marker{style: styleCN, value: n}, true
	}
	return scanMarker([]rune(seq+"项"), 0)
}

// groupHeaderRe heads a column that groups a table's rows (指标 | 工作任务).
var groupHeaderRe = regexp.MustCompile(`^(?:指标|项目|类别|类型|领域|方面|板块|分类)$`)

// countCol is how many columns hold c.
func countCol(cols []column, c column) int {
	n := 0
	for _, x := range cols {
		if x == c {
			n++
		}
	}
	return n
}

// firstCol returns the index of the first column holding c, -1 if none.
func firstCol(cols []column, c column) int {
	for i, x := range cols {
		if x == c {
			return i
		}
	}
	return -1
}

func hasCol(cols []column, c column) bool { return firstCol(cols, c) >= 0 }

func nonBlank(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// documentNotes says how the document was read as a whole. byOrder holds
// the tasks whose lead was taken as the first of a plain list of units: the
// convention is noted only when such a task has more than one unit, not when
// every lead was named (牵头单位：, A牵头, a 牵头单位 column).
func documentNotes(d *task.Document, rule leadRule, byOrder map[*task.Task]bool, isCollective func(string) bool) []string {
	var notes []string
	multi, withUnits, withCo := 0, 0, 0
	for _, t := range d.Tasks {
		if len(t.Lead) > 0 {
			withUnits++
		}
		if len(t.Co) > 0 {
			withCo++
		}
		if byOrder[t] && len(t.Lead)+len(t.Co) > 1 {
			multi++
		}
	}
	switch {
	case len(d.Tasks) == 0: // see noItemsNote
	case withUnits == 0 && withCo > 0:
		notes = append(notes, "文件只列配合单位，未列牵头单位：各任务的牵头单位需由办公室指定")
	case withUnits == 0:
		notes = append(notes, noUnitsNote)
	case rule == ruleMark:
		notes = append(notes, "文件注明标△的为牵头单位，据此区分牵头单位和配合单位")
	case rule == ruleComma:
		notes = append(notes, "文件注明逗号前为牵头单位，据此区分牵头单位和配合单位")
	case rule == ruleFirst:
		notes = append(notes, "文件注明列第一位的为牵头单位，据此区分牵头单位和配合单位")
	case multi > 0:
		notes = append(notes, "文件未说明牵头规则：按惯例以列第一位的单位为牵头单位，其余为配合单位，共"+itoa(multi)+"项任务，请核实")
	}
	if c := collectiveUnits(d, isCollective); len(c) > 0 {
		notes = append(notes, "以下为集体称谓，请在单位名单中对应到具体单位："+strings.Join(c, "、"))
	}
	return notes
}

func collectiveUnits(d *task.Document, isCollective func(string) bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range d.Tasks {
		for _, u := range append(append([]string(nil), t.Lead...), t.Co...) {
			if !seen[u] && isCollective(u) {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}

// indicatorRe matches a row that only states a numeric goal: 地区生产总值增
// 长8.5%以上, 全员劳动生产率46000元/人以上, 城镇调查失业率控制在5.5%以内.
var indicatorRe = regexp.MustCompile(`^[^。；;，,]{2,30}?(?:(?:增长|下降|提高|降低|达到|超过|控制在|保持在|不低于|不高于|不超过)[^。；;]{0,24}?\d|\d[\d.]*\s*\S{0,4}(?:以上|以下|以内|左右))`)

// relativeGoalRe matches a row that states a goal against a benchmark
// instead of a number: 城镇居民人均可支配收入增速高于全省平均水平, 居民收入
// 增长与经济增长基本同步.
var relativeGoalRe = regexp.MustCompile(`^[^。；;，,]{2,30}?(?:高于|低于|快于|优于|与[^。；;，,]{2,12}同步)[^。；;，,]{0,12}$`)

// markIndicatorRuns makes rows targets where three or more in a row, in
// the same section, each only state a numeric goal (the 主要预期目标 rows of
// a 督查通报 table that has no section row for them); a goal stated against
// a benchmark within or at the end of such a run is one too.
func markIndicatorRuns(rows []*task.Task) {
	goal := func(t *task.Task) (numeric, relative bool) {
		text := strings.TrimRight(strings.TrimSpace(t.Text), "。.")
		if t.Kind != task.KindTask || len([]rune(text)) > 45 {
			return false, false
		}
		numeric = indicatorRe.MatchString(text) && strings.ContainsAny(text, "0123456789")
		return numeric, !numeric && relativeGoalRe.MatchString(text)
	}
	same := func(a, b *task.Task) bool {
		return strings.Join(a.Path[:len(a.Path)-1], ".") == strings.Join(b.Path[:len(b.Path)-1], ".")
	}
	for i := 0; i < len(rows); {
		j, numeric := i, 0
		for ; j < len(rows) && same(rows[i], rows[j]); j++ {
			n, r := goal(rows[j])
			if !n && !r {
				break
			}
			if n {
				numeric++
			}
		}
		if numeric >= 3 {
			for _, t := range rows[i:j] {
				t.Kind = task.KindTarget
			}
		}
		i = max(j, i+1)
	}
}
