package ledgerbook

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func writeYearBytes(t testing.TB, y *history.Year, ledgers []*ledger.Ledger) []byte {
	t.Helper()
	return testkit.Written(t, func(w io.Writer) error { return WriteYear(w, y, ledgers) })
}

func TestYearWorkbook(t *testing.T) {
	ledgers := smallYear(t)
	y := history.Build(ledgers, score.Defaults, smallOrder)
	f := testkit.OpenBytes(t, writeYearBytes(t, y, ledgers))
	checkYear(t, f, y, ledgers)
	if p, _ := f.GetDocProps(); p.Created != "2024-12-06T08:00:00Z" || p.Title != "2024年度考核" {
		t.Errorf("props created %s title %q; want the last ledger's time and 2024年度考核", p.Created, p.Title)
	}
}

// A year of 12 monthly ledgers: every sheet holds together.
func TestYearWorkbookSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("large year")
	}
	ledgers, names := synthYear(t, 12, 300, 20)
	y := history.Build(ledgers, score.Defaults, names)
	f := testkit.OpenBytes(t, writeYearBytes(t, y, ledgers))
	checkYear(t, f, y, ledgers)
}

// checkYear compares every sheet of a year workbook with y and ledgers.
func checkYear(t *testing.T, f *excelize.File, y *history.Year, ledgers []*ledger.Ledger) {
	t.Helper()
	want := []string{SheetAnnual, SheetRankingEvents, SheetRankTrend, SheetTaskTrend, SheetCompletionTrend, SheetCarriedOver}
	for _, p := range y.Periods {
		want = append(want, p.Label)
	}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q; want %q", got, want)
	}
	if f.GetSheetName(f.GetActiveSheetIndex()) != SheetAnnual {
		t.Errorf("active sheet %q", f.GetSheetName(f.GetActiveSheetIndex()))
	}
	labels := map[string]string{}
	for _, p := range y.Periods {
		labels[p.Key] = p.Label
	}
	checkRanking(t, f, SheetAnnual, y.Annual, nil)
	checkEvents(t, f, SheetRankingEvents, y.Annual, labels)
	checkRankTrend(t, f, y)
	checkTaskTrend(t, f, y)
	checkCompletionTrend(t, f, y, ledgers)

	grid := testkit.Grid(t, f, SheetCarriedOver)
	hr, col := headerIndex(t, grid, "编号", "任务", "状态", "亮灯")
	var got, wantLabels []string
	for _, row := range grid[hr+1:] {
		got = append(got, at(row, col["编号"])+" "+at(row, col["状态"]))
	}
	for _, tl := range y.CarriedOver {
		wantLabels = append(wantLabels, tl.Label+" "+string(tl.Final))
	}
	if !slices.Equal(got, wantLabels) {
		t.Errorf("%s lists %q; want %q", SheetCarriedOver, got, wantLabels)
	}

	for i, l := range ledgers {
		sheet := y.Periods[i].Label
		grid := testkit.Grid(t, f, sheet)
		hr, col := headerIndex(t, grid, "编号", "任务", "牵头单位", "进展", "进度(%)", "序时进度(%)", "状态", "亮灯", "复核意见")
		rows := grid[hr+1:]
		if len(rows) != len(l.Rows) {
			t.Fatalf("%s: %d task rows; want %d", sheet, len(rows), len(l.Rows))
		}
		for j, r := range l.Rows {
			row := rows[j]
			status := string(r.Effective())
			if r.Override != "" && r.Override != string(r.Status) {
				status += "（核定）"
			}
			if at(row, col["编号"]) != r.Label || at(row, col["亮灯"]) != string(r.Light) ||
				at(row, col["复核意见"]) != r.Review || at(row, col["状态"]) != status {
				t.Errorf("%s row %d: %q; want task %s light %s status %s review %q", sheet, hr+2+j, row, r.Label, r.Light, status, r.Review)
			}
			if pct := at(row, col["进度(%)"]); r.Percent != nil && pct != strconv.FormatFloat(*r.Percent, 'f', -1, 64) || r.Percent == nil && pct != "" {
				t.Errorf("%s row %d: 进度 %q; want %v", sheet, hr+2+j, pct, deref64(r.Percent))
			}
		}
	}
}

