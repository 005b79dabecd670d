package policy

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// role is what a responsibility clause says a unit (or a person) does.
type role int

const (
	roleGeneric  role = iota // 责任单位: the first listed leads
	roleLead                 // 牵头单位, X牵头
	roleCo                   // 配合单位, X配合
	roleLeader               // 分管领导: a person, never a unit
	roleIgnore               // 数据提供单位, 适用范围: not an owner
	roleDeadline             // 完成时限
)

// labelForms is the grammar of the labels documents put before unit lists,
// persons and deadlines, with what each form means. A form is a role word
// and a noun (牵头 + 责任 + 单位, 分管 + 市 + 领导), so that 牵头责任单位,
// 协同责任单位 and 牵头负责领导 are read without listing every spelling.
// Earlier forms win: 牵头领导 is a person, not a lead unit. A lone 人： at
// the start of a line is a person's label too (see personLines).
var labelForms = []struct {
	form string
	role role
}{
	{`(?:牵头|分管|责任|联系|领衔|包保|包联|负责|督办|挂点|挂钩|包抓)(?:负责)?(?:省|市|区|县|州|旗|镇|乡)?(?:领导|领导同志|省长|副省长|市长|副市长|区长|副区长|县长|副县长)|责任人`, roleLeader},
	{`数据提供单位|统计口径|适用范围|考核方式|工作目标|任务目标|目标要求|工作要求|指导单位|督办单位|监督单位`, roleIgnore},
	// A contact person and the number to call (联系人：李某某　联系电话：…)
	// name whom the office phones, never an owner.
	{`联系人|联系(?:电话|方式)|(?:办公|手机)?电话|手机(?:号码)?`, roleIgnore},
	// A label may name what the units answer for first: 问题整改责任单位,
	// 任务牵头单位, 项目责任单位.
	{`(?:问题整改|整改|任务|项目)?(?:牵头|主办|主责)(?:责任|负责)?(?:单位|部门|处室|科室)|牵头|主责`, roleLead},
	{`(?:主要|其他)?(?:配合|协同|协办|参与|参加|协助|协作|支持)(?:责任|负责)?(?:单位|部门|处室|科室)|(?:其他|相关)(?:责任|负责)?(?:单位|部门|处室|科室)|配合|参与|协同|协办|协助`, roleCo},
	{`(?:具体|主要|直接|问题整改|整改|任务|项目)?(?:责任|负责|承办|实施|落实|执行)(?:单位|部门|主体|处室|科室)|(?:部门|责任)分工`, roleGeneric},
	{`完成时限|工作时限|办理时限|完成时间|时间节点|时限要求|完成期限|时间要求|时间安排|截止时间|整改时限|整改期限|实施时间|实施期限|办结时限|推进时限`, roleDeadline},
}

// scopeWords are the levels a label may name its units by: 省直配合单位,
// 市直责任单位 (the province's or the city's own departments). The word
// belongs to the label, never to the units before it.
var scopeWords = []string{"省直", "市直", "县直", "区直", "州直", "旗直"}

// trimScope cuts the level word that stands before a label off the text
// before it.
func trimScope(s string) string {
	t := strings.TrimRight(s, " \t\u3000")
	for _, w := range scopeWords {
		if strings.HasSuffix(t, w) {
			return t[:len(t)-len(w)]
		}
	}
	return s
}

// personLines adds to a clause's labels the lines that start with a lone
// 人：, a person's label whose first words the page lost (责任人：, 联系人：),
// in the form FindAllStringSubmatchIndex gives.
func personLines(raw string, locs [][]int) [][]int {
	if !strings.Contains(raw, "人") {
		return locs
	}
	added := false
	for off := 0; off < len(raw); {
		line := raw[off:]
		if k := strings.IndexByte(line, '\n'); k >= 0 {
			line = line[:k]
		}
		start := off + len(line) - len(strings.TrimLeft(line, " \t\u3000"))
		rest := raw[start : off+len(line)]
		if strings.HasPrefix(rest, "人") {
			after := strings.TrimLeft(rest[len("人"):], " \t")
			for _, c := range []string{"：", ":"} {
				if strings.HasPrefix(after, c) {
					end := off + len(line) - len(after) + len(c)
					locs = append(locs, []int{start, end, start, start + len("人")})
					added = true
				}
			}
		}
		off += len(line) + 1
	}
	if added {
		slices.SortFunc(locs, func(a, b []int) int { return a[0] - b[0] })
	}
	return locs
}

