package policy

import (
	"regexp"
	"slices"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/task"
)

// guidanceWords title the sections of guidance that assign nothing.
const guidanceWords = `指导思想|基本原则|总体要求|总体思路|总体目标|保障措施|保障机制|组织保障|组织领导|组织实施|工作要求|有关要求|实施步骤|工作步骤|推进措施|实施保障|工作机构|组织机构|领导小组|机构设置`

var (
	// targetHeadingRe matches the titles of 主要目标 / 指标 sections.
	targetHeadingRe = regexp.MustCompile(`(目标|指标|指标体系|预期性指标|约束性指标)(分解)?$|预期目标`)
	// headingNoteRe is a short note in brackets closing a heading:
	// 经济社会发展指标（工作目标）, 主要指标（9项）.
	headingNoteRe = regexp.MustCompile(`\s*[（(][^（）()]{1,12}[)）]\s*$`)
	// otherHeadingRe matches sections of guidance that assign nothing.
	// The words open the heading, after a verb at most (加强组织领导,
	// 切实加强组织领导), or close it after 的 (把握创新发展的总体要求):
	// 制定方案并组织实施 is a task.
	otherHeadingRe = regexp.MustCompile(`^\p{Han}{0,4}?(?:` + guidanceWords + `)|的(?:` + guidanceWords + `)$`)
)

// isTargetHeading reports whether a heading titles a 主要目标 / 指标
// section, with or without a note in brackets after its title, or a
// sentence after it: （一）发展目标。主要包括8项。
// mixedTargetHeadingRe is a heading over goals and the work that carries
// them (主要预期目标及载体, 目标与任务): its items that state no goal are tasks.
var mixedTargetHeadingRe = regexp.MustCompile(`(?:目标|指标)(?:及|和|与|、)(?:载体|任务|举措|措施|工作|抓手|项目)`)

// goalWordRe is a word that states a goal to reach: a measure (率, 比重,
// 总额) or a move of one (增长, 控制在).
var goalWordRe = regexp.MustCompile(`增长|增加|下降|降低|减少|提高|提升|控制在|达到|保持|稳定|不低于|不高于|以上|以内|率|指数|比重|比例|总量|总额|收入|产值|规模|数量|人数|面积`)

// statesGoal reports whether an item under such a heading states a goal
// (区属GDP增长12%, 森林覆盖率稳步提高) rather than naming a piece of work
// (“转型升级突破年”活动).
func statesGoal(text string) bool {
	return strings.ContainsAny(text, "0123456789０１２３４５６７８９%％‰") || goalWordRe.MatchString(text) || relativeGoalRe.MatchString(strings.TrimRight(text, "。"))
}

func isTargetHeading(h string) bool {
	if i := strings.Index(h, "。"); i > 0 {
		h = h[:i]
	}
	// Every match of targetHeadingRe holds 目标 or 指标.
	if !strings.Contains(h, "目标") && !strings.Contains(h, "指标") {
		return false
	}
	if targetHeadingRe.MatchString(h) {
		return true
	}
	// headingNoteRe closes with a bracket: a heading without one has no
	// note to strip.
	return strings.ContainsAny(h, ")）") && targetHeadingRe.MatchString(headingNoteRe.ReplaceAllString(h, ""))
}

// buildTasks classifies the items and writes them as tasks.
func (p *parser) buildTasks(docID string, items []*item, docYear int, taskTables bool) []*task.Task {
	anyClause := taskTables
	for _, it := range items {
		if it.clause.form != formNone {
			anyClause = true
		}
	}
	titles := make([]string, len(items))
	for i, it := range items {
		if len(it.children) > 0 && !strings.Contains(it.body, "。") {
			it.body = stripTableHeader(it.body)
		}
		titles[i] = titleOf(it.body, len(it.children) > 0)
	}
	var out []*task.Task
	for i, it := range items {
		if it.absorbed {
			continue
		}
		t := &task.Task{
			Path:  pathOf(items, i),
			Title: titles[i],
			Text:  p.fullText(items, i),
		}
		t.ID = docID + "-" + strings.Join(t.Path, ".")
		for a := it.parent; a >= 0; a = items[a].parent {
			t.Headings = append([]string{titles[a]}, t.Headings...)
		}
		if classify(t, items, i, anyClause) {
			p.byOrder[t] = true
		}
		if t.Kind != task.KindOther {
			dateTask(t, items, i, docYear)
		}
		if it.gap {
			t.Flags = append(t.Flags, "编号不连续（前一个编号缺失），请核对原文")
		}
		out = append(out, t)
	}
	return out
}

