package policy

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/task"
)

// quantityRe matches a number with its measure: 2.8%, 1000家, 3~5个, 4万㎡,
// 17.28亿元. Groups: 1 value, 2 upper bound of a range, 3 unit, 4 以上/左右.
var quantityRe = regexp.MustCompile(`(\d+(?:\.\d+)?)(?:\s*[~～\-—至到]\s*(\d+(?:\.\d+)?))?\s*(个百分点|%|％|万亿元|亿元|万元|万平方米|平方米|万㎡|㎡|万亩|亩|万人|万名|万户|万家|万件|万吨|吨|公里|家|个|件|名|人年|人次|人|项|次|所|座|条|批|倍|亿|万|台|套|部|批次|场)(以上|左右|以内|以下)?`)

// comparators in front of a number, longest first, with the op they mean.
var comparators = []struct{ word, op string }{
	{"提高到", ">="}, {"提升到", ">="}, {"增加到", ">="}, {"增长到", ">="}, {"达到", ">="},
	{"不低于", ">="}, {"不少于", ">="}, {"不下于", ">="}, {"保持在", ">="},
	{"超过", ">"}, {"突破", ">"}, {"多于", ">"}, {"高于", ">"},
	{"控制在", "<="}, {"不超过", "<="}, {"不高于", "<="}, {"低于", "<"}, {"少于", "<"},
	{"达", ">="}, {"超", ">"}, {"增长", ">="}, {"提高", ">="}, {"新增", ">="}, {"培育", ">="}, {"引进", ">="},
	{"建成", ">="}, {"建设", ">="}, {"创建", ">="}, {"争创", ">="}, {"实施", ">="}, {"组建", ">="}, {"认定", ">="},
	{"转化", ">="}, {"吸引", ">="}, {"入库", ">="}, {"举办", ">="}, {"开展", ">="}, {"组织", ">="}, {"集聚", ">="},
	{"为", "="},
}

// quantityVerbs are words at the start of a phrase that make the number in it
// a target (新增省级研发平台10个) even without a comparator.
var quantityVerbs = []string{"新增", "培育", "引进", "建成", "建设", "创建", "争创", "实施", "组建", "认定", "新建", "打造", "招引", "集聚", "新培育", "新备案", "新组建", "力争", "累计", "全年", "年均", "每年"}

var (
	sentenceEndRe = regexp.MustCompile(`[。；;！!？?\n]`)
	yearCtxRe     = regexp.MustCompile(`(20\d\d)\s*年`)
	clauseSplitRe = regexp.MustCompile(`[，,；;。：:、\n]`)
)

// findTargets lists the numeric targets of a text. A number counts when a
// comparator, a 以上/左右 or a quantity verb in its own phrase makes it one,
// or when the phrase before it in the same list was a target; numbers inside
// names (“315”, 500强, 中电科22所) and years do not.
func findTargets(text string, defaultYear int) []task.Target {
	var out []task.Target
	for _, sentence := range splitSentences(text) {
		year := 0
		prevTarget := false
		phraseStart, prevPhrase := 0, ""
		for _, m := range quantityRe.FindAllStringSubmatchIndex(sentence, -1) {
			before := sentence[:m[0]]
			if k := lastSplit(before); k > phraseStart {
				// A new phrase starts; whether the last one was a target
				// carries over only across 、 (a list of like items).
				prevPhrase = sentence[phraseStart:k]
				prevTarget = prevTarget && strings.HasSuffix(before[:k], "、")
				phraseStart = k
			}
			if y := yearCtxRe.FindAllStringSubmatch(before, -1); len(y) > 0 {
				year, _ = strconv.Atoi(y[len(y)-1][1])
			}
			phraseEnd := len(sentence)
			if loc := clauseSplitRe.FindStringIndex(sentence[m[1]:]); loc != nil {
				phraseEnd = m[1] + loc[0]
			}
			after := sentence[m[1]:phraseEnd]
			if insideName(sentence, m[0], after) {
				continue
			}
			phrase := strings.TrimSpace(before[phraseStart:])
			ind, op := splitComparator(phrase)
			if m[8] >= 0 {
				switch sentence[m[8]:m[9]] {
				case "以上":
					op = ">="
				case "以内", "以下":
					op = "<="
				case "左右":
					op = "~"
				}
			}
			if op == "" && !startsWithVerb(phrase) && !prevTarget {
				continue
			}
			if op == "" {
				op = ">="
			}
			v, err := strconv.ParseFloat(sentence[m[2]:m[3]], 64)
			if err != nil || math.IsInf(v, 0) {
				// A number too long for a float is no target anyone
				// set, and ±Inf cannot be written to the task list.
				continue
			}
			unit := sentence[m[6]:m[7]]
			if unit == "％" {
				unit = "%"
			}
			y := year
			if y == 0 {
				y = defaultYear
			}
			indicator := cleanIndicator(ind) + strings.TrimSpace(after)
			if indicator == "" {
				parts := clauseSplitRe.Split(strings.Trim(prevPhrase, "，,、；;：: "), -1)
				indicator = cleanIndicator(parts[len(parts)-1])
			}
			out = append(out, task.Target{
				Text:      trimTargetText(sentence[phraseStart:phraseEnd]),
				Indicator: indicator,
				Op:        op,
				Value:     v,
				Unit:      unit,
				Year:      y,
			})
			prevTarget = true
		}
	}
	return out
}

