package policy

import (
	"regexp"
	"strings"
)

// Record pages. A tracking system shows one task a page, its cells as
// labelled lines (重点工作：… / 牵头单位：… / 年度阶段性工作目标：… / 进展情况：…),
// sometimes with the | of the table they came from. Such a record is one
// row of the task table: its task, its units, and the last milestone its
// target cell names as its deadline. What follows the progress label is the
// unit's report (its numbered points are not tasks).

// recordTaskRe starts a record: the label of its task cell.
var recordTaskRe = regexp.MustCompile(`^[\s\x{3000}]*(?:年度)?(?:重点|主要)(?:工作|任务)(?:任务|内容|事项)?\s*[：:]\s*[|｜]?\s*`)

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
	if !hasColon(lines[i]) || !strings.Contains(lines[i], "工作") && !strings.Contains(lines[i], "任务") || !recordTaskRe.MatchString(lines[i]) {
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
		k := j + 1
		for k < len(lines) && strings.TrimSpace(lines[k]) == "" {
			k++
		}
		if k == len(lines) || labelLine(lines[k]) != colNone {
			break
		}
		if taskCol(c) {
			c = colContent
		}
		if f := firstCol(cols, c); f > 0 && row[f] == "" {
			row[f] = strings.TrimSpace(lines[k])
		}
		j = k + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
	}
	units := strings.TrimRight(row[2]+row[4], "。")
	if row[1] == "" || units == "" || !u.isUnitList(units) {
		return nil, 0, false
	}
	return row, j, true
}
