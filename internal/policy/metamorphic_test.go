package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/testkit"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// The metamorphic layout test: every labelled dev document the parser
// already reads perfectly is re-written in layouts real pages use (issue 10:
// other item punctuation, other brackets, the clause on its own line, label
// synonyms, blank lines and indentation, a pipe table, page numbers between
// items) and must still score against the same answer. Each transformation
// is a small rule on the text that keeps the answer by construction; where
// it cannot be sure (an ambiguous number, a clause it cannot delimit) it
// leaves the text alone, and a document it does not change is not counted.
//
//	go test ./internal/policy -run TestLayoutMetamorphic -v
//
// prints, per transformation, the documents it applied to, their score and
// the documents that fell below 100% with their first failed checks;
// TZ_META_DETAIL=<transformation> prints every failure of one of them, and
// TZ_META_OUT=<directory> writes every variant there to be read by eye.
//
// metamorphic2_test.go adds a second round of layouts found in documents
// the parser had never seen (items inline in one paragraph, tables flattened
// in other ways or on one line, an HTML table, a notice's head and
// signature, full-width digits, leader lines, the deadline in the clause),
// scored and floored apart.
//
// (realscore_test.go already holds a TestLayoutVariants that re-lays pipe
// tables; this test is named apart so both run with -run TestLayout.)

// Floors of the score of all variants together, set just under what the
// parser measures: when the test was written (2026-12-06) 89.9% on the
// documents kept in the repository (testdata/real/collected, always
// present) and 92.6% on all when ../shared/corpus sits beside the project;
// 98.9% and 99.5% once 一. was read as 一、 and page numbers were dropped;
// 100% on both once table cells' own numbers were read as item numbers are
// (2026-12-06); 99.8% and 99.9% once documents that now read perfectly
// brought their variants in, and 100% on both once a bare number before a
// measure word (4人均…, 1万元…) could number an item.
// Raise them as the parser improves; never lower them to make a change
// pass.
const (
	floorMetaRepo = 0.999
	floorMetaAll  = 0.999
)

// metaTimeout bounds one parse of a variant: a layout must never hang the
// parser. It is generous: under the race detector on a loaded machine (CI)
// a parse that takes 50 ms here took over 5 s; speed has its benchmarks.
const metaTimeout = 60 * time.Second

type metaTransform struct {
	name string
	// apply returns the variant of text and the answer it must score
	// against (w itself unless the layout renumbers), or ok false where
	// the transformation does not apply or cannot be sure to keep the
	// answer.
	apply func(text string, w *wantDoc) (variant string, answer *wantDoc, ok bool)
}

// metaTextOnly lifts a transformation of the text alone; it applies when it
// changes the text.
func metaTextOnly(f func(string) string) func(string, *wantDoc) (string, *wantDoc, bool) {
	return func(text string, w *wantDoc) (string, *wantDoc, bool) {
		v := f(text)
		return v, w, v != text
	}
}

