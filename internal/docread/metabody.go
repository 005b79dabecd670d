package docread

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Metadata found in the text itself, for documents without a label for it:
// the title and 文号 printed at the top, the signature and date at the end
// of the notice.

const (
	topLines      = 20 // non-blank lines searched for a title or 文号
	maxTitleRunes = 80
)

var (
	docNumRe     = regexp.MustCompile(`([\p{Han}A-Za-z]{1,20})\s*[〔\[［【(（]\s*((?:19|20|21)\d\d)\s*[〕\]］】)）]\s*第?\s*(\d{1,6})\s*号`)
	docNumLineRe = regexp.MustCompile(`^[\p{Han}A-Za-z]{1,20}\s*[〔\[［【(（]\s*(?:19|20|21)\d\d\s*[〕\]］】)）]\s*第?\s*\d{1,6}\s*号$`)
	numberingRe  = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|[0-9０-９]{1,2}[.．、][^0-9０-９]|[（(][0-9０-９]{1,2}[)）])`)
	// sigDateRe finds dates written the way a signature is: 2017年9月14日 or
	// 二〇一七年九月十四日.
	sigDateRe    = regexp.MustCompile(sigDatePattern)
	sigDateEndRe = regexp.MustCompile(`(?:` + sigDatePattern + `)$`)
)

const sigDatePattern = `[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|[〇○零Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日`

// normalizeDocNumber writes a 文号 with the standard 〔〕 brackets
// (GB/T 9704), so that 泰政办发[2017]126号 and 泰政办发〔2017〕126号 compare
// equal. A value that is not a 文号 is returned as is.
func normalizeDocNumber(s string) string {
	m := docNumRe.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	return m[1] + "〔" + m[2] + "〕" + m[3] + "号"
}

var titleSuffixes = []string{
	"意见", "通知", "方案", "计划", "办法", "决定", "规定", "细则", "措施", "要点", "纲要", "规划",
	"批复", "报告", "通报", "公告", "通告", "函", "条例", "清单", "决议", "指引", "指南", "安排",
	// The lists an office works from: 重点工作任务分解, 责任分工, 督办台账,
	// 任务分解表.
	"分解", "分工", "台账", "分解表", "分工表", "任务表", "一览表",
}

// endsTitle reports whether s ends the way a document title does, ignoring
// a bracketed tail such as （试行） or (2023—2027年).
func endsTitle(s string) bool {
	for {
		t := strings.TrimRight(s, " ")
		if !strings.HasSuffix(t, ")") && !strings.HasSuffix(t, "）") {
			break
		}
		i := strings.LastIndexAny(t, "(（")
		if i <= 0 {
			break
		}
		s = t[:i]
	}
	for _, suf := range titleSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// titleStart reports whether s can be (the first line of) a title: short,
// not a sentence, and naming a kind of document.
func titleStart(s string) bool {
	n := runeLen(s)
	if n < 4 || n > maxTitleRunes || strings.ContainsAny(s, "。；;") || numberingRe.MatchString(s) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(s); strings.ContainsRune("，,：:、", r) {
		return false
	}
	if strings.HasPrefix(s, "附件") || labelLed(s) || docNumLineRe.MatchString(s) {
		return false
	}
	for _, k := range []string{"关于", "意见", "通知", "方案", "计划", "办法"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return endsTitle(s)
}

// titleFromBody returns the first title-like line near the top, joined
// with the one or two lines that complete it when the page broke a long
// title (国务院关于促进综合保税区 / 高水平开放高质量发展的若干意见).
func titleFromBody(lines []line) string {
	top := topTexts(lines, topLines)
	for i, s := range top {
		if !titleStart(s) {
			continue
		}
		if endsTitle(s) {
			return s
		}
		joined := s
		for j := i + 1; j < len(top) && j <= i+2; j++ {
			next := top[j]
			if !titleContinuation(next) || runeLen(joined)+runeLen(next) > maxTitleRunes {
				break
			}
			joined += next
			if endsTitle(joined) {
				return joined
			}
		}
		return s
	}
	return ""
}

func titleContinuation(s string) bool {
	return runeLen(s) <= 40 && !strings.ContainsAny(s, "。；;，,：:") && !numberingRe.MatchString(s) &&
		!docNumLineRe.MatchString(s) && !labelLed(s) && sigDateRe.FindStringIndex(s) == nil
}

// docNumberFromBody returns a 文号 standing on its own line near the top.
// One inside a sentence is usually another document's, cited.
func docNumberFromBody(lines []line) string {
	for _, s := range topTexts(lines, topLines) {
		if docNumLineRe.MatchString(s) {
			return s
		}
	}
	return ""
}

// topTexts returns the first n non-blank text lines.
func topTexts(lines []line, n int) []string {
	var top []string
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if top = append(top, l.text); len(top) == n {
			break
		}
	}
	return top
}

// signature finds the first signature date of the document with the
// signing organisation when it is on the same or the previous line. It
// accepts a date on a line of its own (optionally bracketed, the way Party
// documents put it under the title), an organisation followed by a date,
// and, in documents flattened into one line, "机关名 2017年9月14日" followed
// by the end of the line, a space, 附件 or (此件…).
func signature(lines []line) (date, org string) {
	prev := ""
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if date, org = signatureIn(l.text); date != "" {
			if org == "" && orgLike(prev) {
				org = prev
			}
			return date, org
		}
		prev = l.text
	}
	return "", ""
}

func signatureIn(s string) (date, org string) {
	for from := 0; ; {
		start, end, ok := nextSigDate(s, from)
		if !ok {
			return "", ""
		}
		from = end
		d, ok := parseDate(s[start:end])
		if !ok {
			continue
		}
		before, after := strings.TrimSpace(s[:start]), strings.TrimSpace(s[end:])
		switch {
		case isOpenBracket(before) && isCloseBracket(after):
			return d, ""
		case after == "" && runeLen(before) <= 40 && orgLike(before):
			return d, before
		case signatureEnd(s[end:]):
			if o := orgBefore(s[:start]); o != "" {
				return d, o
			}
		}
	}
}

// nextSigDate finds the next date in s at or after from. It matches only
// just before each 日, so that a document flattened into one long line is
// not run through the regexp as a whole.
func nextSigDate(s string, from int) (start, end int, ok bool) {
	for {
		i := strings.Index(s[from:], "日")
		if i < 0 {
			return 0, 0, false
		}
		end = from + i + len("日")
		start = max(from, end-64)
		for start < end && !utf8.RuneStart(s[start]) {
			start++
		}
		if m := sigDateEndRe.FindStringIndex(s[start:end]); m != nil {
			return start + m[0], end, true
		}
		from = end
	}
}

func isOpenBracket(s string) bool  { return s == "" || s == "(" || s == "（" }
func isCloseBracket(s string) bool { return s == "" || s == ")" || s == "）" }

// signatureEnd reports whether what follows a date ends the signature.
func signatureEnd(rest string) bool {
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsSpace(r) {
		return false
	}
	rest = strings.TrimSpace(rest)
	return rest == "" || strings.HasPrefix(rest, "附件") || strings.HasPrefix(rest, "(此件") ||
		strings.HasPrefix(rest, "（此件") || strings.HasPrefix(rest, "抄送")
}

// orgBefore returns the organisation name that ends just before a date,
// separated from it by a space: in flattened text the Han run before the
// space is the signature.
func orgBefore(s string) string {
	if s == "" {
		return ""
	}
	if r, _ := utf8.DecodeLastRuneInString(s); !unicode.IsSpace(r) {
		return ""
	}
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	start := len(s)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		start -= size
	}
	org := s[start:]
	if n := runeLen(org); n < 2 || n > 30 || !orgLike(org) {
		return ""
	}
	return org
}

var orgSuffixes = []string{
	"政府", "办公室", "办公厅", "委员会", "党委", "市委", "县委", "区委", "省委", "党组", "委", "局", "厅",
	"院", "部", "署", "会", "室", "中心", "办", "小组", "管委会", "国务院",
}

// orgLike reports whether s reads as the name of an organisation (or
// several, separated by spaces).
func orgLike(s string) bool {
	if s == "" || runeLen(s) > 40 || strings.ContainsAny(s, "。，,；;：:") {
		return false
	}
	for _, suf := range orgSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}
