package policy

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/config"
)

// unitRules are the configurable parts of reading unit names.
type unitRules struct {
	suffixes    []string
	prefixes    []string
	collectives map[string]bool
	// known are the units of the office's list.
	known   map[string]bool
	aliases map[string]string
	// docPrefix is the prefix most of the document's units carry (市 in a
	// city's document); a list that starts with a bare agency name
	// (△医药高新区、发改委) takes it too.
	docPrefix string
	// places are the names of the places whose governments the document
	// names (青云谱 of 青云谱区人民政府): an agency named after one
	// (青云谱公安分局) names its own place and takes no carried prefix.
	places []string
}

func newUnitRules(c *config.Config) unitRules {
	r := unitRules{
		suffixes:    c.UnitSuffixes,
		prefixes:    c.CarriedPrefixes,
		collectives: map[string]bool{},
		known:       map[string]bool{},
		aliases:     c.Aliases,
	}
	for _, un := range c.Units {
		r.known[un.Name] = true
	}
	for _, s := range c.CollectiveUnits {
		r.collectives[s] = true
	}
	return r
}

// leadRule is how a document tells lead units from co-units.
type leadRule int

const (
	ruleConvention leadRule = iota // nothing stated: the first listed leads
	ruleFirst                      // 列第一位的为牵头单位
	ruleMark                       // 标△的为牵头单位
	ruleComma                      // 逗号前为牵头单位: the units before a clause's comma lead
)

var (
	markRuleRe  = regexp.MustCompile(`(标|带|有|注|加)\s*[“"]?[△▲★☆*＊][”"]?\s*(号)?\s*(的|者)?\s*(单位|部门)?\s*为\s*牵头`)
	firstRuleRe = regexp.MustCompile(`(列|排|排列|位列|排名)(在)?(第一|首)(位|个)?的?(单位|部门)?(为|者为|是)牵头`)
	commaRuleRe = regexp.MustCompile(`(逗号|分号)前(面)?的?(单位|部门)?(为|是)牵头`)
	// ruleNoteRe matches such a statement inside a clause, so that it is
	// not read as a unit name.
	ruleNoteRe     = regexp.MustCompile(`[。，,；;]?\s*(注[:：])?\s*([^，,。；;（）()]{1,16}的[，,]\s*)?(除[^，,。）)]{0,20}外[，,]?\s*)?(标\s*[“"]?[△▲★☆][”"]?\s*(号)?\s*(的|者)?|(列|排|排列|位列|排名)(在)?(第一|首)(位|个)?的?(单位|部门)?|(首位|第一位)的?(单位|部门)?|第一(责任)?(单位|部门)|第一个|(逗号|分号)前(面)?的?(单位|部门)?)[^。）)]*?牵头(单位|部门|者)?(或[^，,。）)]{0,6})?([，,；;]\s*多个牵头(单位|部门)的?[^，,。）)]{0,10}牵头)?\s*[，,]?\s*(下同)?[。]?`)
	emptyBracketRe = regexp.MustCompile(`[（(]\s*[）)]`)
	// seeNoteRe is a bracket after a name that points the reader elsewhere
	// (市有关单位（见附件1，下同）, （详见附表）): a note, no part of the name.
	seeNoteRe = regexp.MustCompile(`[（(]\s*(?:详见|具体见|参见|名单见|见)[^（）()]{0,24}[）)]`)
)

// detectLeadRule finds the document's statement of how leads are marked.
func detectLeadRule(text string) leadRule {
	// The statement ends in 牵头: look only at the words before each 牵头,
	// not run the patterns over the whole document.
	rule := ruleConvention
	for rest, off := text, 0; ; {
		i := strings.Index(rest, "牵头")
		if i < 0 {
			return rule
		}
		at := off + i
		from := max(0, at-90)
		for from > 0 && !utf8.RuneStart(text[from]) {
			from++
		}
		window := text[from : at+len("牵头")]
		switch {
		case markRuleRe.MatchString(window):
			return ruleMark
		case firstRuleRe.MatchString(window):
			rule = ruleFirst
		case commaRuleRe.MatchString(window):
			rule = ruleComma
		}
		off = at + len("牵头")
		rest = text[off:]
	}
}

// togetherRe reads A会同B: A leads, B co-operates.
var togetherRe = regexp.MustCompile(`^(.+?)会同(.+)$`)

// scopedLeadRe is a unit that leads over a part of the work only (市发改委
// 牵头集体企业): the unit, then the part.
var scopedLeadRe = regexp.MustCompile(`^(.{2,30}?)牵头(\p{Han}{2,8})$`)

// scopedLeads returns the units of a phrase whose units each lead over a
// part of the work (A牵头集体企业、B牵头国有企业), nil when it is no such
// phrase: two parts at least, each a plausible unit before 牵头 and after
// it a few words that name no agency (A牵头B、C配合 names B).
func (u unitRules) scopedLeads(phrase string) []string {
	if !strings.Contains(phrase, "牵头") {
		return nil
	}
	var names []string
	for _, part := range splitTop(strings.TrimSpace(phrase), "、") {
		m := scopedLeadRe.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil || !u.plausible(m[1]) || agencyEndRe.MatchString(m[2]) || strings.ContainsAny(m[2][:3], "省市县区乡镇各") || responsibilityEnd.MatchString(m[2]) || strings.Contains(m[2], "牵头") {
			return nil
		}
		names = append(names, m[1])
	}
	if len(names) < 2 {
		return nil
	}
	return names
}

// guidedRe is the unit a clause says guides the work (在省委宣传部的指导下):
// it co-operates with the units that do it.
var guidedRe = regexp.MustCompile(`^在(.{2,40}?)的?(?:指导|督导)下$`)

// organisedGroup is the collective a unit organises to do the work (有关
// 部门 of 组织有关部门进行); a collective, so 市委组织部 is no such phrase.
const organisedGroup = `((?:有关|相关|各)\p{Han}{1,12}?)`

// organiseRe reads A组织有关部门进行: A does the work with the departments
// concerned, who co-operate.
var organiseRe = regexp.MustCompile(`^(.+?)组织` + organisedGroup + `(?:进行|实施|开展|落实|推进)$`)

// units is the reading of one responsibility clause.
type units struct {
	lead, co []string
	flags    []string
	// leaders are the persons a list of units named among them (王某某（副
	// 市长）): never units, each is the task's leader.
	leaders []string
	// byOrder is set when the lead is the first of a plain list of
	// several units (责任单位：A、B) that no label, verb or mark gave a
	// role: the lead was chosen by the first-listed convention.
	byOrder bool
}

// parseUnits reads a clause's units. rule is the document's lead rule.
//
// A clause is read as labelled segments (牵头单位：A；配合单位：B), each cut
// into phrases at commas and semicolons; a phrase may close with a verb that
// gives its units their role (A、B负责，C配合). Units named as leads lead;
// otherwise the generic units are split by the document's rule (the first
// listed, or the marked one, leads) and the rest co-operate.
func (u unitRules) parseUnits(raw string, rule leadRule) units {
	raw = clauseText(raw)
	return u.segmentUnits(raw, labelSegments(raw), rule)
}

// verbPauseRe is a verb of responsibility followed by 、 and the next
// phrase: no unit's name holds 牵头、.
var verbPauseRe = regexp.MustCompile(`(牵头|负责|负总责|统筹)、`)

