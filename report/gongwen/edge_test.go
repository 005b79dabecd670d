package gongwen

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/report/chart"
	"github.com/taizhang-dev/taizhang/report/gongwen/pdfcheck"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// pageText is the text drawn on page i, in drawing order.
func pageText(d *Doc, i int) string {
	var b strings.Builder
	for _, o := range d.pages[i].ops {
		b.WriteString(o.text)
	}
	return b.String()
}

// A title longer than a page continues on the next one rather than run
// off the page.
func TestLongTitle(t *testing.T) {
	d := New(nil)
	d.Text(strings.Repeat("正文", 200))
	title := strings.Repeat("关于推进重点工作任务落实情况的通报", 25)
	d.Title(title)
	if d.Pages() < 2 {
		t.Fatalf("%d pages", d.Pages())
	}
	for i, p := range d.pages {
		_, top, _, h := p.block()
		for _, o := range p.ops {
			if o.kind == opText && o.y > top+h+0.01 {
				t.Errorf("page %d: text at baseline %.1f below the block (%.1f)", i+1, o.y, top+h)
			}
		}
	}
	if !pdfcheck.Available() {
		return
	}
	path, _ := writePDF(t, d)
	c, err := pdfcheck.Check(path)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Contains(title) {
		t.Error("title text lost")
	}
}

// A title with a word wider than the line is broken at once, not searched
// for a balance that does not exist.
func TestTitleLongWord(t *testing.T) {
	gs := glyphs(strings.Repeat("word ", 150) + strings.Repeat("x", 300))
	start := time.Now()
	ls := titleLines(gs, 20)
	if time.Since(start) > 2*time.Second || len(ls) < 2 {
		t.Errorf("%d lines in %v", len(ls), time.Since(start))
	}
}

// A table's header row keeps with its first row, and a header taller than
// a page does not stop the table.
func TestTableHeaderKeeps(t *testing.T) {
	d := New(nil)
	for d.Remaining() > 4*LinePitch {
		d.Text("填充")
	}
	tbl := &Table{Columns: []Column{{Header: "序号", Weight: 1}, {Header: "任务", Weight: 3}}}
	tbl.Rows = [][]Cell{{TextCell("1"), TextCell(strings.Repeat("第一行任务的内容很长，", 12))}}
	d.Table(tbl)
	for i := range d.pages {
		text := pageText(d, i)
		if strings.Contains(text, "序号") != strings.Contains(text, "第一行任务") {
			t.Errorf("page %d has the header without the first row or the other way round", i+1)
		}
	}

	tall := &Table{Columns: []Column{{Header: strings.Repeat("很长的表头", 400), Weight: 1}}}
	tall.Rows = [][]Cell{{TextCell(strings.Repeat("内容", 300))}}
	done := make(chan bool)
	go func() { New(nil).Table(tall); done <- true }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a header taller than a page never ends")
	}
	New(nil).Table(&Table{}) // no columns: nothing, no panic
}

// A letter with a combining accent is one character in the fonts.
func TestShapeComposes(t *testing.T) {
	d := New(nil)
	gs := d.shape([]Span{Plain("Cafe\u0301")}, SizeSan)
	if len(gs) != 4 || gs[3].r != 'é' {
		t.Errorf("shaped %d glyphs, last %q", len(gs), gs[len(gs)-1].r)
	}
	if len(d.Substitutions()) != 0 {
		t.Errorf("substitutions %+v", d.Substitutions())
	}
}

// Text a chart only measures is not reported as drawn.
func TestMeasureDoesNotCount(t *testing.T) {
	d := New(nil)
	d.Canvas().TextWidth("罕见字𫖮", 9)
	if subs := d.Substitutions(); len(subs) != 0 {
		t.Errorf("measuring reported %+v", subs)
	}
	d.Canvas().Text(0, 0, "罕见字𫖮", 9, chart.Ink, chart.AlignLeft)
	if subs := d.Substitutions(); len(subs) != 1 || subs[0].Count != 1 {
		t.Errorf("drawing reported %+v", subs)
	}
}

// TestShortLabelsDoNotWrap: a column whose weight leaves it too narrow for
// its header or a short cell (牵头任务, 已完成, 到2020年) is widened at the
// expense of the wide columns, so the label stays on one line (issue 13:
// 牵头任/务, 已完/成).
func TestShortLabelsDoNotWrap(t *testing.T) {
	d := New(nil)
	tb := &Table{Columns: []Column{
		{Header: "名次", Weight: 3}, {Header: "单位", Weight: 30}, {Header: "牵头任务", Weight: 3},
		{Header: "已完成", Weight: 3}, {Header: "完成时限", Weight: 3}, {Header: "主要加减分", Weight: 58},
	}, Rows: [][]Cell{{TextCell("1"), TextCell("市财政局"), TextCell("12"), TextCell("已完成"), TextCell("到2020年"), TextCell("按期完成牵头任务 3 项 +6")}}, Size: 9}
	_, _, width, _ := d.cur.block()
	before := columnWidths(tb.Columns, width)
	widths := d.tableWidths(tb, width, 9)
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	if math.Abs(sum-width) > 0.01 {
		t.Errorf("widths add up to %.2f; the block is %.2f", sum, width)
	}
	for i, label := range []string{"名次", "", "牵头任务", "已完成", "到2020年"} {
		if label == "" {
			continue
		}
		if n := len(d.layCell(Cell{Spans: []Span{In(typeface.Hei, label)}}, widths[i], 9, Center).lines); n != 1 {
			t.Errorf("%q takes %d lines in a column %.1f pt wide", label, n, widths[i])
		}
	}
	if n := len(d.layCell(Cell{Spans: []Span{In(typeface.Hei, "牵头任务")}}, before[2], 9, Center).lines); n < 2 {
		t.Errorf("the test's weights should wrap 牵头任务 (%d lines at %.1f pt)", n, before[2])
	}
}
