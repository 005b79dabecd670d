package fillin

// Version is written into every workbook; Check refuses other versions.
const Version = "taizhang-fillin/1"

// SheetPassword protects the sheets of every fill-in workbook. It is not a
// secret (it is printed here and in the README): protection only guards
// against slips, integrity comes from the signature.
const SheetPassword = "taizhang"

// Sheet names.
const (
	SheetGuide = "填报说明"
	SheetForm  = "填报表"
	SheetMeta  = "_taizhang"
)

// Role is a unit's part in a task.
type Role string

const (
	RoleLead Role = "牵头"
	RoleCo   Role = "配合"
)

// Status is a task's completion status as a unit reports it.
type Status string

const (
	StatusDone     Status = "已完成"
	StatusOnTrack  Status = "按序时推进"
	StatusBehind   Status = "滞后"
	StatusNotStart Status = "未启动"
	StatusOngoing  Status = "持续推进"
)

// Statuses are the five statuses in the order every drop-down, prompt and
// the 填报说明 sheet list them.
var Statuses = []Status{StatusDone, StatusOnTrack, StatusBehind, StatusNotStart, StatusOngoing}

// StatusNames are Statuses as strings, for drop-down lists and messages.
func StatusNames() []string {
	out := make([]string, len(Statuses))
	for i, s := range Statuses {
		out[i] = string(s)
	}
	return out
}

// statusMeaning says what each status means, for the 填报说明 sheet and the
// drop-down prompt.
var statusMeaning = map[Status]string{
	StatusDone:     "任务全部完成",
	StatusOnTrack:  "进度达到或超过序时进度",
	StatusBehind:   "进度落后于序时进度（须填写存在问题）",
	StatusNotStart: "尚未开始",
	StatusOngoing:  "常态化、长期性工作",
}

// col is a column of the 填报表 sheet.
type col int

const (
	cLabel col = iota
	cContent
	cRole
	cOthers
	cDeadline
	cTargets
	cProgress
	cPercent
	cStatus
	cCurrent
	cProblems
	cNext
	cEvidence
	cRemark
	cID // hidden, last
	numCols
)

// lockedCols are the task columns, in the order the signature covers them.
var lockedCols = []col{cLabel, cContent, cRole, cOthers, cDeadline, cTargets}

// inputCols are the columns a unit fills in.
var inputCols = []col{cProgress, cPercent, cStatus, cCurrent, cProblems, cNext, cEvidence, cRemark}

type column struct {
	header   string
	width    float64
	locked   bool
	required bool
	center   bool
	aliases  []string
}

var columns = [numCols]column{
	cLabel:    {header: "序号", width: 9, locked: true, center: true},
	cContent:  {header: "任务内容", width: 40, locked: true, aliases: []string{"工作任务", "任务"}},
	cRole:     {header: "本单位角色", width: 9, locked: true, center: true, aliases: []string{"角色"}},
	cOthers:   {header: "其他责任单位", width: 18, locked: true},
	cDeadline: {header: "完成时限", width: 10, locked: true, center: true, aliases: []string{"时限"}},
	cTargets:  {header: "量化指标", width: 20, locked: true, aliases: []string{"目标/量化指标", "指标"}},
	cProgress: {header: "本期进展情况", width: 32, required: true, aliases: []string{"进展情况", "本期进展"}},
	cPercent:  {header: "累计进度(%)", width: 9, required: true, center: true, aliases: []string{"累计进度", "进度(%)", "进度"}},
	cStatus:   {header: "完成状态", width: 11, required: true, center: true, aliases: []string{"状态"}},
	cCurrent:  {header: "指标当前值", width: 11, aliases: []string{"当前值"}},
	cProblems: {header: "存在问题", width: 20, aliases: []string{"存在的问题", "问题"}},
	cNext:     {header: "下步打算", width: 20, aliases: []string{"下一步打算", "下步计划"}},
	cEvidence: {header: "佐证材料", width: 12},
	cRemark:   {header: "备注", width: 10},
	cID:       {header: "任务编号", width: 16, locked: true, aliases: []string{"任务ID"}},
}

// letter is the column's letter in a workbook as written.
func (c col) letter() string { return string(rune('A' + int(c))) }

// Rows of the 填报表 sheet as written.
const (
	rowTitle  = 1
	rowUnit   = 2 // 填报单位, 报送期次, 截止日期
	rowFiller = 3 // 填报人, 联系电话, 审核人, 填报日期
	rowHeader = 4
	rowFirst  = 5
)

// Header block cells: each label is followed by its value in the next
// column (the date value spans two columns).
var (
	unitLabel     = "填报单位"
	periodLabel   = "报送期次"
	dueLabel      = "截止日期"
	fillerLabel   = "填报人"
	phoneLabel    = "联系电话"
	reviewerLabel = "审核人"
	dateLabel     = "填报日期"
)

// headerCell places one label of the header block.
type headerCell struct {
	label string
	row   int
	col   col // label column; the value is in col+1
	input bool
}

var headerCells = []headerCell{
	{unitLabel, rowUnit, cLabel, false},
	{periodLabel, rowUnit, cRole, false},
	{dueLabel, rowUnit, cDeadline, false},
	{fillerLabel, rowFiller, cLabel, true},
	{phoneLabel, rowFiller, cRole, true},
	{reviewerLabel, rowFiller, cDeadline, true},
	{dateLabel, rowFiller, cProgress, true}, // value spans H:I
}