// clauseText is a clause as its labels and units are read: without its
// note of the lead rule (列第一位的为牵头单位), its empty brackets, its
// closing 下同 and its closing stops.
func clauseText(raw string) string {
	raw = emptyBracketRe.ReplaceAllString(ruleNoteRe.ReplaceAllString(raw, ""), "")
	if strings.Contains(raw, "见") {
		raw = seeNoteRe.ReplaceAllString(raw, "")
	}
	raw = strings.TrimLeft(strings.TrimSpace(strings.TrimRight(raw, "。.，,；; ")), dashes)
	// 由A牵头、B配合: the phrases parted by 、 instead of a comma.
	raw = verbPauseRe.ReplaceAllString(raw, "$1，")
	if strings.HasSuffix(raw, "同") {
		raw = strings.TrimSpace(sameBelowRe.ReplaceAllString(raw, ""))
	}
	return raw
}

// segmentUnits reads the units of the clause raw (see clauseText) split at
// its labels into segs.
func (u unitRules) segmentUnits(raw string, segs []segment, rule leadRule) units {
	var out units
	var lead, co []string
	var generic []markedUnit
	var others []string // the units other than the leads, in order
	// The carried prefix runs on across the phrases of a clause
	// (市科技局、经信委，工商局 → 市工商局), but not from one label's list
	// into the next (主办单位:县城投公司,协办单位:住建局 keeps 住建局 as
	// written): each labelled list starts afresh.
	prefix := u.docPrefix
	for i, seg := range segs {
		// 配合单位：无 names no unit, as an empty co-units' cell does.
		if seg.role == roleLeader || seg.role == roleIgnore || seg.role == roleDeadline || noneCell(strings.TrimRight(seg.text, "。；;，, \n")) {
			continue
		}
		if i > 0 {
			prefix = u.docPrefix
		}
		if seg.demoted {
			addFlag(&out.flags, "主办单位列在牵头单位之后，按配合单位列出，请核实（原文："+clip(raw, 60)+"）")
		}
		for k, phrase := range joinLevelBodies(splitTop(seg.text, "，,；;。\n")) {
			phrase = takePersonNotes(phrase, &out.leaders)
			if m := alsoWord(strings.TrimSpace(phrase)); m != "" && k > 0 {
				// A、B，以及C办理: C is one more of the list.
				phrase = strings.TrimSpace(phrase)[len(m):]
			}
			if scoped := u.scopedLeads(phrase); scoped != nil {
				for _, sc := range scoped {
					lead = append(lead, u.expand(sc, &out.flags, &prefix)...)
				}
				addFlag(&out.flags, "“"+phrase+"”中各单位分别牵头不同范围的工作，已都列为牵头单位，请核实")
				continue
			}
			p, r := phraseRole(phrase, seg.role)
			if rule == ruleComma && k == 0 && r == roleGeneric {
				r = roleLead // 逗号前为牵头单位: every unit before the comma
			}
			// A、B会同C负责: C co-operates; the units before 会同 take the
			// role their phrase gives them, and with none (负责) are a
			// list like any other, whose first listed leads.
			with := ""
			if m := togetherRe.FindStringSubmatch(p); m != nil {
				p, _ = phraseRole(m[1], r)
				with, _ = phraseRole(m[2], roleCo)
			} else if rest, ok := strings.CutPrefix(strings.TrimSpace(p), "会同"); ok && k > 0 {
				// A牵头，会同B办理: B co-operates.
				p = ""
				with, _ = phraseRole(rest, roleCo)
			} else if m := organiseRe.FindStringSubmatch(phrase); m != nil {
				p, with = m[1], m[2]
			} else if m := guidedRe.FindStringSubmatch(strings.TrimSpace(phrase)); m != nil && u.isUnitList(m[1]) {
				p, with = "", m[1]
			}
			switch r {
			case roleLead:
				lead = append(lead, u.expand(p, &out.flags, &prefix)...)
			case roleCo:
				names := u.expand(p, &out.flags, &prefix)
				co, others = append(co, names...), append(others, names...)
			default:
				marked := u.expandMarked(p, &out.flags, &prefix)
				generic = append(generic, marked...)
				for _, m := range marked {
					others = append(others, m.name)
				}
			}
			if with != "" {
				names := u.expand(with, &out.flags, &prefix)
				co, others = append(co, names...), append(others, names...)
			}
		}
	}
	if len(lead) > 0 {
		// The other units co-operate, in the order the clause names
		// them (A牵头，B配合，C落实).
		out.lead = takePersons(lead, &out.leaders)
		out.co = takePersons(others, &out.leaders)
		return u.finish(out, raw)
	}
	co = takePersons(co, &out.leaders)
	generic = takeMarkedPersons(generic, &out.leaders)
	a := u.assign(generic, rule, out.flags)
	a.co = append(a.co, co...)
	a.leaders = out.leaders
	return u.finish(a, raw)
}

// personNoteRe is a person's name in brackets after a unit's (市发改委（张
// 三）): the person who answers for the unit's part, never part of its name.
var personNoteRe = regexp.MustCompile(`(局|委|办|厅|部|院|中心|政府|公司|队|所|站|室|处|科|股|会)[（(](\p{Han}{2,7})[)）]`)

// headTitleRe is the title of a unit's head in brackets after it (市教育
// 局（局长）, 市政府（主要负责同志）): who in the unit answers, no part of its name.
var headTitleRe = regexp.MustCompile(`^(?:主要|分管)?(?:负责同志|负责人|领导)$|^[正副]?(?:局长|主任|书记|部长|厅长|处长|科长|主席|区长|县长|市长|镇长|乡长|站长|所长|院长|社长)$`)

// takePersonNotes cuts the persons' names in brackets after units from a
// phrase and adds them to leaders; a word in brackets that is no person's
// (（牵头）, （代建）, （本级）) stays.
func takePersonNotes(phrase string, leaders *[]string) string {
	if !strings.ContainsAny(phrase, "（(") {
		return phrase
	}
	return rewriteMatches(personNoteRe, phrase, func(loc []int) string {
		name := group(phrase, loc, 2)
		if headTitleRe.MatchString(name) {
			return group(phrase, loc, 1)
		}
		if utf8.RuneCountInString(name) > 3 || !looksLikePerson(name) || !strings.ContainsRune(commonSurnames, []rune(name)[0]) || roleNoteRe.MatchString("（"+name+"）") || placeEndRe.MatchString(name) {
			return phrase[loc[0]:loc[1]]
		}
		*leaders = append(*leaders, name)
		return group(phrase, loc, 1)
	})
}

// placeEndRe ends a place's name, never a person's: 高新区, 黄河湾.
var placeEndRe = regexp.MustCompile(`[区县市镇乡村园港城省州旗湾岛山河湖]$`)

// commonSurnames are the surnames most Chinese people bear: a word of two
// or three characters in brackets after a unit that opens with one is a
// person's name.
const commonSurnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"

// titledPersonRe is a person named with a title in brackets in a list of
// units: 王某某（副市长）, 李某（县商务局局长）.
var titledPersonRe = regexp.MustCompile(`^\p{Han}{2,4}[（(][^（）()]{0,12}(?:长|书记|主任|委员|主席|秘书|同志)[)）]$`)