func checkRankTrend(t *testing.T, f *excelize.File, y *history.Year) {
	t.Helper()
	grid := testkit.Grid(t, f, SheetRankTrend)
	hr, _ := headerIndex(t, grid, "名次", "升降")
	rankings := append(append([]*history.Ranking{}, y.Rankings...), y.Quarters...)
	// Three leading columns, then 名次 and 升降 per ranking.
	if n := 3 + 2*len(rankings); len(grid[hr]) != n {
		t.Fatalf("%s: %d header columns; want %d", SheetRankTrend, len(grid[hr]), n)
	}
	top := grid[hr-1]
	rows := grid[hr+1:]
	if len(rows) != len(y.Annual.Units) {
		t.Fatalf("%s: %d unit rows; want %d", SheetRankTrend, len(rows), len(y.Annual.Units))
	}
	for k, rk := range rankings {
		c := 3 + 2*k
		if label := at(top, c); !strings.HasSuffix(rk.Label, label) || label == "" {
			t.Errorf("%s: column %s headed %q; want %s", SheetRankTrend, colName(c+1), label, rk.Label)
		}
		byUnit := map[string]history.Standing{}
		for _, s := range rk.Standings {
			byUnit[s.Unit] = s
		}
		for i, row := range rows {
			unit := at(row, 1)
			if i < len(y.Annual.Units) && unit != y.Annual.Units[i].Unit {
				t.Fatalf("%s row %d: unit %q; want %q", SheetRankTrend, hr+2+i, unit, y.Annual.Units[i].Unit)
			}
			want := []string{"", ""}
			if s, ok := byUnit[unit]; ok {
				want = []string{strconv.Itoa(s.Rank), s.Arrow()}
			}
			if got := []string{at(row, c), at(row, c+1)}; !slices.Equal(got, want) {
				t.Errorf("%s %s %s: %q; want %q", SheetRankTrend, unit, rk.Label, got, want)
			}
		}
	}
}

func checkTaskTrend(t *testing.T, f *excelize.File, y *history.Year) {
	t.Helper()
	grid := testkit.Grid(t, f, SheetTaskTrend)
	hr, col := headerIndex(t, grid, "编号", "任务", "牵头单位", "最终状态", "结转")
	rows := grid[hr+1:]
	if len(rows) != len(y.Tasks) {
		t.Fatalf("%s: %d task rows; want %d", SheetTaskTrend, len(rows), len(y.Tasks))
	}
	carried := map[string]bool{}
	for _, tl := range y.CarriedOver {
		carried[tl.TaskID] = true
	}
	for i, tl := range y.Tasks {
		row, r := rows[i], hr+2+i
		if at(row, col["编号"]) != tl.Label || at(row, col["最终状态"]) != string(tl.Final) {
			t.Errorf("%s row %d: %q; want task %s final %s", SheetTaskTrend, r, row, tl.Label, tl.Final)
		}
		if got := at(row, col["结转"]) == "是"; got != carried[tl.TaskID] {
			t.Errorf("%s row %d: carried over %v; want %v", SheetTaskTrend, r, got, carried[tl.TaskID])
		}
		for p, light := range tl.Lights {
			c := 3 + p
			if got := at(row, c); got != string(light) {
				t.Errorf("%s row %d period %d: light %q; want %q", SheetTaskTrend, r, p, got, light)
			}
			cell := cellName(c+1, r)
			if fill, want := cellFill(t, f, SheetTaskTrend, cell), lightColors[light].fill; fill != want {
				t.Errorf("%s %s (%s): fill %q; want %q", SheetTaskTrend, cell, light, fill, want)
			}
		}
	}
}

func checkCompletionTrend(t *testing.T, f *excelize.File, y *history.Year, ledgers []*ledger.Ledger) {
	t.Helper()
	grid := testkit.Grid(t, f, SheetCompletionTrend)
	hr, _ := headerIndex(t, grid, "单位")
	rows := grid[hr+1:]
	if len(rows) != 1+len(y.Units) || at(rows[0], 0) != "全部任务" {
		t.Fatalf("%s: %d rows starting %q; want 全部任务 and %d units", SheetCompletionTrend, len(rows), at(rows[0], 0), len(y.Units))
	}
	for i, l := range ledgers {
		done := 0
		for _, r := range l.Rows {
			if r.Effective() == "已完成" {
				done++
			}
		}
		if got, _ := strconv.ParseFloat(at(rows[0], 1+i), 64); math.Abs(got-float64(done)/float64(len(l.Rows))) > 1e-9 {
			t.Errorf("%s: overall %s = %v; want %d/%d", SheetCompletionTrend, y.Periods[i].Label, got, done, len(l.Rows))
		}
		led := map[string]int{}
		for _, u := range l.Units {
			led[u.Unit] = u.Led
		}
		for j, u := range y.Units {
			row := rows[1+j]
			got, err := strconv.ParseFloat(at(row, 1+i), 64)
			switch {
			case at(row, 0) != u.Unit:
				t.Errorf("%s row %d: unit %q; want %q", SheetCompletionTrend, hr+3+j, at(row, 0), u.Unit)
			case led[u.Unit] == 0 && at(row, 1+i) != "":
				t.Errorf("%s %s %s: %q; want blank (no led tasks)", SheetCompletionTrend, u.Unit, y.Periods[i].Label, at(row, 1+i))
			case led[u.Unit] > 0 && (err != nil || math.Abs(got-u.Completion[i]) > 1e-12):
				t.Errorf("%s %s %s: %q; want %v", SheetCompletionTrend, u.Unit, y.Periods[i].Label, at(row, 1+i), u.Completion[i])
			}
		}
	}
}

func TestYearGolden(t *testing.T) {
	ledgers := smallYear(t)
	y := history.Build(ledgers, score.Defaults, smallOrder)
	testkit.GoldenWorkbook(t, "year", func(path string) error { return WriteYearFile(path, y, ledgers) }, dump)
}

