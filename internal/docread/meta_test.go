package docread

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func readString(t *testing.T, name, s string) *Document {
	t.Helper()
	return mustRead(t, name, []byte(s))
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2017年09月22日", "2017-09-22"},
		{"2017年9月14日", "2017-09-14"},
		{"2017 年 9 月 14 日", "2017-09-14"},
		{"２０１７年９月１４日", "2017-09-14"},
		{"二〇一七年九月十四日", "2017-09-14"},
		{"二○二一年十二月三十一日", "2021-12-31"},
		{"2018-05-24", "2018-05-24"},
		{"2018-12-20 00:00:00", "2018-12-20"},
		{"2018/5/4", "2018-05-04"},
		{"2018.05.24", "2018-05-24"},
		{"2021-02-30", ""},
		{"2021年13月1日", ""},
		{"有效", ""},
		{"2021年2月", ""},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestChineseCounting(t *testing.T) {
	tests := map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 99: "九十九",
		100: "一百", 101: "一百零一", 110: "一百一十", 1001: "一千零一", 0: "0"}
	for n, want := range tests {
		if got := formatNumber(n, "chineseCounting"); got != want {
			t.Errorf("formatNumber(%d, chineseCounting) = %q; want %q", n, got, want)
		}
	}
}

// TestMetaFromLabels runs the cases of testdata/meta.txt: the fields of
// Meta a document's labels, title lines and signature give, and the body
// that is left.
func TestMetaFromLabels(t *testing.T) {
	for name, c := range testdataCases(t, "meta.txt") {
		text, found, ok := strings.Cut(c, "\n--\n")
		if !ok {
			t.Fatalf("meta.txt: %s: no -- line", name)
		}
		want, body := metaWanted(t, found)
		t.Run(name, func(t *testing.T) {
			doc := readString(t, "doc.txt", text+"\n")
			if doc.Meta != want {
				t.Errorf("Meta = %+v\nwant   %+v", doc.Meta, want)
			}
			if body != nil && !slices.Equal(texts(doc), body) {
				t.Errorf("body = %q\nwant   %q", texts(doc), body)
			}
		})
	}
}

// metaWanted reads what a case of meta.txt wants: its fields of Meta and
// its "=> " lines of body.
func metaWanted(t *testing.T, found string) (Meta, []string) {
	var m Meta
	var body []string
	fields := map[string]*string{"title": &m.Title, "number": &m.DocNumber, "issuer": &m.Issuer, "date": &m.Date}
	for _, l := range strings.Split(strings.TrimRight(found, "\n"), "\n") {
		if b, ok := strings.CutPrefix(l, "=> "); ok {
			body = append(body, b)
			continue
		}
		key, value, _ := strings.Cut(l, ": ")
		if fields[key] == nil {
			t.Fatalf("meta.txt: %q is neither a field nor a block", l)
		}
		*fields[key] = value
	}
	return m, body
}

func TestBoilerplate(t *testing.T) {
	body := []string{"关于某事的通知", "一、总体要求", "为了做好某项工作，经研究决定，现将有关事项通知如下。", "（此件公开发布）"}
	page := []string{
		"您当前的位置:", "首页 >> 政务公开 >> 正文", "浏览次数:", "字号：大 中 小", "【字体：大 中 小】【打印】【关闭】",
		body[0], "分享到:", body[1], body[2], body[3],
		"打印 关闭 |", "分享到: | 【打印本页】【关闭本页】 |", "扫一扫在手机打开当前页", "相关新闻", "",
		"版权声明", "", "1、凡本网注明“来源:某网”的作品,版权均属于某网,未经本网授权,任何单位及个人不得转载。",
		"2、凡本网注明“来源:XXX”的作品,均转载自其它媒体。", "返回顶部",
	}
	doc := readString(t, "page.txt", strings.Join(page, "\n"))
	if got := texts(doc); !slices.Equal(got, body) {
		t.Errorf("body = %q\nwant   %q", got, body)
	}

	footer := []string{body[0], body[2], "中共泉州市委 泉州市人民政府 2016年8月27日", "", "阅读 0",
		"主管单位:泉州市工业和信息化局", "主办单位:泉州市中小企业服务中心", "(泉州市民营企业服务中心)", "备案号:闽ICP备19003992号-1"}
	doc = readString(t, "footer.txt", strings.Join(footer, "\n"))
	if got, want := texts(doc), footer[:3]; !slices.Equal(got, want) {
		t.Errorf("body = %q\nwant   %q", got, want)
	}
}

