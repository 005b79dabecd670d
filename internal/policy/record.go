package policy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Record pages. A tracking system shows one task a page, its cells as
// labelled lines (重点工作：… / 牵头单位：… / 年度阶段性工作目标：… / 进展情况：…),
// sometimes with the | of the table they came from. Such a record is one
// row of the task table: its task, its units, and the last milestone its
// target cell names as its deadline. What follows the progress label is the
// unit's report (its numbered points are not tasks).

// recordTaskRe starts a record: the label of its task cell (重点工作：,
// 任务名称：, 改革事项：, 项目名称：).
var recordTaskRe = regexp.MustCompile(`^[\s\x{3000}]*(?:年度)?(?:(?:重点|主要)(?:工作|任务)(?:任务|内容|事项)?|(?:任务|项目|事项)名称|(?:改革|实事|民生)(?:事项|项目|任务)|工作任务)\s*[：:]\s*[|｜]?\s*`)

// recordLabelRe is a labelled line of a record: a short label, its colon
// and the value, with the table's | around it if any.
var recordLabelRe = regexp.MustCompile(`^[\s\x{3000}]*([^\s:：|｜]{2,16}?)\s*[：:]\s*[|｜]?\s*(.*?)\s*[|｜]?\s*$`)

// recordProgressRe is the label of a record's progress report.
var recordProgressRe = regexp.MustCompile(`进展|落实情况|完成情况|推进情况|存在问题`)

// recordSeqRe is a page title that numbers the record (任务97).
var recordSeqRe = regexp.MustCompile(`^[\s\x{3000}]*任务\s*([0-9]{1,4})\s*$`)

var quarterRe = regexp.MustCompile(`第[一二三四]季度`)

// readRecordTable reads the records that start at line i as a task table.
func readRecordTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	// Every line of a text is asked: the words first, the regexp after.
	if !hasColon(lines[i]) || !strings.ContainsAny(lines[i], "工任项事") || !recordTaskRe.MatchString(lines[i]) {
		return nil, 0, false
	}
	cols := []column{colSeq, colContent, colLead, colCo, colUnits, colDeadline}
	t := &taskTable{cols: cols}
	j := i
	for j < len(lines) && recordTaskRe.MatchString(lines[j]) {
		row, next, ok := readRecord(lines, j, u)
		if !ok {
			break
		}
		if row[0] == "" {
			row[0] = recordSeq(lines, i, len(t.rows))
		}
		t.rows = append(t.rows, row)
		j = next
	}
	if len(t.rows) == 0 {
		return nil, 0, false
	}
	return t, j, true
}

// readRecord reads one record from its task label to the next record or
// the end of the text.
func readRecord(lines []string, i int, u unitRules) ([]string, int, bool) {
	row := make([]string, 6)
	field := -1
	milestones := ""
	progress := false
	j := i
	for ; j < len(lines); j++ {
		l := lines[j]
		if j > i && recordTaskRe.MatchString(l) {
			break
		}
		if progress {
			continue
		}
		if m := recordLabelRe.FindStringSubmatch(l); m != nil && j > i {
			label := m[1]
			switch col := classifyHeader(label); {
			case recordProgressRe.MatchString(label):
				progress = true
				continue
			case col == colLead:
				field = 2
			case col == colCo:
				field = 3
			case col == colUnits:
				field = 4
			case col == colDeadline:
				field = 5
			case col == colContent:
				field = -2 // the target cell: milestones
			case col == colLeader:
				field = -1
			default:
				// 第一季度：… inside a cell.
				appendRecord(row, field, &milestones, l)
				continue
			}
			appendRecord(row, field, &milestones, m[2])
			continue
		}
		if j == i {
			field = 1
			appendRecord(row, field, &milestones, strings.TrimSpace(strings.Trim(recordTaskRe.ReplaceAllString(l, ""), " |｜")))
			continue
		}
		appendRecord(row, field, &milestones, strings.Trim(strings.TrimSpace(l), "|｜ "))
	}
	if row[1] == "" || row[2] == "" && row[4] == "" || !u.isUnitList(strings.TrimRight(row[2]+row[4], "。")) {
		return nil, 0, false
	}
	// 135.统筹违法建设治理……: the task's own number.
	if rs := []rune(row[1]); len(rs) > 0 {
		if m, ok := scanMarker(rs, 0); ok && m.style == styleNum {
			row[0], row[1] = itoa(m.value), strings.TrimSpace(string(rs[m.end:]))
		}
	}
	if row[5] == "" {
		if qs := quarterRe.FindAllString(milestones, -1); len(qs) > 0 {
			row[5] = latestQuarter(qs)
		}
	}
	return row, j, true
}

