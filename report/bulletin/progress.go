package bulletin

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/report/gongwen"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Progress lays out the progress bulletin of a period: the overall
// figures with charts, progress section by section following the
// documents' own numbering, the problems, the ranking of units, and the
// full ledger as a landscape attachment.
func Progress(l *ledger.Ledger, o Options) *Report {
	d := gongwen.New(o.Fonts)
	title := o.Title
	if title == "" {
		title = progressTitle(l)
	}
	if o.Masthead {
		d.Masthead("督查通报", issue(l), o.Office, period.ChineseDate(o.date(l)))
	}
	d.Title(title)
	wd := o.wording()
	d.Paragraph(gongwen.Style{Size: gongwen.SizeSan, Pitch: gongwen.LinePitch, Align: gongwen.Left}, gongwen.Plain(wd.Salutation))
	d.Text(fill(wd.Opening, map[string]string{"文件": docList(l), "发文机关": cmp.Or(o.Office, "我们"), "期次": l.PeriodLabel}))

	ls := []*ledger.Ledger{l}
	if o.Previous != nil {
		ls = []*ledger.Ledger{o.Previous, l}
	}
	y := history.Build(ls, o.Rules, o.Order)
	ranking := y.Rankings[len(y.Rankings)-1]
	overview(d, l, 1)
	sections(d, l, 2)
	problems(d, l, 3)
	rankingSection(d, l, ranking, 4)
	requirements(d, wd, 5)

	attachment := l.PeriodLabel + "重点工作任务推进情况台账"
	d.AttachmentList([]string{attachment})
	d.Signature(o.Office, period.ChineseDate(o.date(l)))
	d.Attachment(1, attachment, true)
	ledgerTable(d, l)
	return &Report{Doc: d, Info: gongwen.Info{Title: title, Author: o.Office, Subject: l.Title, Created: o.date(l)}}
}

var chineseNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

func level1(d *gongwen.Doc, n int, text string) {
	d.Heading(1, chineseNumbers[n-1]+"、", text)
}

func level2(d *gongwen.Doc, n int, text string, rest ...gongwen.Span) {
	m := "（" + chineseNumbers[min(n, 10)-1] + "）"
	if n > 10 {
		m = fmt.Sprintf("（%d）", n)
	}
	d.Heading(2, m, text, rest...)
}

func overview(d *gongwen.Doc, l *ledger.Ledger, n int) {
	level1(d, n, "总体情况")
	t := l.Totals
	ids, _ := docs(l)
	d.Text(fmt.Sprintf("本期纳入督查的任务共%d项，涉及%d个文件、%d个责任单位。%s。总体完成率%s。",
		t.Tasks, len(ids), t.Units, breakdown(t), percent(t.Completion)))
	d.Text(fmt.Sprintf("亮灯情况：绿灯%d项、黄灯%d项、红灯%d项，灰灯（未报送或未明确牵头单位）%d项。",
		t.Lights[ledger.Green], t.Lights[ledger.Yellow], t.Lights[ledger.Red], t.Lights[ledger.Grey]))
	units := t.OnTime + t.Late + t.MissingN
	d.Text(fmt.Sprintf("报送情况：应报送单位%d个，按时报送%d个、迟报%d个、未报送%d个，按时报送率%s。",
		units, t.OnTime, t.Late, t.MissingN, percent(share(t.OnTime, units))))
	lightChart(d, l)
	completionChart(d, l)
}

// group is the rows under one heading of a document.
type group struct {
	path  []string // the heading's path
	title string
	rows  []*ledger.Row
}

// docGroups splits a document's rows by their first-level heading.
func docGroups(rows []*ledger.Row) []*group {
	var out []*group
	for _, r := range rows {
		key := ""
		if len(r.Path) > 1 {
			key = r.Path[0]
		}
		if len(out) == 0 || strings.Join(out[len(out)-1].path, "") != key {
			g := &group{}
			if key != "" {
				g.path = []string{key}
				if len(r.Headings) > 0 {
					g.title = r.Headings[0]
				}
			}
			out = append(out, g)
		}
		out[len(out)-1].rows = append(out[len(out)-1].rows, r)
	}
	return out
}

// rowsByDoc returns the ledger's rows per document, in order.
func rowsByDoc(l *ledger.Ledger) (ids []string, rows map[string][]*ledger.Row) {
	rows = map[string][]*ledger.Row{}
	for _, r := range l.Rows {
		if _, ok := rows[r.DocID]; !ok {
			ids = append(ids, r.DocID)
		}
		rows[r.DocID] = append(rows[r.DocID], r)
	}
	return ids, rows
}

