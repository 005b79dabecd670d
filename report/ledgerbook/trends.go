package ledgerbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// The trend sheets put the periods side by side. Their headers drop the
// year a one-year workbook's title already gives: 11月, 第四季度.

// shortLabel is a period's label in a trend sheet's header.
func (b *yearBook) shortLabel(label string) string {
	if year, ok := strings.CutSuffix(b.label, "年度"); ok {
		if s, ok := strings.CutPrefix(label, year+"年"); ok && s != "" && s != "度" {
			return s
		}
	}
	return label
}

// paperFor is the paper a landscape sheet of columns this wide prints on.
func paperFor(widths []float64) int {
	var w float64
	for _, x := range widths {
		w += x
	}
	if w > 160 {
		return paperA3
	}
	return paperA4
}

// rankTrend is each unit's rank in every period, and in every quarter
// when the periods are months, with its move; units in annual order.
func (b *yearBook) rankTrend() *plainSheet {
	rankings := append(append([]*history.Ranking{}, b.y.Rankings...), b.y.Quarters...)
	s := section{headers: []string{"年度名次", "单位", "年度得分"}}
	widths := []float64{11, 20, 8}
	standings := make([]map[string]history.Standing, len(rankings))
	for k, r := range rankings {
		first := len(s.headers) + 1
		s.bands = append(s.bands, band{first: first, last: first + 1, text: b.shortLabel(r.Label)})
		s.headers = append(s.headers, "名次", "升降")
		widths = append(widths, 6, 6)
		standings[k] = make(map[string]history.Standing, len(r.Standings))
		for _, st := range r.Standings {
			standings[k][st.Unit] = st
		}
	}
	s.fit(widths)
	units := b.annual.Units
	seen := make(map[string]bool, len(units))
	for _, u := range units {
		seen[u.Unit] = true
	}
	type line struct {
		unit  string
		rank  excelize.Cell
		score excelize.Cell
	}
	lines := make([]line, 0, len(units))
	for _, u := range units {
		rank := excelize.Cell{StyleID: b.ss.rank, Value: u.Rank}
		if u.Tied {
			rank.StyleID = b.ss.tied
		}
		if u.Rank == 0 {
			rank = text(b.st.center, "—")
		}
		lines = append(lines, line{u.Unit, rank, excelize.Cell{StyleID: b.ss.score, Value: u.Score}})
	}
	for _, u := range b.y.Units {
		if !seen[u.Unit] {
			lines = append(lines, line{u.Unit, excelize.Cell{StyleID: b.ss.rank}, excelize.Cell{StyleID: b.ss.score}})
		}
	}
	for _, ln := range lines {
		row := []excelize.Cell{ln.rank, text(b.st.text, ln.unit), ln.score}
		for k := range rankings {
			st, ok := standings[k][ln.unit]
			if !ok {
				row = append(row, excelize.Cell{StyleID: b.ss.rank}, text(b.st.center, ""))
				continue
			}
			if st.Rank == 0 {
				row = append(row, text(b.st.center, "—"), text(b.st.center, ""))
				continue
			}
			row = append(row, excelize.Cell{StyleID: b.ss.rank, Value: st.Rank}, text(b.st.center, st.Arrow()))
		}
		s.rows = append(s.rows, row)
	}
	note := "各期名次为当期单独计分排名；“升降”与上一期相比：↑ 上升，↓ 下降，— 不变，新 为上期未参加排名；名次按排名分组各自排列，名次栏为“—”的不参加排名（无牵头任务或不在排名分组内）。"
	if len(b.y.Quarters) > 0 {
		note += "季度名次按季度内各月合并计分。"
	}
	note += "年度名次和得分见“" + SheetAnnual + "”工作表。"
	return &plainSheet{
		name: SheetRankTrend, title: b.label + "各单位排名走势", note: note,
		widths: widths, paper: paperFor(widths), freezeCols: 3,
		sections: []section{s},
	}
}

// taskTrend is each task's light in every period, its final status and
// whether it is carried over.
func (b *yearBook) taskTrend() *plainSheet {
	s := section{headers: []string{"编号", "任务", "牵头单位"}}
	widths := []float64{10, 30, 14}
	for _, p := range b.y.Periods {
		s.headers = append(s.headers, b.shortLabel(p.Label))
		widths = append(widths, 6.5)
	}
	s.headers = append(s.headers, "最终状态", "结转")
	widths = append(widths, 13, 6)
	s.fit(widths)
	carried := make(map[string]bool, len(b.y.CarriedOver))
	for _, t := range b.y.CarriedOver {
		carried[t.TaskID] = true
	}
	s.rows = make([][]excelize.Cell, 0, len(b.y.Tasks))
	for _, t := range b.y.Tasks {
		title := t.Title
		if r := b.rows[t.TaskID]; r != nil {
			title = taskTitle(r)
		}
		row := []excelize.Cell{
			text(b.st.center, t.Label),
			text(b.st.text, title),
			text(b.st.center, strings.Join(t.Lead, "、")),
		}
		for i := range b.y.Periods {
			var l ledger.Light
			if i < len(t.Lights) {
				l = t.Lights[i]
			}
			row = append(row, b.lightCell(l))
		}
		mark := ""
		if carried[t.TaskID] {
			mark = "是"
		}
		row = append(row, text(b.st.center, string(t.Final)), text(b.st.center, mark))
		s.rows = append(s.rows, row)
	}
	return &plainSheet{
		name: SheetTaskTrend, title: b.label + "任务亮灯走势",
		note: "绿：达到序时进度或已完成；黄、红：落后序时进度（红灯落后更多或已逾期）；灰：牵头单位未报送；空白：当期台账中没有这项任务。" +
			"最终状态以办公室核定状态为准，已完成的任务后期未再报送的仍计为已完成；结转为“是”的任务截至" + b.lastLabel() + "未完成，转入下一年度。",
		widths: widths, paper: paperFor(widths), filter: true, freezeCols: 2,
		sections: []section{s},
	}
}

