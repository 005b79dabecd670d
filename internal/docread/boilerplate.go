package docread

import (
	"regexp"
	"strings"
)

// Web pages saved as text or HTML carry the site around the document:
// print and share buttons, breadcrumbs, view counters, related links, a
// copyright notice and the site footer. Only short lines are ever judged
// boilerplate, so a sentence of the document can never be dropped.

const (
	maxBoilerplateRunes = 80
	maxFooterRunes      = 40
)

// buttonWords removes every word that appears in the button bars of
// government sites (【打印本页】【关闭本页】, 字号：大 中 小, 分享到：微信 微博);
// a line made only of such words is a button bar.
var buttonWords = strings.NewReplacer(
	"扫一扫在手机打开当前页", "", "扫一扫在手机上查看当前页面", "", "用手机扫一扫", "", "手机扫一扫", "",
	"打印本页", "", "关闭本页", "", "关闭窗口", "", "打印此页", "", "打印文章", "", "我要打印", "",
	"我要纠错", "", "加入收藏", "", "返回顶部", "", "回到顶部", "", "返回首页", "", "返回列表", "",
	"相关新闻", "", "相关链接", "", "相关阅读", "", "上一篇", "", "下一篇", "", "QQ空间", "", "新浪微博", "",
	"腾讯微博", "", "微信", "", "微博", "", "分享到", "", "分享", "", "打印", "", "关闭", "", "收藏", "",
	"纠错", "", "返回", "", "字号", "", "字体", "", "默认", "", "朗读", "", "大中小", "",
	":", "", "：", "", "|", "", "｜", "", "丨", "", "【", "", "】", "", "[", "", "]", "",
	"［", "", "］", "", "〖", "", "〗", "", "/", "", "·", "", "•", "", "-", "",
)

// A page number a printed document carried into its text: — 3 —, -3-,
// · 3 ·, - 3 / 9 -, 第3页, 第3页 共12页, 共12页 第3页, Page 3 of 12.
var (
	pageNumberRe = regexp.MustCompile(`^` + pageDashed + `$`)
	pageOfRe     = regexp.MustCompile(`^(?:第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，/]?\s*第\s*\d{1,4}\s*页|(?i:page)\s*\d{1,4}(?:\s*(?i:of|/)\s*\d{1,4})?)$`)
)

var boilerplateRes = []*regexp.Regexp{
	regexp.MustCompile(`^(?:您当前的位置|您现在的位置|当前位置|您的位置|所在位置|当前所在位置)\s*[:：]`),
	regexp.MustCompile(`^(?:您当前的位置|您现在的位置|当前位置|您的位置|所在位置)$`),
	regexp.MustCompile(`^首页\s*(?:>|»|＞|→|/|\\)`),
	regexp.MustCompile(`^(?:浏览次数|浏览量|点击数|点击量|点击率|阅读次数|阅读数|访问次数|访问量|阅读|浏览)\s*[:：]?\s*\d*\s*次?$`),
	pageNumberRe,
	pageOfRe,
	// An image's file name left where the picture stood (2.jpg).
	regexp.MustCompile(`^[\p{L}\p{N}_.()（）-]{0,40}\.(?i:jpe?g|png|gif|bmp|webp)$`),
	// A page's download box: its heading and the attached files' names
	// (某某任务分工表.docx), links the text does not hold.
	regexp.MustCompile(`^(?:附件下载|相关附件|相关文件下载|文件下载)\s*[:：]?$`),
	regexp.MustCompile(`^[\p{L}\p{N}_.()（）《》〔〕\-—]{1,60}\.(?i:docx?|pdf|xlsx?|wps|et|ofd|zip|rar)$`),
}

// footerRe matches the first line of a site footer. Labels need their
// colon and 版权所有 its position, so that a sentence about 主管单位 or
// 版权 is not taken for the footer.
var footerRe = regexp.MustCompile(`^(?:主管单位|主办单位|承办单位|协办单位|技术支持|运维单位|运维保障|网站标识码|备案号|ICP备案号|网站声明)\s*[:：]` +
	`|^(?:网站地图|联系我们|网站声明|隐私声明|关于我们|使用帮助)(?:\s*[|｜]\s*\S+)*$` +
	`|^(?i:copyright)|^©|^\([cC]\)|ICP备\d|ICP证\d|公网安备|(?:^|\s)版权所有|版权所有\s*[:：]|(?i:all rights reserved)`)