// breakdown splits the tasks the way ledger.Count does, so that the parts
// add up to the whole: 已报送或经核定N项，其中已完成a项、按序时推进b项、
// 进度滞后c项（、未填完成状态d项）；牵头单位未报送e项；未明确牵头单位f项
// (parts that are nought after the first are left out; no closing 。).
func breakdown(t ledger.Totals) string {
	known := t.Done + t.OnSchedule + t.Behind + t.NoStatus
	s := fmt.Sprintf("已报送或经核定%d项，其中已完成%d项、按序时推进%d项、进度滞后%d项", known, t.Done, t.OnSchedule, t.Behind)
	return s + others(t, "、未填完成状态", "；牵头单位未报送", "；未明确牵头单位")
}

// others writes the tasks reported without a status, not reported by their
// lead and without a lead, each after its words when there are any.
func others(t ledger.Totals, noStatus, unreported, noLead string) string {
	s := ""
	for _, p := range []struct {
		words string
		n     int
	}{{noStatus, t.NoStatus}, {unreported, t.Unreported}, {noLead, t.NoLead}} {
		if p.n > 0 {
			s += fmt.Sprintf("%s%d项", p.words, p.n)
		}
	}
	return s
}

// counts describes a set of rows as the overview does: 共N项，已完成a项…
func counts(rows []*ledger.Row) string {
	t := ledger.Count(rows)
	s := fmt.Sprintf("共%d项，已完成%d项、按序时推进%d项、滞后%d项", t.Tasks, t.Done, t.OnSchedule, t.Behind)
	s += others(t, "、未填状态", "、未报送", "、未明确牵头单位")
	var ls []string
	for _, lt := range ledger.Lights {
		if t.Lights[lt] > 0 {
			ls = append(ls, fmt.Sprintf("%s灯%d项", lt, t.Lights[lt]))
		}
	}
	return s + "；" + strings.Join(ls, "、") + "。"
}

func sections(d *gongwen.Doc, l *ledger.Ledger, n int) {
	level1(d, n, "分项推进情况")
	ids, rows := rowsByDoc(l)
	_, names := docs(l)
	for i, id := range ids {
		level2(d, i+1, names[id], gongwen.Plain(counts(rows[id])))
		k := 0
		for _, g := range docGroups(rows[id]) {
			if g.title != "" {
				// The report's own third level (1.), the document's
				// number quoted: its 一、 would be a second 一、 series.
				k++
				d.Heading(3, fmt.Sprintf("%d.", k), g.title+"（原文“"+marker(g.path[0])+"”）", gongwen.Plain(counts(g.rows)))
			}
			sectionTable(d, g.rows)
		}
	}
}

var sectionColumns = []gongwen.Column{
	{Header: "序号", Weight: 6, Align: gongwen.Center},
	{Header: "任务", Weight: 28},
	{Header: "牵头单位", Weight: 15},
	{Header: "状态", Weight: 13, Align: gongwen.Center},
	{Header: "亮灯", Weight: 7},
	{Header: "进展摘要", Weight: 31},
}

// tableSize is the text size of the report's tables (小五).
const tableSize = 9

// ownNumber is a row's own number in its document (4., （2）), else its
// label.
func ownNumber(r *ledger.Row) string {
	if len(r.Path) == 0 {
		return r.Label
	}
	return marker(r.Path[len(r.Path)-1])
}

// sectionTable lists a heading's tasks, with a group row for each
// second-level heading.
func sectionTable(d *gongwen.Doc, rows []*ledger.Row) {
	t := &gongwen.Table{Columns: sectionColumns, Size: tableSize}
	last := ""
	for _, r := range rows {
		if len(r.Path) > 2 && len(r.Headings) > 1 && r.Path[1] != last {
			last = r.Path[1]
			t.Rows = append(t.Rows, []gongwen.Cell{{Spans: []gongwen.Span{gongwen.In(typeface.Kai, marker(r.Path[1])+r.Headings[1])}, Wide: true}})
		}
		progress := summary(r.Progress, 40)
		if progress == "" && !r.Reported {
			progress = "未报送"
		}
		cell := gongwen.TextCell(progress)
		if r.Review != "" {
			cell.Spans = append(cell.Spans, gongwen.In(typeface.Kai, "\n复核意见："+clip(r.Review, 80)))
		}
		t.Rows = append(t.Rows, []gongwen.Cell{
			gongwen.TextCell(ownNumber(r)),
			gongwen.TextCell(taskName(r, 30)),
			gongwen.TextCell(joinUnits(r.Lead)),
			gongwen.TextCell(statusText(r)),
			lightCell(r.Light),
			cell,
		})
	}
	d.Table(t)
}