// labelEnd closes a label: its colon, after a note in brackets if any
// (责任单位（部门）：).
const labelEnd = `(?:[（(]\p{Han}{1,6}[)）])?\s*[：:]`

var (
	// dueInTextRe is a deadline's label and the time after it, left in
	// an item's text by a bracket of its own: （完成时限：2025年6月）.
	dueInTextRe   *regexp.Regexp
	clauseWordRe  *regexp.Regexp // any label followed by its colon
	clauseStartRe *regexp.Regexp // the same at the start of a line
	ownerWordRe   *regexp.Regexp // a label that names units, with its colon
	// bracketLabelRe is a label in square brackets instead of before a
	// colon: 【牵头单位】市住建局【配合单位】市财政局.
	bracketLabelRe *regexp.Regexp
	labelFormRes   []*regexp.Regexp
)

func init() {
	var all, owners []string
	for _, l := range labelForms {
		all = append(all, l.form)
		if l.role <= roleCo {
			owners = append(owners, l.form)
		}
		labelFormRes = append(labelFormRes, regexp.MustCompile(`^(?:`+l.form+`)$`))
	}
	clauseWordRe = regexp.MustCompile(`(` + strings.Join(all, "|") + `)` + labelEnd)
	clauseStartRe = regexp.MustCompile(`^(?:` + strings.Join(all, "|") + `)` + labelEnd)
	weiPart := `[^（）()〔〕【】\[\]［］，,；;。：:]+?为(?:` + strings.Join(owners, "|") + `)`
	weiClauseRe = regexp.MustCompile(`([（(〔【\[［])((?:` + weiPart + `[，,；;]\s*)*` + weiPart + `)([）)〕】\]］])`)
	weiPartRe = regexp.MustCompile(`^(.+?)为(` + strings.Join(owners, "|") + `)$`)
	// A unit may hold brackets of its own: 相关县〔市、区〕政府.
	unitText := `(?:[^（）()〔〕【】\[\]［］]|[（(〔][^（）()〔〕【】]*[）)〕])*`
	ownerLabel := `(?:共同|主要|其他|具体)?(?:` + strings.Join(owners, "|") + `)`
	labelWeiRe = regexp.MustCompile(`([（(〔【\[［])(` + ownerLabel + `为` + unitText + `)([）)〕】\]］])`)
	labelWeiPartRe = regexp.MustCompile(`(^|[；;，,]\s*)(` + ownerLabel + `)为`)
	ownerOpensRe = regexp.MustCompile(`^(?:` + strings.Join(owners, "|") + `)`)
	dashClauseRe = regexp.MustCompile(`(?m)([^\s—\-－])[ \t\x{3000}]*(?:——|--|－－|—)[ \t\x{3000}]*((?:` + strings.Join(all, "|") + `)` + labelEnd + `[^\n]*?)[。]?[ \t\x{3000}]*$`)
	ownerWordRe = regexp.MustCompile(`(` + strings.Join(owners, "|") + `)` + labelEnd)
	for _, l := range labelForms {
		if l.role == roleDeadline {
			dueInTextRe = regexp.MustCompile(`(?:` + l.form + `)` + labelEnd + `\s*([^（）()\[\]【】；;。\n]{2,30})`)
		}
	}
	fieldItemRe = regexp.MustCompile(`^[ \t\x{3000}]*[（(]?\d{1,2}[)）.、．]\s*(` + strings.Join(owners, "|") + `)[。：:]\s*(\p{Han}[^。；;]*?)[。；;]?\s*$`)
	bracketLabelRe = regexp.MustCompile(`[【\[［]\s*(` + strings.Join(all, "|") + `)\s*[】\]］]\s*[:：]?`)
	labelNameRe = regexp.MustCompile(`^(?:共同|主要|其他|具体)?(?:` + strings.Join(owners, "|") + `)$`)
	spaceLabelRe = regexp.MustCompile(`(^|[\n（(〔【\[；;，,。]|[局委办厅部府心会院所站队社处][ \t\x{3000}])([ \t\x{3000}]*)((?:共同|主要|其他|具体)?(?:` + strings.Join(owners, "|") + `))[ \t\x{3000}]+(\p{Han}[^\s，,；;。、：:（）()]*)`)
}

