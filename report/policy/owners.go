package policy

import (
	"regexp"
	"strings"
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

// clauseLabels is the vocabulary of labels that documents put before unit
// lists, persons and deadlines, with what each label means. Longer labels
// come first so that 牵头责任单位 is not read as 责任单位.
var clauseLabels = []struct {
	words []string
	role  role
}{
	{[]string{"牵头责任单位", "牵头单位", "牵头部门", "主办单位", "主责单位", "主责部门", "牵头处室"}, roleLead},
	{[]string{"配合单位", "配合部门", "参加单位", "参加部门", "参与单位", "参与部门", "协办单位", "协办部门", "协同单位", "协同部门", "协助单位", "协作单位", "支持单位"}, roleCo},
	{[]string{"具体责任单位", "责任单位", "责任部门", "负责单位", "负责部门", "承办单位", "实施单位", "部门分工", "责任主体", "责任处室", "落实单位", "责任科室"}, roleGeneric},
	{[]string{"牵头市领导", "牵头区领导", "牵头县领导", "牵头领导", "分管市领导", "分管区领导", "分管县领导", "分管领导", "责任领导", "联系领导", "领衔领导", "责任人"}, roleLeader},
	{[]string{"数据提供单位", "统计口径", "适用范围", "考核方式", "工作目标", "目标要求"}, roleIgnore},
	{[]string{"完成时限", "完成时间", "时间节点", "时限要求", "完成期限", "时间要求"}, roleDeadline},
}

var (
	labelRole    = map[string]role{}
	clauseWordRe *regexp.Regexp // any label followed by its colon
	ownerWordRe  *regexp.Regexp // a label that names units, with its colon
)

func init() {
	var all, owners []string
	for _, l := range clauseLabels {
		for _, w := range l.words {
			labelRole[w] = l.role
			all = append(all, w)
			if l.role <= roleCo {
				owners = append(owners, w)
			}
		}
	}
	clauseWordRe = regexp.MustCompile(`(` + strings.Join(all, "|") + `)\s*[：:]`)
	ownerWordRe = regexp.MustCompile(`(` + strings.Join(owners, "|") + `)\s*[：:]`)
}

// segment is the text a label governs, or text without a label.
type segment struct {
	role role
	text string
}

// labelSegments splits a clause at its labels: 牵头单位：A；配合单位：B →
// (lead, A), (co, B). Text before the first label is generic.
func labelSegments(raw string) []segment {
	locs := clauseWordRe.FindAllStringSubmatchIndex(raw, -1)
	var out []segment
	if len(locs) == 0 || strings.TrimSpace(raw[:locs[0][0]]) != "" {
		end := len(raw)
		if len(locs) > 0 {
			end = locs[0][0]
		}
		out = append(out, segment{roleGeneric, raw[:end]})
	}
	for i, loc := range locs {
		end := len(raw)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out = append(out, segment{labelRole[raw[loc[2]:loc[3]]], raw[loc[1]:end]})
	}
	return out
}

// labelValue returns the text of the first label of the given role.
func labelValue(raw string, r role) string {
	for _, s := range labelSegments(raw) {
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
	{"牵头负责", roleLead}, {"牵头抓总", roleLead}, {"牵头落实", roleLead}, {"牵头", roleLead},
	{"配合落实", roleCo}, {"配合实施", roleCo}, {"积极配合", roleCo}, {"协助配合", roleCo}, {"配合", roleCo},
	{"参与", roleCo}, {"协助", roleCo}, {"协同", roleCo}, {"协办", roleCo}, {"支持", roleCo},
	{"按职责分工负责", roleGeneric}, {"按职责分工落实", roleGeneric}, {"按照职责分工负责", roleGeneric},
	{"按职责负责", roleGeneric}, {"按职能负责", roleGeneric}, {"分工负责", roleGeneric}, {"共同负责", roleGeneric},
	{"负责落实", roleGeneric}, {"具体负责", roleGeneric}, {"组织实施", roleGeneric}, {"共同推进", roleGeneric},
	{"负责", roleGeneric}, {"落实", roleGeneric}, {"实施", roleGeneric}, {"推进", roleGeneric},
	{"指导", roleGeneric}, {"督促", roleGeneric}, {"承办", roleGeneric}, {"主办", roleLead},
}

// phraseRole strips the closing verb of a phrase of units and returns the
// role it gives: 省财政厅负责 → (省财政厅, generic). A phrase without a verb
// keeps the role of its label.
func phraseRole(p string, labelled role) (string, role) {
	p = strings.TrimSpace(p)
	r := labelled
	for changed := true; changed; {
		changed = false
		for _, v := range verbRoles {
			if strings.HasSuffix(p, v.verb) && len(p) > len(v.verb) {
				p = strings.TrimSpace(strings.TrimSuffix(p, v.verb))
				if v.role != roleGeneric {
					r = v.role
				}
				changed = true
				break
			}
		}
	}
	for _, glue := range []string{"分别由", "均由", "由", "请"} {
		p = strings.TrimPrefix(p, glue)
	}
	return strings.TrimSpace(p), r
}

// standingRe marks a sentence of a clause that is a rule for many items:
// 以下各项措施均需各县（区）人民政府落实，不再逐项列出.
var standingRe = regexp.MustCompile(`以下|下同|不再逐项|不再一一|不再重复|不再分别|不再单独|不再做分工|不再作分工|均需|均涉及|均由|各项任务均|所有任务`)

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
		var names []string
		for _, part := range splitTop(s, "，,") {
			loc := standingTriggerRe.FindStringIndex(part)
			if loc == nil {
				continue
			}
			name, _ := phraseRole(part[loc[1]:], roleGeneric)
			for _, n := range splitTop(name, "、") {
				n = strings.TrimSpace(n)
				if u.plausible(n) {
					names = append(names, n)
				}
			}
		}
		if len(names) == 0 {
			// 以下除标注的措施外，适用范围均为所有自贸试验区: a rule, but
			// not about units.
			keep = append(keep, sent)
			continue
		}
		rules = append(rules, s)
		named = append(named, names...)
	}
	return strings.Join(keep, ""), named, strings.Join(rules, "；")
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
// unit. The rule is about the shape of a name, never a list of names.
var orgSuffixes = []string{"委员会", "管委会", "中心", "联", "办公室", "指挥部", "领导小组", "工作组", "专班", "党委", "党组", "工委", "人大", "政协", "法院", "分行", "支行", "公司", "集团", "大学", "学院", "医院", "学校", "实验室", "研究院", "研究所", "协会", "商会", "联合会", "工会", "团委", "供销社", "合作社", "电视台", "台", "部门", "单位", "机构", "企业", "园区", "基地", "旗", "州", "盟", "省", "自治区", "特区", "新区", "开发区", "高新区", "示范区", "试验区", "保税区", "片区", "场", "港", "海关", "关", "厅", "室", "中央", "总队", "支队", "大队"}

var agencyEndRe = regexp.MustCompile(`(局|委|厅|部|办|委员会|银行|分行|支行|公司|集团|中心|管委会|政府|办公室)$`)

var notNameRe = regexp.MustCompile(`[：:。！？!?；;“”"《》，,]|负责|配合|牵头|落实|会同|按职责|分工`)

// plausible reports whether a name can be emitted as a unit: it has the
// shape of an organisation's or a place's name, or the office's
// configuration knows it.
func (u unitRules) plausible(name string) bool {
	n := len([]rune(name))
	if n < 2 || n > 40 || notNameRe.MatchString(name) {
		return false
	}
	// 加快建设国家级科技服务业集聚区 ends like a place but is a task's
	// words; 发展改革委 starts like them but is an agency.
	if startsWithAction(name) && !agencyEndRe.MatchString(name) {
		return false
	}
	if _, ok := u.aliases[name]; ok || u.known[name] || u.isCollective(name) && n <= 20 {
		return true
	}
	if u.isAgency(name) {
		return true
	}
	for _, s := range orgSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
