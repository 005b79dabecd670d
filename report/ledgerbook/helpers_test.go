package ledgerbook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func pct(v float64) *float64 { return &v }

// testLedger is a ledger of two documents with every kind of value the
// workbook must carry: headings at several levels, all four lights,
// co-units' reports, targets with attainment, a previous period, the
// office's columns, returns with problems and text that looks like a
// formula.
func testLedger() *ledger.Ledger {
	const doc1 = "关于印发《泰州市创新驱动发展实施方案》的通知"
	return &ledger.Ledger{
		Title: "泰州市创新驱动发展实施方案等 2 个文件", Period: "2024-Q4", PeriodLabel: "2024年第四季度",
		PeriodEnd: "2024-12-31", Due: "2025-01-05", Generated: "2025-01-06T07:30:12Z",
		Rows: []*ledger.Row{
			{
				TaskID: "D1-二.(一)", DocID: "D1", DocTitle: doc1, Label: "二(一)", Path: []string{"二", "(一)"},
				Headings: []string{"主要目标"}, Kind: task.KindTarget, Title: "创新能力",
				Text: "到2020年，R&D经费支出占地区生产总值比例提高到2.8%以上，高新技术企业超过1000家。",
				Lead: []string{"市科技局"}, Co: []string{"市统计局", "市财政局"}, Deadline: "到2020年", DueDate: "2020-12-31",
				Targets: []ledger.TargetProgress{
					{Target: task.Target{Text: "R&D经费支出占地区生产总值比例提高到2.8%以上", Indicator: "R&D经费支出占地区生产总值比例", Op: ">=", Value: 2.8, Unit: "%", Year: 2020},
						Current: pct(2.5), CurrentText: "2.5%，1100家", Attainment: pct(0.893)},
					{Target: task.Target{Text: "高新技术企业超过1000家", Indicator: "高新技术企业", Op: ">", Value: 1000, Unit: "家", Year: 2020},
						Current: pct(1100), CurrentText: "2.5%，1100家", Attainment: pct(1.1)},
				},
				Reported: true, ReportedBy: "市科技局", Source: "市科技局.xlsx", Progress: "R&D投入持续增长。\n新认定高新技术企业 120 家。",
				Percent: pct(80), Status: fillin.StatusOnTrack, Evidence: "统计快报", Expected: 75, Light: ledger.Green,
				LightReason: "进度 80%，序时进度 75%",
				CoReports: []ledger.CoReport{
					{Unit: "市统计局", Reported: true, Status: fillin.StatusOnTrack, Percent: pct(60), Progress: "完成数据采集", Source: "市统计局.xlsx"},
					{Unit: "市财政局"},
				},
				Previous: &ledger.PreviousRow{Percent: pct(65), Status: fillin.StatusBehind, Light: ledger.Yellow},
			},
			{
				TaskID: "D1-三.(二).4", DocID: "D1", DocTitle: doc1, Label: "三(二)4", Path: []string{"三", "(二)", "4"},
				Headings: []string{"重点任务", "加快企业培育"}, Kind: task.KindTask, Title: "加快高成长性企业集群培育",
				Text: "加快高成长性企业集群培育。实施高成长性企业培育计划，每年遴选一批企业重点扶持。",
				Lead: []string{"各县（市、区）人民政府"}, Deadline: "持续推进",
				Reported: true, ReportedBy: "各县（市、区）人民政府", Source: "各县.xlsx", Progress: "遴选企业 30 家。",
				Percent: pct(30), Status: fillin.StatusBehind, Problems: "资金不到位", NextSteps: "争取专项资金",
				Expected: 75, Light: ledger.Red, LightReason: "落后序时进度 45 个百分点",
				Review: "请补充佐证材料", Override: "滞后",
				Previous: &ledger.PreviousRow{Percent: pct(30), Status: fillin.StatusBehind, Light: ledger.Red},
			},
			{
				TaskID: "D1-三.(二).5", DocID: "D1", DocTitle: doc1, Label: "三(二)5", Path: []string{"三", "(二)", "5"},
				Headings: []string{"重点任务", "加快企业培育"}, Kind: task.KindTask, Title: "+1 开头的名称",
				Text: "=SUM(A1:A3) 看起来像公式", Lead: []string{"市发改委"}, Co: []string{"-市工信局"},
				DueDate: "2024-06-30", Status: ledger.NotReported, Expected: 100, Light: ledger.Grey, LightReason: "牵头单位未报送",
				CoReports: []ledger.CoReport{{Unit: "-市工信局", Reported: true, Progress: "@配合推进"}},
			},
			{
				TaskID: "D1-三.(三).1.①", DocID: "D1", DocTitle: doc1, Label: "三(三)1①", Path: []string{"三", "(三)", "1", "①"},
				Headings: []string{"重点任务", "强化创新平台", "研发平台建设"}, Kind: task.KindTask,
				Text: "新增省级研发平台10个。", Lead: []string{"市科技局"},
				Targets:  []ledger.TargetProgress{{Target: task.Target{Text: "新增省级研发平台10个", Indicator: "新增省级研发平台", Op: ">=", Value: 10, Unit: "个", Year: 2024}}},
				Reported: true, ReportedBy: "市科技局", Source: "市科技局.xlsx", Progress: "新增 5 个", Percent: pct(50),
				Status: fillin.StatusOnTrack, Remark: "备注", Expected: 75, Light: ledger.Yellow, LightReason: "落后序时进度 25 个百分点",
				Previous: &ledger.PreviousRow{Percent: pct(35.5), Status: fillin.StatusOnTrack, Light: ledger.Yellow},
			},
			{
				TaskID: "D2-一", DocID: "D2", DocTitle: "2024年全市优化营商环境工作要点", Label: "一", Path: []string{"一"},
				Kind: task.KindTask, Text: "推进“一网通办”，实现高频事项全程网办。",
				Lead: []string{"市政务办", "市大数据局"}, Co: []string{"各市（区）"}, DueDate: "2024-12-31",
				Reported: true, ReportedBy: "市政务办", Source: "市政务办.xlsx", Progress: "已全部实现。", Percent: pct(100),
				Status: fillin.StatusDone, Expected: 100, Light: ledger.Green, LightReason: "已完成",
				CoReports: []ledger.CoReport{{Unit: "市大数据局"}, {Unit: "各市（区）"}},
			},
			{
				TaskID: "D2-二.1", DocID: "D2", DocTitle: "2024年全市优化营商环境工作要点", Label: "二1", Path: []string{"二", "1"},
				Headings: []string{"优化营商环境"}, Kind: task.KindTask, Text: "开展营商环境评价。", Lead: []string{"市发改委"},
				Deadline: "每年", Status: ledger.NotReported, Expected: 100, Light: ledger.Grey, LightReason: "牵头单位未报送",
			},
		},
		Units: []*ledger.UnitSummary{
			{Unit: "市科技局", Led: 2, Reported: 2, Lights: map[ledger.Light]int{ledger.Green: 1, ledger.Yellow: 1},
				Compliance: ledger.OnTime, ReturnDate: "2025-01-03", File: "市科技局.xlsx"},
			{Unit: "各县（市、区）人民政府", Led: 1, Reported: 1, Lights: map[ledger.Light]int{ledger.Red: 1},
				Compliance: ledger.Late, ReturnDate: "2025-01-06", File: "各县.xlsx", EmptyTasks: []string{"三(二)4", "三(三)1①"}},
			{Unit: "市发改委", Led: 2, Lights: map[ledger.Light]int{ledger.Grey: 2}, Compliance: ledger.Missing},
			{Unit: "市政务办", Led: 1, Reported: 1, Done: 1, Lights: map[ledger.Light]int{ledger.Green: 1}, Completion: 1,
				Compliance: ledger.OnTime, ReturnDate: "2025-01-02", File: "市政务办.xlsx"},
			{Unit: "市统计局", CoTasks: 1, Lights: map[ledger.Light]int{}, Compliance: ledger.OnTime, ReturnDate: "2025-01-04", File: "市统计局.xlsx"},
		},
		Intake: []*ledger.Intake{
			{File: "市科技局.xlsx", Unit: "市科技局", Period: "2024-Q4", FilledDate: "2025-01-03", ModTime: "2025-01-03 10:00:00", State: ledger.Used,
				Findings: []fillin.Finding{
					{Level: fillin.LevelWarning, File: "市科技局.xlsx", Sheet: "填报表", Cell: "H7", TaskID: "D1-二.(一)", Msg: "进度“８０％”按 80% 读取"},
					{Level: fillin.LevelInfo, File: "市科技局.xlsx", Msg: "=HYPERLINK(\"x\") 不是公式"},
				}},
			{File: "市科技局（旧）.xlsx", Unit: "市科技局", Period: "2024-Q4", FilledDate: "2025-01-01", State: ledger.Superseded, SupersededBy: "市科技局.xlsx"},
			{File: "未知.xlsx", Unit: "市外办", State: ledger.Rejected,
				Findings: []fillin.Finding{{Level: fillin.LevelError, File: "未知.xlsx", Msg: "填报单位“市外办”在任务分解表中没有任务"}}},
		},
		Missing: []string{"市发改委"},
		Totals: ledger.Totals{Tasks: 6, Reported: 4, Done: 1, OnSchedule: 2, Behind: 1, Unreported: 2,
			Lights:     map[ledger.Light]int{ledger.Green: 2, ledger.Yellow: 1, ledger.Red: 1, ledger.Grey: 2},
			Completion: 0.167, Units: 5, OnTime: 3, Late: 1, MissingN: 1, Used: 1, Superseded: 1, Rejected: 1},
	}
}