// labelNameRe is a name that is only an owner label (责任单位, 共同责任单位):
// never a unit.
var labelNameRe *regexp.Regexp

// spaceLabelRe is an owner label a page wrote with spaces instead of its
// colon, at a line's or a clause's start or after a space that ends a unit's
// name, and the word after it.
var spaceLabelRe *regexp.Regexp

// spaceLabels gives the owner labels written with spaces instead of a
// colon theirs: （责任单位 市科技局） and a line 牵头单位 市住建局 (or a tab
// after the label, as Word aligns it) read as 责任单位：市科技局 and
// 牵头单位：市住建局. Only a label that names its
// kind of body (…单位, …部门, …科室, …处室, …主体) or the division of
// work (部门分工 省发展改革委牵头), never a bare 牵头, and
// not before a word that heads a unit, deadline or number column: 牵头单位
// 配合单位 完成时限 is a table's header, not a label and its units (a unit
// may look like a content column's word: 市金融工作局). Left alone, such a label was
// read as a unit (责任单位) of its own clause.
func spaceLabels(t string) string {
	if !strings.Contains(t, "单位 ") && !strings.Contains(t, "部门 ") && !strings.Contains(t, "单位\u3000") &&
		!strings.Contains(t, "部门\u3000") && !strings.Contains(t, "科室 ") && !strings.Contains(t, "主体 ") && !strings.Contains(t, "分工 ") &&
		!strings.Contains(t, "单位\t") && !strings.Contains(t, "部门\t") {
		return t
	}
	// A label after a space that ends the unit before it (牵头单位 市住建局
	// 配合单位 市财政局) starts where the match of the label before it ended:
	// a second pass finds it.
	for range 4 {
		u := spaceLabelsOnce(t)
		if u == t {
			break
		}
		t = u
	}
	return t
}

// namedLabelKinds are the words a label spaced from its units must end with:
// the kind of body it names, or the division of work (部门分工).
var namedLabelKinds = []string{"单位", "部门", "科室", "处室", "主体", "分工"}

func spaceLabelsOnce(t string) string {
	return rewriteMatches(spaceLabelRe, t, func(loc []int) string {
		label, next := group(t, loc, 3), group(t, loc, 4)
		named := false
		for _, kind := range namedLabelKinds {
			named = named || strings.HasSuffix(label, kind)
		}
		if c := classifyHeader(next); !named || c >= colLead || c == colSeq || labelRoleOf(next) != roleGeneric {
			return t[loc[0]:loc[1]]
		}
		return group(t, loc, 1) + group(t, loc, 2) + label + "：" + next
	})
}

// hasColon reports whether s holds a colon, which every label needs: the
// label regexps need not scan a text without one.
func hasColon(s string) bool {
	return strings.Contains(s, "：") || strings.IndexByte(s, ':') >= 0
}

// sentenceLabelRe is a line that names an item's units in a sentence of its
// own below it, 该目标责任单位为市经委。 or, for the last N items together,
// 4项目标的责任单位均为市发展改革委。: group 2 is the count, 3 the label.
var sentenceLabelRe = regexp.MustCompile(`(?m)^([ \t\x{3000}]*)(?:(?:该|本|此)项?|([0-9]{1,2}|[两二三四五六七八九十])项)?(?:目标|任务|指标|工作|措施)?的?(责任单位|牵头单位|责任部门|牵头部门)(?:均|都)?为[：:]?[ \x{3000}]*`)

// sentenceLabels rewrites those sentences as the labelled lines the clause
// reader knows: 责任单位：市经委。
func sentenceLabels(t string) string {
	if !hasSentenceLabel(t) {
		return t
	}
	return rewriteSentenceLabels(t)
}

// rewriteSentenceLabels is sentenceLabels for a text hasSentenceLabel has
// passed.
func rewriteSentenceLabels(t string) string {
	return sentenceLabelRe.ReplaceAllString(t, "$1$3：")
}

// hasSentenceLabel reports whether t holds the words every match of
// sentenceLabelRe holds, 单位为 or 部门为 (均为, 都为): most items have none, and
// the regexp need not scan them.
func hasSentenceLabel(t string) bool {
	for _, kind := range []string{"单位", "部门"} {
		for rest := t; ; {
			i := strings.Index(rest, kind)
			if i < 0 {
				break
			}
			rest = rest[i+len(kind):]
			after := strings.TrimPrefix(strings.TrimPrefix(rest, "均"), "都")
			if strings.HasPrefix(after, "为") {
				return true
			}
		}
	}
	return false
}

