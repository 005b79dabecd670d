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
	Next        []string       `json:"next"` // Steps in the command line's words
	Steps       []Step         `json:"-"`
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
// rules, and writes nothing. now is the clock (pinned in tests). It
// checks every return: a command reads the status once.
func ReadStatus(ws *workspace.Workspace, p period.Period, due, now time.Time) (*Status, error) {
	return (*Checks)(nil).ReadStatus(ws, p, due, now)
}

// ReadStatus is the package's ReadStatus checking again only the returns
// that changed since c's last read (see Checks): a server reads the status
// at every view of a page.
func (c *Checks) ReadStatus(ws *workspace.Workspace, p period.Period, due, now time.Time) (*Status, error) {
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
	job := Job{Tasks: set, Period: p, Due: due, Rules: RulesOf(ws.Config), Secret: secret, Files: files, Now: set.Pinned(), Checks: c}
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

// next decides what is left to do, most urgent first (Steps), and words
// it for the command line (Next).
func (st *Status) next() {
	st.Steps = st.steps()
	st.Next = st.Words(CommandLine)
}

func (st *Status) steps() []Step {
	if st.TaskList == "" {
		return []Step{{Kind: StepParse}}
	}
	var out []Step
	add := func(k StepKind, units []string) { out = append(out, Step{Kind: k, Units: units}) }
	if st.KeyMissing {
		add(StepRestoreKey, nil)
	}
	if st.Templates == 0 {
		add(StepTemplates, nil)
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
			add(StepWait, missing)
		case st.DaysLeft < 0:
			add(StepChase, missing)
		default:
			add(StepWaitDue, missing)
		}
	}
	if len(rejected) > 0 {
		add(StepRedo, rejected)
	}
	switch {
	case st.ReturnFiles == 0:
	case !st.Ledger.Exists:
		add(StepMerge, nil)
	case st.Ledger.Stale:
		add(StepRemerge, nil)
	case st.Ledger.Report == "":
		add(StepReport, nil)
	}
	if len(st.Unlisted) > 0 {
		add(StepUnlisted, st.Unlisted)
	}
	if len(out) == 0 {
		add(StepDone, nil)
	}
	return out
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
