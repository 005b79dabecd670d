package tasklist

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

var testNow = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

// testSet is a task list with two documents and every kind of value the
// workbook must carry.
func testSet() *task.Set {
	return &task.Set{Documents: []*task.Document{
		{
			ID: "D1", Source: "001_policy.txt",
			Title:     "关于印发《泰州市创新驱动发展实施方案》的通知",
			DocNumber: "泰政办发〔2017〕126号", Issuer: "泰州市人民政府办公室", Date: "2017-08-01",
			Tasks: []*task.Task{
				{
					ID: "D1-001", Path: []string{"一"}, Kind: task.KindOther,
					Title: "指导思想", Text: "全面贯彻党的二十大精神，坚持创新驱动。",
				},
				{
					ID: "D1-002", Path: []string{"二", "(一)"}, Kind: task.KindTarget,
					Headings: []string{"二、主要目标"},
					Title:    "创新能力",
					Text:     "到2020年，R&D经费支出占地区生产总值比例提高到2.8%以上，高新技术企业超过1000家。",
					Lead:     []string{"市科技局"}, Co: []string{"市统计局", "市财政局"},
					Leader:   "王某某",
					UnitsRaw: "责任单位：市科技局、统计局、财政局",
					Deadline: &task.Deadline{Text: "到2020年", Date: "2020-12-31"},
					Targets: []task.Target{
						{Text: "R&D经费支出占地区生产总值比例提高到2.8%以上", Indicator: "R&D经费支出占地区生产总值比例", Op: ">=", Value: 2.8, Unit: "%", Year: 2020},
						{Text: "高新技术企业超过1000家", Indicator: "高新技术企业", Op: ">", Value: 1000, Unit: "家", Year: 2020},
					},
					Flags: []string{"配合单位由“统计局”补全为“市统计局”，请核实"},
				},
				{
					ID: "D1-003", Path: []string{"三", "(二)", "4"}, Kind: task.KindTask,
					Headings: []string{"三、重点任务", "（二）加快企业培育", "4.高成长性企业"},
					Title:    "加快高成长性企业集群培育",
					Text:     "实施高成长性企业培育计划。\n每年遴选一批企业重点扶持。",
					Lead:     []string{"各县（市、区）人民政府"},
					UnitsRaw: "各县（市、区）人民政府负责",
					Deadline: &task.Deadline{Text: "持续推进"},
				},
				{
					ID: "D1-004", Path: []string{"三", "(二)", "5", "①"}, Kind: task.KindTask,
					Headings: []string{"三、重点任务", "（二）加快企业培育"},
					Title:    "+1 开头的名称",
					Text:     "=SUM(A1:A3) 看起来像公式",
					Lead:     []string{"市发改委"}, Co: []string{"-市工信局"},
					UnitsRaw: "@市发改委",
					Deadline: &task.Deadline{Date: "2024-06-30"},
				},
			},
		},
		{
			ID: "D2", Source: "002.docx", Title: "2024年全市优化营商环境工作要点",
			Tasks: []*task.Task{
				{
					ID: "D2-001", Path: []string{"一"}, Kind: task.KindTask,
					Headings: []string{"一、提升政务服务效能"},
					Text:     "推进“一网通办”，实现高频事项全程网办。",
					Lead:     []string{"市政务办", "市大数据局"}, Co: []string{"各市（区）", "市发改委"},
					Deadline: &task.Deadline{Text: "2024年底前", Date: "2024-12-31"},
					Flags:    []string{"原文未写责任单位，由效能办指定", "时限待确认"},
				},
				{
					ID: "D2-002", Path: []string{"二"}, Kind: task.KindOther,
					Title: "保障措施",
				},
			},
		},
	}}
}