var metaTransforms = []metaTransform{
	{"num-dot-to-dunhao", metaTextOnly(func(s string) string { return metaArabicItemRe.ReplaceAllString(s, "${1}${2}、${4}") })},
	{"num-dunhao-to-dot", metaTextOnly(func(s string) string { return metaArabicDunhaoRe.ReplaceAllString(s, "${1}${2}.${3}") })},
	{"num-fullwidth-dot", metaTextOnly(func(s string) string {
		s = metaArabicItemRe.ReplaceAllString(s, "${1}${2}．${4}")
		return metaArabicDunhaoRe.ReplaceAllString(s, "${1}${2}．${3}")
	})},
	{"num-bare", metaTextOnly(func(s string) string { return metaBareNumbers(s, "") })},
	{"num-space", metaTextOnly(func(s string) string { return metaBareNumbers(s, " ") })},
	{"cn-dunhao-to-dot", metaTextOnly(func(s string) string { return metaChineseItemRe.ReplaceAllString(s, "${1}${2}.${3}") })},
	{"paren-num-halfwidth", metaTextOnly(func(s string) string { return metaParenNumRe.ReplaceAllString(s, "${1}(${2})") })},
	{"clause-halfwidth", metaTextOnly(func(s string) string { return metaReBracketClauses(s, [2]string{"(", ")"}) })},
	{"clause-fullwidth", metaTextOnly(func(s string) string { return metaReBracketClauses(s, [2]string{"（", "）"}) })},
	{"clause-tortoise", metaTextOnly(func(s string) string { return metaReBracketClauses(s, [2]string{"〔", "〕"}) })},
	{"clause-lenticular", metaTextOnly(func(s string) string { return metaReBracketClauses(s, [2]string{"【", "】"}) })},
	{"clause-square", metaTextOnly(func(s string) string { return metaReBracketClauses(s, [2]string{"[", "]"}) })},
	{"clause-own-line", metaTextOnly(func(s string) string { return metaClauseToOwnLine(s, false) })},
	{"clause-own-lines-split", metaTextOnly(func(s string) string { return metaClauseToOwnLine(s, true) })},
	{"clause-own-line-to-bracket", metaTextOnly(metaOwnLineToClause)},
	{"labels-to-verbs", metaTextOnly(metaLabelsToVerbs)},
	{"verbs-to-labels", metaTextOnly(metaVerbsToLabels)},
	{"responsible-to-verbs", metaTextOnly(metaResponsibleToVerbs)},
	{"label-synonyms", metaTextOnly(metaLabelSynonyms)},
	{"blank-lines-between-items", metaTextOnly(metaBlankBeforeItems)},
	{"blank-lines-removed", metaTextOnly(func(s string) string { return metaBlankLinesRe.ReplaceAllString(s, "\n") })},
	{"indent-fullwidth", metaTextOnly(metaIndentLines)},
	{"crlf", metaTextOnly(func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") })},
	{"pipe-table", metaAsPipeTable},
	{"page-numbers", metaTextOnly(func(s string) string {
		return metaPageNoise(s, func(n int) string { return fmt.Sprintf("— %d —", n) })
	})},
	{"page-footer", metaTextOnly(func(s string) string {
		return metaPageNoise(s, func(n int) string { return fmt.Sprintf("第%d页", n) })
	})},
}

// An item numbered 1. or 1． at the start of a line, followed by a Han
// character or an opening quote: 1.2 is a sub-number or a decimal, and
// 5.jpg a file name.
var metaArabicItemRe = regexp.MustCompile(`(?m)^([ \t　]*)(\d{1,3})([.．])([\p{Han}“《「])`)

// An item numbered 1、 at the start of a line.
var metaArabicDunhaoRe = regexp.MustCompile(`(?m)^([ \t　]*)(\d{1,3})、([\p{Han}“《「])`)

// A Chinese numeral item 一、 at the start of a line.
var metaChineseItemRe = regexp.MustCompile(`(?m)^([ \t　]*)([一二三四五六七八九十]{1,3})、(\S)`)

// A full-width parenthesised number （1） or （一） at the start of a line.
var metaParenNumRe = regexp.MustCompile(`(?m)^([ \t　]*)（([一二三四五六七八九十\d]{1,3})）`)

// metaBareNumbers replaces the punctuation of arabic item numbers by sep
// ("": 1.推进 → 1推进; " ": 1 推进) where the item's text starts with a Han
// character that cannot read as part of the number or a quantity (1.年底前
// would read 1年, 2.天桥 2天, 3.一批 3一批).
func metaBareNumbers(s, sep string) string {
	return metaArabicItemRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := metaArabicItemRe.FindStringSubmatch(m)
		r := []rune(sub[4])[0]
		if r < 0x4e00 || r > 0x9fff || strings.ContainsRune("年月日号个项条次季周天万亿元余多千百十一二三四五六七八九零〇", r) {
			return m
		}
		return sub[1] + sub[2] + sep + sub[4]
	})
}

var metaBlankLinesRe = regexp.MustCompile(`\n[ \t　]*\n(?:[ \t　]*\n)*`)

