package docread

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
)

// numbering rebuilds the markers Word draws for automatically numbered
// paragraphs (一、 （一） 1. ①). Word keeps one counter per level of an
// abstract list; numbering instances that share it continue each other's
// count unless they override the start.
type numbering struct {
	abstract map[int]*[9]numLevel
	nums     map[int]numInstance
	styles   map[string]styleNum
	counts   map[int]*levelCounts // by abstract list
	started  map[int]bool         // instances already used
}

type numLevel struct {
	defined bool
	start   int
	format  string
	text    string
}

type numInstance struct {
	abstractID int
	overrides  map[int]int // level → start
}

type styleNum struct {
	basedOn      string
	numID, ilvl  int
	hasNum, hasL bool
}

type levelCounts struct {
	value [9]int
	set   [9]bool
}

func newNumbering() *numbering {
	return &numbering{
		abstract: map[int]*[9]numLevel{}, nums: map[int]numInstance{}, styles: map[string]styleNum{},
		counts: map[int]*levelCounts{}, started: map[int]bool{},
	}
}

type xVal struct {
	Val string `xml:"val,attr"`
}

// load reads word/numbering.xml; a damaged file only loses the markers.
func (n *numbering) load(data []byte) {
	var doc struct {
		Abstract []struct {
			ID     string `xml:"abstractNumId,attr"`
			Levels []struct {
				Ilvl    string `xml:"ilvl,attr"`
				Start   *xVal  `xml:"start"`
				NumFmt  xVal   `xml:"numFmt"`
				LvlText *xVal  `xml:"lvlText"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Num []struct {
			ID         string `xml:"numId,attr"`
			AbstractID xVal   `xml:"abstractNumId"`
			Overrides  []struct {
				Ilvl  string `xml:"ilvl,attr"`
				Start *xVal  `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return
	}
	for _, a := range doc.Abstract {
		levels := &[9]numLevel{}
		for _, l := range a.Levels {
			i := atoi(l.Ilvl)
			if i < 0 || i > 8 {
				continue
			}
			lv := numLevel{defined: true, start: 1, format: l.NumFmt.Val}
			if l.Start != nil {
				lv.start = atoi(l.Start.Val)
			}
			if l.LvlText != nil {
				lv.text = l.LvlText.Val
			}
			levels[i] = lv
		}
		n.abstract[atoi(a.ID)] = levels
	}
	for _, num := range doc.Num {
		inst := numInstance{abstractID: atoi(num.AbstractID.Val), overrides: map[int]int{}}
		for _, o := range num.Overrides {
			if i := atoi(o.Ilvl); o.Start != nil && i >= 0 && i <= 8 {
				inst.overrides[i] = atoi(o.Start.Val)
			}
		}
		n.nums[atoi(num.ID)] = inst
	}
}

// loadStyles reads the numbering that paragraph styles carry (heading
// styles are often numbered through the style, not the paragraph).
func (n *numbering) loadStyles(data []byte) {
	var doc struct {
		Styles []struct {
			ID      string `xml:"styleId,attr"`
			BasedOn xVal   `xml:"basedOn"`
			NumID   *xVal  `xml:"pPr>numPr>numId"`
			Ilvl    *xVal  `xml:"pPr>numPr>ilvl"`
		} `xml:"style"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return
	}
	for _, s := range doc.Styles {
		sn := styleNum{basedOn: s.BasedOn.Val}
		if s.NumID != nil {
			sn.numID, sn.hasNum = atoi(s.NumID.Val), true
		}
		if s.Ilvl != nil {
			sn.ilvl, sn.hasL = atoi(s.Ilvl.Val), true
		}
		n.styles[s.ID] = sn
	}
}

// styleNumbering follows a style and the styles it is based on to the
// first one that sets numbering.
func (n *numbering) styleNumbering(style string) (numID, ilvl int, ok bool) {
	for i := 0; i < 10 && style != ""; i++ {
		s, found := n.styles[style]
		if !found {
			break
		}
		if s.hasNum {
			return s.numID, s.ilvl, true
		}
		style = s.basedOn
	}
	return 0, 0, false
}

// marker counts the paragraph in its list and returns its number as Word
// would draw it, or "" when it is not numbered.
func (n *numbering) marker(p *paraState) string {
	numID, ilvl, ok := p.numID, p.ilvl, p.hasNum
	if !ok {
		if numID, ilvl, ok = n.styleNumbering(p.style); !ok {
			return ""
		}
	}
	inst, found := n.nums[numID]
	if numID == 0 || !found {
		return ""
	}
	levels := n.abstract[inst.abstractID]
	if levels == nil {
		return ""
	}
	ilvl = min(max(ilvl, 0), 8)
	lv := levels[ilvl]
	if !lv.defined || lv.format == "none" {
		return ""
	}
	if lv.format == "bullet" {
		return bulletText(lv.text)
	}
	counts := n.count(numID, inst, levels, ilvl)
	return expandLevelText(lv.text, levels, counts)
}

func (n *numbering) count(numID int, inst numInstance, levels *[9]numLevel, ilvl int) *levelCounts {
	c := n.counts[inst.abstractID]
	if c == nil {
		c = &levelCounts{}
		n.counts[inst.abstractID] = c
	}
	if !n.started[numID] {
		n.started[numID] = true
		for lvl, start := range inst.overrides {
			c.value[lvl], c.set[lvl] = start-1, true
		}
	}
	if !c.set[ilvl] {
		c.value[ilvl], c.set[ilvl] = levels[ilvl].start-1, true
	}
	c.value[ilvl]++
	for deeper := ilvl + 1; deeper < 9; deeper++ {
		c.set[deeper] = false // a new 一、 restarts its （一）
	}
	return c
}

// expandLevelText fills "%1、" or "（%2）" with the level counters.
func expandLevelText(text string, levels *[9]numLevel, c *levelCounts) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] != '%' || i+1 >= len(text) || text[i+1] < '1' || text[i+1] > '9' {
			b.WriteByte(text[i])
			continue
		}
		lvl := int(text[i+1] - '1')
		v := levels[lvl].start
		if c.set[lvl] {
			v = c.value[lvl]
		}
		b.WriteString(formatNumber(v, levels[lvl].format))
		i++
	}
	return b.String()
}

// bulletText keeps a bullet that is a real character; symbol-font bullets
// live in the private use area and become •.
func bulletText(s string) string {
	for _, r := range s {
		if unicode.In(r, unicode.Co) || r < ' ' {
			return "•"
		}
	}
	if s == "" {
		return "•"
	}
	return s
}

// formatNumber writes n in a Word numFmt.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand":
		return chineseCounting(n, "零一二三四五六七八九", "十百千")
	case "chineseLegalSimplified":
		return chineseCounting(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟")
	case "ideographDigital", "taiwaneseDigital":
		return digitsIn(n, "〇一二三四五六七八九")
	case "ideographTraditional":
		return cyclic(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cyclic(n, "子丑寅卯辰巳午未申酉戌亥")
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		return enclosed(n, 0x2460, 20)
	case "decimalEnclosedParen":
		return enclosed(n, 0x2474, 20)
	case "decimalEnclosedFullstop":
		return enclosed(n, 0x2488, 20)
	case "decimalFullWidth", "decimalFullWidth2":
		return digitsIn(n, "０１２３４５６７８９")
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		return letters(n, format == "upperLetter")
	case "lowerRoman", "upperRoman":
		return roman(n, format == "upperRoman")
	}
	return strconv.Itoa(n)
}

// chineseCounting writes 1–9999 the way Chinese counts: 十一, 二十, 一百零五.
func chineseCounting(n int, digits, units string) string {
	if n <= 0 || n > 9999 {
		return strconv.Itoa(n)
	}
	d, u := []rune(digits), []rune(units)
	if n < 10 {
		return string(d[n])
	}
	if n < 20 {
		if n == 10 {
			return string(u[0])
		}
		return string(u[0]) + string(d[n-10])
	}
	var b strings.Builder
	place := []int{1000, 100, 10, 1}
	zero := false
	for i, p := range place {
		v := n / p % 10
		if v == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteRune(d[0])
			zero = false
		}
		b.WriteRune(d[v])
		if i < 3 {
			b.WriteRune(u[2-i])
		}
	}
	return b.String()
}

func digitsIn(n int, digits string) string {
	d := []rune(digits)
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		if c >= '0' && c <= '9' {
			b.WriteRune(d[c-'0'])
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func cyclic(n int, symbols string) string {
	s := []rune(symbols)
	if n <= 0 {
		return strconv.Itoa(n)
	}
	return string(s[(n-1)%len(s)])
}

func enclosed(n int, first rune, count int) string {
	if n < 1 || n > count {
		return strconv.Itoa(n)
	}
	return string(first + rune(n-1))
}

func letters(n int, upper bool) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	base := 'a'
	if upper {
		base = 'A'
	}
	// Word repeats the letter: a…z, aa…zz.
	return strings.Repeat(string(base+rune((n-1)%26)), min((n-1)/26+1, 10))
}

func roman(n int, upper bool) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	if upper {
		return strings.ToUpper(b.String())
	}
	return b.String()
}