func TestBoilerplateKeepsBody(t *testing.T) {
	// Lines that share words with buttons or labels but are the document.
	body := []string{
		"关于加强中小企业服务的通知",
		"一、关闭落后产能，打印机等设备统一采购。",
		"中小",
		"版权声明",
		"1、加强知识产权保护，严厉打击侵犯版权行为，建立健全版权声明和登记制度，推动版权产业发展。",
		"附件：任务分解表",
	}
	doc := readString(t, "body.txt", strings.Join(body, "\n"))
	// 版权声明 in the first half of a document is a heading of the document.
	if got := texts(doc); !slices.Equal(got, body) {
		t.Errorf("body = %q\nwant   %q", got, body)
	}
	// Owner lines labelled as a site footer's are (协办单位：, 主办单位：),
	// down to the document's end: next to a label only documents use, or
	// listing several units, or next to such a line.
	owners := []string{
		"1.完善街道党工委领导体制机制。", "牵头单位：区委组织部", "协办单位：区财政局",
		"2.健全社区工作者队伍。", "主办单位：区民政局", "参加单位：区委编办",
		"3.建设社区服务站。", "主办单位：区住建局", "协办单位：区财政局、区城管委",
	}
	doc = readString(t, "owners.txt", strings.Join(owners, "\n"))
	if got := texts(doc); !slices.Equal(got, owners) {
		t.Errorf("body = %q\nwant   %q", got, owners)
	}
	// So is a 主办 line right under a numbered item, one unit alone, or
	// with its 协办 label after a ；.
	under := []string{
		"1.加强菜篮子保供体系建设。", "主办单位：市农业农村局",
		"2.构建劳动关系监测预警体系。", "主办单位：市人社局；协办单位：市总工会",
	}
	doc = readString(t, "under.txt", strings.Join(under, "\n"))
	if got := texts(doc); !slices.Equal(got, under) {
		t.Errorf("body = %q\nwant   %q", got, under)
	}
}

func TestIsBoilerplate(t *testing.T) {
	yes := []string{"打印", "关闭", "打印 关闭", "【打印本页】【关闭本页】", "分享到", "分享到：", "扫一扫在手机打开当前页", "返回顶部",
		"相关新闻", "您当前的位置：首页 > 政务公开", "首页 >> 政务公开 >> 正文", "浏览次数：1234", "阅读 0", "主管单位：某局",
		"主办单位:某中心", "备案号:闽ICP备19003992号-1", "网站标识码：3201000001", "版权所有：某市人民政府", "字号：大 中 小", "|", "2.jpg", "IMG_0123.JPG", "微信图片_20211029.png",
		"— 3 —", "-12-", "－ 5 －", "第3页", "第 3 页 共 12 页"}
	no := []string{"一、总体要求", "（此件公开发布）", "附件", "附件：", "打印机采购计划", "关闭落后产能", "中小企业", "2.规范图片格式为jpg", "第3页至第5页的表格", "—3—5年内完成",
		"主管单位要切实履行职责，加强对所属单位的指导和监督，确保各项任务落到实处，取得实效，形成合力，务求实效，推动发展。"}
	for _, s := range yes {
		if !isBoilerplate(s) {
			t.Errorf("isBoilerplate(%q) = false; want true", s)
		}
	}
	for _, s := range no {
		if isBoilerplate(s) {
			t.Errorf("isBoilerplate(%q) = true; want false", s)
		}
	}
}

// TestStringRewrites runs the cases of testdata/strings.txt on the
// functions that rewrite one string: a line's spaces and characters
// (cleanLine), a 文号 (normalizeDocNumber), a page's <title> (pageTitle).
func TestStringRewrites(t *testing.T) {
	funcs := map[string]func(string) string{"cleanLine": cleanLine, "normalizeDocNumber": normalizeDocNumber, "pageTitle": pageTitle}
	cases := stringCases(t, "strings.txt")
	for name, f := range funcs {
		if len(cases[name]) == 0 {
			t.Errorf("strings.txt: no cases of %s", name)
		}
		testkit.Cases(t, name, f, cases[name])
	}
	for name := range cases {
		if funcs[name] == nil {
			t.Errorf("strings.txt: no function %s", name)
		}
	}
}

// stringCases reads a file of testdata: "== function", then a case a
// line, the text and what the function returns as Go string literals
// with => between them; lines starting with # are comments.
func stringCases(t *testing.T, file string) map[string]map[string]string {
	cases := map[string]map[string]string{}
	var section map[string]string
	for n, l := range strings.Split(testdata(t, file), "\n") {
		if name, ok := strings.CutPrefix(l, "== "); ok {
			section = map[string]string{}
			cases[name] = section
			continue
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		in, want, err := quotedPair(l)
		if err != nil || section == nil {
			t.Fatalf("%s:%d: %q is no case (%v)", file, n+1, l, err)
		}
		section[in] = want
	}
	return cases
}

// quotedPair reads "text" => "want", two Go string literals.
func quotedPair(l string) (string, string, error) {
	first, err := strconv.QuotedPrefix(l)
	if err != nil {
		return "", "", err
	}
	rest, ok := strings.CutPrefix(l[len(first):], " => ")
	if !ok {
		return "", "", strconv.ErrSyntax
	}
	in, _ := strconv.Unquote(first)
	want, err := strconv.Unquote(rest)
	return in, want, err
}
