// Package policy turns a policy document into its numbered items: the tree of
// 一、（一）1.（1）① the document uses, which items are tasks, targets or other
// clauses, their responsible units (lead and co-units), deadlines and numeric
// targets. Whatever it had to guess it flags with a reason the office can read.
package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Parse reads the items of a document.
func Parse(doc *docread.Document, cfg *config.Config) *task.Document {
	p := &parser{rules: newUnitRules(cfg), byOrder: map[*task.Task]bool{}}
	return p.parse(doc)
}

type parser struct {
	rules unitRules
	// standingRules are the rules for many items found in clauses
	// (以下各项措施均需各县（区）人民政府落实), and notes what the parser says
	// about the document because of them.
	standingRules []string
	notes         []string
	// leadIn is the last line before the first item (市发改委：).
	leadIn string
	// byOrder holds the tasks whose lead is the first of a plain list of
	// units (see units.byOrder), which the document note counts.
	byOrder map[*task.Task]bool
}

// item is a node with what the parser found out about it.
type item struct {
	node
	body   string // own text without marker, clauses and closings
	clause clause // the first responsibility clause
	// more are the item's other clauses (……（A牵头）；……（B负责）).
	more     []clause
	units    units
	leader   string // the person a label names (分管领导：王某某)
	due      string // the deadline a label gives (完成时限：2024年底前)
	inherit  int    // index of the item whose units this one shares, or -1
	absorbed bool
	lifted   bool // clause taken over from a sub-item
	scoped   bool // clause is a rule for every sub-item (以下各项均由A牵头)

	deadlineDone    bool
	sectionDeadline *task.Deadline
}

func (p *parser) parse(doc *docread.Document) *task.Document {
	out := &task.Document{
		Source:    filepath.Base(doc.Source),
		Title:     doc.Meta.Title,
		DocNumber: doc.Meta.DocNumber,
		Issuer:    doc.Meta.Issuer,
		Date:      doc.Meta.Date,
	}
	out.ID = documentID(out)
	text, tables := splitBlocks(doc.Blocks, p.rules)
	text = splitGroupCells(spaceLabels(text))
	// The places and the lead rule are read from the text and the tables
	// together, the places from the issuer and the title too: one copy.
	head := doc.Meta.Issuer + "\n" + doc.Meta.Title + "\n"
	whole := head + text + tableText(tables)
	p.rules.places = docPlaces(whole)
	text = p.rules.ownerColumnLines(p.rules.brokenOwnerLines(p.rules.labelAboveLines(labelsAboveItems(contentAboveLabels(unbulletLabels(numberedOwnerFields(unbracketGroupVerbs(splitJointLabels(text)))))))))
	rs := []rune(text)
	rule := detectLeadRule(whole[len(head):])
	docYear := 0
	if len(out.Date) >= 4 {
		docYear, _ = strconv.Atoi(out.Date[:4])
	}

	// Where each table stood in the text: a heading right above one opens
	// a section though no item of the text follows it.
	tableAt := make([]int, len(tables))
	for i, t := range tables {
		tableAt[i] = lineOffset(text, t.line)
	}
	items := p.readItems(rs, rule, tableAt)
	// A document whose tasks are in a table: its numbered text only
	// introduces them.
	out.Tasks = p.buildTasks(out.ID, items, docYear, len(tables) > 0)
	built := out.Tasks
	for i, t := range tables {
		at := tableAt[i]
		host := tableHost(rs, items, at, built)
		t.attachment = attachmentAbove(text, t.line)
		rows := p.tableTasks(out.ID, t, rule, docYear, numberedBefore(out.Tasks, built, items, at), host)
		out.Tasks = insertAfter(out.Tasks, host, rows)
	}
	uniqueIDs(out.Tasks)
	out.Notes = append(documentNotes(out, rule, p.byOrder, p.rules.isCollective), p.notes...)
	switch {
	case len(out.Tasks) == 0:
		out.Notes = append(out.Notes, p.rules.noItemsNote(whole))
	case len(out.Notes) > 0 && out.Notes[0] == noUnitsNote:
		out.Notes[0] = p.rules.unitLinesNote(whole)
	}
	if doc.Traditional {
		out.Notes = append(out.Notes, "原文为繁体字，已逐字转换为简体字后识别，请核对任务内容和单位名称")
	}
	return out
}

// numberedBefore is the tasks a table at rune offset at takes its
// numbering apart from (LABELLING.md: an attachment's items start with
// the attachment where the text before it has numbered items): tasks
// less the text's own (built, read from items) that stand after the
// table, as the numbered points of a note under it (注：1.…2.…) do.
func numberedBefore(tasks, built []*task.Task, items []*item, at int) []*task.Task {
	after := map[string]bool{}
	for i, it := range items {
		if it.m.start >= at {
			after[strings.Join(pathOf(items, i), ".")] = true
		}
	}
	text := map[*task.Task]bool{}
	for _, tk := range built {
		text[tk] = true
	}
	var out []*task.Task
	for _, tk := range tasks {
		if !text[tk] || !after[strings.Join(tk.Path, ".")] {
			out = append(out, tk)
		}
	}
	return out
}

// tableHost returns the task of the heading a table stands right under
// (一、市政府重点工作任务 on the line before the table's header), whose
// items the table's rows are; nil when the table stands elsewhere, as an
// attachment after the text does.
func tableHost(rs []rune, items []*item, at int, tasks []*task.Task) *task.Task {
	h := -1
	for i, it := range items {
		if it.m.start < at {
			h = i
		}
	}
	if h < 0 || items[h].clause.form != formNone || len(items[h].children) > 0 {
		return nil
	}
	if end := min(at, len(rs)); strings.Contains(strings.TrimSpace(string(rs[items[h].m.end:end])), "\n") {
		return nil
	}
	want := strings.Join(pathOf(items, h), ".")
	for _, t := range tasks {
		if strings.Join(t.Path, ".") == want {
			return t
		}
	}
	return nil
}