func problems(d *gongwen.Doc, l *ledger.Ledger, n int) {
	level1(d, n, "存在问题")
	var red, yellow []*ledger.Row
	for _, r := range l.Rows {
		switch r.Light {
		case ledger.Red:
			red = append(red, r)
		case ledger.Yellow:
			yellow = append(yellow, r)
		}
	}
	level2(d, 1, "部分任务进度滞后。", gongwen.Plain(fmt.Sprintf("本期亮红灯任务%d项、黄灯任务%d项，具体如下。", len(red), len(yellow))))
	if len(red)+len(yellow) > 0 {
		t := &gongwen.Table{Columns: []gongwen.Column{
			{Header: "编号", Weight: 9, Align: gongwen.Center},
			{Header: "任务", Weight: 25},
			{Header: "牵头单位", Weight: 14},
			{Header: "亮灯", Weight: 8},
			{Header: "原因及存在问题", Weight: 44},
		}, Size: tableSize}
		for _, r := range append(red, yellow...) {
			reason := r.LightReason
			if p := summary(r.Problems, 60); p != "" && !saysNone(p) {
				reason += "；" + p
			}
			cell := gongwen.TextCell(reason)
			if r.Review != "" {
				cell.Spans = append(cell.Spans, gongwen.In(typeface.Kai, "\n复核意见："+clip(r.Review, 80)))
			}
			t.Rows = append(t.Rows, []gongwen.Cell{
				gongwen.TextCell(r.Label), gongwen.TextCell(taskName(r, 36)), gongwen.TextCell(joinUnits(r.Lead)), lightCell(r.Light), cell,
			})
		}
		d.Table(t)
	}
	var late []string
	for _, u := range l.Units {
		if u.Compliance == ledger.Late {
			late = append(late, u.Unit)
		}
	}
	msg := "各单位均按时报送。"
	switch {
	case len(l.Missing) > 0 && len(late) > 0:
		msg = fmt.Sprintf("%d个单位未报送：%s。%d个单位迟报：%s。", len(l.Missing), strings.Join(l.Missing, "、"), len(late), strings.Join(late, "、"))
	case len(l.Missing) > 0:
		msg = fmt.Sprintf("%d个单位未报送：%s。", len(l.Missing), strings.Join(l.Missing, "、"))
	case len(late) > 0:
		msg = fmt.Sprintf("%d个单位迟报：%s。", len(late), strings.Join(late, "、"))
	}
	level2(d, 2, "部分单位报送不及时。", gongwen.Plain(msg))
	var empty []string
	for _, u := range l.Units {
		if len(u.EmptyTasks) > 0 {
			empty = append(empty, fmt.Sprintf("%s（%d项）", u.Unit, len(u.EmptyTasks)))
		}
	}
	unassigned := 0
	for _, r := range l.Rows {
		if len(r.Lead) == 0 {
			unassigned++
		}
	}
	if len(empty) > 0 || unassigned > 0 {
		var parts []string
		if len(empty) > 0 {
			parts = append(parts, "报送内容不完整，有任务未填写进展："+strings.Join(empty, "、")+"。")
		}
		if unassigned > 0 {
			parts = append(parts, fmt.Sprintf("另有%d项任务文件未明确牵头单位，请尽快明确责任。", unassigned))
		}
		level2(d, 3, "部分报送质量不高。", gongwen.Plain(strings.Join(parts, "")))
	}
}

func rankingSection(d *gongwen.Doc, l *ledger.Ledger, rk *history.Ranking, n int) {
	level1(d, n, "单位排名")
	r := rk.Result.Rules
	d.Text(fmt.Sprintf("按照考核评分规则，各单位以%s分为基础，牵头任务按期完成每项加%s分，逾期未完成每项扣%s分，迟报每次扣%s分、未报送每次扣%s分。得分相同的，依次按牵头任务完成率、逾期任务数、报送情况排序。%s本期排名如下。",
		num(r.Base), num(r.Done.Lead), num(-r.Overdue.Lead), num(-r.Late), num(-r.Missing), groupsText(rk.Result.Units)))
	d.Table(rankingTable(l, rk))
}

