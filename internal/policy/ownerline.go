package policy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// ownerColumnLines rewrites each line that holds only the columns of an
// item's assignment, separated by spaces, as the clause in brackets the
// clause reader knows. A task list rendered from data writes them on the
// line below each item: its lead group, its co-units (无 for none) and its
// due time (省发展改革委 省经信厅、省科技厅 2026年12月 →
// （责任单位：省发展改革委、省经信厅、省科技厅；完成时限：2026年12月）).
// The two groups are read as one plain list whose first unit leads, as
// 责任单位 alone is read, and the office is told so; a line holding any word
// that is not a unit's name or the time stays as written.
func (u unitRules) ownerColumnLines(text string) string {
	if !strings.Contains(text, " ") && !strings.Contains(text, "\u3000") {
		return text
	}
	lines := strings.Split(text, "\n")
	changed := false
	for i, l := range lines {
		if c, ok := u.ownerColumns(l); ok {
			lines[i], changed = c, true
		}
	}
	if !changed {
		return text
	}
	return strings.Join(lines, "\n")
}

// labelAboveLines joins an owner label standing alone on its line, with or
// without its colon, to the unit list on the line below it (责任单位： ⏎
// 水务局、城管局 → 责任单位：水务局、城管局), as a form that lays out its fields
// as blocks writes it: the label's units are that line's.
func (u unitRules) labelAboveLines(text string) string {
	if !strings.Contains(text, "单位\n") && !strings.Contains(text, "部门\n") && !strings.Contains(text, ":\n") && !strings.Contains(text, "：\n") {
		return text
	}
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		label := strings.TrimRight(strings.TrimSpace(lines[i]), ":：")
		if i+1 < len(lines) && labelNameRe.MatchString(label) {
			if next := strings.TrimSpace(lines[i+1]); u.isUnitList(next) {
				out = append(out, label+"："+next)
				i++
				continue
			}
		}
		out = append(out, lines[i])
	}
	return strings.Join(out, "\n")
}

// brokenOwnerLines joins to an owner line that a line break cut inside its
// list (责任部门：市房管局牵头，市发改委、市财政局、 ⏎ 市国土资源局配合。) the
// line that holds the list's rest: a list does not end with 、 or a comma.
// The rest was read as closing words after the clause, and lost.
func (u unitRules) brokenOwnerLines(text string) string {
	if !strings.Contains(text, "、\n") && !strings.Contains(text, "，\n") && !strings.Contains(text, ",\n") {
		return text
	}
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for i+1 < len(lines) && clauseStartRe.MatchString(strings.TrimLeft(l, " \t\u3000")) && ownerWordRe.MatchString(l) && brokenListEnd(l) && u.listRest(lines[i+1]) {
			l += strings.TrimSpace(lines[i+1])
			i++
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// brokenListEnd reports a line that ends inside a list: after 、 or a comma.
func brokenListEnd(l string) bool {
	return strings.ContainsRune("、，,", lastRune(strings.TrimRight(l, " \t\u3000")))
}

// listRest reports a line that can be the rest of a unit list: it opens
// with no number or label and names units, a verb closing them or not.
func (u unitRules) listRest(l string) bool {
	l = strings.TrimSpace(l)
	if l == "" || clauseStartRe.MatchString(l) {
		return false
	}
	if _, ok := scanMarker([]rune(l), 0); ok {
		return false
	}
	first := splitTop(strings.TrimRight(l, "。.；;"), "，,")[0]
	names, _ := phraseRole(first, roleGeneric)
	return u.isUnitList(names)
}

// groupVerbRe is the verb that may close a lead group (省经信厅、省科技厅按职
// 责分工负责): the units before it are the group.
var groupVerbRe = regexp.MustCompile(`(?:按职责分工|分别)?(?:负责|牵头)$`)

// ownerColumns reads one such line: exactly three columns, a unit list, a
// unit list or 无, and a time. It returns the clause it stands for.
func (u unitRules) ownerColumns(line string) (string, bool) {
	fields := ownerFields(strings.Fields(strings.ReplaceAll(line, "\u3000", " ")))
	if len(fields) != 3 {
		return "", false
	}
	var names []string
	for k, f := range fields[:2] {
		if k == 1 && f == "无" {
			continue
		}
		f = groupVerbRe.ReplaceAllString(f, "")
		if !u.isUnitList(f) {
			return "", false
		}
		names = append(names, f)
	}
	return "（责任单位：" + strings.Join(names, "、") + "；完成时限：" + fields[2] + "）", true
}

// ownerFields returns a line's columns with a time run into the column
// before it parted from it, and a 无 run into the lead group (省经信厅无
// 2026年9月: the spaces lost); nil when the line does not end with a time.
func ownerFields(fields []string) []string {
	if len(fields) == 0 || len(fields) > 3 {
		return nil
	}
	last := fields[len(fields)-1]
	if !wholeTime(last) {
		i := timeSuffix(last)
		if i <= 0 {
			return nil
		}
		fields = append(fields[:len(fields)-1:len(fields)-1], last[:i], last[i:])
	}
	if len(fields) == 2 {
		if lead, ok := strings.CutSuffix(fields[0], "无"); ok && lead != "" {
			fields = []string{lead, "无", fields[1]}
		}
	}
	return fields
}

// wholeTime reports whether s is a time and nothing else: 2026年12月,
// 持续推进, 2024年6月底前完成.
func wholeTime(s string) bool {
	if len([]rune(s)) > 12 {
		return false
	}
	d := cellDeadline(s, 0)
	return d != nil && (d.Text == s || d.Text+"完成" == s)
}

// timeSuffix returns where the time that ends s begins, -1 when s ends
// with none.
func timeSuffix(s string) int {
	// Only the last 12 characters can start a time wholeTime takes:
	// from the longest such ending down.
	start := len(s)
	for n := 0; n < 12 && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:start])
		start -= size
	}
	for i := range s[start:] {
		if at := start + i; at > 0 && wholeTime(s[at:]) {
			return at
		}
	}
	return -1
}

