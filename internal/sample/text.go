package sample

import (
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pick is a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// Names of the people who fill in and sign off a return.
var (
	surnames = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "顾", "缪", "丁", "储", "卢"}
	given    = []string{"伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "婷", "建华", "晓东", "文博", "海燕", "志强", "雪梅", "国平", "永红", "立新", "春燕", "俊杰", "晓明", "玉兰", "宏伟", "振宇", "佳怡"}
)

func personName(r *rand.Rand) string { return pick(r, surnames) + pick(r, given) }

// phone is an office landline (Taizhou, 0523) or a mobile number.
func phone(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return pick(r, []string{"138", "139", "151", "152", "180", "187", "189"}) + digits(r, 8)
	}
	return "0523-8" + strconv.Itoa(6+r.IntN(3)) + digits(r, 6)
}

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// What units write: {t} is the task's short title, {a} what was done this
// period, {p} the progress, {l} the lead unit.
var (
	progressDone = []string{
		"已完成{t}相关工作部署，{a}，年度目标任务全面完成。",
		"{t}工作已全部完成。本期{a}，相关成果已通过验收。",
		"按照年度计划，{a}，{t}各项任务已落实到位。",
	}
	progressOnTrack = []string{
		"已完成{t}相关工作部署，{a}，目前按序时进度推进。",
		"围绕{t}，{a}，各项工作有序推进。",
		"本期{a}，{t}累计完成年度计划的{p}%。",
	}
	progressBehind = []string{
		"已启动{t}相关工作，{a}，但整体进度慢于序时要求。",
		"{t}：{a}，部分环节推进偏慢。",
	}
	progressNotStarted = []string{
		"{t}尚未启动，目前正在开展前期调研和方案起草。",
		"已明确{t}的责任科室，具体工作待上级配套政策出台后启动。",
	}
	progressOngoing = []string{
		"{t}作为常态化工作持续推进，本期{a}。",
		"持续抓好{t}，{a}，逐步形成长效工作机制。",
	}
	progressCo = []string{
		"配合{l}做好{t}相关工作，{a}。",
		"按照{l}的统一部署，{a}，配合推进{t}。",
	}
	acts = []string{
		"召开专题推进会{n}次", "制定并印发工作方案", "开展实地督导{n}次", "完成年度任务分解和责任落实",
		"组织相关单位召开协调会{n}次", "建立工作台账，实行月调度", "争取上级专项资金{m}万元",
		"完成项目现场踏勘和前期论证", "开展业务培训{n}场、培训{k}人次", "梳理问题清单{n2}项、已整改{n}项",
	}
	problemsBehind = []string{
		"受资金拨付进度影响，项目推进较慢",
		"涉及多个部门协调，审批手续尚未办结",
		"前期调研用时较长，实施方案仍在论证",
		"项目用地指标尚未落实",
		"受施工季节影响，部分工程暂缓实施",
		"专业人员不足，工作力量较为薄弱",
	}
	problemsNotStarted = []string{"上级配套政策尚未出台", "牵头科室人员调整，工作尚未交接到位", ""}
	nextDone           = []string{"做好总结评估，形成可复制推广的经验做法", "巩固工作成果，建立长效机制", "做好资料归档和成果运用"}
	nextOnTrack        = []string{"加大推进力度，确保按期完成目标任务", "加强与相关部门的沟通协调，加快推进审批手续办理", "对照时间节点抓好落实，确保年底前完成"}
	nextBehind         = []string{"对照时间节点倒排工期，力争下季度追上序时进度", "主动对接上级部门，加快解决资金和手续问题", "加强调度，每周通报进展"}
	nextNotStarted     = []string{"抓紧完成前期准备，尽快启动实施", "待政策明确后立即启动"}
	nextOngoing        = []string{"坚持常态长效，持续抓好落实", "定期开展督查，巩固工作成效"}
	evidence           = []string{"会议纪要、工作台账", "工作方案、现场照片", "印发文件、统计报表", "验收报告", "督查通报", "工作台账", "会议纪要", ""}
	remarks            = []string{"无", "已报分管领导审核", "详见附件"}
)

// act is one thing done this period, with plausible numbers.
func act(r *rand.Rand) string {
	n := 1 + r.IntN(5)
	n2, m, k := n+r.IntN(4), 50*(1+r.IntN(40)), 30*(1+r.IntN(10))
	return fill(pick(r, acts), func(key string) string {
		switch key {
		case "n":
			return strconv.Itoa(n)
		case "n2":
			return strconv.Itoa(n2)
		case "m":
			return strconv.Itoa(m)
		case "k":
			return strconv.Itoa(k)
		}
		return ""
	})
}

