package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/cells"
	"github.com/taizhang-dev/taizhang/report/fillin"
	"github.com/taizhang-dev/taizhang/report/ledger"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
	"github.com/taizhang-dev/taizhang/report/period"
	"github.com/taizhang-dev/taizhang/report/task"
	"github.com/taizhang-dev/taizhang/report/workspace"
)

type statusOptions struct {
	Workspace string
	Period    string
	JSON      bool
	Now       time.Time // zero: the clock

	Stdout, Stderr io.Writer
}

func newStatusCmd(stdout, stderr io.Writer, runF func(*statusOptions) error) *cobra.Command {
	opts := &statusOptions{Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   "status [--period 期次] [--json]",
		Short: "查看本期报送情况：谁已报送、谁迟报、谁未报，还有哪些事要做",
		Long: `在工作目录（taizhang init 创建）中运行，列出当前期次（或 --period）的报送截止日期和剩余天数，
各责任单位的报送情况（文件、填报日期、按时或迟报；未报；报送文件有错误不能使用的），
总台账是否需要重新汇总，以及下一步要做的事。报送文件按 taizhang check 的规则检查，不会修改任何文件。`,
		Example: "  taizhang status\n  taizhang status --period 2024-Q4 --json",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &usageError{"status 不接受参数：请在工作目录中运行，或用 --workspace 指定工作目录"}
			}
			if runF != nil {
				return runF(opts)
			}
			return statusRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Workspace, "workspace", "", "工作目录；默认为当前目录所在的工作目录")
	cmd.Flags().StringVar(&opts.Period, "period", "", "期次，如 2024-Q4（默认为当前期次）")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "以 JSON 输出")
	return cmd
}

// periodStatus is what taizhang status reports; its JSON is --json's output.
type periodStatus struct {
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
	Units       []unitStatus   `json:"units"`
	Rejected    []returnStatus `json:"rejected"` // returns that cannot be used
	Unlisted    []string       `json:"unlisted"` // units with tasks that taizhang.yaml's units list lacks
	KeyMissing  bool           `json:"key_missing"`
	Ledger      ledgerStatus   `json:"ledger"`
	Next        []string       `json:"next"`
}

// unitStatus is one unit's state: 按时, 迟报, 未报 or 有误 (only unusable
// returns received).
type unitStatus struct {
	Unit  string `json:"unit"`
	State string `json:"state"`
	File  string `json:"file"`
	Date  string `json:"date"` // 填报日期
}

type returnStatus struct {
	File    string `json:"file"`
	Unit    string `json:"unit"`
	Problem string `json:"problem"`
}

type ledgerStatus struct {
	Path   string `json:"path"`
	Exists bool   `json:"exists"`
	// Stale: returns arrived, changed or went after it was written.
	Stale  bool   `json:"stale"`
	Report string `json:"report"` // the period's report, "" when not written
}

// Unit states of status.
const (
	stateOnTime   = "按时"
	stateLate     = "迟报"
	stateMissing  = "未报"
	stateRejected = "有误"
)