// insertAfter puts rows after the task at and its earlier rows, in the
// document's order; at the end when at is nil.
func insertAfter(tasks []*task.Task, at *task.Task, rows []*task.Task) []*task.Task {
	k := len(tasks)
	for i, t := range tasks {
		if t == at {
			k = i + 1
			prefix := strings.Join(t.Path, ".") + "."
			for k < len(tasks) && strings.HasPrefix(strings.Join(tasks[k].Path, "."), prefix) {
				k++
			}
			break
		}
	}
	return append(tasks[:k:k], append(rows, tasks[k:]...)...)
}

// readItems finds the items and their clauses.
func (p *parser) readItems(rs []rune, rule leadRule, tableAt []int) []*item {
	nodes := scanItems(rs, tableAt)
	if len(nodes) > 0 {
		before := strings.TrimRight(string(rs[:nodes[0].m.start]), " \t\n\u3000")
		p.leadIn = strings.TrimSpace(before[strings.LastIndex(before, "\n")+1:])
	}
	prefixes := p.ownerPrefixes(rs, nodes)
	items := make([]*item, len(nodes))
	own := make([]string, len(nodes))
	counts := make([]int, len(nodes))
	passed := make([][]string, len(nodes))
	for i, n := range nodes {
		span := string(rs[n.m.end:n.spanEnd])
		if i == len(nodes)-1 && !n.m.lineStart {
			span = inlineEnd(span)
		}
		if prefixes[i] == "" {
			prefixes[i], span = p.openingOwners(span)
		}
		if prefixes[i] != "" {
			span = strings.TrimRight(span, " \t\n\u3000") + "（" + prefixes[i] + "）"
		}
		body, count := readSentenceLabels(span)
		counts[i] = count
		if strings.Contains(span, "以上") { // passedOnRe's first words
			passed[i] = passedOnRe.FindStringSubmatch(span)
		}
		own[i] = p.trimClosing(body, i == len(nodes)-1)
		items[i] = &item{node: n, body: own[i], inherit: -1}
	}
	// Units follow a flattened table's rows bare, without a label; look for
	// them only where the document has no labelled clauses at all, or marks
	// its leads with △.
	bare := rule == ruleMark
	found := p.findClauses(items, own, bare)
	if found == 0 && !bare {
		// No labelled clause anywhere: maybe a flattened table whose units
		// follow each row bare. Believe it only when most rows have them.
		leaves, withBare := 0, p.findClauses(items, own, true)
		for _, it := range items {
			if len(it.children) == 0 {
				leaves++
			}
		}
		if withBare*2 >= leaves && withBare >= 2 {
			bare = true
		} else {
			p.findClauses(items, own, false)
		}
	}
	liftStandalone(items, counts)
	coverCounted(items, counts)
	if bare {
		inheritRows(items)
	}
	var raws []string
	for _, it := range items {
		for _, c := range it.clauses() {
			raws = append(raws, c.units())
		}
	}
	p.rules.docPrefix = p.rules.dominantPrefix(raws)
	var standing []string
	for _, it := range items {
		if it.clause.form != formNone {
			scopedRule(it)
			standing = p.readUnits(it, rule, standing)
		}
	}
	passOn(items, passed)
	if len(p.standingRules) > 0 {
		p.notes = append(p.notes, "文件对多项任务统一规定了责任单位（"+strings.Join(p.standingRules, "；")+"），已将其中的单位列为此后各项任务的配合单位，请核实")
	}
	parentLeads(items)
	p.headingOwners(items)
	markAbsorbed(items)
	return items
}

// scopedRuleRe is a heading's clause that assigns every item below it:
// 以下各项均由县政务服务中心牵头，各相关部门配合. Group 1 is the assignment.
var scopedRuleRe = regexp.MustCompile(`^(?:以下|下列|本(?:部分|节|项))(?:各项|各条|所有)?(?:任务|工作|措施|事项)?(?:均|都|统一)?由(.+)$`)

// scopedRule reads such a clause on an item with sub-items as an ordinary
// clause (its units and roles as the sentence gives them), marked so that
// parentLeads gives it to each sub-item: a rule for the items below a
// heading holds for them, not for the rest of the document.
func scopedRule(it *item) {
	if len(it.children) == 0 {
		return
	}
	if m := scopedRuleRe.FindStringSubmatch(strings.TrimSpace(it.clause.units())); m != nil {
		it.clause.read, it.scoped = m[1], true
	}
}

// parentLeads gives the lead a parent's clause names (（一）推进数字产业化。
// 牵头单位：市工信局) to its sub-items whose own clauses name only co-units
// (1.培育软件业。配合单位：市科技局): the parent is their heading, and its
// lead leads them. The office is told where the lead came from.
func parentLeads(items []*item) {
	for i, it := range items {
		if it.clause.form == formNone || len(it.units.lead) == 0 || len(it.children) == 0 {
			continue
		}
		for _, k := range subtree(items, i)[1:] {
			d := items[k]
			if it.scoped && d.clause.form == formNone && len(d.children) == 0 {
				// 以下各项均由A牵头: every item below is a task of A's.
				d.clause = clause{form: formHeading, raw: it.clause.raw}
				d.units = units{lead: slices.Clone(it.units.lead), co: slices.Clone(it.units.co)}
				addFlag(&d.units.flags, "责任单位取自上级条目的统一规定“"+clip(it.clause.raw, 40)+"”，请核实")
				continue
			}
			if d.clause.form == formNone || len(d.units.lead) > 0 || len(d.units.co) == 0 {
				continue
			}
			d.units.lead = slices.Clone(it.units.lead)
			d.units.co = dedupe(d.units.co, d.units.lead)
			addFlag(&d.units.flags, "牵头单位“"+strings.Join(it.units.lead, "、")+"”取自上级条目“"+clip(strings.TrimSpace(it.body), 30)+"”，请核实")
		}
	}
}