func cloneSet(t *testing.T, s *task.Set) *task.Set {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var out task.Set
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func findTask(s *task.Set, id string) *task.Task {
	for _, d := range s.Documents {
		for _, t := range d.Tasks {
			if t.ID == id {
				return t
			}
		}
	}
	return nil
}

func writeBytes(t testing.TB, set *task.Set) []byte {
	t.Helper()
	return testkit.Written(t, func(w io.Writer) error { return Write(w, set, testNow) })
}

func assertSetEqual(t *testing.T, got, want *task.Set) {
	t.Helper()
	testkit.JSONEqual(t, "set", got, want)
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "任务分解表.xlsx")
	if err := WriteFile(path, testSet(), testNow); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	assertSetEqual(t, got, testSet())

	// Values that look like formulas stay text.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tc := range []struct{ cell, want string }{
		{cellOf(fText, 6), "=SUM(A1:A3) 看起来像公式"},
		{cellOf(fTitle, 6), "+1 开头的名称"},
		{cellOf(fCo, 6), "-市工信局"},
		{cellOf(fUnitsRaw, 6), "@市发改委"},
	} {
		formula, err := f.GetCellFormula(SheetTasks, tc.cell)
		if err != nil || formula != "" {
			t.Errorf("GetCellFormula(%s) = %q, %v; want no formula", tc.cell, formula, err)
		}
		if v, _ := f.GetCellValue(SheetTasks, tc.cell); v != tc.want {
			t.Errorf("GetCellValue(%s) = %q; want %q", tc.cell, v, tc.want)
		}
	}
}

// Cells of the 任务分解表 sheet as written for testSet: row 3 is D1-001,
// row 4 D1-002, row 5 D1-003, row 6 D1-004, row 7 D2-001, row 8 D2-002.