// chartedUnits is how many of the best units the completion chart draws
// beside the overall rate: more lines would be unreadable.
const chartedUnits = 5

// completionTrend is each unit's completion rate in every period, under
// the overall rate, with a line chart of the overall rate and the best
// units'.
func (b *yearBook) completionTrend() *plainSheet {
	s := section{headers: []string{"单位"}}
	widths := []float64{22}
	for _, p := range b.y.Periods {
		s.headers = append(s.headers, b.shortLabel(p.Label))
		widths = append(widths, 8)
	}
	s.fit(widths)
	total := []excelize.Cell{text(b.st.total, "全部任务")}
	led := make([]map[string]int, len(b.ledgers))
	for i, l := range b.ledgers {
		c := excelize.Cell{StyleID: b.st.totalRatio}
		if l != nil && len(l.Rows) > 0 {
			done := 0
			for _, r := range l.Rows {
				if r.Effective() == fillin.StatusDone {
					done++
				}
			}
			c.Value = float64(done) / float64(len(l.Rows))
		}
		total = append(total, c)
		if l != nil {
			led[i] = make(map[string]int, len(l.Units))
			for _, u := range l.Units {
				led[i][u.Unit] = u.Led
			}
		}
	}
	s.rows = append(s.rows, total)
	rowOf := map[string]int{} // index in s.rows
	for _, u := range b.y.Units {
		row := []excelize.Cell{text(b.st.text, u.Unit)}
		for i := range b.y.Periods {
			c := excelize.Cell{StyleID: b.st.ratio}
			if i < len(u.Completion) && led[i][u.Unit] > 0 {
				c.Value = u.Completion[i]
			}
			row = append(row, c)
		}
		rowOf[u.Unit] = len(s.rows)
		s.rows = append(s.rows, row)
	}
	p := &plainSheet{
		name: SheetCompletionTrend, title: b.label + "任务完成率走势",
		note: "完成率 = 已完成的牵头任务 ÷ 牵头任务（以办公室核定状态为准）；“全部任务”为当期全部任务的完成率；空白表示当期该单位没有牵头任务或不在台账中。" +
			"图中为全部任务和年度排名前 " + fmt.Sprint(chartedUnits) + " 位单位的完成率。",
		widths: widths, paper: paperFor(widths), freezeCols: 1,
		sections: []section{s},
	}
	if len(b.y.Periods) < 2 {
		return p // a line needs two points
	}
	at, _ := p.layout()
	first := at[0].data
	series := []int{0}
	for _, u := range b.annual.Units {
		if len(series) > chartedUnits {
			break
		}
		if i, ok := rowOf[u.Unit]; ok {
			series = append(series, i)
		}
	}
	p.chart = completionChart(widths, at[0].header, first, series)
	return p
}

// completionChart draws the rows series (indexes from the first data
// row) of the completion table as lines over the periods in its header.
func completionChart(widths []float64, header, first int, series []int) *excelize.Chart {
	last := colName(len(widths))
	ref := func(row int) string {
		return fmt.Sprintf("'%s'!$B$%d:$%s$%d", SheetCompletionTrend, row, last, row)
	}
	axisFont := excelize.Font{Family: fontFamily, Size: 9, Color: "262626"}
	var out []excelize.ChartSeries
	for k, i := range series {
		row := first + i
		s := excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$A$%d", SheetCompletionTrend, row),
			Categories: ref(header),
			Values:     ref(row),
			Line:       excelize.LineOptions{Width: 1.5},
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 5},
		}
		if k == 0 {
			// The overall rate stands out: thick and dark.
			dark := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"404040"}}
			s.Line.Width, s.Fill, s.Marker.Fill = 3, dark, dark
		}
		out = append(out, s)
	}
	var width float64
	for _, w := range widths {
		width += w
	}
	maxRatio, minRatio := 1.0, 0.0
	return &excelize.Chart{
		Type:   excelize.Line,
		Series: out,
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "任务完成率走势",
			Font: &excelize.Font{Family: fontFamily, Size: 14, Bold: true, Color: "262626"}}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		XAxis:  excelize.ChartAxis{Font: axisFont},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Maximum: &maxRatio, Minimum: &minRatio, MajorUnit: 0.2,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Font: axisFont},
		ShowBlanksAs: "gap",
		Format:       excelize.GraphicOptions{AltText: "任务完成率走势"},
		Dimension: excelize.ChartDimension{
			// Column widths are in characters of about 7 pixels.
			Width:  uint(min(max(width*7, 480), 1200)),
			Height: 300,
		},
	}
}