// officialRe is an office named by its duty rather than its holder's name
// (分管副省长, 协管副秘书长, 分管市领导): the item's leader, as a person is.
var officialRe = regexp.MustCompile(`^(?:分管|协管|主管|联系)(?:常务)?副?(?:` + leaderTitles + `|[省市县区]领导)$`)

// isPerson reports whether a name of a unit list is a person's.
func isPerson(n string) bool {
	if officialRe.MatchString(n) {
		return true
	}
	if r := []rune(n); len(r) == 0 || !strings.ContainsRune(commonSurnames, r[0]) {
		return false // 市教育局（局长） is the bureau's head: the unit stays
	}
	return titledPersonRe.MatchString(n) || leaderPhraseRe.MatchString(n) && !orgEndRe.MatchString(n)
}

// takePersons moves the persons of list to leaders.
func takePersons(list []string, leaders *[]string) []string {
	out := list[:0:0]
	for _, n := range list {
		if isPerson(n) {
			*leaders = append(*leaders, n)
			continue
		}
		out = append(out, n)
	}
	return out
}

func takeMarkedPersons(list []markedUnit, leaders *[]string) []markedUnit {
	out := list[:0:0]
	for _, m := range list {
		if isPerson(m.name) {
			*leaders = append(*leaders, m.name)
			continue
		}
		out = append(out, m)
	}
	return out
}

// finish drops duplicates and whatever does not have the shape of a unit's
// name, which goes to the flags with the text it came from.
func (u unitRules) finish(o units, raw string) units {
	keep := func(list []string) []string {
		var out []string
		for _, n := range list {
			if u.plausible(n) {
				out = append(out, n)
				if strings.Contains(n, "**") {
					addFlag(&o.flags, "“"+n+"”有字被原文隐去（*），请补全单位名称")
				}
				continue
			}
			addFlag(&o.flags, "“"+n+"”不像单位名称，未列为责任单位，请核实（原文："+clip(raw, 60)+"）")
		}
		return out
	}
	o.lead = dedupe(keep(o.lead), nil)
	o.co = dedupe(keep(o.co), o.lead)
	return o
}

// assign splits a list into lead and co-units by the document's rule.
func (u unitRules) assign(list []markedUnit, rule leadRule, flags []string) units {
	out := units{flags: flags}
	if len(list) == 0 {
		return out
	}
	marked := 0
	for _, m := range list {
		if m.marked {
			marked++
		}
	}
	out.byOrder = marked == 0 && len(list) > 1
	for i, m := range list {
		switch {
		case marked > 0 && m.marked, marked == 0 && i == 0:
			out.lead = append(out.lead, m.name)
		default:
			out.co = append(out.co, m.name)
		}
	}
	if rule == ruleMark && marked == 0 && len(list) > 1 {
		out.flags = append(out.flags, "文件以△标注牵头单位，此条未标△：暂以第一个单位为牵头单位")
	}
	return out
}

func dedupe(list []string, exclude []string) []string {
	seen := map[string]bool{}
	for _, e := range exclude {
		seen[e] = true
	}
	var out []string
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// markedUnit is a unit name and whether it carried a lead mark (△).
type markedUnit struct {
	name   string
	marked bool
}

func (u unitRules) expand(s string, flags *[]string, prefix *string) []string {
	var out []string
	s, _ = phraseRole(s, roleGeneric)
	for _, m := range u.expandMarked(s, flags, prefix) {
		out = append(out, m.name)
	}
	return out
}

// spaceBeforeParenRe is a space between a name and its bracket.
var spaceBeforeParenRe = regexp.MustCompile(`(\p{Han})[ \x{3000}]+([（(])`)

// placeBranchRe ends a bureau's branch in a place below it: 成安县分局.
var placeBranchRe = regexp.MustCompile(`\p{Han}{2,}[县区旗]分局$`)

// expandMarked splits a list of unit names and restores what the document
// left out: the carried-over prefix (市科技局、发改委 → 市发改委) and the shared
// suffix (泉州开发区、泉州台商投资区管委会 → 泉州开发区管委会).
func (u unitRules) expandMarked(s string, flags *[]string, carried *string) []markedUnit {
	var out []markedUnit
	prefix := u.docPrefix
	if carried != nil {
		prefix = *carried
		defer func() { *carried = prefix }()
	}
	// 省编办 (省审改办): a page's space before a name's other name in
	// brackets parts nothing.
	s = spaceBeforeParenRe.ReplaceAllString(s, "$1$2")
	for _, run := range joinLevelBodies(u.joinWrapped(splitTop(s, "，,；;\n /／"))) {
		names := joinCollective(splitTop(run, "、"))
		items := make([]markedUnit, 0, len(names))
		for _, n := range u.splitAnd(names) {
			m := markedUnit{name: n}
			m.name, m.marked = stripMark(m.name)
			for _, part := range u.splitEtc(m.name, flags) {
				for _, name := range u.splitGlued(part, flags) {
					items = append(items, markedUnit{name: name, marked: m.marked})
					m.marked = false
				}
			}
		}
		u.shareSuffix(items, flags)
		// afterOrg is set after a bank or a company: it names its own
		// place, and only a bureau after it still takes the prefix (省发改
		// 委、人行武汉分行、通信管理局), an institution does not.
		afterOrg := false
		for i := range items {
			name := items[i].name
			if backReferenceRe.MatchString(name) {
				continue // 各责任单位按职责分工落实: the units named already
			}
			switch p := u.ownPrefix(name); {
			case p != "" && placeBranchRe.MatchString(name):
				// 市生态环境局成安县分局: a city bureau's branch in a
				// county, among the county's units; what follows is not
				// a 市 agency.
				prefix, afterOrg = "", false
			case p != "":
				prefix, afterOrg = p, false
			case prefix != "" && u.takesPrefix(name) && (!afterOrg || bureauEndRe.MatchString(name)):
				name = prefix + name
			case u.isCollective(name):
				// 各县区人民政府、园区管委会: the list has moved down to
				// the places; what follows is not a 市 agency.
				prefix = ""
			case isPlaceName(name):
			case prefix != "" && ownOrgRe.MatchString(name):
				afterOrg = true
			default:
				// 人民银行临海市支行 breaks the chain: what follows it
				// (台州银保监分局…) is not a 市 agency either.
				prefix = ""
			}
			if a, ok := u.aliases[name]; ok && a != "" {
				name = a
			}
			items[i].name = name
			out = append(out, items[i])
		}
	}
	return out
}

// backReferenceRe is a collective that names the units of the clause
// again (各责任单位, 各牵头单位), not units of its own.
var backReferenceRe = regexp.MustCompile(`^各(有关|相关)?(责任|牵头|配合)(单位|部门)$`)

// joinWrapped joins the pieces of a name that a line wrap or a stray space
// cut in two (自治 区农牧厅): a piece that is not a name, followed by one
// that makes a name with it.
func (u unitRules) joinWrapped(runs []string) []string {
	var out []string
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		if i+1 < len(runs) && !u.plausible(r) && !u.isCollective(r) {
			if next, _, _ := strings.Cut(runs[i+1], "、"); u.plausible(r + next) {
				r += runs[i+1]
				i++
			}
		}
		out = append(out, r)
	}
	return out
}