// rebuildSheet rewrites sheet from its values with the columns in the
// order given by perm (perm[i] is the old column of new column i; -1 adds
// a column of notes the reader must ignore), as a copy-paste would.
func rebuildSheet(t *testing.T, f *excelize.File, sheet string, perm []int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	const tmp = "tmp"
	if _, err := f.NewSheet(tmp); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, old := range perm {
			v := fmt.Sprintf("备注%d", r)
			if old >= 0 {
				v = ""
				if old < len(row) {
					v = row[old]
				}
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(tmp, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet(sheet); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetName(tmp, sheet); err != nil {
		t.Fatal(err)
	}
}

func set(t *testing.T, f *excelize.File, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(SheetTasks, cell, v); err != nil {
		t.Fatal(err)
	}
}

// colName is the letter of the 1-based column n.
func colName(n int) string {
	name, err := excelize.ColumnNumberToName(n)
	if err != nil {
		panic(err)
	}
	return name
}

// colLetter is the letter of f's column on the 任务分解表 sheet as written.
func colLetter(f field) string { return colName(int(f) + 1) }

// colShifted is the letter of f's column after shift columns were inserted
// to its left.
func colShifted(f field, shift int) string { return colName(int(f) + 1 + shift) }

// cellOf is the cell of f in the given row of the 任务分解表 sheet as
// written.
func cellOf(f field, row int) string { return fmt.Sprintf("%s%d", colLetter(f), row) }

// textOnlyTargets is what the targets become without the hidden sheet.
func textOnlyTargets(s *task.Set) {
	for _, d := range s.Documents {
		for _, t := range d.Tasks {
			for i, tg := range t.Targets {
				t.Targets[i] = task.Target{Text: tg.Text}
			}
		}
	}
}

func TestReadAfterEdits(t *testing.T) {
	tests := []struct {
		name string
		edit func(t *testing.T, f *excelize.File)
		want func(t *testing.T, s *task.Set)
	}{
		{
			name: "reordered columns and an extra column",
			edit: func(t *testing.T, f *excelize.File) {
				perm := []int{-1}
				for c := int(numFields) - 1; c >= 0; c-- {
					perm = append(perm, c)
				}
				rebuildSheet(t, f, SheetTasks, perm)
			},
		},
		{
			name: "title row deleted",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.RemoveRow(SheetTasks, 1); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			name: "blank rows inserted",
			edit: func(t *testing.T, f *excelize.File) {
				for _, r := range []int{5, 3} {
					if err := f.InsertRows(SheetTasks, r, 2); err != nil {
						t.Fatal(err)
					}
				}
			},
		},
		{
			name: "hidden sheet deleted",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.DeleteSheet(SheetHidden); err != nil {
					t.Fatal(err)
				}
			},
			want: func(t *testing.T, s *task.Set) { textOnlyTargets(s) },
		},
		{
			name: "rebuilt by copy-paste: one renamed sheet, no document information",
			edit: func(t *testing.T, f *excelize.File) {
				for _, s := range []string{SheetHidden, SheetDocuments, SheetUnits} {
					if err := f.DeleteSheet(s); err != nil {
						t.Fatal(err)
					}
				}
				if err := f.SetSheetName(SheetTasks, "Sheet1"); err != nil {
					t.Fatal(err)
				}
			},
			want: func(t *testing.T, s *task.Set) {
				textOnlyTargets(s)
				s.Documents[0] = &task.Document{ID: "D1", Title: "泰州市创新驱动发展实施方案", Tasks: s.Documents[0].Tasks}
				s.Documents[1] = &task.Document{ID: "D2", Title: "2024年全市优化营商环境工作要点", Tasks: s.Documents[1].Tasks}
			},
		},
		{
			name: "units changed",
			edit: func(t *testing.T, f *excelize.File) {
				set(t, f, cellOf(fLead, 5), "市发改委，市科技局")
				set(t, f, cellOf(fCo, 5), "各县（市、区）人民政府；市财政局\n市统计局")
			},
			want: func(t *testing.T, s *task.Set) {
				tk := findTask(s, "D1-003")
				tk.Lead = []string{"市发改委", "市科技局"}
				tk.Co = []string{"各县（市、区）人民政府", "市财政局", "市统计局"}
			},
		},
		{
			name: "row added without ID",
			edit: func(t *testing.T, f *excelize.File) {
				for _, c := range []struct {
					f field
					v string
				}{
					{fID, ""}, {fLabel, "三"}, {fDoc, "2024年全市优化营商环境工作要点"},
					{fHeading1, ""}, {fHeading2, ""}, {fTitle, ""},
					{fText, "新增：开展营商环境评价。"}, {fKind, "任务"}, {fLead, "市发改委"},
				} {
					set(t, f, cellOf(c.f, 9), c.v)
				}
			},
			want: func(t *testing.T, s *task.Set) {
				tk := &task.Task{Path: []string{"三"}, Kind: task.KindTask, Text: "新增：开展营商环境评价。", Lead: []string{"市发改委"}}
				tk.ID = newID("D2", tk, map[string]int{})
				tk.Flags = []string{newIDFlag}
				if !strings.HasPrefix(tk.ID, "D2-") {
					t.Errorf("new ID %q does not start with the document ID", tk.ID)
				}
				s.Documents[1].Tasks = append(s.Documents[1].Tasks, tk)
			},
		},
		{
			name: "targets text edited",
			edit: func(t *testing.T, f *excelize.File) {
				set(t, f, cellOf(fTargets, 4), "高新技术企业超过1000家\n新增省级研发平台10个")
			},
			want: func(t *testing.T, s *task.Set) {
				tk := findTask(s, "D1-002")
				tk.Targets = []task.Target{tk.Targets[1], {Text: "新增省级研发平台10个"}}
			},
		},
		{
			name: "type, label, headings and dates edited",
			edit: func(t *testing.T, f *excelize.File) {
				set(t, f, cellOf(fKind, 3), "target")
				set(t, f, cellOf(fLead, 3), "市委宣传部")
				set(t, f, cellOf(fKind, 5), " 其它 ")
				set(t, f, cellOf(fLabel, 5), "三（二）6")
				set(t, f, cellOf(fHeading2, 5), "（二）加快企业培育 / 4.高成长性企业 / ③")
				set(t, f, cellOf(fDate, 5), "2025年9月30日")
				set(t, f, cellOf(fDate, 6), time.Date(2024, 7, 31, 0, 0, 0, 0, time.UTC))
				set(t, f, cellOf(fDate, 7), "2024/12/1")
			},
			want: func(t *testing.T, s *task.Set) {
				a := findTask(s, "D1-001")
				a.Kind, a.Lead = task.KindTarget, []string{"市委宣传部"}
				b := findTask(s, "D1-003")
				b.Kind = task.KindOther
				b.Path = []string{"三", "（二）", "6"}
				b.Headings = append(b.Headings, "③")
				b.Deadline.Date = "2025-09-30"
				findTask(s, "D1-004").Deadline.Date = "2024-07-31"
				findTask(s, "D2-001").Deadline.Date = "2024-12-01"
			},
		},
		{
			name: "cells merged down a column",
			edit: func(t *testing.T, f *excelize.File) {
				for _, c := range []string{cellOf(fDoc, 4), cellOf(fDoc, 5), cellOf(fDoc, 6), cellOf(fHeading1, 6)} {
					set(t, f, c, "")
				}
				for _, r := range [][2]string{{cellOf(fDoc, 3), cellOf(fDoc, 6)}, {cellOf(fHeading1, 5), cellOf(fHeading1, 6)}} {
					if err := f.MergeCell(SheetTasks, r[0], r[1]); err != nil {
						t.Fatal(err)
					}
				}
			},
		},
		{
			name: "headers retyped with spaces and full-width letters",
			edit: func(t *testing.T, f *excelize.File) {
				set(t, f, cellOf(fText, 2), " 任务　内容 ")
				set(t, f, cellOf(fLead, 2), "牵头\n单位")
				set(t, f, cellOf(fID, 2), "任务ＩＤ")
			},
		},
		{
			name: "optional columns deleted fall back to the hidden sheet",
			edit: func(t *testing.T, f *excelize.File) {
				// Right to left, so each letter still names its field.
				deleted := []field{fUnitsRaw, fFlags, fTargets, fTitle, fDoc}
				slices.SortFunc(deleted, func(a, b field) int { return int(b) - int(a) })
				for _, fl := range deleted {
					if err := f.RemoveCol(SheetTasks, colLetter(fl)); err != nil {
						t.Fatal(err)
					}
				}
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := testkit.OpenBytes(t, writeBytes(t, testSet()))
			tc.edit(t, f)
			got, err := Read("任务分解表.xlsx", bytes.NewReader(testkit.SaveBytes(t, f)))
			if err != nil {
				t.Fatal(err)
			}
			want := cloneSet(t, testSet())
			if tc.want != nil {
				tc.want(t, want)
			}
			assertSetEqual(t, got, want)
		})
	}
}

func TestReadErrors(t *testing.T) {
	const sheet = "任务分解表.xlsx：工作表“任务分解表”"
	tests := []struct {
		name  string
		file  string
		data  func(t *testing.T) []byte
		edit  func(t *testing.T, f *excelize.File)
		wants []string
	}{
		{
			name: "missing required column",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.RemoveCol(SheetTasks, colLetter(fLead)); err != nil {
					t.Fatal(err)
				}
			},
			wants: []string{sheet + "第 2 行：缺少“牵头单位”列：该列不能删除或改名，请从原表中恢复这一列"},
		},
		{
			name: "two missing columns",
			edit: func(t *testing.T, f *excelize.File) {
				set(t, f, cellOf(fID, 2), "编码")
				set(t, f, cellOf(fText, 2), "说明")
			},
			wants: []string{
				sheet + "第 2 行：缺少“任务编号”列",
				sheet + "第 2 行：缺少“任务内容”列",
			},
		},
		{
			name:  "duplicate task ID",
			edit:  func(t *testing.T, f *excelize.File) { set(t, f, cellOf(fID, 7), "D1-002") },
			wants: []string{sheet + "第 7 行 " + colLetter(fID) + " 列：任务编号“D1-002”与第 4 行重复"},
		},
		{
			name:  "task without lead unit",
			edit:  func(t *testing.T, f *excelize.File) { set(t, f, cellOf(fLead, 5), " ") },
			wants: []string{sheet + "第 5 行 " + colLetter(fLead) + " 列：牵头单位为空：请填写牵头单位，或将类型改为“其他”"},
		},
		{
			name:  "unknown type",
			edit:  func(t *testing.T, f *excelize.File) { set(t, f, cellOf(fKind, 5), "重点任务") },
			wants: []string{sheet + "第 5 行 " + colLetter(fKind) + " 列：类型“重点任务”无法识别：只能填写 任务、目标 或 其他"},
		},
		{
			name:  "date that is not a date",
			edit:  func(t *testing.T, f *excelize.File) { set(t, f, cellOf(fDate, 7), "2024年底") },
			wants: []string{sheet + "第 7 行 " + colLetter(fDate) + " 列：时限日期“2024年底”不是日期"},
		},
		{
			name: "several problems at once, columns moved",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.InsertCols(SheetTasks, "A", 1); err != nil {
					t.Fatal(err)
				}
				set(t, f, colShifted(fLead, 1)+"4", "")
				set(t, f, colShifted(fDate, 1)+"6", "2024-02-30")
			},
			wants: []string{
				sheet + "第 4 行 " + colShifted(fLead, 1) + " 列：牵头单位为空",
				sheet + "第 6 行 " + colShifted(fDate, 1) + " 列：时限日期“2024-02-30”不是日期",
			},
		},
		{
			name: "hidden sheet from another format version",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.SetCellStr(SheetHidden, "B1", "taizhang-tasklist/2"); err != nil {
					t.Fatal(err)
				}
			},
			wants: []string{"任务分解表.xlsx：工作表“_taizhang”：格式版本为 taizhang-tasklist/2"},
		},
		{
			name: "task sheet missing",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.DeleteSheet(SheetTasks); err != nil {
					t.Fatal(err)
				}
			},
			wants: []string{"任务分解表.xlsx：找不到工作表“任务分解表”：请不要删除或重命名该工作表"},
		},
		{
			name:  "old .xls file",
			file:  "任务分解表.xls",
			data:  func(*testing.T) []byte { return []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an OLE file") },
			wants: []string{"任务分解表.xls：这是旧版 Excel（.xls）或 WPS（.et）格式的文件", "“另存为” .xlsx"},
		},
		{
			name:  "not a workbook",
			data:  func(*testing.T) []byte { return []byte("序号,任务内容\n1,x\n") },
			wants: []string{"任务分解表.xlsx：不是 Excel 工作簿（.xlsx）"},
		},
		{
			name:  "broken zip",
			data:  func(*testing.T) []byte { return []byte("PK\x03\x04 truncated") },
			wants: []string{"任务分解表.xlsx：无法作为 Excel 工作簿打开"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := testkit.Variant(t, func() []byte { return writeBytes(t, testSet()) }, tc.data, tc.edit)
			name := cmp.Or(tc.file, "任务分解表.xlsx")
			_, err := Read(name, bytes.NewReader(data))
			var ies InputErrors
			if !errors.As(err, &ies) {
				t.Fatalf("Read() error = %v; want InputErrors", err)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("errors.As(%v, *InputError) = false", err)
			}
			msg := err.Error()
			for _, want := range tc.wants {
				if !strings.Contains(msg, want) {
					t.Errorf("Read() error =\n%s\nwant it to contain\n%s", msg, want)
				}
			}
			if n := len(strings.Split(msg, "\n")); n != len(ies) || (tc.data == nil && n != max(1, countFull(tc.wants))) {
				t.Errorf("Read() gave %d lines for %d errors:\n%s", n, len(ies), msg)
			}
		})
	}
}

