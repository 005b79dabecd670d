package fillin_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

type want struct {
	level fillin.Level
	parts []string
}

func errs(parts ...string) want  { return want{fillin.LevelError, parts} }
func warns(parts ...string) want { return want{fillin.LevelWarning, parts} }
func infos(parts ...string) want { return want{fillin.LevelInfo, parts} }

// checkCase edits the filled 市科技局 workbook, checks it and expects the
// given findings, and (when usable) no errors at all.
type checkCase struct {
	name   string
	edit   func(t *testing.T, f *excelize.File)
	opts   func(o *fillin.CheckOptions)
	want   []want
	usable bool
	verify func(t *testing.T, r *fillin.Return)
}

func runCases(t *testing.T, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, f := formtest.Filled(t)
			if tc.edit != nil {
				tc.edit(t, f)
			}
			o := formtest.CheckOptions(s)
			if tc.opts != nil {
				tc.opts(&o)
			}
			r := fillin.Check("return.xlsx", testkit.SaveBytes(t, f), o)
			if testing.Verbose() {
				t.Logf("findings:\n%s", formtest.DumpFindings(r))
			}
			for _, w := range tc.want {
				if !formtest.HasFinding(r, w.level, w.parts...) {
					t.Errorf("no %s finding with %q; got:\n%s", w.level, w.parts, formtest.DumpFindings(r))
				}
			}
			if r.Usable() != tc.usable {
				t.Errorf("Usable() = %v; want %v; findings:\n%s", r.Usable(), tc.usable, formtest.DumpFindings(r))
			}
			if tc.verify != nil {
				tc.verify(t, r)
			}
		})
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// swapRows exchanges the values of two rows of the form, every column.
func swapRows(t *testing.T, f *excelize.File, a, b int) {
	t.Helper()
	for c := fillin.ColLabel; c < fillin.NumCols; c++ {
		va, _ := f.GetCellValue(fillin.SheetForm, formtest.Cell(c, a), excelize.Options{RawCellValue: true})
		vb, _ := f.GetCellValue(fillin.SheetForm, formtest.Cell(c, b), excelize.Options{RawCellValue: true})
		formtest.SetCell(t, f, formtest.Cell(c, a), vb)
		formtest.SetCell(t, f, formtest.Cell(c, b), va)
	}
}

func TestCheckErrors(t *testing.T) {
	q1, _ := period.Parse("2025-Q1")
	runCases(t, []checkCase{
		{name: "changed locked cell", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "B6", "把任务改成别的内容")
		}, want: []want{errs("三(二)4", "“任务内容”被修改", "把任务改成别的内容")}, verify: func(t *testing.T, r *fillin.Return) {
			for _, f := range formtest.Levels(r, fillin.LevelError) {
				if f.Cell != "B6" || f.TaskID != "D1-003" {
					t.Errorf("finding at %s/%s; want B6/D1-003", f.Cell, f.TaskID)
				}
			}
		}},
		{name: "changed deadline", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "E5", "2030年")
		}, want: []want{errs("“完成时限”被修改")}},
		{name: "deleted row", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.RemoveRow(fillin.SheetForm, 6))
		}, want: []want{errs("缺少序号 三(二)4 的任务行")}},
		{name: "inserted row", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.InsertRows(fillin.SheetForm, 7, 1))
			formtest.SetCell(t, f, "B7", "自己加的任务")
			formtest.SetCell(t, f, "G7", "自己加的进展")
		}, want: []want{errs("第 7 行是新增的行")}},
		{name: "inserted row with foreign ID", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.InsertRows(fillin.SheetForm, 7, 1))
			formtest.SetCell(t, f, "O7", "D1-001")
			formtest.SetCell(t, f, "G7", "多报一项")
		}, want: []want{errs("第 7 行的任务编号“D1-001”不是本表下发的任务")}},
		{name: "duplicated row", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "O6", "D1-002")
		}, want: []want{errs("第 6 行与第 5 行是同一项任务"), errs("缺少序号 三(二)4")}},
		{name: "deleted column", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.RemoveCol(fillin.SheetForm, "H"))
		}, want: []want{errs("缺少“累计进度(%)”列")}, verify: func(t *testing.T, r *fillin.Return) {
			if len(r.Entries) != 4 || r.Entries[0].Percent != nil || r.Entries[0].Status != fillin.StatusOnTrack {
				t.Errorf("entries misread after a deleted column: %+v", r.Entries[0])
			}
		}},
		{name: "deleted task column", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.RemoveCol(fillin.SheetForm, "D"))
		}, want: []want{errs("缺少“其他责任单位”列")}},
		{name: "wrong period", opts: func(o *fillin.CheckOptions) { o.Period = &q1 },
			want: []want{errs("这是 2024年第四季度 的填报表，本次收取的是 2025年第一季度")}},
		{name: "other unit", opts: func(o *fillin.CheckOptions) { o.Unit = "市发改委" },
			want: []want{errs("这是“市科技局”的填报表，不是“市发改委”的")}},
		{name: "unknown task ID", opts: func(o *fillin.CheckOptions) {
			s := formtest.Set()
			s.Documents = s.Documents[:1]
			o.Tasks = s
		}, want: []want{errs("任务编号 D2-001（序号 一）不在任务分解表中")}},
		{name: "wrong secret", opts: func(o *fillin.CheckOptions) { o.Secret = []byte("another-office-secret-key") },
			want: []want{errs("签名密钥不符")}},
		{name: "edited hidden unit", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.SetCellValue(fillin.SheetMeta, "B3", "市发改委"))
		}, want: []want{errs("两处核验信息不一致")}},
		{name: "edited hidden unit and props", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.SetCellValue(fillin.SheetMeta, "B3", "市发改委"))
			mustDo(t, f.SetCustomProps(excelize.CustomProperty{Name: fillin.PropUnit, Value: "市发改委"}))
		}, want: []want{errs("签名不符")}},
		{name: "edited cell and hash", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "E8", "2030年底前")
			mustDo(t, f.SetCellValue(fillin.SheetMeta, "E11", "0000000000000000"))
		}, want: []want{errs("“完成时限”被修改")}},
		{name: "hidden sheet and properties removed", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.DeleteSheet(fillin.SheetMeta))
			for _, p := range []string{fillin.PropVersion, fillin.PropUnit, fillin.PropPeriod, fillin.PropSignature} {
				mustDo(t, f.SetCustomProps(excelize.CustomProperty{Name: p}))
			}
		}, want: []want{errs("找不到 taizhang 的核验信息")}},
	})
}