// joinLevelBodies joins a run that is only the body of a level a place
// has many of (街道办事处) to the run before it when that ends with a 各
// collective: 各镇人民政府，街道办事处 is 各镇人民政府、街道办事处, one group
// whatever separates its two parts.
func joinLevelBodies(runs []string) []string {
	var out []string
	for _, r := range runs {
		if k := len(out); k > 0 && manyLevelBodyRe.MatchString(r) && strings.HasPrefix(lastListed(out[k-1]), "各") {
			out[k-1] += "、" + r
			continue
		}
		out = append(out, r)
	}
	return out
}

// lastListed is the last name of a 、-list.
func lastListed(run string) string {
	names := splitTop(run, "、")
	if len(names) == 0 {
		return ""
	}
	return names[len(names)-1]
}

// roleNoteRe is a role written in brackets after a name: 市大数据局（牵头）,
// 市财政局（配合）, 县教育局[牵头], 县教育局〈牵头〉. A lead note marks the
// unit as a △ does.
var roleNoteRe = regexp.MustCompile(`\s*[（(\[［【〔〈<＜](牵头|配合|参与|协助)(?:单位|部门)?[)）\]］】〕〉>＞]$`)

func stripMark(s string) (string, bool) {
	s = strings.TrimSpace(s)
	marked := false
	if m := roleNoteRe.FindStringSubmatchIndex(s); m != nil {
		marked = s[m[2]:m[3]] == "牵头"
		s = s[:m[0]]
	}
	for _, m := range []string{"△", "▲", "★", "☆", "*", "＊"} {
		if m == "*" && strings.Contains(s, "**") {
			continue // ****分局, 县**局: characters a page hid, no mark
		}
		if strings.Contains(s, m) {
			marked = true
			s = strings.ReplaceAll(s, m, "")
		}
	}
	return strings.TrimSpace(s), marked
}

// splitEtc handles 等: "A等" is A (the list is not complete), and
// "A等市直相关部门" is A and the collective 市直相关部门.
func (u unitRules) splitEtc(s string, flags *[]string) []string {
	i := strings.LastIndex(s, "等")
	if i < 0 || strings.HasSuffix(s, "等级") {
		return []string{s}
	}
	head, tail := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len("等"):])
	tail = strings.TrimPrefix(tail, "和")
	if head == "" {
		return []string{s}
	}
	if tail == "" {
		addFlag(flags, "责任单位以“等”结尾，所列单位可能不全")
		return []string{head}
	}
	// A、B等部门, A等有关部门, A等省直有关部门: the list is not complete,
	// but the words add no unit; 和各市人民政府 after them does.
	out := []string{head}
	parts := u.splitAnd([]string{tail})
	if m := etcAndRe.FindStringSubmatch(tail); m != nil {
		parts = []string{m[1], m[2]}
	}
	for _, part := range parts {
		switch {
		case etcSummary(part):
			addFlag(flags, "责任单位以“等"+tail+"”结尾，所列单位可能不全")
		case strings.Contains(part, "有关") || strings.Contains(part, "相关") || strings.HasPrefix(part, "各"):
			out = append(out, part)
		default:
			return []string{s}
		}
	}
	return out
}

// levelPrefixRe matches the level words before a collective: 省直, 市级,
// 县政府.
var levelPrefixRe = regexp.MustCompile(`^` + levelWords + `(?:直|级|属|政府)?`)

// levelWords are the levels of government a collective or a prefix names.
const levelWords = `(?:[省市县区州盟旗]|自治区)`

// splitAnd splits 省直有关部门和各市人民政府 (or 市卫健委与市医保局) into its
// two units; a name with 和 or 与 inside (人力资源和社会保障局, 住房与城乡
// 建设局) stays whole, as its parts are not units.
func (u unitRules) splitAnd(names []string) []string {
	var out []string
	for _, n := range names {
		split := false
		for _, and := range []string{"和", "及", "以及", "与"} {
			i := strings.Index(n, and)
			if i <= 0 {
				continue
			}
			a, b := n[:i], n[i+len(and):]
			// 各县(市、区)党委和人民政府: a body named without its place
			// is the same places' second body, and the name stays whole.
			if u.plausible(a) && u.plausible(b) && !u.isAgencyPart(a) && len([]rune(b)) > 2 && !fieldOfWork(a) && !bareBodyRe.MatchString(b) {
				out = append(out, u.splitAnd([]string{a})[0], b)
				split = true
				break
			}
		}
		if !split {
			out = append(out, n)
		}
	}
	return out
}

// gluedAfterSectionRe is a name that runs on past a 股 (文化宣传股文化馆) or
// a 派出所 (派出所工商质监所): a 股 is the lowest rung of an office and a
// 派出所 holds no unit of its own, so what follows it is a second name a
// lost line break or separator ran on.
var gluedAfterSectionRe = regexp.MustCompile(`^(.{2,}?股|\p{Han}{0,6}?派出所)([^份权票].+)$`)

// meetGlueRe is a section's name, 会 and another section's name:
// 宣传处会办公室.
var meetGlueRe = regexp.MustCompile(`^(\p{Han}{1,8}[处科室])会(\p{Han}{2,10})$`)

// shareWordRe is a 股 of shares, not of an office (省金融控股公司).
var shareWordRe = regexp.MustCompile(`(控|参|持|入|国)股$`)

// splitGlued splits two names written together with nothing between them
// into both, and flags the split for the office to check.
func (u unitRules) splitGlued(name string, flags *[]string) []string {
	// 宣传处会办公室: 会 may be 会同 cut short, or part of a name.
	if m := meetGlueRe.FindStringSubmatch(name); m != nil && u.plausible(m[1]) && u.plausible(m[2]) && !u.known[name] {
		addFlag(flags, "“"+name+"”中的“会”可能是“会同”的简写（"+m[1]+"会同"+m[2]+"），请核实")
	}
	m := gluedAfterSectionRe.FindStringSubmatch(name)
	if m == nil || shareWordRe.MatchString(m[1]) || len([]rune(m[2])) < 3 ||
		!u.plausible(m[1]) || !u.plausible(m[2]) || u.known[name] {
		return []string{name}
	}
	addFlag(flags, "“"+name+"”像两个单位名称连写，已拆为“"+m[1]+"”和“"+m[2]+"”，请核实")
	return []string{m[1], m[2]}
}

// isAgencyPart reports whether s is the first half of an agency's name
// joined by 和 (工业和信息化局, 住房和城乡建设局): a bare field of work,
// never a unit on its own.
func (u unitRules) isAgencyPart(s string) bool {
	return !u.isAgency(s) && !u.isCollective(s) && !strings.HasSuffix(s, "政府") && !streetRe.MatchString(s) && !memberGroupRe.MatchString(s)
}

// memberGroupRe ends a body's group of units (市安委会有关成员单位): a
// whole name, not the first half of an agency's.
var memberGroupRe = regexp.MustCompile(`(?:成员单位|有关单位|相关单位|有关部门|相关部门)$`)

// streetRe is a street or a town standing for its office (仁兴街, 北沟街道,
// 城关镇): a unit, never the first half of an agency's name.
var streetRe = regexp.MustCompile(`\p{Han}{2,}(?:街|街道|镇)$`)

// fieldOfWork reports a collective that ends in a field of work rather
// than a unit (各市工业 of 各市工业和信息化局): the 和 is inside a name.
func fieldOfWork(s string) bool {
	return levelCollectiveRe.MatchString(s) && !strings.HasSuffix(s, "政府") && !unitEndRe.MatchString(s)
}