// countFull counts the wanted messages that start a line (name the file).
func countFull(wants []string) int {
	n := 0
	for _, w := range wants {
		if strings.HasPrefix(w, "任务分解表.xls") {
			n++
		}
	}
	return n
}

func TestLayout(t *testing.T) {
	b := writeBytes(t, testSet())
	f := testkit.OpenBytes(t, b)

	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetTasks, SheetUnits, SheetDocuments, SheetHidden}) {
		t.Errorf("sheets = %q", got)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d; want 0", got)
	}
	workbook := testkit.ZipEntry(t, b, "xl/workbook.xml")
	if !strings.Contains(workbook, `state="veryHidden"`) || strings.Count(workbook, "state=") != 1 {
		t.Errorf("hidden sheet is not very hidden: %s", workbook)
	}
	var printTitles []string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			printTitles = append(printTitles, dn.Scope+"="+dn.RefersTo)
		}
	}
	if want := []string{"任务分解表='任务分解表'!$1:$2", "责任单位='责任单位'!$1:$1", "文件信息='文件信息'!$1:$1"}; !slices.Equal(printTitles, want) {
		t.Errorf("print titles = %q; want %q", printTitles, want)
	}
	// The task sheet prints on A3 only its leading columns, 序号 to 待核实事项;
	// the other sheets print whole on A4.
	var printAreas []string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Area" {
			printAreas = append(printAreas, dn.Scope+"="+dn.RefersTo)
		}
	}
	if want := []string{fmt.Sprintf("任务分解表='任务分解表'!$A$1:$%s$8", colName(printedFields))}; !slices.Equal(printAreas, want) {
		t.Errorf("print areas = %q; want %q", printAreas, want)
	}
	first, _ := f.GetCellValue(SheetTasks, "A2")
	last, _ := f.GetCellValue(SheetTasks, colName(printedFields)+"2")
	if first != "序号" || last != "待核实事项" {
		t.Errorf("printed columns run from %q to %q; want 序号 to 待核实事项", first, last)
	}
	for _, tc := range []struct {
		sheet string
		size  int
	}{{SheetTasks, 8}, {SheetUnits, 9}, {SheetDocuments, 9}} {
		pl, err := f.GetPageLayout(tc.sheet)
		if err != nil || pl.Size == nil || *pl.Size != tc.size {
			t.Errorf("GetPageLayout(%s).Size = %v, %v; want %d", tc.sheet, pl.Size, err, tc.size)
		}
	}
	lastCol := colName(int(numFields))
	sheet1 := testkit.ZipEntry(t, b, "xl/worksheets/sheet1.xml")
	for _, want := range []string{
		`<pane activePane="bottomLeft" state="frozen" topLeftCell="A3" ySplit="2">`,
		`<autoFilter ref="$A$2:$` + lastCol + `$8">`,
		`<mergeCell ref="A1:` + colName(printedFields) + `1"`, // the title centres over the printed columns
		fmt.Sprintf(`sqref="%[1]s3:%[1]s1048576"`, colLetter(fKind)),
		`<formula1>"任务,目标,其他"</formula1>`,
		`paperSize="8"`, `orientation="landscape"`, `fitToWidth="1"`, `fitToHeight="0"`,
		`<pageSetUpPr fitToPage="true">`,
		`<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>`,
		`<dimension ref="A1:` + lastCol + `8"`,
	} {
		if !strings.Contains(sheet1, want) {
			t.Errorf("sheet1.xml lacks %s", want)
		}
	}
	// Excel wants <col> elements in ascending order.
	if sheet2 := testkit.ZipEntry(t, b, "xl/worksheets/sheet2.xml"); !strings.Contains(sheet2, `<cols><col min="1" max="1" width="28"`) {
		t.Errorf("sheet2.xml columns out of order")
	}
	if v, _ := f.GetCellValue(SheetTasks, "A1"); v != SheetTasks {
		t.Errorf("title = %q; want %q for two documents", v, SheetTasks)
	}
	// The flag cell is highlighted; the row of long text is tall enough.
	flagged, _ := f.GetCellStyle(SheetTasks, cellOf(fFlags, 4))
	plain, _ := f.GetCellStyle(SheetTasks, cellOf(fFlags, 5))
	if s, _ := f.GetStyle(flagged); flagged == plain || s.Fill.Color == nil || s.Fill.Color[0] != "FFF2CC" {
		t.Errorf("flag cell %s style %d (%+v) not highlighted (plain %d)", cellOf(fFlags, 4), flagged, s.Fill, plain)
	}
	if s, _ := f.GetStyle(plain); s.NumFmt != 49 || !s.Alignment.WrapText || s.Alignment.Vertical != "top" {
		t.Errorf("text cell style = %+v, numFmt %d; want text format, wrapped, top", s.Alignment, s.NumFmt)
	}
	// Row 7's flags take three lines in a column 30 wide.
	if h, _ := f.GetRowHeight(SheetTasks, 7); h != 3*lineHeight {
		t.Errorf("row 7 height = %v; want three lines of 15", h)
	}
	if w, _ := f.GetColWidth(SheetTasks, colLetter(fText)); w != 60 {
		t.Errorf("content column width = %v; want 60", w)
	}
	units, _ := f.GetRows(SheetUnits)
	wantUnits := [][]string{
		{"单位名称", "牵头任务数", "配合任务数", "合计", "牵头任务序号"},
		{"市发改委", "1", "1", "2", "泰州市创新驱动发展实施方案：三(二)5①"},
		{"-市工信局", "0", "1", "1"},
	}
	if len(units) < 3 || !reflect.DeepEqual(units[:3], wantUnits) {
		t.Errorf("units sheet starts %q; want %q", units, wantUnits)
	}
	docs, _ := f.GetRows(SheetDocuments)
	if want := []string{"D2", "002.docx", "2024年全市优化营商环境工作要点", "", "", "", "1", "0", "1"}; len(docs) != 3 || !slices.Equal(docs[2], want) {
		t.Errorf("documents sheet = %q", docs)
	}
}

