package docread

import (
	"slices"
	"strings"
	"testing"
)

// govPage is laid out the way gov.cn publishes policy documents: a layout
// table around the page, a metadata table of labels, then the text.
const govPage = `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>国务院关于促进综合保税区高水平开放高质量发展的若干意见_政府信息公开专栏</title>
<script>var x = "<p>不是正文</p>";</script><style>p{color:red}</style></head>
<body>
<div class="header"><nav><a href="/">首页</a> <a href="/zc">政策</a></nav></div>
<div>您当前的位置：首页 &gt; 政策 &gt; 正文</div>
<table width="100%"><tr><td>
  <table class="meta">
    <tr><td><b>索 引 号：</b></td><td>000014349/2019-00003</td><td><b>主题分类：</b></td><td>商贸、海关、旅游\海关</td></tr>
    <tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2019年01月12日</td></tr>
    <tr><td><b>标&#12288;&#12288;题：</b></td><td colspan="3">国务院关于促进综合保税区高水平开放高质量发展的若干意见</td></tr>
    <tr><td><b>发文字号：</b></td><td>国发〔2019〕3号</td><td><b>发布日期：</b></td><td>2019年01月25日</td></tr>
    <tr><td><b>主 题 词：</b></td><td colspan="3"></td></tr>
  </table>
</td></tr>
<tr><td>
  <div id="UCAP-CONTENT">
  <p style="text-align:center">国务院关于促进综合保税区<br>高水平开放高质量发展的若干意见</p>
  <p>国发〔2019〕3号</p>
  <p>各省、自治区、直辖市人民政府：</p>
  <p>&nbsp;&nbsp;&nbsp;&nbsp;综合保税区是开放型经济的重要平台。</p>
  <p>　　一、指导思想</p>
  <p style="display:none">隐藏内容</p>
  <table border="1">
    <tr><th>序号</th><th>任务</th><th>责任单位</th></tr>
    <tr><td>1</td><td>加快培育</td><td rowspan="2">商务部<br>海关总署</td></tr>
    <tr><td>2</td><td>推进改革</td></tr>
    <tr><td colspan="2">合计</td><td></td></tr>
  </table>
  <p>国务院</p><p>2019年1月12日</p><p>（此件公开发布）</p>
  </div>
</td></tr></table>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div>【打印本页】【关闭本页】</div>
<footer>主办单位：某某网站 网站标识码：123</footer>
</body></html>`

func TestHTMLGovPage(t *testing.T) {
	data := gbk(t, govPage)
	doc := mustRead(t, "page.htm", data)
	want := Meta{Title: "国务院关于促进综合保税区高水平开放高质量发展的若干意见", DocNumber: "国发〔2019〕3号", Issuer: "国务院", Date: "2019-01-12"}
	if doc.Meta != want {
		t.Errorf("Meta = %+v\nwant   %+v", doc.Meta, want)
	}
	body := []string{"国务院关于促进综合保税区", "高水平开放高质量发展的若干意见", "国发〔2019〕3号", "各省、自治区、直辖市人民政府：",
		"综合保税区是开放型经济的重要平台。", "一、指导思想", "[table]", "国务院", "2019年1月12日", "（此件公开发布）"}
	if got := texts(doc); !slices.Equal(got, body) {
		t.Errorf("body = %q\nwant   %q", got, body)
	}
	rows := [][]string{{"序号", "任务", "责任单位"}, {"1", "加快培育", "商务部\n海关总署"}, {"2", "推进改革", "商务部\n海关总署"}, {"合计", "合计"}}
	got := tables(doc)
	if len(got) != 1 || len(got[0]) != len(rows) {
		t.Fatalf("tables = %q", got)
	}
	for i := range rows {
		if !slices.Equal(got[0][i], rows[i]) {
			t.Errorf("row %d = %q; want %q", i, got[0][i], rows[i])
		}
	}
}

func TestHTMLCharsets(t *testing.T) {
	page := `<html><head><meta charset="%s"><title>t</title></head><body><p>关于加强科技创新的通知</p><p>一、总体要求</p></body></html>`
	want := []string{"关于加强科技创新的通知", "一、总体要求"}
	tests := []struct {
		name string
		data []byte
	}{
		{"utf8.html", []byte(strings.Replace(page, "%s", "utf-8", 1))},
		{"gbk.html", gbk(t, strings.Replace(page, "%s", "gbk", 1))},
		{"gbk-undeclared.html", gbk(t, strings.Replace(page, `<meta charset="%s">`, "", 1))},
		{"gbk-mislabelled.html", gbk(t, strings.Replace(page, "%s", "utf-8", 1))},
		{"utf8-labelled-gbk.html", []byte(strings.Replace(page, "%s", "gb2312", 1))},
		{"utf16.html", utf16Bytes(strings.Replace(page, "%s", "utf-16", 1), false, true)},
		{"page.txt", []byte(strings.Replace(page, "%s", "utf-8", 1))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, tt.name, tt.data)
			if got := texts(doc); !slices.Equal(got, want) {
				t.Errorf("body = %q; want %q", got, want)
			}
		})
	}
}

func TestHTMLTitleFallback(t *testing.T) {
	page := `<html><head><title>某市科技项目管理办法 - 某市人民政府</title></head><body><p>第一条 为规范管理，制定本办法。</p></body></html>`
	doc := mustRead(t, "t.html", []byte(page))
	if doc.Meta.Title != "某市科技项目管理办法" {
		t.Errorf("Title = %q", doc.Meta.Title)
	}
}

func TestHTMLLayoutTables(t *testing.T) {
	// A one-column table and a table whose cell is a page of text are
	// layout: read as lines, not Rows.
	long := strings.Repeat("为了做好科技创新工作，现提出如下意见。", 60)
	page := `<html><body><table><tr><td>关于某事的通知</td></tr><tr><td>一、总体要求</td></tr></table>` +
		`<table><tr><td>左栏</td><td><p>` + long + `</p></td></tr></table><pre>第一行
第二行</pre></body></html>`
	doc := mustRead(t, "l.html", []byte(page))
	want := []string{"关于某事的通知", "一、总体要求", "左栏", long, "第一行", "第二行"}
	if got := texts(doc); !slices.Equal(got, want) {
		t.Errorf("body = %q\nwant   %q", got, want)
	}
}

func TestHTMLDeepNesting(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div><span>", 20000) + "深处的正文" + "</body></html>"
	doc := mustRead(t, "deep.html", []byte(page))
	if got := texts(doc); !slices.Equal(got, []string{"深处的正文"}) {
		t.Errorf("body = %q", got)
	}
}
