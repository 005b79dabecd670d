package bulletin

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/report/chart"
	"github.com/taizhang-dev/taizhang/report/gongwen"
)

// Annual lays out the year-end assessment report from the year's ledgers
// (chronological) and their history: the year's figures with the
// completion curve, the assessment (ranking, each unit's score and its
// main reasons), progress by section at the year's end, the tasks carried
// into next year, the problems, and the final ledger as an attachment.
func Annual(y *history.Year, ledgers []*ledger.Ledger, o Options) *Report {
	last := ledgers[len(ledgers)-1]
	d := gongwen.New(o.Fonts)
	year := yearOf(last)
	title := o.Title
	if title == "" {
		title = "关于" + year + "度重点工作任务推进及考核情况的通报"
	}
	if o.Masthead {
		d.Masthead("督查通报", year+"度", o.Office, period.ChineseDate(o.date(last)))
	}
	d.Title(title)
	wd := o.wording()
	d.Paragraph(gongwen.Style{Size: gongwen.SizeSan, Pitch: gongwen.LinePitch, Align: gongwen.Left}, gongwen.Plain(wd.Salutation))
	d.Text(fill(wd.AnnualOpening, map[string]string{"年度": year, "发文机关": cmp.Or(o.Office, "我们"), "文件": docList(last),
		"调度次数": strconv.Itoa(len(y.Periods)), "各期": periodLabels(y)}))

	annualOverview(d, y, ledgers, 1)
	assessment(d, y, 2)
	sections(d, last, 3)
	carriedOver(d, y, last, 4)
	problems(d, last, 5)
	requirements(d, wd, 6)

	attachment := year + "度重点工作任务推进情况台账"
	d.AttachmentList([]string{attachment})
	d.Signature(o.Office, period.ChineseDate(o.date(last)))
	d.Attachment(1, attachment, true)
	ledgerTable(d, last)
	return &Report{Doc: d, Info: gongwen.Info{Title: title, Author: o.Office, Subject: last.Title, Created: o.date(last)}}
}

// yearOf is the year of a ledger's period: 2024年.
func yearOf(l *ledger.Ledger) string {
	if len(l.Period) >= 4 {
		return l.Period[:4] + "年"
	}
	return l.PeriodLabel
}

func periodLabels(y *history.Year) string {
	var ls []string
	for _, p := range y.Periods {
		ls = append(ls, shortPeriod(p))
	}
	return strings.Join(ls, "、")
}

// shortPeriod drops the year from a period label: 2024年第一季度 → 第一季度.
func shortPeriod(p history.Period) string {
	if i := strings.Index(p.Label, "年"); i >= 0 && i+len("年") < len(p.Label) {
		return p.Label[i+len("年"):]
	}
	return p.Label
}

func annualOverview(d *gongwen.Doc, y *history.Year, ledgers []*ledger.Ledger, n int) {
	level1(d, n, "总体情况")
	last := ledgers[len(ledgers)-1]
	t := last.Totals
	d.Text(fmt.Sprintf("截至%s，纳入督查的任务共%d项，%s；总体完成率%s，结转下年度的任务%d项。",
		y.Periods[len(y.Periods)-1].Label+"末", t.Tasks, breakdown(t), percent(t.Completion), len(y.CarriedOver)))
	var parts []string
	for i, l := range ledgers {
		parts = append(parts, fmt.Sprintf("%s%s", shortPeriod(y.Periods[i]), percent(l.Totals.Completion)))
	}
	d.Text("各期完成率依次为：" + strings.Join(parts, "，") + "。")
	var on, late, missing int
	for _, l := range ledgers {
		on += l.Totals.OnTime
		late += l.Totals.Late
		missing += l.Totals.MissingN
	}
	d.Text(fmt.Sprintf("全年应报送%d单位次，按时报送%d单位次、迟报%d单位次、未报送%d单位次，按时报送率%s。",
		on+late+missing, on, late, missing, percent(share(on, on+late+missing))))

	lines := completionLines(y, ledgers)
	h := lines.Height(d.Width())
	if d.Remaining() < h+gongwen.LinePitch {
		d.NewPage(d.Landscape())
	}
	d.Figure(h, func(c chart.Canvas, x, yy, w, h float64) { lines.Draw(c, x, yy, w, h) })
	caption(d, "图1　全年完成率走势")

	var rows []chart.DistRow
	for i, l := range ledgers {
		rows = append(rows, chart.DistRow{Label: shortPeriod(y.Periods[i]), Counts: lightCounts(l.Rows)})
	}
	dist := chart.Distribution{Rows: rows, FontSize: chartFont}
	h = dist.Height(d.Width())
	if d.Remaining() < h+gongwen.LinePitch {
		d.NewPage(d.Landscape())
	}
	d.Figure(h, func(c chart.Canvas, x, yy, w, h float64) { dist.Draw(c, x, yy, w, h) })
	caption(d, "图2　各期任务亮灯分布")
}