func writeBytes(t testing.TB, l *ledger.Ledger) []byte {
	t.Helper()
	return testkit.Written(t, func(w io.Writer) error { return WriteRanked(w, l, nil) })
}

func readBytes(t testing.TB, b []byte) *ledger.Ledger {
	t.Helper()
	l, err := Read("总台账.xlsx", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// normalize makes two ledgers comparable: through JSON, with empty
// slices and maps as nil.
func normalize(t testing.TB, l *ledger.Ledger) any {
	t.Helper()
	b, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case []any:
			if len(x) == 0 {
				return nil
			}
			for i := range x {
				x[i] = walk(x[i])
			}
		case map[string]any:
			for k, e := range x {
				x[k] = walk(e)
				if x[k] == nil {
					delete(x, k)
				}
			}
			if len(x) == 0 {
				return nil
			}
		}
		return v
	}
	return walk(v)
}

func assertLedgerEqual(t testing.TB, got, want *ledger.Ledger) {
	t.Helper()
	testkit.JSONEqual(t, "ledger", normalize(t, got), normalize(t, want))
}

func rowByID(l *ledger.Ledger, id string) *ledger.Row {
	for _, r := range l.Rows {
		if r.TaskID == id {
			return r
		}
	}
	return nil
}

// ledgerCol finds a column of the 总台账 sheet by its header.
func ledgerCol(t testing.TB, f *excelize.File, header string) string {
	t.Helper()
	rows, err := f.GetRows(SheetLedger)
	if err != nil || len(rows) < 2 {
		t.Fatalf("GetRows: %v", err)
	}
	for c, v := range rows[1] {
		if v == header {
			return colName(c + 1)
		}
	}
	t.Fatalf("no column %q in %q", header, rows[1])
	return ""
}

