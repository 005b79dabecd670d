package policy

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clauseForm says how a responsibility clause was written.
type clauseForm int

const (
	formNone      clauseForm = iota
	formBracketed            // （责任单位：A、B）, （A、B负责）
	formLabelled             // 责任单位：A、B on its own, without brackets
	formBare                 // A、B after the last sentence (flattened tables)
	formHeading              // (一)省编办牵头的工作: the lead named by a heading above
)

// clause is the responsibility clause of an item.
type clause struct {
	form clauseForm
	raw  string // the clause as written, brackets removed
	// standalone reports whether the clause is a paragraph of its own
	// rather than the end of the item's last sentence.
	standalone bool
	// read, when set, is the clause rewritten for reading its units (a
	// sentence's leader moved to a 分管领导 label); raw stays as written.
	read string
	// due is a deadline cell that followed the units in a flattened table.
	due string
	// flag, when set, is why the office should check the clause's units.
	flag string
}

// units returns the text the clause's units are read from.
func (c clause) units() string {
	if c.read != "" {
		return c.read
	}
	return c.raw
}

// dashes are what sets a clause off from the text before it (——市民政局
// 负责), with the spaces around them: no part of a unit's name.
const dashes = "—－─-~～ \u3000"

// responsibilityEnd matches the verb phrases that close a clause such as
// （A、B负责） or （A牵头，B配合）.
var responsibilityEnd = regexp.MustCompile(`(负责|牵头|配合|落实|办理|参与|承办|主办|协助|协办|协同|协作|共同推进|牵头抓总|组织实施|牵头实施|负责实施|负总责|统筹|实施|指导|督促|组织` + organisedGroup + `(?:进行|开展))$`)

// sameBelowRe is the 下同 that closes a clause whose units hold for the
// items below too.
var sameBelowRe = regexp.MustCompile(`[，,]\s*(以下|下)同$`)

// looksLikeClause reports whether the text inside brackets assigns units:
// it has a label (责任单位：, 牵头领导：) or it closes with a verb of
// responsibility after a name that has the shape of a unit's.
func (u unitRules) looksLikeClause(inner string) bool {
	inner = strings.TrimLeft(strings.TrimSpace(inner), dashes)
	if inner == "" || len([]rune(inner)) > 400 {
		return false
	}
	if loc := clauseWordRe.FindStringSubmatchIndex(inner); loc != nil {
		if r := labelRoleOf(inner[loc[2]:loc[3]]); r <= roleLeader {
			return true
		}
	}
	// 〔市人社局，此项及以下任务均需各县（市、区）落实，不再列出〕: the
	// units before a standing rule.
	if kept, named, _ := u.splitStanding(inner); len(named) > 0 {
		if i := strings.IndexAny(kept, "。;；"); i >= 0 {
			kept = kept[:i]
		}
		if kept = strings.TrimSpace(kept); kept != "" && (u.isUnitList(kept) || u.closesWithVerb(kept)) {
			return true
		}
	}
	// （A、B负责。列第一位者为牵头单位，下同）
	head := strings.TrimSpace(ruleNoteRe.ReplaceAllString(inner, ""))
	if i := strings.IndexAny(head, "。;；"); i >= 0 {
		head = head[:i]
	}
	// （A、B按职责分工负责，下同）: the same units for the items below.
	head = strings.TrimSpace(sameBelowRe.ReplaceAllString(head, ""))
	// （A，B，C，排名第一位为牵头单位，下同）: a list of units whose roles
	// the note states.
	if ruleNoteRe.MatchString(inner) && head != "" && u.isUnitList(head) {
		return true
	}
	return u.closesWithVerb(head)
}

// closesWithVerb reports whether a clause closes with a verb of
// responsibility and opens with a name that has the shape of a unit's
// (A牵头，B配合，C落实).
func (u unitRules) closesWithVerb(head string) bool {
	if !responsibilityEnd.MatchString(head) {
		return false
	}
	first := splitTop(head, "、，,")
	// 在省委宣传部的指导下，由A负责: the guide named first.
	if len(first) > 1 && guidedRe.MatchString(strings.TrimSpace(first[0])) {
		first = first[1:]
	}
	// 分管副省长、协管副秘书长负责，省国资委牵头: the officials first.
	for len(first) > 1 {
		if name, _ := phraseRole(strings.TrimSpace(first[0]), roleGeneric); !officialRe.MatchString(name) {
			break
		}
		first = first[1:]
	}
	if len(first) == 0 {
		return false
	}
	name, _ := phraseRole(first[0], roleGeneric)
	if m := togetherRe.FindStringSubmatch(name); m != nil {
		name = m[1]
	}
	name, _ = stripMark(name)
	return u.plausible(strings.TrimSuffix(name, "等"))
}

// splitClause separates an item's text from its responsibility clauses: a
// block of labelled lines at its end (牵头单位：A / 分管领导：B), a label after
// its last sentence (。责任单位：A、B), and clauses in brackets anywhere in it
// (……（A牵头）；……（B负责，C配合）). bare enables the flattened-table form,
// where the units follow the last sentence without any label.
func splitClause(text string, bare bool, u unitRules) (string, []clause) {
	text = pipeCellLines(text)
	text = weiClauses(dashClauses(sentenceLabels(spacedLabels(colonLabels(cutProgress(text))))))
	t := strings.TrimRight(text, " \t\n\u3000")
	body, cs := u.bracketClauses(t)
	body, block := labelledTail(strings.TrimRight(body, " \t\n\u3000"))
	if block.form != formNone {
		cs = append(cs, block)
	}
	if len(cs) > 0 {
		return strings.TrimRight(body, " \t\n\u3000"), cs
	}
	if body, c, ok := u.sentenceClause(t); ok {
		return body, []clause{c}
	}
	if body, c, ok := u.midLabel(t); ok {
		return body, []clause{c}
	}
	if cs := u.byClauses(t); cs != nil {
		return text, cs
	}
	if bare {
		// A deadline cell on the last line, after the units.
		due := ""
		if k := strings.LastIndexByte(t, '\n'); k >= 0 {
			if last := strings.TrimSpace(t[k+1:]); len([]rune(last)) <= 20 && cellDeadline(last, 0) != nil {
				due, t = last, strings.TrimRight(t[:k], " \t\n\u3000")
			}
		}
		if c, body, ok := u.spacedCells(t, due); ok {
			return body, []clause{c}
		}
		t = strings.TrimRight(t, "。.")
		cut := strings.LastIndexAny(t, "。；;\n")
		if cut >= 0 {
			_, size := utf8.DecodeRuneInString(t[cut:])
			tail := strings.TrimSpace(t[cut+size:])
			if tail != "" && u.isUnitList(tail) {
				return t[:cut+size], []clause{{form: formBare, raw: tail, due: due}}
			}
			if units, d, ok := u.unitsThenDue(tail); ok && due == "" {
				return t[:cut+size], []clause{{form: formBare, raw: units, due: d}}
			}
		}
	}
	return text, nil
}

