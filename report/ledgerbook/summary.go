package ledgerbook

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// Columns of the 汇总 sheet's table.
var (
	summaryHeaders = []string{"序号", "责任单位", "牵头任务数", "配合任务数", "已报送", "已完成",
		"绿灯", "黄灯", "红灯", "灰灯", "完成率", "报送情况", "填报日期", "未填报事项"}
	summaryWidths = []float64{6, 26, 8, 8, 8, 8, 6, 6, 6, 6, 9, 9, 13, 30}
)

// Columns of the 汇总 table by index.
const (
	sUnit       = 1
	sLights     = 6 // the first light
	sCompletion = 10
	sEmpty      = 13
)

// The 汇总 sheet's rows: title, totals, dates, then the header.
const summaryHeaderRow = 4

// chartOnItsOwnPage is the number of units above which the chart is
// printed from a new page.
const chartOnItsOwnPage = 15

// The completion chart: a bar of chartBar pixels a unit under a title of
// chartHead pixels, in a chart of at most chartPage pixels as excelize
// measures it (rows of 18 pixels). Excel, WPS and LibreOffice draw those
// rows at 20 pixels, so the chart prints about a ninth taller: 580 pixels
// at most, and a landscape A4 page holds about 620 below the repeated
// header row, at the sheet's print scale of 1. Units that do not fit are
// spread evenly over more charts, each on a page of its own.
const (
	chartBar  = 16
	chartHead = 100
	chartPage = 520
	// chartUnits is the most units a chart holds, their bars squeezed to
	// 13 pixels, still above the 12 pixels of their 9-point names.
	chartUnits = (chartPage - chartHead) / 13
)

// chartHeight is the height in pixels of a chart of n units.
func chartHeight(n int) int {
	return max(320, min(chartPage, chartHead+chartBar*n))
}

// summaryUnits are the ledger's units in the 汇总 table's order: the units
// that lead tasks first, then those that only co-operate (no completion
// rate, no bar), each in the ledger's order. The chart draws the first.
func summaryUnits(l *ledger.Ledger) (units []*ledger.UnitSummary, leading int) {
	for _, u := range l.Units {
		if u.Led > 0 {
			units = append(units, u)
		}
	}
	leading = len(units)
	for _, u := range l.Units {
		if u.Led == 0 {
			units = append(units, u)
		}
	}
	return units, leading
}