// colonLabels rewrites labels in square brackets as labels with a colon,
// each after a stop so that a label's list ends where the next begins:
// 。【牵头单位】A【配合单位】B → 。牵头单位：A；配合单位：B.
func colonLabels(t string) string {
	if !strings.ContainsAny(t, "【[［") {
		return t
	}
	locs := bracketLabelRe.FindAllStringSubmatchIndex(t, -1)
	if locs == nil {
		return t
	}
	var b strings.Builder
	last := 0
	for _, loc := range locs {
		// 县教育局[牵头]、县财政局: a role noted after a name, followed by
		// no list of its own, is no label (see roleNoteRe).
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(t[loc[1]:], " \t\u3000"))
		prev, _ := utf8.DecodeLastRuneInString(t[:loc[0]])
		if unicode.Is(unicode.Han, prev) && (loc[1] == len(t) || strings.ContainsRune("、，,；;。）)】]］\n", next)) {
			continue
		}
		b.WriteString(t[last:loc[0]])
		if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t[:loc[0]], " \t\u3000")); r != utf8.RuneError && !strings.ContainsRune("。；;\n", r) {
			b.WriteString("；")
		}
		b.WriteString(t[loc[2]:loc[3]])
		b.WriteString("：")
		last = loc[1]
	}
	b.WriteString(t[last:])
	return b.String()
}

// spacedLabelRe is a label at a line start that a page spread out with
// spaces to align it with longer ones: 责 任 人：, 责任 单位：.
var spacedLabelRe = regexp.MustCompile(`(?m)^([ \t\x{3000}]*)(\p{Han}{1,4}(?:[ \x{3000}]+\p{Han}{1,4}){1,5})([ \x{3000}]*[：:])`)

// spacedLabels closes up the labels spread out with spaces, when what the
// words make together is a label.
func spacedLabels(t string) string {
	if !hasColon(t) || !strings.ContainsAny(t, " \u3000") {
		return t
	}
	return rewriteMatches(spacedLabelRe, t, func(loc []int) string {
		word := strings.Join(strings.Fields(strings.ReplaceAll(group(t, loc, 2), "\u3000", " ")), "")
		if !clauseStartRe.MatchString(word+"：") && !labelFormRes[0].MatchString(word) {
			return t[loc[0]:loc[1]]
		}
		return group(t, loc, 1) + word + strings.TrimLeft(group(t, loc, 3), " \u3000")
	})
}

// labelRoleOf says what a label means.
func labelRoleOf(label string) role {
	if label == "人" {
		return roleLeader
	}
	for i, re := range labelFormRes {
		if re.MatchString(label) {
			return labelForms[i].role
		}
	}
	return roleGeneric
}

// segment is the text a label governs, or text without a label.
type segment struct {
	role role
	text string
	// demoted is set on a 主办单位 list read as co because a 牵头单位 label
	// came before it in the same clause.
	demoted bool
}

// labelSegments splits a clause at its labels: 牵头单位：A；配合单位：B →
// (lead, A), (co, B). Text before the first label is generic.
func labelSegments(raw string) []segment {
	var locs [][]int
	if hasColon(raw) {
		locs = personLines(raw, clauseWordRe.FindAllStringSubmatchIndex(raw, -1))
	}
	var out []segment
	if len(locs) == 0 || strings.TrimSpace(trimScope(raw[:locs[0][0]])) != "" {
		end := len(raw)
		if len(locs) > 0 {
			end = locs[0][0]
		}
		text := raw[:end]
		if end < len(raw) {
			text = trimScope(text)
		}
		out = append(out, segment{role: roleGeneric, text: text})
	}
	// respAt is the segment of a 责任单位 label, hasCo and hasLead whether a
	// label of co-units or of a lead stands beside it.
	leadLabel, respAt, hasCo, hasLead := false, -1, false, false
	for i, loc := range locs {
		text := raw[loc[1]:]
		if i+1 < len(locs) {
			text = trimScope(raw[loc[1]:locs[i+1][0]])
		}
		label := raw[loc[2]:loc[3]]
		r := labelRoleOf(label)
		seg := segment{role: r, text: text}
		// 牵头单位：X；主办单位：A、B: the lead is already named, so the
		// units that carry out the work under it co-operate, as in
		// 牵头单位：X；责任单位：Y.
		if seg.role == roleLead {
			// 主办单位, 主责部门 name who carries out the work, not who leads it.
			if strings.HasPrefix(label, "主办") || strings.HasPrefix(label, "主责") {
				if leadLabel {
					seg.role, seg.demoted = roleCo, true
				}
			} else {
				leadLabel = true
			}
		}
		switch {
		case responsibleLabelRe.MatchString(label) && respAt < 0:
			respAt = len(out)
		case r == roleLead:
			hasLead = true
		case r == roleCo:
			hasCo = true
		}
		out = append(out, seg)
	}
	// 责任单位：A、B，配合单位：C: beside a label of co-units, the
	// responsible units all lead, as under 牵头单位.
	if respAt >= 0 && hasCo && !hasLead {
		out[respAt].role = roleLead
	}
	return out
}

