package docread

import (
	"slices"
	"strings"
	"testing"
)

// A page of two columns is read down the left column, then down the right;
// a blank line inside the run is no end of it, and a title across both
// columns is left where it stands.
func TestSplitColumns(t *testing.T) {
	page := []string{
		"              某市2025年重点工作任务分解表",
		"    1.加快重大项目建设。全年实施省市重点              住建局；配合单位：市财政局）",
		"    项目120个，完成年度投资500亿元以上。              4.促进消费扩容提质。举办消费季活动，",
		"",
		"    （牵头单位：市发改委；配合单位：市财              发放消费券，培育夜间经济集聚区。（牵",
		"    政局）                                            头单位：市商务局；配合单位：市财政局）",
		"    2.强化项目要素保障。建立重大项目用地、            5.优化营商环境。深化“一件事一次办”",
		"    用能、环评等要素保障机制，优先保障土              改革，压减审批时限。（牵头单位：市政",
		"    地指标。（牵头单位：市自然资源局）                务服务中心；配合单位：市司法局）",
		"                                                      6.加强安全生产监管。开展重点行业领域",
		"    3.推进老旧小区改造。全年完成改造项目              专项整治。（牵头单位：市应急管理局）",
	}
	want := []string{
		"              某市2025年重点工作任务分解表",
		"1.加快重大项目建设。全年实施省市重点",
		"项目120个，完成年度投资500亿元以上。",
		"（牵头单位：市发改委；配合单位：市财",
		"政局）",
		"2.强化项目要素保障。建立重大项目用地、",
		"用能、环评等要素保障机制，优先保障土",
		"地指标。（牵头单位：市自然资源局）",
		"3.推进老旧小区改造。全年完成改造项目",
		"住建局；配合单位：市财政局）",
		"4.促进消费扩容提质。举办消费季活动，",
		"发放消费券，培育夜间经济集聚区。（牵",
		"头单位：市商务局；配合单位：市财政局）",
		"5.优化营商环境。深化“一件事一次办”",
		"改革，压减审批时限。（牵头单位：市政",
		"务服务中心；配合单位：市司法局）",
		"6.加强安全生产监管。开展重点行业领域",
		"专项整治。（牵头单位：市应急管理局）",
	}
	if got := splitColumns(page); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Too few lines with both columns, or a right column of short cells
	// (a table's unit column), is no page of two columns.
	for _, lines := range [][]string{page[:5], {
		"1.推进老旧小区改造，全年完成改造项目50个          市住建局",
		"2.建设智慧停车平台，新增停车位2000个              市城管局",
		"3.开展消费季活动，发放消费券1亿元                 市商务局",
		"4.压减审批时限，推行一件事一次办                  市政务服务中心",
		"5.开展重点行业领域专项整治                        市应急管理局",
		"6.加快重大项目建设，完成投资500亿元               市发改委",
	}} {
		if got := splitColumns(lines); !slices.Equal(got, lines) {
			t.Errorf("%q: changed to %q", lines, got)
		}
	}
}