// pipeCellLines puts each cell of an item written as a row of a table
// whose header the page lost (1.公开规划。 | 区发展改革局牵头办理。 |) on
// a line of its own, as a table flattened one cell a line gives them, so
// that a clause in the row's last cell closes the item.
func pipeCellLines(text string) string {
	if !strings.Contains(text, " | ") && !strings.HasSuffix(strings.TrimRight(text, " \t\n"), " |") {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		l = strings.TrimSuffix(strings.TrimRight(l, " \t"), " |")
		lines[i] = strings.ReplaceAll(l, " | ", "\n")
	}
	out := strings.Join(lines, "\n")
	// The section's cell a page wrote again at the start of the next row
	// ((三)做好财政信息公开。 | 8.…), merged over both, heads that row,
	// not this item's words.
	if k := strings.LastIndexByte(out, '\n'); k > 0 && isSectionRow(out[k+1:]) {
		out = out[:k]
	}
	return out
}

// maxDueCell bounds a time cell that follows a row's units.
const maxDueCell = 15

// unitsThenDue parts a row's last cells, its units and the time cell after
// them, which a page ran together or left a space between
// (办公室、政策法规科常态化开展, 市司法局 2024年底前): the longest time cell
// at the end that is a time as a whole (三年内 of 各区县市三年内, not 年内)
// and whose words before it are a list of units; else the shortest cell
// that sets a time among other words.
func (u unitRules) unitsThenDue(tail string) (string, string, bool) {
	rs := []rune(tail)
	if len(rs) < 3 || !strings.ContainsAny(string(rs[max(0, len(rs)-maxDueCell):]), timeChars) {
		return "", "", false
	}
	// cut parts rs before its last n characters, which must be a time
	// (isTime) after a list of units.
	cut := func(n int, isTime func(string) bool) (string, string, bool) {
		due := string(rs[len(rs)-n:])
		if unicode.IsSpace(rs[len(rs)-n]) || !isTime(due) {
			return "", "", false
		}
		units := strings.TrimSpace(string(rs[:len(rs)-n]))
		return units, due, u.isUnitList(units)
	}
	for n := min(maxDueCell, len(rs)-1); n >= 2; n-- {
		if units, due, ok := cut(n, wholeTime); ok {
			return units, due, true
		}
	}
	// A time with words of its own (5月底前动工): the shortest such
	// cell after a list of units.
	setsTime := func(c string) bool { return cellDeadline(c, 0) != nil }
	for n := 2; n <= maxDueCell && n < len(rs); n++ {
		if units, due, ok := cut(n, setsTime); ok {
			return units, due, true
		}
	}
	return "", "", false
}

// spacedCells reads a table row a page left on one line with spaces between
// its cells and no header (1 实施校舍改造工程 市教育局 2023年8月底): the
// last cells, a deadline and before it the cells of units, after the
// text. due is a deadline already cut from a line below.
func (u unitRules) spacedCells(t, due string) (clause, string, bool) {
	head, last := "", t
	if k := strings.LastIndexByte(t, '\n'); k >= 0 {
		head, last = t[:k+1], t[k+1:]
	}
	cells := spaceCells(last)
	if len(cells) < 2 {
		return clause{}, "", false
	}
	if due == "" && len(cells) > 2 {
		if c := cells[len(cells)-1]; len([]rune(c)) <= 20 && cellDeadline(c, 0) != nil && !u.isUnitList(c) {
			due, cells = c, cells[:len(cells)-1]
		}
	}
	units := 0
	for units < len(cells)-1 && u.isUnitList(cells[len(cells)-1-units]) {
		units++
	}
	if units == 0 {
		return clause{}, "", false
	}
	k := len(cells) - units
	// The cell before the units is the task's text, not a list of units a
	// stray space cut (市税务局等, 各县、市、区政府).
	if before := cells[k-1]; strings.ContainsRune("，,、；;", lastRune(before)) || u.isUnitList(strings.TrimRight(before, "，,、；;等")) {
		return clause{}, "", false
	}
	raw := strings.Join(cells[k:], "；")
	return clause{form: formBare, raw: raw, due: due}, head + strings.Join(cells[:k], " "), true
}

// midLabel finds an owner label inside an item's text, after a comma or a
// stop, whose value up to the next stop is a list of units, the sentences
// after it the page's account of the work: 学前教育促进，牵头单位：市教体局。
// 其中，…整改不到位的为舒城县。 The label and its units leave the text.
func (u unitRules) midLabel(t string) (string, clause, bool) {
	if !hasColon(t) {
		return t, clause{}, false
	}
	for _, loc := range ownerWordRe.FindAllStringIndex(t, -1) {
		before := strings.TrimRight(t[:loc[0]], " \t\u3000")
		if before == "" || !strings.ContainsRune("，,。；;", lastRune(before)) {
			continue
		}
		end := strings.IndexAny(t[loc[1]:], "。；;\n")
		if end < 0 {
			end = len(t) - loc[1]
		}
		value := strings.TrimSpace(t[loc[1] : loc[1]+end])
		if value == "" || !u.isUnitList(value) {
			continue
		}
		after := strings.TrimLeft(t[loc[1]+end:], "。；; \t\n\u3000")
		body := strings.TrimRight(before, "，,") + "。"
		if after != "" {
			body += after
		}
		return body, clause{form: formLabelled, raw: t[loc[0] : loc[1]+end]}, true
	}
	return t, clause{}, false
}