// metaItemStartRe matches a line that starts a numbered item of any level.
var metaItemStartRe = regexp.MustCompile(`^[ \t　]*(?:\d{1,3}[.．、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)])`)

func metaBlankBeforeItems(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i, l := range lines {
		if i > 0 && metaItemStartRe.MatchString(l) {
			out = append(out, "")
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// metaIndentLines puts two full-width spaces before every line of prose, as a
// Word page copied as text does. Table rows written with | stay as they
// are.
func metaIndentLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" && !strings.Contains(l, "|") {
			lines[i] = "　　" + l
		}
	}
	return strings.Join(lines, "\n")
}

// metaPageNoise inserts a page-number line before every third item of the
// arabic or Chinese-numeral levels (never inside an item).
func metaPageNoise(s string, line func(int) string) string {
	lines := strings.Split(s, "\n")
	var out []string
	items, page := 0, 1
	for i, l := range lines {
		if i > 0 && metaItemStartRe.MatchString(l) && !strings.Contains(l, "|") {
			items++
			if items%3 == 0 {
				page++
				out = append(out, line(page))
			}
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// metaOwnerLabel is a label naming owners whose meaning LABELLING.md fixes.
const metaOwnerLabel = `(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|参与单位|参加单位|协办单位|协同单位|主办单位|承办单位|责任主体|部门分工)`

// clauseBodyRe tells a bracketed clause naming owners: it starts with an
// owner label, or it names units with 牵头 / 负责 / 配合 and has no
// sentence punctuation of a running text.
var (
	metaClauseLabelRe = regexp.MustCompile(`^` + metaOwnerLabel + `[：:]`)
	metaClauseVerbRe  = regexp.MustCompile(`(牵头|负责|配合)$|(牵头|负责)[，,；;]`)
)

func metaIsOwnerClause(body string) bool {
	if strings.ContainsAny(body, "。") || strings.Contains(body, "领导") {
		return false
	}
	return metaClauseLabelRe.MatchString(body) || metaClauseVerbRe.MatchString(body) && !strings.ContainsAny(body, "：:")
}

// metaBracketSpan is one top-level bracketed group of a line, byte offsets of
// its opening and closing brackets.
type metaBracketSpan struct{ open, close int }

var metaOpeners = map[rune]rune{'（': '）', '(': ')', '〔': '〕', '【': '】'}

// metaTopBrackets lists the top-level bracketed groups of a line; inner
// brackets (各县（市、区）) are part of their group. A line whose brackets
// do not balance gives none.
func metaTopBrackets(l string) []metaBracketSpan {
	var spans []metaBracketSpan
	depth, start := 0, 0
	for i, r := range l {
		switch {
		case metaOpeners[r] != 0 || r == '[':
			if depth == 0 {
				start = i
			}
			depth++
		case r == '）' || r == ')' || r == '〕' || r == '】' || r == ']':
			depth--
			if depth < 0 {
				return nil
			}
			if depth == 0 {
				spans = append(spans, metaBracketSpan{start, i})
			}
		}
	}
	if depth != 0 {
		return nil
	}
	return spans
}

// metaClauseSpans returns the owner clauses of a prose line (not a table row).
func metaClauseSpans(l string) []metaBracketSpan {
	if strings.Contains(l, "|") {
		return nil
	}
	var out []metaBracketSpan
	for _, sp := range metaTopBrackets(l) {
		if metaIsOwnerClause(metaBracketBody(l, sp)) {
			out = append(out, sp)
		}
	}
	return out
}

func metaBracketBody(l string, sp metaBracketSpan) string {
	_, n := metaFirstRune(l[sp.open:])
	return l[sp.open+n : sp.close]
}

func metaFirstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// metaReBracketClauses writes every owner clause of every line between the
// brackets br instead of its own; the clause's text is unchanged.
func metaReBracketClauses(s string, br [2]string) string {
	return metaEachClause(s, func(l string, sp metaBracketSpan) string {
		_, cn := metaFirstRune(l[sp.close:])
		return l[:sp.open] + br[0] + metaBracketBody(l, sp) + br[1] + l[sp.close+cn:]
	})
}

// metaEachClause has edit rewrite every line at each bracketed owner clause
// of it, the last clause first.
func metaEachClause(s string, edit func(l string, sp metaBracketSpan) string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		spans := metaClauseSpans(l)
		for j := len(spans) - 1; j >= 0; j-- {
			l = edit(l, spans[j])
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// metaClauseToOwnLine moves a labelled clause that ends its line (only 。 or ；
// after it) onto a line of its own below, without brackets: 1.做某事。（责任
// 单位：A、B） becomes 1.做某事。 and 责任单位：A、B. A line with more than one
// clause (several assignments in one item) is left alone: its clauses
// belong to parts of the item.
//
// With split, a clause of several labels (牵头单位：A；配合单位：B) takes
// one line a label, and a clause of one label is left alone (the variant
// is then the one without split).
func metaClauseToOwnLine(s string, split bool) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i, l := range lines {
		spans := metaClauseSpans(l)
		if len(spans) != 1 || !metaItemStartRe.MatchString(l) || !metaItemEnds(lines, i) {
			out = append(out, l)
			continue
		}
		sp := spans[0]
		body := metaBracketBody(l, sp)
		_, cn := metaFirstRune(l[sp.close:])
		tail := strings.TrimSpace(l[sp.close+cn:])
		if !metaClauseLabelRe.MatchString(body) || strings.Trim(tail, "。；;.") != "" {
			out = append(out, l)
			continue
		}
		head := strings.TrimRight(l[:sp.open], " \t　")
		if strings.TrimSpace(head) == "" {
			out = append(out, l)
			continue
		}
		if !split {
			out = append(out, head+tail, body)
			continue
		}
		parts := metaLabelSplitRe.Split(body, -1)
		ok := len(parts) > 1
		for _, p := range parts {
			ok = ok && metaClauseLabelRe.MatchString(p)
		}
		if !ok {
			out = append(out, l)
			continue
		}
		out = append(out, head+tail)
		out = append(out, parts...)
	}
	return strings.Join(out, "\n")
}

// metaItemEnds reports whether the item on line i ends there: the next
// line that is not blank starts another item, or there is none. An item
// of several paragraphs may carry a clause in each (several assignments),
// and moving those onto lines of their own would interleave owner lines
// with text: the item is left alone.
func metaItemEnds(lines []string, i int) bool {
	for _, l := range lines[i+1:] {
		if strings.TrimSpace(l) != "" {
			return metaItemStartRe.MatchString(l)
		}
	}
	return true
}

// metaLabelSplitRe cuts a clause before each of its labels after the first.
var metaLabelSplitRe = regexp.MustCompile(`[；;，,]\s*`)

var metaOwnLineRe = regexp.MustCompile(`^[ \t　]*(` + metaOwnerLabel + `[：:].*?)[。；;]?[ \t　]*$`)

// metaOwnLineToClause is the reverse: the owner lines right below an item's
// text (牵头单位：A then 配合单位：B) go into one bracketed clause at the end
// of the line above, joined by ；. Lines naming a leader, a deadline or
// anything else stay where they are, and so does the group when the line
// above is itself a label or a table row.
func metaOwnLineToClause(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !metaOwnLineRe.MatchString(l) || len(out) == 0 {
			out = append(out, l)
			continue
		}
		prev := out[len(out)-1]
		if strings.TrimSpace(prev) == "" || strings.Contains(prev, "|") || strings.ContainsAny(prev, "：:") || len(metaClauseSpans(prev)) > 0 {
			out = append(out, l)
			continue
		}
		var parts []string
		j := i
		for ; j < len(lines) && metaOwnLineRe.MatchString(lines[j]); j++ {
			parts = append(parts, metaOwnLineRe.FindStringSubmatch(lines[j])[1])
		}
		body := strings.Join(parts, "；")
		if strings.Contains(body, "。") || strings.Contains(body, "领导") {
			out = append(out, l)
			continue
		}
		out[len(out)-1] = strings.TrimRight(prev, " \t　") + "（" + body + "）"
		i = j - 1
	}
	return strings.Join(out, "\n")
}

// A unit list as a clause rewrite may move it: no label, verb, sentence
// punctuation or summariser inside.
var metaPlainUnitsRe = regexp.MustCompile(`^[^：:，,；;。（）()牵头负责配合落实会同等]+$`)

// metaPlainUnits reports whether s is such a list. 和 and 及 may stand
// inside a name (省工业和信息化厅, 市住房和城乡建设局) but not join two
// names: the part after them must not start as the list's names do
// (市发改委和市财政局).
func metaPlainUnits(s string) bool {
	if !metaPlainUnitsRe.MatchString(s) {
		return false
	}
	for _, u := range strings.Split(s, "、") {
		first, _ := metaFirstRune(u)
		for _, sep := range []string{"和", "及"} {
			for i := strings.Index(u, sep); i >= 0; i = metaIndexFrom(u, sep, i+len(sep)) {
				next, _ := metaFirstRune(u[i+len(sep):])
				if next == 0 || next == first || strings.ContainsRune("省市区县州各有相", next) {
					return false
				}
			}
		}
	}
	return true
}

func metaIndexFrom(s, sub string, from int) int {
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// metaSingleUnit reports whether s is a plain list of one unit.
func metaSingleUnit(s string) bool { return metaPlainUnits(s) && !strings.Contains(s, "、") }

var (
	metaLabelPairRe = regexp.MustCompile(`^牵头单位[：:]([^；;，,]+)[；;，,]\s*(?:配合单位|责任单位)[：:]([^；;，,]+)$`)
	metaVerbPairRe  = regexp.MustCompile(`^([^，,；;]+)牵头[，,]([^，,；;]+)配合$`)
)

// metaLabelsToVerbs rewrites a bracketed clause 牵头单位：A；配合单位：B (or
// 责任单位：B, which after a 牵头单位 names co-units) as A牵头，B配合 (all
// mean lead A, co B). Only one lead unit: LABELLING.md
// fixes 牵头单位：A、B as two leads but says nothing of A、B牵头.
func metaLabelsToVerbs(s string) string {
	return metaRewriteClauses(s, func(body string) string {
		m := metaLabelPairRe.FindStringSubmatch(body)
		if m == nil || !metaSingleUnit(m[1]) || !metaPlainUnits(m[2]) {
			return body
		}
		return m[1] + "牵头，" + m[2] + "配合"
	})
}

// metaVerbsToLabels is the reverse: A牵头，B配合 → 牵头单位：A；配合单位：B.
func metaVerbsToLabels(s string) string {
	return metaRewriteClauses(s, func(body string) string {
		m := metaVerbPairRe.FindStringSubmatch(body)
		if m == nil || !metaSingleUnit(m[1]) || !metaPlainUnits(m[2]) {
			return body
		}
		return "牵头单位：" + m[1] + "；配合单位：" + m[2]
	})
}

// metaResponsibleToVerbs rewrites a bracketed clause 责任单位：A、B、C as
// A牵头，B、C配合, or 责任单位：A as A负责: LABELLING.md reads both as lead A,
// co B, C. Not in a document that marks its leads another way (△).
func metaResponsibleToVerbs(s string) string {
	if strings.ContainsAny(s, "△▲") {
		return s
	}
	return metaRewriteClauses(s, func(body string) string {
		m := metaResponsibleRe.FindStringSubmatch(body)
		if m == nil || !metaPlainUnits(m[1]) {
			return body
		}
		units := strings.Split(m[1], "、")
		if len(units) == 1 {
			return units[0] + "负责"
		}
		return units[0] + "牵头，" + strings.Join(units[1:], "、") + "配合"
	})
}

var metaResponsibleRe = regexp.MustCompile(`^责任单位[：:]([^；;，,]+)$`)

// metaRewriteClauses replaces the body of every bracketed owner clause.
func metaRewriteClauses(s string, f func(string) string) string {
	return metaEachClause(s, func(l string, sp metaBracketSpan) string {
		_, on := metaFirstRune(l[sp.open:])
		return l[:sp.open+on] + f(metaBracketBody(l, sp)) + l[sp.close:]
	})
}

// metaLabelSynonyms swaps owner labels for their synonyms (LABELLING.md gives
// them one meaning): 责任单位 → 责任部门, 牵头单位 → 牵头部门, 配合单位 →
// 参与单位. Only labels followed by a colon: a table header is a cell, not a
// label. 责任单位 inside a longer label (牵头责任单位, 协同责任单位) is left
// alone.
var metaSynonymRe = regexp.MustCompile(`(^|[^牵头同协])(责任单位|牵头单位|配合单位)([：:])`)

func metaLabelSynonyms(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = metaSynonymRe.ReplaceAllStringFunc(l, func(m string) string {
			sub := metaSynonymRe.FindStringSubmatch(m)
			syn := map[string]string{"责任单位": "责任部门", "牵头单位": "牵头部门", "配合单位": "参与单位"}[sub[2]]
			return sub[1] + syn + sub[3]
		})
	}
	return strings.Join(lines, "\n")
}

// metaAsPipeTable renders the answer's own tasks as a progress table written
// with |: 序号 (1, 2, … in order), 重点任务 (the answer's text prefix),
// 牵头单位, 配合单位, 完成时限. A table row's path is its 序号, so the
// answer it must score against is the same tasks renumbered. Only where the
// table is unambiguous: every task has a lead, no unit holds 、 or a
// bracket (a cell lists units with 、), no text prefix holds |, no target.
func metaAsPipeTable(_ string, w *wantDoc) (string, *wantDoc, bool) {
	if len(w.Tasks) < 2 {
		return "", nil, false
	}
	var b strings.Builder
	b.WriteString("序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n")
	nw := *w
	nw.Tasks = nil
	nw.excerpt = false
	for i, t := range w.Tasks {
		if len(t.Lead) == 0 || t.Kind == string(task.KindTarget) || strings.ContainsAny(t.TextPrefix, "|\n") || t.TextPrefix == "" {
			return "", nil, false
		}
		for _, u := range append(append([]string{}, t.Lead...), t.Co...) {
			if strings.ContainsAny(u, "、()（）|") {
				return "", nil, false
			}
		}
		deadline := ""
		if t.Deadline != nil {
			deadline = *t.Deadline
		}
		fmt.Fprintf(&b, "%d | %s | %s | %s | %s |\n", i+1, t.TextPrefix, strings.Join(t.Lead, "、"), strings.Join(t.Co, "、"), deadline)
		nt := t
		nt.Path = []string{fmt.Sprint(i + 1)}
		nw.Tasks = append(nw.Tasks, nt)
	}
	return b.String(), &nw, true
}

// metaParseText parses text as the file name would be read, on a goroutine: a
// panic or a parse that outlasts metaTimeout is an error.
func metaParseText(name, text string, cfg *config.Config) (*task.Document, error) {
	type result struct {
		d   *task.Document
		err error
	}
	// Buffered: a parse that outlasts the timeout still finishes (or
	// hangs) on its own goroutine without blocking on the send.
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("panic: %v", r)}
			}
		}()
		doc, err := metaReadVariant(name, text)
		if err != nil {
			done <- result{err: err}
			return
		}
		done <- result{d: Parse(doc, cfg)}
	}()
	select {
	case r := <-done:
		return r.d, r.err
	case <-time.After(metaTimeout):
		return nil, fmt.Errorf("no result after %v", metaTimeout)
	}
}

