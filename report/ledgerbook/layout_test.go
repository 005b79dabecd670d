package ledgerbook

import (
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/xuri/excelize/v2"
)

func TestLayout(t *testing.T) {
	b := writeBytes(t, testLedger())
	f := testkit.OpenBytes(t, b)
	if got, want := f.GetSheetList(), []string{SheetSummary, SheetLedger, SheetTargets, SheetMissing, SheetFindings, SheetHidden}; !slices.Equal(got, want) {
		t.Errorf("sheets = %q; want %q", got, want)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d; want 0 (汇总)", got)
	}
	workbook := testkit.ZipEntry(t, b, "xl/workbook.xml")
	if !strings.Contains(workbook, `state="veryHidden"`) || strings.Count(workbook, "state=") != 1 {
		t.Errorf("only the data sheet should be hidden, very hidden: %s", workbook)
	}
	ledgerXML := testkit.ZipEntry(t, b, "xl/worksheets/sheet2.xml")
	for _, want := range []string{
		`<autoFilter ref="$A$2:$T$16">`, // the hidden ID columns sort with their rows
		`<pane activePane="bottomLeft" state="frozen" topLeftCell="A3" ySplit="2">`,
		`<mergeCell ref="A1:R1"/>`, // the title centres over the printed columns
		`paperSize="8"`, `orientation="landscape"`, `fitToWidth="1"`, `fitToHeight="0"`,
		`<oddHeader>&amp;C2024年第四季度总台账</oddHeader>`,
		`<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>`,
		`<formula1>"已完成,按序时推进,滞后,未启动,持续推进"</formula1>`,
	} {
		if !strings.Contains(ledgerXML, want) {
			t.Errorf("总台账 sheet XML lacks %s", want)
		}
	}
	for _, col := range []string{"S", "T"} {
		if v, _ := f.GetColVisible(SheetLedger, col); v {
			t.Errorf("column %s is visible; want the machine columns hidden", col)
		}
	}
	for i, sheet := range []string{SheetSummary, SheetTargets, SheetMissing, SheetFindings} {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || *pl.Size != paperA4 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 {
			t.Errorf("%s page layout = %+v, %v; want A4 landscape fit to width", sheet, pl, err)
		}
		if hf, _ := f.GetHeaderFooter(sheet); hf == nil || !strings.Contains(hf.OddFooter, "&P") {
			t.Errorf("%s has no page number footer", sheet)
		}
		if xml := testkit.ZipEntry(t, b, "xl/worksheets/sheet"+strconv.Itoa(i+1+min(i, 1))+".xml"); !strings.Contains(xml, `<pageSetUpPr fitToPage="true">`) {
			t.Errorf("%s does not fit to the page", sheet)
		}
	}
	if !strings.Contains(ledgerXML, `<pageSetUpPr fitToPage="true">`) {
		t.Errorf("总台账 does not fit to the page")
	}
	chart := testkit.ZipEntry(t, b, "xl/charts/chart1.xml")
	for _, want := range []string{`<barDir val="bar">`, `<grouping val="clustered">`, `各单位任务完成率`, `&#39;汇总&#39;!$K$5:$K$8`, `&#39;汇总&#39;!$B$5:$B$8`} {
		if !strings.Contains(chart, want) {
			t.Errorf("chart lacks %s", want)
		}
	}
	for _, unwanted := range []string{"bar3DChart", "lineChart"} {
		if strings.Contains(chart, unwanted) {
			t.Errorf("chart has %s; want a plain bar chart", unwanted)
		}
	}
	// Only yellow and red lights are explained in comments.
	comments, _ := f.GetComments(SheetLedger)
	if len(comments) != 2 {
		t.Errorf("got %d comments; want 2 (one yellow, one red light)", len(comments))
	}
}

var anchorRe = regexp.MustCompile(`<xdr:from><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>.*?<xdr:to><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>`)

