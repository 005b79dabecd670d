// Package formtest holds the fixtures the tests of the fill-in workbook
// use on both sides: a small task list, the options of a round, writing a
// unit's workbook with templates/form and filling it in as a careful clerk
// would, and looking at what fillin.Check found. It is for tests only; the
// binary never links it (report/layering_test.go checks).
package formtest

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/policy"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form"
)

// The pinned time, deadline and workspace key of the fixtures.
var (
	Now    = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	Due    = time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
	Secret = []byte("0123456789abcdef-workspace-key")
)

// Period is the fixtures' period, 2024-Q4.
func Period() period.Period {
	p, err := period.Parse("2024-Q4")
	if err != nil {
		panic(err)
	}
	return p
}

// Options are the writer's options for the fixtures' round.
func Options() form.Options {
	return form.Options{Period: Period(), Due: Due, Secret: Secret, Now: Now}
}

// CheckOptions check a return of the round against set.
func CheckOptions(set *task.Set) fillin.CheckOptions {
	p := Period()
	return fillin.CheckOptions{Tasks: set, Period: &p, Secret: Secret}
}

// Set has two documents; 市科技局 leads three items and co-operates on
// one, across both documents.
func Set() *task.Set {
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

// SeedSet parses the five seed documents; the test runs two folders below
// the module's root.
func SeedSet(t testing.TB) *task.Set {
	t.Helper()
	cfg, err := config.Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	set, err := policy.ParseFS(os.DirFS("../../seeds"), "*.txt", cfg)
	if err != nil || len(set.Documents) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	return set
}

// Assignment is unit's assignment in set.
func Assignment(t testing.TB, set *task.Set, unit string) fillin.Assignment {
	t.Helper()
	units, _ := fillin.Assign(set)
	for _, a := range units {
		if a.Unit == unit {
			return a
		}
	}
	t.Fatalf("no assignment for %s", unit)
	return fillin.Assignment{}
}

// WriteUnit is unit's blank workbook of the round, as written by form.Write.
func WriteUnit(t testing.TB, set *task.Set, unit string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := form.Write(&buf, Assignment(t, set, unit), Options()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// SetCell sets a cell of the 填报表 sheet.
func SetCell(t testing.TB, f *excelize.File, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(fillin.SheetForm, cell, v); err != nil {
		t.Fatal(err)
	}
}

// Cell names the cell of column c in row as the workbook is written.
func Cell(c fillin.Col, row int) string { return fmt.Sprintf("%c%d", 'A'+rune(c), row) }

// FillIn fills the header and n task rows as a careful clerk would.
func FillIn(t testing.TB, f *excelize.File, n int) {
	t.Helper()
	SetCell(t, f, "B3", "张三")
	SetCell(t, f, "D3", "0523-86888888")
	SetCell(t, f, "F3", "李四")
	SetCell(t, f, "H3", time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC))
	for i := range n {
		r := fillin.RowFirst + i
		SetCell(t, f, Cell(fillin.ColProgress, r), fmt.Sprintf("第%d项：已召开推进会，完成年度计划。", i+1))
		SetCell(t, f, Cell(fillin.ColPercent, r), 80+i%20)
		SetCell(t, f, Cell(fillin.ColStatus, r), "按序时推进")
		SetCell(t, f, Cell(fillin.ColNext, r), "继续推进")
	}
}

// Filled is the 市科技局 workbook filled in, with its task list.
func Filled(t testing.TB) (*task.Set, *excelize.File) {
	t.Helper()
	s := Set()
	f := testkit.OpenBytes(t, WriteUnit(t, s, "市科技局"))
	FillIn(t, f, 4)
	return s, f
}

// Levels are r's findings of level l.
func Levels(r *fillin.Return, l fillin.Level) []fillin.Finding {
	var out []fillin.Finding
	for _, f := range r.Findings {
		if f.Level == l {
			out = append(out, f)
		}
	}
	return out
}

// DumpFindings lists r's findings, one a line, for a test's message.
func DumpFindings(r *fillin.Return) string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "  %s [%s] %s\n", f.Level, f.Cell, f.Msg)
	}
	return b.String()
}

// HasFinding reports whether r has a finding of level whose message
// contains every part.
func HasFinding(r *fillin.Return, l fillin.Level, parts ...string) bool {
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
