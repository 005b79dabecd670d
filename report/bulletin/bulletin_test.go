package bulletin

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/score"
)

func TestProgress(t *testing.T) {
	l := testLedger(t, "2024-Q3")
	// The office confirms one task done and comments on another in the
	// ledger workbook.
	var confirmed, commented *ledger.Row
	for _, r := range l.Rows {
		switch r.TaskID {
		case "DA-一.(一).2":
			confirmed = r
		case "DB-一.2":
			commented = r
		}
	}
	confirmed.Override = "已完成"
	commented.Review = "请补充佐证材料，下期重点督办。"
	if err := l.Reassess(ledger.DefaultRules); err != nil {
		t.Fatal(err)
	}
	date := time.Date(2024, 10, 12, 0, 0, 0, 0, time.UTC)
	r := Progress(l, Options{Office: "某市人民政府督查室", Date: date, Rules: score.Defaults, Masthead: true})
	c := writeReport(t, r)

	if r.Info.Title != "关于2024年第三季度重点工作任务推进情况的通报" {
		t.Errorf("title %q", r.Info.Title)
	}
	// The sections in order, each document under its own numbering.
	if miss := c.InOrder("督查通报", "2024年第3期", "某市人民政府督查室", "2024年10月12日", r.Info.Title, "各责任单位：", "一、总体情况", "本期纳入督查的任务共8项",
		"图1", "图2", "二、分项推进情况", "《科技创新行动方案》", "1.重点任务（原文“一、”）", "（一）强化创新平台", "（二）培育创新主体", "2.保障措施（原文“二、”）",
		"《关于优化营商环境的若干措施》", "三、存在问题", "四、单位排名", "五、下步工作要求", "附件：", "某市人民政府督查室", "2024年10月12日",
		"附件1", "2024年第三季度重点工作任务推进情况台账"); miss != "" {
		t.Errorf("missing or out of order: %q", miss)
	}
	if !c.Contains("已完成（核定）") {
		t.Error("the office's 核定状态 is not shown")
	}
	if strings.Count(c.Raw, "请补充佐证材料") < 2 {
		t.Error("复核意见 should appear in the section and in the attachment")
	}
	// The unit that sent nothing and the task without a lead.
	if !c.Contains("1个单位未报送：市自然资源局") || !c.Contains("1个单位迟报：市政务办") {
		t.Error("reporting compliance not stated")
	}
	if !c.Contains("另有1项任务文件未明确牵头单位") {
		t.Error("the task without a lead is not mentioned")
	}
	// The attachment holds every task's full text, in document order.
	var texts []string
	for _, row := range l.Rows {
		texts = append(texts, row.Text)
	}
	if miss := c.InOrder(append([]string{"附件1"}, texts...)...); miss != "" {
		t.Errorf("attachment lacks %q", miss)
	}
	if c.Landscape() == 0 || c.Landscape() == len(c.Sizes) {
		t.Errorf("%d landscape pages of %d: the body is portrait, the ledger attachment landscape", c.Landscape(), len(c.Sizes))
	}
	// The ranking lists every unit with tasks, best first.
	res := score.Ranking(l, score.Defaults, nil)
	var names []string
	for _, u := range res.Units {
		names = append(names, u.Unit)
	}
	if miss := c.InOrder(append([]string{"四、单位排名"}, names...)...); miss != "" {
		t.Errorf("ranking lacks %q (order %v)", miss, names)
	}
}

func TestAnnual(t *testing.T) {
	var ls []*ledger.Ledger
	for _, k := range []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"} {
		ls = append(ls, testLedger(t, k))
	}
	y := history.Build(ls, score.Defaults, nil)
	r := Annual(y, ls, Options{Office: "某市人民政府督查室", Rules: score.Defaults})
	c := writeReport(t, r)
	if miss := c.InOrder("关于2024年度重点工作任务推进及考核情况的通报", "开展了4次调度（第一季度、第二季度、第三季度、第四季度）",
		"一、总体情况", "各期完成率依次为", "图1", "全年完成率走势", "图2", "二、考核结果", "评分规则", "考核排名", "得分说明",
		"三、分项推进情况", "四、结转下年度任务", "五、存在问题", "附件1"); miss != "" {
		t.Errorf("missing or out of order: %q", miss)
	}
	// Every unit's score and its main reasons are stated.
	for _, u := range y.Annual.Units {
		reasons := u.Reasons(4)
		if len(reasons) == 0 {
			continue
		}
		if miss := c.InOrder("得分说明", u.Unit, num2(u.Score), reasons[0]); miss != "" {
			t.Errorf("%s: %q not in the score table", u.Unit, miss)
		}
	}
	for _, tl := range y.CarriedOver {
		if !c.Contains(tl.Label) {
			t.Errorf("carried-over task %s missing", tl.Label)
		}
	}
	if len(y.CarriedOver) == 0 {
		t.Error("the test year should leave tasks unfinished")
	}
}

