package policy

import (
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// TestSummaryClause: a heading whose clause sums up its sub-items' own
// clauses is no task; its sub-items are.
func TestSummaryClause(t *testing.T) {
	d := parseText(t, "一、减少扶贫对象并实施搬迁。(责任单位:市扶贫办、市移民局)\n1.减少扶贫对象6万人(责任单位:市扶贫办)\n2.实施易地扶贫搬迁1万人。(责任单位:市移民局)\n二、解决农村饮水安全问题。(责任单位:市水务局)")
	labels := byLabel(d)
	if tk := labels["一"]; tk == nil || tk.Reportable() {
		t.Errorf("一 = %+v; want a heading, not a task", tk)
	}
	for l, lead := range map[string]string{"一.1": "市扶贫办", "一.2": "市移民局", "二": "市水务局"} {
		if tk := labels[l]; tk == nil || !tk.Reportable() || !testkit.Equal(tk.Lead, []string{lead}) {
			t.Errorf("%s = %+v; want a task led by %s", l, tk, lead)
		}
	}
}

// TestLongList: a list numbered 1. to 1200. gives 1200 tasks; numbering
// has no limit of its own.
func TestLongList(t *testing.T) {
	var b strings.Builder
	b.WriteString("一、重点任务\n")
	for i := 1; i <= 1200; i++ {
		b.WriteString(itoa(i) + ".推进第" + itoa(i) + "项工作。（市发展改革委负责）\n")
	}
	d := parseText(t, b.String())
	n := 0
	for _, tk := range d.Tasks {
		if tk.Kind == "task" && len(tk.Lead) == 1 {
			n++
		}
	}
	if n != 1200 {
		t.Fatalf("%d tasks with a lead; want 1200", n)
	}
	if last := byLabel(d)["一.1200"]; last == nil {
		t.Errorf("item 1200 is missing")
	}
}

// TestEmittedUnitsAreNames: across the real documents, no unit the parser
// emits holds a label, a verb of responsibility or sentence punctuation,
// or is a label (责任单位).
func TestEmittedUnitsAreNames(t *testing.T) {
	docs := realDocs(t)
	if len(docs) == 0 {
		t.Skip("no labelled real documents present")
	}
	for _, w := range docs {
		d := parseFile(t, w.text)
		for _, tk := range d.Tasks {
			for _, u := range append(append([]string(nil), tk.Lead...), tk.Co...) {
				if holdsNonName(u) || strings.Contains(u, "单位：") || labelNameRe.MatchString(u) {
					t.Errorf("%s %s: unit %q is not a name", w.name, tk.Label(), u)
				}
			}
		}
	}
}

// TestIndicatorRows: three or more rows in a row that only state numeric
// goals are targets even without a 主要目标 section row; a lone one, or
// rows of work, stay tasks.
func TestIndicatorRows(t *testing.T) {
	// Row 5 states a goal too, but row 4 (work to do) breaks the run.
	wantKinds(t, "附件\n序号 | 督查内容 | 牵头责任单位 | 协同责任单位\n"+
		"1 | 地区生产总值增长7%以上。 | 市发改委 | 市统计局\n"+
		"2 | 全员劳动生产率46000元/人以上 | 市发改委 | 市人社局\n"+
		"3 | 城镇调查失业率控制在5.5%以内。 | 市人社局 | 市财政局\n"+
		"4 | 建成5G基站800个。 | 市数据局 | 市通信办\n"+
		"5 | 新增城镇就业1.2万人以上。 | 市人社局 | 各区政府\n"+
		"6 | 深化“放管服”改革，推行一网通办，提升群众满意度。 | 市政务服务局 | 市直各部门",
		map[string]string{"1": "target", "2": "target", "3": "target", "4": "task", "5": "task", "6": "task"})
	// A column headed 预期目标 holds goals, whatever its rows say.
	wantKinds(t, "附件1\n序号 | 预期目标 | 责任单位 | 进展情况\n"+
		"1 | 全区生产总值增长6%左右。 | 区发改委 | 一季度增长5.8%\n"+
		"2 | 城镇新增就业稳定。 | 区人力社保局 | 新增就业3000人",
		map[string]string{"1": "target", "2": "target"})
	// A lone goal row stays a task.
	wantKinds(t, "附件\n序号 | 督查内容 | 牵头责任单位 | 协同责任单位\n"+
		"1 | 地区生产总值增长7%以上。 | 市发改委 | 市统计局\n"+
		"2 | 深化“放管服”改革，推行一网通办。 | 市政务服务局 | 市直各部门",
		map[string]string{"1": "task", "2": "task"})
}

// wantKinds parses text and checks the kind of each task, by its path.
func wantKinds(t *testing.T, text string, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, tk := range parseText(t, text).Tasks {
		got[strings.Join(tk.Path, ".")] = string(tk.Kind)
	}
	if !testkit.Equal(got, want) {
		t.Errorf("%.40s…: kinds %v; want %v", text, got, want)
	}
}

// TestTraditionalNote: a document read from traditional characters says so
// in its notes, so the office checks the converted names.
func TestTraditionalNote(t *testing.T) {
	cfg := loadConfig(t, "")
	d := Parse(&docread.Document{Source: "t.txt", Traditional: true, Blocks: []docread.Block{{Text: "一、任务"}, {Text: "1.推进改革。（省编办负责）"}}}, cfg)
	if !strings.Contains(strings.Join(d.Notes, "\n"), "繁体字") {
		t.Errorf("notes %q do not say the text was converted", d.Notes)
	}
}

// TestBlankFormRows: the numbered empty rows of a form to fill in (a
// 汇总表 attached to a notice) are not tasks; a row with text is.
func TestBlankFormRows(t *testing.T) {
	d := parseText(t, "附件\n序号 | 项目名称 | 责任单位 | 完成时限\n1 | | |\n2 | | |\n3 | 建设数据平台 | 市大数据局 | 年内\n")
	labels := byLabel(d)
	for _, l := range []string{"1", "2"} {
		if labels[l] != nil {
			t.Errorf("blank row %s became a task: %+v", l, labels[l])
		}
	}
	if tk := labels["3"]; tk == nil || !testkit.Equal(tk.Lead, []string{"市大数据局"}) {
		t.Errorf("row 3 = %+v; want a task led by 市大数据局", tk)
	}
}

// A unit's name alone on a line heads the items below it, up to the next
// such line where the numbering starts again; the 指导思想 section of such a
// document is no task.
func TestUnitLineHeadsItems(t *testing.T) {
	d := parseText(t, "一、指导思想\n坚持以人为本。\n二、具体工作任务\n各部门具体任务如下：\n宣传部\n1、跟踪报道创建活动。\n2、悬挂宣传标语。7月25日前完成。\n公安局：\n1、整治交通秩序。\n2、清理占道经营。\n三、保障措施\n加强领导。")
	var got []string
	for _, tk := range d.Tasks {
		if tk.Reportable() {
			got = append(got, strings.Join(tk.Path, ".")+" "+strings.Join(tk.Lead, "、")+" "+tk.Text)
		}
	}
	want := []string{"二.1 宣传部 跟踪报道创建活动。", "二.2 宣传部 悬挂宣传标语。7月25日前完成。", "二.1 公安局 整治交通秩序。", "二.2 公安局 清理占道经营。"}
	if !testkit.Equal(got, want) {
		t.Errorf("tasks %q; want %q", got, want)
	}
}

// TestInterpretationClause: 本政策由市科技局负责解释 says who interprets the
// text; it assigns no work.
func TestInterpretationClause(t *testing.T) {
	d := parseText(t, "一、支持创新\n1.支持建设创新平台。（责任单位：市科技局）\n二、附则\n2.符合条件的企业自愿选择申报。\n本政策由市科技局负责解释。")
	if tk := byLabel(d)["二.2"]; tk == nil || tk.Reportable() {
		t.Errorf("二.2 = %+v; want no task", tk)
	}
}

// TestIndicatorRun: a run of rows that only state numeric goals are targets,
// and so is a goal stated against a benchmark within the run; a task row
// after it stays a task.
func TestIndicatorRun(t *testing.T) {
	d := parseText(t, "序号 | 督查内容 | 牵头责任单位 | 协同责任单位 |\n1 | 地区生产总值增长8.5%以上。 | 市发改委 | 市统计局 |\n2 | 规上工业增加值增长9.5%以上。 | 市经信局 | 市统计局 |\n3 | 一般公共预算收入增长5%。 | 市财政局 | 市税务局 |\n4 | 城镇居民人均可支配收入增速高于全省平均水平。 | 市人社局 | 市统计局 |\n5 | 推进老旧小区改造。 | 市住建局 | 市财政局 |")
	want := map[string]task.Kind{"1": task.KindTarget, "2": task.KindTarget, "3": task.KindTarget, "4": task.KindTarget, "5": task.KindTask}
	labels := byLabel(d)
	for l, k := range want {
		if tk := labels[l]; tk == nil || tk.Kind != k {
			t.Errorf("%s = %+v; want kind %s", l, tk, k)
		}
	}
}

// TestLeaderClauseIsNoSecondAssignment: a clause naming only a leader (（责
// 任领导：李四）) beside the item's units does not make the item one of
// several assignments to split.
func TestLeaderClauseIsNoSecondAssignment(t *testing.T) {
	d := parseText(t, "一、任务\n1.提升养老服务。\n责任单位：市民政局\n配合单位：市卫健委\n（责任领导：李四）")
	tk := byLabel(d)["一.1"]
	if tk == nil || !testkit.Equal(tk.Lead, []string{"市民政局"}) || tk.Leader != "李四" {
		t.Fatalf("一.1 = %+v; want led by 市民政局 with leader 李四", tk)
	}
	for _, f := range tk.Flags {
		if strings.Contains(f, "处责任分工") {
			t.Errorf("flag %q: a leader's clause is no assignment", f)
		}
	}
}

// TestPageExcerpts reads pages that start or run as a whole document does
// not: in the middle of a list, flattened into one line, one record a page.
// Each case lists every task the page gives (path: lead / co / deadline),
// so a numbered point of a progress report would show as one too many.
func TestPageExcerpts(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"二十一、推进政务公开。(责任单位:市政府办公室、财政局)\n二十二、深化审批改革。(责任单位:市审批局)",
			[]string{"二十一: 市政府办公室 / 市财政局 / ", "二十二: 市审批局 /  / "}},
		{"[接上页] 加快建设。 2.共同推动物流发展。(省直配合单位:省发展改革委、交通运输厅) 3.拓展旅游合作。(省直配合单位:省旅游局) (三)促进公共服务。",
			[]string{"2:  / 省发展改革委 省交通运输厅 / ", "3:  / 省旅游局 / "}},
		{"一、任务\n1.推进改革。(牵头领导:张某某;牵头单位:市农办;主办单位:市编办、市财政局)",
			[]string{"一.1: 市农办 / 市编办 市财政局 / "}},
		{"任务12\n重点工作:推进城市更新。\n牵头单位:市住建局\n年度阶段性工作目标:\n第一季度:1.制定方案。2.开展调研。\n第四季度:1.完成年度任务。\n进展落实情况:\n第一季度:\n1.已制定方案。\n2.已开展调研。",
			[]string{"12: 市住建局 /  / 第四季度"}},
		{"重点工作: | 7.治理违法建设。 |\n牵头单位: | 市城管局 |\n年度阶段性工作目标: | 第二季度:完成50%。 第三季度:完成90%。 |\n进展情况: |\n已完成。 |",
			[]string{"7: 市城管局 /  / 第三季度"}},
		{"一、规划衔接\n1. 做好规划衔接。\n工作成果:规划有序衔接。\n责任单位:甲东市、乙州市、丙夏州交通运输部门\n人:三市州交通运输部门主要负责同志\n二、互联互通",
			[]string{"一.1: 甲东市交通运输部门 / 乙州市交通运输部门 丙夏州交通运输部门 / "}},
		// A news title's tag at the head of a line is no clause of the
		// last item: a document that names no units has tasks to assign.
		// The last item of a list numbered inside a paragraph ends with
		// the paragraph (the title's 2024年 is no deadline of it).
		{"县政府将重点抓好3件实事。分别是: (1)建设县医院。 (2)新建西环路。 (3)完成湖区治理。\n政府信息公开\n【直击两会】某某县政府2024年将为民办好3件实事",
			[]string{"(1):  /  / ", "(2):  /  / ", "(3):  /  / "}},
		// 主要协作单位 is a co label; 县政府有关部门、有关直属单位 is one
		// collective; a line after the last item's owner lines closes
		// the page and takes nothing from the item.
		{"1.创建国家卫生县城。\n牵头责任单位:县卫健委\n主要协作单位:各乡镇人民政府,县政府有关部门、有关直属单位\n2.推广家庭医生签约服务。\n牵头责任单位:县卫健委\n主要协作单位:各乡镇人民政府\n监督方式:0557-1234567",
			[]string{"1: 县卫健委 / 各乡镇人民政府 县政府有关部门、有关直属单位 / ", "2: 县卫健委 / 各乡镇人民政府 / "}},
		// A record on its side: each label on its own line before its
		// cell; 责任单位 beside a 配合单位 cell is the leads' column.
		{"具体任务\n落实疫情防控措施,完成医院改造。\n责任单位\n卫健局、文旅局\n配合单位\n各乡镇\n完成时限\n12月底前",
			[]string{"1: 卫健局 文旅局 / 各乡镇 / 12月底前"}},
		// 2.50个小区: on its own line the list's next number, then a
		// figure; 2.8% inside a sentence stays a figure.
		{"1.加装电梯400台,增长2.8%。\n2.50个小区新增充电设施。\n3.开设暑托班。",
			[]string{"1:  /  / ", "2:  /  / ", "3:  /  / "}},
		// A line that runs records, each closed by its owner and its
		// deadline labels: one row each, numbered by its place; the
		// numbers inside a record number its points.
		{"近日督查组对部分单位进行督查,发现以下问题: 1.卫生间堆放杂物; 2.垃圾乱堆放。 整改责任单位:县市场监管局 整改时限:2021年8月13日前 1.门口积水较多。 整改责任单位:县住建局 整改时限:2021年8月20日前 后厨发现鼠迹。 责任单位:县卫健局 整改时限:2021年8月底前 (来源:某某融媒)",
			[]string{"1: 县市场监管局 /  / 2021年8月13日前", "2: 县住建局 /  / 2021年8月20日前", "3: 县卫健局 /  / 2021年8月底前"}},
		// The same labels in brackets, in a document flattened onto one
		// line, are its items' clauses: the items keep their numbers.
		{"一、重点任务 (一)推进改革 1.整治卫生间杂物。(责任单位:县市场监管局;完成时限:2021年8月13日前) 2.清理门口积水。(责任单位:县住建局;完成时限:2021年8月20日前) 3.消除后厨鼠迹。(责任单位:县卫健局;完成时限:2021年8月底前) 二、保障措施",
			[]string{"一.(一).1: 县市场监管局 /  / 2021年8月13日前", "一.(一).2: 县住建局 /  / 2021年8月20日前", "一.(一).3: 县卫健局 /  / 2021年8月底前"}},
	} {
		var got []string
		for _, tk := range parseText(t, tt.text).Tasks {
			if !tk.Reportable() {
				continue
			}
			due := ""
			if tk.Deadline != nil {
				due = tk.Deadline.Text
			}
			got = append(got, strings.Join(tk.Path, ".")+": "+strings.Join(tk.Lead, " ")+" / "+strings.Join(tk.Co, " ")+" / "+due)
		}
		if !testkit.Equal(got, tt.want) {
			t.Errorf("%.40s…: tasks\n%q; want\n%q", tt.text, got, tt.want)
		}
	}
}
