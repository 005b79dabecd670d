package ledgerbook

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func TestRoundTrip(t *testing.T) {
	got := readBytes(t, writeBytes(t, testLedger()))
	assertLedgerEqual(t, got, testLedger())

	// An empty ledger too.
	empty := &ledger.Ledger{Title: "方案", PeriodLabel: "2025年1月"}
	assertLedgerEqual(t, readBytes(t, writeBytes(t, empty)), empty)
}

func TestNoFormulas(t *testing.T) {
	f := testkit.OpenBytes(t, writeBytes(t, testLedger()))
	row := taskRow(t, f, "D1-三.(二).5")
	for _, tc := range []struct{ sheet, cell, want string }{
		{SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "任务内容"), row), "+1 开头的名称：=SUM(A1:A3) 看起来像公式"},
		{SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "配合单位"), row), "-市工信局"},
		{SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "配合单位报送"), row), "-市工信局：@配合推进"},
		{SheetFindings, "H4", `=HYPERLINK("x") 不是公式`},
	} {
		if formula, err := f.GetCellFormula(tc.sheet, tc.cell); err != nil || formula != "" {
			t.Errorf("GetCellFormula(%s!%s) = %q, %v; want no formula", tc.sheet, tc.cell, formula, err)
		}
		if v, _ := f.GetCellValue(tc.sheet, tc.cell); v != tc.want {
			t.Errorf("GetCellValue(%s!%s) = %q; want %q", tc.sheet, tc.cell, v, tc.want)
		}
		id, _ := f.GetCellStyle(tc.sheet, tc.cell)
		if s, _ := f.GetStyle(id); s == nil || s.NumFmt != textFormat {
			t.Errorf("%s!%s is not formatted as text", tc.sheet, tc.cell)
		}
	}
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c := range row {
				if fm, _ := f.GetCellFormula(sheet, cellName(c+1, r+1)); fm != "" {
					t.Errorf("%s!%s has formula %q", sheet, cellName(c+1, r+1), fm)
				}
			}
		}
	}
}