// ownerPrefixRe is a line's opening bracket of units before an item's
// number: 【区财政局、区大数据局】3.保障平台建设资金。
var ownerPrefixRe = regexp.MustCompile(`^[ \t\x{3000}]*[【\[〔]([^【\[〔】\]〕\n]{2,80})[】\]〕][ \t\x{3000}]*$`)

// ownerPrefixes finds the items whose line opens with their units in
// brackets, before the number. The bracket is cut from the span of the
// item before (whose text it would otherwise close, as that item's clause)
// and returned as the item's own clause.
func (p *parser) ownerPrefixes(rs []rune, nodes []node) []string {
	out := make([]string, len(nodes))
	for i := range nodes {
		start := nodes[i].m.start
		ls := start
		for ls > 0 && rs[ls-1] != '\n' {
			ls--
		}
		k := ls
		for k < start && (rs[k] == ' ' || rs[k] == '\t' || rs[k] == '\u3000') {
			k++
		}
		if k == start || rs[k] != '【' && rs[k] != '[' && rs[k] != '〔' {
			continue
		}
		m := ownerPrefixRe.FindStringSubmatch(string(rs[ls:start]))
		if m == nil || !p.rules.isUnitList(m[1]) {
			continue
		}
		out[i] = m[1]
		if i > 0 && nodes[i-1].spanEnd > ls {
			nodes[i-1].spanEnd = ls
		}
	}
	return out
}

// openingOwnerRe is a bracket of units that opens an item's text, right
// after its number: 2.【市工信局、市发改委】实施工业技改项目50个。
var openingOwnerRe = regexp.MustCompile(`^[ \t\x{3000}]*[【〔\[]([^【\[〔】\]〕\n]{2,80})[】\]〕]`)

// openingOwners returns the units of the bracket that opens span and the
// span without it; "" and span when it opens with none.
func (p *parser) openingOwners(span string) (string, string) {
	m := openingOwnerRe.FindStringSubmatchIndex(span)
	if m == nil || !p.rules.isUnitList(span[m[2]:m[3]]) {
		return "", span
	}
	return span[m[2]:m[3]], span[m[1]:]
}

// ownerHeadingRe matches a heading that names who carries the work below
// it: (一)省监察厅牵头的工作, 一、孟学农省长负责的工作.
var ownerHeadingRe = regexp.MustCompile(`^(.{2,40}?)(?:牵头|负责|主抓|分管)(?:的|之)?(?:重点)?(?:工作|任务|事项)(?:任务)?\s*(?:[（(]\s*(?:共\s*)?\d+\s*[项个条件]\s*[)）])?\s*[:：]?$`)

// headingCountRe is a heading's count of its items and its closing stop:
// (8项), （4个）, 。.
var headingCountRe = regexp.MustCompile(`\s*[（(]\s*(?:共\s*)?\d+\s*[项个条件]\s*[)）]\s*|[。：:]\s*$`)

// headingOwners gives the items under a heading such as 省编办牵头的工作
// that unit as their lead: an item with a clause that names no lead (协同单
// 位：省财政厅) gets it first, an item without a clause becomes its task. A
// person (孟学农省长负责的工作) is the items' leader instead.
func (p *parser) headingOwners(items []*item) {
	var named []string
	for i, it := range items {
		first, rest, _ := strings.Cut(strings.TrimSpace(it.body), "\n")
		name := ""
		first = strings.TrimSpace(first)
		// A page run together on one line keeps the heading's title and
		// the item's text on one line, a space between them (省审计厅牵头
		// 的工作 强化审计监督…).
		if k := strings.IndexAny(first, " \u3000"); k > 0 && ownerHeadingRe.MatchString(first[:k]) {
			first, rest = first[:k], first[k:]+"\n"+rest
		}
		if m := ownerHeadingRe.FindStringSubmatch(first); m != nil {
			name = strings.TrimSpace(m[1])
		} else if len(it.children) > 0 && it.clause.form == formNone {
			// A heading that is only a unit's name (三、儋州市政府)
			// groups that unit's tasks.
			name = strings.TrimSpace(headingCountRe.ReplaceAllString(strings.TrimSpace(first), ""))
			if !agencyEndRe.MatchString(name) || len([]rune(name)) > 20 {
				continue
			}
		}
		if name == "" {
			continue
		}
		unit := p.rules.plausible(name) && !p.rules.isCollective(name)
		if !unit && !leaderPhraseRe.MatchString(name) {
			continue
		}
		var sub []int
		switch {
		case it.clause.form != formNone: // its own, or lifted from its last sub-item
			sub = []int{i}
		case len(it.children) > 0:
			sub = subtree(items, i)[1:]
		case strings.TrimSpace(rest) != "":
			sub = []int{i}
		default:
			continue
		}
		if giveOwner(items, sub, name, first, unit) {
			named = append(named, first)
		}
	}
	named = append(named, p.unitLineOwners(items)...)
	if len(named) > 0 {
		p.notes = append(p.notes, "以下标题指明了其下各项任务的牵头单位或负责领导，已据此填写，请核实："+strings.Join(named, "；"))
	}
}

