package docread

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// field is the Meta field a metadata label feeds.
type field int

const (
	fieldNone field = iota // a known label whose value is not kept (索引号, 主题分类…)
	fieldTitle
	fieldDocNumber
	fieldIssuer
	fieldDate
)

// labelInfo says which field a label fills and how much it is trusted:
// lower rank wins. Dates: the date the document was signed (成文) is the
// document's date; the publishing date of the web page comes later and is
// only a fallback. A signature date in the text ranks between the two.
type labelInfo struct {
	field field
	rank  int
}

const (
	rankSignature = 1  // signature date under the text, or (2021年2月10日) under the title
	rankBody      = 5  // found in the body by pattern
	rankHint      = 6  // <title> of the web page, docProps title of a .docx
	maxLabelValue = 80 // runes; a longer "value on the next line" is body text
)

var labelTable = map[string]labelInfo{
	"标题": {fieldTitle, 0}, "信息名称": {fieldTitle, 1}, "文件名称": {fieldTitle, 1}, "政策名称": {fieldTitle, 1},

	"文号": {fieldDocNumber, 0}, "发文字号": {fieldDocNumber, 0}, "政策文号": {fieldDocNumber, 0},
	"发文文号": {fieldDocNumber, 0}, "文件字号": {fieldDocNumber, 0}, "文件编号": {fieldDocNumber, 1},

	"发文机关": {fieldIssuer, 0}, "发文单位": {fieldIssuer, 0}, "制发机关": {fieldIssuer, 0}, "发文机构": {fieldIssuer, 0},
	"发布机构": {fieldIssuer, 1}, "发布部门": {fieldIssuer, 1}, "发布单位": {fieldIssuer, 1},
	"来源": {fieldIssuer, 2}, "信息来源": {fieldIssuer, 2}, "文章来源": {fieldIssuer, 2},

	"成文日期": {fieldDate, 0}, "成文时间": {fieldDate, 0}, "印发日期": {fieldDate, 0}, "发文日期": {fieldDate, 0},
	"发布日期": {fieldDate, 2}, "发布时间": {fieldDate, 2}, "公开日期": {fieldDate, 3}, "公开时间": {fieldDate, 3},
	"生成日期": {fieldDate, 3},

	"索引号": {}, "信息索引号": {}, "主题分类": {}, "主题词": {}, "关键词": {}, "关键字": {}, "法定主动公开分类": {},
	"公开方式": {}, "公开形式": {}, "公开范围": {}, "公开时限": {}, "公开属性": {}, "废止日期": {}, "失效日期": {},
	"实施日期": {}, "施行日期": {}, "生效日期": {}, "有效性": {}, "效力状态": {}, "有效期": {}, "时效": {}, "内容概述": {},
	"体裁分类": {}, "组配分类": {}, "服务对象分类": {}, "信息分类": {}, "所属主题": {}, "主题": {}, "分类": {}, "文种": {},
	"公文种类": {}, "统一编号": {}, "登记号": {}, "签发人": {}, "责任编辑": {}, "浏览次数": {}, "点击数": {}, "字号": {},
}

var (
	labelRe     *regexp.Regexp // a label followed by a colon, anywhere
	labelOnlyRe *regexp.Regexp // a table cell that is only a label
)

func init() {
	names := make([]string, 0, len(labelTable))
	for name := range labelTable {
		names = append(names, name)
	}
	// Longest first: the regexp takes the first alternative that matches,
	// and 主题分类 must not be read as 主题.
	sort.Slice(names, func(i, j int) bool {
		li, lj := utf8.RuneCountInString(names[i]), utf8.RuneCountInString(names[j])
		if li != lj {
			return li > lj
		}
		return names[i] < names[j]
	})
	alts := make([]string, len(names))
	for i, name := range names {
		// Web pages pad labels to equal width: 索 引 号, 标　　题.
		alts[i] = strings.Join(strings.Split(regexp.QuoteMeta(name), ""), `\s*`)
	}
	pattern := "(" + strings.Join(alts, "|") + ")"
	labelRe = regexp.MustCompile(pattern + `\s*[:：]`)
	labelOnlyRe = regexp.MustCompile(`^` + pattern + `\s*[:：]?$`)
}