// metaReadVariant reads a variant as a document: a workbook (its bytes
// in text) as a user's .xlsx is read, from a file through readFile.
func metaReadVariant(name, text string) (*docread.Document, error) {
	if filepath.Ext(name) != ".xlsx" {
		return docread.Read(name, strings.NewReader(text))
	}
	dir, err := os.MkdirTemp("", "tz-meta-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return nil, err
	}
	return readFile(path)
}

// metaBase is a dev document the parser reads perfectly as written.
type metaBase struct {
	w    *wantDoc
	text string
}

// metaResult is what one transformation scored over the documents.
type metaResult struct {
	docs, checks, right, broken int
	spurious                    int  // tasks found that the answers do not hold
	repoChecks, repoRight       int  // of the documents kept in the repository
	shared                      bool // a document of ../shared/corpus was scored
	lines, errs                 []string
}

// metaRunAll scores every transformation, as many at once as there are
// processors; the results come in the order of metaTransforms.
func metaRunAll(bases []metaBase, cfg *config.Config, detail, out string) []metaResult {
	results := make([]metaResult, len(metaTransforms))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, tr := range metaTransforms {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i] = metaRun(tr, bases, cfg, detail == tr.name, out)
		}()
	}
	wg.Wait()
	return results
}

// metaRun scores one transformation over the documents; with detail it
// lists every failure of a document, else its first three. With out set,
// every variant is written below it.
func metaRun(tr metaTransform, bases []metaBase, cfg *config.Config, detail bool, out string) metaResult {
	var res metaResult
	for _, b := range bases {
		v, answer, ok := tr.apply(b.text, b.w)
		if !ok {
			continue
		}
		res.docs++
		name, ext := filepath.Base(b.w.text), metaVariantExt(tr.name)
		if ext != "" {
			name = strings.TrimSuffix(name, filepath.Ext(name)) + ext
		}
		if out != "" {
			metaWriteVariant(filepath.Join(out, tr.name), filepath.Base(b.w.text), v, ext)
		}
		d, err := metaParseText(name, v, cfg)
		if err != nil {
			res.errs = append(res.errs, fmt.Sprintf("%s on %s: %v", tr.name, b.w.name, err))
			continue
		}
		s := scoreDocument(answer, d)
		res.checks += s.checks
		res.right += s.right
		res.spurious += s.spurious
		if strings.HasPrefix(b.w.text, realDir) {
			res.repoChecks += s.checks
			res.repoRight += s.right
		} else {
			res.shared = true
		}
		if s.right == s.checks && s.spurious == 0 {
			continue
		}
		res.broken++
		res.lines = append(res.lines, fmt.Sprintf("    %s: %d/%d, %d spurious", b.w.name, s.right, s.checks, s.spurious))
		n := len(s.failures)
		if !detail && n > 3 {
			n = 3
		}
		for _, f := range s.failures[:n] {
			res.lines = append(res.lines, "        "+f)
		}
	}
	return res
}

