package policy

import (
	"reflect"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Excerpts that more than one case reads.
const (
	ownerLines   = "一、重点任务\n1.全面推行证明事项告知承诺制。\n分管领导：王某某\n部门分工：市司法局牵头，市直各部门配合。\n2.深化审批改革。\n牵头单位：市行政审批局\n配合单位：市发展改革委、市财政局"
	labelVocab   = "一、任务\n1.建设数据平台。（主办单位：市大数据局；协办单位：市财政局；参加单位：市科技局）\n2.推进改革。（牵头责任单位：市商务局；协同责任单位：市税务局；数据提供单位：市统计局）"
	bracketKinds = "一、任务\n1.完善综合交通网络。〔责任单位：省交通运输厅、省财政厅按职责分工负责〕\n2.建设物流枢纽。【牵头单位：省发展改革委】"
	labelNotes   = "一、任务\n1.完善标准体系。（主要责任单位：市市场监管局；其他责任单位：市发改委）\n2.强化督查考核。\n责任单位（部门）：市委督查室、市政府督查室\n完成时限：2024年12月"
	yearStart    = "一、重点工作\n1.2023年底前完成老旧小区改造100个。（市住建局负责）\n2.2024年6月底前建成智慧停车平台。（市城管局负责）\n3.推进垃圾分类。（市城管局牵头）"
)

// The patterns of real documents that the parser must read (issue 10), each
// on an excerpt written in the project's own words. The real-document score
// (realscore_test.go) checks them on real text.
func TestDocumentPatterns(t *testing.T) {
	tests := []struct {
		name, text string
		path       string
		lead, co   []string
		leader     string
		deadline   string
		flag       string // a flag the task must carry, "" for none
	}{
		{"owner lines below the item",
			ownerLines,
			"一.1", []string{"市司法局"}, []string{"市直各部门"}, "王某某", "", ""},
		{"owner lines below the item, second item",
			ownerLines,
			"一.2", []string{"市行政审批局"}, []string{"市发展改革委", "市财政局"}, "", "", ""},
		{"label vocabulary",
			labelVocab,
			"一.2", []string{"市商务局"}, []string{"市税务局"}, "", "", ""},
		{"label vocabulary, co labels",
			labelVocab,
			"一.1", []string{"市大数据局"}, []string{"市财政局", "市科技局"}, "", "", ""},
		{"brackets 〔〕",
			bracketKinds,
			"一.1", []string{"省交通运输厅"}, []string{"省财政厅"}, "", "", ""},
		{"brackets 【】",
			bracketKinds,
			"一.2", []string{"省发展改革委"}, nil, "", "", ""},
		{"brackets []",
			"一、目标\n1.粮食总产量稳定在50万吨。[牵头单位:县发改局(粮食局);责任单位:县农业农村局,各镇人民政府]\n2.森林覆盖率达到40%。[牵头单位:县林业局]",
			"一.1", []string{"县发改局(粮食局)"}, []string{"县农业农村局", "各镇人民政府"}, "", "", ""},
		{"items whose text starts with a year",
			yearStart,
			"一.2", []string{"市城管局"}, nil, "", "2024年6月底前", ""},
		{"items after year-start items are kept",
			yearStart,
			"一.3", []string{"市城管局"}, nil, "", "", ""},
		{"chapter numbers written 二. (not 二、)",
			"一.总体要求\n坚持系统观念。\n二.重点任务\n1.推进算力设施建设。（市大数据局牵头）\n三.2025年目标\n1.培育应用场景。（市工信局牵头）",
			"三.1", []string{"市工信局"}, nil, "", "", ""},
		{"numbers without punctuation",
			"一、算力\n1推进算力设施建设。（市大数据局牵头）\n2 培育应用场景。（市工信局牵头）",
			"一.2", []string{"市工信局"}, nil, "", "", ""},
		{"several clauses in one item",
			"一、就业\n1.做好稳岗工作（省人力资源社会保障厅、省财政厅负责，省教育厅配合）；强化职业培训（省工业和信息化厅牵头）。",
			"一.1", []string{"省人力资源社会保障厅"}, []string{"省财政厅", "省教育厅", "省工业和信息化厅"}, "", "", "2处责任分工"},
		{"verbs and glue",
			"一、任务\n1.优化营商环境。（市发展改革委会同市市场监管局、市税务局等有关部门负责）",
			"一.1", []string{"市发展改革委"}, []string{"市市场监管局", "市税务局"}, "", "", ""},
		{"standing rule",
			"一、消费\n1.扩大汽车消费。（责任单位：市商务局、市财政局，各县（区）人民政府。以下各项措施均需各县（区）人民政府落实，不再逐项列出）\n2.促进家电消费。（责任单位：市商务局）",
			"一.2", []string{"市商务局"}, []string{"各县（区）人民政府"}, "", "", ""},
		{"collectives written as lists",
			"一、任务\n1.推进园区建设。（牵头单位：省发展改革委；配合单位：各区、市政府，苏州、无锡、常州市政府）",
			"一.1", []string{"省发展改革委"}, []string{"各区、市政府", "苏州市政府", "无锡市政府", "常州市政府"}, "", "", ""},
		{"no prefix onto organisations of their own",
			"一、任务\n1.建设创新平台。（责任单位：市科技局、财政局、某某海洋科学实验室、人民银行南京分行、江南大学）",
			"一.1", []string{"市科技局"}, []string{"市财政局", "某某海洋科学实验室", "人民银行南京分行", "江南大学"}, "", "", ""},
		{"table pasted with separators",
			"附件\n序号 | 重点任务 | 牵头单位 | 配合单位 | 时间节点\n1 | 建成社区食堂20个 | 区民政局 | 区财政局、各街道办事处 | 2024年底前\n2 | 改造背街小巷10条 | 区城管局 | 区住建局 | 年内",
			"1", []string{"区民政局"}, []string{"区财政局", "各街道办事处"}, "", "2024年底前", ""},
		{"table one cell a line",
			"附件\n序号\n民生实事\n责任单位\n完成时限\n1\n新建人行天桥2座。\n县住建局\n县交通局\n9月底前\n2\n启动图书馆新馆建设。\n县文旅局\n12月底前",
			"1", []string{"县住建局"}, []string{"县交通局"}, "", "9月底前", ""},
		{"a deadline cell that names its milestone",
			"附件\n序号\n民生实事\n责任单位\n完成时限\n1\n新建人行天桥2座。\n县住建局\n9月投入使用\n2\n开工建设老年大学。\n县民政局\n12月底前",
			"1", []string{"县住建局"}, nil, "", "9月投入使用", ""},
		{"table right under a heading nests there",
			"一、政府重点工作\n序号 | 目标与任务 | 牵头责任单位 | 责任单位\n一、主要目标 | |\n(1) | 地区生产总值增长6%。 | 市发展改革委 市统计局 | 各县区政府、 开发区管委会\n二、重点工作 | |\n(2) | 建设口袋公园10个。 | 市园林局 | 市财政局\n二、保障措施\n加强调度。",
			"一.一.(1)", []string{"市发展改革委", "市统计局"}, []string{"各县区政府", "开发区管委会"}, "", "", ""},
		{"lead named by the heading above",
			"一、张某某副市长负责的工作\n（一）市审计局牵头的工作\n全面加强审计监督。\n协同单位：市直各部门和各县人民政府。\n（二）市编办牵头的工作\n1.优化机构设置。\n2.推进乡镇改革。\n协同单位：市财政局、市人社局等市直有关部门和各县人民政府。",
			"一.(二)", []string{"市编办"}, []string{"市财政局", "市人社局", "各县人民政府"}, "张某某副市长", "", ""},
		{"lead named by the heading, co from its own line",
			"一、张某某副市长负责的工作\n（一）市审计局牵头的工作\n全面加强审计监督。\n协同单位：市直各部门和各县人民政府。\n（二）市编办牵头的工作\n1.优化机构设置。",
			"一.(一)", []string{"市审计局"}, []string{"市直各部门", "各县人民政府"}, "张某某副市长", "", ""},
		{"市 that starts a word is no prefix",
			"一、任务\n1.整治背街小巷。（牵头单位：城管局；配合单位：市政局、环卫处）\n2.推进政务公开。（责任单位：市政府办公室、财政局）",
			"一.1", []string{"城管局"}, []string{"市政局", "环卫处"}, "", "", ""},
		{"市政府 still carries its 市",
			"一、任务\n1.整治背街小巷。（牵头单位：城管局；配合单位：市政局、环卫处）\n2.推进政务公开。（责任单位：市政府办公室、财政局）",
			"一.2", []string{"市政府办公室"}, []string{"市财政局"}, "", "", ""},
		{"园区 and 城市 are no level: the carried prefix still applies",
			"一、任务\n1.推进园区改革。（牵头单位：自治区财政厅、发展改革委、产业园区改革发展办公室；配合单位：自治区住房城乡建设厅、城市管理局）",
			"一.1", []string{"自治区财政厅", "自治区发展改革委", "自治区产业园区改革发展办公室"}, []string{"自治区住房城乡建设厅", "自治区城市管理局"}, "", "", ""},
		{"a carried prefix does not run from one label's list into the next",
			"一、项目\n(1)实施老旧小区改造。\n主办单位:县城投公司,协办单位:住建局、凤城镇。\n(2)建设民俗公园。\n主办单位:县建发公司,协办单位:住建局。",
			"一.(1)", []string{"县城投公司"}, []string{"住建局", "凤城镇"}, "", "", ""},
		{"a progress line below the item is no part of it",
			"一、疫情防控\n1.强化重点人员排查管控。\n责任单位:区卫生健康委、区民政局\n贯彻落实情况:已完成并长期坚持。",
			"一.1", []string{"区卫生健康委"}, []string{"区民政局"}, "", "", ""},
		{"an agency named after the document's own place takes no prefix",
			"某某区人民政府\n一、任务\n1.排查管控。\n责任单位:区卫生健康委、某某公安分局、民政局",
			"一.1", []string{"区卫生健康委"}, []string{"某某公安分局", "某某民政局"}, "", "", ""},
		{"a heading that names its lead, with a count",
			"一、县示范区管委会牵头工作(2项)\n1.建设养殖基地。\n2.打造生产基地。",
			"一.2", []string{"县示范区管委会"}, nil, "", "", ""},
		{"a heading that is only a unit's name",
			"一、甲市政府\n(一)重点项目(2个)。\n1.竣工项目:某某工程。\n2.续建项目:某某大桥。\n二、乙市政府\n(一)重点项目(1个)。\n1.新开工项目:某某公路。",
			"二.(一).1", []string{"乙市政府"}, nil, "", "", ""},
		{"an excerpt that starts in the middle of a list",
			"三、甲市政府\n(一)重点项目。\n1.竣工项目:某某工程。\n四、乙市政府\n(一)重点项目。\n1.新开工项目:某某公路。",
			"三.(一).1", []string{"甲市政府"}, nil, "", "", ""},
		{"an attachment numbers its items again",
			"一、总体要求\n抓好落实。\n二、工作要求\n按时报送。\n附件1\n任务清单\n一、县住建局牵头工作\n1.改造老旧小区。\n2.建设口袋公园。",
			"附件1.一.2", []string{"县住建局"}, nil, "", "", ""},
		{"a table one cell a line, cells led by | and rows closed by |",
			"牵头单位\n| 目 标 任 务\n| 责 任 单 位\n|\n市\n住\n建\n局\n| 改造老旧小区20个\n| 各区县市\n|\n建设口袋公园10个\n| 市园林局、各区县市\n|\n市财政局\n| 落实配套资金\n| 各区县市\n|",
			"2", []string{"市住建局"}, []string{"市园林局", "各区县市"}, "", "", ""},
		{"a flattened table's row whose text was lost keeps its units on the heading, and its rows keep theirs",
			"一、财政支持\n(一)加强企业财税支持\n市税务局等,各县、市、区政府\n2020年12月\n2.给予设备购置补贴。\n市经信局、市财政局等,各县、市、区政府\n3.兜底采购收储库存产品。\n市财政局等,各县、市、区政府",
			"一.(一).2", []string{"市经信局"}, []string{"市财政局", "各县、市、区政府"}, "", "", "编号不连续（前一个编号缺失），请核对原文"},
		{"a deadline cell after the bare units of a flattened row",
			"一、财政支持\n(一)加强企业财税支持\n市税务局等,各县、市、区政府\n2020年12月\n2.给予设备购置补贴。\n市经信局、市财政局等,各县、市、区政府\n3.兜底采购收储库存产品。\n市财政局等,各县、市、区政府",
			"一.(一)", []string{"市税务局"}, []string{"各县、市、区政府"}, "", "2020年12月", ""},
		{"bare unit lists in brackets that end sentences",
			"11、制定试验区实施方案。提升整体实力(省发改委、交通厅、商务厅等)。加快航运中心建设(省发改委、交通厅、某某机场集团公司)。\n12、发展县域经济(省经委、财政厅)。",
			"11", []string{"省发改委"}, []string{"省交通厅", "省商务厅", "某某机场集团公司"}, "", "", ""},
		{"a place in brackets mid-sentence is no clause",
			"11、制定试验区实施方案。提升整体实力(省发改委、交通厅、商务厅等)。支持县(市、区)发展优势产业(高新区、经开区)。\n12、发展县域经济(省经委、财政厅)。",
			"11", []string{"省发改委"}, []string{"省交通厅", "省商务厅"}, "", "", ""},
		{"an agency named after a city takes no prefix and passes its city on",
			"一、任务\n1.加强税收征管。（责任单位：市发改委、财政局，无锡国税局、地税局）\n2.推进铁路建设。（省发改委、铁路办、哈尔滨铁路局、中山大学负责）",
			"一.1", []string{"市发改委"}, []string{"市财政局", "无锡国税局", "无锡地税局"}, "", "", ""},
		{"a university named after a city passes nothing on",
			"一、任务\n1.加强税收征管。（责任单位：市发改委、财政局，无锡国税局、地税局）\n2.推进铁路建设。（省发改委、铁路办、哈尔滨铁路局、中山大学负责）",
			"一.2", []string{"省发改委"}, []string{"省铁路办", "哈尔滨铁路局", "中山大学"}, "", "", ""},
		{"bare places before a government share its suffix, inside a longer list",
			"一、任务\n1.建设机场。（某某机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局负责）\n2.今明两年投资30亿元建设公路。（省交通厅负责）",
			"一.1", []string{"某某机场扩建指挥部"}, []string{"哈尔滨市政府", "黑河市政府", "绥芬河市政府", "省农垦总局"}, "", "", ""},
		{"今明两年 is a deadline",
			"一、任务\n1.建设机场。（某某机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局负责）\n2.今明两年投资30亿元建设公路。（省交通厅负责）",
			"一.2", []string{"省交通厅"}, nil, "", "今明两年", ""},
		{"two rows that share one number in a table one cell a line",
			"附件\n序号\n民生实事\n责任单位\n完成时限\n1\n开工建设县老年养护楼。\n县民政局\n5月底前动工\n开工建设老年大学。\n12月底前\n2\n迁建政务服务中心。\n县政务服务中心\n12月底前",
			"1", []string{"县民政局"}, nil, "", "12月底前", "表格第2行未列责任单位，已沿用上一行的责任单位（原表可能为合并单元格），请核实"},
		{"a government's departments and its directly run bodies stay one name",
			"一、任务\n1.地区生产总值增长8.5%以上。（牵头单位：市发改委；配合单位：市政府各部门、各直属机构）",
			"一.1", []string{"市发改委"}, []string{"市政府各部门、各直属机构"}, "", "", ""},
		{"labels 牵头： and 配合： without a noun",
			"一、任务\n1.推进城市更新。（牵头：市住建局；配合：市城管局、市财政局）",
			"一.1", []string{"市住建局"}, []string{"市城管局", "市财政局"}, "", "", ""},
		{"a person by 督办领导 or 挂点领导 is the leader",
			"一、任务\n1.加强交通管理。（牵头单位：市公安局；挂点领导：赵六；配合单位：市交通局）",
			"一.1", []string{"市公安局"}, []string{"市交通局"}, "赵六", "", ""},
		{"labels in square brackets instead of before a colon",
			"一、任务\n1.推进城市更新。【牵头单位】市住建局【配合单位】市财政局、市自然资源局\n2.加强交通管理。[责任单位]市公安局",
			"一.1", []string{"市住建局"}, []string{"市财政局", "市自然资源局"}, "", "", ""},
		{"labels after the last sentence, each closed by a full stop",
			"一、任务\n1.优化政务服务。责任单位：市政务服务中心。配合单位：各县区政务服务中心。完成时限：6月底前。\n2.推进一网通办。责任单位：市数据局。",
			"一.1", []string{"市政务服务中心"}, []string{"各县区政务服务中心"}, "", "6月底前", ""},
		{"a heading's 完成时限 covers its sub-items that set none",
			"一、加大支持力度\n（一）加强财税支持。\n牵头单位：市税务局\n完成时限：2020年12月\n1.落实设备购置补贴。（责任单位：市经信局、市财政局）\n2.兜底采购收储。（责任单位：市财政局）",
			"一.(一).2", []string{"市财政局"}, nil, "", "2020年12月", ""},
		{"a 整改 notice's labels on lines below the problem",
			"1.市场内卫生间堆放杂物。\n整改责任单位：县市场监督管理局\n整改时限：2021年8月13日前\n2.食堂橱柜杂物乱堆放。\n整改责任单位：县污水处理厂\n整改时限：2021年8月20日前",
			"2", []string{"县污水处理厂"}, nil, "", "2021年8月20日前", ""},
		{"labels with a modifier: 主要责任单位, 其他责任单位",
			labelNotes,
			"一.1", []string{"市市场监管局"}, []string{"市发改委"}, "", "", ""},
		{"a label with a note in brackets",
			labelNotes,
			"一.2", []string{"市委督查室"}, []string{"市政府督查室"}, "", "2024年12月", ""},
		{"a deadline after the units in brackets",
			"一、任务\n1.推进重大项目建设。（市发改委，2024年底前）\n2.做好统计监测。（责任单位：市统计局、市财政局；2024年6月底前完成）",
			"一.2", []string{"市统计局"}, []string{"市财政局"}, "", "2024年6月底前", ""},
		{"a body's sections and its subordinate units stay one name",
			"一、任务\n1.完成包扶村年度任务。（牵头单位：局办公室；配合单位：各股室、局属事业单位）",
			"一.1", []string{"局办公室"}, []string{"各股室、局属事业单位"}, "", "", ""},
		{"table with cells separated by wide spaces",
			"附件\n序号  重点任务  牵头单位  配合单位  完成时限\n1  建成社区食堂 20个  区民政局  区财政局、 各街道办事处  2024年底前\n2  改造背街小巷10条  区城管局  区住建局  年内",
			"1", []string{"区民政局"}, []string{"区财政局", "各街道办事处"}, "", "2024年底前", ""},
		{"rows numbered (1), (2) in a table one cell a line",
			"序号\n目标与任务\n牵头责任单位\n责任单位\n一、主要预期目标\n(1)\n地区生产总值增长6%以上。\n市发展改革委\n各县市区政府\n(2)\n固定资产投资增长6%左右。\n市发展改革委\n各县市区政府",
			"一.(2)", []string{"市发展改革委"}, []string{"各县市区政府"}, "", "", ""},
		{"a note on which unit leads is no unit",
			"一、任务\n1.推进改革。责任单位:县发改局(首位单位为牵头单位,下同)、县财政局\n2.优化服务。责任单位:县政务办、县司法局",
			"一.1", []string{"县发改局"}, []string{"县财政局"}, "", "", ""},
		{"a 序号 that numbers a group whose task cells carry their own numbers",
			"序号\n项目\n重点工作目标任务\n牵头领导\n责任单位\n一、主要预期目标\n1\n主要预期目标\n1.地区生产总值增长5%以上。\n王 某\n★区发改委、统计局\n2.一般公共预算收入增长6%以上。\n★区财政局、税务局\n2\n扩大有效投资\n3.新开工项目100个。\n李 某\n★区发改委",
			"一.1.2", []string{"区财政局"}, []string{"区税务局"}, "王 某", "", ""},
		{"a task table with no unit column: its rows are tasks for the office to assign",
			"类别 | 序号 | 项目名称 | 工作标准 |\n重点类 | 1 | 路网完善工程 | 某某高架年内通车,完成投资3亿元。 |\n重点类 | 2 | 文化广场建设 | 5月1日前开工建设。 |",
			"1", nil, nil, "", "年内", "文件未列责任单位，请指定牵头单位"},
		{"由A、B共同组织实施 assigns the work",
			"一、建设内容\n(一)街道硬化项目。安排11个项目。由县民族局、民族乡政府共同组织实施。\n(二)饮水项目。安排9个项目。由县民族局、水利、电力部门共同组织实施。",
			"一.(一)", []string{"县民族局"}, []string{"民族乡政府"}, "", "", ""},
		{"水利、电力部门 share 部门 and the carried prefix",
			"一、建设内容\n(一)街道硬化项目。安排11个项目。由县民族局、民族乡政府共同组织实施。\n(二)饮水项目。安排9个项目。由县民族局、水利、电力部门共同组织实施。",
			"一.(二)", []string{"县民族局"}, []string{"县水利部门", "县电力部门"}, "", "", ""},
		{"a table with a | line after each cell, cells over several lines, * marking the lead",
			"类别\n|\n序号\n|\n任务名称\n|\n责任部门\n(加*号为牵头部门,\n其余为参与部门)\n|\n完成时间节点\n|\n(一)\n持续\n推进\n示范村建设\n|\n1\n|\n完成示范村建设\n|\n区农业农村委*、\n区财政局\n|\n10月底\n|\n2\n|\n开展美丽乡村创建\n|\n区财政局、区农业农村委*\n|\n12月底\n|",
			"(一).2", []string{"区农业农村委"}, []string{"区财政局"}, "", "12月底", ""},
		{"a category column whose cell opens a section, then rows without it",
			"大类 | 序号 | 工作任务 | 分管市领导 | 牵头单位 |\n一、提高民生保障水平 | 1 | 提高城乡低保标准。 | 陈某某 | 市民政局 |\n2 | 提高特困供养标准。 | 陈某某 | 市民政局 |",
			"一.2", []string{"市民政局"}, nil, "陈某某", "", ""},
		{"由X负责 inside a sentence assigns the work",
			"1、西大桥沿线有垃圾死角。\n整改要求:由县环卫站负责清除上述地段垃圾。\n2、迎宾大道有野广告。\n整改要求:由包片单位县气象局负责清除。",
			"2", []string{"县气象局"}, nil, "", "", ""},
		{"a rate (每人每月574元) is no deadline",
			"一、任务\n1.将低保补差水平提高到每人每月609元。（市民政局负责）",
			"一.1", []string{"市民政局"}, nil, "", "", ""},
		{"merged deadline and leader cells of a table one cell a line",
			"序号\n指标\n工作任务\n完成时限\n责任领导\n责任股室\n1\n公共文化服务\n免费开放服务人次增长15%。\n12月底前\n夏某某\n文化宣传股\n2\n组织惠民演出不少于100场。\n文化馆\n3\n文化产业\n培育文化服务企业1家。\n5月底\n周某\n产业股",
			"2", []string{"文化馆"}, nil, "夏某某", "12月底前", ""},
		{"各县区、功能板块 stays one collective",
			"附件:\n一、民生实事\n1.新建学校3所。(牵头单位:市教育局;共同责任单位:市财政局,各县区、功能板块)",
			"一.1", []string{"市教育局"}, []string{"市财政局", "各县区、功能板块"}, "", "", ""},
		{"numbered photo captions 图①:… with an inline 责任单位",
			"检查中发现以下问题。\n图①:九龙大道公交车站台没有公益广告。责任单位:县交通局。\n\n图②:围墙广告画面破损。责任单位:县住建局。",
			"②", []string{"县住建局"}, nil, "", "", ""},
		{"an item whose text starts with a date after 1、",
			"现将检查情况通报如下:\n1、10月9日督查发现,幼儿园门前堆积生活垃圾。\n责任主体:某某幼儿园\n2、10月9日督查发现,工地砂石料未覆盖。\n责任主体:某某房地产开发公司",
			"2", []string{"某某房地产开发公司"}, nil, "", "", ""},
		{"a table with no 序号: a category column merged over rows, the rows numbered in their name cell",
			"类别 | 民生事项名称 | 年度任务目标 | 责任单位 | 分管市领导 |\n四、教育文化 | 14.改扩建泉山学校 | 完成一期2座教学楼建设。 | 教育体育局 | 刘某某 |\n15.推进塑胶运动场地建设 | 完成13处农村学校运动场地。 | 教育体育局 | 刘某某 | |\n索引号: | 113706850042672474 | 成文日期: | 2022-10-08 |",
			"四.15", []string{"教育体育局"}, nil, "刘某某", "", ""},
		{"a name cut by a wrap",
			"一、任务\n1.推进草原保护。（责任单位：自治 区林草局、财政厅）",
			"一.1", []string{"自治区林草局"}, []string{"自治区财政厅"}, "", "", ""},
		{"a sentence that assigns the work",
			"一、重点任务\n1.推进老旧小区改造，年内完成改造项目30个。由张某某副市长负责，市住建局牵头，市财政局、市自然资源局配合。\n2.加快城市更新行动，由市发展改革委牵头推进。",
			"一.1", []string{"市住建局"}, []string{"市财政局", "市自然资源局"}, "张某某副市长", "年内", ""},
		{"table one cell a line, headers broken over two lines",
			"附件\n序号\n重点工作\n责任\n领导\n责任\n科室\n攻坚目标\n任务\n1\n河道综合治理\n王某某\n水利站\n完成河道清淤5公里。\n2\n美丽城镇建设\n李某某\n乡村振兴办\n成功创建省级美丽城镇。",
			"2", []string{"乡村振兴办"}, nil, "李某某", "", ""},
		{"deadlines inside the text",
			"一、任务\n1.加快建设养老服务中心，年底前建成投用，每季度通报进展。（县民政局负责）\n2.上半年完成摸底调查，长期坚持动态管理。（县统计局负责）",
			"一.1", []string{"县民政局"}, nil, "", "年底前", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseText(t, tt.text)
			tk := byLabel(d)[tt.path]
			if tk == nil {
				var paths []string
				for _, x := range d.Tasks {
					paths = append(paths, strings.Join(x.Path, "."))
				}
				t.Fatalf("no item %s; items: %v", tt.path, paths)
			}
			if !tk.Reportable() {
				t.Errorf("%s is %s; want a task", tt.path, tk.Kind)
			}
			if !reflect.DeepEqual(tk.Lead, tt.lead) || !sameList(tk.Co, tt.co) {
				t.Errorf("%s: lead %q co %q; want lead %q co %q (raw %q, flags %q)", tt.path, tk.Lead, tk.Co, tt.lead, tt.co, tk.UnitsRaw, tk.Flags)
			}
			if tk.Leader != tt.leader {
				t.Errorf("%s: leader %q; want %q", tt.path, tk.Leader, tt.leader)
			}
			if tt.deadline != "" && (tk.Deadline == nil || tk.Deadline.Text != tt.deadline) {
				t.Errorf("%s: deadline %+v; want %q", tt.path, tk.Deadline, tt.deadline)
			}
			if tt.flag != "" && !strings.Contains(strings.Join(tk.Flags, "|"), tt.flag) {
				t.Errorf("%s: flags %q lack %q", tt.path, tk.Flags, tt.flag)
			}
			for _, u := range append(append([]string(nil), tk.Lead...), tk.Co...) {
				if notNameRe.MatchString(u) {
					t.Errorf("%s: unit %q holds a label, a verb or punctuation", tt.path, u)
				}
			}
		})
	}
}

