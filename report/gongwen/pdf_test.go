package gongwen

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/report/chart"
	"github.com/taizhang-dev/taizhang/report/gongwen/pdfcheck"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

const sampleParagraph = "为深入贯彻落实“十四五”规划，推动（一）所列各项任务落到实处，市政府督查室于2025年1月对全市95.5%的重点任务开展了专项督查。督查采用 Excel 和 WPS 表格收集各单位报送，共收到报送文件83份；其中按时报送69份、迟报14份。总体看，各项工作推进有力……但仍有部分任务进度滞后——主要是资金、土地等要素保障不到位。"

// gridParagraph fills three body lines with full-width characters only.
var gridParagraph = strings.Repeat("推进重点工作任务", 10)

// sample lays out a document that exercises every element and returns it
// with the strings it holds.
func sample(t testing.TB) (*Doc, []string) {
	d := New(nil)
	var want []string
	say := func(s string) string { want = append(want, s); return s }
	d.Title(say("关于2024年第四季度重点工作任务推进情况的通报"))
	d.Heading(1, "一、", say("总体情况"))
	d.Text(say(gridParagraph))
	for i := 0; i < 3; i++ {
		d.Text(say(sampleParagraph))
	}
	d.Heading(2, "（一）", say("主要成效。"), Plain(say("各责任单位高度重视，任务推进总体有序。")))
	d.Heading(3, "1.", say("科技创新。"), Plain(say("研发投入占比达到2.8%以上。")))
	d.Heading(4, "（1）", say("平台建设。"), Plain(say("新建省级以上研发机构25家。")))
	d.Para(In(typeface.Kai, say("楷体的一段话〚示例〛")), Plain(say("，罕见字𫖮。")))
	d.Figure(120, func(c chart.Canvas, x, y, w, h float64) {
		chart.Distribution{Rows: []chart.DistRow{{Label: "全部任务", Counts: []int{5, 3, 2, 1}}}}.Draw(c, x, y, w, h)
	})
	tbl := &Table{Columns: []Column{{Header: "序号", Weight: 1, Align: Center}, {Header: "任务", Weight: 5}, {Header: "亮灯", Weight: 1}}}
	tbl.Caption = say("表1　任务清单")
	for i := 1; i <= 60; i++ {
		g := Color{R: 0x2E, G: 0x7D, B: 0x32}
		tbl.Rows = append(tbl.Rows, []Cell{TextCell(say(fmt.Sprint(i))), TextCell(say(strings.Repeat("推进第"+fmt.Sprint(i)+"项任务，", 1+i%7))), {Spans: []Span{Plain(say("绿"))}, Mark: &g}})
	}
	d.Table(tbl)
	d.AttachmentList([]string{say("重点工作任务推进情况台账")})
	d.Signature(say("泰州市人民政府督查室"), say("2025年1月12日"))
	d.Attachment(1, say("重点工作任务推进情况台账"), true)
	wide := &Table{Columns: []Column{{Header: "编号", Weight: 1}, {Header: "任务内容", Weight: 6}, {Header: "本期进展", Weight: 6}}}
	for i := 1; i <= 40; i++ {
		wide.Rows = append(wide.Rows, []Cell{TextCell(say(fmt.Sprintf("二(%d)", i))), TextCell(say(strings.Repeat("加快建设创新平台，", i%9+1))), TextCell(say("已完成年度计划的" + fmt.Sprint(i*2) + "%。"))})
	}
	d.Table(wide)
	return d, want
}

