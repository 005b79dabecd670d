// Package tasklist reads and writes the editable Excel 任务分解表: the task
// list the efficiency office checks and corrects in Excel or WPS, and which
// every later stage of taizhang reads back.
//
// The visible sheets are the source of truth for everything the office may
// edit; a very hidden sheet keeps what people cannot see (each item's
// numbering path, structured targets, document metadata), so a workbook
// survives both edits and a rebuild by copy and paste.
package tasklist

import "github.com/taizhang-dev/taizhang/internal/task"

// Sheet names. They are part of the workbook's interface: Read finds sheets
// by these names.
const (
	SheetTasks     = "任务分解表"
	SheetUnits     = "责任单位"
	SheetDocuments = "文件信息"
	SheetHidden    = "_taizhang"
)

// FormatVersion is the value stored in the hidden sheet; Read refuses a
// workbook written in another format version.
const FormatVersion = "taizhang-tasklist/1"

// field names a column of the 任务分解表 sheet.
type field int

const (
	// The columns a meeting needs come first: they are the print area.
	fLabel field = iota
	fHeading1
	fHeading2
	fTitle
	fText
	fKind
	fLead
	fCo
	fLeader
	fDeadline
	fTargets
	fFlags
	// Then the columns for the office's records and for machines.
	fID
	fDoc
	fDate
	fUnitsRaw
	numFields
)

// column describes one column of the 任务分解表 sheet as written. aliases
// are other headers offices use for the same thing; Read accepts them too.
type column struct {
	header   string
	width    float64
	centered bool
	required bool
	aliases  []string
}

// printedFields is how many leading columns are printed.
const printedFields = int(fFlags) + 1

var columns = [numFields]column{
	fID:       {header: "任务编号", width: 14, required: true, aliases: []string{"编号", "任务ID"}},
	fLabel:    {header: "序号", width: 10, centered: true, required: true},
	fDoc:      {header: "所属文件", width: 16, aliases: []string{"任务来源", "文件"}},
	fHeading1: {header: "一级标题", width: 16},
	fHeading2: {header: "二级标题", width: 18},
	fTitle:    {header: "任务名称", width: 22},
	fText:     {header: "任务内容", width: 60, required: true, aliases: []string{"内容", "工作任务"}},
	fKind:     {header: "类型", width: 8, centered: true},
	fLead:     {header: "牵头单位", width: 24, required: true, aliases: []string{"牵头部门"}},
	fCo:       {header: "配合单位", width: 24, aliases: []string{"配合部门"}},
	fLeader:   {header: "分管领导", width: 12, aliases: []string{"责任领导", "牵头领导", "领导"}},
	fDeadline: {header: "完成时限", width: 14, aliases: []string{"时限", "完成时间"}},
	fDate:     {header: "时限日期", width: 12, centered: true},
	fTargets:  {header: "量化指标", width: 30, aliases: []string{"目标/量化指标", "目标", "指标"}},
	fFlags:    {header: "待核实事项", width: 30},
	fUnitsRaw: {header: "责任单位原文", width: 24},
}

// Kind labels shown in the 类型 column. readKinds also accepts the model's
// own names and a few synonyms people type.
var (
	kindLabels = map[task.Kind]string{
		task.KindTask:   "任务",
		task.KindTarget: "目标",
		task.KindOther:  "其他",
	}
	readKinds = map[string]task.Kind{
		"任务": task.KindTask, "task": task.KindTask,
		"目标": task.KindTarget, "指标": task.KindTarget, "target": task.KindTarget,
		"其他": task.KindOther, "其它": task.KindOther, "other": task.KindOther,
	}
)

// Columns of the 责任单位 and 文件信息 sheets.
var (
	unitHeaders = []string{"单位名称", "牵头任务数", "配合任务数", "合计", "牵头任务序号"}
	unitWidths  = []float64{28, 12, 12, 10, 80}

	docHeaders = []string{"文件编号", "文件名", "标题", "文号", "发布机构", "日期", "任务数", "目标数", "其他条目数"}
	docWidths  = []float64{14, 28, 50, 22, 24, 12, 10, 10, 12}
)

// document columns of the 文件信息 sheet, by index in docHeaders.
const (
	dID = iota
	dSource
	dTitle
	dNumber
	dIssuer
	dDate
)