func appendRecord(row []string, field int, milestones *string, s string) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
	case field == -2:
		*milestones += s + "\n"
	case field >= 0:
		if row[field] != "" {
			row[field] += "\n"
		}
		row[field] += s
	}
}

// latestQuarter returns the last quarter of the year among qs.
func latestQuarter(qs []string) string {
	order := func(q string) int { return strings.Index("一二三四", string([]rune(q)[1])) }
	best := qs[0]
	for _, q := range qs[1:] {
		if order(q) > order(best) {
			best = q
		}
	}
	return best
}

// recordSeq numbers a record by the page title above it (任务97), else by
// its position.
func recordSeq(lines []string, i, n int) string {
	if n == 0 {
		for k := i - 1; k >= 0 && k >= i-12; k-- {
			if m := recordSeqRe.FindStringSubmatch(lines[k]); m != nil {
				return m[1]
			}
		}
	}
	return itoa(n + 1)
}

// A table of one row a page may also stand on its side with its labels on
// lines of their own, each before its cell and without a colon (具体任务 /
// 全面落实… / 责任单位 / 卫健局、文旅局 / 配合单位 / 各乡镇 / 完成时限 / 12月
// 底前). Each label takes the one line after it; a record ends at the first
// line that is no label where one is due.

// labelLine returns the column a line names when it is only a header word
// (a label standing alone), colNone otherwise.
func labelLine(l string) column {
	l = strings.TrimSpace(l)
	if l == "" || len([]rune(l)) > 8 || strings.ContainsAny(l, "：:，,。；;、") {
		return colNone
	}
	return classifyHeader(l)
}

// readLabelLineTable reads the records that start at line i, each headed by
// the label of its task cell.
func readLabelLineTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	if !taskCol(labelLine(lines[i])) {
		return nil, 0, false
	}
	cols := []column{colSeq, colContent, colLead, colCo, colUnits, colDeadline}
	t := &taskTable{cols: cols}
	j := i
	for j < len(lines) && taskCol(labelLine(lines[j])) {
		row, next, ok := readLabelLineRecord(lines, j, cols, u)
		if !ok {
			break
		}
		row[0] = itoa(len(t.rows) + 1)
		t.rows = append(t.rows, row)
		j = next
	}
	if len(t.rows) == 0 {
		return nil, 0, false
	}
	return t, j, true
}

// readLabelLineRecord reads the record whose task label is lines[i]: each
// label and the line after it, up to the next task label or a line that is
// no label. It must name a task and units.
func readLabelLineRecord(lines []string, i int, cols []column, u unitRules) ([]string, int, bool) {
	row := make([]string, len(cols))
	j := i
	for j < len(lines) {
		c := labelLine(lines[j])
		if c == colNone || j > i && taskCol(c) {
			break
		}
		k := nextFilled(lines, j+1)
		if k == len(lines) || labelLine(lines[k]) != colNone {
			break
		}
		if taskCol(c) {
			c = colContent
		}
		if f := firstCol(cols, c); f > 0 && row[f] == "" {
			row[f] = strings.TrimSpace(lines[k])
		}
		j = nextFilled(lines, k+1)
	}
	units := strings.TrimRight(row[2]+row[4], "。")
	if row[1] == "" || units == "" || !u.isUnitList(units) {
		return nil, 0, false
	}
	return row, j, true
}