// lastRune returns the last rune of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// ownersFirstRe is an item that opens with its units and a colon
// (县住建局、县自然资源局：完成老旧小区改造10个。) or as a sentence of their
// own (市委宣传部、市委文明办。把未成年人保护工作纳入…).
var ownersFirstRe = regexp.MustCompile(`^[ \t\x{3000}]*([^：:\n。；;，,]{2,60}?)([：:]|。)`)

// roleNameRe is a kind of body rather than a body (工业和信息化部门, 园区管
// 理机构): a text listing each kind's duties (工业和信息化部门：市工业和信息化局
// 负责……) defines roles and assigns no task.
var roleNameRe = regexp.MustCompile(`(?:部门|单位|机构|主体)(?:[、，,]|$)`)

// ownersFirst reads the units an item opens with (see ownersFirstRe) as its
// clause, the first listed leading, and returns the item's text after them.
// Callers believe it only where most items of a list open so, or where
// the units are a sentence of their own (stop).
func (u unitRules) ownersFirst(text string) (c clause, rest string, stop, ok bool) {
	m := ownersFirstRe.FindStringSubmatchIndex(text)
	if m == nil {
		return clause{}, "", false, false
	}
	stop = text[m[4]:m[5]] == "。"
	list := text[m[2]:m[3]]
	rest = strings.TrimSpace(text[m[1]:])
	// Most items open with a sentence of their own: the quick test first.
	if stop && !leveledAgencies(u, list) || rest == "" || !u.isUnitList(list) || genericNames(list) || roleNameRe.MatchString(list) {
		return clause{}, "", false, false
	}
	return unitsClause(list, list), rest, stop, true
}

// unitsClause is the clause of a list of units a text names without a
// label (an opening, a subject, a list after a dash): read as a 责任单位
// list, its first unit leading; raw is the text as written.
func unitsClause(raw, list string) clause {
	return clause{form: formLabelled, raw: raw, read: "责任单位：" + list}
}

// levelOpenRe opens a name with its level of government.
var levelOpenRe = regexp.MustCompile(`^(?:省|市|县|区|州|盟|旗|自治区)`)

// leveledAgencies reports a list whose every name is an agency that opens
// with its level (市委宣传部、市委文明办): a sentence of such names alone is
// a duty list's title, where one of other words (做强工业互联网平台。) is a
// task's.
func leveledAgencies(u unitRules, list string) bool {
	for _, n := range splitTop(list, "、") {
		if !levelOpenRe.MatchString(n) || shiWord(n) || !u.isAgency(n) {
			return false
		}
	}
	return true
}

// subjectVerbRe is a verb or adverb a sentence goes on with after its
// subject (市工商局严格控制…, 国资委及市自来水公司一方面要…).
var subjectVerbRe = regexp.MustCompile(`要|负责|牵头|重点|做好|抓好|严格|严把|参与|一方面|加强|依法|按照|积极|切实|认真|组织|督促|配合|协助|会同|必须|应当|进一步`)

// subjectSummaryRe closes a subject's names with a word that sums them up:
// 市妇联、团市委等部门.
var subjectSummaryRe = regexp.MustCompile(`等(?:有关|相关)?(?:部门|单位)$`)

// dutyTitleRe is an item titled by whose duties it lists: 民政部门职责,
// 市财政局的主要职责.
var dutyTitleRe = regexp.MustCompile(`^(\p{Han}{2,30}?)(?:的)?(?:主要|工作)?(?:职责|责任)$`)

// subjectFirst reads the units an item opens with as the subject of its
// sentence (市妇联、团市委等部门做好…) as its clause, the first listed
// leading: the shortest opening before a verb (subjectVerbRe) that is a
// list of units, within the first 40 characters and its first phrase, or
// a title naming the units whose duties the item lists (民政部门职责。负责…).
// The text stays whole: the subject is part of its sentence. Callers
// believe it only where nearly every item of a list opens so (a duty
// list by department).
func (u unitRules) subjectFirst(text string) (clause, bool) {
	head := strings.TrimLeft(text, " \t\u3000")
	if i := strings.IndexAny(head, "，,。；;：:（("); i >= 0 {
		head = head[:i]
	}
	if rs := []rune(head); len(rs) > 40 {
		head = string(rs[:40])
	}
	// Found, the units stand unless the item's own clause names its units.
	found := func(names, list, flag string) (clause, bool) {
		if holdsClause([]rune(text)) {
			return clause{}, false
		}
		c := unitsClause(names, list)
		c.flag = flag
		return c, true
	}
	if m := dutyTitleRe.FindStringSubmatch(head); m != nil && u.isUnitList(m[1]) && !genericNames(m[1]) {
		return found(m[1], m[1], "责任单位取自条目标题（"+head+"），请核实")
	}
	for _, loc := range subjectVerbRe.FindAllStringIndex(head, -1) {
		names := subjectSummaryRe.ReplaceAllString(head[:loc[0]], "")
		list := strings.ReplaceAll(names, "及", "、")
		// 市委 of 市委组织部参与…: a name too short goes on.
		if len([]rune(names)) < 2 || !u.isUnitList(list) || genericNames(list) {
			continue
		}
		return found(names, list, "责任单位取自条目开头的主语，请核实")
	}
	return clause{}, false
}

// progressLabelRe starts a line that reports what was done (贯彻落实情况：,
// 进展情况：, 进展与成效：), as a progress report (督查通报) writes under each
// task.
var progressLabelRe = regexp.MustCompile(`^[\s\x{3000}]*(?:(?:贯彻|工作)?(?:落实|进展|推进|完成|办理|进度)情况|(?:工作)?进展(?:与|和|及)?成效)\s*[：:]`)

// cutProgress cuts an item's text at the first line below it that reports
// progress: that line and the lines after it are the report's account, not
// the task's words, and hold no deadline of the task.
func cutProgress(text string) string {
	first := strings.IndexByte(text, '\n')
	if first < 0 {
		return text
	}
	lines := strings.SplitAfter(text[first+1:], "\n")
	n := first + 1
	for _, l := range lines {
		if progressLabelRe.MatchString(l) {
			return text[:n]
		}
		n += len(l)
	}
	return text
}

