package docread

import (
	"slices"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

const numberingXML = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF06C;"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="99"/></w:num>
</w:numbering>`

const stylesXML = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>
</w:styles>`

func TestDocxParagraphs(t *testing.T) {
	body := wp("关于加强", "科技创新的通知") +
		`<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>` +
		`<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>` +
		`<w:p><w:pPr><w:jc w:val="center"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink></w:p>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + wp("文本框") + `</w:txbxContent></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><w:txbxContent>` + wp("文本框") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`<w:p/>` + wp("  ") + `<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>`
	doc := mustRead(t, "a.docx", buildDocx(t, body))
	want := []string{"关于加强科技创新的通知", "甲 乙", "第二行", "保留插入", "链接文字", "文本框"}
	if got := texts(doc); !slices.Equal(got, want) {
		t.Errorf("paragraphs = %q\nwant         %q", got, want)
	}
	if doc.Meta.Title != "关于加强科技创新的通知" {
		t.Errorf("Title = %q", doc.Meta.Title)
	}
}

func TestDocxNumbering(t *testing.T) {
	body := wnum("1", "0", "总体要求") + wnum("1", "1", "指导思想") + wnum("1", "1", "基本原则") +
		wnum("1", "2", "坚持创新") + wnum("1", "3", "甲") + wnum("1", "3", "乙") + wnum("1", "2", "坚持开放") +
		wnum("1", "0", "重点任务") + wnum("1", "1", "加快培育") +
		wnum("2", "0", "要点") + wnum("3", "0", "第一") + wnum("3", "0", "第二") +
		wnum("4", "0", "接续") + wnum("5", "0", "无定义") + wnum("0", "0", "取消编号") +
		`<w:p><w:pPr><w:pStyle w:val="H1x"/></w:pPr><w:r><w:t>样式编号</w:t></w:r></w:p>` +
		wnum("1", "9", "越界层级")
	files := docxFiles(body)
	files["word/numbering.xml"] = numberingXML
	files["word/styles.xml"] = stylesXML
	doc := mustRead(t, "num.docx", testkit.Zip(t, files))
	want := []string{"一、总体要求", "（一）指导思想", "（二）基本原则", "1.坚持创新", "①甲", "②乙", "2.坚持开放",
		"二、重点任务", "（一）加快培育", "•要点", "甲、第一", "乙、第二", "五、接续", "无定义", "取消编号", "六、样式编号", "越界层级"}
	if got := texts(doc); !slices.Equal(got, want) {
		t.Errorf("numbered = %q\nwant       %q", got, want)
	}
}

func TestDocxNumberingDamaged(t *testing.T) {
	files := docxFiles(wnum("1", "0", "总体要求"))
	files["word/numbering.xml"] = "<w:numbering " + wNS + "><w:abstractNum>"
	files["word/styles.xml"] = "not xml"
	doc := mustRead(t, "num.docx", testkit.Zip(t, files))
	if got := texts(doc); !slices.Equal(got, []string{"总体要求"}) {
		t.Errorf("damaged numbering = %q", got)
	}
}

func wtc(props, text string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + wp(text) + `</w:tc>`
}

func TestDocxTable(t *testing.T) {
	nested := `<w:tbl><w:tr>` + wtc("", "内甲") + wtc("", "内乙") + `</w:tr><w:tr>` + wtc("", "内丙") + `</w:tr></w:tbl>`
	body := wp("任务分解表") + `<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>` +
		`<w:tr>` + wtc("", "序号") + wtc("", "任务") + wtc("", "责任单位") + `</w:tr>` +
		`<w:tr>` + wtc("", "1") + wtc("", "加快培育") + wtc(`<w:vMerge w:val="restart"/>`, "市科技局") + `</w:tr>` +
		`<w:tr>` + wtc("", "2") + wtc("", "推进改革") + wtc(`<w:vMerge/>`, "") + `</w:tr>` +
		`<w:tr>` + wtc(`<w:gridSpan w:val="2"/>`, "合计") + wtc("", "") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + wtc("", "后移") + wtc("", "x") + `</w:tr>` +
		`<w:tr>` + `<w:tc>` + wp("第一段") + wp("第二段") + `</w:tc>` + `<w:tc>` + nested + `</w:tc>` + `</w:tr>` +
		`<w:tr>` + wtc("", "") + wtc("", "") + `</w:tr>` +
		`<w:sdt><w:sdtContent><w:tr>` + wtc("", "控件行") + wtc("", "y") + `</w:tr></w:sdtContent></w:sdt>` +
		`</w:tbl>` + wp("（此件公开发布）")
	doc := mustRead(t, "t.docx", buildDocx(t, body))
	if got := texts(doc); !slices.Equal(got, []string{"任务分解表", "[table]", "（此件公开发布）"}) {
		t.Fatalf("blocks = %q", got)
	}
	want := [][]string{
		{"序号", "任务", "责任单位"},
		{"1", "加快培育", "市科技局"},
		{"2", "推进改革", "市科技局"},
		{"合计", "合计"},
		{"", "后移", "x"},
		{"第一段\n第二段", "内甲 内乙\n内丙"},
		{"控件行", "y"},
	}
	got := tables(doc)[0]
	if len(got) != len(want) {
		t.Fatalf("rows = %q\nwant   %q", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d = %q; want %q", i, got[i], want[i])
		}
	}
}

func TestDocxCoreTitleFallback(t *testing.T) {
	files := docxFiles(wp("为做好工作，特制定本办法。"))
	files["docProps/core.xml"] = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>某市科技项目管理办法</dc:title></cp:coreProperties>`
	doc := mustRead(t, "c.docx", testkit.Zip(t, files))
	if doc.Meta.Title != "某市科技项目管理办法" {
		t.Errorf("Title = %q; want the core.xml title", doc.Meta.Title)
	}
}

func TestDocxMainPartFromRels(t *testing.T) {
	files := docxFiles(wp("正文内容"))
	files["word/document2.xml"] = files["word/document.xml"]
	delete(files, "word/document.xml")
	files["_rels/.rels"] = strings.ReplaceAll(files["_rels/.rels"], "word/document.xml", "/word/document2.xml")
	doc := mustRead(t, "r.docx", testkit.Zip(t, files))
	if got := texts(doc); !slices.Equal(got, []string{"正文内容"}) {
		t.Errorf("blocks = %q", got)
	}
}

func TestDocxZipBomb(t *testing.T) {
	defer func(old int64) { maxUnzipped = old }(maxUnzipped)
	maxUnzipped = 1 << 16
	big := buildDocx(t, strings.Repeat(wp("重复的段落内容"), 2000))
	_, err := Read("bomb.docx", strings.NewReader(string(big)))
	if ie := inputError(t, err); ie.Msg != msgDocxBomb {
		t.Errorf("err = %v; want the zip bomb message", err)
	}
}

func TestDocxDeepNesting(t *testing.T) {
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 400) + wp("深处") + strings.Repeat("</w:sdtContent></w:sdt>", 400)
	doc := mustRead(t, "deep.docx", buildDocx(t, wp("浅处")+deep))
	if got := texts(doc); got[0] != "浅处" {
		t.Errorf("blocks = %q", got)
	}
}

func TestDocxDataTableWithLabelHeader(t *testing.T) {
	// A column headed 标题 does not make a task table a metadata table.
	body := `<w:tbl><w:tr>` + wtc("", "标题") + wtc("", "内容") + `</w:tr><w:tr>` + wtc("", "加快培育") + wtc("", "市科技局") + `</w:tr></w:tbl>`
	doc := mustRead(t, "h.docx", buildDocx(t, body))
	if got := tables(doc); len(got) != 1 || len(got[0]) != 2 || !slices.Equal(got[0][0], []string{"标题", "内容"}) {
		t.Errorf("tables = %q", got)
	}
}