// ownerSentenceRe matches a document's own owner line that starts like a
// site footer's label: 主办单位:县城投公司,协办单位:住建局、凤城镇。 — a
// sentence, closed by 。, where a footer names its site's owner bare.
var ownerSentenceRe = regexp.MustCompile(`^\s*(?:主办单位|承办单位|协办单位)\s*[:：].*。\s*$`)

// Owner lines a document writes below an item with a label a site footer
// uses too (主办单位：, 承办单位：, 协办单位：), and the labels only a
// document uses, which show them to be the document's.
var (
	footerOwnerRe = regexp.MustCompile(`^\s*(?:主办|承办|协办)单位\s*[:：]`)
	docOwnerRe    = regexp.MustCompile(`^\s*(?:牵头|责任|配合|参与|参加|协同|协助|协作|主责|实施|落实)(?:责任)?(?:单位|部门|科室|处室|主体)\s*[:：]`)
)

// documentOwnerLines are the lines labelled like a site footer's owner
// (协办单位：区委编办、园区党工委) that belong to the document: those
// listing several units (or labels), those next to a line only a document
// writes (牵头单位：区委组织部) or right under a numbered item, and a run of
// such lines next to one of those.
// A site names its owner alone, among footer lines.
func documentOwnerLines(lines []line) map[int]bool {
	own := map[int]bool{}
	near := func(i, step int) int { // the next non-blank line's index, or -1
		for j := i + step; j >= 0 && j < len(lines); j += step {
			if !lines[j].blank() {
				return j
			}
		}
		return -1
	}
	documents := func(j int) bool {
		return j >= 0 && (docOwnerRe.MatchString(lines[j].text) || own[j])
	}
	for range 2 { // the second pass takes a 主办 line next to a 协办 line kept by the first
		for i, l := range lines {
			if own[i] || !footerOwnerRe.MatchString(l.text) {
				continue
			}
			_, value, _ := strings.Cut(strings.Replace(l.text, "：", ":", 1), ":")
			before := near(i, -1)
			if strings.ContainsAny(value, "、，,；;") || documents(before) || documents(near(i, 1)) || before >= 0 && numberedLineRe.MatchString(strings.TrimSpace(lines[before].text)) {
				own[i] = true
			}
		}
	}
	return own
}

// isFooterLine reports whether a line starts a site footer.
func isFooterLine(t string) bool {
	return footerRe.MatchString(t) && !ownerSentenceRe.MatchString(t)
}

var viewCountRe = regexp.MustCompile(`^(?:阅读|浏览|浏览次数|阅读次数|点击数)\s*[:：]?\s*\d+\s*次?$`)

// isBoilerplate reports whether a line is part of the site, not the
// document.
func isBoilerplate(s string) bool {
	if s == "" || len(s) > 4*maxBoilerplateRunes || runeLen(s) > maxBoilerplateRunes {
		return false
	}
	if buttonWords.Replace(removeSpaces(s)) == "" {
		return true
	}
	for _, re := range boilerplateRes {
		if re.MatchString(s) {
			return true
		}
	}
	return isFooterLine(s)
}

// dropBoilerplate removes the site around the document: first the
// copyright notice and the footer, which end the page, then button bars
// and counters wherever they are.
func dropBoilerplate(lines []line) []line {
	lines = cutCopyright(lines)
	own := documentOwnerLines(lines)
	lines = cutFooter(lines, own)
	out := make([]line, 0, len(lines))
	// lastCell is the index in out of the last "| cell" line, -1 before
	// one: a bare | near it closes a row of that table and is kept.
	lastCell := -1
	// A table flattened with a | line after each cell keeps those lines:
	// they are all that tells one cell from the next.
	bars := 0
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "|" {
			bars++
		}
	}
	barred := false // the last line was a cell with | after it (序号 |)
	for i, l := range lines {
		if l.blank() && barred && nextLacksBar(lines, i) {
			out = append(out, line{tableEnd: true})
		}
		if !l.blank() {
			t := strings.TrimSpace(l.text)
			barred = t != "|" && strings.HasSuffix(t, "|") && strings.Count(t, "|") == 1
		}
		switch {
		case strings.TrimSpace(l.text) == "|" && (bars >= 6 || lastCell >= 0 && len(out)-lastCell <= 12):
			out = append(out, line{text: "|"})
		case l.rows != nil:
			if rows := dropBoilerplateRows(l.rows); rows != nil {
				out = append(out, line{rows: rows})
			}
		case isPipeRow(l.text):
			if t := stripPipeRow(l.text); t != "" {
				if strings.HasPrefix(t, "| ") {
					lastCell = len(out)
				}
				out = append(out, line{text: t})
			}
		case own[i] || !isBoilerplate(l.text):
			out = append(out, l)
		}
	}
	return out
}