// classify decides what item i is — a task with its own units, one that
// shares the units of the row above, a target, a task the office must
// assign, or other text — and gives it its units and the flags that say
// what was guessed. anyClause tells whether the document assigns units
// anywhere. It reports whether the task's lead is the first of a plain
// list of units (units.byOrder).
func classify(t *task.Task, items []*item, i int, anyClause bool) (byOrder bool) {
	it := items[i]
	inTarget, inOther, mixed := false, false, false
	for _, h := range t.Headings {
		if isTargetHeading(h) {
			inTarget = true
			mixed = mixed || mixedTargetHeadingRe.MatchString(h)
		}
		inOther = inOther || otherHeadingRe.MatchString(h)
	}
	taskKind := task.KindTask
	if inTarget && (!mixed || statesGoal(t.Text)) {
		taskKind = task.KindTarget
	}
	switch {
	case it.clause.form != formNone && summaryClause(items, i):
		// Its sub-items carry their own clauses: its clause sums
		// theirs up and it is a heading. Units it names that none of
		// them does would be lost: the office is told.
		t.Kind = task.KindOther
		if missing := unitsNotBelow(items, i); len(missing) > 0 {
			t.Flags = append(t.Flags, "本条子项各列有责任单位，本条作为标题未列为任务；本条所列"+strings.Join(missing, "、")+"未见于子项，请核实")
		}
	case it.clause.form != formNone:
		t.Kind = taskKind
		t.Lead, t.Co, t.Flags = it.units.lead, it.units.co, append(t.Flags, it.units.flags...)
		var raws []string
		for _, c := range it.clauses() {
			raws = append(raws, c.raw)
			if c.flag != "" {
				t.Flags = append(t.Flags, c.flag)
			}
		}
		t.UnitsRaw = strings.Join(raws, "；")
		t.Leader = it.leader
		if it.lifted {
			t.Flags = append(t.Flags, "责任单位写在最后一个子项之后，已作为整条的责任单位")
		}
		if len(t.Lead) == 0 {
			t.Flags = append(t.Flags, "未能从责任单位原文中识别出牵头单位，请手工填写")
		}
		return it.units.byOrder
	case len(it.children) > 0:
		t.Kind = task.KindOther
	case it.inherit >= 0:
		src := items[it.inherit]
		t.Kind = taskKind
		t.Lead, t.Co = src.units.lead, src.units.co
		t.Flags = append(t.Flags, inheritedFlag("上一行（"+strings.Join(pathOf(items, it.inherit), "")+"）"))
		return src.units.byOrder
	case inTarget || targetHeadingRe.MatchString(t.Title):
		t.Kind = task.KindTarget
		t.Flags = append(t.Flags, "未标明责任单位，请指定牵头单位")
	case !anyClause && !inOther && !assignsNothing(t):
		// 一、总体要求 with its paragraph and no sub-items is no task either.
		t.Kind = task.KindTask
		t.Flags = append(t.Flags, "文件未列责任单位，请指定牵头单位")
	default:
		t.Kind = task.KindOther
		if anyClause && siblingsHaveClauses(items, i) && !inOther && !assignsNothing(t) {
			t.Flags = append(t.Flags, "同级条目都列有责任单位而此条没有，请确认是否为任务")
		}
	}
	return false
}

