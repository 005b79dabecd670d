package docread

import (
	"fmt"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// readBlocks reads text as a .txt file and returns its blocks one a line,
// tables as "[table]".
func readBlocks(t *testing.T) func(string) string {
	return func(text string) string {
		return strings.Join(texts(mustRead(t, "a.txt", []byte(text))), "\n")
	}
}

// Enclosed numbers are spelled out and pinyin glosses dropped.
func TestFoldEnclosed(t *testing.T) {
	testkit.Cases(t, "Read", readBlocks(t), map[string]string{
		"㈠加强组织领导\n⑴建立工作机制。\n⑵完善考核办法。": "（一）加强组织领导\n(1)建立工作机制。\n(2)完善考核办法。",
		"⒇压实责任。；㈩强化督查。":               "(20)压实责任。；（十）强化督查。",
		"  ⑶ 推进试点。":                   "(3) 推进试点。",
		// a reference in mid-sentence keeps its form
		"一、按第⑵项要求推进。": "一、按第⑵项要求推进。",
		"一、按第㈡项要求推进。": "一、按第㈡项要求推进。",
		// ㈠ run on after a heading's words numbers a section
		"一、夯实工作基础㈠深化规章公开。": "一、夯实工作基础（一）深化规章公开。",
		// a row's 序号 cell
		"序号 | 任务 | 牵头单位\n⑴ | 推进试点 | 市科技局": "序号 | 任务 | 牵头单位\n(1) | 推进试点 | 市科技局",
		// pinyin glosses of a spun repost go, numbers and unit names included
		"一(yī)、實施創新驅動發展戰略\n1.建設實驗室。(牽頭單位:市發(fā)改委,參與單位:市藍(lán)谷管理局)": "一、实施创新驱动发展战略\n1.建设实验室。(牵头单位:市发改委,参与单位:市蓝谷管理局)",
		// a bracketed Latin word without a tone mark stays
		"一、推进数字政府建设\n1.推广政务服务(app)应用，完善数据(dà shù jù)平台。（责任单位：市数据局）": "一、推进数字政府建设\n1.推广政务服务(app)应用，完善数据平台。（责任单位：市数据局）",
		"3.推进老旧小区改造。(责任单位:市发 (fā)改委)":                               "3.推进老旧小区改造。(责任单位:市发改委)",
		"1.清理铁路沿线堆放物。（责任单位：市通信管理(lǐ\n)局、执法局）\n2.修整路面。（责任单位：住建局）":    "1.清理铁路沿线堆放物。（责任单位：市通信管理局、执法局）\n2.修整路面。（责任单位：住建局）",
		"3.推进老旧小区改造。(责任单位:县住房和城乡(xiāng )建设局)":                       "3.推进老旧小区改造。(责任单位:县住房和城乡建设局)",
	})
}

func TestUnspace(t *testing.T) {
	const buttonsPage = "近日 县创建指挥部 领导小组 督查组 对部分 农贸市场 单位 小区 卫生 进行督查 曝光如下: 1.市场内卫生间堆放有杂物; " +
		"整改责任单位:县市场监管局 县卫健局 县住建局 整改时限:2021年8月13日前 2.员工食堂杂物乱堆放; " +
		"整改责任单位:县水务局 县城管局 县交通局 县教育局 县发改局 县财政局 县民政局 县商务局 整改时限:2021年8月13日前"
	scattered := "一、总体要求\n1.加快推进 数字政府建设，提升政务服 务效能。\n责任单位：区住 建局、区发 改委\n" +
		"2.深化 营商环境改革，优化审 批流程。\n牵 头单位：区政 务服务中心\n3.强化 要素保障，完善 配套政策。\n"
	testkit.Cases(t, "Read", readBlocks(t), map[string]string{
		// letter-spaced headings, alone in an otherwise clean text
		"一 、 总 体 要 求\n（一） 加 强 组 织 领 导\n1.建立工作机制。": "一、总体要求\n（一）加强组织领导\n1.建立工作机制。",
		// a letter-spaced table header; the rows' cells keep their spaces
		"序 号 | 重 点 任 务 | 牵 头 单 位\n1 | 推进试点 | 市发改委 市财政局": "序号 | 重点任务 | 牵头单位\n1 | 推进试点 | 市发改委 市财政局",
		// spaces scattered through the whole text
		scattered: "一、总体要求\n1.加快推进数字政府建设，提升政务服务效能。\n责任单位：区住建局、区发改委\n" +
			"2.深化营商环境改革，优化审批流程。\n牵头单位：区政务服务中心\n3.强化要素保障，完善配套政策。",
		// scattered spaces that part an item's number from its point
		// (10 .稳定) and a decimal in mid-sentence (控制在3. 5%)
		"9.加快推进 数字政府建设，提升政务服 务效能。\n10 .稳定就 业局势，城镇登记失 业率控制在3. 5%以内。\n" +
			"11 .深化 营商环境改革，优化审 批流程。\n12 .强化 要素保障，完善 配套政策。\n13 .加强 督查考核，定期 通报进展。": "9.加快推进数字政府建设，提升政务服务效能。\n" +
			"10.稳定就业局势，城镇登记失业率控制在3.5%以内。\n11.深化营商环境改革，优化审批流程。\n12.强化要素保障，完善配套政策。\n" +
			"13.加强督查考核，定期通报进展。",
		// a site's button bars above a page flattened into one line with
		// spaces between its phrases and units: their spaces do not make
		// the page's scattered
		"分享到：微信 微博 QQ空间\n浏览次数：1024 【字体：大 中 小】【打印本页】【关闭窗口】\n" + buttonsPage: buttonsPage,
		// the same with a stray space between each item's number and its
		// dot: the items are no table's rows
		strings.ReplaceAll(scattered, ".", " ."): "一、总体要求\n1.加快推进数字政府建设，提升政务服务效能。\n责任单位：区住建局、区发改委\n" +
			"2.深化营商环境改革，优化审批流程。\n牵头单位：区政务服务中心\n3.强化要素保障，完善配套政策。",
	})
	// scattered spaces all through, and two units a space apart in the
	// clauses: the units stay two
	var units []string
	for i := 1; i <= 8; i++ {
		units = append(units, fmt.Sprintf("%d.加强 基层 治理 工作 能力 建设 项目 第%d项。（责任单位：市发改委 市财政局）", i, i))
	}
	if got, want := readBlocks(t)(strings.Join(units, "\n")), strings.ReplaceAll(strings.Join(units, "\n"), "加强 基层 治理 工作 能力 建设 项目 第", "加强基层治理工作能力建设项目第"); got != want {
		t.Errorf("units a space apart: got\n%s\nwant\n%s", got, want)
	}
	// a page flattened into one line, scattered all through: the spaces
	// before an item's number and after a sentence stay
	flat := "一、总体 要求 1.加快推 进数字政府建 设，提升政 务服务效能。 责任单位：区住 建局、区发 改委 2.深化营 商环境改革，优 化审批流程。 " +
		"牵头单位：相关县(市、区) 政府 3.强化要 素保障，完善配 套政策。"
	if got, want := readBlocks(t)(flat), "一、总体要求 1.加快推进数字政府建设，提升政务服务效能。 责任单位：区住建局、区发改委 2.深化营商环境改革，优化审批流程。 "+
		"牵头单位：相关县(市、区)政府 3.强化要素保障，完善配套政策。"; got != want {
		t.Errorf("Read(%q) = %q; want %q", flat, got, want)
	}
	// Left alone: a normal text, units separated by spaces, a table with
	// its columns two spaces apart, a decimal, digits, English.
	for _, text := range []string{
		"一、总体要求\n1.推进试点。（牵头单位：市发改委 市财政局）\n2.完善机制。（牵头单位：市科技局 市教育局）\n" +
			"3.强化保障。（牵头单位：市人社局 市商务局）\n4.加强督查。（牵头单位：市政府办 市统计局）",
		"序号  重点任务  牵头单位\n1  推进 数字 政府建设  市发改委 市财政局\n2  完善 考核 办法机制  市科技局 市教育局\n" +
			"3  强化 要素 保障措施  市人社局 市商务局\n4  加强 督查 考核工作  市政府办 市统计局",
		// a table flattened one row a line, its cells one space apart
		// and its header letter-spaced: spaces between Han characters on
		// every row, but they are the columns'
		"序号 工 作 任 务 牵头负责部门\n1 居民消费价格涨幅3%左右 发展改革委\n2 城镇新增就业1000万人以上 人力资源社会保障部\n" +
			"3 安排地方专项债券4000亿元 财政部\n4 推进5万个行政村通光纤 工业和信息化部\n5 完成棚户区住房改造600万套 住房城乡建设部\n" +
			"6 易地扶贫搬迁200万人以上 发展改革委",
		// owner labels written with a space for their colon on every
		// item: the space separates the label from its units
		"一、总体要求\n1.推进数字政府建设。（责任单位 区住建局、区发改委）\n2.深化营商环境改革。（牵头单位 区政务服务中心）\n" +
			"3.强化要素保障。（责任单位 区财政局）\n4.加强督查考核。（配合单位 区统计局）\n5.完善配套政策。（责任部门 区司法局）",
		// a page flattened into one line with a space between its fields
		"近日督查组对农贸市场 单位 小区 卫生情况进行督查，这次又有哪些脏乱差被曝光呢？ 1.市场内卫生间堆放有杂物； 整改责任单位:县市场监督管理局 " +
			"整改时限:2021年8月13日前 2.员工食堂橱柜杂物乱堆放； 整改责任单位:县污水处理厂 整改时限:2021年8月13日前",
		"增长率 1 . 5 个百分点，共 12 34 项\nThe plan is read as it is written.\nIt has a few words in English.",
		// rules whose articles stand a space after their number, their
		// other lines tabbed: the spaces part the numbers from the text
		"第一章 总则\n第一条 为加快产业园建设，提高专项资金使用效益，制定本细则。\n第二条 本细则适用于园区内注册的企业。\n" +
			"第三条 本细则所称企业是指依法设立的独立法人企业。\n第四条 本细则所称管理机构是指园区管委会。\n" +
			"（一）\t申报条件\n第五条 本细则遵循公平公正、简便操作的原则。",
	} {
		want := strings.Join(strings.Split(text, "\n"), "\n")
		if got := readBlocks(t)(text); got != want {
			t.Errorf("Read(%q) = %q; want it unchanged", text, got)
		}
	}
}

func TestUnwrap(t *testing.T) {
	wrapped := "一、总体要求\n" +
		"1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享（责任单位\n" +
		"：市政务服务中心、市科技局、市发展改革委、市财政局、市大数据中心）\n" +
		"2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制，市科\n" +
		"技局、市教育局按职责分工负责，2024年底前完成。\n" +
		"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用能保\n" +
		"- 2 -\n\f某某市人民政府公报\n" +
		"障。（牵头单位：市自然资源局；配合单位：市财政局、市统计局）\n" +
		"4.加强督查考核，将重点任务完成情况纳入年度绩效考核，定期通报进展情\n" +
		"况。\n"
	testkit.Cases(t, "Read", readBlocks(t), map[string]string{
		wrapped: "一、总体要求\n" +
			"1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享（责任单位：市政务服务中心、市科技局、市发展改革委、市财政局、市大数据中心）\n" +
			"2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制，市科技局、市教育局按职责分工负责，2024年底前完成。\n" +
			"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用能保障。（牵头单位：市自然资源局；配合单位：市财政局、市统计局）\n" +
			"4.加强督查考核，将重点任务完成情况纳入年度绩效考核，定期通报进展情况。",
		// pdftotext's pages without numbers: the form feed ends a page,
		// inside a paragraph, and the running header after it goes
		strings.ReplaceAll(wrapped, "- 2 -\n", "") + "5.推进项目建设，加快重大项目审批，落实项目包联制度，开展项目观\f某某市人民政府公报\n摩活动。（牵头单位：市发展改革委）\n": "一、总体要求\n" +
			"1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享（责任单位：市政务服务中心、市科技局、市发展改革委、市财政局、市大数据中心）\n" +
			"2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制，市科技局、市教育局按职责分工负责，2024年底前完成。\n" +
			"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用能保障。（牵头单位：市自然资源局；配合单位：市财政局、市统计局）\n" +
			"4.加强督查考核，将重点任务完成情况纳入年度绩效考核，定期通报进展情况。\n" +
			"5.推进项目建设，加快重大项目审批，落实项目包联制度，开展项目观摩活动。（牵头单位：市发展改革委）",
		// a line wrapped with its pinyin glosses reaches the margin
		// though it is short without them
		"一、总体要求\n1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业\n务协同办理，完善一体化政务服务平台功能。（责任单位：市政务服务中心）\n" +
			"2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制，\n由市住房和城乡(xiāng)建设局、市发(fā)展改革委、市市场监(jiān)\n管局按职责分工负责，2024年底前完成。\n" +
			"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用\n能保障，推动重大项目按期建成投产。（牵头单位：市自然资源局）\n": "一、总体要求\n" +
			"1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业务协同办理，完善一体化政务服务平台功能。（责任单位：市政务服务中心）\n" +
			"2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制，由市住房和城乡建设局、市发展改革委、市市场监管局按职责分工负责，2024年底前完成。\n" +
			"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用能保障，推动重大项目按期建成投产。（牵头单位：市自然资源局）",
		// an owner label and its colon at a wrapped line's end: the
		// units follow
		"1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业\n务协同办理，完善一体化政务服务平台功能，优化服务流程。责任单位：\n市政务服务中心。\n" +
			"2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制\n和容缺受理，推动更多事项网上办理。（责任单位：市发展改革委）\n" +
			"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用\n能保障，推动重大项目按期建成投产。（牵头单位：市自然资源局）\n" +
			"4.加强督查考核，将重点任务完成情况纳入年度绩效考核，定期通报进\n展情况。（责任单位：市政府办）": "1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业务协同办理，完善一体化政务服务平台功能，优化服务流程。责任单位：市政务服务中心。\n" +
			"2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制和容缺受理，推动更多事项网上办理。（责任单位：市发展改革委）\n" +
			"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用能保障，推动重大项目按期建成投产。（牵头单位：市自然资源局）\n" +
			"4.加强督查考核，将重点任务完成情况纳入年度绩效考核，定期通报进展情况。（责任单位：市政府办）",
		// a wrapped line that ends inside a unit's name, after the
		// bracketed levels of 各县（市、区）
		"1.实施招商引资行动，每年招引亿元以上制造业项目一百个，带动制造\n业投资增长。责任单位：市招商局、市发改委、市经信局，各县（市、区）\n政府、开发区管委会\n" +
			"2.推进老旧小区改造，完善社区养老托育设施，提升物业服务水平和居\n民满意度。（责任单位：市住建局）\n" +
			"3.加快农村公路提档升级，新改建农村公路两百公里，推进城乡客运一\n体化发展。（责任单位：市交通局）\n" +
			"4.深化医药卫生体制改革，推进紧密型县域医共体建设，提升基层医疗\n服务能力。（责任单位：市卫健委）": "1.实施招商引资行动，每年招引亿元以上制造业项目一百个，带动制造业投资增长。责任单位：市招商局、市发改委、市经信局，各县（市、区）政府、开发区管委会\n" +
			"2.推进老旧小区改造，完善社区养老托育设施，提升物业服务水平和居民满意度。（责任单位：市住建局）\n" +
			"3.加快农村公路提档升级，新改建农村公路两百公里，推进城乡客运一体化发展。（责任单位：市交通局）\n" +
			"4.深化医药卫生体制改革，推进紧密型县域医共体建设，提升基层医疗服务能力。（责任单位：市卫健委）",
		// a table's cell that page breaks follow on two pages of five is
		// no footer
		"序号\n重点任务\n牵头单位\n1\n推进试点\n市发改委\n— 1 —\n2\n完善机制\n市财政局\n— 2 —\n3\n强化保障\n市发改委\n— 3 —\n" +
			"4\n加强督查\n市科技局\n— 4 —\n5\n优化服务\n市财政局\n— 5 —\n6\n深化改革\n市商务局": "序号\n重点任务\n牵头单位\n1\n推进试点\n市发改委\n2\n完善机制\n市财政局\n" +
			"3\n强化保障\n市发改委\n4\n加强督查\n市科技局\n5\n优化服务\n市财政局\n6\n深化改革\n市商务局",
		// an owner label a line break parted (牵头 / 单位：) in a text
		// that is not wrapped, its clause running on over a third line
		"1.推进试点。（牵头\n单位：市财政局；配合单位：市税务局、\n各乡镇人民政府）\n2.完善机制。（牵头单位：市科技局）": "1.推进试点。（牵头单位：市财政局；配合单位：市税务局、各乡镇人民政府）\n2.完善机制。（牵头单位：市科技局）",
		// a deadline's label a line break parted (整改 / 时限：)
		"1.清理楼道堆放物。整改责任单位：县住建局 整改\n时限：2021年8月13日前\n2.修整破损路面。": "1.清理楼道堆放物。整改责任单位：县住建局 整改时限：2021年8月13日前\n2.修整破损路面。",
		// an owner line cut inside a unit's name in a text that is not
		// wrapped: the short rest closes it
		"图1：公交站台缺少公益广告。责任单位：县交通局。\n图2：建筑工地围墙广告破损。责任单位：县住\n建局。\n图3：小区车辆乱停。责任单位：近湖街道。": "图1：公交站台缺少公益广告。责任单位：县交通局。\n" +
			"图2：建筑工地围墙广告破损。责任单位：县住建局。\n图3：小区车辆乱停。责任单位：近湖街道。",
		// the same cut after a label whose words the reader knows too
		// (责任主体, 协同部门)
		"1.清理河道垃圾。责任主体：县水\n利局。\n2.修补堤岸。协同部门：县应急管\n理局。": "1.清理河道垃圾。责任主体：县水利局。\n2.修补堤岸。协同部门：县应急管理局。",
		// a table flattened without separators, wrapped: a row's task
		// that ends with 。 at the margin goes on with its glued unit cell
		"经济发展主要预期目标1地区生产总值增长百分之六左右。区发改委全区\n生产总值增速调整为正增长，全年初步核算数增幅为负一点一个百分点。\n经济发展主要预期目标2区级一般公共预算收入增长百分之二左右。区财\n政局全区一般公共预算收入由年初预算调整为四百亿元左右，完成目标。\n经济发展主要预期目标3居民人均可支配收入增长与经济增长基本同步。\n区人社局全区居民人均可支配收入九万元，同比增长二点三个百分点，\n就业形势保持稳定。\n经济发展主要预期目标4城镇登记失业率控制在百分之一点五以内。区人\n社局扩展登记失业人员的统计范围，加强职业技能培训和岗位推荐工作。": "经济发展主要预期目标1地区生产总值增长百分之六左右。区发改委全区生产总值增速调整为正增长，全年初步核算数增幅为负一点一个百分点。\n经济发展主要预期目标2区级一般公共预算收入增长百分之二左右。区财政局全区一般公共预算收入由年初预算调整为四百亿元左右，完成目标。\n经济发展主要预期目标3居民人均可支配收入增长与经济增长基本同步。区人社局全区居民人均可支配收入九万元，同比增长二点三个百分点，就业形势保持稳定。\n经济发展主要预期目标4城镇登记失业率控制在百分之一点五以内。区人社局扩展登记失业人员的统计范围，加强职业技能培训和岗位推荐工作。",
		// the same stop at the margin in prose: a paragraph that opens
		// with a unit starts after it
		"一、重点任务\n1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业\n务协同办理，完善一体化政务服务平台功能，优化各项审批服务流程。\n" +
			"市政务服务中心要加快推进一网通办，提升全程网办事项比例和群众\n满意度。\n2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制\n" +
			"和容缺受理，推动更多事项网上办理。\n3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用\n能保障。": "一、重点任务\n" +
			"1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业务协同办理，完善一体化政务服务平台功能，优化各项审批服务流程。\n" +
			"市政务服务中心要加快推进一网通办，提升全程网办事项比例和群众满意度。\n2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制和容缺受理，推动更多事项网上办理。\n" +
			"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用能保障。",
		// a bracketed clause broken once in a text that is not wrapped
		"1.清理铁路沿线堆放物。（责任单位：北\n沟街道、执法局）\n2.修整路面。（责任单位：住建局）": "1.清理铁路沿线堆放物。（责任单位：北沟街道、执法局）\n2.修整路面。（责任单位：住建局）",
		// a 责任单位 line closed by its verb at the margin: the section
		// title below it is no continuation
		"一、重点任务\n" +
			"1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业务协\n" +
			"同办理，完善一体化政务服务平台功能。\n" +
			"责任单位：市政务服务数据管理局牵头，市发展改革委按职责分工负责\n" +
			"推进数字经济发展\n" +
			"2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制和容\n" +
			"缺受理，推动更多事项网上办理。\n" +
			"责任单位：市发展改革委、市市场监管局、市司法局按职责分工负责\n" +
			"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用能保\n" +
			"障，推动重大项目按期建成投产。\n" +
			"责任单位：市自然资源局牵头，市财政局、市统计局按职责分工负责\n": "一、重点任务\n" +
			"1.加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业务协同办理，完善一体化政务服务平台功能。\n" +
			"责任单位：市政务服务数据管理局牵头，市发展改革委按职责分工负责\n" +
			"推进数字经济发展\n" +
			"2.深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制和容缺受理，推动更多事项网上办理。\n" +
			"责任单位：市发展改革委、市市场监管局、市司法局按职责分工负责\n" +
			"3.强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用能保障，推动重大项目按期建成投产。\n" +
			"责任单位：市自然资源局牵头，市财政局、市统计局按职责分工负责",
		// a single page's number is followed by a heading, not a header
		"1.推进试点。\n- 1 -\n保障措施\n2.完善机制。": "1.推进试点。\n保障措施\n2.完善机制。",
		// items numbered with a space (1 加快…), as a PDF writes them: no
		// table's rows, and their wrapped lines are joined
		"一、重点任务\n" +
			"1 加快推进城镇老旧小区改造和配套设施建设任务。（市住房和城乡建设局牵头\n，市财政局、各区人民政府配合）2024年底前完成。\n" +
			"2 支持企业建设研发机构，提高研发投入强度。（市科技局牵头，市工业和信息\n化局配合）持续推进，每季度报送一次进展。\n" +
			"3 推进政务服务一网通办，压减企业开办时间至一个工作日以内。（市政务服务\n中心牵头，市市场监管局配合）年底前完成。\n" +
			"4 完善社会救助体系，提高城乡低保标准和特困人员供养标准。（市民政局牵头\n，市财政局配合）2024年6月底前完成。": "一、重点任务\n" +
			"1 加快推进城镇老旧小区改造和配套设施建设任务。（市住房和城乡建设局牵头，市财政局、各区人民政府配合）2024年底前完成。\n" +
			"2 支持企业建设研发机构，提高研发投入强度。（市科技局牵头，市工业和信息化局配合）持续推进，每季度报送一次进展。\n" +
			"3 推进政务服务一网通办，压减企业开办时间至一个工作日以内。（市政务服务中心牵头，市市场监管局配合）年底前完成。\n" +
			"4 完善社会救助体系，提高城乡低保标准和特困人员供养标准。（市民政局牵头，市财政局配合）2024年6月底前完成。",
		// a running header on every page goes with the page numbers
		"1.推进试点。\n- 1 -\n\f某某市人民政府公报\n2.完善机制。\n- 2 -\n\f某某市人民政府公报\n3.强化保障。": "1.推进试点。\n2.完善机制。\n3.强化保障。",
		// a publication's name after a single page's number is that
		// page's running header already
		"1.推进试点。责任单位：市科技局。\n- 1 -\n\f某某市人民政府公报\n2.完善机制。": "1.推进试点。责任单位：市科技局。\n2.完善机制。",
		// the document's title after a single page's number is that
		// page's running header
		"某县重点工作方案\n1.推进试点，完成改造\n- 1 -\n某县重点工作方案\n500户。责任单位：县住建局\n2.完善机制。": "某县重点工作方案\n1.推进试点，完成改造\n500户。责任单位：县住建局\n2.完善机制。",
		// a running header shaped like a heading or closed by a bracket
		// goes when it follows every page number, not when only one
		"第一章 总则\n第一条 推进试点。\n— 1 —\n第一章 总则\n第二条 完善机制。\n— 2 —\n第一章 总则\n第三条 强化保障。":                            "第一章 总则\n第一条 推进试点。\n第二条 完善机制。\n第三条 强化保障。",
		"重点任务进度表(截至10月31日)\n1.推进试点。\n— 1 —\n重点任务进度表(截至10月31日)\n2.完善机制。\n— 2 —\n重点任务进度表(截至10月31日)\n3.强化保障。": "重点任务进度表(截至10月31日)\n1.推进试点。\n2.完善机制。\n3.强化保障。",
		"（一）申报条件\n1.推进试点。\n— 1 —\n（一）申报条件\n2.完善机制。\n— 2 —\n3.强化保障。":                                        "（一）申报条件\n1.推进试点。\n（一）申报条件\n2.完善机制。\n3.强化保障。",
		// items numbered by their ids (#2): an owner line at the margin
		// does not run on into the next item
		"#1 加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业\n务协同办理，完善一体化政务服务平台功能。 [数字]\n" +
			"市政务服务中心 市发展改革委、市财政局、市大数据中心 2025年12月\n" +
			"#2 深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制\n和容缺受理，推动更多事项网上办理。 [营商]\n" +
			"市发展改革委 市市场监管局、市司法局、市政务服务中心 持续推进\n" +
			"#3 强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用\n能保障，推动重大项目按期建成投产。 [保障]\n" +
			"市自然资源局 市财政局、市统计局、市发展改革委 2025年6月底前\n" +
			"#4 加强督查考核，将重点任务完成情况纳入年度绩效考核，定期通报进\n展情况。 [督查]": "#1 加快推进数字政府建设，提升政务服务效能，推动政务数据共享和业务协同办理，完善一体化政务服务平台功能。 [数字]\n" +
			"市政务服务中心 市发展改革委、市财政局、市大数据中心 2025年12月\n" +
			"#2 深化营商环境改革，优化审批流程，压缩办理时限，推行告知承诺制和容缺受理，推动更多事项网上办理。 [营商]\n" +
			"市发展改革委 市市场监管局、市司法局、市政务服务中心 持续推进\n" +
			"#3 强化要素保障，完善配套政策，落实财政金融支持措施，加强用地用能保障，推动重大项目按期建成投产。 [保障]\n" +
			"市自然资源局 市财政局、市统计局、市发展改革委 2025年6月底前\n" +
			"#4 加强督查考核，将重点任务完成情况纳入年度绩效考核，定期通报进展情况。 [督查]",
	})
	// Left alone: paragraphs of any length that end their sentences, and
	// a table flattened one cell a line.
	for _, text := range []string{
		"一、总体要求\n坚持问题导向，聚焦企业和群众办事的堵点难点\n1.推进数字政府建设，提升政务服务效能。\n" +
			"牵头单位：市政务服务中心\n2.深化营商环境改革，优化审批流程和服务。\n牵头单位：市发展改革委",
		// a bracket left open over a list of items
		"（一）工作目标（到2025年：\n1.建成示范区。\n2.培育龙头企业。）",
		"序号\n重点任务\n牵头单位\n1\n深化政务服务标准化建设，推进同一事项无差别受理\n县行政审批局\n" +
			"2\n推行政务服务承诺制，在政务服务中心设立综合窗口\n县行政审批局、县市场监管局\n" +
			"3\n推进政务服务事项网上办理，提升全程网办事项比例\n县大数据中心\n" +
			"4\n加强政务服务监督考核，完善好差评制度和整改机制\n县政府办",
	} {
		if got := readBlocks(t)(text); got != text {
			t.Errorf("Read(%q) = %q; want it unchanged", text, got)
		}
	}
}

func TestJoinLoneNumbers(t *testing.T) {
	testkit.Cases(t, "Read", readBlocks(t), map[string]string{
		// the number on a line of its own above the item's text
		"一、\n总体要求\n（一）\n加强组织领导\n1.\n建立工作机制。\n\n2、\n完善考核办法。": "一、总体要求\n（一）加强组织领导\n1.建立工作机制。\n2、完善考核办法。",
		// a post's big number (01) above its item's heading, also at the
		// top, where a bare number was taken for a view count
		"重点任务\n01\n推进数字经济发展\n责任单位：市工信局\n02\n优化营商环境": "重点任务\n01推进数字经济发展\n责任单位：市工信局\n02优化营商环境",
		// a lone 01 with no 02 is no post's number: it stays alone
		"一、总体要求\n推进试点。\n01\n某政办发〔2024〕12号\n二、保障措施": "一、总体要求\n推进试点。\n01\n某政办发〔2024〕12号\n二、保障措施",
		// a number above another item or a label stays alone
		"1.\n2.建立工作机制。\n3.\n责任单位：市发改委": "1.\n2.建立工作机制。\n3.\n责任单位：市发改委",
		// a table flattened one cell a line keeps its cells
		"序号\n1.\n推进试点": "序号\n1.\n推进试点",
	})
}

// The forms of a page's number a PDF's text carries, alone on a line or
// beside the page's footer; and lines that only look like one.
func TestIsPageNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"— 3 —": true, "-3-": true, "· 3 ·": true, "- 3 / 9 -": true, "3/9": true, "9/9": true,
		"第3页": true, "第 3 页 共 9 页": true, "共9页 第3页": true, "Page 3 of 9": true,
		"某某市人民政府办公室 — 3 —": true, "— 4 —某某市人民政府办公室": true, pageBreak: true,
		"3": false, "10/9": false, "0/9": false, "2024-3": false,
		"加快推进。— 3 —": false, "1.推进试点 — 3 —": false, "第三章": false,
	} {
		if got := isPageNumber(s); got != want {
			t.Errorf("isPageNumber(%q) = %v; want %v", s, got, want)
		}
	}
}

// A line that stands after a page's running header on a few of many pages
// is the text's, not a second line of the header (a unit's line of a
// table one cell a line); one after it on most pages is the header's.
func TestSecondRunningHeader(t *testing.T) {
	var b strings.Builder
	for p := 1; p <= 6; p++ {
		fmt.Fprintf(&b, "第%d项工作的说明文字\n— %d —\n某某市目标责任分解书\n", p, p)
		if p%3 == 0 {
			b.WriteString("省卫生厅\n")
		}
	}
	got := readBlocks(t)(b.String())
	if strings.Count(got, "省卫生厅") != 2 || strings.Contains(got, "某某市目标责任分解书") {
		t.Errorf("a unit's line after the header on 2 of 6 pages is the text's, the header goes; got\n%s", got)
	}
	b.Reset()
	for p := 1; p <= 6; p++ {
		fmt.Fprintf(&b, "第%d项工作的说明文字\n— %d —\n某某市人民政府公报\n2024年第3期\n", p, p)
	}
	if got := readBlocks(t)(b.String()); strings.Contains(got, "2024年第3期") {
		t.Errorf("a second header line on every page goes; got\n%s", got)
	}
}
