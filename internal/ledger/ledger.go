// Package ledger is the master ledger (总台账) of a reporting period: one row
// per task with what its lead unit reported, the co-units' reports beside
// it, the expected progress (序时进度) at the period's end and the traffic
// light, plus per-unit summaries, reporting compliance and every problem
// found in the returns. Merge builds it from the returns; package ledgerbook
// writes it as a workbook and reads it back.
package ledger

import (
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Light is a task's traffic light (亮灯).
type Light string

const (
	Green  Light = "绿"
	Yellow Light = "黄"
	Red    Light = "红"
	Grey   Light = "灰" // not reported
)

// Lights lists the lights in display order.
var Lights = []Light{Green, Yellow, Red, Grey}

// Compliance is a unit's reporting compliance for the period.
type Compliance string

const (
	OnTime  Compliance = "按时"
	Late    Compliance = "迟报"
	Missing Compliance = "未报"
)

// NotReported is the status of a task whose lead unit sent no usable return.
const NotReported fillin.Status = "未报送"

// Ledger is the merged ledger of one period.
type Ledger struct {
	Title       string `json:"title"`
	Period      string `json:"period"`       // key: 2024-Q4
	PeriodLabel string `json:"period_label"` // 2024年第四季度
	PeriodEnd   string `json:"period_end"`   // YYYY-MM-DD
	Due         string `json:"due"`          // YYYY-MM-DD or ""
	Generated   string `json:"generated"`    // RFC 3339

	Rows []*Row `json:"rows"`
	// Units are the units that lead tasks, then those that only
	// co-operate, each in the order of the assignments.
	Units   []*UnitSummary `json:"units"`
	Intake  []*Intake      `json:"intake"`
	Missing []string       `json:"missing_units"` // units with tasks and no usable return
	Totals  Totals         `json:"totals"`

	// Removed are the tasks that left the task list after the office wrote
	// its 复核意见 or 核定状态 on them: kept so that no note is lost.
	Removed []*RemovedRow `json:"removed,omitempty"`

	// carried is what Merge did with the earlier ledger's notes.
	carried Carried
}

// RemovedRow is a task no longer in the task list, with the office's notes
// on it from the ledger it was last in.
type RemovedRow struct {
	TaskID   string   `json:"task_id"`
	DocID    string   `json:"doc_id"`
	DocTitle string   `json:"doc_title"`
	Label    string   `json:"label"`
	Path     []string `json:"path"`
	Title    string   `json:"title"`
	Text     string   `json:"text"`
	Lead     []string `json:"lead"`
	Review   string   `json:"review"`   // 复核意见
	Override string   `json:"override"` // 核定状态
	// Removed is when a merge first found the task gone (RFC 3339, the
	// ledger's Generated time).
	Removed string `json:"removed"`
}

// Carried counts what Merge did with the notes of the ledger it replaced:
// Kept on tasks still in the list, Moved to Removed now (their tasks left
// the list since), Restored from Removed to tasks back in the list.
type Carried struct {
	Kept, Moved, Restored int
}

// Carried is what Merge did with the earlier ledger's notes; zero for a
// ledger read back from a workbook.
func (l *Ledger) Carried() Carried { return l.carried }

// Row is one task or target of the ledger, in document order.
type Row struct {
	TaskID   string    `json:"task_id"`
	DocID    string    `json:"doc_id"`
	DocTitle string    `json:"doc_title"`
	Label    string    `json:"label"` // 二(三)4
	Path     []string  `json:"path"`
	Headings []string  `json:"headings"`
	Kind     task.Kind `json:"kind"`
	Title    string    `json:"title"`
	Text     string    `json:"text"`
	Lead     []string  `json:"lead"`
	Co       []string  `json:"co"`
	Deadline string    `json:"deadline"`      // as written
	DueDate  string    `json:"deadline_date"` // YYYY-MM-DD or ""

	Targets []TargetProgress `json:"targets"`

	// What the lead unit reported; Status is NotReported when it did not.
	Reported   bool          `json:"reported"`
	ReportedBy string        `json:"reported_by"` // the lead unit whose report this is
	Source     string        `json:"source"`      // the return file it came from
	Progress   string        `json:"progress"`
	Percent    *float64      `json:"percent"`
	Status     fillin.Status `json:"status"`
	Problems   string        `json:"problems"`
	NextSteps  string        `json:"next_steps"`
	Evidence   string        `json:"evidence"`
	Remark     string        `json:"remark"`

	Expected    float64 `json:"expected"` // 序时进度, 0–100
	Light       Light   `json:"light"`
	LightReason string  `json:"light_reason"`

	CoReports []CoReport `json:"co_reports"`

	// The office's own columns, carried over from an earlier ledger.
	Review   string `json:"review"`   // 复核意见
	Override string `json:"override"` // 核定状态

	// Change since the previous period's ledger (--previous), nil without.
	Previous *PreviousRow `json:"previous"`
}

// TargetProgress is a numeric target with the value reported for it.
type TargetProgress struct {
	task.Target
	Current     *float64 `json:"current"`
	CurrentText string   `json:"current_text"`
	// Attainment is achieved/target as a ratio (1 = reached), respecting
	// the comparator; nil when nothing was reported.
	Attainment *float64 `json:"attainment"`
}

// CoReport is what one co-unit reported on the task.
type CoReport struct {
	Unit     string        `json:"unit"`
	Reported bool          `json:"reported"`
	Status   fillin.Status `json:"status"`
	Percent  *float64      `json:"percent"`
	Progress string        `json:"progress"`
	Problems string        `json:"problems"`
	Source   string        `json:"source"`
}

// PreviousRow is the task's state in the previous period's ledger.
type PreviousRow struct {
	Percent *float64      `json:"percent"`
	Status  fillin.Status `json:"status"`
	Light   Light         `json:"light"`
}

// UnitSummary is one unit's line of the 汇总 sheet.
type UnitSummary struct {
	Unit       string        `json:"unit"`
	Led        int           `json:"led"`        // tasks and targets it leads
	CoTasks    int           `json:"co_tasks"`   // tasks it co-operates on
	Reported   int           `json:"reported"`   // led tasks it reported
	Done       int           `json:"done"`       // led tasks 已完成
	Lights     map[Light]int `json:"lights"`     // over led tasks
	Completion float64       `json:"completion"` // Done/Led, 0–1
	Compliance Compliance    `json:"compliance"`
	ReturnDate string        `json:"return_date"` // 填报日期 of the used return
	File       string        `json:"file"`        // the used return
	EmptyTasks []string      `json:"empty_tasks"` // labels of its rows left empty
}

// Intake is what became of one return file.
type Intake struct {
	File         string           `json:"file"`
	Unit         string           `json:"unit"`
	Period       string           `json:"period"`
	FilledDate   string           `json:"filled_date"` // 填报日期
	ModTime      string           `json:"mod_time"`
	State        IntakeState      `json:"state"`
	SupersededBy string           `json:"superseded_by"`
	Findings     []fillin.Finding `json:"findings"`
}

// IntakeState says whether a return was used.
type IntakeState string

const (
	Used       IntakeState = "采用"
	Superseded IntakeState = "已被替代"
	Rejected   IntakeState = "不可用"
)

// Totals are the ledger's overall figures.
type Totals struct {
	Tasks      int `json:"tasks"`
	Reported   int `json:"reported"`
	Done       int `json:"done"`
	OnSchedule int `json:"on_schedule"` // 按序时推进 and 持续推进
	Behind     int `json:"behind"`      // 滞后 and 未启动
	// NoStatus are tasks reported (or with a 核定状态) whose status is
	// none of the five; Unreported those whose lead unit did not report;
	// NoLead those with no lead unit and no 核定状态. Done, OnSchedule,
	// Behind, NoStatus, Unreported and NoLead add up to Tasks.
	NoStatus   int           `json:"no_status"`
	Unreported int           `json:"unreported"`
	NoLead     int           `json:"no_lead"`
	Lights     map[Light]int `json:"lights"`
	Completion float64       `json:"completion"` // Done/Tasks
	Units      int           `json:"units"`
	OnTime     int           `json:"on_time"`
	Late       int           `json:"late"`
	MissingN   int           `json:"missing"`
	Used       int           `json:"returns_used"`
	Superseded int           `json:"returns_superseded"`
	Rejected   int           `json:"returns_rejected"`
}