// rosterRe opens the roster of a working group (工作机构组长：某某…, 领导
// 小组 组长:…), whose members own no task of their own.
var rosterRe = regexp.MustCompile(`^\p{Han}{0,10}?(?:组\s*长|召\s*集\s*人)\s*[:：]`)

// assignsNothing reports an item of guidance: titled as such (保障措施,
// 加强组织领导) or a working group's roster.
func assignsNothing(t *task.Task) bool {
	return otherHeadingRe.MatchString(t.Title) || rosterRe.MatchString(t.Text)
}

// unitsNotBelow returns the units item i's own clause names that no item
// below it names.
func unitsNotBelow(items []*item, i int) []string {
	below := map[string]bool{}
	for _, k := range subtree(items, i)[1:] {
		for _, u := range slices.Concat(items[k].units.lead, items[k].units.co) {
			below[u] = true
		}
	}
	var out []string
	for _, u := range slices.Concat(items[i].units.lead, items[i].units.co) {
		if !below[u] && !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out
}

// summaryClause reports whether item i's clause only sums up those of its
// sub-items: they have clauses of their own, and the first of them is
// there (when the page lost item 1, the clause above 2. is that row's).
func summaryClause(items []*item, i int) bool {
	ch := items[i].children
	if len(ch) == 0 || items[ch[0]].gap {
		return false
	}
	for _, k := range subtree(items, i)[1:] {
		if items[k].clause.form != formNone {
			return true
		}
	}
	return false
}

// dateTask finds the deadline of item i — a 完成时限 label, else its text,
// else the date its section sets — and its numeric targets.
func dateTask(t *task.Task, items []*item, i, docYear int) {
	it := items[i]
	t.Deadline = findDeadline(t.Text, docYear)
	due := it.due
	if due == "" && strings.ContainsAny(t.Text, "：:") && strings.ContainsAny(t.Text, "时期") {
		// （完成时限：2025年6月） in brackets of its own, after the clause;
		// every such label holds 时 or 期.
		if m := dueInTextRe.FindStringSubmatch(t.Text); m != nil {
			if d := cellDeadline(m[1], docYear); d != nil {
				t.Deadline = d
			}
		}
	}
	if due != "" {
		if d := cellDeadline(due, docYear); d != nil {
			t.Deadline = d
		} else {
			t.Deadline = &task.Deadline{Text: due}
		}
	}
	// A section may set the date for all its items (二、指标体系：
	// 到2018年底，…); it beats an undated 持续推进 or a year's work (全年
	// 转化50项) of the item's text, not a time the item's own clause gives
	// (年内持续推进).
	for a := it.parent; (t.Deadline == nil || it.due == "" && (t.Deadline.Date == "" || isYearsWork(t.Deadline.Text))) && a >= 0; a = items[a].parent {
		if d := sectionDeadline(items[a], docYear); d != nil {
			t.Deadline = d
		}
	}
	year := 0
	if t.Deadline != nil && len(t.Deadline.Date) >= 4 {
		year = atoi(t.Deadline.Date[:4])
	}
	t.Targets = findTargets(t.Text, year)
}

func siblingsHaveClauses(items []*item, i int) bool {
	parent := items[i].parent
	for j, it := range items {
		if j != i && it.parent == parent && it.m.style == items[i].m.style && it.clause.form != formNone {
			return true
		}
	}
	return false
}

func pathOf(items []*item, i int) []string {
	var path []string
	for a := i; a >= 0; a = items[a].parent {
		path = append([]string{items[a].m.label()}, path...)
	}
	if sc := items[i].scope; sc != "" {
		path = append([]string{sc}, path...)
	}
	return path
}

// fullText is the item's text with the sub-items it absorbed, each with its
// marker as the document writes it.
func (p *parser) fullText(items []*item, i int) string {
	var b strings.Builder
	b.WriteString(normalizeSpace(items[i].body))
	for j := i + 1; j < len(items) && items[j].m.start < items[i].subtreeEnd; j++ {
		if !items[j].absorbed {
			break
		}
		b.WriteString("\n")
		b.WriteString(items[j].m.label())
		if items[j].m.style == styleNum {
			b.WriteString(".")
		}
		if items[j].m.style == styleCN {
			b.WriteString("、")
		}
		b.WriteString(normalizeSpace(items[j].body))
	}
	return b.String()
}

// normalizeSpace trims each line, drops empty lines and folds runs of
// spaces (including U+3000 and NBSP) into one.
func normalizeSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimFunc(line, isSpace)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		space := false
		for _, r := range line {
			if isSpace(r) {
				space = true
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\u3000' || r == '\u00a0'
}

// titleOf returns an item's short title: a heading line on its own, or the
// leading phrase up to the first 。 when it is short enough to read as a
// heading (1.加快高成长性企业集群培育。围绕…).
func titleOf(body string, heading bool) string {
	body = strings.TrimSpace(body)
	first := body
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		first = strings.TrimSpace(body[:i])
		if !strings.Contains(first, "。") && len([]rune(first)) <= 60 {
			return cleanTitle(first)
		}
	}
	if heading && len([]rune(first)) <= 60 {
		return cleanTitle(first)
	}
	// 总体目标 到2029年，……: a page run together on one line keeps its
	// heading's title before a space.
	if strings.ContainsAny(first, " \u3000") {
		if m := spacedTitleRe.FindStringSubmatch(first); m != nil {
			return m[1]
		}
	}
	if i := strings.Index(first, "。"); i >= 0 {
		// A sentence that is the whole item is its content, not a title.
		if t := first[:i]; len([]rune(t)) <= 40 && strings.TrimSpace(body[i+len("。"):]) != "" {
			return cleanTitle(t)
		}
		return ""
	}
	if heading || len([]rune(first)) <= 40 {
		return cleanTitle(first)
	}
	return ""
}

// spacedTitleRe is a short title parted by a space from the text run on
// after it.
var spacedTitleRe = regexp.MustCompile(`^(\p{Han}{2,15})[ \x{3000}]+\S`)

func cleanTitle(s string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "。：:；;，,"))
}