func expand(tmpl, title, act string, pct int, lead string) string {
	return fill(tmpl, func(key string) string {
		switch key {
		case "t":
			return title
		case "a":
			return act
		case "p":
			return strconv.Itoa(pct)
		case "l":
			return lead
		}
		return ""
	})
}

// fill replaces each {key} in tmpl with value(key): a strings.Replacer
// built for every row costs more than the rest of the row.
func fill(tmpl string, value func(key string) string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(tmpl[:i])
		b.WriteString(value(tmpl[i+1 : i+j]))
		tmpl = tmpl[i+j+1:]
	}
	b.WriteString(tmpl)
	return b.String()
}

// shortTitle is the task's title as people refer to it, taken from the
// 任务内容 cell: without the 【document】 prefix, up to the first
// punctuation, at most 20 characters. A leading time phrase (到2020年，…)
// is skipped.
func shortTitle(content string) string {
	s := strings.TrimSpace(content)
	if strings.HasPrefix(s, "【") {
		if i := strings.Index(s, "】"); i > 0 {
			s = s[i+len("】"):]
		}
	}
	for {
		i := strings.IndexAny(s, "：。，；:;,\n")
		if i < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		if rest := strings.TrimSpace(s[i+size:]); rest != "" && timePhraseRe.MatchString(s[:i]) {
			s = rest
			continue
		}
		s = s[:i]
		break
	}
	s = strings.TrimSpace(s)
	// A target is referred to by its indicator: 全市高新技术企业, not
	// 全市高新技术企业达到1000家.
	if loc := targetVerbRe.FindStringIndex(s); loc != nil && utf8.RuneCountInString(s[:loc[0]]) >= 4 {
		s = s[:loc[0]]
	}
	if r := []rune(s); len(r) > 20 {
		// Cut where a phrase ends, not inside a word.
		cut := 20
		for i := 19; i >= 6; i-- {
			if strings.ContainsRune("、和及与占的", r[i]) {
				cut = i
				break
			}
		}
		s = string(r[:cut])
	}
	if s == "" {
		return "该项任务"
	}
	return s
}

// targetVerbRe is where a target's figure starts.
var targetVerbRe = regexp.MustCompile(`(提高到|提升到|提高至|提升至|达到|超过|突破|增长|增加到|降低到|下降到|控制在|不低于|不少于|保持在)`)

// leadOf is the first lead unit named in the 其他责任单位 cell
// ("牵头：A、B；配合：C").
func leadOf(others string) string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(others), "牵头：")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "；、"); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimSpace(rest)
}

// ongoing reports whether a 完成时限 has no end: 持续推进, 长期, 每年 ….
func ongoing(deadline string) bool {
	for _, w := range []string{"持续", "长期", "每年", "常态", "长效"} {
		if strings.Contains(deadline, w) {
			return true
		}
	}
	return false
}

// target is a number in a 量化指标 line: "高新技术企业超过1000家" → 1000 家.
type target struct {
	value    float64
	decimals int
	unit     string
}

var (
	timePhraseRe = regexp.MustCompile(`^\s*(到|至|在|力争)?\s*(\d{4}\s*年|“[^”]{1,6}”)(\d{1,2}月)?(底|末|期末|年底|年末)?(前|时)?\s*$`)
	targetNumRe  = regexp.MustCompile(`(\d+(?:\.(\d+))?)\s*(%|％|亿元|万元|元|万人|人次|人|家|个|项|公里|万吨|吨|件|所|户|次|张|万千瓦|千瓦|平方米|亩)?`)
)

// parseTarget finds the target number of a line: the last number that is
// not a year.
func parseTarget(line string) (target, bool) {
	var best target
	found := false
	for _, m := range targetNumRe.FindAllStringSubmatchIndex(line, -1) {
		end := m[1]
		if m[6] < 0 && strings.HasPrefix(line[end:], "年") {
			continue // 2025年
		}
		v, err := strconv.ParseFloat(line[m[2]:m[3]], 64)
		if err != nil || math.IsInf(v, 0) {
			continue
		}
		best = target{value: v}
		if m[4] >= 0 {
			best.decimals = m[5] - m[4]
		}
		if m[6] >= 0 {
			best.unit = strings.ReplaceAll(line[m[6]:m[7]], "％", "%")
		}
		found = true
	}
	return best, found
}

func FormatNum(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// fullWidth writes ASCII digits and signs as full-width characters, as a
// Chinese input method in full-width mode does.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7F {
			return r + 0xFEE0
		}
		return r
	}, s)
}