func TestCheckFileErrors(t *testing.T) {
	s := formtest.Set()
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"return.xls", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an old workbook"), "请另存为 .xlsx"},
		{"return.et", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 a WPS sheet"), "请另存为 .xlsx"},
		// Content decides: zip data under an old extension (an .xls the
		// caller converted, or a renamed .xlsx) is opened as a workbook.
		{"return.et", []byte("PK\x03\x04whatever"), "无法打开"},
		{"return.xlsx", []byte("%PDF-1.7"), "不是 .xlsx 工作簿"},
		{"return.xlsx", nil, "空的"},
		{"return.xlsx", []byte("PK\x03\x04broken"), "无法打开"},
	} {
		r := fillin.Check(tc.name, tc.data, formtest.CheckOptions(s))
		if r.Usable() || !formtest.HasFinding(r, fillin.LevelError, tc.want) {
			t.Errorf("fillin.Check(%s, %q) findings:\n%s\nwant an error with %q", tc.name, tc.data, formtest.DumpFindings(r), tc.want)
		}
	}
	// A workbook that is not ours.
	f := excelize.NewFile()
	defer f.Close()
	r := fillin.Check("other.xlsx", testkit.SaveBytes(t, f), formtest.CheckOptions(s))
	if r.Usable() || !formtest.HasFinding(r, fillin.LevelError, "找不到 taizhang 的核验信息") {
		t.Errorf("foreign workbook findings:\n%s", formtest.DumpFindings(r))
	}
}