// reverseTaskRows sorts the 总台账 sheet as a filter's sort would, here by
// reversing the task rows' order, leaving the group rows where they are.
func reverseTaskRows(t *testing.T, f *excelize.File) {
	t.Helper()
	rows, err := f.GetRows(SheetLedger, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	idCol := ledgerCol(t, f, "任务编号")
	var at []int
	var vals [][]string
	for r := 2; r < len(rows); r++ {
		if v, _ := f.GetCellValue(SheetLedger, fmt.Sprintf("%s%d", idCol, r+1)); v != "" {
			at = append(at, r+1)
			vals = append(vals, rows[r])
		}
	}
	for i, r := range at {
		src := vals[len(vals)-1-i]
		for c := range rows[1] {
			v := ""
			if c < len(src) {
				v = src[c]
			}
			setCell(t, f, SheetLedger, cellName(c+1, r), v)
		}
	}
}

// officeEdits are what the office does in Excel: types its review into two
// rows, widens a column, edits the title, filters a row out, sorts.
func officeEdits(t *testing.T, f *excelize.File) {
	t.Helper()
	review, override := ledgerCol(t, f, "复核意见"), ledgerCol(t, f, "核定状态")
	r1, r2 := taskRow(t, f, "D1-三.(二).5"), taskRow(t, f, "D2-一")
	setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", review, r1), "已电话督促，\n请下周报送")
	setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", override, r1), "未启动")
	setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", review, r2), "=同意")
	setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", override, r2), " 已完成 ")
	// The review carried over from the last ledger is cleared.
	setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", review, taskRow(t, f, "D1-三.(二).4")), "")
	if err := f.SetColWidth(SheetLedger, "B", "B", 80); err != nil {
		t.Fatal(err)
	}
	if err := f.InsertCols(SheetLedger, "C", 1); err != nil {
		t.Fatal(err)
	}
	setCell(t, f, SheetLedger, "C2", "办公室备注")
	setCell(t, f, SheetLedger, "A1", "2024年四季度总台账（办公室修改）")
	if err := f.SetRowVisible(SheetLedger, taskRow(t, f, "D1-二.(一)"), false); err != nil {
		t.Fatal(err)
	}
	reverseTaskRows(t, f)
}

func applyOfficeEdits(l *ledger.Ledger) {
	r := rowByID(l, "D1-三.(二).5")
	r.Review, r.Override = "已电话督促，\n请下周报送", "未启动"
	r = rowByID(l, "D2-一")
	r.Review, r.Override = "=同意", "已完成"
	rowByID(l, "D1-三.(二).4").Review = ""
}

func TestReadAfterOfficeEdits(t *testing.T) {
	f := testkit.OpenBytes(t, writeBytes(t, testLedger()))
	officeEdits(t, f)
	got := readBytes(t, testkit.SaveBytes(t, f))
	want := testLedger()
	applyOfficeEdits(want)
	assertLedgerEqual(t, got, want)
}

func TestReadWithoutHiddenSheet(t *testing.T) {
	for _, sorted := range []bool{false, true} {
		t.Run(fmt.Sprintf("sorted=%v", sorted), func(t *testing.T) {
			f := testkit.OpenBytes(t, writeBytes(t, testLedger()))
			if sorted {
				officeEdits(t, f)
			}
			if err := f.DeleteSheet(SheetHidden); err != nil {
				t.Fatal(err)
			}
			got := readBytes(t, testkit.SaveBytes(t, f))
			want := testLedger()
			if sorted {
				applyOfficeEdits(want)
			}
			if len(got.Rows) != len(want.Rows) {
				t.Fatalf("got %d rows; want %d", len(got.Rows), len(want.Rows))
			}
			if got.Title != want.Title || got.PeriodLabel != want.PeriodLabel || got.Period != want.Period || got.PeriodEnd != want.PeriodEnd {
				t.Errorf("title, period = %q, %q %s %s; want %q, %q %s %s", got.Title, got.PeriodLabel, got.Period, got.PeriodEnd,
					want.Title, want.PeriodLabel, want.Period, want.PeriodEnd)
			}
			for _, w := range want.Rows {
				g := rowByID(got, w.TaskID)
				if g == nil {
					t.Errorf("task %s lost", w.TaskID)
					continue
				}
				check := func(what string, got, want any) {
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("%s %s = %v; want %v", w.TaskID, what, got, want)
					}
				}
				check("doc", g.DocID, w.DocID)
				check("label", g.Label, w.Label)
				check("path", g.Path, w.Path)
				check("content", g.Text, contentText(w))
				check("lead", g.Lead, w.Lead)
				check("co", g.Co, w.Co)
				check("deadline", g.Deadline, deadlineText(w))
				check("due date", g.DueDate, parseDay(deadlineText(w)))
				check("progress", g.Progress, w.Progress)
				check("percent", deref64(g.Percent), deref64(w.Percent))
				check("expected", g.Expected, w.Expected)
				check("status", g.Status, w.Status)
				check("reported", g.Reported, w.Reported)
				check("light", g.Light, w.Light)
				check("problems", g.Problems, w.Problems)
				check("review", g.Review, w.Review)
				check("override", g.Override, w.Override)
				check("targets", len(g.Targets), len(w.Targets))
				if !sorted {
					// Group rows stay where they were written only while
					// the rows are in document order.
					check("doc title", g.DocTitle, w.DocTitle)
					check("headings", g.Headings, w.Headings)
				}
			}
			if len(got.Units) != len(want.Units) {
				t.Fatalf("got %d units; want %d", len(got.Units), len(want.Units))
			}
			for i, w := range want.Units {
				g := got.Units[i]
				w.File = "" // not shown
				if fmt.Sprint(*g) != fmt.Sprint(*w) {
					t.Errorf("unit %d = %+v; want %+v", i, *g, *w)
				}
			}
			if fmt.Sprint(got.Missing) != fmt.Sprint(want.Missing) {
				t.Errorf("missing = %q; want %q", got.Missing, want.Missing)
			}
			wt := want.Totals
			wt.Used, wt.Superseded, wt.Rejected = 0, 0, 0
			if sorted {
				wt.Behind++ // the override 未启动 of a task not reported
				wt.Unreported--
			}
			if fmt.Sprint(got.Totals) != fmt.Sprint(wt) {
				t.Errorf("totals = %+v; want %+v", got.Totals, wt)
			}
		})
	}
}

