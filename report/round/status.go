package round

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/policy"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
)

// Status is where a workspace's round stands: what taizhang status shows;
// its JSON is status --json's output.
type Status struct {
	Workspace    string `json:"workspace"`
	Organisation string `json:"organisation"`
	Period       string `json:"period"`
	PeriodLabel  string `json:"period_label"`
	Due          string `json:"due"`
	DaysLeft     int    `json:"days_left"` // negative: days overdue
	Today        string `json:"today"`

	TaskList    string         `json:"task_list"` // "" when there is none yet
	Tasks       int            `json:"tasks"`     // tasks and targets
	Templates   int            `json:"templates"` // workbooks in the period's 填报表/
	ReturnFiles int            `json:"return_files"`
	Units       []UnitStatus   `json:"units"`
	Rejected    []ReturnStatus `json:"rejected"` // returns that cannot be used
	Unlisted    []string       `json:"unlisted"` // units with tasks that taizhang.yaml's units list lacks
	KeyMissing  bool           `json:"key_missing"`
	Ledger      LedgerStatus   `json:"ledger"`
	Next        []string       `json:"next"`
}

// UnitStatus is one unit's state: 按时, 迟报, 未报 or 有误 (only unusable
// returns received).
type UnitStatus struct {
	Unit  string `json:"unit"`
	State string `json:"state"`
	File  string `json:"file"`
	Date  string `json:"date"` // 填报日期
}

// ReturnStatus is a return that cannot be used, with its first problem.
type ReturnStatus struct {
	File    string `json:"file"`
	Unit    string `json:"unit"`
	Problem string `json:"problem"`
}

// LedgerStatus is the state of the period's ledger and report.
type LedgerStatus struct {
	Path   string `json:"path"`
	Exists bool   `json:"exists"`
	// Stale: returns arrived, changed or went after it was written.
	Stale  bool   `json:"stale"`
	Report string `json:"report"` // the period's report, "" when not written
}

// Unit states of a round.
const (
	StateOnTime   = "按时"
	StateLate     = "迟报"
	StateMissing  = "未报"
	StateRejected = "有误"
)

// Count is how many units are in state.
func (st *Status) Count(state string) int {
	n := 0
	for _, u := range st.Units {
		if u.State == state {
			n++
		}
	}
	return n
}

// Grouped splits the units into those that reported (on time or late),
// those that did not and those whose returns all cannot be used, each in
// the units' order.
func (st *Status) Grouped() (reported, missing, rejected []UnitStatus) {
	for _, u := range st.Units {
		switch u.State {
		case StateOnTime, StateLate:
			reported = append(reported, u)
		case StateMissing:
			missing = append(missing, u)
		default:
			rejected = append(rejected, u)
		}
	}
	return reported, missing, rejected
}

// StatusOf is the status of the workspace a command runs in (the
// --workspace folder, else the one the current directory is in; see
// workspace.Locate) for periodFlag, else its current period, at now (zero:
// the clock). Outside a workspace there is no status: a usage error.
func StatusOf(workspaceFlag, periodFlag string, now time.Time) (*Status, error) {
	ws, err := workspace.Locate(workspaceFlag)
	if err != nil {
		return nil, err
	}
	if ws == nil {
		return nil, &inputerr.Usage{Msg: "当前目录不在台账工作目录中：请在 taizhang init 创建的目录（或其子目录）中运行，或用 --workspace 指定"}
	}
	if now.IsZero() {
		now = time.Now()
	}
	p, due, err := workspace.Round(ws, periodFlag, "", now)
	if err != nil {
		return nil, err
	}
	return ReadStatus(ws, p, due, now)
}

// ReadStatus works out the status of period p of the workspace at now:
// it checks and merges the returns received as merge does, with the same
// rules, and writes nothing. now is the clock (pinned in tests).
func ReadStatus(ws *workspace.Workspace, p period.Period, due, now time.Time) (*Status, error) {
	today := period.Today(now)
	st := &Status{
		Workspace: ws.Root, Organisation: ws.Config.Organisation,
		Period: p.Key(), PeriodLabel: p.String(),
		Due: due.Format("2006-01-02"), DaysLeft: period.DaysUntil(due, now), Today: today.Format("2006-01-02"),
		Ledger: LedgerStatus{Path: ws.LedgerPath(p)},
	}
	if due.IsZero() {
		st.Due, st.DaysLeft = "", 0
	}
	st.Templates = len(intake.Spreadsheets(ws.TemplatesDir(p)))
	if isFile(ws.ReportPath(p)) {
		st.Ledger.Report = ws.ReportPath(p)
	}
	if !isFile(ws.TaskList()) {
		st.next()
		return st, nil
	}
	st.TaskList = ws.TaskList()
	set, err := policy.Load([]string{ws.TaskList()}, ws.Config)
	if err != nil {
		return nil, err
	}
	units, _ := fillin.Assign(set)
	st.Tasks = set.ReportableCount()
	var files []string
	if dir := ws.ReturnsDir(p); isDir(dir) {
		if files, err = intake.Collect([]string{dir}); err != nil {
			return nil, err
		}
	}
	st.ReturnFiles = len(files)
	secret, _, err := workspace.Secret(ws.Root, false)
	if err != nil {
		st.KeyMissing = true
	}
	job := Job{Tasks: set, Period: p, Due: due, Rules: RulesOf(ws.Config), Secret: secret, Files: files, Now: set.Pinned()}
	st.fromLedger(ws, job.Merge(nil), units)
	st.checkLedger(files)
	st.next()
	return st, nil
}