// With many units the chart is cut evenly into charts of at most chartUnits
// units, each tall enough for a readable bar a unit and short enough for one page,
// each starting a page of its own.
func TestChartsFitPages(t *testing.T) {
	b := writeBytes(t, syntheticLedger(200, 100))
	anchors := anchorRe.FindAllStringSubmatch(testkit.ZipEntry(t, b, "xl/drawings/drawing1.xml"), -1)
	if len(anchors) != 4 {
		t.Fatalf("%d charts for 100 units; want 4 of at most %d", len(anchors), chartUnits)
	}
	last := 0
	for i, m := range anchors {
		n := make([]int, 4)
		for k := range n {
			n[k], _ = strconv.Atoi(m[k+1])
		}
		// Columns B to N, the table's width. The anchor's rows are 20 px
		// as Excel, WPS and LibreOffice draw them (excelize reckons 18).
		if n[0] != 1 || n[2] != 13 {
			t.Errorf("chart %d spans columns %d to %d; want 1 to 13 (B to N, as the table)", i+1, n[0], n[2])
		}
		units := 25
		if rows := n[3] - n[1]; rows*18 < units*13 || rows*20 > 600 {
			t.Errorf("chart %d spans %d rows for %d units; want 13 px a unit and one page (600 px printed) at most", i+1, rows, units)
		}
		if n[1] <= last {
			t.Errorf("chart %d starts at row %d, inside the one before (ends %d)", i+1, n[1], last)
		}
		last = n[3]
	}
	if sheet := testkit.ZipEntry(t, b, "xl/worksheets/sheet1.xml"); !strings.Contains(sheet, `<rowBreaks count="4"`) {
		t.Errorf("want a page break before each of the 4 charts")
	}
	for i, want := range []string{"$B$5:$B$29", "$B$30:$B$54", "$B$55:$B$79", "$B$80:$B$104"} {
		if chart := testkit.ZipEntry(t, b, "xl/charts/chart"+strconv.Itoa(i+1)+".xml"); !strings.Contains(chart, want) || !strings.Contains(chart, "各单位任务完成率（"+strconv.Itoa(i+1)+"/4）") {
			t.Errorf("chart %d does not draw %s under its numbered title", i+1, want)
		}
	}
}

// TestPrintSize: every sheet's 10.5-point text prints at 9 points or more
// on its paper, fitted to the width (the 总台账 printed at about 7.5 on A3
// and the ranking at 7.5 on portrait A4 before).
func TestPrintSize(t *testing.T) {
	l := testLedger()
	ranked := testkit.OpenBytes(t, writeRankedBytes(t, l, testRanking(t, l)))
	big := testkit.OpenBytes(t, writeBytes(t, syntheticLedger(200, 100)))
	for _, f := range []*excelize.File{ranked, big} {
		printSize(t, f)
	}
}

func printSize(t *testing.T, f *excelize.File) {
	for _, sheet := range f.GetSheetList() {
		if v, _ := f.GetSheetVisible(sheet); !v {
			continue
		}
		got := testkit.PrintedPoints(t, f, sheet, fontSize)
		t.Logf("%s prints its %g-point text at %.2f points", sheet, fontSize, got)
		if got < 9 {
			t.Errorf("%s prints its %g-point text at %.1f points; want 9 or more", sheet, fontSize, got)
		}
	}
}

// TestSectionRowCount: a table made as it is written that gives more or
// fewer rows than it was laid out for fails the workbook, rather than
// leave rows under the next table or a filter and dimension that miss
// some.
func TestSectionRowCount(t *testing.T) {
	for _, given := range []int{1, 2, 3} {
		s := section{headers: []string{"单位"}, n: 2}
		s.each = func(yield func([]excelize.Cell) bool) {
			for range given {
				if !yield([]excelize.Cell{{Value: "市统计局"}}) {
					return
				}
			}
		}
		p := &plainSheet{name: "表", title: "表", widths: []float64{10}, filter: true, sections: []section{s, {headers: []string{"下表"}}}}
		err := cells.WriteBook(io.Discard, "测试", func(f *excelize.File, later *cells.Later) error {
			if _, err := f.NewSheet(p.name); err != nil {
				return err
			}
			st, err := newStyles(f)
			if err != nil {
				return err
			}
			return p.write(f, st, later)
		})
		if (err == nil) != (given == s.n) {
			t.Errorf("%d rows laid out for %d: error %v", given, s.n, err)
		}
	}
}