// tableHeaderWords are the column headers a flattened table leaves glued to
// its section heading: 主要目标重点目标主要指标责任单位.
var tableHeaderWords = []string{"序号", "重点目标", "主要指标", "责任单位", "牵头单位", "配合单位", "责任部门", "重点工作", "主要目标任务", "主要目标", "完成时限", "时间节点", "工作任务", "具体措施", "工作措施", "任务内容"}

// stripTableHeader removes such headers. It strips only a run of header
// words that names a unit column, so that a heading that merely ends in
// 主要目标 keeps it.
func stripTableHeader(s string) string {
	orig, unitCol := s, false
	for {
		cut := false
		for _, w := range tableHeaderWords {
			if strings.HasSuffix(s, w) && len(s) > len(w) {
				s, cut = strings.TrimSpace(strings.TrimSuffix(s, w)), true
				unitCol = unitCol || strings.HasSuffix(w, "单位") || strings.HasSuffix(w, "部门")
				break
			}
		}
		if !cut {
			break
		}
	}
	if !unitCol {
		return orig
	}
	return s
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// sectionDeadline is the dated deadline a section's own text sets, computed
// once per section.
func sectionDeadline(it *item, docYear int) *task.Deadline {
	if !it.deadlineDone {
		it.deadlineDone = true
		if d := findDeadline(it.body, docYear); d != nil && d.Date != "" {
			it.sectionDeadline = d
		} else if d := cellDeadline(it.due, docYear); d != nil && d.Date != "" {
			// The 完成时限 the heading's own clause gives (in a table
			// flattened one cell a line, a cell merged over its rows).
			it.sectionDeadline = d
		}
	}
	return it.sectionDeadline
}

// clip shortens s to n characters for a message, lines joined with ⏎.
func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