// pair is one label and its value from a metadata line.
type pair struct{ label, value string }

// labelPairs parses a line that starts with a label, such as
// "文件编号:常发〔2021〕1号 发布机构:市科技局". ok is false when the line
// does not start with a label. Only the start of a long line is searched
// for more labels: the label regexp is large, and a long value is text.
func labelPairs(s string) (pairs []pair, ok bool) {
	if !labelLed(s) {
		return nil, false
	}
	searched := s
	if len(searched) > maxPairsBytes {
		searched = prefixBytes(s, maxPairsBytes)
	}
	ms := labelRe.FindAllStringSubmatchIndex(searched, -1)
	for i, m := range ms {
		end := len(s)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		pairs = append(pairs, pair{label: s[m[2]:m[3]], value: cleanValue(s[m[1]:end])})
	}
	return pairs, true
}

// labelLed reports whether s starts with a label and its colon. Only the
// first bytes are matched, keeping the check cheap on long lines.
func labelLed(s string) bool {
	m := labelRe.FindStringIndex(prefixBytes(s, maxLabelBytes))
	return m != nil && m[0] == 0
}

const (
	maxLabelBytes = 64  // a padded label with its colon fits
	maxPairsBytes = 600 // about 200 characters
)

// prefixBytes cuts s to at most n bytes on a character boundary.
func prefixBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// labelOnly reports whether a table cell holds only a label, and whether
// the label has its colon.
func labelOnly(s string) (label string, colon, ok bool) {
	m := labelOnlyRe.FindStringSubmatch(prefixBytes(s, maxLabelBytes))
	if m == nil || len(m[0]) != len(s) {
		return "", false, false
	}
	return m[1], strings.ContainsAny(s, ":："), true
}

func labelOf(label string) labelInfo {
	return labelTable[removeSpaces(label)]
}

func removeSpaces(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func cleanValue(s string) string {
	return strings.Trim(s, " \t|｜")
}

// candidate is the best value seen so far for one field.
type candidate struct {
	value string
	rank  int
	set   bool
}

// collector gathers metadata from labels, then from patterns in the body.
type collector struct {
	title, docNumber, issuer, date candidate
}

func (c *collector) slot(f field) *candidate {
	switch f {
	case fieldTitle:
		return &c.title
	case fieldDocNumber:
		return &c.docNumber
	case fieldIssuer:
		return &c.issuer
	case fieldDate:
		return &c.date
	}
	return nil
}

func (c *collector) offerLabel(label, value string) {
	info := labelOf(label)
	c.offer(info.field, value, info.rank)
}

// offer keeps value if it is better than what the field already holds.
func (c *collector) offer(f field, value string, rank int) {
	slot := c.slot(f)
	value = collapseSpaces(cleanValue(value))
	if slot == nil || value == "" || slot.set && slot.rank <= rank {
		return
	}
	switch f {
	case fieldDate:
		d, ok := parseDate(value)
		if !ok {
			return
		}
		value = d
	case fieldDocNumber:
		value = normalizeDocNumber(value)
	}
	*slot = candidate{value: value, rank: rank, set: true}
}

// meta completes the labelled metadata from the cleaned body and the
// container's hint, and returns it.
func (c *collector) meta(lines []line, hint Meta) Meta {
	if !c.title.set || c.title.rank > rankBody {
		c.offer(fieldTitle, titleFromBody(lines), rankBody)
	}
	c.offer(fieldTitle, hint.Title, rankHint)
	if !c.docNumber.set {
		c.offer(fieldDocNumber, docNumberFromBody(lines), rankBody)
	}
	if !c.date.set || c.date.rank > rankSignature || !c.issuer.set {
		if date, org := signature(lines); date != "" {
			c.offer(fieldDate, date, rankSignature)
			c.offer(fieldIssuer, org, rankBody)
		}
	}
	return Meta{Title: c.title.value, DocNumber: c.docNumber.value, Issuer: c.issuer.value, Date: c.date.value}
}

func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