// metaVariantExt is the extension a transformation's variants are read
// under: .html for a web page, .xlsx for a workbook, else "" (the
// document's own).
func metaVariantExt(name string) string {
	switch {
	case metaHTMLExt[name]:
		return ".html"
	case metaWorkbookExt[name]:
		return ".xlsx"
	}
	return ""
}

// metaWriteVariant writes a variant into dir to be read by eye, under the
// document's file name with ext added.
func metaWriteVariant(dir, name, v, ext string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	name += ext
	_ = os.WriteFile(filepath.Join(dir, name), []byte(v), 0o644)
}

// metaRound is a round of layouts, scored and floored apart from the
// others: floorRepo on the documents kept in the repository, floorAll on
// all when ../shared/corpus sits beside the project.
type metaRound struct {
	name                string
	transforms          []metaTransform // nil for the first: every transformation no later round holds
	floorRepo, floorAll float64
}

// metaRounds lists the rounds in the order they were written (the first
// in this file, the second to eleventh in metamorphic2_test.go to
// metamorphic10_test.go).
func metaRounds() []metaRound {
	return []metaRound{
		{"first-round variants", nil, floorMetaRepo, floorMetaAll},
		{"second-round variants", metaTransforms2, floorMeta2Repo, floorMeta2All},
		{"third-round variants", metaTransforms3, floorMeta3Repo, floorMeta3All},
		{"fourth-round variants", metaTransforms4, floorMeta4Repo, floorMeta4All},
		{"fifth-round variants", metaTransforms5, floorMeta5Repo, floorMeta5All},
		{"sixth-round variants", metaTransforms6, floorMeta6Repo, floorMeta6All},
		{"seventh-round variants", metaTransforms7, floorMeta7Repo, floorMeta7All},
		{"eighth-round variants", metaTransforms8, floorMeta8Repo, floorMeta8All},
		{"ninth-round variants", metaTransforms9, floorMeta9Repo, floorMeta9All},
		{"tenth-round variants", metaTransforms10, floorMeta10Repo, floorMeta10All},
		{"eleventh-round variants", metaTransforms11, floorMeta11Repo, floorMeta11All},
		{"twelfth-round variants", metaTransforms12, floorMeta12Repo, floorMeta12All},
	}
}