func sameList(a, b []string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// TestSummaryClause: a heading whose clause sums up its sub-items' own
// clauses is no task; its sub-items are.
func TestSummaryClause(t *testing.T) {
	d := parseText(t, "一、减少扶贫对象并实施搬迁。(责任单位:市扶贫办、市移民局)\n1.减少扶贫对象6万人(责任单位:市扶贫办)\n2.实施易地扶贫搬迁1万人。(责任单位:市移民局)\n二、解决农村饮水安全问题。(责任单位:市水务局)")
	labels := byLabel(d)
	if tk := labels["一"]; tk == nil || tk.Reportable() {
		t.Errorf("一 = %+v; want a heading, not a task", tk)
	}
	for l, lead := range map[string]string{"一.1": "市扶贫办", "一.2": "市移民局", "二": "市水务局"} {
		if tk := labels[l]; tk == nil || !tk.Reportable() || !sameList(tk.Lead, []string{lead}) {
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
				if notNameRe.MatchString(u) || strings.Contains(u, "单位：") || labelNameRe.MatchString(u) {
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
	d := parseText(t, "附件\n序号 | 督查内容 | 牵头责任单位 | 协同责任单位\n"+
		"1 | 地区生产总值增长7%以上。 | 市发改委 | 市统计局\n"+
		"2 | 全员劳动生产率46000元/人以上 | 市发改委 | 市人社局\n"+
		"3 | 城镇调查失业率控制在5.5%以内。 | 市人社局 | 市财政局\n"+
		"4 | 建成5G基站800个。 | 市数据局 | 市通信办\n"+
		"5 | 新增城镇就业1.2万人以上。 | 市人社局 | 各区政府\n"+
		"6 | 深化“放管服”改革，推行一网通办，提升群众满意度。 | 市政务服务局 | 市直各部门")
	// Row 5 states a goal too, but row 4 (work to do) breaks the run.
	want := map[string]string{"1": "target", "2": "target", "3": "target", "4": "task", "5": "task", "6": "task"}
	got := map[string]string{}
	for _, tk := range d.Tasks {
		got[strings.Join(tk.Path, ".")] = string(tk.Kind)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kinds %v; want %v", got, want)
	}
	// A column headed 预期目标 holds goals, whatever its rows say.
	d = parseText(t, "附件1\n序号 | 预期目标 | 责任单位 | 进展情况\n"+
		"1 | 全区生产总值增长6%左右。 | 区发改委 | 一季度增长5.8%\n"+
		"2 | 城镇新增就业稳定。 | 区人力社保局 | 新增就业3000人")
	for _, tk := range d.Tasks {
		if tk.Kind != "target" {
			t.Errorf("%v is %s under 预期目标; want target", tk.Path, tk.Kind)
		}
	}
	d = parseText(t, "附件\n序号 | 督查内容 | 牵头责任单位 | 协同责任单位\n"+
		"1 | 地区生产总值增长7%以上。 | 市发改委 | 市统计局\n"+
		"2 | 深化“放管服”改革，推行一网通办。 | 市政务服务局 | 市直各部门")
	for _, tk := range d.Tasks {
		if tk.Kind != "task" {
			t.Errorf("%v is %s; a lone goal row stays a task", tk.Path, tk.Kind)
		}
	}
}

// TestTraditionalNote: a document read from traditional characters says so
// in its notes, so the office checks the converted names.
func TestTraditionalNote(t *testing.T) {
	cfg, err := config.Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
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
	if tk := labels["3"]; tk == nil || !sameList(tk.Lead, []string{"市大数据局"}) {
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
	if !reflect.DeepEqual(got, want) {
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
	if tk == nil || !sameList(tk.Lead, []string{"市民政局"}) || tk.Leader != "李四" {
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
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%.40s…: tasks\n%q; want\n%q", tt.text, got, tt.want)
		}
	}
}