// contentLabelRe opens the line that holds an item's work or goal in a
// form laid out as fields: 任务内容：…, 工作内容：…, 目标要求：…, 任务目标：….
var contentLabelRe = regexp.MustCompile(`^[ \t\x{3000}]*` + contentLabel)

const contentLabel = `(?:(?:任务|工作|主要|具体|目标|建设)?(?:内容|任务|事项)|(?:工作|目标|任务)(?:目标|要求))[ \t\x{3000}]*[:：][ \t\x{3000}]*`

// contentAboveLabels moves an item's work written below its labelled
// fields (任务一 ⏎ 责任单位：A ⏎ 完成时限：… ⏎ 任务内容：新建…) above them, without
// its label, where the clause reader looks for the work: the labels close
// the item, as they do in the other layouts.
func contentAboveLabels(text string) string {
	if !strings.Contains(text, "内容") && !strings.Contains(text, "任务") && !strings.Contains(text, "事项：") && !strings.Contains(text, "要求") {
		return text
	}
	lines := splitGluedContent(strings.Split(text, "\n"))
	for i := 1; i < len(lines); i++ {
		if !strings.ContainsAny(lines[i], ":：") {
			continue
		}
		loc := contentLabelRe.FindStringIndex(lines[i])
		if loc == nil || loc[1] == len(lines[i]) {
			continue
		}
		// The owner lines above, blank lines between them or not. Owner
		// lines under a work of their own (任务内容：A ⏎ 责任单位：甲 ⏎ ⏎
		// 任务内容：B) are that work's, not this one's.
		first, above := i, -1
		for k := i - 1; k >= 0; k-- {
			t := strings.TrimSpace(lines[k])
			if t != "" && !clauseStartRe.MatchString(t) {
				above = k
				break
			}
			if t != "" {
				first = k
			}
		}
		if first == i || above < 0 || contentLabelRe.MatchString(lines[above]) {
			continue
		}
		// The work, then the owner lines together, then the blank lines
		// that stood between them: the owner lines close the item as
		// one block.
		block := []string{lines[i][loc[1]:]}
		var blanks []string
		for _, l := range lines[first:i] {
			if strings.TrimSpace(l) == "" {
				blanks = append(blanks, l)
			} else {
				block = append(block, l)
			}
		}
		copy(lines[first:i+1], append(block, blanks...))
	}
	return strings.Join(lines, "\n")
}

// gluedContentRe is a content label run into the line before it.
var gluedContentRe = regexp.MustCompile(contentLabel)