// unitEndRe matches the ends of names that stand for units or places.
var unitEndRe = regexp.MustCompile(`(部门|单位|机构|局|委|办|厅|政府|县|市|区|镇|乡|街道|村|社区|中心|企业|学校|医院|园区|开发区)$`)

// etcAndRe is the summary word after 等 joined to a unit by 和:
// A、B等部门和各市人民政府 (部门 alone is no unit for splitAnd to weigh).
var etcAndRe = regexp.MustCompile(`^((?:有关|相关|其他)?(?:部门|单位|机构)(?:[（(](?:部门|单位|机构)[)）])?)(?:和|及|以及)(.+)$`)

// kindOfBodyRe is a kind of body named by its trade, of some length:
// 公共企事业单位行业主管部门, 金融机构.
var kindOfBodyRe = regexp.MustCompile(`^\p{Han}{4,}(部门|单位|机构)$`)

// etcSummaryRe is the words after 等 that sum a list up: 等部门, 等有关单位,
// 等部门(单位), 等相关方面.
var etcSummaryRe = regexp.MustCompile(`^(有关|相关|其他)?(部门|单位|机构)(和|及)?(单位|部门)?([（(](部门|单位|机构)[)）])?$|^(有关|相关)方面$`)

// etcSummary reports whether part sums a list up after 等, its level
// words (省直, 区直) before or after 有关/相关: 等省直有关部门,
// 等相关区直部门; or names a kind of body rather than one (等公共企事业
// 单位行业主管部门: a class of 部门 or 单位 no collective word opens).
func etcSummary(part string) bool {
	if etcSummaryRe.MatchString(levelPrefixRe.ReplaceAllString(part, "")) {
		return true
	}
	if kindOfBodyRe.MatchString(part) && !strings.HasPrefix(part, "各") && !strings.Contains(part, "有关") && !strings.Contains(part, "相关") {
		return true
	}
	for _, rel := range []string{"有关", "相关", "其他"} {
		if rest, ok := strings.CutPrefix(part, rel); ok {
			return etcSummaryRe.MatchString(rel + levelPrefixRe.ReplaceAllString(rest, ""))
		}
	}
	return false
}

// splitTop splits s at any of seps that is not inside brackets, so that
// 各县（市、区）人民政府 (or 各县<市、区>人民政府) stays one name.
func splitTop(s, seps string) []string {
	var out []string
	depth, start := 0, 0
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case isOpenParen(r) || strings.ContainsRune("〔【<＜〈", r):
			depth++
		case isCloseParen(r) || strings.ContainsRune("〕】>＞〉", r):
			if depth > 0 {
				depth--
			}
		case depth == 0 && strings.ContainsRune(seps, r):
			if t := strings.TrimSpace(string(rs[start:i])); t != "" {
				out = append(out, t)
			}
			start = i + 1
		}
	}
	if t := strings.TrimSpace(string(rs[start:])); t != "" {
		out = append(out, t)
	}
	return out
}

var (
	bareLevelRe = regexp.MustCompile(`^(?:县级市|[市县区州旗盟乡镇]|街道|开发区|园区|功能区|功能板块|板块)+([（(〔](?:[市县区州旗乡镇、]|街道)+[）)〕])?$`)
	levelOrgRe  = regexp.MustCompile(`^((?:县级市|[市县区州旗盟乡镇])+)级?([（(〔][市县区州旗、]+[）)〕])?((?:人民政府|政府|党委|管委会|部门|单位)+)(?:[（(][\p{Han}、]{2,8}[）)])?$`)
)

// joinCollective keeps a collective written as a list whole: 各区、市政府,
// 各县、市、区政府, 有关区、市政府, 各区、县级市政府 and 各有关区、县级市 are one
// collective each, like 各县(市、区)人民政府.
func joinCollective(names []string) []string {
	out := make([]string, 0, len(names))
	for i := 0; i < len(names); i++ {
		n := names[i]
		// 省农业农村厅等部门及各市、县级政府: the collective may open
		// after 及 or 和 inside the name before it.
		head, tail := "", n
		for _, and := range []string{"及各", "和各"} {
			if k := strings.LastIndex(n, and); k > 0 {
				head, tail = n[:k+len(and)-len("各")], n[k+len(and)-len("各"):]
				break
			}
		}
		for _, p := range []string{"各有关", "各相关", "各", "有关", "相关"} {
			if !strings.HasPrefix(tail, p) || !bareLevelRe.MatchString(strings.TrimPrefix(tail, p)) {
				continue
			}
			j := i + 1
			for j < len(names) && bareLevelRe.MatchString(beforeEtc(names[j])) {
				j++
			}
			switch {
			case j < len(names) && levelOrgRe.MatchString(withoutVerb(beforeEtc(names[j]))):
				n, i = head+strings.Join(append([]string{tail}, names[i+1:j+1]...), "、"), j
			case j == len(names) && j > i+1:
				// 各开发区、镇(街道): levels only, to the end of the list.
				n, i = head+strings.Join(append([]string{tail}, names[i+1:j]...), "、"), j-1
			}
			break
		}
		// 市政府各部门、各直属机构, 各股室、委属部门单位: the second group
		// is the subordinate units of the same body, so the two stay one
		// name.
		// 各乡镇人民政府、街道办事处: a body of a level that has many
		// (乡, 镇, 街道, 村) named without a place is one more group the
		// 各 covers.
		// 各镇（街道）党委、政府: a body named without a place is the same
		// places' body.
		// 市直有关部门、单位: a bare kind of unit after a group of units
		// is one more kind of the same group.
		if k := len(out); k > 0 && bareUnitKindRe.MatchString(n) && unitGroupRe.MatchString(out[k-1]) {
			out[k-1] += "、" + n
			continue
		}
		// 各盟行政公署、市人民政府: a level's body named without a place
		// after the 各 of another level's body is the same 各's.
		if k := len(out); k > 0 && (bareBodyRe.MatchString(n) && strings.HasPrefix(out[k-1], "各") ||
			levelOrgRe.MatchString(n) && eachLevelBodyRe.MatchString(out[k-1]) ||
			subordinateGroupRe.MatchString(n) && ownedGroupRe.MatchString(out[k-1]) || (subordinateGroupRe.MatchString(n) || manyLevelBodyRe.MatchString(n)) && strings.HasPrefix(out[k-1], "各")) {
			out[k-1] += "、" + n
			continue
		}
		out = append(out, n)
	}
	return out
}

// withoutVerb is a name without the verb that closes its phrase
// (区人民政府负责落实 → 区人民政府), which phraseRole reads later.
func withoutVerb(n string) string {
	n, _ = phraseRole(n, roleGeneric)
	return n
}

// beforeEtc is a name without the 等 that closes a list after it
// (县级市政府等部门 → 县级市政府), which splitEtc reads later.
func beforeEtc(n string) string {
	if i := strings.LastIndex(n, "等"); i > 0 {
		return n[:i]
	}
	return n
}

// bareUnitKindRe is a kind of unit named alone: 单位, 部门, 机构, 企业.
var bareUnitKindRe = regexp.MustCompile(`^(?:单位|部门|机构|企业)$`)