// labelsOnly reports whether every sentence of s starts with a label:
// 责任单位：A。配合单位：B。完成时限：6月底前。
func labelsOnly(s string) bool {
	for _, sent := range splitTop(strings.TrimRight(s, "。 "), "。；;") {
		if !clauseStartRe.MatchString(sent) {
			return false
		}
	}
	return true
}

// labelledTail finds the labelled clause that ends an item: whole lines that
// each start with a label, or a label after the last sentence of the last
// line. It must name units or a leader; a lone 完成时限 stays in the text.
func labelledTail(t string) (string, clause) {
	lines := strings.Split(t, "\n")
	k := len(lines)
	for k > 0 {
		l := strings.TrimLeft(lines[k-1], " \t\u3000")
		// A label of units the parser has no role for (对接单位：) is
		// one of the block's lines: its units are then flagged, not lost.
		if !hasColon(l) || !clauseStartRe.MatchString(l) && len(personLines(l, nil)) == 0 && !unknownUnitLabelRe.MatchString(l) {
			break
		}
		k--
	}
	// 目标要求：… above the owner lines says what the item is to reach:
	// the item's text, not the clause's.
	for k < len(lines) && contentLabelRe.MatchString(lines[k]) {
		k++
	}
	standalone := k < len(lines)
	head := strings.Join(lines[:k], "\n")
	block := strings.Join(lines[k:], "\n")
	// 责任单位：A、B after the last full stop (or comma) of the text before.
	if k > 0 && hasColon(lines[k-1]) {
		last := lines[k-1]
		if locs := clauseWordRe.FindAllStringIndex(last, -1); len(locs) > 0 {
			for _, loc := range locs {
				before := strings.TrimRight(last[:loc[0]], " \t\u3000")
				after := last[loc[0]:]
				if !(strings.ContainsRune("。；;，,", lastRune(before)) || lastCellLabel(last, loc) || runInOwners(after)) {
					continue
				}
				if strings.Count(strings.TrimRight(after, "。"), "。") > strings.Count(after, "。下同") && !labelsOnly(after) {
					continue
				}
				head = strings.Join(append(append([]string(nil), lines[:k-1]...), strings.TrimRight(before, "，,")), "\n")
				block = strings.TrimSpace(after + "\n" + block)
				standalone = false
				break
			}
		}
	}
	block = strings.TrimSpace(block)
	if block == "" || !hasColon(block) || !ownerWordRe.MatchString(block) && labelValue(block, roleLeader) == "" {
		return t, clause{}
	}
	return head, clause{form: formLabelled, raw: block, standalone: standalone}
}

// runInOwners reports an owner label run into the text before it with no
// stop (……建立台账(附件1责任单位：A、B、C, a page whose stops were lost) that
// closes the item with its list and nothing after: one label, its units
// closed by no sentence.
func runInOwners(after string) bool {
	locs := clauseWordRe.FindAllStringIndex(after, -1)
	if len(locs) != 1 || locs[0][0] != 0 || !ownerWordRe.MatchString(after) {
		return false
	}
	list := strings.TrimRight(after[locs[0][1]:], "。 \t")
	return list != "" && !strings.ContainsAny(list, "。；;：:\n") && namesAgency(list)
}

// lastCellLabel reports whether the label at loc in a line opens its last
// cell, as a table flattened one row a line with spaces between cells
// writes it: …辽市政发[2020]3号 责任单位:市财政局、市发展改革委. Only an owner
// label after a gap of spaces, with no sentence after it.
func lastCellLabel(line string, loc []int) bool {
	gap := strings.TrimRight(line[:loc[0]], " \t\u3000")
	after := line[loc[0]:]
	return len(gap) < loc[0] && gap != "" && ownerWordRe.MatchString(after) && !strings.ContainsAny(strings.TrimRight(after, "。"), "。；;")
}

// dashClauseRe is a labelled clause set off by a dash at the end of a
// line: ……定期评估。——责任单位：A、B, 1.减少贫困人口1万人——责任单位：A (see
// dashClauses).
var dashClauseRe *regexp.Regexp

// dashClauses writes a clause after a dash at the end of a line in
// brackets, as the line's clause: the dash closes the sentence as a
// bracket would, wherever the item's text goes on below (a closing
// paragraph joined to the last item).
func dashClauses(t string) string {
	if !strings.Contains(t, "—") && !strings.Contains(t, "--") && !strings.Contains(t, "－－") {
		return t
	}
	return dashClauseRe.ReplaceAllString(t, "${1}（${2}）")
}

// weiClauseRe is a bracketed clause that names its units before their
// labels, joined by 为: （A为牵头单位，B、C为配合单位）, [A、B为责任单位];
// weiPartRe is one of its parts (see weiClauses).
var weiClauseRe, weiPartRe *regexp.Regexp

// labelWeiRe is a bracketed clause whose labels take 为 for their colon,
// （责任单位为A、B）, labelWeiPartRe one of its labels (see weiClauses).
var labelWeiRe, labelWeiPartRe *regexp.Regexp

var weiSepRe = regexp.MustCompile(`[，,；;]\s*`)

// ownerOpensRe is an owner label at the start of a text.
var ownerOpensRe *regexp.Regexp

// ownerLabelEnds are the words every owner label ends with (责任单位, 部门分工,
// 牵头, 配合).
var ownerLabelEnds = []string{"单位", "部门", "处室", "科室", "主体", "分工", "牵头", "配合"}