func TestLayoutMetamorphic(t *testing.T) {
	// No real client is involved: the suite's first run, without the
	// switch, has scored these variants already (the rerun with it, one
	// package at a time under the race detector, would take as long again).
	if testkit.RealClientOn() {
		t.Skip("layout variants: scored by the run without " + testkit.RealClientEnv)
	}
	cfg := loadConfig(t, "")
	var bases []metaBase
	for _, w := range realDocs(t) {
		if w.Split != "dev" {
			continue // test and fresh documents are never looked at
		}
		raw, err := os.ReadFile(w.text)
		if err != nil {
			t.Fatal(err)
		}
		d, err := metaParseText(filepath.Base(w.text), string(raw), cfg)
		if err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if s := scoreDocument(w, d); s.right == s.checks && s.spurious == 0 {
			bases = append(bases, metaBase{w, string(raw)})
		}
	}
	if len(bases) == 0 {
		t.Skip("no labelled dev document present")
	}
	t.Logf("%d dev documents read perfectly as written", len(bases))
	detail := os.Getenv("TZ_META_DETAIL")
	out := os.Getenv("TZ_META_OUT") // a directory to write every variant to, for reading by eye
	rounds := metaRounds()
	n := len(rounds)
	allChecks, allRight, repoChecks, repoRight := make([]int, n), make([]int, n), make([]int, n), make([]int, n)
	roundOf := map[string]int{}
	for r, round := range rounds {
		for _, tr := range round.transforms {
			roundOf[tr.name] = r
		}
	}
	shared := false // a document of ../shared/corpus was scored
	t.Logf("%-28s %5s %7s %7s %6s %8s", "transformation", "docs", "checks", "score", "broken", "spurious")
	for i, res := range metaRunAll(bases, cfg, detail, out) {
		tr, round := metaTransforms[i], roundOf[metaTransforms[i].name]
		for _, e := range res.errs {
			t.Error(e)
		}
		allChecks[round] += res.checks
		allRight[round] += res.right
		repoChecks[round] += res.repoChecks
		repoRight[round] += res.repoRight
		shared = shared || res.shared
		t.Logf("%-28s %5d %7d %6.1f%% %6d %8d", tr.name, res.docs, res.checks, pct(res.right, res.checks), res.broken, res.spurious)
		for _, l := range res.lines {
			t.Log(l)
		}
	}
	for r, round := range rounds {
		name := round.name
		t.Logf("%s: %d/%d checks right (%.1f%%); of the documents in the repository %d/%d (%.1f%%)",
			name, allRight[r], allChecks[r], pct(allRight[r], allChecks[r]), repoRight[r], repoChecks[r], pct(repoRight[r], repoChecks[r]))
		if repoChecks[r] > 0 && float64(repoRight[r])/float64(repoChecks[r]) < round.floorRepo {
			t.Errorf("%s: score on the documents in the repository %.1f%% fell below its floor %.1f%%", name, pct(repoRight[r], repoChecks[r]), 100*round.floorRepo)
		}
		if shared && allChecks[r] > 0 && float64(allRight[r])/float64(allChecks[r]) < round.floorAll {
			t.Errorf("%s: score %.1f%% fell below its floor %.1f%%", name, pct(allRight[r], allChecks[r]), 100*round.floorAll)
		}
	}
	var sumRight, sumChecks int
	for r := range allRight {
		sumRight += allRight[r]
		sumChecks += allChecks[r]
	}
	t.Logf("all variants: %d/%d checks right (%.1f%%)", sumRight, sumChecks, pct(sumRight, sumChecks))
}