// unitGroupRe matches a group of units (市直有关部门, 各相关单位) that a
// following bare kind of unit (、单位) extends.
var unitGroupRe = regexp.MustCompile(`(?:各|有关|相关)\p{Han}{0,4}(?:单位|部门|机构|科室|处室|股室)$`)

// bareBodyRe is a body of government named without its place.
var bareBodyRe = regexp.MustCompile(`^(?:人民政府|政府|党委|党工委|管委会|人大|政协)$`)

// eachLevelBodyRe matches the bodies of every place of a level: 各盟行政公署,
// 各州人民政府.
var eachLevelBodyRe = regexp.MustCompile(`^各(?:[市县区州旗盟]|地区)(?:行政公署|人民政府|政府)$`)

// subordinateGroupRe matches a group of a body's subordinate units: 各直属
// 机构, 有关直属单位, 委属部门单位, 局属各单位.
var subordinateGroupRe = regexp.MustCompile(`^(?:各|有关|相关)?[直委局厅办所下]属各?\p{Han}{0,4}(?:单位|部门|机构)$`)

// manyLevelBodyRe matches the body of a level a place has many of, named
// without a place: 街道办事处, 镇政府, 村委会.
var manyLevelBodyRe = regexp.MustCompile(`^(?:乡|镇|乡镇|街道|村|社区)(?:人民政府|政府|办事处|党委|党工委|委员会|村委会|居委会)$`)

// ownedGroupRe matches a government's group of units (市政府各部门, 县政府
// 各工作部门, 县政府有关部门) that a following 各直属机构 belongs to.
var ownedGroupRe = regexp.MustCompile(`^` + levelWords + `(?:人民)?政府(?:各|有关|相关)(?:工作)?部门$`)

var sharedSuffixes = []string{"党工委和管委会", "党委和人民政府", "党委和政府", "管理委员会", "管委会", "党工委", "人民政府", "政府", "办事处"}

// shareSuffix gives the names of a 、-list the suffix that only its last name
// carries, when the others are bare place names.
func (u unitRules) shareSuffix(items []markedUnit, flags *[]string) {
	if len(items) < 2 {
		return
	}
	last := items[len(items)-1].name
	suffix := ""
	for _, s := range sharedSuffixes {
		if strings.HasSuffix(last, s) && len(last) > len(s) {
			suffix = s
			break
		}
	}
	if suffix == "" || !isPlaceName(strings.TrimSuffix(last, suffix)) {
		if sharePlaceAgency(items, flags) || u.shareZoneSuffix(items, flags) {
			return
		}
		u.shareLevelSuffix(items, flags)
		shareFieldSuffix(items, flags)
		return
	}
	for _, it := range items[:len(items)-1] {
		if !isPlaceName(it.name) || strings.HasPrefix(it.name, "各") {
			u.shareLevelSuffix(items, flags)
			return
		}
	}
	giveSuffix(items, 0, len(items)-1, suffix, "单位", flags)
}

// runBefore returns where the run of names right before items[k] that
// bare accepts starts; k when there is none.
func runBefore(items []markedUnit, k int, bare func(string) bool) int {
	start := k
	for start > 0 && bare(items[start-1].name) {
		start--
	}
	return start
}

// giveSuffix gives the names items[start:k] the suffix that items[k]
// carries for them all, and tells the office which names (what: 单位, 地名)
// were completed.
func giveSuffix(items []markedUnit, start, k int, suffix, what string, flags *[]string) {
	for i := start; i < k; i++ {
		items[i].name += suffix
	}
	addFlag(flags, "“"+items[k].name+"”前的"+what+"按共用后缀“"+suffix+"”补全")
}

// placeLevels are the characters that close a place's name with its level.
const placeLevels = "市州县区盟旗"

// sharePlaceAgency restores 海东市、兰州市、临夏州发展改革部门 as 海东市发展改革
// 部门, 兰州市发展改革部门 and 临夏州发展改革部门: places written with their
// level (three to five characters) before a place's agency share the agency.
// The place of the last name is cut after its level character, not inside a
// city's name (兰州市城市管理局 is 兰州市 + 城市管理局).
func sharePlaceAgency(items []markedUnit, flags *[]string) bool {
	k := len(items) - 1
	last := []rune(items[k].name)
	cut := -1
	for i := 2; i <= 4 && i+2 < len(last); i++ {
		if strings.ContainsRune(placeLevels, last[i]) && !strings.ContainsRune(placeLevels, last[i+1]) {
			cut = i + 1
			break
		}
	}
	if cut < 0 {
		return false
	}
	agency := string(last[cut:])
	if !(agencyEndRe.MatchString(agency) || strings.HasSuffix(agency, "部门")) || strings.Contains(agency, "政府") || strings.Contains(agency, "园区") {
		return false
	}
	for _, it := range items[:k] {
		rs := []rune(it.name)
		if len(rs) < 3 || len(rs) > 5 || strings.HasPrefix(it.name, "各") || !strings.ContainsRune(placeLevels, rs[len(rs)-1]) {
			return false
		}
	}
	giveSuffix(items, 0, k, agency, "地名", flags)
	return true
}

// zoneSuffixes close the name of a zone governed as a place (荒湖管理区).
var zoneSuffixes = []string{"管理区", "开发区", "示范区", "试验区", "度假区", "风景区"}

// shareZoneSuffix restores 人民大垸、荒湖管理区 as 人民大垸管理区, 荒湖管理区:
// short bare names right before a zone's name, none of them a name of
// its own (a place, a collective, an organisation), share its suffix.
func (u unitRules) shareZoneSuffix(items []markedUnit, flags *[]string) bool {
	k := len(items) - 1
	last := items[k].name
	suffix := ""
	for _, s := range zoneSuffixes {
		if strings.HasSuffix(last, s) && len([]rune(last)) >= len([]rune(s))+2 {
			suffix = s
			break
		}
	}
	if suffix == "" {
		return false
	}
	start := runBefore(items, k, func(prev string) bool {
		n := len([]rune(prev))
		return n >= 2 && n <= 4 && !strings.HasPrefix(prev, "各") && !u.plausible(prev)
	})
	if start == k {
		return false
	}
	giveSuffix(items, start, k, suffix, "地名", flags)
	return true
}

// shareLevelSuffix restores 苏州、无锡、常州市政府 as 苏州市政府, 无锡市政府
// and 常州市政府: bare place names before a name that ends in a level and
// an organisation share both.
func (u unitRules) shareLevelSuffix(items []markedUnit, flags *[]string) {
	// Each name that ends in a level and an organisation (绥芬河市政府)
	// gives its suffix to the bare place names right before it
	// (哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局: the
	// three cities).
	for k := 1; k < len(items); k++ {
		name := []rune(items[k].name)
		suffix := ""
		for _, org := range []string{"人民政府", "政府", "党委"} {
			if n := len([]rune(org)); len(name) > n+2 && string(name[len(name)-n:]) == org && strings.ContainsRune("市区县州", name[len(name)-n-1]) {
				suffix = string(name[len(name)-n-1:])
			}
		}
		if suffix == "" {
			continue
		}
		// 银川市、石嘴山市、吴忠市人民政府: places written with the same
		// level share the organisation only.
		level, org := string([]rune(suffix)[:1]), string([]rune(suffix)[1:])
		start := runBefore(items, k, func(prev string) bool {
			n := len([]rune(prev))
			return n >= 3 && n <= 5 && strings.HasSuffix(prev, level) && !strings.HasPrefix(prev, "各") && u.plausibleBarePlace(strings.TrimSuffix(prev, level))
		})
		if start < k {
			suffix = org
		} else {
			start = runBefore(items, k, func(prev string) bool {
				n := len([]rune(prev))
				return n >= 2 && n <= 4 && !agencyEndRe.MatchString(prev) && !isPlaceName(prev) && !strings.HasPrefix(prev, "各") && u.plausibleBarePlace(prev)
			})
		}
		if start == k {
			continue
		}
		giveSuffix(items, start, k, suffix, "地名", flags)
	}
}