// hasWeiLabel reports whether t holds a 为 that an owner label follows or
// closes, as every match of labelWeiRe and weiClauseRe does: most items hold
// none, and the regexps need not scan them.
func hasWeiLabel(t string) bool {
	for at := 0; ; {
		i := strings.Index(t[at:], "为")
		if i < 0 {
			return false
		}
		before, after := t[:at+i], t[at+i+len("为"):]
		if ownerOpensRe.MatchString(after) {
			return true
		}
		for _, w := range ownerLabelEnds {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
		at += i + len("为")
	}
}

// weiClauses writes such a clause with its labels first, （牵头单位：A；配合
// 单位：B、C）, the form the clause reader knows; each unit keeps the role
// its label gives it. A bracketed clause whose labels take 为 for their
// colon (（责任单位为A、B）) gets its colons.
func weiClauses(t string) string {
	if !hasWeiLabel(t) {
		return t
	}
	t = rewriteMatches(labelWeiRe, t, func(loc []int) string {
		return group(t, loc, 1) + labelWeiPartRe.ReplaceAllString(group(t, loc, 2), "${1}${2}：") + group(t, loc, 3)
	})
	return rewriteMatches(weiClauseRe, t, func(loc []int) string {
		parts := weiSepRe.Split(group(t, loc, 2), -1)
		for i, p := range parts {
			w := weiPartRe.FindStringSubmatch(p)
			parts[i] = w[2] + "：" + w[1]
		}
		return group(t, loc, 1) + strings.Join(parts, "；") + group(t, loc, 3)
	})
}

// maxDueText bounds a time at a clause's end: 2019年1月1日至2020年12月31日
// 完成 has 21 characters.
const maxDueText = 26

// splitDue cuts a deadline off the end of a clause's units: （市发改委，2024
// 年底前）, （责任单位：市统计局；2024年底前完成）. It returns the units and the
// deadline, "" when the clause ends with none.
func splitDue(inner string) (string, string) {
	var due []string
	for {
		cut := strings.LastIndexAny(inner, "，,；;")
		if cut <= 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(inner[cut:])
		last := strings.TrimSpace(strings.TrimRight(inner[cut+size:], "。. "))
		// （A负责落实，完成时限：2022年10月）: the time under its label.
		last = dueLabelRe.ReplaceAllString(last, "")
		if last == "" || len([]rune(last)) > maxDueText {
			break
		}
		// 立即启动，长期坚持: a start word before the deadline is the
		// deadline's words too.
		if cellDeadline(last, 0) == nil && !startWordRe.MatchString(last) {
			break
		}
		due = append([]string{last}, due...)
		inner = inner[:cut]
	}
	return inner, strings.Join(due, "，")
}

// dueLabelRe is the label of a time inside a clause: 完成时限：, 时间节点：.
var dueLabelRe = regexp.MustCompile(`^(?:完成时限|完成时间|完成期限|时限要求|时间要求|时间节点|办结时限|时限)\s*[:：]\s*`)

// startWordRe is a phrase that says when work starts, not when it is due:
// 立即启动, 即时办理.
var startWordRe = regexp.MustCompile(`^(?:立即|立刻|马上|即时|随时)\p{Han}{0,4}$`)

// bracketClauses takes the clauses in brackets out of a text: （…）, (…),
// 〔…〕, 【…】, […]. Brackets that hold anything else stay.
func (u unitRules) bracketClauses(t string) (string, []clause) {
	if !strings.ContainsAny(t, "（(〔【[［") {
		return t, nil
	}
	rs := []rune(t)
	var cs []clause
	var b strings.Builder
	last := 0
	for i := 0; i < len(rs); i++ {
		if closeOf(rs[i]) == 0 {
			continue
		}
		j, unclosed := matchClose(rs, i), false
		if j < 0 {
			if j = u.unclosedClauseEnd(rs, i); j < 0 {
				continue
			}
			unclosed = true
		}
		inner, due := splitDue(string(rs[i+1 : j]))
		// A bare list of units in brackets counts where a clause stands:
		// at the end of the item or on a line of its own, apart from the
		// words before it.
		// 各县(市、区)政府(管委会) and 示范区(泉州片区) name one thing.
		atEnd := restBlank(rs, j+1, true)
		// A quotation closing before it counts as a stop: ……研发推广。」（工信部、公安部）.
		detached := i == 0 || strings.ContainsRune(" \t\n\u3000。.；;，,」』”", rs[i-1])
		// So does one that ends a sentence and names an agency:
		// ……提升整体实力(省发改委、交通厅、商务厅等)。
		// Not a unit's own note inside a labelled list: 责任单位：A、
		// 市财政局(国资委)；配合单位：B.
		sentenceEnd := j+1 < len(rs) && strings.ContainsRune("。；;", rs[j+1]) && !(!detached && u.labelledListBefore(rs, i))
		ownLine := atLineStart(rs, i) && restBlank(rs, j+1, false)
		// And one that opens the item: （市住建局）推进城市更新。, or
		// closes a sentence after its stop: ……相关政策文件。（各相关部门）定期公布……
		atStart := strings.TrimSpace(string(rs[:i])) == ""
		afterStop := i > 0 && strings.ContainsRune("。；;", rs[i-1])
		if !u.looksLikeClause(inner) && !((atEnd || ownLine || atStart || afterStop) && detached && u.isUnitList(inner)) &&
			!(sentenceEnd && u.isUnitList(inner) && namesAgency(inner)) {
			continue
		}
		c := clause{form: formBracketed, raw: strings.TrimSpace(string(rs[i+1 : j])), due: due, standalone: atLineStart(rs, i)}
		if due != "" {
			c.read = inner
		}
		if k := len(cs) - 1; k >= 0 && !unclosed && strings.TrimSpace(string(rs[last:i])) == "" && cs[k].read == "" && c.read == "" {
			// （牵头单位：A）（配合单位：B）: brackets side by side make
			// one clause, not two the office would be asked to split.
			cs[k].raw += "；" + c.raw
			if c.due != "" {
				cs[k].due = c.due
			}
		} else {
			cs = append(cs, c)
		}
		b.WriteString(string(rs[last:i]))
		last = j + 1
		if unclosed {
			last = j // the line's end closes it: keep the line break
		}
		// ……工作。（A负责）。 leaves one full stop.
		if last < len(rs) && (rs[last] == '。' || rs[last] == '.') && strings.HasSuffix(strings.TrimRight(b.String(), " "), "。") {
			last++
		}
		i = j
	}
	if len(cs) == 0 {
		return t, nil
	}
	b.WriteString(string(rs[last:]))
	return b.String(), cs
}

// labelledListBefore reports whether the line up to rs[i] ends in a
// label's list of units (责任单位：A、市财政局): a bracket right after it is
// the last unit's own note, not a clause.
func (u unitRules) labelledListBefore(rs []rune, i int) bool {
	start := i
	for start > 0 && rs[start-1] != '\n' {
		start--
	}
	line := string(rs[start:i])
	locs := clauseWordRe.FindAllStringIndex(line, -1)
	if len(locs) == 0 {
		return false
	}
	list := strings.TrimSpace(line[locs[len(locs)-1][1]:])
	return list != "" && !strings.ContainsAny(list, "；;。") && u.isUnitList(list)
}

// unclosedClauseEnd returns where the line ends when the bracket opening at
// rs[open] is never closed but starts a labelled clause that runs to the end
// of its line, (责任单位：A、B with the page's ）lost; -1 otherwise. The
// rest of the line must hold no other bracket: then nothing else could
// close it.
func (u unitRules) unclosedClauseEnd(rs []rune, open int) int {
	end := open + 1
	for end < len(rs) && rs[end] != '\n' {
		if !strings.ContainsRune("（()）〔〕【】[]［］", rs[end]) {
			end++
			continue
		}
		// A bracket closed on the line, 各县(市、区) or a label's note
		// (责任单位（部门）), is part of the clause; any other ends it.
		j := -1
		if strings.ContainsRune("（(〔【[［", rs[end]) {
			j = matchClose(rs, end)
		}
		if j < 0 || strings.ContainsRune(string(rs[end:j]), '\n') {
			return -1
		}
		end = j + 1
	}
	inner := strings.TrimSpace(string(rs[open+1 : end]))
	loc := clauseWordRe.FindStringSubmatchIndex(inner)
	if loc == nil || loc[0] != 0 || labelRoleOf(inner[loc[2]:loc[3]]) > roleLeader {
		return -1
	}
	return end
}

// namesAgency reports whether a list of units names an agency (发改委, 财政厅),
// not only places.
func namesAgency(list string) bool {
	for _, n := range splitTop(list, "、，,；;") {
		if agencyEndRe.MatchString(strings.TrimSuffix(strings.TrimSpace(n), "等")) {
			return true
		}
	}
	return false
}

// closeOf returns the bracket that closes r, or 0 when r opens none.
func closeOf(r rune) rune {
	switch r {
	case '（', '(':
		return '）'
	case '〔':
		return '〕'
	case '【':
		return '】'
	case '[', '［':
		return ']'
	}
	return 0
}

func closes(open, r rune) bool {
	switch closeOf(open) {
	case '）':
		return r == '）' || r == ')'
	case ']':
		return r == ']' || r == '］'
	}
	return r == closeOf(open)
}

// matchClose finds the bracket that closes the one opening at rs[open],
// nesting brackets of the same kind; -1 when the text ends first.
func matchClose(rs []rune, open int) int {
	depth := 0
	for i := open; i < len(rs) && i-open < 600; i++ {
		switch {
		case closeOf(rs[i]) == closeOf(rs[open]):
			depth++
		case closes(rs[open], rs[i]):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// matchOpen finds the bracket that opens the one closing at rs[close],
// treating half- and full-width brackets alike.
func matchOpen(rs []rune, close int) int {
	depth := 0
	for i := close; i >= 0; i-- {
		switch {
		case isCloseParen(rs[i]):
			depth++
		case isOpenParen(rs[i]):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// restBlank reports whether rs holds nothing but stops and spaces from i
// to the end of its line, or with toEnd to the end of the text, across line
// breaks. A bracket that heads a line of text (【直击两会】甘谷县…, a news
// title's tag) stands on no line of its own.
func restBlank(rs []rune, i int, toEnd bool) bool {
	for ; i < len(rs); i++ {
		switch {
		case rs[i] == '\n' && !toEnd:
			return true
		case rs[i] != '\n' && !strings.ContainsRune(" \t\u3000。.；;", rs[i]):
			return false
		}
	}
	return true
}

func atLineStart(rs []rune, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch rs[j] {
		case ' ', '\t', '\u3000':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

// leaderTitles are the titles of the officials a document puts over its
// work (副省长, 秘书长): a person's or an office's, never a unit's.
const leaderTitles = `省长|市长|县长|区长|州长|旗长|盟长|书记|秘书长|主任`

// leaderPhraseRe matches a person named with a title in a sentence that
// assigns the work: 由张某某副市长负责, 李某某同志牵头.
var leaderPhraseRe = regexp.MustCompile(`^(\p{Han}{2,4}?(?:同志)?(?:常务)?副?(?:` + leaderTitles + `|部长|局长))(?:负责|牵头|分管|牵头负责|统筹|挂帅)?$`)

// sentenceClause finds the phrases that close an item's last sentence when
// all they do is assign the work: 由张某某副市长负责，市住建局牵头，市财政局、
// 市自然资源局配合。 and 建设高标准农田，县农业农村局牵头，县财政局配合，年底前
// 完成。 Each such phrase must close with a verb of responsibility after unit
// names, or name a person with a title; the clause is returned with the
// person as a 分管领导 label so the units and the leader are read as usual.
// The phrases before them stay the item's text, and so does a deadline
// phrase after them. A sentence that is the item's whole text is its task,
// not a clause.
func (u unitRules) sentenceClause(t string) (string, clause, bool) {
	trimmed := strings.TrimRight(t, "。. \n")
	cut := strings.LastIndexAny(trimmed, "。；;\n")
	tail, head := trimmed, ""
	if cut >= 0 {
		_, size := utf8.DecodeRuneInString(trimmed[cut:])
		tail, head = trimmed[cut+size:], strings.TrimSpace(trimmed[:cut])+trimmed[cut:cut+size]
	}
	// 新建学校——市教育局、市财政局负责: a dash sets the clause off.
	if d := strings.LastIndex(trimmed, "——"); d > cut {
		cut, tail, head = d, trimmed[d:], trimmed[:d]
		// ……举办消费季活动。——市商务局: a list of units alone after
		// the dash, the first leading, as in brackets.
		if list := strings.TrimSpace(strings.TrimLeft(tail, dashes)); strings.TrimSpace(head) != "" && u.isUnitList(list) && !genericNames(list) {
			return strings.TrimSpace(head), unitsClause(list, list), true
		}
	}
	tail = strings.TrimSpace(tail)
	if tail == "" || len([]rune(tail)) > 200 {
		return t, clause{}, false
	}
	// 市A负责，市B配合。完成时限：年底前。: a sentence that only says when
	// the work is due may follow the one that assigns it.
	if sep, _ := utf8.DecodeRuneInString(trimmed[max(cut, 0):]); cut >= 0 && strings.ContainsRune("。；;", sep) && deadlinePhrase(tail) {
		if body, c, ok := u.sentenceClause(head); ok {
			return strings.TrimSpace(body) + tail + "。", c, true
		}
	}
	parts := splitTop(tail, "，,")
	end := len(parts)
	for end > 1 && deadlinePhrase(parts[end-1]) {
		end--
	}
	begin, leader := end, ""
	var phrases []string // the unit phrases, the persons left out
	for ; begin > 0; begin-- {
		ph, ok := u.assignPhrase(parts[begin-1])
		if !ok && len(phrases) > 0 && len(phrases[0]) == len(strings.TrimLeft(strings.TrimSpace(parts[begin]), dashes)) && alsoWord(phrases[0]) != "" && u.isUnitList(strings.TrimSpace(parts[begin-1])) {
			// A、B，以及C、D办理: the list runs on across the comma to
			// its verb.
			phrases[0] = strings.TrimSpace(parts[begin-1]) + "，" + phrases[0]
			continue
		}
		if !ok {
			// 由市财政局、农业局，各县（市）、区人民政府负责落实: a list
			// opened by 由 runs on across the comma to its verb.
			if by := strings.TrimPrefix(strings.TrimSpace(parts[begin-1]), "由"); len(phrases) > 0 && by != strings.TrimSpace(parts[begin-1]) && u.isUnitList(by) {
				phrases = append([]string{by}, phrases...)
				begin--
			}
			break
		}
		if ph.leader != "" {
			leader = ph.leader
		}
		if ph.units != "" {
			phrases = append([]string{ph.units}, phrases...)
		}
	}
	if len(phrases) == 0 && cut >= 0 && trimmed[cut] == '\n' && strings.TrimSpace(head) != "" {
		// A line of its own, a cell of a table flattened one cell a line,
		// that opens with its units and goes on about how (A、B牵头办理,
		// 在工作中加强沟通对接): the opening phrases assign the work, the
		// rest stays in the text.
		n := 0
		for ; n < end; n++ {
			ph, ok := u.assignPhrase(parts[n])
			if !ok || ph.units == "" {
				break
			}
			phrases = append(phrases, ph.units)
		}
		if n > 0 && n < end && !strings.HasPrefix(phrases[0], "会同") && alsoWord(phrases[0]) == "" {
			rest := strings.Join(parts[n:], "，")
			return strings.TrimSpace(head + rest + "。"), clause{form: formLabelled, raw: strings.Join(parts[:n], "，"), read: strings.Join(phrases, "，")}, true
		}
		phrases = nil
	}
	if len(phrases) == 0 || begin == 0 && strings.TrimSpace(head) == "" || strings.HasPrefix(phrases[0], "会同") || alsoWord(phrases[0]) != "" {
		// A sentence that opens with 会同 names who helps, not who leads.
		return t, clause{}, false
	}
	read := strings.Join(phrases, "，")
	if leader != "" {
		read += "；分管领导：" + leader
	}
	body := head + strings.Join(append(append([]string{}, parts[:begin]...), parts[end:]...), "，")
	if begin > 0 || end < len(parts) {
		body += "。"
	}
	return strings.TrimSpace(body), clause{form: formLabelled, raw: strings.Join(parts[begin:end], "，"), read: read}, true
}

// alsoWord returns the word that opens a phrase going on with the list of
// the phrase before it (，以及各有关单位办理): 以及, 及 or 并; "" for none
// (及时 is an adverb).
func alsoWord(s string) string {
	for _, w := range []string{"以及", "并", "及"} {
		if strings.HasPrefix(s, w) && !strings.HasPrefix(s, "及时") {
			return w
		}
	}
	return ""
}

// assignment is one phrase of a sentence that assigns the work: a person
// with a title, or units closed by a verb of responsibility.
type assignment struct{ leader, units string }

// assignPhrase reads one phrase of a sentence that assigns the work.
func (u unitRules) assignPhrase(ph string) (assignment, bool) {
	// ——市交通运输局牵头: a dash sets the clause off from the item.
	bare := strings.TrimLeft(strings.TrimSpace(ph), dashes)
	bare = trimAssignGlue(bare)
	if m := leaderPhraseRe.FindStringSubmatch(bare); m != nil && !u.plausible(m[1]) {
		return assignment{leader: m[1]}, true
	}
	// 市住建局为牵头单位: the label after 为 gives the units their role,
	// as 市住建局牵头 would (most phrases hold no 为 for the regexp).
	if strings.Contains(bare, "为") {
		if m := weiPartRe.FindStringSubmatch(bare); m != nil {
			verb := map[role]string{roleLead: "牵头", roleCo: "配合"}[labelRoleOf(m[2])]
			if verb == "" {
				verb = "负责"
			}
			bare = m[1] + verb
		}
	}
	if !responsibilityEnd.MatchString(bare) {
		return assignment{}, false
	}
	names, _ := phraseRole(bare, roleGeneric)
	if m := togetherRe.FindStringSubmatch(names); m != nil {
		names = m[1]
	} else if with, ok := strings.CutPrefix(names, "会同"); ok {
		// ，会同B办理: the co-units of the phrase before it.
		names = with
	} else if m := alsoWord(names); m != "" {
		names = names[len(m):]
	}
	if byAfterWords(names) {
		return assignment{}, false
	}
	first := splitTop(names, "、")
	if len(first) == 0 || !u.plausible(strings.TrimSuffix(first[0], "等")) {
		return assignment{}, false
	}
	return assignment{units: bare}, true
}

// byAfterWords reports a 由 after a phrase's first words (广告牌日常清洁由
// 企业负责: the work, then who does it), which is a sentence of its own,
// not a list of units; not the 由 of a word (自由贸易试验区).
func byAfterWords(phrase string) bool {
	i := strings.Index(phrase, "由")
	if i <= 0 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(phrase[:i])
	return unicode.Is(unicode.Han, before) && !strings.ContainsRune("自理缘经", before)
}

// deadlinePhrase reports a phrase that only says when the work is due:
// 2025年底前完成, 年内完成.
func deadlinePhrase(p string) bool {
	p = strings.TrimSpace(p)
	return len([]rune(p)) <= 16 && findDeadline(p, 0) != nil && !strings.ContainsAny(p, "局委办厅")
}

// byRe finds 由X负责 inside a sentence: 整改要求:由县环卫站负责清除…,
// 由包片单位县气象局负责清除, 由发展改革委会同农业部等部门研究提出落实意见.
var byRe = regexp.MustCompile(`由((?:[^，,。；;由]{0,12}?单位)?)([^，,。；;由]{2,80}?)(?:(?:牵头)?(?:负责|研究提出|研究制定)|牵头[，,])`)

// byClauses reads the units of each 由X负责 of an item whose text holds
// no other clause, when X is a list of units (a role word before it, 包片
// 单位, is left out), in the order the text gives them: the first names
// the lead, as with several clauses in brackets. A later one may name
// collectives only (……由各镇街及相关部门负责); the first may not, as 由各地
// 负责 alone assigns nothing the office can chase. The text stays whole:
// the sentence is the task's.
func (u unitRules) byClauses(t string) []clause {
	var out []clause
	for _, m := range byRe.FindAllStringSubmatchIndex(t, -1) {
		list := strings.TrimSpace(t[m[4]:m[5]])
		// 本政策由市科技局负责解释 names who interprets the text, not who
		// does its work.
		shared := fieldsShared(list)
		named := shared
		if w := togetherRe.FindStringSubmatch(shared); w != nil && u.isUnitList(strings.TrimSuffix(w[2], "等部门")) {
			named = w[1] // 由A会同B等部门研究提出: A leads, B co-operates
		}
		if strings.HasPrefix(t[m[1]:], "解释") || !u.isUnitList(named) || genericNames(named) && (out == nil || !collectivesOnly(list)) {
			continue
		}
		c := clause{form: formLabelled, raw: list}
		// 由公安部门负责，有关部门配合: the co-units of the same sentence;
		// 由A牵头，会同B，…: those it works with.
		end := m[1]
		if t[end-1] == ',' || strings.HasSuffix(t[:end], "，") {
			// 由A牵头，…: only as the item's opening words; inside its
			// text it describes a mechanism (由龙头企业牵头，组织…).
			if strings.TrimLeft(t[:m[0]], " \t\u3000\n") != "" {
				continue
			}
			end = strings.LastIndexAny(t[:end], ",，")
		}
		if co := u.coPhraseAfter(t[end:]); co != "" {
			c.raw = list + "负责，" + co
		}
		ref := articleRefRe.FindString(sentenceAround(t, m[0], m[1]))
		if strings.Contains(ref, "至") {
			// 第六条至第十六条…由X负责: the sentence restates the
			// units of the articles it names, not this item's.
			continue
		}
		if ref != "" {
			c.flag = "责任单位出自指向" + ref + "的句子，可能不是本条的责任单位，请核实"
		}
		out = append(out, c)
	}
	return out
}

// coVerbEndRe closes a phrase of co-units: 有关部门配合.
var coVerbEndRe = regexp.MustCompile(`(?:配合|协助|参与|协同|协作)(?:落实|实施)?$`)

// coPhraseAfter returns the phrase right after a 由X负责 that names the
// units co-operating with X (，有关部门配合), "" when none does.
func (u unitRules) coPhraseAfter(rest string) string {
	rest, ok := strings.CutPrefix(rest, "，")
	if !ok {
		if rest, ok = strings.CutPrefix(rest, ","); !ok {
			return ""
		}
	}
	if i := strings.IndexAny(rest, "，,。；;\n"); i >= 0 {
		rest = rest[:i]
	}
	rest = strings.TrimSpace(rest)
	if with, ok := strings.CutPrefix(rest, "会同"); ok && u.isUnitList(fieldsShared(with)) {
		return with + "配合"
	}
	names := coVerbEndRe.ReplaceAllString(rest, "")
	if names == rest || !u.isUnitList(fieldsShared(names)) {
		return ""
	}
	return rest
}

// fieldsShared writes out the suffix that fields share in a list of units
// (公安、交通部门 → 公安部门、交通部门).
func fieldsShared(list string) string {
	names := splitTop(list, "、")
	items := make([]markedUnit, len(names))
	for i, n := range names {
		items[i].name = n
	}
	var flags []string
	shareFieldSuffix(items, &flags)
	for i := range items {
		names[i] = items[i].name
	}
	return strings.Join(names, "、")
}

// articleRefRe names other articles or items of the document by number
// (第六条至第十六条, 第三项): a 由X负责 in such a sentence may be theirs.
var articleRefRe = regexp.MustCompile(`第[一二三四五六七八九十百零〇两0-9]+[条项](?:至第[一二三四五六七八九十百零〇两0-9]+[条项])?`)

// sentenceAround returns the sentence of t that holds t[from:to].
func sentenceAround(t string, from, to int) string {
	start := 0
	if i := strings.LastIndexAny(t[:from], "。；;\n"); i >= 0 {
		_, size := utf8.DecodeRuneInString(t[i:])
		start = i + size
	}
	end := strings.IndexAny(t[to:], "。；;\n")
	if end < 0 {
		return t[start:]
	}
	return t[start : to+end]
}

// collectivesOnly reports a list whose every name is a collective of
// units (各镇街, 相关部门), not a word like 企业 or 各地.
func collectivesOnly(list string) bool {
	for _, n := range splitTop(list, "、，,及和") {
		n = strings.TrimSpace(n)
		if len([]rune(n)) < 3 || !groupWordFirst(n) {
			return false
		}
	}
	return true
}

// groupWordFirst reports a name that opens with a word for a group of
// units (各, 有关, 相关).
func groupWordFirst(n string) bool {
	return strings.HasPrefix(n, "各") || strings.HasPrefix(n, "有关") || strings.HasPrefix(n, "相关")
}

// genericNames reports a list holding a word that names no one unit (企业,
// 有关部门, 各单位): 由企业负责 assigns nothing the office can chase.
func genericNames(list string) bool {
	for _, n := range splitTop(list, "、，,") {
		n = strings.TrimSpace(n)
		if len([]rune(n)) <= 2 || groupWordFirst(n) {
			return true
		}
	}
	return false
}