func statusRun(opts *statusOptions) error {
	ws, err := openWorkspace(opts.Workspace)
	if err != nil {
		return err
	}
	if ws == nil {
		return &usageError{"当前目录不在台账工作目录中：请在 taizhang init 创建的目录（或其子目录）中运行，或用 --workspace 指定"}
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	p, due, err := workspaceRound(ws, opts.Period, "", now)
	if err != nil {
		return err
	}
	st, err := gatherStatus(ws, p, due, now)
	if err != nil {
		return err
	}
	if opts.JSON {
		enc := json.NewEncoder(opts.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(st); err != nil {
			return fmt.Errorf("write JSON: %w", err)
		}
		return nil
	}
	printStatus(opts.Stdout, st)
	return nil
}

func gatherStatus(ws *workspace.Workspace, p period.Period, due, now time.Time) (*periodStatus, error) {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	st := &periodStatus{
		Workspace: ws.Root, Organisation: ws.Config.Organisation,
		Period: p.Key(), PeriodLabel: p.String(),
		Due: due.Format("2006-01-02"), DaysLeft: int(due.Sub(today).Hours() / 24), Today: today.Format("2006-01-02"),
		Ledger: ledgerStatus{Path: ws.LedgerPath(p)},
	}
	st.Templates = len(spreadsheets(ws.TemplatesDir(p)))
	if workspace.Exists(ws.ReportPath(p)) {
		st.Ledger.Report = ws.ReportPath(p)
	}
	if !workspace.Exists(ws.TaskList()) {
		st.next()
		return st, nil
	}
	st.TaskList = ws.TaskList()
	src := taskSource{ws: ws}
	set, err := src.load()
	if err != nil {
		return nil, err
	}
	units, _ := fillin.Assign(set)
	for _, d := range set.Documents {
		for _, t := range d.Tasks {
			if t.Reportable() {
				st.Tasks++
			}
		}
	}
	var files []string
	if dir := ws.ReturnsDir(p); workspace.IsDir(dir) {
		if files, err = collectReturns([]string{dir}); err != nil {
			return nil, err
		}
	}
	st.ReturnFiles = len(files)
	secret, _, err := workspace.Secret(ws.Root, false)
	if err != nil {
		st.KeyMissing = true
	}
	l := mergeInMemory(set, p, due, secret, files)
	st.fromLedger(ws, l, units)
	st.checkLedger(files)
	st.next()
	return st, nil
}

// mergeInMemory checks the returns and merges them as merge would, without
// writing anything.
func mergeInMemory(set *task.Set, p period.Period, due time.Time, secret []byte, files []string) *ledger.Ledger {
	results := checkFiles(files, set, fillin.CheckOptions{Tasks: set, Period: &p, Secret: secret})
	in := ledger.Input{Tasks: set, Period: p, Due: due, Rules: ledger.DefaultRules, Now: pinnedTime(set)}
	for i, r := range results {
		rc := ledger.Received{Return: r}
		if info, err := os.Stat(files[i]); err == nil {
			rc.ModTime = info.ModTime()
		}
		in.Returns = append(in.Returns, rc)
	}
	return ledger.Merge(in)
}

func (st *periodStatus) fromLedger(ws *workspace.Workspace, l *ledger.Ledger, units []fillin.Assignment) {
	rejected := map[string]string{} // unit → first unusable file
	for _, in := range l.Intake {
		if in.State != ledger.Rejected {
			continue
		}
		st.Rejected = append(st.Rejected, returnStatus{File: relTo(ws.Root, in.File), Unit: in.Unit, Problem: strings.TrimPrefix(firstError(in.Findings), "：")})
		if in.Unit != "" && rejected[in.Unit] == "" {
			rejected[in.Unit] = relTo(ws.Root, in.File)
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
		u := unitStatus{Unit: name, State: stateMissing}
		if s := byUnit[name]; s != nil && s.Compliance != ledger.Missing {
			u.State, u.File, u.Date = stateOnTime, relTo(ws.Root, s.File), s.ReturnDate
			if s.Compliance == ledger.Late {
				u.State = stateLate
			}
		} else if f := rejected[name]; f != "" {
			u.State, u.File = stateRejected, f
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
func (st *periodStatus) checkLedger(files []string) {
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
func (st *periodStatus) next() {
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
		case stateMissing:
			missing = append(missing, u.Unit)
		case stateRejected:
			rejected = append(rejected, u.Unit)
		}
	}
	if len(missing) > 0 && st.Templates > 0 {
		if st.DaysLeft < 0 {
			add("催报（已过截止日期 %d 天）：%s", -st.DaysLeft, joinMax(missing, 20))
		} else {
			add("等待 %d 个单位报送（距截止还有 %d 天）：%s", len(missing), st.DaysLeft, joinMax(missing, 20))
		}
	}
	if len(rejected) > 0 {
		add("请以下单位重新报送（报送文件有错误，不能使用，详见 taizhang check）：%s", joinMax(rejected, 20))
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
		add("以下单位有任务但不在 taizhang.yaml 的 units 名单中（可能需要添加或设为别名）：%s", joinMax(st.Unlisted, 20))
	}
	if len(st.Next) == 0 {
		add("%s的报送、汇总和报告均已完成", st.PeriodLabel)
	}
}

func printStatus(w io.Writer, st *periodStatus) {
	fmt.Fprintf(w, "%s%s报送情况（%s）\n", orgPrefix(st.Organisation), st.PeriodLabel, period.ChineseDay(st.Today))
	fmt.Fprintf(w, "报送截止：%s，%s\n", period.ChineseDay(st.Due), daysLeft(st.DaysLeft))
	if st.TaskList == "" {
		fmt.Fprintln(w, "任务分解表：尚未生成")
	} else {
		fmt.Fprintf(w, "任务分解表：任务和目标 %d 项，责任单位 %d 个；本期填报表 %d 份\n", st.Tasks, len(st.Units), st.Templates)
		counts := map[string]int{}
		for _, u := range st.Units {
			counts[u.State]++
		}
		fmt.Fprintf(w, "收到报送文件 %d 份：按时 %d 个单位，迟报 %d 个，未报 %d 个", st.ReturnFiles, counts[stateOnTime], counts[stateLate], counts[stateMissing])
		if counts[stateRejected] > 0 {
			fmt.Fprintf(w, "，报送有误 %d 个", counts[stateRejected])
		}
		fmt.Fprintln(w)
		if st.Templates > 0 || st.ReturnFiles > 0 {
			printUnits(w, st)
		}
		switch {
		case !st.Ledger.Exists:
			fmt.Fprintln(w, "\n总台账：尚未汇总")
		case st.Ledger.Stale:
			fmt.Fprintf(w, "\n总台账：%s 早于收到的报送文件，请运行 taizhang merge\n", relTo(st.Workspace, st.Ledger.Path))
		default:
			fmt.Fprintf(w, "\n总台账：%s 已是最新\n", relTo(st.Workspace, st.Ledger.Path))
		}
	}
	fmt.Fprintln(w, "\n下一步：")
	for i, n := range st.Next {
		fmt.Fprintf(w, "  %d. %s\n", i+1, n)
	}
}

func printUnits(w io.Writer, st *periodStatus) {
	width := 0
	for _, u := range st.Units {
		width = max(width, cells.DisplayWidth(u.Unit))
	}
	var reported, missing, rejected []unitStatus
	for _, u := range st.Units {
		switch u.State {
		case stateOnTime, stateLate:
			reported = append(reported, u)
		case stateMissing:
			missing = append(missing, u)
		default:
			rejected = append(rejected, u)
		}
	}
	if len(reported) > 0 {
		fmt.Fprintf(w, "\n已报送（%d）：\n", len(reported))
		for _, u := range reported {
			fmt.Fprintf(w, "  %s  %s  %s  %s\n", padRight(u.Unit, width), padRight(period.ChineseDay(u.Date), 14), u.State, filepath.Base(u.File))
		}
	}
	if len(missing) > 0 {
		var names []string
		for _, u := range missing {
			names = append(names, u.Unit)
		}
		fmt.Fprintf(w, "\n未报送（%d）：%s\n", len(missing), strings.Join(names, "、"))
	}
	if len(rejected) > 0 || len(st.Rejected) > 0 {
		fmt.Fprintf(w, "\n不能使用的报送文件（%d）：\n", len(st.Rejected))
		for _, r := range st.Rejected {
			who := ""
			if r.Unit != "" {
				who = "（" + r.Unit + "）"
			}
			fmt.Fprintf(w, "  %s%s：%s\n", filepath.Base(r.File), who, r.Problem)
		}
	}
}

func orgPrefix(org string) string {
	if org == "" {
		return ""
	}
	return org + " "
}

func daysLeft(n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf("还有 %d 天", n)
	case n == 0:
		return "今天截止"
	}
	return fmt.Sprintf("已过 %d 天", -n)
}

// spreadsheets lists the workbooks directly in dir.
func spreadsheets(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && returnExts[strings.ToLower(filepath.Ext(e.Name()))] && !strings.HasPrefix(e.Name(), "~$") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// relTo shows path relative to the workspace root when it is inside it.
func relTo(root, path string) string {
	if path == "" {
		return ""
	}
	if rel, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

func padRight(s string, width int) string {
	if d := width - cells.DisplayWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}
