package gongwen

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// BenchmarkDoc200 lays out and writes a report of about 200 pages: body
// text, a long table and a landscape attachment table.
func BenchmarkDoc200(b *testing.B) {
	pages := 0
	for b.Loop() {
		d := New(nil)
		d.Title("关于2024年第四季度重点工作任务推进情况的通报")
		for i := 0; i < 300; i++ {
			d.Heading(2, fmt.Sprintf("（%d）", i+1), "推进情况。", Plain(sampleParagraph))
		}
		t := &Table{Columns: []Column{{Header: "序号", Weight: 1}, {Header: "任务", Weight: 5}, {Header: "进展", Weight: 5}}, Size: 9}
		for i := 0; i < 1500; i++ {
			t.Rows = append(t.Rows, []Cell{TextCell(fmt.Sprint(i + 1)), TextCell(strings.Repeat("推进重点任务，", 1+i%6)), TextCell(strings.Repeat("已完成年度计划。", 1+i%4))})
		}
		d.Table(t)
		d.Attachment(1, "台账", true)
		d.Table(t)
		if err := d.Write(io.Discard, Info{}); err != nil {
			b.Fatal(err)
		}
		pages = d.Pages()
	}
	b.ReportMetric(float64(pages), "pages")
}