// One period: no chart (a line needs two points), no quarters.
func TestYearOnePeriod(t *testing.T) {
	ledgers := smallYear(t)[2:]
	y := history.Build(ledgers, score.Defaults, nil)
	path := filepath.Join(t.TempDir(), "year.xlsx")
	if err := WriteYearFile(path, y, ledgers); err != nil {
		t.Fatal(err)
	}
	if charts := testkit.ChartParts(t, path); len(charts) != 0 {
		t.Errorf("one period drew %d charts", len(charts))
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	checkYear(t, f, y, ledgers)
}

func TestWriteYearFileErrors(t *testing.T) {
	dir := t.TempDir()
	ledgers := smallYear(t)
	y := history.Build(ledgers, score.Defaults, nil)
	if err := WriteYearFile(filepath.Join(dir, "missing", "年度.xlsx"), y, ledgers); err == nil {
		t.Error("WriteYearFile into a missing directory succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("WriteYearFile left files behind: %v", entries)
	}
}

func TestSheetName(t *testing.T) {
	long := strings.Repeat("长", 40)
	tests := []struct {
		label string
		used  []string
		want  string
	}{
		{"2024年第一季度", nil, "2024年第一季度"},
		{"2024/11:月?*[x]", nil, "2024／11：月？＊【x】"},
		{`a\b`, nil, "a＼b"},
		{"'引号'", nil, "引号"},
		{"", nil, "期次"},
		{"history", nil, "期次"},
		{long, nil, strings.Repeat("长", 31)},
		{"2024年11月", []string{"2024年11月"}, "2024年11月(2)"},
		{"ABC", []string{"abc", "abc(2)"}, "ABC(3)"},
		{long, []string{strings.Repeat("长", 31)}, strings.Repeat("长", 28) + "(2)"},
		{strings.Repeat("𫖮", 20), nil, strings.Repeat("𫖮", 15)},
	}
	for _, tt := range tests {
		used := map[string]bool{}
		for _, u := range tt.used {
			used[u] = true
		}
		got := sheetName(tt.label, used)
		if got != tt.want {
			t.Errorf("sheetName(%q, %q) = %q; want %q", tt.label, tt.used, got, tt.want)
		}
		if n := len(utf16.Encode([]rune(got))); n > 31 {
			t.Errorf("sheetName(%q) is %d UTF-16 units long", tt.label, n)
		}
		if !used[strings.ToLower(got)] {
			t.Errorf("sheetName(%q) did not record %q as used", tt.label, got)
		}
	}
}

// The workbook has a sheet per period whose ledger it is given; a period
// without one is skipped, and a label Excel would refuse is made valid.
func TestYearSheetNames(t *testing.T) {
	ledgers := smallYear(t)
	y := history.Build(ledgers, score.Defaults, nil)
	y.Periods[1].Label = "10月/第二批"
	f := testkit.OpenBytes(t, writeYearBytes(t, y, []*ledger.Ledger{ledgers[0], ledgers[2]}))
	want := []string{SheetAnnual, SheetRankingEvents, SheetRankTrend, SheetTaskTrend, SheetCompletionTrend, SheetCarriedOver, "2024年9月", "2024年11月"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %q; want %q", got, want)
	}
	f = testkit.OpenBytes(t, writeYearBytes(t, y, ledgers))
	if got := f.GetSheetList()[7]; got != "10月／第二批" {
		t.Errorf("sheet for 10月/第二批 named %q", got)
	}
}

// BenchmarkWriteYear12x2000 writes the year workbook of 12 monthly ledgers
// of 2,000 tasks and 150 units: 18 sheets, 2,000-row trend sheets and
// 24,000 ledger rows.
func BenchmarkWriteYear12x2000(b *testing.B) {
	ledgers, names := synthYear(b, 12, 2000, 150)
	y := history.Build(ledgers, score.Defaults, names)
	b.ReportAllocs()
	benchWrite(b, func(w io.Writer) error { return WriteYear(w, y, ledgers) })
}

// BenchmarkWriteRanked5000 is BenchmarkWrite5000 with the period's
// ranking.
func BenchmarkWriteRanked5000(b *testing.B) {
	l := syntheticLedger(5000, 100)
	rk := history.Build([]*ledger.Ledger{l}, score.Defaults, nil).Rankings[0]
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := WriteRanked(&bytes.Buffer{}, l, rk); err != nil {
			b.Fatal(err)
		}
	}
}

// cellFill is the colour of a cell's solid fill, "" for none. It reads the
// style sheet itself: GetStyle does not see the colours of a file saved
// by LibreOffice, which writes them with an alpha byte (FFC6EFCE).
func cellFill(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.GetStyle(id); err != nil { // loads f.Styles
		t.Fatal(err)
	}
	xf := f.Styles.CellXfs.Xf[id]
	if xf.FillID == nil || *xf.FillID >= len(f.Styles.Fills.Fill) {
		return ""
	}
	pf := f.Styles.Fills.Fill[*xf.FillID].PatternFill
	if pf == nil || pf.PatternType != "solid" || pf.FgColor == nil {
		return ""
	}
	rgb := strings.ToUpper(pf.FgColor.RGB)
	if len(rgb) == 8 {
		rgb = rgb[2:]
	}
	return rgb
}