func TestCheckTolerates(t *testing.T) {
	runCases(t, []checkCase{
		{name: "sorted rows", edit: func(t *testing.T, f *excelize.File) {
			swapRows(t, f, 5, 8)
		}, want: []want{infos("顺序与下发时不同")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if r.Entries[0].TaskID != "D1-002" || r.Entries[0].Row != 8 || *r.Entries[0].Percent != 80 || r.Entries[3].Row != 5 {
				t.Errorf("sorted entries = %+v", r.Entries)
			}
		}},
		{name: "protection removed", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.UnprotectSheet(fillin.SheetForm))
			mustDo(t, f.UnprotectSheet(fillin.SheetGuide))
			mustDo(t, f.UnprotectWorkbook())
			mustDo(t, f.SetSheetVisible(fillin.SheetMeta, true))
		}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if len(r.Findings) != 0 {
				t.Errorf("findings:\n%s", formtest.DumpFindings(r))
			}
		}},
		{name: "hidden sheet removed", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.DeleteSheet(fillin.SheetMeta))
		}, want: []want{warns("核验工作表“_taizhang”已被删除")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if len(r.Entries) != 4 {
				t.Errorf("%d entries", len(r.Entries))
			}
		}},
		{name: "hidden sheet removed and locked cell edited", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.DeleteSheet(fillin.SheetMeta))
			formtest.SetCell(t, f, "B5", "改过")
		}, want: []want{errs("“任务内容”被修改")}},
		{name: "ID column deleted", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.RemoveCol(fillin.SheetForm, "O"))
		}, want: []want{warns("已按序号和任务内容对应各行")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if len(r.Entries) != 4 || r.Entries[1].TaskID != "D1-003" {
				t.Errorf("entries = %+v", r.Entries)
			}
		}},
		{name: "ID column deleted and rows sorted", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.RemoveCol(fillin.SheetForm, "O"))
			swapRows(t, f, 5, 7)
		}, want: []want{infos("顺序")}, usable: true},
		{name: "ID cleared", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "O6", "")
		}, want: []want{warns("任务编号为空")}, usable: true},
		{name: "columns moved", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.InsertCols(fillin.SheetForm, "G", 1))
			mustDo(t, f.SetCellValue(fillin.SheetForm, "G4", "自加列"))
		}, want: []want{infos("已按表头文字对应各列")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if *r.Entries[0].Percent != 80 {
				t.Errorf("entries misread after a moved column: %+v", r.Entries[0])
			}
		}},
		{name: "task list changed since issue", opts: func(o *fillin.CheckOptions) {
			o.Tasks.Documents[1].Tasks[0].Text = "推进“一网通办”，实现高频事项全程网办、一次办成。"
		}, want: []want{warns("任务分解表在下发后修改了“任务内容”")}, usable: true},
		{name: "no secret", opts: func(o *fillin.CheckOptions) { o.Secret = nil }, want: []want{warns("未提供签名密钥")}, usable: true},
		{name: "no task list", opts: func(o *fillin.CheckOptions) { o.Tasks = nil }, usable: true},
		{name: "visible unit changed", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "B2", "市发改委")
		}, want: []want{warns("表头的填报单位“市发改委”")}, usable: true},
		{name: "blank rows and merged inputs", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "K5", "资金不到位")
			mustDo(t, f.MergeCell(fillin.SheetForm, "K5", "K6"))
			formtest.SetCell(t, f, "G12", " ")
		}, want: []want{infos("是合并单元格")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if r.Entries[1].Problems != "资金不到位" {
				t.Errorf("merged value not spread: %+v", r.Entries[1])
			}
		}},
		{name: "sheet renamed", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.SetSheetName(fillin.SheetForm, "Sheet1"))
		}, want: []want{infos("按表头读取了工作表“Sheet1”")}, usable: true},
	})
}

func TestCheckWarnings(t *testing.T) {
	runCases(t, []checkCase{
		{name: "formula in percent", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.SetCellFormula(fillin.SheetForm, "H5", "=50+30"))
		}, want: []want{warns("未采用：请填写数值而非公式")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if r.Entries[0].Percent != nil {
				t.Errorf("formula value used: %v", *r.Entries[0].Percent)
			}
		}},
		{name: "formula in text", edit: func(t *testing.T, f *excelize.File) {
			mustDo(t, f.SetCellFormula(fillin.SheetForm, "G6", `="已完成"&"部分"`))
		}, want: []want{warns("“本期进展情况”是公式")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if r.Entries[1].Progress != "" || r.Entries[0].Progress == "" {
				t.Errorf("a formula cell costs only that cell: %q, %q", r.Entries[0].Progress, r.Entries[1].Progress)
			}
		}},
		{name: "required empty", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "G5", "")
		}, want: []want{warns("二(一)", "未填写“本期进展情况”")}, usable: true},
		{name: "row empty", edit: func(t *testing.T, f *excelize.File) {
			for _, c := range []string{"G6", "H6", "I6"} {
				formtest.SetCell(t, f, c, "")
			}
		}, want: []want{warns("本行未填报")}, usable: true},
		{name: "status outside list", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "I5", "很好")
		}, want: []want{warns("完成状态“很好”不在下拉列表中")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if r.Entries[0].Status != "" || r.Entries[0].StatusRaw != "很好" {
				t.Errorf("entry = %+v", r.Entries[0])
			}
		}},
		{name: "percent over 100", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H5", 120)
		}, want: []want{warns("累计进度 120 超出 0–100")}, usable: true},
		{name: "percent not a number", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H5", "大部分")
		}, want: []want{warns("累计进度“大部分”不是数字")}, usable: true},
		{name: "done below 100", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "I5", "已完成")
		}, want: []want{warns("完成状态为“已完成”，但累计进度为 80")}, usable: true},
		{name: "behind without problems", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "I6", "滞后")
		}, want: []want{warns("完成状态为“滞后”")}, usable: true},
		{name: "no filler or date", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "B3", "")
			formtest.SetCell(t, f, "H3", "")
		}, want: []want{warns("未填写填报人"), warns("未填写填报日期")}, usable: true},
		{name: "text date", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H3", "2025年1月3日")
		}, want: []want{warns("填报日期“2025年1月3日”是文本", "2025-01-03")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if r.Header.Date != "2025-01-03" {
				t.Errorf("date = %q", r.Header.Date)
			}
		}},
		{name: "bad date", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H3", "上周五")
		}, want: []want{warns("无法识别填报日期“上周五”")}, usable: true},
		{name: "current not a number", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "J5", "已达标")
		}, want: []want{warns("指标当前值“已达标”不是数值")}, usable: true},
		{name: "current with unit", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "J5", "1050家")
		}, want: []want{infos("“1050家”按 1050 读取")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if v := r.Entries[0].CurrentValue; v == nil || *v != 1050 {
				t.Errorf("current value = %v", v)
			}
		}},
		{name: "current without target", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "J6", "12")
		}, want: []want{warns("本任务没有量化指标")}, usable: true},
		{name: "percent typed as text", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H5", "８０％")
		}, want: []want{infos("“８０％”按 80 读取")}, usable: true},
		{name: "percent formatted", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H5", 0.85)
			id, err := f.NewStyle(&excelize.Style{NumFmt: 9})
			mustDo(t, err)
			mustDo(t, f.SetCellStyle(fillin.SheetForm, "H5", "H5", id))
		}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if v := r.Entries[0].Percent; v == nil || *v != 85 {
				t.Errorf("percent = %v; want 85", v)
			}
		}},
		{name: "status synonym", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "I5", "完成 ")
			formtest.SetCell(t, f, "H5", 100)
		}, want: []want{infos("“完成”按“已完成”读取")}, usable: true},
		{name: "status with percent", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "I5", "已完成90%")
			formtest.SetCell(t, f, "H5", "")
		}, want: []want{infos("按完成状态中的 90 读取")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if e := r.Entries[0]; e.Status != fillin.StatusOnTrack || e.Percent == nil || *e.Percent != 90 {
				t.Errorf("entry = %+v", e)
			}
		}},
	})
}