// taskRow finds the row of a task on the 总台账 sheet by its ID.
func taskRow(t testing.TB, f *excelize.File, id string) int {
	t.Helper()
	col := ledgerCol(t, f, "任务编号")
	rows, _ := f.GetRows(SheetLedger)
	for r := range rows {
		if v, _ := f.GetCellValue(SheetLedger, fmt.Sprintf("%s%d", col, r+1)); v == id {
			return r + 1
		}
	}
	t.Fatalf("no row for task %s", id)
	return 0
}

func setCell(t testing.TB, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

// dump renders a workbook as text for comparison: properties, defined
// names, and per sheet its state, settings, merges, validations, comments,
// charts, row heights and every cell with its style summary. Never compare
// .xlsx bytes.
func dump(t testing.TB, path string) string {
	t.Helper()
	f := testkit.OpenRaw(t, path)
	var b strings.Builder
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "# props title=%q subject=%q creator=%q created=%s modified=%s lang=%s\n",
		p.Title, p.Subject, p.Creator, p.Created, p.Modified, p.Language)
	testkit.DumpDefinedNames(&b, f)
	fmt.Fprintf(&b, "# active %s\n", f.GetSheetName(f.GetActiveSheetIndex()))
	charts := testkit.ChartParts(t, path)
	fmt.Fprintf(&b, "# charts %d\n", len(charts))
	for _, c := range charts {
		fmt.Fprintf(&b, "# chart %s\n", c)
	}
	styleCache := map[int]string{}
	for i, sheet := range f.GetSheetList() {
		state := f.WorkBook.Sheets.Sheet[i].State
		fmt.Fprintf(&b, "## %s state=%s\n", sheet, strings.TrimSpace(state+" "))
		if panes, err := f.GetPanes(sheet); err == nil && panes.Freeze {
			fmt.Fprintf(&b, "# panes freeze ysplit=%d top=%s\n", panes.YSplit, panes.TopLeftCell)
		}
		if pl, err := f.GetPageLayout(sheet); err == nil && pl.Size != nil && pl.Orientation != nil && pl.FitToWidth != nil && pl.FitToHeight != nil {
			fmt.Fprintf(&b, "# page size=%d orientation=%s fitWidth=%d fitHeight=%d\n", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
		}
		if hf, err := f.GetHeaderFooter(sheet); err == nil && hf != nil && (hf.OddFooter != "" || hf.OddHeader != "") {
			fmt.Fprintf(&b, "# header %s footer %s\n", hf.OddHeader, hf.OddFooter)
		}
		rows := testkit.Grid(t, f, sheet)
		ncols := 0
		for _, r := range rows {
			ncols = max(ncols, len(r))
		}
		var cols []string
		for c := 1; c <= ncols; c++ {
			w, _ := f.GetColWidth(sheet, colName(c))
			v, _ := f.GetColVisible(sheet, colName(c))
			s := fmt.Sprintf("%s=%g", colName(c), w)
			if !v {
				s += "(hidden)"
			}
			cols = append(cols, s)
		}
		fmt.Fprintf(&b, "# cols %s\n", strings.Join(cols, " "))
		testkit.DumpMerges(&b, f, sheet)
		dvs, _ := f.GetDataValidations(sheet)
		for _, dv := range dvs {
			fmt.Fprintf(&b, "# validation %s type=%s f1=%s prompt=%s/%s error=%s/%s\n", dv.Sqref, dv.Type,
				dv.Formula1, testkit.Deref(dv.PromptTitle), testkit.Deref(dv.Prompt), testkit.Deref(dv.ErrorStyle), testkit.Deref(dv.Error))
		}
		comments, _ := f.GetComments(sheet)
		sort.Slice(comments, func(i, j int) bool { return comments[i].Cell < comments[j].Cell })
		for _, c := range comments {
			fmt.Fprintf(&b, "# comment %s %s\n", c.Cell, testkit.Escape(c.Text))
		}
		for r := 1; r <= len(rows); r++ {
			h, _ := f.GetRowHeight(sheet, r)
			var line []string
			for c := 1; c <= len(rows[r-1]); c++ {
				name := cells.CellName(c, r)
				v := rows[r-1][c-1]
				if rs := []rune(v); sheet == SheetHidden && len(rs) > 60 {
					v = fmt.Sprintf("%s…（共 %d 字）", string(rs[:40]), len(rs))
				}
				id, _ := f.GetCellStyle(sheet, name)
				if v == "" && id == 0 {
					continue
				}
				s, ok := styleCache[id]
				if !ok {
					s = testkit.StyleSummary(f, id, false)
					styleCache[id] = s
				}
				line = append(line, fmt.Sprintf("%s{%s}%s", name, s, testkit.Escape(v)))
			}
			fmt.Fprintf(&b, "%d h=%g\t%s\n", r, h, strings.Join(line, "\t"))
		}
	}
	return b.String()
}

// cellName names the cell at the 1-based column and row.
var cellName = cells.CellName
