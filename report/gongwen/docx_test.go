package gongwen

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/report/gongwen/docxcheck"
	"github.com/taizhang-dev/taizhang/report/gongwen/pdfcheck"
)

func writeDocx(t testing.TB, d *Doc) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := d.WriteDocx(&buf, Info{Title: "测试", Author: "督查室"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDocx(t *testing.T) {
	d, want := sample(t)
	data := writeDocx(t, d)
	if again := writeDocx(t, d); !bytes.Equal(data, again) {
		t.Error("the same document writes different bytes")
	}
	x := docxcheck.Checked(t, data)
	text := pdfcheck.Squash(x.Text())
	for _, s := range want {
		if !strings.Contains(text, pdfcheck.Squash(s)) {
			t.Errorf("%q missing", s)
		}
	}
	heads := x.Headings()
	wantHeads := []struct{ style, text string }{
		{"一级标题", "一、总体情况"},
		{"二级标题", "（一）主要成效。各责任单位高度重视"},
		{"三级标题", "1.科技创新。"},
		{"四级标题", "（1）平台建设。"},
	}
	if len(heads) != len(wantHeads) {
		t.Fatalf("headings %v", heads)
	}
	for i, w := range wantHeads {
		if heads[i].Style != w.style || !strings.HasPrefix(heads[i].Text, w.text) {
			t.Errorf("heading %d = %s %q; want %s %q", i, heads[i].Style, heads[i].Text, w.style, w.text)
		}
	}
	titles := 0
	for _, p := range x.Paras {
		if x.Styles[p.Style] == "标题" {
			titles++
		}
	}
	if titles != 2 {
		t.Errorf("%d paragraphs in 标题, want 2 (the document's and the attachment's)", titles)
	}
	if len(x.Tables) != 2 || x.Tables[0].Rows != 61 || x.Tables[1].Rows != 41 {
		t.Fatalf("tables %+v", x.Tables)
	}
	for _, tb := range x.Tables {
		if tb.HeaderRows != 1 {
			t.Errorf("table %v: %d header rows", tb.Header, tb.HeaderRows)
		}
		// Rows of a few lines are kept whole, as in the PDF.
		if tb.Whole != tb.Rows {
			t.Errorf("table %v: %d of %d rows kept whole", tb.Header, tb.Whole, tb.Rows)
		}
	}
	if got := strings.Join(x.Tables[1].Header, "|"); got != "编号|任务内容|本期进展" {
		t.Errorf("header %q", got)
	}
	if len(x.Sections) != 2 || x.Sections[0].Landscape || !x.Sections[1].Landscape || x.Sections[1].W <= x.Sections[1].H {
		t.Errorf("sections %+v: want portrait, then landscape for the attachment", x.Sections)
	}
	if x.Pictures != 1 {
		t.Errorf("%d pictures, want 1", x.Pictures)
	}
	for _, name := range []string{"标题", "一级标题", "二级标题", "三级标题", "正文"} {
		found := false
		for _, n := range x.Styles {
			found = found || n == name
		}
		if !found {
			t.Errorf("no style %s", name)
		}
	}
	doc := string(x.Parts["word/document.xml"])
	// “十四五” and —— are set in the East Asian font, full width.
	if !strings.Contains(doc, `<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">为深入贯彻落实“十四五”`) {
		t.Error("no East Asian hint on a run with Chinese quotes")
	}
	for _, s := range []string{`w:top="2098"`, `w:bottom="1984"`, `w:left="1587"`, `w:right="1474"`, `w:linePitch="580"`} {
		if !strings.Contains(doc, s) {
			t.Errorf("page setup: %s missing", s)
		}
	}
	if core := string(x.Parts["docProps/core.xml"]); !strings.Contains(core, "<dc:title>测试</dc:title>") || !strings.Contains(core, "<dc:creator>督查室</dc:creator>") {
		t.Errorf("core properties: %s", core)
	}
}

// The picture of a chart is drawn: not blank, at print resolution.
func TestDocxFigure(t *testing.T) {
	d, _ := sample(t)
	var fig block
	for _, b := range d.blocks {
		if b.kind == blockFigure {
			fig = b
		}
	}
	png, err := d.rasterize(fig)
	if err != nil {
		t.Fatal(err)
	}
	if len(png) < 5000 {
		t.Errorf("the chart's PNG is %d bytes: blank?", len(png))
	}
}

// LibreOffice opens the document and lays it out with the same text as
// the PDF, on about as many pages.
func TestDocxLibreOffice(t *testing.T) {
	testkit.RealClient(t)
	if !pdfcheck.Available() {
		t.Fatal("poppler-utils not installed")
	}
	d, _ := sample(t)
	// The title, headings, captions, table headers and signature: the
	// body's lines are broken where LibreOffice breaks them.
	want := []string{"关于2024年第四季度重点工作任务推进情况的通报", "一、总体情况", "（一）主要成效。", "1.科技创新。", "（1）平台建设。",
		"表1　任务清单", "序号", "任务", "亮灯", "附件：重点工作任务推进情况台账", "泰州市人民政府督查室", "2025年1月12日", "附件1",
		"编号", "任务内容", "本期进展", "— 1 —"}
	dir := t.TempDir()
	src := filepath.Join(dir, "sample.docx")
	if err := os.WriteFile(src, writeDocx(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	pdf, err := docxcheck.ToPDF(ctx, src, dir)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := pdfcheck.RawText(pdf)
	if err != nil {
		t.Fatal(err)
	}
	squashed := pdfcheck.Squash(raw)
	for _, s := range want {
		if !strings.Contains(squashed, pdfcheck.Squash(s)) {
			t.Errorf("%q missing from LibreOffice's PDF", s)
		}
	}
	sizes, err := pdfcheck.PageSizes(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if n := d.Pages(); float64(len(sizes)) < 0.7*float64(n) || float64(len(sizes)) > 1.3*float64(n) {
		t.Errorf("LibreOffice lays out %d pages, the PDF has %d", len(sizes), n)
	}
	if last := sizes[len(sizes)-1]; last.W <= last.H {
		t.Errorf("the attachment's last page is %v, not landscape", last)
	}
	if keep := os.Getenv("TAIZHANG_KEEP_DOCX"); keep != "" {
		os.WriteFile(filepath.Join(keep, "sample.docx"), writeDocx(t, d), 0o644)
		b, _ := os.ReadFile(pdf)
		os.WriteFile(filepath.Join(keep, "sample-lo.pdf"), b, 0o644)
	}
}

// The masthead: the name spaced out in red, the issue, the office and
// date set by tab stops on a paragraph whose red bottom rule runs across
// the text block.
func TestDocxMasthead(t *testing.T) {
	d := New(nil)
	d.Masthead("督查通报", "2024年第4期", "泰州市人民政府督查室", "2025年1月16日")
	d.Title("关于2024年第四季度重点工作任务推进情况的通报")
	x := docxcheck.Checked(t, writeDocx(t, d))
	if len(x.Paras) < 4 || x.Paras[0].Text != "督　查　通　报" || x.Paras[1].Text != "2024年第4期" ||
		x.Paras[2].Text != "\t泰州市人民政府督查室\t2025年1月16日" {
		t.Fatalf("masthead paragraphs %+v", x.Paras)
	}
	doc := string(x.Parts["word/document.xml"])
	if !strings.Contains(doc, `<w:color w:val="E60012"/>`) || !strings.Contains(doc, `<w:bottom w:val="single" w:sz="12" w:space="4" w:color="E60012"/>`) {
		t.Error("no red name or rule")
	}
	if strings.Contains(doc, `<w:ind w:left=`) {
		t.Error("an indented masthead paragraph: its rule would not span the text block")
	}
}

// Only a change of orientation makes a section; an attachment in the same
// orientation starts on a new page by a page break.
func TestDocxSections(t *testing.T) {
	d := New(nil)
	d.Text("纵向")
	d.NewPage(false) // a page break of the PDF's layout: none in Word
	d.NewPage(true)
	d.Table(&Table{Columns: []Column{{Header: "横向表格", Weight: 1}}, Rows: [][]Cell{{TextCell("一行")}}})
	d.NewPage(false)
	d.Text("又是纵向")
	d.Attachment(2, "附表", false)
	d.Text("附件正文")
	data := writeDocx(t, d)
	x := docxcheck.Checked(t, data)
	var orient []bool
	for _, s := range x.Sections {
		orient = append(orient, s.Landscape)
	}
	if fmt.Sprint(orient) != "[false true false]" {
		t.Errorf("sections (landscape?) %v; want portrait, landscape, portrait", orient)
	}
	doc := string(x.Parts["word/document.xml"])
	if n := strings.Count(doc, "<w:pageBreakBefore/>"); n != 1 {
		t.Errorf("%d page breaks; want 1, before 附件2", n)
	}
	if i, j := strings.Index(doc, "<w:pageBreakBefore/>"), strings.Index(doc, ">附件2<"); i < 0 || j < i {
		t.Error("the page break is not on 附件2's paragraph")
	}
}