func splitSentences(text string) []string {
	var out []string
	for _, s := range sentenceEndRe.Split(text, -1) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func lastSplit(s string) int {
	locs := clauseSplitRe.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return 0
	}
	return locs[len(locs)-1][1]
}

// insideName reports whether the number is part of a name rather than a
// quantity: inside quotes (“315”工程), followed by 强 or 号, or preceded by
// a letter or 第 (5G, R&D, 第3批).
func insideName(s string, start int, after string) bool {
	if strings.Count(s[:start], "“") > strings.Count(s[:start], "”") {
		return true
	}
	for _, w := range []string{"强", "号", "届", "周年", "版", "型"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	if start > 0 {
		r := []rune(s[:start])
		if p := r[len(r)-1]; isLatin(p) || p == '第' {
			return true
		}
	}
	return false
}

func splitComparator(phrase string) (indicator, op string) {
	for _, c := range comparators {
		if i := strings.LastIndex(phrase, c.word); i >= 0 && i+len(c.word) >= len(phrase)-len("以上") {
			ind := phrase[:i]
			if c.op == ">=" && (c.word == "新增" || c.word == "培育" || c.word == "引进" || c.word == "建成" || c.word == "建设" ||
				c.word == "创建" || c.word == "争创" || c.word == "实施" || c.word == "组建" || c.word == "认定" || c.word == "转化" ||
				c.word == "吸引" || c.word == "入库" || c.word == "举办" || c.word == "开展" || c.word == "组织" || c.word == "集聚") {
				ind = phrase
			}
			return ind, c.op
		}
	}
	return phrase, ""
}

func startsWithVerb(phrase string) bool {
	p := strings.TrimLeft(phrase, "到至 ")
	if m := yearCtxRe.FindStringIndex(p); m != nil && m[0] == 0 {
		p = strings.TrimLeft(p[m[1]:], "底末前，, ")
	}
	for _, v := range quantityVerbs {
		if strings.HasPrefix(p, v) {
			return true
		}
	}
	return false
}

var leadingYearRe = regexp.MustCompile(`^(到|至|截至)?\s*20\d\d\s*年(底|末)?(前)?[，,\s]*`)

func cleanIndicator(s string) string {
	s = leadingYearRe.ReplaceAllString(strings.TrimSpace(s), "")
	for _, p := range []string{"力争", "争取", "确保", "实现", "全年", "其中"} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.TrimSpace(s)
	return strings.TrimRight(s, "的")
}

func trimTargetText(s string) string {
	return strings.TrimSpace(leadingYearRe.ReplaceAllString(s, ""))
}