func deref64(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		data func(t *testing.T) []byte
		edit func(t *testing.T, f *excelize.File)
		want string
	}{
		{
			name: "ledger sheet renamed",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.SetSheetName(SheetLedger, "台账"); err != nil {
					t.Fatal(err)
				}
			},
			want: "总台账.xlsx：不是 taizhang 生成的总台账：找不到工作表“总台账”",
		},
		{
			name: "ID column deleted",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.RemoveCol(SheetLedger, ledgerCol(t, f, "任务编号")); err != nil {
					t.Fatal(err)
				}
			},
			want: "总台账.xlsx：工作表“总台账”：不是 taizhang 生成的总台账：前 10 行中找不到“任务编号”列",
		},
		{
			name: "duplicate task ID",
			edit: func(t *testing.T, f *excelize.File) {
				col := ledgerCol(t, f, "任务编号")
				setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", col, taskRow(t, f, "D2-二.1")), "D1-二.(一)")
			},
			want: "总台账.xlsx：工作表“总台账”第 16 行 S 列：任务编号“D1-二.(一)”在第 5 行和第 16 行重复",
		},
		{
			name: "unknown task ID with a review",
			edit: func(t *testing.T, f *excelize.File) {
				r := taskRow(t, f, "D2-二.1")
				setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "任务编号"), r), "X-1")
				setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "复核意见"), r), "意见")
			},
			want: "总台账.xlsx：工作表“总台账”第 16 行 S 列：任务编号“X-1”不是本台账中的任务",
		},
		{
			name: "hidden sheet from another format version",
			edit: func(t *testing.T, f *excelize.File) { setCell(t, f, SheetHidden, "B1", "taizhang-ledger/2") },
			want: "总台账.xlsx：工作表“_taizhang”：格式版本为 taizhang-ledger/2",
		},
		{
			name: "a task list is not a ledger",
			edit: func(t *testing.T, f *excelize.File) {
				for _, s := range []string{SheetLedger, SheetSummary} {
					if err := f.DeleteSheet(s); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := f.NewSheet("任务分解表"); err != nil {
					t.Fatal(err)
				}
			},
			want: "不是 taizhang 生成的总台账：找不到工作表“总台账”",
		},
		{
			name: "old .xls file",
			file: "总台账.xls",
			data: func(*testing.T) []byte { return []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest") },
			want: "总台账.xls：这是旧版 Excel（.xls）或 WPS（.et）格式的文件",
		},
		{
			name: "not a workbook",
			data: func(*testing.T) []byte { return []byte("序号,任务内容\n") },
			want: "总台账.xlsx：不是 Excel 工作簿（.xlsx）",
		},
		{
			name: "broken zip",
			data: func(*testing.T) []byte { return []byte("PK\x03\x04 truncated") },
			want: "总台账.xlsx：无法作为 Excel 工作簿打开",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := testkit.Variant(t, func() []byte { return writeBytes(t, testLedger()) }, tc.data, tc.edit)
			name := cmp.Or(tc.file, "总台账.xlsx")
			_, err := Read(name, bytes.NewReader(data))
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("Read() error = %v; want *InputError", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Read() error =\n%s\nwant it to contain\n%s", err, tc.want)
			}
		})
	}
}

func TestOutline(t *testing.T) {
	var got []string
	for _, ln := range outline(testLedger().Rows) {
		switch {
		case ln.doc:
			got = append(got, "doc "+ln.text)
		case ln.row == nil:
			got = append(got, "group "+ln.text)
		default:
			got = append(got, "task "+ln.row.Label)
		}
	}
	want := []string{
		"doc 关于印发《泰州市创新驱动发展实施方案》的通知",
		"group 二、主要目标",
		"task 二(一)",
		"group 三、重点任务",
		"group （二）加快企业培育",
		"task 三(二)4",
		"task 三(二)5",
		"group （三）强化创新平台",
		"group 1.研发平台建设",
		"task 三(三)1①",
		"doc 《2024年全市优化营商环境工作要点》",
		"task 一",
		"group 二、优化营商环境",
		"task 二1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCellTexts(t *testing.T) {
	l := testLedger()
	tests := []struct{ name, got, want string }{
		{"content with title repeated", contentText(l.Rows[1]), l.Rows[1].Text},
		{"content with title", contentText(l.Rows[0]), "创新能力：" + l.Rows[0].Text},
		{"co-reports", coReportsText(l.Rows[0]), "市统计局：按序时推进 60% 完成数据采集\n市财政局：未报送"},
		{"change", changeText(l.Rows[0]), "进度 +15；灯 黄→绿"},
		{"no change", changeText(l.Rows[1]), "无变化"},
		{"new task", changeText(l.Rows[2]), "上期无此任务"},
		{"fractional change", changeText(l.Rows[3]), "进度 +14.5"},
		{"deadline date", deadlineText(l.Rows[2]), "2024年6月30日"},
		{"target value", targetValue(">=", 2.8, "%"), "≥ 2.8%"},
		{"summary title", sheetTitle(l, SheetSummary), "《泰州市创新驱动发展实施方案》等 2 个文件工作任务推进情况汇总（2024年第四季度）"},
		{"marker 一", markerPrefix("一"), "一、"},
		{"marker (一)", markerPrefix("(一)"), "（一）"},
		{"marker （1）", markerPrefix("（1）"), "（1）"},
		{"marker 1", markerPrefix("1"), "1."},
		{"generated", period.ChineseTime(l.Generated), "2025年1月6日 15:30"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s = %q; want %q", tc.name, tc.got, tc.want)
		}
	}
	if s := fillin.Status("x"); s == "" {
		t.Fatal()
	}
}

// A 核定状态 typed outside the drop-down is refused with its cell, rather
// than counted as some status nobody chose.
func TestReadBadOverride(t *testing.T) {
	f := testkit.OpenBytes(t, writeBytes(t, testLedger()))
	col, row := ledgerCol(t, f, "核定状态"), taskRow(t, f, "D1-三.(二).5")
	setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", col, row), "基本完成")
	_, err := Read("总台账.xlsx", bytes.NewReader(testkit.SaveBytes(t, f)))
	var in *InputError
	if !errors.As(err, &in) || in.Cell != fmt.Sprintf("%s%d", col, row) || !strings.Contains(in.Msg, "基本完成") {
		t.Fatalf("err = %v", err)
	}
}
