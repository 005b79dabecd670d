package fillin_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

// TestCheckValueLimits is every value a cell can hold that is out of any
// sensible range: each is refused with its cell named, costs only that
// cell (the return stays usable) and never reaches the entries as a number
// that cannot be encoded.
func TestCheckValueLimits(t *testing.T) {
	noPercent := func(t *testing.T, r *fillin.Return) {
		if p := r.Entries[0].Percent; p != nil {
			t.Errorf("percent = %v; want none", *p)
		}
		if r.Entries[0].Progress == "" || r.Entries[1].Percent == nil {
			t.Errorf("the rest of the return was lost: %+v", r.Entries[:2])
		}
	}
	noDate := func(t *testing.T, r *fillin.Return) {
		if r.Header.Date != "" {
			t.Errorf("date = %q; want none", r.Header.Date)
		}
	}
	runCases(t, []checkCase{
		{name: "percent 1E+308", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H5", 1e308)
		}, want: []want{warns("累计进度", "超出合理范围")}, usable: true, verify: noPercent},
		{name: "percent 1E+308 as text", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H5", "1E+308")
		}, want: []want{warns("累计进度“1E+308”超出合理范围")}, usable: true, verify: noPercent},
		{name: "percent overflowing its percent format", edit: func(t *testing.T, f *excelize.File) {
			style, err := f.NewStyle(&excelize.Style{NumFmt: 10})
			mustDo(t, err)
			mustDo(t, f.SetCellStyle(fillin.SheetForm, "H5", "H5", style))
			formtest.SetCell(t, f, "H5", 1e307)
		}, want: []want{warns("累计进度", "超出合理范围")}, usable: true, verify: noPercent},
		{name: "percent 1e400", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H5", "1e400")
		}, want: []want{warns("累计进度“1e400”超出合理范围")}, usable: true, verify: noPercent},
		{name: "current 1E+308", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "J5", 1e308)
		}, want: []want{warns("指标当前值", "超出合理范围")}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if v := r.Entries[0].CurrentValue; v != nil {
				t.Errorf("current value = %v; want none", *v)
			}
		}},
		{name: "current with a 400-digit number", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "J5", "约1"+strings.Repeat("0", 400)+"家")
		}, want: []want{warns("指标当前值", "超出合理范围")}, usable: true},
		{name: "date in 2099", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H3", "2099-01-05")
		}, want: []want{warns("填报日期 2099-01-05 不在本期（2024年第四季度）可能的填报时间内")}, usable: true, verify: noDate},
		{name: "date in 1900", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H3", 1) // serial 1: 1900-01-01
		}, want: []want{warns("填报日期 1900-01-01 不在本期")}, usable: true, verify: noDate},
		{name: "date unreadable", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "H3", "zzz")
		}, want: []want{warns("无法识别填报日期“zzz”，未采用")}, usable: true, verify: noDate},
		{name: "progress of 20,000 characters kept whole", edit: func(t *testing.T, f *excelize.File) {
			formtest.SetCell(t, f, "G5", strings.Repeat("进", 20000))
		}, usable: true, verify: func(t *testing.T, r *fillin.Return) {
			if n := utf8.RuneCountInString(r.Entries[0].Progress); n != 20000 {
				t.Errorf("progress has %d characters; want 20000", n)
			}
			if formtest.HasFinding(r, fillin.LevelWarning, "以下略") {
				t.Errorf("a text that fits was reported as cut:\n%s", formtest.DumpFindings(r))
			}
		}},
	})
	// Every result can be written as JSON (check --json, the ledger).
	t.Run("json", func(t *testing.T) {
		s, f := formtest.Filled(t)
		formtest.SetCell(t, f, "H5", 1e308)
		formtest.SetCell(t, f, "J5", 1e308)
		r := fillin.Check("return.xlsx", testkit.SaveBytes(t, f), formtest.CheckOptions(s))
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
	})
}

// TestCheckTextBeyondExcel is a cell longer than Excel allows, which only a
// file written by another program can hold: it is cut visibly, with a
// pointer to the cell, and reported.
func TestCheckTextBeyondExcel(t *testing.T) {
	s, f := formtest.Filled(t)
	formtest.SetCell(t, f, "G5", "LONGTEXTMARK")
	b := testkit.SaveBytes(t, f)
	sst := testkit.ZipEntry(t, b, "xl/sharedStrings.xml")
	long := strings.Repeat("长", 40000)
	b = replaceEntry(t, b, "xl/sharedStrings.xml", []byte(strings.Replace(sst, "LONGTEXTMARK", long, 1)))
	r := fillin.Check("long.xlsx", b, formtest.CheckOptions(s))
	if !r.Usable() {
		t.Fatalf("not usable:\n%s", formtest.DumpFindings(r))
	}
	if !formtest.HasFinding(r, fillin.LevelWarning, "“本期进展情况”共 40000 字，超过 Excel 单元格的上限") {
		t.Errorf("the cut is not reported:\n%s", formtest.DumpFindings(r))
	}
	p := r.Entries[0].Progress
	if n := cells.CellUnits(p); n > cells.MaxCellUnits {
		t.Errorf("progress has %d units; more than a cell holds", n)
	}
	if !strings.HasSuffix(p, "……（以下略，全文见报送文件 long.xlsx 的 G5 单元格）") || !strings.HasPrefix(p, strings.Repeat("长", 30000)) {
		t.Errorf("progress is not cut visibly: …%s", p[len(p)-120:])
	}
}