// giveOwner makes the unit a heading names the lead of the items sub: an
// item without a clause gets it as its clause, one whose clause names no
// lead gets it as lead. A person (unit false) is the items' leader.
func giveOwner(items []*item, sub []int, name, heading string, unit bool) (given bool) {
	for _, k := range sub {
		d := items[k]
		switch {
		case !unit:
			if d.leader == "" {
				d.leader, given = name, true
			}
		case d.clause.form == formNone && len(d.children) == 0 && d.inherit < 0:
			d.clause = clause{form: formHeading, raw: heading}
			d.units = units{lead: []string{name}}
			addFlag(&d.units.flags, headingOwnerFlag(name, heading))
			given = true
		case d.clause.form != formNone && len(d.units.lead) == 0:
			d.units.lead = []string{name}
			d.units.co = dedupe(d.units.co, d.units.lead)
			addFlag(&d.units.flags, headingOwnerFlag(name, heading))
			given = true
		}
	}
	return given
}

// headingOwnerFlag tells the office that an item's lead was read from the
// heading above it, not from a clause of its own.
func headingOwnerFlag(name, heading string) string {
	return "牵头单位“" + name + "”取自上级标题“" + clip(heading, 30) + "”，请核实"
}

// unitLineOwners reads a unit's name standing alone on the last line of an
// item's text as the heading of the items that follow (任务如下：⏎宣传部⏎
// 1、…⏎2、…⏎公安局⏎1、…): the unit leads them, up to the next such line.
// The next item must be the first sub-item or restart its list at 1, so
// that a unit line below an item, the item's own clause, is not read so.
// It returns the lines it read.
func (p *parser) unitLineOwners(items []*item) []string {
	var named []string
	// A unit's name with a colon just before the first item heads the
	// document's first group.
	if name := strings.TrimSpace(strings.TrimRight(p.leadIn, ":：")); len(items) > 0 && name != p.leadIn &&
		len([]rune(name)) <= 15 && p.rules.plausible(name) {
		if sub := p.groupOf(items, 0); sub != nil {
			named = append(named, name)
			giveOwner(items, sub, name, name, true)
		}
	}
	for i := 0; i+1 < len(items); i++ {
		name := p.groupLine(items, i)
		if name == "" {
			continue
		}
		sub := p.groupOf(items, i+1)
		if sub == nil {
			continue
		}
		named = append(named, name)
		giveOwner(items, sub, name, name, true)
		body := strings.TrimRight(items[i].body, " \t\n")
		items[i].body = body[:strings.LastIndex(body, "\n")]
	}
	return named
}

// groupOf returns the items a unit line heads when the first item after it
// is items[from]: the siblings from there on, each with its subtree, up to
// the next such line or attachment; nil when one of them has a clause of
// its own.
func (p *parser) groupOf(items []*item, from int) []int {
	var sub []int
	for k := from; k < len(items) && items[k].parent == items[from].parent; k = from + len(sub) {
		// Nor does a group run on into another attachment (附件2's
		// items are no unit's of the text before it).
		if k > from && (p.groupLine(items, k-1) != "" || items[k].scope != items[from].scope) {
			break
		}
		sub = append(sub, subtree(items, k)...)
	}
	if slices.ContainsFunc(sub, func(k int) bool { return items[k].clause.form != formNone }) {
		return nil
	}
	return sub
}

// groupLine returns the unit named alone on item i's last line when that
// line heads the items after it (see unitLineOwners), else "".
func (p *parser) groupLine(items []*item, i int) string {
	it, next := items[i], i+1
	if next >= len(items) || it.clause.form != formNone && it.clause.form != formHeading {
		return ""
	}
	body := strings.TrimRight(it.body, " \t\n")
	nl := strings.LastIndex(body, "\n")
	if nl < 0 {
		return ""
	}
	line := strings.TrimSpace(body[nl+1:])
	name := strings.TrimSpace(strings.TrimRight(line, ":："))
	// A unit's name closed by a colon (市财政局：) announces what follows
	// it, whatever the numbering does; a bare name may be the item's own
	// unlabelled clause unless the list starts again below it.
	first := len(it.children) > 0 && it.children[0] == next
	restart := items[next].parent == it.parent && items[next].m.value == 1 && it.m.value > 1
	sameList := items[next].parent == it.parent || first
	if !first && !restart && (name == line || !sameList) {
		return ""
	}
	if len([]rune(name)) > 15 || !p.rules.plausible(name) {
		return ""
	}
	return name
}

// subtree returns item i and all its descendants, in order.
func subtree(items []*item, i int) []int {
	out := []int{i}
	for _, c := range items[i].children {
		out = append(out, subtree(items, c)...)
	}
	return out
}

var closingRe = regexp.MustCompile(`注\s*[:：]\s*(标|带|有)\s*[“"]?[△▲★☆]|[（(]\s*此件|[（(]\s*本文有删减|\n\s*附件\s*[:：\d１-９]|\n\s*附件\s*\n|\n\s*抄送|\n\s*扫一扫|\n\s*(打印|关闭)\s*`)

// closingWords are the words that follow the line break or the opening
// bracket (and \s*) every match of closingRe starts with, but for its 注
// aside, which holds a lead mark.
var closingWords = []string{"此件", "本文有删减", "附件", "抄送", "扫一扫", "打印", "关闭"}