// splitGluedContent parts an owner line from the work a page ran into it
// (责任单位：莲塘镇任务目标：2024年计划…): the work starts a line of its own,
// to be moved above the labels with the rest of its kind, and is neither
// a unit nor lost from the item's words.
func splitGluedContent(lines []string) []string {
	var out []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.ContainsAny(t, ":：") && clauseStartRe.MatchString(t) {
			if loc := gluedContentRe.FindStringIndex(t); loc != nil && loc[0] > 0 && loc[1] < len(t) {
				out = append(out, t[:loc[0]], t[loc[0]:])
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// labelBulletRe is a bullet before a label at a line's start (●牵头单位：A).
var labelBulletRe = regexp.MustCompile(`(?m)^([ \t\x{3000}]*)[` + bulletGlyphs + `][ \t\x{3000}]*`)

// unbulletLabels drops the bullet a post puts before each labelled field of
// an item (●牵头单位：市发改委 ⏎ ●配合单位：市财政局): the lines are the item's
// owner lines, which open with their label.
func unbulletLabels(text string) string {
	if !labelBulletRe.MatchString(text) {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if loc := labelBulletRe.FindStringSubmatchIndex(l); loc != nil && clauseStartRe.MatchString(l[loc[1]:]) {
			lines[i] = l[:loc[3]] + l[loc[1]:]
		}
	}
	return strings.Join(lines, "\n")
}

// bracketedGroupVerbRe is the verb of a list of units written in brackets
// after its last name (县农业农村局、县住建局（按职责分工负责）), or the units
// a lead works with (市发改委（会同市财政局）).
var bracketedGroupVerbRe = regexp.MustCompile(`(\p{Han})[（(]((?:按职责分工|按照职责分工|按职责|分别|共同)负责|会同[^（）()\n]{2,40})[)）]`)

// unbracketGroupVerbs writes such a verb after the list, as the clause
// reader knows it (县农业农村局、县住建局按职责分工负责): in brackets it was taken
// for a note on the last name, and the whole clause went unread.
func unbracketGroupVerbs(text string) string {
	if !strings.Contains(text, "负责）") && !strings.Contains(text, "负责)") && !strings.Contains(text, "会同") {
		return text
	}
	return bracketedGroupVerbRe.ReplaceAllString(text, "$1$2")
}

// jointLabelRe is a label for a unit and its person together, the person
// after the unit and a space: 责任单位及责任人：市发改委 张某.
var jointLabelRe = regexp.MustCompile(`((?:责任|牵头|主办)(?:单位|部门))(?:及|和|、|/)(?:责任人|负责人)[ \t\x{3000}]*[:：][ \t\x{3000}]*([^\n：:（）()]+?)[ \t\x{3000}]+(\p{Han}{2,3})([）)；;。\n]|$)`)

// splitJointLabels writes such a label as the two labels the clause reader
// knows (责任单位：市发改委；责任人：张某), when the word after the space is a
// person's name: the whole label was taken for a unit's name (责任单位及).
func splitJointLabels(text string) string {
	if !strings.Contains(text, "责任人") && !strings.Contains(text, "负责人") {
		return text
	}
	// Only the lines that hold the label are read: neither pattern has a
	// literal start to skip to, and most of a long text holds none.
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.Contains(l, "责任人") || strings.Contains(l, "负责人") {
			lines[i] = splitJointLabel(l)
		}
	}
	return strings.Join(lines, "\n")
}

func splitJointLabel(line string) string {
	line = rewriteMatches(jointLabelRe, line, func(loc []int) string {
		person := group(line, loc, 3)
		if !strings.ContainsRune(commonSurnames, []rune(person)[0]) {
			return line[loc[0]:loc[1]]
		}
		return group(line, loc, 1) + "：" + group(line, loc, 2) + "；责任人：" + person + group(line, loc, 4)
	})
	// With no person after the units, the label names the units alone.
	return jointLabelOnlyRe.ReplaceAllString(line, "$1：")
}

// jointLabelOnlyRe is such a label whatever follows it.
var jointLabelOnlyRe = regexp.MustCompile(`((?:责任|牵头|主办)(?:单位|部门))(?:及|和|、|/)(?:责任人|负责人)[ \t\x{3000}]*[:：]`)

// labelsAboveItems moves the owner lines a list writes above each of its
// items (责任单位：A ⏎ 1.推进… ⏎ 责任单位：B ⏎ 2.实施…) below the item, where
// the clause reader looks for them. Only a list whose first item has owner
// lines right above it and whose last item has none below it is written so:
// read as lines below, each item took the next one's units, a silent shift.
func labelsAboveItems(text string) string {
	if !strings.Contains(text, "：") && !strings.Contains(text, ":") {
		return text
	}
	lines := strings.Split(text, "\n")
	kinds := make([]lineKind, len(lines))
	for i, l := range lines {
		kinds[i] = kindOfLine(l)
	}
	changed := false
	for i := 0; i < len(lines); i++ {
		if kinds[i].item == 0 {
			continue
		}
		end := listEnd(kinds, i)
		if above := labelBlockAbove(kinds, i); above < i && labelsAboveEach(kinds, i, end) && !labelBelowLast(lines, kinds, i, end) {
			moveLabelsDown(lines, kinds, above, end)
			changed = true
		}
		i = end - 1
	}
	if !changed {
		return text
	}
	return strings.Join(lines, "\n")
}

// lineKind is what a line is to labelsAboveItems: an item of a style (0
// for none), an owner label line, or a blank.
type lineKind struct {
	item  style
	label bool
	blank bool
}

func kindOfLine(l string) lineKind {
	t := strings.TrimSpace(l)
	switch {
	case t == "":
		return lineKind{blank: true}
	case hasColon(t) && clauseStartRe.MatchString(t) && ownerWordRe.MatchString(t):
		return lineKind{label: true}
	}
	if m, ok := scanMarker([]rune(t), 0); ok {
		return lineKind{item: m.style}
	}
	return lineKind{}
}

// listEnd returns the index just past the list whose first item is at i:
// its items of one style and the text and owner lines between them, up to
// an item of another style or the end.
func listEnd(kinds []lineKind, i int) int {
	j := i + 1
	for j < len(kinds) && (kinds[j].item == 0 || kinds[j].item == kinds[i].item) {
		j++
	}
	return j
}

// labelBlockAbove returns where the run of owner lines right above line i
// starts (blank lines aside), i when there is none.
func labelBlockAbove(kinds []lineKind, i int) int {
	start := i
	for k := i - 1; k >= 0 && (kinds[k].label || kinds[k].blank); k-- {
		if kinds[k].label {
			start = k
		}
	}
	return start
}

// labelsAboveEach reports whether the list from line from to end has two
// items or more and owner lines right above each of them.
func labelsAboveEach(kinds []lineKind, from, end int) bool {
	n := 0
	for k := from; k < end; k++ {
		if kinds[k].item == 0 {
			continue
		}
		if labelBlockAbove(kinds, k) == k {
			return false
		}
		n++
	}
	return n >= 2
}

// labelBelowLast reports whether an owner label follows the list's last
// item, between it and end: an owner line, or a line that introduces the
// owners of the item's sub-items (重点工作及责任单位：).
func labelBelowLast(lines []string, kinds []lineKind, from, end int) bool {
	last := from
	for k := from; k < end; k++ {
		if kinds[k].item != 0 {
			last = k
		}
	}
	for k := last + 1; k < end; k++ {
		if kinds[k].label || hasColon(lines[k]) && ownerWordRe.MatchString(lines[k]) {
			return true
		}
	}
	return false
}

// moveLabelsDown rewrites lines[above:end] so that each run of owner lines
// stands after the item below it and that item's text.
func moveLabelsDown(lines []string, kinds []lineKind, above, end int) {
	var out, pending []string
	for k := above; k < end; k++ {
		switch {
		case kinds[k].label:
			pending = append(pending, lines[k])
		case kinds[k].item != 0:
			out = append(out, lines[k])
			j := k + 1
			for j < end && kinds[j].item == 0 && !kinds[j].label {
				out = append(out, lines[j])
				j++
			}
			out = append(out, pending...)
			pending = nil
			k = j - 1
		default:
			out = append(out, lines[k])
		}
	}
	copy(lines[above:end], append(out, pending...))
}

// fieldItemRe is a sub-item that holds no work but its item's owners,
// numbered like the work beside it: (2)责任主体。A、B是责任主体。 The label
// ends with a stop or a colon; the units may be written as the sentence's
// subject before the label again.
var fieldItemRe *regexp.Regexp

// numberedOwnerFields writes such a sub-item as the item's owner line, right
// under the item's own line, where the clause reader looks for it: numbered,
// it was read as a task of its own, and its sibling with the work as
// another, both without units. Above every numbered line of a page (3、责任
// 单位：农业部门。 opening an excerpt) it closes an item of the page before
// and stays there, unnumbered, as such owner lines do: it is no task.
func numberedOwnerFields(text string) string {
	if !strings.Contains(text, "主体") && !strings.Contains(text, "单位") && !strings.Contains(text, "部门") {
		return text
	}
	lines := strings.Split(text, "\n")
	changed := false
	for i := 0; i < len(lines); i++ {
		m := fieldItemRe.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		own := kindOfLine(lines[i]).item
		if own == 0 {
			continue
		}
		first, parent, numbered := i, -1, false
		for j := i - 1; j >= 0 && j >= i-40; j-- {
			above := kindOfLine(lines[j]).item
			if above == 0 {
				continue
			}
			numbered = true
			if above != own {
				parent = j
				break
			}
			first = j
		}
		if parent < 0 && (numbered || i > 40) {
			continue
		}
		units := strings.TrimSuffix(m[2], "是"+m[1])
		units = strings.TrimSuffix(units, "为"+m[1])
		field := m[1] + "：" + units
		copy(lines[first+1:i+1], lines[first:i])
		lines[first] = field
		changed = true
	}
	if !changed {
		return text
	}
	return strings.Join(lines, "\n")
}