// dumpWorkbook renders every sheet's cells as TSV (with \t, \n and \ escaped)
// with the sheet's visibility, merged ranges, defined names and the
// workbook's times: the content of a workbook without its zip bytes.
func dumpWorkbook(t testing.TB, path string) string {
	t.Helper()
	f := testkit.OpenRaw(t, path)
	var b strings.Builder
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "# created %s modified %s\n", props.Created, props.Modified)
	testkit.DumpDefinedNames(&b, f)
	for _, sheet := range f.GetSheetList() {
		visible, _ := f.GetSheetVisible(sheet)
		fmt.Fprintf(&b, "## %s visible=%v\n", sheet, visible)
		testkit.DumpMerges(&b, f, sheet)
		for _, row := range testkit.Grid(t, f, sheet) {
			for i, v := range row {
				row[i] = testkit.Escape(v)
			}
			b.WriteString(strings.Join(row, "\t"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestDeterministic(t *testing.T) {
	got := testkit.SameTwice(t, func(path string) error { return WriteFile(path, testSet(), testNow) }, dumpWorkbook)
	if !strings.Contains(got, "# created 2026-03-01T09:30:00Z modified 2026-03-01T09:30:00Z") {
		t.Errorf("workbook times are not the pinned time:\n%s", got)
	}
}

func TestGolden(t *testing.T) {
	small := testSet()
	small.Documents = small.Documents[:1]
	testkit.GoldenWorkbook(t, "small", func(path string) error { return WriteFile(path, small, testNow) }, dumpWorkbook)
}

func TestWriteFileKeepsOldFileOnError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "missing", "任务分解表.xlsx")
	if err := WriteFile(path, testSet(), testNow); err == nil {
		t.Fatal("WriteFile into a missing directory succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("WriteFile left files behind: %v", entries)
	}
}

func TestLibreOfficeOpens(t *testing.T) {
	testkit.RealClient(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "tasks.xlsx")
	if err := WriteFile(path, testSet(), testNow); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	testkit.SofficeConvert(t, path, `csv:Text - txt - csv (StarCalc):44,34,76`, out)
	csv, err := os.ReadFile(filepath.Join(out, "tasks.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"任务编号", "任务内容", "=SUM(A1:A3) 看起来像公式"} {
		if !strings.Contains(string(csv), want) {
			t.Errorf("LibreOffice CSV lacks %q:\n%s", want, csv)
		}
	}
}

func TestRowHeight(t *testing.T) {
	tests := []struct {
		values []string
		widths []float64
		want   float64
	}{
		{[]string{"短"}, []float64{10}, 15},
		{[]string{strings.Repeat("字", 30)}, []float64{23.4}, 45},          // 60 units over 20.06 a line (0.9×23.4−1)
		{[]string{"a\nb\nc", "x"}, []float64{10, 10}, 45},                 // explicit lines
		{[]string{strings.Repeat("字", 5000)}, []float64{60}, 409},         // capped
		{[]string{strings.Repeat("a", 20), "短"}, []float64{12.3, 60}, 30}, // Latin counts one
	}
	for _, tc := range tests {
		if got := rowHeight(tc.values, tc.widths); got != tc.want {
			t.Errorf("rowHeight(%q, %v) = %v; want %v", tc.values, tc.widths, got, tc.want)
		}
	}
}

// bigSet is a task list of n tasks in five documents.
func bigSet(n int) *task.Set {
	set := &task.Set{}
	for d := range 5 {
		doc := &task.Document{ID: fmt.Sprintf("D%d", d+1), Title: fmt.Sprintf("关于印发第%d号实施方案的通知", d+1), Source: fmt.Sprintf("%03d.txt", d)}
		for i := range n / 5 {
			doc.Tasks = append(doc.Tasks, &task.Task{
				ID:       fmt.Sprintf("D%d-%04d", d+1, i+1),
				Path:     []string{"三", fmt.Sprintf("(%d)", i/10+1), fmt.Sprint(i%10 + 1)},
				Kind:     task.KindTask,
				Headings: []string{"三、重点任务", fmt.Sprintf("（%d）第%d组任务", i/10+1, i/10+1)},
				Title:    "加快高成长性企业集群培育",
				Text:     strings.Repeat("实施高成长性企业培育计划，每年遴选一批企业重点扶持。", 1+i%4),
				Lead:     []string{fmt.Sprintf("市第%d局", i%40)},
				Co:       []string{"市财政局", "市统计局"},
				UnitsRaw: "责任单位：市第N局、财政局、统计局",
				Deadline: &task.Deadline{Text: "2025年底前", Date: "2025-12-31"},
				Targets:  []task.Target{{Text: "新增省级研发平台10个", Indicator: "省级研发平台", Op: "+", Value: 10, Unit: "个"}},
			})
		}
		set.Documents = append(set.Documents, doc)
	}
	return set
}

func BenchmarkWrite(b *testing.B) {
	set := bigSet(5000)
	for b.Loop() {
		if err := Write(io.Discard, set, testNow); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRead reads a 5,000-task list and the 20,000 tasks of a
// province's round (the 5,000-unit comparison of report/round/roundbench).
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			data := writeBytes(b, bigSet(n))
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				set, err := Read("big.xlsx", bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				if got := len(set.Documents[4].Tasks); got != n/5 {
					b.Fatalf("read %d tasks in the last document; want %d", got, n/5)
				}
			}
		})
	}
}