// nextLacksBar reports whether the first non-blank line after lines[i] is
// text without |: the blank line ends a table flattened one cell a line.
func nextLacksBar(lines []line, i int) bool {
	for _, l := range lines[i+1:] {
		if !l.blank() {
			return l.rows == nil && !strings.ContainsAny(l.text, "|｜")
		}
	}
	return false
}

// cutCopyright drops a site's 版权声明 and everything after it: its
// numbered clauses (1、凡本网注明…) would otherwise read as tasks. Only a
// heading in the second half of the page followed by a few lines that speak
// of the site (本网, 转载) counts; a document may have a section of that name.
func cutCopyright(lines []line) []line {
	for i := len(lines) / 2; i < len(lines); i++ {
		if len(lines[i].text) > 64 {
			continue
		}
		switch strings.Trim(removeSpaces(lines[i].text), "【】[]:：") {
		case "版权声明", "免责声明", "版权及免责声明", "版权说明":
			if siteNotice(lines[i+1:]) {
				return lines[:i]
			}
		}
	}
	return lines
}

func siteNotice(lines []line) bool {
	n, site := 0, false
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if n++; n > 10 {
			return false
		}
		site = site || strings.Contains(l.text, "本网") || strings.Contains(l.text, "本站") ||
			strings.Contains(l.text, "转载") || strings.Contains(l.text, "网站")
	}
	return site
}

// cutFooter drops the site footer: from its first marker line (主管单位,
// 备案号, 阅读 0…) to the end, provided only short lines follow, so that
// unmarked footer lines such as an organisation name in brackets go too.
func cutFooter(lines []line, own map[int]bool) []line {
	tail := len(lines)
	for tail > 0 && !own[tail-1] && footerish(lines[tail-1]) {
		tail--
	}
	for i := max(tail, len(lines)/2); i < len(lines); i++ {
		if t := lines[i].text; !own[i] && (isFooterLine(t) || viewCountRe.MatchString(t)) {
			return lines[:i]
		}
	}
	return lines
}

func footerish(l line) bool {
	if l.rows != nil {
		return false
	}
	n := runeLen(l.text)
	return n <= maxFooterRunes && !strings.Contains(l.text, "。") ||
		n <= maxBoilerplateRunes && (isFooterLine(l.text) || isBoilerplate(l.text))
}

func dropBoilerplateRows(rows [][]string) [][]string {
	var out [][]string
	for _, row := range rows {
		keep := false
		for _, c := range row {
			if c != "" && !isBoilerplate(c) {
				keep = true
				break
			}
		}
		if keep {
			out = append(out, row)
		}
	}
	return out
}

// isPipeRow reports a table row flattened with | separators, the way text
// copied from a web page's metadata table looks.
func isPipeRow(s string) bool {
	return strings.Contains(s, "|") &&
		(strings.HasSuffix(s, "|") || strings.HasPrefix(s, "|") || strings.Contains(s, " | "))
}

func splitPipe(s string) []string {
	cells := strings.Split(s, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

// stripPipeRow drops the button cells of a flattened row. A row left with
// one cell of text becomes that text (a title in a layout table); rows with
// labels are kept whole for the metadata pass.
func stripPipeRow(s string) string {
	// A table flattened one cell a line, each cell after a row's first
	// led by | and each row closed by a bare |, keeps its pipes: they are
	// all that tells its rows apart.
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "| ") && strings.Count(t, "|") == 1 && !isBoilerplate(t[1:]) {
		return t
	}
	var kept []string
	for _, c := range splitPipe(s) {
		if c != "" && !isBoilerplate(c) {
			kept = append(kept, c)
		}
	}
	switch {
	case len(kept) == 0:
		return ""
	case len(kept) == 1 && !labelLed(kept[0]):
		if _, _, label := labelOnly(kept[0]); !label {
			return kept[0]
		}
	}
	return s
}