// completionLines is the completion over the periods: all tasks, then the
// first units of the annual ranking that lead tasks.
func completionLines(y *history.Year, ledgers []*ledger.Ledger) chart.Lines {
	c := chart.Lines{FontSize: chartFont}
	for _, p := range y.Periods {
		c.Periods = append(c.Periods, shortPeriod(p))
	}
	all := chart.Series{Name: "全部任务"}
	for _, l := range ledgers {
		all.Values = append(all.Values, l.Totals.Completion)
	}
	c.Series = append(c.Series, all)
	lines := map[string]*history.UnitLine{}
	for _, u := range y.Units {
		lines[u.Unit] = u
	}
	for _, u := range y.Annual.Units {
		if len(c.Series) == 5 {
			break
		}
		ul := lines[u.Unit]
		if ul == nil || u.Led == 0 {
			continue
		}
		s := chart.Series{Name: u.Unit}
		for i := range y.Periods {
			v := math.NaN()
			if i < len(ul.Completion) && ul.Compliance[i] != "" {
				v = ul.Completion[i]
			}
			s.Values = append(s.Values, v)
		}
		c.Series = append(c.Series, s)
	}
	return c
}

func assessment(d *gongwen.Doc, y *history.Year, n int) {
	level1(d, n, "考核结果")
	res := y.Annual
	r := res.Rules
	level2(d, 1, "评分规则。", gongwen.Plain(rulesText(r)))
	level2(d, 2, "考核排名。", gongwen.Plain(fmt.Sprintf("参加考核的单位%d个。%s排名如下。", len(res.Units), groupsText(res.Units))))
	d.Table(annualRanking(y))
	level2(d, 3, "得分说明。", gongwen.Plain("各单位得分的主要加减分事项如下，全部明细见年度台账“考核明细”工作表。"))
	t := &gongwen.Table{Columns: []gongwen.Column{
		{Header: "单位", Weight: 22},
		{Header: "得分", Weight: 9, Align: gongwen.Center},
		{Header: "主要加减分事项", Weight: 69},
	}, Size: tableSize}
	for _, u := range res.Units {
		reasons := u.Reasons(4)
		if len(reasons) == 0 {
			reasons = []string{"无加减分事项"}
		}
		t.Rows = append(t.Rows, []gongwen.Cell{gongwen.TextCell(u.Unit), gongwen.TextCell(num2(u.Score)), gongwen.TextCell(strings.Join(reasons, "；"))})
	}
	d.Table(t)
}

// rulesText explains the scoring rules in a sentence.
func rulesText(r score.Rules) string {
	s := fmt.Sprintf("各单位以%s分为基础分，满分%s分。牵头任务按期完成每项加%s分（配合单位加%s分），逾期完成加%s分，逾期未完成每项扣%s分（配合单位扣%s分）；年末亮红灯、黄灯的任务牵头单位分别扣%s分、%s分。迟报每次扣%s分，未报送每次扣%s分，半年、年度未报送另扣%s分，空白报送每次扣%s分。",
		num(r.Base), num(r.Max), num(r.Done.Lead), num(r.Done.Co), num(r.DoneLate.Lead), num(-r.Overdue.Lead), num(-r.Overdue.Co),
		num(-r.Red.Lead), num(-r.Yellow.Lead), num(-r.Late), num(-r.Missing), num(-r.MissingKey), num(-r.Empty))
	var caps []string
	if r.Caps.Bonus > 0 {
		caps = append(caps, "加分最多"+num(r.Caps.Bonus)+"分")
	}
	if r.Caps.Deduction > 0 {
		caps = append(caps, "任务扣分最多"+num(r.Caps.Deduction)+"分")
	}
	if r.Caps.Reporting > 0 {
		caps = append(caps, "报送扣分最多"+num(r.Caps.Reporting)+"分")
	}
	if len(caps) > 0 {
		s += strings.Join(caps, "，") + "。"
	}
	return s + "得分相同的，依次比较牵头任务完成率、逾期任务数、未报送次数和迟报次数，仍相同的并列。"
}

