package policy

import (
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/docread"
)

// Layouts a page or a converted file gives a document's structure, each on
// an excerpt in the project's own words: the item at path must be a task
// with these units (and this deadline, when one is given).
func TestStructureLayouts(t *testing.T) {
	tests := []struct{ name, text, path, deadline, lead, co, kind string }{
		{name: "a whole table stored as one paragraph", path: "2", lead: "市城管局", co: "市公安局", deadline: "2025年6月底前",
			text: "序号 重点任务 牵头单位 配合单位 完成时限 1 推进老旧小区改造 市住建局 市财政局、各区政府 2024年底前 2 建设智慧停车平台 市城管局 市公安局 2025年6月底前"},
		{name: "a table whose only unit column is 牵头单位: every unit leads", path: "1", lead: "市住建局 市财政局",
			text: "序号\n重点任务\n牵头单位\n1\n推进老旧小区改造\n市住建局、市财政局\n2\n建设智慧停车平台\n市城管局"},
		{name: "full-width numbers in the name cells of a | table", path: "四.15", lead: "教育体育局",
			text: "类别 | 民生事项名称 | 年度任务目标 | 责任单位 | 分管市领导 |\n四、教育文化 | １４.改扩建泉山学校 | 完成一期2座教学楼建设。 | 教育体育局 | 刘某某 |\n１５.推进塑胶运动场地建设 | 完成13处农村学校运动场地。 | 教育体育局 | 刘某某 | |"},
		{name: "bare numbers in the task cells of a table flattened one cell a line", path: "1.2", lead: "区财政局", co: "区税务局",
			text: "序号\n|\n项目\n|\n重点工作目标任务\n|\n牵头领导\n|\n责任单位\n|\n1\n|\n主要预期目标\n|\n1地区生产总值增长5%以上。\n|\n王某\n|\n★区发改委、统计局\n|\n2一般公共预算收入增长6%以上。\n|\n★区财政局、税务局\n|\n3规上工业总产值增长5%左右。\n|\n|\n★区工信局、统计局\n|"},
		{name: "a bare-numbered list whose first item the page lost", path: "一.(一).3", lead: "市财政局",
			text: "一、加大支持力度\n（一）加强财税支持\n2纳入补贴范围的企业给予补助。（市经信局负责）\n3对库存产品兜底收储。（市财政局负责）"},
		{name: "items run inline in a paragraph whose list starts at 11", path: "12", lead: "省经委", co: "省财政厅",
			text: "某某方案\n\n  11、推进城市圈建设，提升整体实力（省发改委、交通厅）。12、支持县域发展优势产业（省经委、财政厅）。"},
		{name: "chapter numbers written 一. before a figure", path: "二.1", lead: "区住建委",
			text: "一.10项预期目标\n1.地区生产总值增长6%以上。（区发展改革委负责）\n二.5项民生实事\n1.改造老旧小区30个。（区住建委负责）"},
		{name: "a table left separated by single spaces, its header words spread out", path: "2", lead: "财政部",
			text: "序号 工 作 任 务 牵头负责部门\n1 城镇新增就业100万人以上 人力资源社会保障部\n2 安排地方专项债券400亿元 财政部"},
		{name: "a table captioned as figures to reach holds targets", path: "2", lead: "财政部", kind: "target",
			text: "量化指标任务分工\n序号 工作任务 牵头单位\n1 城镇新增就业100万人以上 人力资源社会保障部\n2 安排地方专项债券400亿元 财政部"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseText(t, tt.text)
			tk := byLabel(d)[tt.path]
			if tk == nil || !tk.Reportable() {
				var paths []string
				for _, x := range d.Tasks {
					paths = append(paths, strings.Join(x.Path, ".")+" "+string(x.Kind))
				}
				t.Fatalf("no task %s; items: %v", tt.path, paths)
			}
			lead, co := strings.Fields(tt.lead), strings.Fields(tt.co)
			if !sameList(tk.Lead, lead) || !sameList(tk.Co, co) {
				t.Errorf("%s: lead %q co %q; want lead %q co %q (raw %q)", tt.path, tk.Lead, tk.Co, lead, co, tk.UnitsRaw)
			}
			if tt.kind != "" && string(tk.Kind) != tt.kind {
				t.Errorf("%s: kind %s; want %s", tt.path, tk.Kind, tt.kind)
			}
			if tt.deadline != "" && (tk.Deadline == nil || tk.Deadline.Text != tt.deadline) {
				t.Errorf("%s: deadline %+v; want %q", tt.path, tk.Deadline, tt.deadline)
			}
		})
	}
}

// A table flattened one cell a line with | after each cell, then a blank
// line and the signature: the issuing office is no unit of the last row.
func TestTableEndsBeforeSignature(t *testing.T) {
	text := "重点工作清单\n序号 |\n重点工作 |\n责任单位 |\n完成时限 |\n1 |\n推进项目落地。 |\n招商局 |\n全年 |\n2 |\n提升园区承载能力。 |\n规划建设局 |\n全年 |\n\n某某区人民政府办公室\n2024年3月1日\n"
	doc, err := docread.Read("t.txt", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	tk := byLabel(Parse(doc, cfg))["2"]
	if tk == nil || !sameList(tk.Lead, []string{"规划建设局"}) || len(tk.Co) > 0 {
		t.Fatalf("row 2 = %+v; want lead 规划建设局 and no co-unit", tk)
	}
}