// shareFieldSuffix restores 水利、电力部门 as 水利部门, 电力部门: bare
// two-character fields right before a name ending in 部门 share it.
func shareFieldSuffix(items []markedUnit, flags *[]string) {
	k := len(items) - 1
	last := items[k].name
	if !strings.HasSuffix(last, "部门") || len([]rune(last)) != 4 {
		return
	}
	start := runBefore(items, k, func(prev string) bool {
		return len([]rune(prev)) == 2 && !strings.HasPrefix(prev, "各")
	})
	if start == k {
		return
	}
	giveSuffix(items, start, k, "部门", "单位", flags)
}

// plausibleBarePlace reports whether a short name with no suffix can be a
// place's name: not a name that already stands as a unit (a collective,
// an organisation).
func (u unitRules) plausibleBarePlace(name string) bool {
	return !u.isCollective(name) && !u.isAgency(name)
}

// isPlaceName reports whether s names a place (a district, county, zone)
// rather than an agency.
func isPlaceName(s string) bool {
	for _, e := range []string{"区", "县", "市", "镇", "乡", "街道", "园区", "新区", "开发区"} {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// ownPrefix returns the carried prefix a name starts with (市 of 市科技局), or
// "" when it has none or is itself a place or collective.
func (u unitRules) ownPrefix(name string) string {
	// 省发展改革委(省数据局): the name before its other name in brackets.
	name, _ = otherName(name)
	for _, p := range u.prefixes {
		if strings.HasPrefix(name, p) && len(name) > len(p) && !shiWord(name) && u.isAgency(name) && !isPlaceName(name) {
			return p
		}
	}
	// 吴忠市人民政府、宁东管委会: a place's government names the place,
	// not a level the names after it share.
	if p := u.placeOf(name); p != "" && u.isAgency(name) && !isPlaceName(name) && !strings.HasSuffix(name, "政府") {
		return p
	}
	// 无锡国税局、地税局: a city's agency passes its city on; a
	// university or a company named after a city does not.
	if c := cityOf(name); c != "" && bureauEndRe.MatchString(name) && !isPlaceName(name) {
		return c
	}
	return ""
}

// placeOf returns the place of the document that name starts with, or "".
func (u unitRules) placeOf(name string) string {
	for _, p := range u.places {
		if strings.HasPrefix(name, p) && len(name) > len(p)+3 {
			return p
		}
	}
	return ""
}

// placeGovRe finds a place's government in a text: 青云谱区人民政府,
// 南昌市青云谱区政府 (the place is the name before its 区/县/市).
var (
	placeGovRe    = regexp.MustCompile(`(?:^|[^\p{Han}]|[省市])` + placeGov)
	placeGovMidRe = regexp.MustCompile(`(?:[^\p{Han}]|[省市])` + placeGov)
)

const placeGov = `(\p{Han}{2,4}?)[市县区](?:人民政府|政府)`

// placeGovMatches returns placeGovRe's matches in text. The regexp starts
// with a class, so scanning a long text with it is slow: it runs only on
// the few characters before each 政府, which every match ends with.
func placeGovMatches(text string) [][]string {
	const gov = "政府"
	// A match is at most a separator, a 4-character name, its level and
	// 人民政府: 10 characters.
	const back = 12 * utf8.UTFMax
	var out [][]string
	done := 0 // the end of the last match: the next starts after it
	for at := 0; ; {
		k := strings.Index(text[at:], gov)
		if k < 0 {
			return out
		}
		end := at + k + len(gov)
		at = end
		start := max(done, end-back)
		for start < end && !utf8.RuneStart(text[start]) {
			start++
		}
		re := placeGovMidRe // ^ matches only where the text starts
		if start == 0 {
			re = placeGovRe
		}
		if m := re.FindStringSubmatch(text[start:end]); m != nil {
			out = append(out, m)
			done = end
		}
	}
}

// docPlaces lists the places whose governments a text names.
func docPlaces(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range placeGovMatches(text) {
		p := m[1]
		if seen[p] || strings.ContainsAny(p, "、各") || strings.HasPrefix(p, "有关") || strings.HasPrefix(p, "相关") || strings.HasPrefix(p, "所在") || strings.HasPrefix(p, "本") || strings.HasPrefix(p, "全") {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// shiWord reports a name whose 市 starts a word rather than naming the
// city: 市场监管局, 市政局 (municipal works), 市容环卫处; 市政府办公室,
// 市政协 and 市政务服务管理局 are the city's.
func shiWord(name string) bool {
	switch {
	case strings.HasPrefix(name, "市场"), strings.HasPrefix(name, "市容"):
		return true
	case strings.HasPrefix(name, "市政"):
		// 市政府, 市政协, 市政务服务中心, 市政法委, 市政研室: the city's.
		for _, p := range []string{"市政府", "市政协", "市政务", "市政法", "市政研"} {
			if strings.HasPrefix(name, p) {
				return false
			}
		}
		return true
	}
	return false
}

// lowerLevelRe is a name opened by a level below the county (街道, 乡镇,
// 社区), of which a place has many, or a street's office named by its
// street (永丰街办事处).
var lowerLevelRe = regexp.MustCompile(`^(?:街道|乡镇|社区)|街道?办事处$|街道办$`)

// takesPrefix reports whether a bare name gets the carried prefix: agencies
// do (发改委 → 市发改委); places, collectives and names that already hold a
// level of government do not.
func (u unitRules) takesPrefix(name string) bool {
	// 交通部门: a field's department, the level's as much as 交通局.
	fieldDept := strings.HasSuffix(name, "部门") && len([]rune(name)) == 4
	// ****监管局: the page hid the name's start, its place with it.
	if !u.isAgency(name) && !fieldDept || isPlaceName(name) || u.isCollective(name) || strings.HasPrefix(name, "各") || strings.HasPrefix(name, "**") {
		return false
	}
	// 民族乡政府, 某某镇人民政府: a township's own government; 街道城管中队,
	// 乡镇财政所, 社区卫生服务中心: the bodies of a level below, many of them.
	if townGovRe.MatchString(name) || lowerLevelRe.MatchString(name) {
		return false
	}
	// Universities and colleges are named in full (河南师范大学), never
	// abbreviated under a city's prefix.
	for _, inst := range []string{"大学", "学院", "高校", "研究院", "研究所"} {
		if strings.HasSuffix(name, inst) && len([]rune(name)) > 4 {
			return false
		}
	}
	// Banks and the local offices of national bodies name their own place
	// (人民银行济南分行, 人行郑州中心支行, 河南银保监局, 山东金融监管局).
	if ownOrgRe.MatchString(name) && !utilityCompanyRe.MatchString(name) || startsWithProvince(name) || startsWithCity(name) || u.placeOf(name) != "" {
		return false
	}
	// 武警宿迁支队, 驻宿部队, 国网宿迁供电公司: the local units of a
	// national force or network, which no level's prefix goes before.
	if nationalOpenRe.MatchString(name) {
		return false
	}
	// 海曙自然资源规划分局: a branch is named by the place it serves,
	// which no level's prefix goes before.
	if strings.HasSuffix(name, "分局") && len([]rune(name)) > 4 {
		return false
	}
	// 园区党工委, 景区管委会: a zone named by its kind alone is a place of
	// its own, as 开发区管委会 is.
	if zoneStartRe.MatchString(name) {
		return false
	}
	bare := notLevelRe.ReplaceAllString(name, "")
	// 国家税务局 in a city's list is the city's: the level it names is
	// its system's, and only 国家…总局 and the bodies it holds are the
	// nation's own (国家金融监督管理总局山东监管局).
	if localNationalRe.MatchString(bare) {
		return true
	}
	for _, lvl := range []string{"市", "县", "区", "省", "国家", "中国", "中央", "全国", "国务院"} {
		if strings.Contains(bare, lvl) && !shiWord(name) {
			return false
		}
	}
	return true
}

// nationalOpenRe opens the name of a national force's or network's local
// unit that names its own place (see takesPrefix): 武警宿迁支队, not 武警
// 支队, which is the city's (市武警支队); 驻 only before 部队, as 驻京办
// is a city's own office in Beijing.
var nationalOpenRe = regexp.MustCompile(`^(?:武警\p{Han}{2,}(?:总队|支队|大队|中队)|国网|国家电网|驻\p{Han}{0,6}部队)`)

// localNationalRe is the local bureau of a national system, as a city's
// list names it (市财政局、国家税务局、地方税务局): no 总局.
var localNationalRe = regexp.MustCompile(`^国家[^总]{2,6}局$`)

// notLevelRe matches words whose 区 or 市 is not a level of government
// (产业园区改革发展办公室, 城市管理局, 社区): they do not stop a carried prefix.
var notLevelRe = regexp.MustCompile(`园区|社区|小区|片区|景区|街区|城市|都市|市场`)

// zoneStartRe matches a name that starts with a zone's kind (园区党工委).
var zoneStartRe = regexp.MustCompile(`^(?:园区|社区|小区|片区|景区|街区)`)

var townGovRe = regexp.MustCompile(`[乡镇](?:人民)?政府$|街道办事处$|村(?:民)?委(?:员)?会$`)

var bureauEndRe = regexp.MustCompile(`(局|委|厅|办|办公室|委员会)$`)

var ownOrgRe = regexp.MustCompile(`银行|支行|分行|实验室|集团|公司`)

// utilityCompanyRe is a company named by its trade alone (电力公司, 烟草公司):
// the level's branch of a national network, which the list's prefix names
// (省电力公司), not a company with a name of its own (榕发公司).
var utilityCompanyRe = regexp.MustCompile(`^(?:电力|供电|电网|烟草|邮政|电信|移动|联通|铁塔|石油|石化|燃气)(?:分)?公司$`)

// provinces are the short names of the provincial-level divisions: a unit
// named after one (河南银保监局) is not a city's agency.
var provinces = strings.Fields("北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门")

func startsWithProvince(name string) bool {
	for _, p := range provinces {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func (u unitRules) isAgency(name string) bool {
	if verbXing(name) {
		return false
	}
	for _, s := range u.suffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// verbXing reports a name that ends with a word of going or doing that
// ends in 行 (交通出行, 安全运行, 先行): the suffix 行 of a bank (农商行,
// 交行) it is not. A byte test first: isAgency runs on every name.
func verbXing(name string) bool {
	if !strings.HasSuffix(name, "行") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(name, "行"))
	return strings.ContainsRune(xingVerbs, r)
}

// xingVerbs are the characters that make a verb with 行 (出行, 运行, 执行).
const xingVerbs = "出运执进实推先试通履同流可施践并旅步骑航飞自暂现举盛风遵奉平"

func (u unitRules) isCollective(name string) bool {
	n := strings.TrimPrefix(name, "各")
	return u.collectives[name] || u.collectives[n] || levelCollectiveRe.MatchString(name)
}

// levelCollectiveRe matches names that stand for a group of units, with
// or without the level they belong to: 各部门, 有关单位, 省直各部门,
// 市政府有关部门, 县直相关单位.
var levelCollectiveRe = regexp.MustCompile(`^(?:` + levelWords + `(?:直|级|属|政府|委)?)?(?:各|有关|相关)`)

// isUnitList reports whether s, found after a task's last sentence in a
// flattened table, is a list of unit names.
func (u unitRules) isUnitList(s string) bool {
	if len([]rune(s)) > 300 {
		return false
	}
	var names []string
	for _, run := range splitTop(s, "，,；;") {
		// 各县、市、区政府 is one name.
		names = append(names, joinCollective(splitTop(run, "、"))...)
	}
	if len(names) == 0 {
		return false
	}
	for _, n := range names {
		n, _ = stripMark(n)
		n = strings.TrimSuffix(n, "等")
		rs := []rune(n)
		if len(rs) < 2 || len(rs) > 30 || strings.ContainsAny(n, "。：:？?！!“”") {
			return false
		}
		if !u.plausible(n) {
			return false
		}
	}
	return true
}

func addFlag(flags *[]string, f string) {
	for _, x := range *flags {
		if x == f {
			return
		}
	}
	*flags = append(*flags, f)
}

// dominantPrefix returns the carried prefix that the first agency of most
// clauses starts with (市 in a city's document), or "".
func (u unitRules) dominantPrefix(raws []string) string {
	count := map[string]int{}
	clauses := 0
	for _, raw := range raws {
		for _, n := range splitTop(raw, "、，,；;\n ") {
			n, _ = stripMark(n)
			if !u.isAgency(n) || isPlaceName(n) || u.isCollective(n) {
				continue
			}
			clauses++
			if p := u.ownPrefix(n); p != "" {
				count[p]++
			}
			break
		}
	}
	best, bestN := "", 0
	for _, p := range u.prefixes {
		if count[p] > bestN {
			best, bestN = p, count[p]
		}
	}
	if bestN*2 < clauses || bestN < 2 {
		return ""
	}
	return best
}

// actionWords start phrases of a task's text, never a unit's name: they keep
// 加快建设国家级科技服务业集聚区、打造国际合作先行区 from being read as units.
var actionWords = []string{"加快", "打造", "建设", "推进", "推动", "实施", "开展", "支持", "鼓励", "加强", "完善", "提升", "促进", "构建", "形成", "培育", "发展", "深化", "强化", "创建", "争创", "建成", "引导", "组织", "落实", "探索", "建立", "健全", "优化", "扩大", "提高", "力争", "确保", "实现", "围绕", "依托", "聚焦", "成为", "争取", "成功", "完成", "全面", "积极", "持续", "大力", "着力", "全力", "做好", "抓好", "进一步", "新增", "改造", "开工", "新建", "启动", "迁建", "续建", "筹建", "扩建", "改建", "修建", "兴建", "督促", "排查", "整治", "查处"}

func startsWithAction(name string) bool {
	for _, w := range actionWords {
		if strings.HasPrefix(name, w) {
			return true
		}
	}
	return false
}