// rankingTable is the table of units in rank order, with each unit's move
// since the previous period when there is one.
func rankingTable(l *ledger.Ledger, rk *history.Ranking) *gongwen.Table {
	res := rk.Result
	moves := false
	for _, st := range rk.Standings {
		moves = moves || st.Previous != 0 || st.New
	}
	compliance := map[string]ledger.Compliance{}
	lights := map[string]map[ledger.Light]int{}
	for _, u := range l.Units {
		compliance[u.Unit] = u.Compliance
		lights[u.Unit] = u.Lights
	}
	t := &gongwen.Table{Columns: []gongwen.Column{
		centred("名次", 15), {Header: "单位", Weight: 18}, centred("牵头任务", 9), centred("已完成", 9),
		centred("完成率", 10), centred("绿/黄/红/灰", 15), centred("报送", 9), centred("得分", 10),
	}, Size: tableSize}
	if moves {
		t.Columns = append(t.Columns, gongwen.Column{Header: "较上期", Weight: 9, Align: gongwen.Center})
	}
	for i, u := range res.Units {
		if i == 0 || res.Units[i-1].Group != u.Group {
			t.Rows = append(t.Rows, groupRow(u.Group))
		}
		lt := lights[u.Unit]
		t.Rows = append(t.Rows, []gongwen.Cell{
			gongwen.TextCell(rankText(u)),
			gongwen.TextCell(u.Unit),
			gongwen.TextCell(fmt.Sprint(u.Led)),
			gongwen.TextCell(fmt.Sprint(u.Done)),
			gongwen.TextCell(rateText(u)),
			gongwen.TextCell(fmt.Sprintf("%d/%d/%d/%d", lt[ledger.Green], lt[ledger.Yellow], lt[ledger.Red], lt[ledger.Grey])),
			gongwen.TextCell(string(compliance[u.Unit])),
			gongwen.TextCell(num2(u.Score)),
		})
		if moves {
			row := &t.Rows[len(t.Rows)-1]
			*row = append(*row, gongwen.TextCell(rk.Standings[i].Arrow()))
		}
	}
	return t
}

func num2(x float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", x), "0"), ".")
}

// requirements is the part 下步工作要求, in the office's words: each
// paragraph a （一） heading made of its first sentence.
func requirements(d *gongwen.Doc, wd Wording, n int) {
	level1(d, n, wd.RequirementsOf)
	for i, p := range wd.Requirements {
		head, rest := heading(p)
		level2(d, i+1, head, gongwen.Plain(rest))
	}
}

var ledgerColumns = []gongwen.Column{
	{Header: "编号", Weight: 6, Align: gongwen.Center},
	{Header: "任务内容", Weight: 36},
	{Header: "牵头单位", Weight: 7},
	{Header: "配合单位", Weight: 8},
	{Header: "完成时限", Weight: 7, Align: gongwen.Center},
	{Header: "本期进展", Weight: 21},
	{Header: "进度/序时", Weight: 5, Align: gongwen.Center},
	{Header: "状态", Weight: 5, Align: gongwen.Center},
	{Header: "亮灯", Weight: 5},
	{Header: "复核意见", Weight: 6},
}

// ledgerTable is the full ledger: every task with the document's headings
// as group rows.
func ledgerTable(d *gongwen.Doc, l *ledger.Ledger) {
	t := &gongwen.Table{Columns: ledgerColumns, Size: tableSize}
	ids, rows := rowsByDoc(l)
	_, names := docs(l)
	for _, id := range ids {
		t.Rows = append(t.Rows, []gongwen.Cell{{Spans: []gongwen.Span{gongwen.In(typeface.Hei, names[id])}, Wide: true}})
		var open []string
		for _, r := range rows[id] {
			for k := 0; k < len(r.Path)-1 && k < len(r.Headings); k++ {
				if k < len(open) && open[k] == r.Path[k] {
					continue
				}
				open = append(open[:min(k, len(open))], r.Path[k])
				role := typeface.Kai
				if k == 0 {
					role = typeface.Bold
				}
				t.Rows = append(t.Rows, []gongwen.Cell{{Spans: []gongwen.Span{gongwen.In(role, marker(r.Path[k])+r.Headings[k])}, Wide: true}})
			}
			pct := pctText(r.Percent)
			text := r.Text
			if r.Title != "" && !strings.HasPrefix(r.Text, r.Title) {
				text = r.Title + "。" + r.Text
			}
			t.Rows = append(t.Rows, []gongwen.Cell{
				gongwen.TextCell(r.Label),
				gongwen.TextCell(text),
				gongwen.TextCell(joinUnits(r.Lead)),
				gongwen.TextCell(strings.Join(r.Co, "、")),
				gongwen.TextCell(r.Deadline),
				gongwen.TextCell(r.Progress),
				gongwen.TextCell(pct + "\n" + num(r.Expected) + "%"),
				gongwen.TextCell(string(r.Effective())),
				lightCell(r.Light),
				gongwen.TextCell(clip(r.Review, 120)),
			})
		}
	}
	d.Table(t)
}

// saysNone reports whether a unit's 存在问题 says there is none (无, 暂无,
// 没有, 无问题), as units type it: such a cell adds nothing to a reason.
func saysNone(s string) bool {
	switch strings.Trim(s, " 。.\u3000") {
	case "无", "暂无", "没有", "无问题", "暂无问题", "/", "—", "-":
		return true
	}
	return false
}