func TestMarker(t *testing.T) {
	for in, want := range map[string]string{"一": "一、", "(一)": "（一）", "3": "3.", "(2)": "（2）", "附表": "附表"} {
		if got := marker(in); got != want {
			t.Errorf("marker(%q) = %q; want %q", in, got, want)
		}
	}
	if got := summary("第一句话。第二句话。", 20); got != "第一句话。" {
		t.Errorf("summary = %q", got)
	}
	if got := summary(strings.Repeat("长", 30), 10); got != strings.Repeat("长", 10)+"…" {
		t.Errorf("summary = %q", got)
	}
}

// Rows the office's edits can produce: a task without a number (its 序号
// cleared in the task list) and a percentage that is not a number.
func TestOddRows(t *testing.T) {
	l := testLedger(t, "2024-Q3")
	l.Rows[0].Path, l.Rows[0].Label = nil, ""
	nan := math.NaN()
	l.Rows[1].Percent = &nan
	r := Progress(l, Options{Rules: score.Defaults})
	c := writeReport(t, r)
	if strings.Contains(c.Raw, "NaN") || strings.Contains(c.Raw, "922337") {
		t.Error("a non-number percentage is printed")
	}
	if !c.Contains(l.Rows[0].Text) {
		t.Error("the row without a number is lost")
	}
	if num(math.Inf(1)) != "—" || num(85.25) != "85.3" || num(-0.04) != "0" {
		t.Errorf("num: %q %q %q", num(math.Inf(1)), num(85.25), num(-0.04))
	}
}

// The overview's parts add up to the whole: every task is done, on
// schedule, behind, reported without a status, not reported by its lead or
// without a lead (issue 13: two rows with an empty status were lost, and
// lead-less tasks were called 未报送).
func TestOverviewAddsUp(t *testing.T) {
	l := testLedger(t, "2024-Q3")
	// One reported row without a status.
	for _, r := range l.Rows {
		if r.Reported {
			r.Status = ""
			break
		}
	}
	if err := l.Reassess(ledger.DefaultRules); err != nil {
		t.Fatal(err)
	}
	c := writeReport(t, Progress(l, Options{Rules: score.Defaults}))
	flat := strings.Join(strings.Fields(c.Raw), "")
	m := regexp.MustCompile(`任务共(\d+)项.*?已报送或经核定(\d+)项，其中已完成(\d+)项、按序时推进(\d+)项、进度滞后(\d+)项(?:、未填完成状态(\d+)项)?(?:；牵头单位未报送(\d+)项)?(?:；未明确牵头单位(\d+)项)?。`).FindStringSubmatch(flat)
	if m == nil {
		t.Fatalf("no overview sentence in %q", flat[:min(len(flat), 600)])
	}
	n := make([]int, len(m))
	for i := 1; i < len(m); i++ {
		n[i], _ = strconv.Atoi(m[i])
	}
	if n[3]+n[4]+n[5]+n[6] != n[2] || n[2]+n[7]+n[8] != n[1] {
		t.Errorf("figures do not add up: %s", m[0])
	}
	if n[6] != 1 || n[8] != 1 {
		t.Errorf("want 1 task without a status and 1 without a lead: %s", m[0])
	}
}

// The report's date is the merge's day in Beijing: a merge at 01:00 Beijing
// time (17:00 UTC the day before) is dated the Beijing day, whatever the
// machine's zone (issue 13).
func TestReportDateInBeijing(t *testing.T) {
	l := testLedger(t, "2024-Q3")
	l.Generated = "2024-10-11T17:00:00Z"
	c := writeReport(t, Progress(l, Options{Office: "某市人民政府督查室", Rules: score.Defaults}))
	if !c.Contains("2024年10月12日") || c.Contains("2024年10月11日") {
		t.Error("the report is not dated the Beijing day of the merge (2024年10月12日)")
	}
}

// TestSaysNone: a 存在问题 cell that says there is none is not appended to
// a light's reason.
func TestSaysNone(t *testing.T) {
	for s, want := range map[string]bool{"无": true, "暂无。": true, " 没有 ": true, "无问题": true, "/": true,
		"资金未到位": false, "无资金": false, "": false} {
		if got := saysNone(s); got != want {
			t.Errorf("saysNone(%q) = %v; want %v", s, got, want)
		}
	}
}
