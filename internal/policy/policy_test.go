package policy

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// loadConfig returns the built-in configuration overlaid with yaml, a
// taizhang.yaml ("" for none); the test fails when it does not load.
func loadConfig(t testing.TB, yaml string) *config.Config {
	t.Helper()
	var data []byte
	name := ""
	if yaml != "" {
		name, data = "taizhang.yaml", []byte(yaml)
	}
	cfg, err := config.Load(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func parseText(t testing.TB, text string) *task.Document {
	t.Helper()
	cfg := loadConfig(t, "")
	var blocks []docread.Block
	for _, l := range strings.Split(text, "\n") {
		blocks = append(blocks, docread.Block{Text: l})
	}
	return Parse(&docread.Document{Source: "t.txt", Meta: docread.Meta{Title: "测试", Date: "2024-03-01"}, Blocks: blocks}, cfg)
}

func byLabel(d *task.Document) map[string]*task.Task {
	m := map[string]*task.Task{}
	for _, t := range d.Tasks {
		m[strings.Join(t.Path, ".")] = t
	}
	return m
}

func TestSeedFacts(t *testing.T) {
	count := func(d *task.Document, top string, kind task.Kind) (n int, withLead int) {
		for _, tk := range d.Tasks {
			if tk.Path[0] == top && tk.Kind == kind {
				n++
				if len(tk.Lead) > 0 {
					withLead++
				}
			}
		}
		return
	}
	d000 := parseFile(t, "../../seeds/000_ced7f791c4343474.txt")
	if n, lead := count(d000, "二", task.KindTask); n != 75 || lead != 75 {
		t.Errorf("seed 000: %d tasks under 二 (%d with a lead); want 75, all with a lead", n, lead)
	}
	if n, _ := count(d000, "一", task.KindTarget); n != 10 {
		t.Errorf("seed 000: %d targets under 一; want 10", n)
	}
	if tk := byLabel(d000)["二.(三).4"]; tk == nil || !reflect.DeepEqual(tk.Lead, []string{"市经信委"}) ||
		!reflect.DeepEqual(tk.Co, []string{"市科技局", "靖江市", "泰兴市", "高港区"}) {
		t.Errorf("seed 000 二(三)4: carried 市 prefix wrong or place names prefixed: %+v", tk)
	}

	d003 := parseFile(t, "../../seeds/003_084217dc5e381b2c.txt")
	if n, lead := count(d003, "二", task.KindTask); n != 19 || lead != 19 {
		t.Errorf("seed 003: %d tasks under 二 (%d with a lead); want 19, all with units", n, lead)
	}
	if tk := byLabel(d003)["二.(一).1"]; tk == nil || !reflect.DeepEqual(tk.Lead, []string{"市科技局"}) || len(tk.Co) != 0 {
		t.Errorf("seed 003 二(一)1: the lead rule inside the clause was read as a unit: %+v", tk)
	}

	d002 := parseFile(t, "../../seeds/002_a2a4b4ff15aee0d8.txt")
	n, lead := count(d002, "三", task.KindTask)
	if n != 30 || lead != 0 {
		t.Errorf("seed 002: %d tasks under 三 (%d with a lead); want 30 without units", n, lead)
	}
	for _, tk := range d002.Tasks {
		if len(tk.Lead)+len(tk.Co) > 0 {
			t.Errorf("seed 002 %s: invented units %v %v", tk.Label(), tk.Lead, tk.Co)
		}
		if tk.Kind == task.KindTask && len(tk.Flags) == 0 {
			t.Errorf("seed 002 %s: a task without units is not flagged", tk.Label())
		}
	}

	d004 := parseFile(t, "../../seeds/004_604ae1dc333e2938.txt")
	tk := byLabel(d004)["一.2"]
	if tk == nil || tk.Kind != task.KindTask {
		t.Fatalf("seed 004: item 一.2 is not a task: %+v", tk)
	}
	all := append(append([]string(nil), tk.Lead...), tk.Co...)
	for _, want := range []string{"各县(市、区)人民政府", "泉州开发区管委会", "泉州台商投资区管委会"} {
		if !contains(all, want) {
			t.Errorf("seed 004 task 2: units %v lack %q", all, want)
		}
	}
	if !strings.Contains(tk.Text, "(3)") || !strings.Contains(tk.Text, "创新型经济格局形成") {
		t.Errorf("seed 004 task 2: its sub-items are not part of its text: %q", clip(tk.Text, 80))
	}
	if byLabel(d004)["一.2.(1)"] != nil {
		t.Errorf("seed 004: sub-item (1) of task 2 listed as an item of its own")
	}
}

func TestMarkersAreNotNumbers(t *testing.T) {
	d := parseText(t, "一、重点任务\n1.提高比例。研发经费占比提高到2.8%以上，实施11.121人才梯队项目，新增1.5万人，到“十四五”期末完成。（责任单位：市科技局）\n2.第二项。2024年底前完成。（市发改委牵头，市财政局配合）")
	var labels []string
	for _, tk := range d.Tasks {
		labels = append(labels, strings.Join(tk.Path, "."))
	}
	if want := []string{"一", "一.1", "一.2"}; !reflect.DeepEqual(labels, want) {
		t.Fatalf("items = %v; want %v", labels, want)
	}
	m := byLabel(d)
	if got := m["一.2"]; !reflect.DeepEqual(got.Lead, []string{"市发改委"}) || !reflect.DeepEqual(got.Co, []string{"市财政局"}) {
		t.Errorf("（A牵头，B配合）: lead %v co %v", got.Lead, got.Co)
	}
	if got := m["一.2"].Deadline; got == nil || got.Date != "2024-12-31" {
		t.Errorf("2024年底前: deadline %+v", got)
	}
}

func TestFlattenedDocument(t *testing.T) {
	// A whole document on one line, units bare after each row, the lead
	// marked with △, and a row sharing the units of the row above.
	d := parseText(t, "方案一、重点任务(一)产业1.发展产业。到2020年,产值突破100亿元。△市科技局、发改委、泰兴市2.培育企业,新增企业10家。(二)人才3.引进人才。△市人才办注:标△的为牵头单位")
	m := byLabel(d)
	one := m["一.(一).1"]
	if one == nil || !reflect.DeepEqual(one.Lead, []string{"市科技局"}) || !reflect.DeepEqual(one.Co, []string{"市发改委", "泰兴市"}) {
		t.Fatalf("row 1 = %+v", one)
	}
	two := m["一.(一).2"]
	if two == nil || !reflect.DeepEqual(two.Lead, one.Lead) || len(two.Flags) == 0 {
		t.Errorf("row 2 should inherit row 1's units with a flag: %+v", two)
	}
	three := m["一.(二).3"]
	if three == nil || three.Text != "引进人才。" || !reflect.DeepEqual(three.Lead, []string{"市人才办"}) {
		t.Errorf("row 3 (the 注 must not be part of it) = %+v", three)
	}
}

func TestParseUnits(t *testing.T) {
	u := newUnitRules(loadConfig(t, "aliases:\n  市经信委: 市工信局\n"))
	tests := []struct {
		raw      string
		rule     leadRule
		lead, co []string
	}{
		{"责任单位：市科技局、发改委、经信委", ruleConvention, []string{"市科技局"}, []string{"市发改委", "市工信局"}},
		{"牵头单位：市科技局；配合单位：市财政局、人社局", ruleConvention, []string{"市科技局"}, []string{"市财政局", "市人社局"}},
		{"市科技局牵头，市财政局配合", ruleConvention, []string{"市科技局"}, []string{"市财政局"}},
		{"海关总署、商务部负责", ruleFirst, []string{"海关总署"}, []string{"商务部"}},
		{"国家发展改革委会同有关部门负责", ruleConvention, []string{"国家发展改革委"}, []string{"有关部门"}},
		{"农业农村部、财政部等负责", ruleFirst, []string{"农业农村部"}, []string{"财政部"}},
		{"财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责", ruleFirst, []string{"财政部"}, []string{"人力资源社会保障部", "民政部"}},
		{"△市经信委、科技局、靖江市、高港区", ruleMark, []string{"市工信局"}, []string{"市科技局", "靖江市", "高港区"}},
		{"市科技局,各县(市、区)人民政府,泉州开发区、泉州台商投资区管委会", ruleConvention, []string{"市科技局"}, []string{"各县(市、区)人民政府", "泉州开发区管委会", "泉州台商投资区管委会"}},
		{"市科技局、市财政局、人民银行临海市支行、台州银保监分局临海监管组", ruleFirst, []string{"市科技局"}, []string{"市财政局", "人民银行临海市支行", "台州银保监分局临海监管组"}},
		{"市科技局、财政局,各高校、科研院所", ruleConvention, []string{"市科技局"}, []string{"市财政局", "各高校", "科研院所"}},
		{"负责部门：民航局，适用范围：河南自贸试验区", ruleConvention, []string{"民航局"}, nil},
		{"责任单位:市科技局。列第一位的为牵头单位,下同", ruleFirst, []string{"市科技局"}, nil},
		{"省发改委、交通厅、人行武汉分行、通信管理局、某某大学", ruleFirst, []string{"省发改委"}, []string{"省交通厅", "人行武汉分行", "省通信管理局", "某某大学"}},
		{"责任单位：市财政局、市大数据局（牵头）、市发改委(配合)", ruleConvention, []string{"市大数据局"}, []string{"市财政局", "市发改委"}},
		{"责任单位：市委宣传部/市文旅局", ruleConvention, []string{"市委宣传部"}, []string{"市文旅局"}},
		{"责任单位:仁兴街、执法局", ruleConvention, []string{"仁兴街"}, []string{"执法局"}},
		{"责任主体:某某汽车4S店、县污水处理厂", ruleConvention, []string{"某某汽车4S店"}, []string{"县污水处理厂"}},
		{"市委宣传部、经信委、科技局", ruleConvention, []string{"市委宣传部"}, []string{"市工信局", "市科技局"}},
		{"市科技局、市场监管局", ruleConvention, []string{"市科技局"}, []string{"市市场监管局"}},
		{"责任单位:海东市、兰州市、临夏州发展改革部门", ruleConvention, []string{"海东市发展改革部门"}, []string{"兰州市发展改革部门", "临夏州发展改革部门"}},
		{"宁波市、杭州市城市管理局", ruleConvention, []string{"宁波市城市管理局"}, []string{"杭州市城市管理局"}},
		{"牵头领导:张某;牵头单位:市农办;主办单位:市编办、各县(市)区政府", ruleConvention, []string{"市农办"}, []string{"市编办", "各县(市)区政府"}},
		{"省直配合单位:省发展改革委、经贸委", ruleConvention, nil, []string{"省发展改革委", "省经贸委"}},
		{"省交通厅牵头,省发展改革委、甲川市、乙山市、丙州市人民政府、丁东管委会配合", ruleConvention, []string{"省交通厅"}, []string{"省发展改革委", "甲川市人民政府", "乙山市人民政府", "丙州市人民政府", "丁东管委会"}},
		{"区发改委,各乡镇人民政府、街道办事处,某某经开区管委会", ruleConvention, []string{"区发改委"}, []string{"各乡镇人民政府、街道办事处", "某某经开区管委会"}},
	}
	for _, tt := range tests {
		got := u.parseUnits(tt.raw, tt.rule)
		if !reflect.DeepEqual(got.lead, tt.lead) || !reflect.DeepEqual(got.co, tt.co) {
			t.Errorf("parseUnits(%q) = lead %q co %q; want lead %q co %q", tt.raw, got.lead, got.co, tt.lead, tt.co)
		}
	}
}

// TestFindDeadline runs the cases of testdata/deadlines.txt: a task's
// text, the deadline it states and the day that names.
func TestFindDeadline(t *testing.T) {
	raw, err := os.ReadFile("testdata/deadlines.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(raw), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		text, rest, _ := strings.Cut(l, " | ")
		want, date, _ := strings.Cut(rest, " | ")
		got := findDeadline(text, 2024)
		switch {
		case want == "" && got != nil:
			t.Errorf("findDeadline(%q) = %+v; want none", text, got)
		case want != "" && (got == nil || got.Text != want || got.Date != date):
			t.Errorf("findDeadline(%q) = %+v; want %q → %q", text, got, want, date)
		}
	}
}

func TestFindTargets(t *testing.T) {
	tests := []struct {
		text string
		want []task.Target
	}{
		{"到2020年，研究与试验发展(R&D)经费支出占地区生产总值比例提高到2.8%以上。", []task.Target{
			{Text: "研究与试验发展(R&D)经费支出占地区生产总值比例提高到2.8%以上", Indicator: "研究与试验发展(R&D)经费支出占地区生产总值比例", Op: ">=", Value: 2.8, Unit: "%", Year: 2020}}},
		{"高新技术企业数量实现翻番，超过1000家。", []task.Target{
			{Text: "超过1000家", Indicator: "高新技术企业数量实现翻番", Op: ">", Value: 1000, Unit: "家", Year: 2020}}},
		{"新增省级研发平台10个，支持中电科22所等企业，力争2~3家企业进入全国500强。", []task.Target{
			{Text: "新增省级研发平台10个", Indicator: "新增省级研发平台", Op: ">=", Value: 10, Unit: "个", Year: 2020},
			{Text: "力争2~3家企业进入全国500强", Indicator: "企业进入全国500强", Op: ">=", Value: 2, Unit: "家", Year: 2020}}},
		{"实施“315”科技创新体系建设工程。", nil},
		// A number beyond a float: no target (its +Inf broke the JSON).
		{"高新技术企业数量超过1" + strings.Repeat("0", 400) + "家。", nil},
	}
	for _, tt := range tests {
		if got := findTargets(tt.text, 2020); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("findTargets(%q) =\n  %+v\nwant\n  %+v", tt.text, got, tt.want)
		}
	}
}

func TestStableIDs(t *testing.T) {
	a := parseFile(t, "../../seeds/001_668f737389d392d3.txt")
	b := parseFile(t, "../../seeds/001_668f737389d392d3.txt")
	seen := map[string]bool{}
	for i, tk := range a.Tasks {
		if tk.ID != b.Tasks[i].ID {
			t.Fatalf("ID of %s differs between runs: %s, %s", tk.Label(), tk.ID, b.Tasks[i].ID)
		}
		if seen[tk.ID] {
			t.Errorf("duplicate ID %s", tk.ID)
		}
		seen[tk.ID] = true
		if !strings.HasPrefix(tk.ID, a.ID+"-") {
			t.Errorf("task ID %s does not start with the document ID %s", tk.ID, a.ID)
		}
	}
}

func TestTaskTable(t *testing.T) {
	cfg := loadConfig(t, "")
	doc := &docread.Document{Source: "方案.docx", Meta: docread.Meta{Title: "分解方案", Date: "2024-01-05"}, Blocks: []docread.Block{
		{Text: "附件"},
		{Rows: [][]string{
			{"序号", "工作任务", "牵头单位", "配合单位", "完成时限"},
			{"一、产业发展", "一、产业发展", "一、产业发展", "一、产业发展", "一、产业发展"},
			{"1", "新增高新技术企业50家", "市科技局", "市财政局、税务局", "2024年12月底前"},
			{"2", "建设产业园", "", "", "持续推进"},
		}},
	}}
	d := Parse(doc, cfg)
	m := byLabel(d)
	one, two := m["一.1"], m["一.2"]
	if one == nil || two == nil {
		t.Fatalf("table rows not read: %v", m)
	}
	if !reflect.DeepEqual(one.Lead, []string{"市科技局"}) || !reflect.DeepEqual(one.Co, []string{"市财政局", "市税务局"}) {
		t.Errorf("row 1 units: %v / %v", one.Lead, one.Co)
	}
	if one.Deadline == nil || one.Deadline.Date != "2024-12-31" || len(one.Targets) != 1 || one.Targets[0].Value != 50 {
		t.Errorf("row 1 deadline %+v targets %+v", one.Deadline, one.Targets)
	}
	if !reflect.DeepEqual(two.Lead, one.Lead) || len(two.Flags) == 0 || two.Deadline == nil || two.Deadline.Text != "持续推进" {
		t.Errorf("row 2 should inherit the units with a flag: %+v", two)
	}
	if len(two.Headings) != 1 || two.Headings[0] != "产业发展" {
		t.Errorf("row 2 headings = %v", two.Headings)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestDocPlaces: the places whose governments a text names, read from the
// characters before each 政府 only, as a scan of the whole text reads them.
func TestDocPlaces(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"南昌县人民政府", []string{"南昌"}},
		{"各区人民政府、南昌市青云谱区政府：现将方案印发给你们。", []string{"青云谱"}},
		{"（责任单位：靖江市政府，泰兴市人民政府）", []string{"靖江", "泰兴"}},
		{"有关区县政府、本市政府", nil},
		{"加强领导，强化政府责任", nil},
	}
	for _, tt := range tests {
		if got := docPlaces(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("docPlaces(%q) = %q; want %q", tt.text, got, tt.want)
		}
		var scan []string
		for _, m := range placeGovRe.FindAllStringSubmatch(tt.text, -1) {
			scan = append(scan, m[0])
		}
		var got []string
		for _, m := range placeGovMatches(tt.text) {
			got = append(got, m[0])
		}
		if !reflect.DeepEqual(got, scan) {
			t.Errorf("placeGovMatches(%q) = %q; a scan finds %q", tt.text, got, scan)
		}
	}
}

// TestNoItemsSaid: a document whose layout gives no numbered item is said
// to have none found, with the unit names its text holds — never taken for
// a document without units.
func TestNoItemsSaid(t *testing.T) {
	d := parseText(t, "★ 推进数字政府建设。\n市数据局 市政务服务中心 2026年12月\n★ 改造老旧小区30个。\n市住建局、各区政府 2026年10月")
	if len(d.Tasks) != 0 || len(d.Notes) != 1 || !strings.HasPrefix(d.Notes[0], "未识别出任何编号条目") || !strings.Contains(d.Notes[0], "文中有 2 行写有单位名称（如 市数据局、市政务服务中心、市住建局）") {
		t.Errorf("tasks %d, notes %q", len(d.Tasks), d.Notes)
	}
	if d := parseText(t, "各地要高度重视，认真抓好落实。"); len(d.Notes) != 1 || strings.Contains(d.Notes[0], "单位名称") || strings.Contains(d.Notes[0], "未列责任单位") {
		t.Errorf("a text without items or units: notes %q", d.Notes)
	}
}

// TestUnitLinesSaid: tasks that get no unit while the text has lines of
// nothing but unit names are not said to come from a document without
// units: the office is told to look at those lines.
func TestUnitLinesSaid(t *testing.T) {
	d := parseText(t, "一、重点任务\n1.推进数字政府建设。\n2.改造老旧小区。\n\n附：责任分工表\n市数据局 市政务服务中心\n市住建局、各区政府 2026年10月")
	got := strings.Join(d.Notes, "\n")
	if !strings.Contains(got, "未从各任务中识别出责任单位，但文中有 2 行只写有单位名称（如 市数据局、市政务服务中心、市住建局）") || strings.Contains(got, "文件未列责任单位") {
		t.Errorf("notes %q", d.Notes)
	}
}

// TestGoalHeadingNamesNoUnit: a heading 数字政府 is a goal, not a unit whose
// tasks follow; nothing is said of it.
func TestGoalHeadingNamesNoUnit(t *testing.T) {
	d := parseText(t, "一、数字政府\n1.完善一网通办平台。（牵头单位：市数据局）\n2.推进数据共享。（配合单位：市财政局）")
	for _, n := range d.Notes {
		if strings.Contains(n, "以下标题指明了") {
			t.Errorf("note %q", n)
		}
	}
	if len(d.Tasks) < 3 || len(d.Tasks[2].Lead) != 0 {
		t.Errorf("tasks %d; 一2 must keep no lead rather than 数字政府", len(d.Tasks))
	}
}

// TestTextEndingInLineBreak: a page whose text, once the download link
// after it is cut, ends with a line break is read, not a crash: the scan
// for an item's next sibling on a line of its own stops at the text's end.
func TestTextEndingInLineBreak(t *testing.T) {
	d := parseText(t, "|\n(十九)探索扩权强镇改革。扩大中心镇经济社会管理权限(市编办、市发改委牵头)。 (二十)分类推进事业单位改革。开展清理规范工作(市编办、市财政局等负责)。 |\n\n附件下载：\n某某市重点任务分工方案.docx\n\n扫一扫在手机打开当前页\n")
	got := byLabel(d)
	if k := got["(二十)"]; k == nil || len(k.Lead) != 1 || k.Lead[0] != "市编办" || len(got) != 2 {
		t.Errorf("tasks %v", got)
	}
}
