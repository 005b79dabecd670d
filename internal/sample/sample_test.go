package sample

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/templates/form"
)

var (
	testSecret = []byte("0123456789abcdef0123456789abcdef") // 32 bytes
	testDue    = time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
	testNow    = time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC)
)

func testPeriod(t testing.TB) period.Period {
	p, err := period.Parse("2024-Q4")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func tk(id string, path []string, title, text string, lead, co []string, deadline, date string, targets ...task.Target) *task.Task {
	kind := task.KindTask
	if len(targets) > 0 {
		kind = task.KindTarget
	}
	t := &task.Task{ID: id, Path: path, Kind: kind, Title: title, Text: text, Lead: lead, Co: co, Targets: targets}
	if deadline != "" || date != "" {
		t.Deadline = &task.Deadline{Text: deadline, Date: date}
	}
	return t
}

func tg(text string, v float64, unit string) task.Target {
	return task.Target{Text: text, Value: v, Unit: unit}
}

func us(names ...string) []string { return names }

// handSet is a small task list: two documents, 12 units, each with at
// least three rows.
func handSet() *task.Set {
	const (
		fgw, kjj, gxj, czj, rsj, zjj = "市发改委", "市科技局", "市工信局", "市财政局", "市人社局", "市住建局"
		swj, nyj, wjw, jyj, sjj, jgj = "市商务局", "市农业农村局", "市卫健委", "市教育局", "市数据局", "市市场监管局"
	)
	return &task.Set{Documents: []*task.Document{
		{ID: "D1", Source: "001.txt", Title: "关于印发《泰州市创新驱动发展实施方案》的通知", Tasks: []*task.Task{
			{ID: "D1-001", Path: []string{"一"}, Kind: task.KindOther, Title: "指导思想", Text: "全面贯彻党的二十大精神。"},
			tk("D1-002", []string{"二", "(一)"}, "创新能力", "到2024年，R&D经费支出占地区生产总值比例提高到2.8%以上，高新技术企业超过1000家。",
				us(kjj), us(czj), "2024年底前", "2024-12-31",
				tg("R&D经费支出占地区生产总值比例提高到2.8%以上", 2.8, "%"), tg("高新技术企业超过1000家", 1000, "家")),
			tk("D1-003", []string{"三", "(一)", "1"}, "加快高成长性企业集群培育", "加快高成长性企业集群培育。每年遴选一批企业重点扶持。",
				us(kjj, fgw), us(gxj), "持续推进", ""),
			tk("D1-004", []string{"三", "(一)", "2"}, "推进企业研发机构建设", "新增省级以上研发机构30家。",
				us(kjj), us(gxj), "2024年底前", "2024-12-31", tg("新增省级以上研发机构30家", 30, "家")),
			tk("D1-005", []string{"三", "(二)", "1"}, "实施制造业智能化改造", "完成智能化改造项目200个。",
				us(gxj), us(czj, kjj), "2024年底前", "2024-12-31", tg("完成智能化改造项目200个", 200, "个")),
			tk("D1-006", []string{"三", "(二)", "2"}, "加强科技人才引育", "实施“凤城英才”计划。", us(rsj), us(kjj), "持续推进", ""),
			tk("D1-007", []string{"三", "(三)", "1"}, "完善科技金融服务", "设立科技成果转化基金。", us(czj), us(kjj), "2024年9月底前", "2024-09-30"),
			tk("D1-008", []string{"三", "(三)", "2"}, "提升医疗卫生科技创新能力", "建设临床医学研究中心。", us(wjw), us(kjj), "2024年底前", "2024-12-31"),
			tk("D1-009", []string{"三", "(三)", "3"}, "推进产教融合", "建设产教融合实训基地。", us(jyj), us(rsj, gxj), "2024年底前", "2024-12-31"),
			tk("D1-010", []string{"三", "(四)", "1"}, "打造农业科技园区", "建成省级以上农业科技园区3个。",
				us(nyj), us(kjj), "2025年底前", "2025-12-31", tg("建成省级以上农业科技园区3个", 3, "个")),
			tk("D1-011", []string{"三", "(四)", "2"}, "推进中医药传承创新", "建设中医药传承创新中心。", us(wjw), nil, "2024年底前", "2024-12-31"),
		}},
		{ID: "D2", Source: "002.docx", Title: "2024年全市优化营商环境工作要点", Tasks: []*task.Task{
			tk("D2-001", []string{"一"}, "", "推进“一网通办”，高频事项全程网办率达到90%以上。", us(sjj), us(jgj), "2024年底前", "2024-12-31",
				tg("高频事项全程网办率达到90%以上", 90, "%")),
			tk("D2-002", []string{"二"}, "深化“证照分离”改革", "", us(jgj), us(swj), "2024年6月底前", "2024-06-30"),
			tk("D2-003", []string{"三"}, "优化工程建设项目审批", "审批时间压减至60个工作日以内。", us(zjj), us(fgw, sjj), "2024年底前", "2024-12-31"),
			tk("D2-004", []string{"四"}, "稳外贸稳外资", "", us(swj), us(fgw), "持续推进", ""),
			tk("D2-005", []string{"五"}, "落实减税降费政策", "", us(czj), us(rsj), "持续推进", ""),
			tk("D2-006", []string{"六"}, "完善社会信用体系", "", us(fgw), us(jgj, sjj), "2024年底前", "2024-12-31"),
			tk("D2-007", []string{"七"}, "推进老旧小区改造", "完成老旧小区改造120个。", us(zjj), nil, "2024年底前", "2024-12-31",
				tg("完成老旧小区改造120个", 120, "个")),
			tk("D2-008", []string{"八"}, "加强养老服务", "", us(wjw), us(rsj), "2024年底前", "2024-12-31"),
			tk("D2-009", []string{"九"}, "推动乡村产业发展", "", us(nyj), us(swj), "2024年底前", "2024-12-31"),
			tk("D2-010", []string{"十"}, "推进义务教育优质均衡", "", us(jyj), us(czj, zjj), "2025年底前", "2025-12-31"),
			tk("D2-011", []string{"十一"}, "加强知识产权保护", "", us(jgj), us(kjj), "持续推进", ""),
			tk("D2-012", []string{"十二"}, "建设政务数据共享平台", "", us(sjj), us(fgw), "2024年底前", "2024-12-31"),
			tk("D2-013", []string{"十三"}, "推进农产品冷链物流建设", "", us(nyj), us(swj), "2024年底前", "2024-12-31"),
			tk("D2-014", []string{"十四"}, "推进职业教育改革", "", us(jyj), us(rsj), "2024年底前", "2024-12-31"),
		}},
	}}
}

// issue writes the workbooks of set into a new directory and returns
// their paths.
func issue(t testing.TB, set *task.Set) []string {
	t.Helper()
	units, unassigned := fillin.Assign(set)
	if len(unassigned) > 0 {
		t.Fatalf("%d unassigned tasks", len(unassigned))
	}
	dir := t.TempDir()
	written, err := form.WriteAll(dir, units, form.Options{Period: testPeriod(t), Due: testDue, Secret: testSecret, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	var books []string
	for _, w := range written {
		books = append(books, w.Path)
	}
	return books
}

// fillIssued is Fill for the workbooks issue wrote from set, in its order.
func fillIssued(t testing.TB, set *task.Set, paths []string, out string, opts Options) ([]Plan, error) {
	t.Helper()
	units, _ := fillin.Assign(set)
	return Fill(BooksOf(units, paths, opts.Period, opts.Due), out, opts)
}

func hashFiles(t testing.TB, paths []string) []string {
	t.Helper()
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%x", sha256.Sum256(data)))
	}
	return out
}

// dump renders what a return holds as people see it: its name, its
// modification time and every cell of the 填报表 sheet as stored.
func dump(t testing.TB, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(fillin.SheetForm, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "== %s %s\n", filepath.Base(path), fi.ModTime().Format(time.RFC3339))
	for i, r := range rows {
		fmt.Fprintf(&b, "%d: %q\n", i+1, r)
	}
	return b.String()
}

// relPlans are plans with file paths relative to their directory.
func relPlans(plans []Plan) []Plan {
	out := slices.Clone(plans)
	for i := range out {
		out[i].Files = nil
		for _, f := range plans[i].Files {
			out[i].Files = append(out[i].Files, filepath.Base(f))
		}
	}
	return out
}

func dumpAll(t testing.TB, plans []Plan) string {
	var b strings.Builder
	for _, p := range plans {
		for _, f := range p.Files {
			b.WriteString(dump(t, f))
		}
	}
	return b.String()
}

func TestFillReturns(t *testing.T) {
	set := handSet()
	books := issue(t, set)
	if len(books) != 12 {
		t.Fatalf("%d books; want 12", len(books))
	}
	before := hashFiles(t, books)
	p := testPeriod(t)
	opts := Options{Period: p, Due: testDue, Seed: 42}
	out := t.TempDir()
	plans, err := fillIssued(t, set, books, out, opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := hashFiles(t, books); !slices.Equal(got, before) {
		t.Error("FillReturns changed an issued workbook")
	}

	// The mix.
	var missing, late, twice, renamed, messy, clean int
	files := 0
	for i, pl := range plans {
		if pl.Book != books[i] || pl.Unit == "" {
			t.Errorf("plan %d = %+v", i, pl)
		}
		files += len(pl.Files)
		switch {
		case pl.Missing:
			missing++
			if len(pl.Files) != 0 {
				t.Errorf("%s is missing but has files %q", pl.Unit, pl.Files)
			}
			continue
		case pl.Twice:
			twice++
			if len(pl.Files) != 2 || !strings.HasSuffix(pl.Files[1], "(修改版).xlsx") || pl.Files[0] != filepath.Join(out, filepath.Base(pl.Book)) {
				t.Errorf("%s sent twice as %q", pl.Unit, pl.Files)
			}
		case pl.Renamed:
			renamed++
			if len(pl.Files) != 1 || filepath.Base(pl.Files[0]) == filepath.Base(pl.Book) || !strings.HasSuffix(pl.Files[0], "进度.xlsx") {
				t.Errorf("%s renamed as %q", pl.Unit, pl.Files)
			}
		default:
			if len(pl.Files) != 1 || pl.Files[0] != filepath.Join(out, filepath.Base(pl.Book)) {
				t.Errorf("%s sent %q", pl.Unit, pl.Files)
			}
		}
		if pl.Late {
			late++
		}
		if pl.Messy {
			messy++
		}
		if !pl.Late && !pl.Messy && !pl.Twice {
			clean++
		}
	}
	if missing != 1 || late != 2 || twice != 1 || renamed != 1 || messy < 2 || clean < 4 {
		t.Errorf("mix: %d missing, %d late, %d twice, %d renamed, %d messy, %d clean on time", missing, late, twice, renamed, messy, clean)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != files {
		t.Errorf("%d files in the output directory; the plans name %d", len(entries), files)
	}

	// Every return checks without errors, as the unit it claims.
	var findings []fillin.Finding
	copts := fillin.CheckOptions{Tasks: set, Period: &p, Secret: testSecret}
	for _, pl := range plans {
		var dates []string
		for k, f := range pl.Files {
			r := checkFile(t, f, copts)
			findings = append(findings, r.Findings...)
			var warn []string
			for _, fd := range r.Findings {
				if fd.Level != fillin.LevelInfo {
					warn = append(warn, fd.String())
				}
			}
			if !r.Usable() {
				t.Errorf("%s is not usable:\n%s", f, strings.Join(warn, "\n"))
			}
			if r.Unit != pl.Unit || r.Period != "2024-Q4" || len(r.Entries) == 0 {
				t.Errorf("%s: unit %q period %q, %d entries", f, r.Unit, r.Period, len(r.Entries))
			}
			final := k == len(pl.Files)-1
			if final && !pl.Messy && len(warn) > 0 {
				t.Errorf("%s is a clean return but has findings:\n%s", f, strings.Join(warn, "\n"))
			}
			if pl.Twice && !final && !hasMsg(r.Findings, "本行未填报") {
				t.Errorf("the draft %s has every row filled", f)
			}
			d := r.Header.Date
			due := testDue.Format(time.DateOnly)
			if _, err := time.Parse(time.DateOnly, d); err != nil || final && pl.Late != (d > due) {
				t.Errorf("%s: 填报日期 %q, late = %v", f, d, pl.Late)
			}
			day, _ := time.Parse(time.DateOnly, d)
			want := time.Date(day.Year(), day.Month(), day.Day(), 17, 0, 0, 0, time.Local)
			if fi, err := os.Stat(f); err != nil || !fi.ModTime().Equal(want) {
				t.Errorf("%s: modified at %v; want %v", f, fi.ModTime(), want)
			}
			if r.Header.Filler == "" || r.Header.Phone == "" || final && r.Header.Reviewer == "" {
				t.Errorf("%s: header %+v", f, r.Header)
			}
			dates = append(dates, d)
		}
		if pl.Twice && (len(dates) != 2 || dates[0] >= dates[1]) {
			t.Errorf("%s: draft and correction dated %q", pl.Unit, dates)
		}
	}

	// Every kind of messy typing occurs and is read the way it was meant.
	for _, want := range []struct{ name, re string }{
		{"80% as text", `^序号 .*：累计进度“\d+[%％]”按 \d+ 读取$`},
		{"full-width digits", `累计进度“[０-９]+”按 \d+ 读取`},
		{"a fraction", `累计进度“0\.\d+”按 \d+ 读取（小于 1 的小数视为比例）`},
		{"完成", `完成状态“完成”按“已完成”读取`},
		{"基本完成", `完成状态“基本完成”按“按序时推进”读取`},
		{"正常推进", `完成状态“正常推进”按“按序时推进”读取`},
		{"an empty required cell", `未填写“.*”（必填）`},
		{"滞后 without 存在问题", `完成状态为“滞后”，请在“存在问题”中说明原因`},
		{"已完成 below 100", `完成状态为“已完成”，但累计进度为 9\d`},
		{"指标当前值 with words", `指标当前值“\D*[\d.]+\D+”按 [\d.]+ 读取`},
		{"the date as text", `填报日期“.*”是文本而不是日期`},
	} {
		re := regexp.MustCompile(want.re)
		if !slices.ContainsFunc(findings, func(f fillin.Finding) bool { return re.MatchString(f.Msg) }) {
			t.Errorf("no return has %s (%s)", want.name, want.re)
		}
	}
	all := dumpAll(t, plans)
	if !regexp.MustCompile(`[^ "] +"`).MatchString(all) {
		t.Error("no cell has trailing spaces")
	}

	// Determinism: the same seed gives the same plans and cells, another
	// seed different ones.
	out2 := t.TempDir()
	plans2, err := fillIssued(t, set, books, out2, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(relPlans(plans), relPlans(plans2)) {
		t.Errorf("plans differ:\n%+v\n%+v", relPlans(plans), relPlans(plans2))
	}
	if all2 := dumpAll(t, plans2); all2 != all {
		t.Errorf("same seed, different returns:\n%s", firstDiff(all, all2))
	}
	opts.Seed = 43
	plans3, err := fillIssued(t, set, books, t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if dumpAll(t, plans3) == all {
		t.Error("seeds 42 and 43 gave the same returns")
	}
	if got := hashFiles(t, books); !slices.Equal(got, before) {
		t.Error("FillReturns changed an issued workbook")
	}
}

func hasMsg(fs []fillin.Finding, part string) bool {
	return slices.ContainsFunc(fs, func(f fillin.Finding) bool { return strings.Contains(f.Msg, part) })
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return la[i] + "\n" + lb[i]
		}
	}
	return fmt.Sprintf("%d lines vs %d", len(la), len(lb))
}

// TestNoOverwrite refuses to write the returns over the issued workbooks.
func TestNoOverwrite(t *testing.T) {
	set := handSet()
	books := issue(t, set)
	before := hashFiles(t, books)
	_, err := fillIssued(t, set, books, filepath.Dir(books[0]), Options{Period: testPeriod(t), Due: testDue, Seed: 1})
	if err == nil || !strings.Contains(err.Error(), "overwrite") {
		t.Errorf("err = %v; want a refusal", err)
	}
	if !slices.Equal(hashFiles(t, books), before) {
		t.Error("issued workbooks changed")
	}
}

func TestParseTarget(t *testing.T) {
	for _, c := range []struct {
		in   string
		want target
		ok   bool
	}{
		{"R&D经费支出占地区生产总值比例提高到2.8%以上", target{2.8, 1, "%"}, true},
		{"到2025年，高新技术企业超过1000家", target{1000, 0, "家"}, true},
		{"建成省级以上农业科技园区3个", target{3, 0, "个"}, true},
		{"安全事故零发生", target{}, false},
		{"到2025年", target{}, false},
	} {
		got, ok := parseTarget(c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("parseTarget(%q) = %+v, %v; want %+v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestShortTitle(t *testing.T) {
	for in, want := range map[string]string{
		"加快高成长性企业集群培育。实施高成长性企业培育计划":       "加快高成长性企业集群培育",
		"【泰州市创新驱动发展实施方案】创新能力：到2024年":      "创新能力",
		"推进“一网通办”，高频事项全程网办率达到90%以上。":      "推进“一网通办”",
		"到2020年，全市高新技术企业达到1000家。":         "全市高新技术企业",
		"科技进步贡献率提高到65%以上":                 "科技进步贡献率",
		"研究与试验发展(R&D)经费支出占地区生产总值比重达到2.8%": "研究与试验发展(R&D)经费支出",
		"围绕引进和培育3~5个拥有全球领先技术的顶尖人才团队":      "围绕引进和培育3~5个拥有全球领先技术",
		"到“十四五”期末，建成创新型城市。":               "建成创新型城市",
		"2024年底前：完成改造":                    "完成改造",
		"到2020年":                          "到2020年",
		"":                                "该项任务",
	} {
		if got := shortTitle(in); got != want {
			t.Errorf("shortTitle(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestEveryKind: with a dozen units, every kind of messy typing is dealt
// out whatever the seed.
func TestEveryKind(t *testing.T) {
	set := handSet()
	units, _ := fillin.Assign(set)
	issued := BooksOf(units, issue(t, set), testPeriod(t), testDue)
	for seed := int64(0); seed < 50; seed++ {
		seen := map[edit]bool{}
		for _, j := range PlanRound(issued, seed) {
			if j.Plan.Missing && len(j.edits) > 0 {
				t.Errorf("seed %d: a missing return has edits", seed)
			}
			for _, e := range j.edits {
				seen[e] = true
			}
			if rowEdits(j.edits) > len(j.Book.Rows) {
				t.Errorf("seed %d: %d row edits for %d rows", seed, rowEdits(j.edits), len(j.Book.Rows))
			}
		}
		if len(seen) != int(numEdits) {
			t.Errorf("seed %d: %d kinds of messy typing; want %d", seed, len(seen), numEdits)
		}
	}
}

// checkFile checks the workbook at path as taizhang check does with a file
// that needs no conversion.
func checkFile(t *testing.T, path string, opts fillin.CheckOptions) *fillin.Return {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fillin.Check(filepath.Base(path), data, opts)
}

// rowEdits counts the edits that change a return's rows.
func rowEdits(es []edit) int {
	n := 0
	for _, k := range es {
		if k.rowEdit() {
			n++
		}
	}
	return n
}