// responsibleLabelRe is a label of the units that answer for the work:
// 责任单位, 责任部门.
var responsibleLabelRe = regexp.MustCompile(`^(?:具体|主要)?(?:责任|负责)(?:单位|部门)$`)

// labelValue returns the text of the first label of the given role.
func labelValue(raw string, r role) string {
	return segmentValue(labelSegments(raw), r)
}

// segmentValue returns the text of the first segment of the given role.
func segmentValue(segs []segment, r role) string {
	for _, s := range segs {
		if s.role == r {
			return strings.Trim(s.text, " \t\n\u3000。.，,；;")
		}
	}
	return ""
}

// verbRoles are the verbs that close a phrase of units and say their role:
// 省财政厅负责, 省教育厅配合. Longer phrases come first.
var verbRoles = []struct {
	verb string
	role role
}{
	{"分别牵头", roleLead}, {"共同牵头", roleLead}, {"分别负责", roleGeneric},
	{"负总责", roleLead}, {"牵头统筹", roleLead}, {"统筹", roleLead},
	{"牵头负责", roleLead}, {"牵头抓总", roleLead}, {"牵头落实", roleLead}, {"牵头办理", roleLead}, {"牵头", roleLead},
	{"配合落实", roleCo}, {"配合实施", roleCo}, {"积极配合", roleCo}, {"协助配合", roleCo}, {"配合", roleCo},
	{"参与", roleCo}, {"协助", roleCo}, {"协同", roleCo}, {"协作", roleCo}, {"协办", roleCo}, {"支持", roleCo},
	{"按职责分工负责", roleGeneric}, {"按职责分工落实", roleGeneric}, {"按照职责分工负责", roleGeneric},
	{"按职责分工分别落实", roleGeneric}, {"按职责分工分别负责", roleGeneric}, {"分别落实", roleGeneric},
	{"按职责负责", roleGeneric}, {"按职能负责", roleGeneric}, {"分工负责", roleGeneric}, {"共同负责", roleGeneric},
	{"负责落实", roleGeneric}, {"具体负责", roleGeneric}, {"共同组织实施", roleGeneric}, {"组织实施", roleGeneric}, {"共同推进", roleGeneric},
	{"负责", roleGeneric}, {"落实", roleGeneric}, {"实施", roleGeneric}, {"推进", roleGeneric}, {"负责办理", roleGeneric}, {"办理", roleGeneric},
	{"指导", roleGeneric}, {"督促", roleGeneric}, {"承办", roleGeneric}, {"主办", roleLead},
	// 分别牵头落实, 共同负责落实: the adverb left once the verb is cut.
	{"分别", roleGeneric}, {"共同", roleGeneric},
	// 按职责分工分别负责, 具体落实, 依责落实: how the work is shared, left
	// once the verb is cut.
	{"按照职责分工", roleGeneric}, {"按职责分工", roleGeneric}, {"依职责", roleGeneric}, {"按职责", roleGeneric},
	{"按职能分工", roleGeneric}, {"按照职能分工", roleGeneric}, {"按职能", roleGeneric},
	{"依责", roleGeneric}, {"具体", roleGeneric}, {"抓好", roleGeneric},
}

// mannerWords say how the units do the work, between their names and the
// verb that closes the phrase: 各市结合实际落实, 各县因地制宜推进.
var mannerWords = []string{"结合本地实际", "结合实际", "因地制宜", "参照"}

