package fillin

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

var (
	testNow    = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	testDue    = time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
	testSecret = []byte("0123456789abcdef-workspace-key")
)

func testPeriod() period.Period {
	p, err := period.Parse("2024-Q4")
	if err != nil {
		panic(err)
	}
	return p
}

func testOpts() Options {
	return Options{Period: testPeriod(), Due: testDue, Secret: testSecret, Now: testNow}
}

func checkOpts(set *task.Set) CheckOptions {
	p := testPeriod()
	return CheckOptions{Tasks: set, Period: &p, Secret: testSecret}
}

// testSet has two documents; 市科技局 leads three items and co-operates on
// one, across both documents.
func testSet() *task.Set {
	return &task.Set{Documents: []*task.Document{
		{
			ID: "D1", Source: "001.txt", Title: "关于印发《泰州市创新驱动发展实施方案》的通知",
			Tasks: []*task.Task{
				{ID: "D1-001", Path: []string{"一"}, Kind: task.KindOther, Title: "指导思想", Text: "全面贯彻党的二十大精神。"},
				{
					ID: "D1-002", Path: []string{"二", "(一)"}, Kind: task.KindTarget, Title: "创新能力",
					Text: "到2020年，R&D经费支出占地区生产总值比例提高到2.8%以上，高新技术企业超过1000家。",
					Lead: []string{"市科技局"}, Co: []string{"市统计局", "市财政局"},
					Deadline: &task.Deadline{Text: "到2020年", Date: "2020-12-31"},
					Targets: []task.Target{
						{Text: "R&D经费支出占地区生产总值比例提高到2.8%以上", Value: 2.8, Unit: "%"},
						{Text: "高新技术企业超过1000家", Value: 1000, Unit: "家"},
					},
				},
				{
					ID: "D1-003", Path: []string{"三", "(二)", "4"}, Kind: task.KindTask, Title: "加快高成长性企业集群培育",
					Text: "加快高成长性企业集群培育。实施高成长性企业培育计划，每年遴选一批企业重点扶持。",
					Lead: []string{"市科技局", "市发改委"}, Co: []string{"各县（市、区）人民政府"},
					Deadline: &task.Deadline{Text: "持续推进"},
				},
				{
					ID: "D1-004", Path: []string{"三", "(二)", "5"}, Kind: task.KindTask, Title: "=SUM(A1:A3)",
					Text: "看起来像公式的任务名称。", Lead: []string{"市发改委"}, Co: []string{"市科技局"},
					Deadline: &task.Deadline{Date: "2024-06-30"},
				},
				{ID: "D1-005", Path: []string{"三", "(二)", "6"}, Kind: task.KindTask, Text: "尚未指定单位的任务。"},
			},
		},
		{
			ID: "D2", Source: "002.docx", Title: "2024年全市优化营商环境工作要点",
			Tasks: []*task.Task{
				{
					ID: "D2-001", Path: []string{"一"}, Kind: task.KindTask, Text: "推进“一网通办”，实现高频事项全程网办。",
					Lead: []string{"市科技局"}, Deadline: &task.Deadline{Text: "2024年底前", Date: "2024-12-31"},
				},
			},
		},
	}}
}

// assignment is unit's assignment in set.
func assignment(t testing.TB, set *task.Set, unit string) Assignment {
	t.Helper()
	units, _ := Assign(set)
	for _, a := range units {
		if a.Unit == unit {
			return a
		}
	}
	t.Fatalf("no assignment for %s", unit)
	return Assignment{}
}

func writeUnit(t testing.TB, set *task.Set, unit string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, assignment(t, set, unit), testOpts()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func set(t testing.TB, f *excelize.File, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(SheetForm, cell, v); err != nil {
		t.Fatal(err)
	}
}

func cellAt(c col, row int) string { return fmt.Sprintf("%s%d", c.letter(), row) }

// fillIn fills the header and n task rows as a careful clerk would.
func fillIn(t testing.TB, f *excelize.File, n int) {
	t.Helper()
	set(t, f, "B3", "张三")
	set(t, f, "D3", "0523-86888888")
	set(t, f, "F3", "李四")
	set(t, f, "H3", time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC))
	for i := range n {
		r := rowFirst + i
		set(t, f, cellAt(cProgress, r), fmt.Sprintf("第%d项：已召开推进会，完成年度计划。", i+1))
		set(t, f, cellAt(cPercent, r), 80+i%20)
		set(t, f, cellAt(cStatus, r), "按序时推进")
		set(t, f, cellAt(cNext, r), "继续推进")
	}
}

// filled is the 市科技局 workbook filled in.
func filled(t testing.TB) (*task.Set, *excelize.File) {
	t.Helper()
	s := testSet()
	f := testkit.OpenBytes(t, writeUnit(t, s, "市科技局"))
	fillIn(t, f, 4)
	return s, f
}

func levels(r *Return, l Level) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Level == l {
			out = append(out, f)
		}
	}
	return out
}

func dumpFindings(r *Return) string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "  %s [%s] %s\n", f.Level, f.Cell, f.Msg)
	}
	return b.String()
}

// hasFinding reports whether r has a finding of level whose message
// contains every part.
func hasFinding(r *Return, l Level, parts ...string) bool {
	for _, f := range r.Findings {
		if f.Level != l {
			continue
		}
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(f.Msg, p)
		}
		if ok {
			return true
		}
	}
	return false
}