func writePDF(t testing.TB, d *Doc) (string, []byte) {
	var buf bytes.Buffer
	if err := d.Write(&buf, Info{Title: "测试", Author: "督查室"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sample.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

func TestPDF(t *testing.T) {
	if !pdfcheck.Available() {
		t.Skip("poppler-utils (pdftotext, pdffonts, pdfinfo) not installed")
	}
	d, want := sample(t)
	path, data := writePDF(t, d)

	c, err := pdfcheck.Check(path)
	if err != nil {
		t.Fatal(err)
	}
	// Fonts embedded with a Unicode map, A4 pages, no line starting with
	// closing punctuation.
	for _, p := range c.Problems {
		t.Error(p)
	}
	// Text round trip: every string comes back, in order, whatever the
	// line breaks; the character no font has comes back as 〓.
	for i, s := range want {
		want[i] = strings.ReplaceAll(s, "𫖮", "〓")
	}
	if miss := c.InOrder(want...); miss != "" {
		t.Fatalf("text %q missing or out of order", miss)
	}
	if len(c.Fonts) != 4 {
		t.Errorf("fonts = %+v; want the four bundled ones", c.Fonts)
	}
	sizes, pages := c.Sizes, c.Pages
	if len(sizes) != d.Pages() {
		t.Fatalf("%d pages in the PDF, %d laid out", len(sizes), d.Pages())
	}
	landscape := 0
	for i, pg := range pages {
		p := d.pages[i]
		w, h := p.size()
		if math.Abs(sizes[i].W-w) > 0.5 || math.Abs(sizes[i].H-h) > 0.5 {
			t.Errorf("page %d is %v; want %.2f×%.2f", i+1, sizes[i], w, h)
		}
		if p.landscape {
			landscape++
		}
		bx, by, bw, bh := p.block()
		number := fmt.Sprintf("— %d —", i+1)
		found := false
		for _, ln := range pg.Lines {
			if strings.ReplaceAll(ln.Text, " ", "") == strings.ReplaceAll(number, " ", "") {
				found = true
				checkNumber(t, p, i+1, ln)
				continue
			}
			if ln.XMin < bx-1 || ln.XMax > bx+bw+1 || ln.YMin < by-3 || ln.YMax > by+bh+3 {
				t.Errorf("page %d: line %q at (%.1f,%.1f)–(%.1f,%.1f) leaves the text block (%.1f,%.1f)–(%.1f,%.1f)",
					i+1, ln.Text, ln.XMin, ln.YMin, ln.XMax, ln.YMax, bx, by, bx+bw, by+bh)
			}
			if r, _ := utf8.DecodeRuneInString(ln.Text); isNoStart(r) {
				t.Errorf("page %d: line starts with closing punctuation: %q", i+1, ln.Text)
			}
		}
		if !found {
			t.Errorf("page %d has no page number %q", i+1, number)
		}
	}
	if landscape < 2 {
		t.Errorf("%d landscape pages; the attachment should run over several", landscape)
	}

	// The grid: a full body line holds 28 characters.
	if n := fullLineChars(pages[0]); n != CharsPerLine {
		t.Errorf("a full body line holds %d characters; want %d", n, CharsPerLine)
	}

	d2, _ := sample(t)
	_, again := writePDF(t, d2)
	if !bytes.Equal(data, again) {
		t.Error("the same document written twice gives different bytes")
	}
}

// checkNumber checks a page number's place: 7 mm below the block, odd pages
// right, even pages left (turned on landscape pages).
func checkNumber(t *testing.T, p *page, n int, ln pdfcheck.Line) {
	t.Helper()
	bx, by, bw, bh := p.block()
	if p.landscape {
		if ln.XMax > bx-pageNumberGap+5 || ln.XMin < bx-pageNumberGap-SizeSi-5 {
			t.Errorf("page %d (landscape): number at x %.1f–%.1f; want just left of %.1f", n, ln.XMin, ln.XMax, bx-pageNumberGap)
		}
		return
	}
	// pdftotext's box starts at the font's ascent, a little above the
	// glyphs.
	if top := by + bh + pageNumberGap; ln.YMin < top-5 || ln.YMin > top+2 {
		t.Errorf("page %d: number top at %.1f; want 7 mm below the block (%.1f)", n, ln.YMin, top)
	}
	right := ln.XMax > bx+bw/2
	if right != (n%2 == 1) {
		t.Errorf("page %d: number at x %.1f–%.1f is on the wrong side", n, ln.XMin, ln.XMax)
	}
}

// fullLineChars is the number of characters on the full lines of the grid
// paragraph (0 when they differ).
func fullLineChars(pg pdfcheck.Page) int {
	n := 0
	for _, ln := range pg.Lines {
		text := strings.ReplaceAll(ln.Text, " ", "")
		if strings.Trim(text, "推进重点工作任务") != "" || ln.XMin > MarginLeft+1 || ln.XMax < MarginLeft+BlockWidth-1 {
			continue
		}
		if n != 0 && n != utf8.RuneCountInString(text) {
			return 0
		}
		n = utf8.RuneCountInString(text)
	}
	return n
}

func TestSubstitutions(t *testing.T) {
	d, _ := sample(t)
	subs := map[rune]Substitution{}
	for _, s := range d.Substitutions() {
		subs[s.Char] = s
	}
	// 〚 is not in the 楷体 font but in another bundled one; 𫖮 is in none.
	if s, ok := subs['〚']; !ok || s.Role != typeface.Kai || s.Fallback == "" {
		t.Errorf("〚 in 楷体: %+v", s)
	}
	if s, ok := subs['𫖮']; !ok || s.Fallback != "" || s.Count != 1 {
		t.Errorf("𫖮: %+v", s)
	}
	if len(subs) != 3 { // 〚 〛 𫖮
		t.Errorf("substitutions = %+v", d.Substitutions())
	}
}