// mayClose reports whether s can hold a match of closingRe: most items
// cannot, and one pass over their runes is cheaper than the regexp.
func mayClose(s string) bool {
	for i, r := range s {
		switch r {
		case '△', '▲', '★', '☆':
			return true
		case '\n', '(', '（':
			rest := strings.TrimLeft(s[i+utf8.RuneLen(r):], "\t\n\f\r ")
			for _, w := range closingWords {
				if strings.HasPrefix(rest, w) {
					return true
				}
			}
		}
	}
	return false
}

var signatureRe = regexp.MustCompile(`\n[^\n。]{0,40}\n?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$`)

// trimClosing cuts what follows an item but is not part of it: notes (注：
// 标△的为牵头单位), 附件 lists, (此件公开发布), and for the last item of the
// document its closing paragraphs and signature.
func (p *parser) trimClosing(s string, last bool) string {
	if mayClose(s) {
		if loc := closingRe.FindStringIndex(s); loc != nil {
			s = s[:loc[0]]
		}
	}
	if last {
		s = strings.TrimRight(s, " \n\t\u3000")
		if loc := signatureRe.FindStringIndex(s); loc != nil {
			s = s[:loc[0]]
		}
	}
	// Paragraphs after the responsibility clause are the document's
	// closing words, or the section's when they sum it up (以上8项……), or
	// the unnumbered titles of the sections that follow.
	if i := p.lastClauseEnd(s); i > 0 && (last || strings.HasPrefix(strings.TrimSpace(s[i:]), "以上") || titlesOnly(s[i:])) {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// titlesOnly reports whether s holds only unnumbered section titles: short
// lines without a sentence's punctuation or a figure (加强政务数据共享流通),
// but for a full stop at the end (推动电子设计自动化串链整合。, a group's
// heading worded as its aim).
func titlesOnly(s string) bool {
	seen := false
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSuffix(strings.TrimSpace(l), "。")
		if l == "" {
			continue
		}
		if n := utf8.RuneCountInString(l); n < 4 || n > 30 || strings.ContainsAny(l, "。；;，,：:！？!?、0123456789０１２３４５６７８９") {
			return false
		}
		seen = true
	}
	return seen
}

// readSentenceLabels returns an item's text with its sentence labels
// rewritten (see sentenceLabels) and the count of items its sentence for
// the last N items covers (see coveredCount), looking for their words once.
func readSentenceLabels(span string) (string, int) {
	if !hasSentenceLabel(span) { // most items have none
		return span, 0
	}
	return rewriteSentenceLabels(span), coveredCount(span)
}

// coveredCount returns N when an item's text closes with a sentence that
// names the units of the last N items together (4项目标的责任单位均为……),
// else 0. Callers have found the words with hasSentenceLabel.
func coveredCount(span string) int {
	m := sentenceLabelRe.FindStringSubmatch(span)
	if m == nil || m[2] == "" {
		return 0
	}
	return itemCount(m[2])
}

// itemCount reads the count of 4项 or 四项: digits, or one numeral.
func itemCount(s string) int {
	if n := atoi(s); n > 0 {
		return n
	}
	return strings.Index("一两三四五六七八九十", s)/len("一") + 1
}

// siblingsBefore returns up to limit items before items[i] at its level,
// nearest first.
func siblingsBefore(items []*item, i, limit int) []int {
	var before []int
	for j := i - 1; j > items[i].parent && len(before) < limit; j-- {
		if items[j].parent == items[i].parent {
			before = append(before, j)
		}
	}
	return before
}

// passedOnRe is a line after a run of items that passes all of them on to
// a collective: 以上8项目标……并已由责任单位分解至各县（市）、区落实. Group 1
// is the count, 2 the collective.
var passedOnRe = regexp.MustCompile(`(?m)^[ \t\x{3000}]*以上([0-9]{1,2}|[两二三四五六七八九十])项[^。\n]*(?:至|到)(各[^。\n，,；;至到]{1,30}?)(?:负责)?(?:落实|实施|执行)`)

// passOn makes the collective such a line names a co-unit of the items it
// counts: the item it follows and the ones before it at its level, when
// there are as many as it says and each has units of its own. The office is
// told: the line reports how the work was passed down, which it may not
// want in the ledger.
func passOn(items []*item, passed [][]string) {
	for i, m := range passed {
		if m == nil {
			continue
		}
		n := itemCount(m[1])
		run := append([]int{i}, siblingsBefore(items, i, n-1)...)
		fits := len(run) == n
		for _, j := range run {
			fits = fits && len(items[j].units.lead) > 0
		}
		if !fits {
			continue
		}
		for _, j := range run {
			u := &items[j].units
			u.co = dedupe(append(u.co, m[2]), u.lead)
			addFlag(&u.flags, "文件在以上各项之后写明“分解至"+m[2]+"落实”，已将其列为配合单位，请核实")
		}
	}
}

// coverCounted gives the clause of an item closed by such a sentence to the
// N-1 items before it at its level, which it covers too. Only when all of
// them are there and none has a clause of its own: a count that does not
// fit the list is no reading to guess at (those items stay without units).
func coverCounted(items []*item, counts []int) {
	for i, n := range counts {
		it := items[i]
		if n < 2 || it.clause.form == formNone {
			continue
		}
		before := siblingsBefore(items, i, n-1)
		fits := len(before) == n-1
		for _, j := range before {
			fits = fits && items[j].clause.form == formNone
		}
		if !fits {
			continue
		}
		for _, j := range before {
			items[j].clause = it.clause
		}
	}
}

// inlineEnd cuts the text of a list's last item numbered inside a
// paragraph (……分别是: (1)…。 (2)…。 (15)…。) at the paragraph's end: the
// lines after it are the page's (its title, 索引号), unless they hold a
// labelled clause.
func inlineEnd(s string) string {
	k := strings.IndexByte(s, '\n')
	if k < 0 || hasColon(s[k:]) && ownerWordRe.MatchString(s[k:]) {
		return s
	}
	return s[:k]
}

// lastClauseEnd returns the end of the first paragraph that ends with a
// responsibility clause, or of the last of a run of labelled owner lines
// (牵头单位：… / 配合单位：…), when other paragraphs follow it (监督方式：电话).
func (p *parser) lastClauseEnd(s string) int {
	paras := strings.Split(s, "\n")
	off, owners := 0, -1
	for i, para := range paras {
		off += len(para) + 1
		l := strings.TrimSpace(para)
		switch {
		case l == "":
		case hasColon(l) && clauseStartRe.MatchString(l):
			if ownerWordRe.MatchString(l) || owners >= 0 {
				owners = off - 1
			}
		case startsWithBracketLabel(l):
			// 【责任单位】A牵头: the label in square brackets.
			owners = off - 1
		case owners >= 0 && p.closingClause(l) == 0:
			// （责任领导：李四） on a line of its own.
			owners = off - 1
		case owners >= 0 && unknownUnitLabelRe.MatchString(l):
			// 对接单位：市财政局 after the owner lines: a label the
			// parser does not know, kept so that its units are flagged,
			// not cut as closing words.
			owners = off - 1
		case owners >= 0:
			return owners
		}
		if i == len(paras)-1 {
			break
		}
		if p.closingClause(para) >= 0 && !p.clauseBelow(paras[i+1:]) {
			return off - 1
		}
	}
	return -1
}

// clauseBelow reports whether one of paras is a task's sentence closed by
// its responsibility clause in brackets: the paragraphs after a clause are
// then more of the item (a second task with its own clause), not the
// closing words. A bracket alone on its line or after a label (a page
// footer's 主办单位：…) is no such sentence.
func (p *parser) clauseBelow(paras []string) bool {
	for _, para := range paras {
		l := strings.TrimSpace(para)
		o := p.closingClause(l)
		if o >= 4 && !hasColon(string([]rune(l)[:o])) {
			return true
		}
	}
	return false
}

// unknownUnitLabelRe is a line that opens with a label of units of some
// kind the parser has no role for: 对接单位：, 联络部门：.
var unknownUnitLabelRe = regexp.MustCompile(`^\p{Han}{1,6}(?:单位|部门)[：:]`)

// startsWithBracketLabel reports a line that opens with a label in square
// brackets (【牵头单位】市住建局).
func startsWithBracketLabel(l string) bool {
	if !strings.HasPrefix(l, "【") && !strings.HasPrefix(l, "[") && !strings.HasPrefix(l, "［") {
		return false
	}
	loc := bracketLabelRe.FindStringIndex(l)
	return loc != nil && loc[0] == 0
}

// closingClause returns where the responsibility clause in brackets that
// ends a paragraph opens, -1 when the paragraph ends with none.
func (p *parser) closingClause(para string) int {
	t := strings.TrimRight(strings.TrimSpace(para), " \t\u3000。")
	if r, _ := utf8.DecodeLastRuneInString(t); t == "" || !isCloseParen(r) {
		return -1
	}
	rs := []rune(t)
	n := len(rs)
	if o := matchOpen(rs, n-1); o >= 0 && p.rules.looksLikeClause(string(rs[o+1:n-1])) {
		return o
	}
	return -1
}

// ownClauseAmong reports whether one of the items idx holds a clause of
// its own, not on a line apart: a sibling's clause on its own line below
// it is then that sibling's, as theirs are.
func ownClauseAmong(items []*item, idx []int) bool {
	for _, k := range idx {
		if items[k].clause.form != formNone && !items[k].clause.standalone {
			return true
		}
	}
	return false
}

// liftStandalone gives a clause written as a paragraph of its own after a
// list of sub-items to the item that holds the list (seed 004's item 2: its
// (1)–(3) are its text, the clause after (3) is item 2's). Items of the style
// that carries most clauses in the document are where clauses belong.
func liftStandalone(items []*item, counts []int) {
	count := map[style]int{}
	for _, it := range items {
		if it.clause.form != formNone && !it.clause.standalone {
			count[it.m.style]++
		}
	}
	if len(count) == 0 {
		for _, it := range items {
			if it.clause.form != formNone {
				count[it.m.style]++
			}
		}
	}
	best, bestN := style(0), 0
	for s, n := range count {
		if n > bestN || n == bestN && s < best {
			best, bestN = s, n
		}
	}
	for i, it := range items {
		// Sub-items that each have a clause of their own ((1)…⏎责任部门：A,
		// (2)…⏎责任部门：B) are the tasks: none of theirs is the parent's.
		// Nor is a clause with a sibling after it, or under a lone
		// sub-item: it closes its own sub-item, not the list (1、…⏎牵头
		// 单位：A ⏎2、…).
		if !it.clause.standalone || it.m.style == best || it.parent >= 0 && (ownClauseAmong(items, items[it.parent].children) || clauseCount(items, items[it.parent].children) > 1 || !lastOfSeveral(items, i)) {
			continue
		}
		for a := it.parent; a >= 0; a = items[a].parent {
			anc := items[a]
			if anc.m.style != best {
				continue
			}
			if anc.clause.form == formNone {
				anc.clause, anc.lifted = it.clause, true
				it.clause = clause{}
			}
			break
		}
	}
	// A clause in brackets on its own line after the last of several
	// sub-items none of which has one closes the block: it covers their
	// parent, whatever the style of the others. (A label line below an
	// item, 协同单位：…, is that item's owner line.)
	// A label line is so too when the sub-items read as one sentence's
	// enumeration, each but the last closed by a semicolon (（1）灭火器过期
	// 未更换；（2）……。⏎问题整改责任单位：市科技馆).
	for i, it := range items {
		if !it.clause.standalone || it.lifted || it.parent < 0 {
			continue
		}
		par := items[it.parent]
		if par.clause.form != formNone || len(par.children) < 2 || par.children[len(par.children)-1] != i || anyClause(items, par.children[:len(par.children)-1]) {
			continue
		}
		if it.clause.form != formBracketed && (counts[i] > 0 || !enumerated(items, par.children[:len(par.children)-1])) {
			continue
		}
		par.clause, par.lifted = it.clause, true
		it.clause = clause{}
	}
}

// lastOfSeveral reports whether item i is the last of its parent's
// sub-items, and they are two at least.
func lastOfSeveral(items []*item, i int) bool {
	ch := items[items[i].parent].children
	return ch[len(ch)-1] == i && len(ch) > 1
}

// enumerated reports whether each of the items closes with a semicolon, as
// the points of one sentence's enumeration do.
func enumerated(items []*item, idx []int) bool {
	for _, k := range idx {
		body := strings.TrimRight(items[k].body, " \t\n\u3000")
		if !strings.HasSuffix(body, "；") && !strings.HasSuffix(body, ";") {
			return false
		}
	}
	return true
}

// anyClause reports whether any of the items at idx has a clause.
func anyClause(items []*item, idx []int) bool { return clauseCount(items, idx) > 0 }

// clauseCount is how many of the items at idx have a clause.
func clauseCount(items []*item, idx []int) int {
	n := 0
	for _, i := range idx {
		if items[i].clause.form != formNone {
			n++
		}
	}
	return n
}

// inheritRows gives a row of a flattened table without units the units of
// the row above: in the original table they shared a merged cell.
func inheritRows(items []*item) {
	prev := -1
	for i, it := range items {
		if len(it.children) > 0 {
			// A heading row: inheritance does not cross a level-one section.
			if it.parent < 0 {
				prev = -1
			}
			continue
		}
		switch {
		case it.clause.form != formNone:
			prev = i
		case prev >= 0:
			it.inherit = prev
		}
	}
}

// markAbsorbed marks the sub-items of an item with a clause as part of its
// text, unless a sub-item has a clause of its own: then each is a task of
// its own (a table row whose text the page lost keeps its units on the
// heading above its rows).
func markAbsorbed(items []*item) {
	for i, it := range items {
		if it.clause.form == formNone || len(it.children) == 0 {
			continue
		}
		sub := subtree(items, i)[1:]
		own := false
		for _, k := range sub {
			own = own || items[k].clause.form != formNone
		}
		if own {
			continue
		}
		for _, k := range sub {
			items[k].absorbed = true
		}
	}
}

// documentID is stable for the same document: it hashes the 文号, else the
// title, else the file name.
func documentID(d *task.Document) string {
	key := d.DocNumber
	if key == "" {
		key = d.Title
	}
	if key == "" {
		key = strings.TrimSuffix(d.Source, filepath.Ext(d.Source))
	}
	sum := sha256.Sum256([]byte(key))
	return "D" + strings.ToUpper(hex.EncodeToString(sum[:]))[:6]
}

func uniqueIDs(tasks []*task.Task) {
	seen := map[string]int{}
	for _, t := range tasks {
		seen[t.ID]++
		if n := seen[t.ID]; n > 1 {
			t.ID += "~" + strconv.Itoa(n)
			t.Flags = append(t.Flags, "编号与前文重复，请核对原文编号")
		}
	}
}

func (p *parser) findClauses(items []*item, own []string, bare bool) int {
	found := 0
	opening := p.ownersOpening(items, own)
	for i, it := range items {
		var cs []clause
		text := own[i]
		if o, ok := opening[i]; ok {
			text = o.rest
		}
		it.body, cs = splitClause(text, bare, p.rules)
		if o, ok := opening[i]; ok {
			cs = append([]clause{o.clause}, cs...)
		}
		it.clause, it.more = clause{}, nil
		if len(cs) > 0 {
			it.clause, it.more = cs[0], cs[1:]
			found++
		}
	}
	return found
}

// opening is the units an item opens with and its text after them.
type opening struct {
	clause clause
	rest   string
	// subject is set for units that are the subject of the item's
	// sentence (市工商局严格控制…), not set off by a colon; stop for units
	// that are a sentence of their own (市委宣传部、市委文明办。把…), which
	// is no heading's or definition's words and counts alone.
	subject, stop bool
}

// ownersOpening finds the items that open with their units and a colon
// (县教育局：推进……), in the lists where at least two items and most of
// the list open so: one item opening with a name and a colon may be a
// heading's or a definition's words.
func (p *parser) ownersOpening(items []*item, own []string) map[int]opening {
	found := map[int]opening{}
	open, size := map[int]int{}, map[int]int{}
	subject := map[int]int{} // items of a list opening with their units as subject
	for i, it := range items {
		size[it.parent]++
		if c, rest, stop, ok := p.rules.ownersFirst(own[i]); ok {
			found[i] = opening{clause: c, rest: rest, stop: stop}
			open[it.parent]++
		} else if c, ok := p.rules.subjectFirst(own[i]); ok && len(it.children) == 0 {
			found[i] = opening{clause: c, rest: own[i], subject: true}
			subject[it.parent]++
		}
	}
	for i, it := range items {
		o, ok := found[i]
		if !ok {
			continue
		}
		// A list by department: three items at least, and nearly all of
		// the list, open with their units as the sentence's subject.
		if o.subject && (subject[it.parent] < 3 || subject[it.parent]*4 < size[it.parent]*3) {
			delete(found, i)
		}
		if !o.subject && !o.stop && (open[it.parent] < 2 || open[it.parent]*2 < size[it.parent]) {
			delete(found, i)
		}
	}
	return found
}

// clauses returns all the item's responsibility clauses.
func (it *item) clauses() []clause {
	if it.clause.form == formNone {
		return nil
	}
	return append([]clause{it.clause}, it.more...)
}

// readUnits reads the units of an item's clauses. The first clause that
// names a lead gives the item's lead; every other unit named in any clause
// co-operates, and the office is told how the clauses were merged. standing
// holds the units that earlier standing rules (以下各项均需……落实) add to
// every later item; the updated list is returned.
func (p *parser) readUnits(it *item, rule leadRule, standing []string) []string {
	cs := it.clauses()
	var parts []string
	var all units
	for _, c := range cs {
		raw, named, ruleText := p.rules.splitStanding(c.units())
		if ruleText != "" {
			p.standingRules = append(p.standingRules, ruleText)
			standing = append(standing, named...)
		}
		// The clause is split at its labels once, for its leader, its
		// deadline and its units.
		text := clauseText(raw)
		segs := labelSegments(text)
		if it.leader == "" {
			it.leader = segmentValue(segs, roleLeader)
		}
		if it.due == "" {
			it.due = segmentValue(segs, roleDeadline)
		}
		if it.due == "" {
			it.due = c.due
		}
		us := p.rules.segmentUnits(text, segs, rule)
		if it.leader == "" && len(us.leaders) > 0 {
			it.leader = strings.Join(us.leaders, "、")
		}
		for _, f := range us.flags {
			addFlag(&all.flags, f)
		}
		if len(us.lead)+len(us.co) == 0 {
			continue // a leader or a deadline only: no assignment to split
		}
		if len(all.lead) == 0 {
			all.lead, all.byOrder = us.lead, us.byOrder
		} else {
			all.co = append(all.co, us.lead...)
		}
		all.co = append(all.co, us.co...)
		parts = append(parts, c.raw)
	}
	all.co = append(all.co, standing...)
	if len(parts) > 1 {
		var b strings.Builder
		for i, raw := range parts {
			b.WriteString(string(rune('①' + i)))
			b.WriteString(clip(raw, 60))
		}
		all.flags = append(all.flags, "本条有"+itoa(len(parts))+"处责任分工，已合为一项任务：牵头单位取第一处的牵头单位，其余单位均列为配合单位，如需拆分请在任务分解表中调整："+b.String())
	}
	all.lead = dedupe(all.lead, nil)
	all.co = dedupe(all.co, all.lead)
	it.units = all
	return standing
}

// noItemsNote tells the office that no numbered item was found, so that a
// document laid out in a way the parser does not know is never taken for
// one without tasks; it names unit names the text holds, which suggest
// there were tasks to find.
func (u unitRules) noItemsNote(text string) string {
	note := "未识别出任何编号条目（如 一、（一）1.）：文件的编排可能与常见格式不同，请核对原文，在任务分解表中补录任务"
	if lines, names := u.unitLines(text, false); lines > 0 {
		note += fmt.Sprintf("；文中有 %d 行写有单位名称（如 %s），可能是各项任务的责任单位", lines, names)
	}
	return note
}

// noUnitsNote is documentNotes' word for a document whose tasks name no
// unit.
const noUnitsNote = "文件未列责任单位：各任务的牵头单位需由办公室指定"

// unitLinesNote is noUnitsNote, unless the text has lines of nothing but
// unit names (and times): then the document may well name its units in a
// way the parser does not know, and the office is told to look.
func (u unitRules) unitLinesNote(text string) string {
	lines, names := u.unitLines(text, true)
	if lines < 2 {
		return noUnitsNote
	}
	return fmt.Sprintf("未从各任务中识别出责任单位，但文中有 %d 行只写有单位名称（如 %s），可能是责任单位的另一种写法：请核对原文，在任务分解表中填写牵头单位", lines, names)
}

// unitLines counts the lines of text that hold a government body's name
// (only such names, times and 无 when only is set) and gives the first
// three names.
func (u unitRules) unitLines(text string, only bool) (int, string) {
	seen := map[string]bool{}
	var names []string
	lines := 0
	for _, line := range strings.Split(text, "\n") {
		var found []string
		other := false
		for _, w := range strings.FieldsFunc(line, isUnitListSep) {
			switch {
			case agencyEndRe.MatchString(w) && u.plausible(w):
				found = append(found, w)
			case w != "无" && findDeadline(w, 0) == nil && !bareDateRe.MatchString(w):
				other = true
			}
		}
		if len(found) == 0 || only && other {
			continue
		}
		lines++
		for _, w := range found {
			if !seen[w] {
				seen[w] = true
				names = append(names, w)
			}
		}
	}
	return lines, strings.Join(names[:min(3, len(names))], "、")
}

func isUnitListSep(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("、，,；;", r)
}

// bareDateRe is a time in a list's time column: 2026年12月, 2026年.
var bareDateRe = regexp.MustCompile(`^\d{4}年(\d{1,2}月)?$`)
