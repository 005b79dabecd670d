package bulletin

import (
	"cmp"
	"slices"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/report/chart"
	"github.com/taizhang-dev/taizhang/report/gongwen"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Chart text size in points (小五 is 9; 8 keeps long unit lists compact).
const chartFont = 9

// caption sets a figure's caption under it (图1 …), in 黑体 四号.
func caption(d *gongwen.Doc, s string) {
	d.Paragraph(gongwen.Style{Size: gongwen.SizeSi, Pitch: gongwen.LinePitch, Align: gongwen.Center}, gongwen.In(typeface.Hei, s))
}

// lightChart draws the distribution of lights, overall and per document.
func lightChart(d *gongwen.Doc, l *ledger.Ledger) {
	rows := []chart.DistRow{{Label: "全部任务", Counts: lightCounts(l.Rows)}}
	ids, byDoc := rowsByDoc(l)
	_, names := docs(l)
	if len(ids) > 1 {
		for _, id := range ids {
			rows = append(rows, chart.DistRow{Label: summary(names[id], 14), Counts: lightCounts(byDoc[id])})
		}
	}
	c := chart.Distribution{Rows: rows, FontSize: chartFont}
	h := c.Height(d.Width())
	if d.Remaining() < h+gongwen.LinePitch {
		d.NewPage(d.Landscape())
	}
	d.Figure(h, func(cv chart.Canvas, x, y, w, h float64) { c.Draw(cv, x, y, w, h) })
	caption(d, "图1　任务亮灯分布")
}

func lightCounts(rows []*ledger.Row) []int {
	lights := ledger.Count(rows).Lights
	counts := make([]int, len(ledger.Lights))
	for i, lt := range ledger.Lights {
		counts[i] = lights[lt]
	}
	return counts
}

// completionChart draws each lead unit's completion rate, best first,
// over as many pages as the list needs.
func completionChart(d *gongwen.Doc, l *ledger.Ledger) {
	var units []*ledger.UnitSummary
	for _, u := range l.Units {
		if u.Led > 0 {
			units = append(units, u)
		}
	}
	if len(units) == 0 {
		return
	}
	slices.SortStableFunc(units, func(a, b *ledger.UnitSummary) int {
		return cmp.Or(cmp.Compare(b.Completion, a.Completion), cmp.Compare(b.Led, a.Led))
	})
	items := make([]chart.BarItem, len(units))
	for i, u := range units {
		items[i] = chart.BarItem{Label: u.Unit, Value: u.Completion}
	}
	all := chart.Bars{Items: items, FontSize: chartFont}
	barCharts(d, all, "图2　各牵头单位任务完成率")
}

// barCharts draws bars page by page, each part captioned.
func barCharts(d *gongwen.Doc, all chart.Bars, title string) {
	all.LabelWidth = all.LabelColumn(d.Canvas(), d.Width())
	items := all.Items
	part := 0
	for len(items) > 0 {
		room := d.Remaining() - gongwen.LinePitch
		b := all
		b.Items = items
		n := b.FitRows(d.Width(), room)
		if n < min(len(items), 5) {
			d.NewPage(d.Landscape())
			continue
		}
		b.Items = items[:n]
		h := b.Height(d.Width())
		d.Figure(h, func(cv chart.Canvas, x, y, w, h float64) { b.Draw(cv, x, y, w, h) })
		items = items[n:]
		part++
		t := title
		if part > 1 || len(items) > 0 {
			t += "（" + chineseNumbers[min(part, 10)-1] + "）"
		}
		caption(d, t)
	}
}