// A page flattened onto one line may run a list of records, each its
// problems or tasks closed by its owner's and its deadline's labels (1.…；
// 2.…。 整改责任单位:县住建局 整改时限:2021年8月13日前 1.… 整改责任单位:…).
// Each record is a row numbered by its place in the line: its own numbers
// restart at 1 and number its points, not the records. What follows the
// last record (来源, 编辑) is the page's.

// minClauseRuns is how many closed records a line must run to be read so:
// one or two are an item's clause, read as usual.
const minClauseRuns = 3

// readClauseRunTable reads the records of the line lines[i].
func readClauseRunTable(lines []string, i int, _ unitRules) (*taskTable, int, bool) {
	l := lines[i]
	// Every line of a text is asked: count the deadline labels' words
	// and the colons first, the regexp after.
	if len(l) < 200 || strings.Count(l, "：")+strings.Count(l, ":") < 2*minClauseRuns ||
		strings.Count(l, "时限")+strings.Count(l, "时间")+strings.Count(l, "期限") < minClauseRuns {
		return nil, 0, false
	}
	locs := clauseWordRe.FindAllStringSubmatchIndex(l, -1)
	if len(locs) < 2*minClauseRuns {
		return nil, 0, false
	}
	t := &taskTable{cols: []column{colSeq, colContent, colUnits, colDeadline}}
	start, owner := 0, -1
	for k, loc := range locs {
		switch labelRoleOf(l[loc[2]:loc[3]]) {
		case roleLead, roleCo, roleGeneric:
			if owner < 0 {
				owner = k
			}
		case roleDeadline:
			if owner < 0 {
				continue
			}
			if start > locs[owner][0] {
				return nil, 0, false // a deadline run into the next label
			}
			due, end := spaceWord(l, loc[1])
			units := strings.TrimSpace(l[locs[owner][1]:loc[0]])
			text := strings.TrimSpace(l[start:locs[owner][0]])
			// Labels in brackets (（责任单位：…；完成时限：…）) are items'
			// clauses, read with the items' numbers: no records.
			if strings.ContainsAny(due, "（()）。；;【】") || strings.ContainsAny(units, "（(【") && !strings.ContainsAny(units, "）)】") ||
				strings.HasSuffix(text, "（") || strings.HasSuffix(text, "(") || strings.HasSuffix(text, "【") {
				return nil, 0, false
			}
			if len(t.rows) == 0 {
				text = recordsStart(text)
			}
			if text == "" || units == "" || due == "" {
				return nil, 0, false
			}
			t.rows = append(t.rows, []string{itoa(len(t.rows) + 1), text, units, due})
			start, owner = end, -1
		}
	}
	if len(t.rows) < minClauseRuns {
		return nil, 0, false
	}
	return t, i + 1, true
}

// spaceWord returns the word of l that starts at i (spaces before it
// skipped) and where it ends.
func spaceWord(l string, i int) (string, int) {
	rest := strings.TrimLeft(l[i:], " \t\u3000")
	i = len(l) - len(rest)
	end := strings.IndexAny(rest, " \t\u3000")
	if end < 0 {
		end = len(rest)
	}
	return rest[:end], i + end
}

// firstPointRe finds the first point of the first record: 1. after a space.
var firstPointRe = regexp.MustCompile(`(?:^|[\s\x{3000}])1[.．、]`)

// recordsStart cuts the page's lead-in off the first record: the record
// starts at its first point (1.), else after the lead-in's last sentence.
func recordsStart(text string) string {
	if loc := firstPointRe.FindStringIndex(text); loc != nil {
		return strings.TrimSpace(text[loc[0]:])
	}
	if k := strings.LastIndexAny(text, "。？?！!："); k >= 0 {
		_, size := utf8.DecodeRuneInString(text[k:])
		return strings.TrimSpace(text[k+size:])
	}
	return text
}
