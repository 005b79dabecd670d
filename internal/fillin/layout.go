package fillin

// Version is written into every workbook; Check refuses other versions.
const Version = "taizhang-fillin/1"

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

// Col is a column of the 填报表 sheet, in the order the writer lays them
// out (ColLabel is column A); a return may have them moved, and the checker
// finds them by their header text.
type Col int

// The columns of the 填报表 sheet.
const (
	ColLabel Col = iota
	ColContent
	ColRole
	ColOthers
	ColDeadline
	ColTargets
	ColProgress
	ColPercent
	ColStatus
	ColCurrent
	ColProblems
	ColNext
	ColEvidence
	ColRemark
	ColID // hidden, last
	NumCols
)

// LockedCols are the task columns, in the order the signature covers them.
var LockedCols = []Col{ColLabel, ColContent, ColRole, ColOthers, ColDeadline, ColTargets}

// inputCols are the columns a unit fills in.
var inputCols = []Col{ColProgress, ColPercent, ColStatus, ColCurrent, ColProblems, ColNext, ColEvidence, ColRemark}

// Column describes one column of the 填报表 sheet: its header as written,
// its width, whether it is a locked task column or a required input, and
// the other headers a return may give it.
type Column struct {
	Header   string
	Width    float64
	Locked   bool
	Required bool
	Center   bool
	Aliases  []string
}

// Columns are the 填报表 sheet's columns.
var Columns = [NumCols]Column{
	ColLabel:    {Header: "序号", Width: 9, Locked: true, Center: true},
	ColContent:  {Header: "任务内容", Width: 25, Locked: true, Aliases: []string{"工作任务", "任务"}},
	ColRole:     {Header: "本单位角色", Width: 9, Locked: true, Center: true, Aliases: []string{"角色"}},
	ColOthers:   {Header: "其他责任单位", Width: 14, Locked: true},
	ColDeadline: {Header: "完成时限", Width: 9, Locked: true, Center: true, Aliases: []string{"时限"}},
	ColTargets:  {Header: "量化指标", Width: 13, Locked: true, Aliases: []string{"目标/量化指标", "指标"}},
	ColProgress: {Header: "本期进展情况", Width: 24, Required: true, Aliases: []string{"进展情况", "本期进展"}},
	ColPercent:  {Header: "累计进度(%)", Width: 7, Required: true, Center: true, Aliases: []string{"累计进度", "进度(%)", "进度"}},
	ColStatus:   {Header: "完成状态", Width: 10, Required: true, Center: true, Aliases: []string{"状态"}},
	ColCurrent:  {Header: "指标当前值", Width: 8, Aliases: []string{"当前值"}},
	ColProblems: {Header: "存在问题", Width: 12, Aliases: []string{"存在的问题", "问题"}},
	ColNext:     {Header: "下步打算", Width: 12, Aliases: []string{"下一步打算", "下步计划"}},
	ColEvidence: {Header: "佐证材料", Width: 7},
	ColRemark:   {Header: "备注", Width: 6},
	ColID:       {Header: "任务编号", Width: 16, Locked: true, Aliases: []string{"任务ID"}},
}

// Rows of the 填报表 sheet as written.
const (
	RowTitle  = 1
	RowUnit   = 2 // 填报单位, 报送期次, 截止日期
	RowFiller = 3 // 填报人, 联系电话, 审核人, 填报日期
	RowHeader = 4
	RowFirst  = 5 // the first task row
)

// Header block cells: each label is followed by its value in the next
// column (the date value spans two columns).
const (
	UnitLabel     = "填报单位"
	PeriodLabel   = "报送期次"
	DueLabel      = "截止日期"
	fillerLabel   = "填报人"
	phoneLabel    = "联系电话"
	reviewerLabel = "审核人"
	DateLabel     = "填报日期"
)

// HeaderCell places one label of the header block; Input says whether a
// unit fills its value in.
type HeaderCell struct {
	Label string
	Row   int
	Col   Col // label column; the value is in Col+1
	Input bool
}

// HeaderCells are the labels of the header block above the column headers.
var HeaderCells = []HeaderCell{
	{UnitLabel, RowUnit, ColLabel, false},
	{PeriodLabel, RowUnit, ColRole, false},
	{DueLabel, RowUnit, ColDeadline, false},
	{fillerLabel, RowFiller, ColLabel, true},
	{phoneLabel, RowFiller, ColRole, true},
	{reviewerLabel, RowFiller, ColDeadline, true},
	{DateLabel, RowFiller, ColProgress, true}, // value spans H:I
}