func TestCheckOtherUnitsWorkbook(t *testing.T) {
	s := formtest.Set()
	b := formtest.WriteUnit(t, s, "市发改委")
	o := formtest.CheckOptions(s)
	o.Unit = "市科技局"
	r := fillin.Check("2024年第四季度_市科技局_填报表.xlsx", b, o)
	if r.Usable() || r.Unit != "市发改委" {
		t.Errorf("unit %q, findings:\n%s", r.Unit, formtest.DumpFindings(r))
	}
	// The file name alone does not make it another unit's.
	o.Unit = ""
	r = fillin.Check("2024年第四季度_市科技局_填报表.xlsx", b, o)
	if !r.Usable() || !formtest.HasFinding(r, fillin.LevelWarning, "文件名像是“市科技局”的") {
		t.Errorf("findings:\n%s", formtest.DumpFindings(r))
	}
}

func TestCheckCoUnitOnly(t *testing.T) {
	s := formtest.Set()
	f := testkit.OpenBytes(t, formtest.WriteUnit(t, s, "市统计局"))
	formtest.FillIn(t, f, 1)
	r := fillin.Check("x.xlsx", testkit.SaveBytes(t, f), formtest.CheckOptions(s))
	if !r.Usable() || len(r.Entries) != 1 || r.Entries[0].Role != fillin.RoleCo {
		t.Errorf("entries %+v findings:\n%s", r.Entries, formtest.DumpFindings(r))
	}
}

func TestCheckConcurrent(t *testing.T) {
	s, f := formtest.Filled(t)
	data := testkit.SaveBytes(t, f)
	opts := formtest.CheckOptions(s)
	want := fillin.Check("x.xlsx", data, opts)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if r := fillin.Check("x.xlsx", data, opts); !reflect.DeepEqual(r, want) {
					t.Error("concurrent checks differ")
				}
			}
		}()
	}
	wg.Wait()
}

func TestReturnJSON(t *testing.T) {
	s, f := formtest.Filled(t)
	formtest.SetCell(t, f, "I5", "完成")
	r := fillin.Check("x.xlsx", testkit.SaveBytes(t, f), formtest.CheckOptions(s))
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"file":`, `"unit":"市科技局"`, `"period":"2024-Q4"`, `"version":`, `"header":{"filler":"张三"`,
		`"entries":[{"task_id":"D1-002"`, `"status_raw":"完成"`, `"current_value":null`, `"next_steps":`, `"findings":[{"level":"info"`, `"message":`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s:\n%s", key, b)
		}
	}
	if got := fillin.LevelError.Label() + fillin.LevelWarning.Label() + fillin.LevelInfo.Label(); got != "错误警告说明" {
		t.Errorf("labels = %q", got)
	}
	if got := (fillin.Finding{Level: fillin.LevelError, File: "a.xlsx", Sheet: fillin.SheetForm, Cell: "H7", Msg: "x"}).String(); got != "[错误] a.xlsx：工作表“填报表”第 7 行 H 列：x" {
		t.Errorf("String() = %q", got)
	}
}
