package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/gongwen/pdfcheck"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
)

// The demo runs once per test process; the tests that read its output
// share it and must not change it.
var (
	demoOnce          sync.Once
	demoDir           string
	demoOut, demoErrs string
	demoCode          int
	demoTmp           string
)

func runDemo(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		var err error
		if demoTmp, err = os.MkdirTemp("", "taizhang-demo-"); err != nil {
			t.Fatal(err)
		}
		demoDir = filepath.Join(demoTmp, "out")
		var code int
		code, demoOut, demoErrs = runCmd(t, "demo", "-o", demoDir)
		demoCode = code
	})
	if demoCode != exitOK {
		t.Fatalf("demo: exit %d: %s", demoCode, demoErrs)
	}
	return demoDir
}

// runMainEnv makes the test binary run taizhang's main instead of the
// tests, for tests that need a process of their own (signals).
const runMainEnv = "TAIZHANG_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
	}
	code := m.Run()
	if demoTmp != "" {
		os.RemoveAll(demoTmp)
	}
	os.Exit(code)
}

var quarters = []string{"2024年第一季度", "2024年第二季度", "2024年第三季度", "2024年第四季度"}

func TestDemo(t *testing.T) {
	dir := runDemo(t)
	for _, want := range []string{"任务和目标 201 项", "0 项未明确牵头单位", "指定了牵头单位", "2024年第四季度", "年度考核：县（市、区）第一名", "市直部门第一名", "经常迟报", "全年未报", "taizhang status"} {
		if !strings.Contains(demoOut, want) {
			t.Errorf("demo output lacks %q:\n%s", want, demoOut)
		}
	}
	set, err := tasklist.ReadFile(filepath.Join(dir, "任务分解表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Documents) != 5 {
		t.Errorf("demo task list holds %d documents; want 5", len(set.Documents))
	}
	// The year: completion rises quarter by quarter, and each quarter has
	// its workbooks, returns, ledger with a ranking, and bulletin.
	prev := -1.0
	for _, q := range quarters {
		l, err := ledgerbook.ReadFile(filepath.Join(dir, q, "总台账.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if l.Totals.Completion <= prev {
			t.Errorf("%s: completion %.3f does not rise over %.3f", q, l.Totals.Completion, prev)
		}
		prev = l.Totals.Completion
		if l.Totals.Late == 0 || l.Totals.MissingN == 0 || l.Totals.Superseded == 0 {
			t.Errorf("%s: the demo should have late, missing and superseded returns: %+v", q, l.Totals)
		}
		f, err := excelize.OpenFile(filepath.Join(dir, q, "总台账.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if idx, _ := f.GetSheetIndex(ledgerbook.SheetRanking); idx < 0 {
			t.Errorf("%s: the ledger has no %s sheet", q, ledgerbook.SheetRanking)
		}
		f.Close()
		// One workbook per unit of the seeds as the demo's office names
		// them: the bodies renamed since (市经信委, 市工信委, 市经信局 →
		// 市工信局 …) and the other cities' districts, zones and banks
		// mapped to the demo city's counted once, 各县(市、区)人民政府
		// expanded into the six county-level governments; 市直相关部门 after
		// 等 sums up the units listed before it and gets no workbook of its
		// own.
		entries, err := os.ReadDir(filepath.Join(dir, q, "填报表"))
		if err != nil || len(entries) != 60 {
			t.Errorf("%s: %d workbooks (%v)", q, len(entries), err)
		}
		checkPDF(t, filepath.Join(dir, q, "报告.pdf"), q+"重点工作任务推进情况的通报", "四、单位排名", "附件1")
	}
	checkPDF(t, filepath.Join(dir, "年度", "2024年度考核报告.pdf"), "关于2024年度重点工作任务推进及考核情况的通报", "二、考核结果", "四、结转下年度任务")
	if _, err := os.Stat(filepath.Join(dir, "年度", "2024年度台账.xlsx")); err != nil {
		t.Error(err)
	}
}

// checkPDF runs the poppler checks on a report and looks for its parts.
func checkPDF(t *testing.T, path string, parts ...string) *pdfcheck.Report {
	t.Helper()
	if !pdfcheck.Available() {
		t.Skip("poppler-utils not installed")
	}
	c, err := pdfcheck.Check(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Problems {
		t.Errorf("%s: %s", path, p)
	}
	if miss := c.InOrder(parts...); miss != "" {
		t.Errorf("%s lacks %q", path, miss)
	}
	if c.Landscape() == 0 {
		t.Errorf("%s: no landscape attachment", path)
	}
	return c
}

// Case 2 of issue 11: demo -o into a folder that is not empty (an earlier
// demo, the office's files) deletes nothing and writes the demo beside it.
func TestDemoAgainKeepsEverything(t *testing.T) {
	earlier := runDemo(t)
	before := hashTree(t, earlier)
	code, out, errOut := runCmd(t, "demo", "-o", earlier)
	if code != exitOK || !strings.Contains(out, "演示写入新目录 "+earlier+"-2") {
		t.Fatalf("demo over an earlier demo: exit %d: %s%s", code, out, errOut)
	}
	defer os.RemoveAll(earlier + "-2")
	after := hashTree(t, earlier)
	if len(after) != len(before) {
		t.Errorf("the earlier demo folder holds %d files; it held %d", len(after), len(before))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("%s changed", p)
		}
	}
	if _, err := tasklist.ReadFile(filepath.Join(earlier+"-2", "任务分解表.xlsx")); err != nil {
		t.Error(err)
	}
}

// The office edits the ledger (核定状态, 复核意见), then writes the report.
func TestReport(t *testing.T) {
	demo := runDemo(t)
	dir := t.TempDir()
	src := filepath.Join(demo, "2024年第四季度", "总台账.xlsx")
	path := filepath.Join(dir, "总台账.xlsx")
	testkit.CopyFile(t, src, path, 0o644)
	l, err := ledgerbook.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var red *ledger.Row
	for _, r := range l.Rows {
		if r.Light == ledger.Red && r.Reported {
			red = r
			break
		}
	}
	if red == nil {
		t.Fatal("no red row in the demo ledger")
	}
	officeEdit(t, path, red.TaskID, map[string]string{"核定状态": "已完成", "复核意见": "经核实已于12月完成，同意销号。"})
	before := testkit.FileHash(t, path)

	out := filepath.Join(dir, "报告.pdf")
	code, stdout, errOut := runCmd(t, "report", "--ledger", path, "-o", out, "--office", "某市效能办", "--date", "2025-01-10")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(stdout, out) {
		t.Errorf("stdout: %s", stdout)
	}
	c := checkPDF(t, out, "关于2024年第四季度", "各责任单位：", "一、总体情况", "二、分项推进情况", "三、存在问题", "四、单位排名",
		"某市效能办", "2025年1月10日", "附件1")
	if !c.Contains("已完成（核定）") || !c.Contains("经核实已于12月完成，同意销号。") {
		t.Error("the office's 核定状态 and 复核意见 are not in the report")
	}
	if testkit.FileHash(t, path) != before {
		t.Error("report modified its input")
	}
	first, _ := os.ReadFile(out)
	if code, _, errOut := runCmd(t, "report", "--ledger", path, "-o", out, "--office", "某市效能办", "--date", "2025-01-10"); code != exitOK {
		t.Fatalf("second run: %s", errOut)
	}
	again, _ := os.ReadFile(out)
	if string(first) != string(again) {
		t.Error("the same ledger gives a different PDF")
	}

	// A 楷体 with almost no characters: the rest come from fallbacks, with
	// a note; the PDF is still complete.
	tiny := filepath.Join("..", "..", "report", "typeface", "testdata", "tiny.ttf")
	code, _, errOut = runCmd(t, "report", "--ledger", path, "-o", filepath.Join(dir, "tiny.pdf"), "--font", "kai="+tiny)
	if code != exitOK || !strings.Contains(errOut, "提示：楷体") {
		t.Errorf("tiny 楷体: exit %d: %s", code, errOut)
	}
	if cff := "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"; workspace.Exists(cff) {
		code, _, errOut = runCmd(t, "report", "--ledger", path, "-o", filepath.Join(dir, "cff.pdf"), "--font", "body="+cff)
		if code != exitInput || !strings.Contains(errOut, "OpenType/CFF") || !strings.Contains(errOut, cff) {
			t.Errorf("CFF font: exit %d: %s", code, errOut)
		}
	}
	for _, bad := range [][]string{
		{"report", "--ledger", path, "--kind", "weekly"},
		{"report", "--ledger", path, "--font", "serif=x.ttf"},
		{"report", "--ledger", path, "--date", "2025年1月10日"},
		{"report", "--ledger", path, "--ledger", filepath.Join(demo, "2024年第三季度", "总台账.xlsx")},
		{"report", "--ledger", path, "-o", dir},
	} {
		if code, _, errOut := runCmd(t, bad...); code != exitUsage {
			t.Errorf("%v: exit %d: %s", bad, code, errOut)
		}
	}
	if code, _, errOut := runCmd(t, "report", "--ledger", filepath.Join(dir, "没有.xlsx")); code != exitInput || !strings.Contains(errOut, "没有.xlsx") {
		t.Errorf("missing ledger: exit %d: %s", code, errOut)
	}
}

// The annual report from every quarter's ledger, and the workspace's
// report without arguments.
func TestReportAnnualAndWorkspace(t *testing.T) {
	demo := runDemo(t)
	dir := t.TempDir()
	args := []string{"report", "--kind", "annual", "-o", filepath.Join(dir, "新建", "年度.pdf")}
	for i := len(quarters) - 1; i >= 0; i-- { // any order
		args = append(args, "--ledger", filepath.Join(demo, quarters[i], "总台账.xlsx"))
	}
	code, _, errOut := runCmd(t, args...)
	if code != exitOK {
		t.Fatalf("annual: exit %d: %s", code, errOut)
	}
	dir = filepath.Join(dir, "新建") // made by report
	checkPDF(t, filepath.Join(dir, "年度.pdf"), "各期完成率依次为：第一季度", "第二季度", "第三季度", "第四季度",
		"二、考核结果", "评分规则", "考核排名", "得分说明", "四、结转下年度任务", "附件1")
	// The year workbook is written beside the report.
	f, err := excelize.OpenFile(filepath.Join(dir, "2024年度台账.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	sheets := strings.Join(f.GetSheetList(), "|")
	f.Close()
	for _, want := range append([]string{ledgerbook.SheetAnnual, ledgerbook.SheetRankTrend, ledgerbook.SheetTaskTrend, ledgerbook.SheetCarriedOver}, quarters...) {
		if !strings.Contains(sheets, want) {
			t.Errorf("year workbook sheets %s lack %s", sheets, want)
		}
	}

	out := filepath.Join(dir, "本期.pdf")
	code, _, errOut = runCmd(t, "report", "--workspace", demo, "-o", out)
	if code != exitOK {
		t.Fatalf("workspace report: exit %d: %s", code, errOut)
	}
	c := checkPDF(t, out, "关于2024年第四季度", "四、单位排名", "较上期", "演示市人民政府督查室")
	if !c.Contains("↑") || !c.Contains("↓") {
		t.Error("the ranking shows no moves since the third quarter")
	}
}

// hashTree hashes every file under dir.
func hashTree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			m[p] = testkit.FileHash(t, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