// writeSummary sets the 汇总 sheet up and streams its columns and
// charts; its rows are left for later, when the workbook is saved.
func writeSummary(f *excelize.File, st *styles, later *cells.Later, l *ledger.Ledger) error {
	units, leading := summaryUnits(l)
	first := summaryHeaderRow + 1
	totalRow := first + len(units)
	sw, err := startSummary(f, st, len(units), leading, totalRow)
	if err != nil {
		return err
	}
	// The title rows above the header.
	for row := 1; row < summaryHeaderRow; row++ {
		if err := mergeTitle(sw, row, len(summaryHeaders)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return later.Rows(SheetSummary, func(rw *cells.RowWriter) error {
		if err := writeSummaryTitles(rw, st, l); err != nil {
			return err
		}
		if err := writeSummaryHeader(rw, st); err != nil {
			return err
		}
		sum, compliance, err := writeSummaryUnits(rw, st, units, first)
		if err != nil {
			return err
		}
		return writeSummaryTotal(rw, st, sum, compliance, totalRow)
	})
}

// startSummary sets up the 汇总 sheet for n units, the first leading of
// them with tasks to lead, whose table ends at totalRow: its size, print
// setup, column widths, the completion charts below the table, frozen
// header rows. It returns the sheet's stream writer, ready for the rows.
func startSummary(f *excelize.File, st *styles, n, leading, totalRow int) (*excelize.StreamWriter, error) {
	const sheet = SheetSummary
	lastCol := len(summaryHeaders)
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", colName(lastCol), totalRow)); err != nil {
		return nil, err
	}
	if err := printSetup(f, sheet, paperA4, fmt.Sprintf("$%d:$%d", summaryHeaderRow, summaryHeaderRow), ""); err != nil {
		return nil, err
	}
	chartRow := totalRow + 2
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range summaryWidths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	// After the column widths, from which excelize works out the cell a
	// chart ends in.
	if err := addCompletionCharts(f, sw, leading, chartRow); err != nil {
		return nil, err
	}
	if err := sw.SetColStyle(1, lastCol, st.column); err != nil {
		return nil, err
	}
	if err := sw.SetPanes(frozenRows(summaryHeaderRow)); err != nil {
		return nil, err
	}
	return sw, nil
}

// writeSummaryTitles writes the 汇总 sheet's rows above the header: the
// title, the totals line and the dates line.
func writeSummaryTitles(rw *cells.RowWriter, st *styles, l *ledger.Ledger) error {
	lastCol := len(summaryHeaders)
	var width float64
	for _, w := range summaryWidths {
		width += w
	}
	if err := titleRow(rw, 1, lastCol, st.title, sheetTitle(l, SheetSummary), 36); err != nil {
		return err
	}
	totals := totalsText(l)
	if err := titleRow(rw, 2, lastCol, st.info, totals, float64(cells.LineCount(totals, width))*lineHeight+8); err != nil {
		return err
	}
	return titleRow(rw, 3, lastCol, st.info, datesText(l), lineHeight+8)
}

// writeSummaryHeader writes the 汇总 table's header row, each light's
// column in its light's colour.
func writeSummaryHeader(rw *cells.RowWriter, st *styles) error {
	header := make([]excelize.Cell, len(summaryHeaders))
	for i, h := range summaryHeaders {
		style := st.header
		if i >= sLights && i < sLights+len(ledger.Lights) {
			style = st.light[ledger.Lights[i-sLights]]
		}
		header[i] = text(style, h)
	}
	return rw.Row(summaryHeaderRow, 30, header)
}

// writeSummaryUnits writes one row per unit from row first on, and
// returns the sums of the rows' columns and the count of each
// compliance, for the 合计 row.
func writeSummaryUnits(rw *cells.RowWriter, st *styles, units []*ledger.UnitSummary, first int) (ledger.UnitSummary, map[ledger.Compliance]int, error) {
	lastCol := len(summaryHeaders)
	var sum ledger.UnitSummary
	sum.Lights = map[ledger.Light]int{}
	compliance := map[ledger.Compliance]int{}
	for i, u := range units {
		sum.Led += u.Led
		sum.CoTasks += u.CoTasks
		sum.Reported += u.Reported
		sum.Done += u.Done
		for _, lt := range ledger.Lights {
			sum.Lights[lt] += u.Lights[lt]
		}
		compliance[u.Compliance]++
		empty := strings.Join(u.EmptyTasks, "、")
		cells := append([]excelize.Cell{{StyleID: st.count, Value: i + 1}, text(st.text, u.Unit)}, countCells(st.count, u)...)
		// A unit that leads nothing has no completion rate, and no bar.
		completion := excelize.Cell{StyleID: st.ratio}
		if u.Led > 0 {
			completion.Value = u.Completion
		}
		cells = append(cells,
			completion,
			text(st.center, string(u.Compliance)),
			text(st.center, period.ChineseDay(u.ReturnDate)),
			text(st.text, empty),
		)
		texts := make([]string, lastCol)
		texts[sUnit], texts[sEmpty] = u.Unit, empty
		if err := rw.Row(first+i, rowHeight(texts, summaryWidths), cells); err != nil {
			return sum, nil, err
		}
	}
	return sum, compliance, nil
}

// countCells are the count columns of a unit's row and of the 合计 row:
// tasks led, co-operated, reported and done, then each light.
func countCells(style int, u *ledger.UnitSummary) []excelize.Cell {
	cells := []excelize.Cell{
		{StyleID: style, Value: u.Led},
		{StyleID: style, Value: u.CoTasks},
		{StyleID: style, Value: u.Reported},
		{StyleID: style, Value: u.Done},
	}
	for _, lt := range ledger.Lights {
		cells = append(cells, excelize.Cell{StyleID: style, Value: u.Lights[lt]})
	}
	return cells
}

// writeSummaryTotal writes the 合计 row at row totalRow. The 合计 row adds
// up its columns, as people check it; a task with two lead units counts
// twice, unlike in the totals line above the table.
func writeSummaryTotal(rw *cells.RowWriter, st *styles, sum ledger.UnitSummary, compliance map[ledger.Compliance]int, totalRow int) error {
	completion := 0.0
	if sum.Led > 0 {
		completion = math.Round(float64(sum.Done)/float64(sum.Led)*1000) / 1000
	}
	cells := append([]excelize.Cell{{StyleID: st.total}, text(st.total, "合计")}, countCells(st.totalCount, &sum)...)
	cells = append(cells,
		excelize.Cell{StyleID: st.totalRatio, Value: completion},
		text(st.total, fmt.Sprintf("按时 %d\n迟报 %d\n未报 %d", compliance[ledger.OnTime], compliance[ledger.Late], compliance[ledger.Missing])),
		excelize.Cell{StyleID: st.total},
		excelize.Cell{StyleID: st.total},
	)
	return rw.Row(totalRow, 3*lineHeight+4, cells)
}

// totalsText is the line of overall figures under the 汇总 title.
func totalsText(l *ledger.Ledger) string {
	t := l.Totals
	lights := make([]string, len(ledger.Lights))
	for i, lt := range ledger.Lights {
		lights[i] = fmt.Sprintf("%s灯 %d 项", lt, t.Lights[lt])
	}
	s := fmt.Sprintf("任务 %d 项，已报送 %d 项，已完成 %d 项（按序时推进 %d 项，滞后或未启动 %d 项），完成率 %s；%s；应报单位 %d 个：按时 %d 个，迟报 %d 个，未报 %d 个",
		t.Tasks, t.Reported, t.Done, t.OnSchedule, t.Behind, percentText(t.Completion),
		strings.Join(lights, "，"), t.Units, t.OnTime, t.Late, t.MissingN)
	if n := t.Used + t.Superseded + t.Rejected; n > 0 {
		s += fmt.Sprintf("；收到填报表 %d 份（采用 %d 份，已被替代 %d 份，不可用 %d 份）", n, t.Used, t.Superseded, t.Rejected)
	}
	return s + "。"
}

// datesText is the line of dates: the period's end, the return deadline and
// when the ledger was made.
func datesText(l *ledger.Ledger) string {
	var parts []string
	if l.PeriodEnd != "" {
		parts = append(parts, "统计截至："+period.ChineseDay(l.PeriodEnd))
	}
	if l.Due != "" {
		parts = append(parts, "报送截止："+period.ChineseDay(l.Due))
	}
	if l.Generated != "" {
		parts = append(parts, "生成时间："+period.ChineseTime(l.Generated))
	}
	return strings.Join(parts, "　　")
}

// addCompletionCharts puts below the table, from row on, bar charts of the
// 完成率 of the first n units of the table, at most chartUnits to a chart.
// A chart of more than chartOnItsOwnPage units starts on a new page, and
// each chart fits on one page.
func addCompletionCharts(f *excelize.File, sw *excelize.StreamWriter, n, row int) error {
	parts := (n + chartUnits - 1) / chartUnits
	for c := range parts {
		from, to := c*n/parts, (c+1)*n/parts
		m := to - from
		if c > 0 || n > chartOnItsOwnPage {
			if err := sw.InsertPageBreak(cells.CellName(1, row-1)); err != nil {
				return err
			}
		}
		title := "各单位任务完成率"
		if parts > 1 {
			title += fmt.Sprintf("（%d/%d）", c+1, parts)
		}
		if err := addCompletionChart(f, title, summaryHeaderRow+1+from, m, row); err != nil {
			return err
		}
		// Rows below the table keep the default height of 18 pixels.
		row += chartHeight(m)/18 + 2
	}
	return nil
}

// addCompletionChart puts a bar chart of the 完成率 of the n units from
// table row first on at row. Bars are horizontal so that long unit names
// stay readable.
func addCompletionChart(f *excelize.File, title string, first, n, row int) error {
	last := first + n - 1
	unitCol, valueCol := colName(sUnit+1), colName(sCompletion+1)
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", SheetSummary, col, first, col, last)
	}
	// The chart starts in column B and ends with the table.
	var width float64
	for _, w := range summaryWidths[1:] {
		width += w
	}
	height := chartHeight(n)
	maxRatio, minRatio := 1.0, 0.0
	show, vary := true, false
	axisFont := excelize.Font{Family: fontFamily, Size: 9, Color: "262626"}
	return f.AddChart(SheetSummary, cells.CellName(2, row), &excelize.Chart{
		Type:       excelize.Bar,
		VaryColors: &vary,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("'%s'!$%s$%d", SheetSummary, valueCol, summaryHeaderRow),
			Categories: ref(unitCol),
			Values:     ref(valueCol),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
			DataLabel:  excelize.ChartDataLabel{Font: axisFont},
		}},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: fontFamily, Size: 14, Bold: true, Color: "262626"}}}},
		Legend: excelize.ChartLegend{Position: "none"},
		// The first unit at the top, as in the table.
		XAxis: excelize.ChartAxis{ReverseOrder: true, TickLabelSkip: 1, Font: axisFont},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Maximum: &maxRatio, Minimum: &minRatio, MajorUnit: 0.2,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Font: axisFont},
		PlotArea: excelize.ChartPlotArea{ShowVal: show, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"}},
		Format:   excelize.GraphicOptions{AltText: "各单位任务完成率"},
		Dimension: excelize.ChartDimension{
			// Column widths are in characters of about 7 pixels.
			Width:  uint(width*7) - 10,
			Height: uint(height),
		},
	})
}
