package form

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// guideLine is one row of the 填报说明 sheet; head lines are bold.
type guideLine struct {
	text string
	head bool
}

func guideLines(a fillin.Assignment, opts Options) []guideLine {
	const head, text = true, false
	lead := 0
	for _, it := range a.Items {
		if it.Role == fillin.RoleLead {
			lead++
		}
	}
	var b strings.Builder
	for i, s := range fillin.Statuses {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "    %s：%s；", s, statusMeaning[s])
	}
	meanings := strings.TrimSuffix(b.String(), "；") + "。"
	lines := []guideLine{
		{fillin.UnitLabel + "：" + a.Unit, head},
		{fillin.PeriodLabel + "：" + opts.Period.String(), head},
		{fillin.DueLabel + "：" + dueText(opts.Due), head},
		{fmt.Sprintf("本表共 %d 项任务，其中本单位牵头 %d 项、配合 %d 项。", len(a.Items), lead, len(a.Items)-lead), text},
		{sources(a), text},
		{"填报要求", head},
		{"1. 请在“" + fillin.SheetForm + "”工作表中逐行填写本单位承担任务的本期进展，并填写表头的填报人、联系电话、审核人和填报日期。牵头单位汇总本任务的整体进展，配合单位填写本单位承担部分的进展。", text},
		{"2. 标 * 的列为必填：本期进展情况、累计进度(%)、完成状态。", text},
		{"3. 完成状态请从下拉列表中选择：\n" + meanings, text},
		{"4. 累计进度(%)填写截至本期末的累计完成比例，为 0–100 之间的数字（如 80 表示完成 80%）；已完成的任务填 100。", text},
		{"5. 指标当前值只在有量化指标的任务行填写（白色单元格），写明该指标目前达到的数值，如 1050 或 2.9%。", text},
		{"6. 存在问题、下步打算、佐证材料、备注按实际填写；完成状态为“滞后”时须填写存在问题。佐证材料请写明材料名称，材料另行报送。", text},
		{"7. 灰色列（序号、任务内容、本单位角色、其他责任单位、完成时限、量化指标）为任务信息，已锁定，不能修改；请勿增加、删除行或调整行的顺序。对任务内容有异议的，请在备注中说明。", text},
		{"8. 请勿修改文件名以外的任何结构；可以重命名文件。", text},
		{"9. 填好后请直接保存为 .xlsx 格式（WPS 请选择“Microsoft Excel 文件(*.xlsx)”），不要另存为 .xls、.et 或 PDF，也不要把内容复制到新建的表格中报送：本表带有核验信息，复制后无法核验。", text},
	}
	return lines
}

// sources names the documents a's tasks come from.
func sources(a fillin.Assignment) string {
	var docs []*task.Document
	count := map[*task.Document]int{}
	for _, it := range a.Items {
		if it.Doc == nil {
			continue
		}
		if count[it.Doc] == 0 {
			docs = append(docs, it.Doc)
		}
		count[it.Doc]++
	}
	switch len(docs) {
	case 0:
		return ""
	case 1:
		return "任务来源：《" + fillin.DocName(docs[0]) + "》。"
	}
	var b strings.Builder
	b.WriteString("任务来源（任务内容前的【】为文件简称）：")
	for i, d := range docs {
		fmt.Fprintf(&b, "\n    %d. 《%s》，%d 项；", i+1, fillin.DocName(d), count[d])
	}
	return strings.TrimSuffix(b.String(), "；") + "。"
}

// writeGuide writes the 填报说明 sheet's rows and returns its last cell.
func writeGuide(d *sheetData, st *styles, a fillin.Assignment, opts Options) (last string) {
	title := strings.TrimSuffix(formTitle(a), "填报表") + "填报说明"
	d.startRow(1, rowHeightAt([]string{title}, []float64{guideWidth * 0.7}, 36, 22), true)
	d.cell(1, st.guideTitle, title)
	lines := guideLines(a, opts)
	for i, l := range lines {
		style := st.guideText
		if l.head {
			style = st.guideHead
		}
		d.startRow(i+2, rowHeightAt([]string{l.text}, []float64{guideWidth * 0.85}, 20, 17), true)
		d.cell(1, style, l.text)
	}
	return "A" + strconv.Itoa(len(lines)+1)
}