func (st *Status) fromLedger(ws *workspace.Workspace, l *ledger.Ledger, units []fillin.Assignment) {
	rejected := map[string]string{} // unit → first unusable file
	for _, in := range l.Intake {
		if in.State != ledger.Rejected {
			continue
		}
		st.Rejected = append(st.Rejected, ReturnStatus{File: workspace.Rel(ws.Root, in.File), Unit: in.Unit, Problem: FirstError(in.Findings)})
		if in.Unit != "" && rejected[in.Unit] == "" {
			rejected[in.Unit] = workspace.Rel(ws.Root, in.File)
		}
	}
	byUnit := map[string]*ledger.UnitSummary{}
	for _, s := range l.Units {
		byUnit[s.Unit] = s
	}
	var names []string
	for _, a := range units {
		names = append(names, a.Unit)
	}
	ws.Config.SortUnits(names)
	for _, name := range names {
		u := UnitStatus{Unit: name, State: StateMissing}
		if s := byUnit[name]; s != nil && s.Compliance != ledger.Missing {
			u.State, u.File, u.Date = StateOnTime, workspace.Rel(ws.Root, s.File), s.ReturnDate
			if s.Compliance == ledger.Late {
				u.State = StateLate
			}
		} else if f := rejected[name]; f != "" {
			u.State, u.File = StateRejected, f
		}
		st.Units = append(st.Units, u)
		if len(ws.Config.Units) > 0 && ws.Config.UnitRank(name) < 0 {
			st.Unlisted = append(st.Unlisted, name)
		}
	}
}

// checkLedger decides whether the period's ledger is missing or older than
// its returns: a return it does not list, one changed after it was written,
// or one it lists that is gone.
func (st *Status) checkLedger(files []string) {
	info, err := os.Stat(st.Ledger.Path)
	if err != nil {
		return
	}
	st.Ledger.Exists = true
	l, err := ledgerbook.ReadFile(st.Ledger.Path)
	if err != nil {
		st.Ledger.Stale = true
		return
	}
	merged := map[string]bool{}
	for _, in := range l.Intake {
		merged[filepath.Base(in.File)] = true
	}
	now := map[string]bool{}
	for _, f := range files {
		now[filepath.Base(f)] = true
		fi, err := os.Stat(f)
		if !merged[filepath.Base(f)] || err == nil && fi.ModTime().After(info.ModTime()) {
			st.Ledger.Stale = true
		}
	}
	for f := range merged {
		if !now[f] {
			st.Ledger.Stale = true
		}
	}
}

// next lists what is left to do, most urgent first.
func (st *Status) next() {
	add := func(format string, args ...any) { st.Next = append(st.Next, fmt.Sprintf(format, args...)) }
	if st.TaskList == "" {
		add("把政策文件放入 %s/，运行 taizhang parse 生成任务分解表，核对后运行 taizhang templates", workspace.DocsName)
		return
	}
	if st.KeyMissing {
		add("找不到办公室签名密钥（%s）：请从备份恢复，否则无法核验报送文件", filepath.Join(workspace.Dir, "secret.key"))
	}
	if st.Templates == 0 {
		add("运行 taizhang templates 生成%s填报表，发给各单位", st.PeriodLabel)
	}
	var missing, rejected []string
	for _, u := range st.Units {
		switch u.State {
		case StateMissing:
			missing = append(missing, u.Unit)
		case StateRejected:
			rejected = append(rejected, u.Unit)
		}
	}
	if len(missing) > 0 && st.Templates > 0 {
		switch {
		case st.Due == "":
			add("等待 %d 个单位报送：%s", len(missing), JoinMax(missing, 20))
		case st.DaysLeft < 0:
			add("催报（已过截止日期 %d 天）：%s", -st.DaysLeft, JoinMax(missing, 20))
		default:
			add("等待 %d 个单位报送（距截止还有 %d 天）：%s", len(missing), st.DaysLeft, JoinMax(missing, 20))
		}
	}
	if len(rejected) > 0 {
		add("请以下单位重新报送（报送文件有错误，不能使用，详见 taizhang check）：%s", JoinMax(rejected, 20))
	}
	switch {
	case st.ReturnFiles == 0:
	case !st.Ledger.Exists:
		add("运行 taizhang merge 汇总%s总台账", st.PeriodLabel)
	case st.Ledger.Stale:
		add("总台账早于收到的报送文件：请运行 taizhang merge 重新汇总")
	case st.Ledger.Report == "":
		add("运行 taizhang report 生成%s报告", st.PeriodLabel)
	}
	if len(st.Unlisted) > 0 {
		add("以下单位有任务但不在 taizhang.yaml 的 units 名单中（可能需要添加或设为别名）：%s", JoinMax(st.Unlisted, 20))
	}
	if len(st.Next) == 0 {
		add("%s的报送、汇总和报告均已完成", st.PeriodLabel)
	}
}

// FirstError is the message of the first error among a return's findings,
// "" when there is none.
func FirstError(fs []fillin.Finding) string {
	for _, f := range fs {
		if f.Level == fillin.LevelError {
			return f.Msg
		}
	}
	return ""
}

// JoinMax lists the first n of list with 、 and says how many there are
// in all when there are more.
func JoinMax(list []string, n int) string {
	s := ""
	for i, x := range list {
		if i == n {
			return s + fmt.Sprintf(" 等 %d 个", len(list))
		}
		if i > 0 {
			s += "、"
		}
		s += x
	}
	return s
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir()
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