// phraseRole strips the closing verb of a phrase of units and returns the
// role it gives: 省财政厅负责 → (省财政厅, generic). A phrase without a verb
// keeps the role of its label.
func phraseRole(p string, labelled role) (string, role) {
	p = strings.TrimSpace(p)
	r := labelled
	verb := false
	for changed := true; changed; {
		changed = false
		for _, v := range verbRoles {
			if strings.HasSuffix(p, v.verb) && len(p) > len(v.verb) {
				p = strings.TrimSpace(strings.TrimSuffix(p, v.verb))
				if v.role != roleGeneric {
					r = v.role
				}
				changed, verb = true, true
				break
			}
		}
	}
	// 各地级以上市人民政府结合实际落实: the manner the verb is done in.
	for _, m := range mannerWords {
		if verb && strings.HasSuffix(p, m) && len(p) > len(m) {
			p = strings.TrimSpace(strings.TrimSuffix(p, m))
		}
	}
	return strings.TrimSpace(trimAssignGlue(p)), r
}

// assignGlueRe opens a phrase that hands the work to the units after it:
// 由, 均由, 请, and a subject before them, 此项工作由, 该项任务分别由.
var assignGlueRe = regexp.MustCompile(`^(?:(?:此|该|本|这)项(?:工作|任务|措施|内容)?)?(?:分别由|均由|由|请)`)

// trimAssignGlue strips the words that open a phrase of units.
func trimAssignGlue(p string) string {
	if m := assignGlueRe.FindStringIndex(p); m != nil {
		return p[m[1]:]
	}
	return p
}

// standingRe marks a sentence of a clause that is a rule for many items:
// 以下各项措施均需各县（区）人民政府落实，不再逐项列出.
var standingRe = regexp.MustCompile(`以下|下同|不再逐项|不再一一|不逐一|不一一列|不逐项|不再重复|不再分别|不再单独|不再做分工|不再作分工|均需|均涉及|均由|各项任务均|所有任务|` + namedAllRe.String())

// namedAllRe closes the units a rule names for every item: 各市州、县市区
// 人民政府均为责任单位(，以下不再列出).
var namedAllRe = regexp.MustCompile(`(?:均为|均是|都是)(?:责任|配合|落实)?(?:单位|主体)$`)

// standingTriggerRe finds where the units of a standing rule start.
var standingTriggerRe = regexp.MustCompile(`(均需|均涉及|均由|需要|需|涉及|由|请)`)

// splitStanding takes the standing rules out of a clause and returns the
// clause without them and the units they name.
func (u unitRules) splitStanding(raw string) (string, []string, string) {
	if !standingRe.MatchString(raw) {
		return raw, nil, ""
	}
	var keep []string
	var named []string
	var rules []string
	for _, sent := range splitKeep(raw, "。；;") {
		s := strings.Trim(sent, " 。；;")
		if !standingRe.MatchString(s) || ruleNoteRe.MatchString(s) {
			keep = append(keep, sent)
			continue
		}
		// The parts before the rule's own (市人社局，以下均需…落实) are the
		// clause's units.
		parts := splitTop(s, "，,")
		first := 0
		for first < len(parts)-1 && !standingRe.MatchString(parts[first]) {
			first++
		}
		var names []string
		for _, part := range parts[first:] {
			var name string
			if loc := namedAllRe.FindStringIndex(part); loc != nil {
				name = part[:loc[0]]
			} else if loc := standingTriggerRe.FindStringIndex(part); loc != nil {
				name, _ = phraseRole(part[loc[1]:], roleGeneric)
			} else {
				continue
			}
			for _, n := range joinCollective(splitTop(name, "、")) {
				n = strings.TrimSpace(n)
				if u.plausible(n) {
					names = append(names, n)
				}
			}
		}
		if len(names) == 0 && first > 0 {
			// 明确牵头部门的，有关部门配合，不逐一列出: the rule names its
			// units before its own words, after the case it holds for.
			names = u.ruleCaseUnits(parts[:first])
			if names != nil {
				first = 0
			}
		}
		if len(names) == 0 {
			// 以下除标注的措施外，适用范围均为所有自贸试验区: a rule, but
			// not about units.
			keep = append(keep, sent)
			continue
		}
		if first > 0 {
			keep = append(keep, strings.Join(parts[:first], "，")+"。")
			s = strings.Join(parts[first:], "，")
		}
		rules = append(rules, s)
		named = append(named, names...)
	}
	return strings.Join(keep, ""), named, strings.Join(rules, "；")
}