func annualRanking(y *history.Year) *gongwen.Table {
	t := &gongwen.Table{Columns: []gongwen.Column{
		centred("名次", 15), {Header: "单位", Weight: 22}, centred("得分", 9), centred("牵头任务", 8), centred("已完成", 7),
		centred("完成率", 9), centred("逾期", 6), centred("迟报/未报", 9), centred("各期名次", 19),
	}, Size: tableSize}
	ranks := map[string][]int{}
	for _, u := range y.Units {
		ranks[u.Unit] = u.Ranks
	}
	for i, u := range y.Annual.Units {
		if i == 0 || y.Annual.Units[i-1].Group != u.Group {
			t.Rows = append(t.Rows, groupRow(u.Group))
		}
		var rs []string
		ranked := false
		for _, r := range ranks[u.Unit] {
			if r == 0 {
				rs = append(rs, "—")
			} else {
				rs = append(rs, fmt.Sprint(r))
				ranked = true
			}
		}
		periods := strings.Join(rs, "→")
		if !ranked {
			periods = "未参加排名"
		}
		t.Rows = append(t.Rows, []gongwen.Cell{
			gongwen.TextCell(rankText(u)), gongwen.TextCell(u.Unit), gongwen.TextCell(num2(u.Score)),
			gongwen.TextCell(fmt.Sprint(u.Led)), gongwen.TextCell(fmt.Sprint(u.Done)), gongwen.TextCell(rateText(u)),
			gongwen.TextCell(fmt.Sprint(u.Overdue)), gongwen.TextCell(fmt.Sprintf("%d/%d", u.Late, u.Missing)),
			gongwen.TextCell(periods),
		})
	}
	return t
}

func carriedOver(d *gongwen.Doc, y *history.Year, last *ledger.Ledger, n int) {
	rows := last.RowsByTask()
	level1(d, n, "结转下年度任务")
	if len(y.CarriedOver) == 0 {
		d.Text("全部任务已于年内完成，无结转任务。")
		return
	}
	d.Text(fmt.Sprintf("年末尚未完成、结转下年度继续推进的任务%d项，各期亮灯情况如下。相关牵头单位要制定计划，明确时限，确保尽早完成。", len(y.CarriedOver)))
	t := &gongwen.Table{Columns: []gongwen.Column{
		{Header: "编号", Weight: 11, Align: gongwen.Center},
		{Header: "任务", Weight: 33},
		{Header: "牵头单位", Weight: 16},
		{Header: "各期亮灯", Weight: 24, Align: gongwen.Center},
		{Header: "年末状态", Weight: 16, Align: gongwen.Center},
	}, Size: tableSize}
	for _, tl := range y.CarriedOver {
		var ls []string
		for _, l := range tl.Lights {
			if l == "" {
				ls = append(ls, "—")
			} else {
				ls = append(ls, string(l))
			}
		}
		name := summary(tl.Title, 30)
		if r := rows[tl.TaskID]; r != nil {
			name = taskName(r, 30)
		}
		t.Rows = append(t.Rows, []gongwen.Cell{
			gongwen.TextCell(tl.Label), gongwen.TextCell(name), gongwen.TextCell(joinUnits(tl.Lead)),
			gongwen.TextCell(strings.Join(ls, "→")), gongwen.TextCell(string(tl.Final)),
		})
	}
	d.Table(t)
}