// ruleCaseUnits reads the units of a standing rule that opens with the
// case it holds for (明确牵头部门的，有关部门配合): phrases of units with
// their verb after conditions closed by 的. nil when a phrase is neither.
func (u unitRules) ruleCaseUnits(parts []string) []string {
	var names []string
	cases := 0
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if strings.HasSuffix(part, "的") {
			cases++
			continue
		}
		if !responsibilityEnd.MatchString(part) {
			return nil
		}
		name, _ := phraseRole(part, roleGeneric)
		for _, n := range joinCollective(splitTop(name, "、")) {
			if n = strings.TrimSpace(n); !u.plausible(n) {
				return nil
			}
			names = append(names, n)
		}
	}
	if cases == 0 {
		return nil
	}
	return names
}

// splitKeep splits s after each of seps (kept with the piece before).
func splitKeep(s, seps string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if strings.ContainsRune(seps, r) {
			end := i + len(string(r))
			out = append(out, s[start:end])
			start = end
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// orgSuffixes end the names of organisations and places beyond the
// configured unit suffixes: what a name must end with to be emitted as a
// unit. The rule is about the shape of a name, never a list of names. A
// state investment company goes by the short name of its field (区城投 of
// 城市建设投资公司, 县水投, 市交投).
var orgSuffixes = []string{"委员会", "管委会", "中心", "联", "办公室", "指挥部", "领导小组", "工作组", "专班", "党委", "党组", "工委", "人大", "政协", "法院", "分行", "支行", "公司", "集团", "大学", "学院", "医院", "学校", "实验室", "研究院", "研究所", "协会", "作协", "商会", "联合会", "工会", "团委", "供销社", "合作社", "电视台", "台", "部门", "单位", "机构", "企业", "园区", "园", "基地", "旗", "州", "盟", "省", "自治区", "特区", "新区", "开发区", "高新区", "示范区", "试验区", "保税区", "片区", "场", "港", "海关", "关", "厅", "室", "中央", "总队", "支队", "大队", "中队", "部队", "车务段", "工务段", "机务段", "电务段", "供电段", "车辆段", "公路段", "养护段", "管理段", "股", "厂", "店", "街", "城投", "水投", "交投", "国投", "产投"}

// otherName parts a name from the other name in brackets after it
// (市商务局(投促局)): the name, and the words in the brackets ("" when
// there are none).
func otherName(name string) (string, string) {
	if rs := []rune(name); len(rs) > 2 && isCloseParen(rs[len(rs)-1]) {
		if o := matchOpen(rs, len(rs)-1); o > 0 {
			// 省编办 (省审改办): a page's space before the bracket.
			return strings.TrimRight(string(rs[:o]), " \u3000"), string(rs[o+1 : len(rs)-1])
		}
	}
	return name, ""
}

// timeChars holds a character of every time a cell names (2024年底前,
// 三年内, 持续推进, 逐月): most names and sentences hold none at their end.
const timeChars = "0123456789年月日天周季内前底期末旬续常长按逐每"

// endsInTime reports a name whose last words set a time (三年内, 5月底前,
// 逐月, 持续): a time cell run on after the name, which is no name.
func endsInTime(name string) bool {
	if !strings.ContainsAny(name, timeChars) {
		return false
	}
	rs := []rune(name)
	for n := 2; n <= len(rs)-2 && n <= maxDueCell; n++ {
		if cellDeadline(string(rs[len(rs)-n:]), 0) != nil {
			return true
		}
	}
	return false
}

var agencyEndRe = regexp.MustCompile(`(局|委|厅|部|办|委员会|银行|分行|支行|公司|集团|中心|管委会|政府|办公室)$`)

// policyGoalRe is a kind of government a task builds (打造协同高效的数字
// 政府, 建设服务型政府), not a government of a place (人民政府, 区政府).
var policyGoalRe = regexp.MustCompile(`(?:的|型|数字|法治|智慧|廉洁|阳光|诚信|责任|服务|效能|透明)政府$`)

// cutNameRe is the tail of a name a space or a line break cut in two: it
// starts with a conjunction (和信息化部 of 工业和信息化部), or it is a
// bureau named by one character (障部 of 人力资源社会保障部, 业局 of 农业局).
// It is also the head of a name cut before its body: 各区人民 of 各区人民政府,
// 市发展和 of 市发展和改革委.
var cutNameRe = regexp.MustCompile(`^(?:[和与及]\p{Han}|[^各省市县区州][局部厅]$)|(?:人民|[和与及])$`)

// wholeAreaRe is a whole area (全市统筹, 全县): the place at large, no body
// the office can chase.
var wholeAreaRe = regexp.MustCompile(`^全[省市县区镇乡州盟旗]$`)

// quotedWordRe is a short word in quotes inside a name (市“两新”组织党工委,
// 市“三农”工作办): part of the name, not a quotation.
var quotedWordRe = regexp.MustCompile(`“(\p{Han}{1,6})”`)

// holdsNonName reports whether a name holds a label, a verb or
// punctuation, which no unit's name does (a short word in quotes aside).
func holdsNonName(name string) bool {
	name = eachDutyRe.ReplaceAllString(name, "各$1")
	return notNameRe.MatchString(quotedWordRe.ReplaceAllString(name, "$1"))
}

// eachDutyRe is the collective of every unit a plan gives work to (全区各
// 责任单位, 各相关责任部门): a body like 各有关单位, though it holds the
// label's words.
var eachDutyRe = regexp.MustCompile(`各(?:相关|有关)?责任(单位|部门)$`)

var notNameRe = regexp.MustCompile(`[：:。！？!?；;“”"《》，,—─]|负责|配合|牵头|落实|会同|按职责|分工|责任单位|责任部门`)

// plausible reports whether a name can be emitted as a unit: it has the
// shape of an organisation's or a place's name, or the office's
// configuration knows it.
func (u unitRules) plausible(name string) bool {
	// 市商务局(投促局): the name in brackets is another name of the same
	// unit; a note in brackets (除标注为“牵头”单位外) is no other name.
	name, other := otherName(name)
	if notNameRe.MatchString(other) {
		return false
	}
	n := len([]rune(name))
	if n < 2 || n > 40 || holdsNonName(name) || cutNameRe.MatchString(name) || listIntroRe.MatchString(name) || bareUnitKindRe.MatchString(name) || wholeAreaRe.MatchString(name) {
		return false
	}
	// 加快建设国家级科技服务业集聚区 ends like a place but is a task's
	// words; 发展改革委 starts like them but is an agency.
	// 建设部门 names the departments of a field, as 公安部门 does.
	if startsWithAction(name) && (!agencyEndRe.MatchString(name) && !fieldDeptRe.MatchString(name) || policyGoalRe.MatchString(name)) {
		return false
	}
	if _, ok := u.aliases[name]; ok || u.known[name] {
		return true
	}
	if u.isCollective(name) && n <= 20 {
		// 各科室, 有关区县市; not with a time run on after it (各科室
		// 持续 of 各科室持续推进, 各区县市三年内).
		return !endsInTime(name)
	}
	// 数字政府, 服务型政府: a kind of government a task builds, whatever
	// the words before it.
	if labelNameRe.MatchString(name) || policyGoalRe.MatchString(name) {
		return false
	}
	if u.isAgency(name) {
		return true
	}
	for _, s := range orgSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return sectionNameRe.MatchString(name) && !subjectWordRe.MatchString(name)
}

// fieldDeptRe is the departments of a field (建设部门, 质量技术监督部门).
var fieldDeptRe = regexp.MustCompile(`^\p{Han}{2,6}部门$`)

// listIntroRe opens the examples a note in brackets lists (（包括通算中心、
// 智算中心）): what follows it names kinds of things, never a unit.
var listIntroRe = regexp.MustCompile(`^(?:包括|例如|比如|诸如)`)

// sectionNameRe is a section of a bureau or a school named by its work, as
// 科室 labels list them: 组干科, 财务审计科 (like 股 and 室, which are
// org suffixes already).
var sectionNameRe = regexp.MustCompile(`^\p{Han}{2,8}科$`)

// subjectWordRe is a field of study that ends like a section: 学科,
// 本科, 专科, and 工科, 理工科 as whole names (建工科, a bureau's
// 建筑工程科, is a section).
var subjectWordRe = regexp.MustCompile(`(?:学|本|专)科$|^(?:文|理|工|农|医|商|社|理工|文理)科$`)
