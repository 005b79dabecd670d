package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/bulletin"
	"github.com/taizhang-dev/taizhang/report/config"
	"github.com/taizhang-dev/taizhang/report/fillin"
	"github.com/taizhang-dev/taizhang/report/ledger"
	"github.com/taizhang-dev/taizhang/report/outfile"
	"github.com/taizhang-dev/taizhang/report/period"
	"github.com/taizhang-dev/taizhang/report/policy"
	"github.com/taizhang-dev/taizhang/report/sample"
	"github.com/taizhang-dev/taizhang/report/task"
	"github.com/taizhang-dev/taizhang/report/typeface"
	"github.com/taizhang-dev/taizhang/report/workspace"
	"github.com/taizhang-dev/taizhang/seeds"
)

type demoOptions struct {
	Dir            string
	Stdout, Stderr io.Writer
}

func newDemoCmd(stdout, stderr io.Writer, runF func(*demoOptions) error) *cobra.Command {
	opts := &demoOptions{Stdout: stdout, Stderr: stderr}
	cmd := &cobra.Command{
		Use:   "demo -o 目录",
		Short: "用内置的五份示例政策文件演示一整年：分解任务、四个季度的填报与汇总、进展通报和年度考核报告",
		Long: `用程序内置的五份真实政策文件把一整年走一遍，结果写到指定目录（一个工作目录，可继续用 taizhang status 等命令）：
任务分解表.xlsx；` + demoYear + `年四个季度各自的目录，内有各责任单位的填报表、模拟的报送（有按时、迟报、漏报、
填写不规范和改了又交的）、总台账.xlsx（含考核排名）和进展通报 报告.pdf；年度/ 目录中的年度台账和年度考核报告。
模拟结果每次相同。目录已存在且不为空时（如以前的演示目录），其中的文件一概不动，演示改写入旁边的新目录（目录-2、目录-3……）。`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &usageError{"demo 不接受文件参数，请用 -o 指定输出目录"}
			}
			if runF != nil {
				return runF(opts)
			}
			return demoRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Dir, "output", "o", "out", "输出目录")
	return cmd
}

// The demo's year, organisation and seed: the same output on every run.
const (
	demoYear   = "2024"
	demoOrg    = "演示市人民政府督查室"
	demoSeed   = 2024
	demoMarker = "demo" // in .taizhang/: this folder was made by demo
)

var demoPeriods = []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"}

// demoNow is the moment the demo workspace is created: after the year, so
// that its current period is the fourth quarter.
var demoNow = time.Date(2025, 1, 8, 9, 0, 0, 0, time.UTC)

func demoRun(opts *demoOptions) error {
	dir, err := outfile.FreshDir(opts.Dir)
	if err != nil {
		return err
	}
	if err := outfile.WritableDir(dir); err != nil {
		return err
	}
	out := opts.Stdout
	if filepath.Clean(dir) != filepath.Clean(opts.Dir) {
		fmt.Fprintf(out, "目录 %s 已存在且不为空，其中的文件一概未动；演示写入新目录 %s。\n", opts.Dir, dir)
	}
	ws, err := demoWorkspace(dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "演示工作目录：%s（%s，%s年，按季度报送）\n", ws.Root, demoOrg, demoYear)
	if err := copySeeds(ws.DocsDir()); err != nil {
		return err
	}
	set, err := parseSeeds(ws.Config)
	if err != nil {
		return err
	}
	if _, err := writeTaskList(ws.TaskList(), set, nil); err != nil {
		return err
	}
	printSummary(io.Discard, set, ws.TaskList())
	units, unassigned := fillin.Assign(set)
	tasks := 0
	for _, d := range set.Documents {
		for _, t := range d.Tasks {
			if t.Reportable() {
				tasks++
			}
		}
	}
	fmt.Fprintf(out, "政策文件 %d 份 → 任务分解表 %s：任务和目标 %d 项，责任单位 %d 个（%d 项未明确牵头单位）\n\n",
		len(set.Documents), ws.TaskList(), tasks, len(units), len(unassigned))

	secret, _, err := workspace.Secret(ws.Root, false)
	if err != nil {
		return err
	}
	var ledgers []*ledger.Ledger
	var plans []sample.Plan
	for _, key := range demoPeriods {
		p, err := period.Parse(key)
		if err != nil {
			return err
		}
		l, ps, err := demoQuarter(out, ws, set, p, secret, ledgers)
		if err != nil {
			return err
		}
		ledgers = append(ledgers, l)
		plans = ps
	}
	return demoYearEnd(out, ws, ledgers, plans)
}

// demoWorkspace makes the demo's workspace at dir, which does not exist
// or is empty (see outfile.FreshDir).
func demoWorkspace(dir string) (*workspace.Workspace, error) {
	text, err := config.NewFile(demoOrg, 2024, "季度")
	if err != nil {
		return nil, err
	}
	c, err := workspace.Init(dir, text, demoNow)
	if err != nil {
		return nil, err
	}
	marker := filepath.Join(c.Workspace.Root, workspace.Dir, demoMarker)
	if err := os.WriteFile(marker, []byte("taizhang demo\n"), 0o644); err != nil {
		return nil, err
	}
	return c.Workspace, nil
}

// copySeeds puts the seed documents into the workspace's document folder,
// so that taizhang parse there reads them.
func copySeeds(dir string) error {
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil {
		return err
	}
	for _, n := range names {
		data, err := fs.ReadFile(seeds.FS, n)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// demoQuarter runs one period: the workbooks, the units' returns, the
// merged ledger with its ranking and the progress bulletin.
func demoQuarter(out io.Writer, ws *workspace.Workspace, set *task.Set, p period.Period, secret []byte, earlier []*ledger.Ledger) (*ledger.Ledger, []sample.Plan, error) {
	due := ws.Due(p)
	fo := fillin.Options{Period: p, Due: due, Secret: secret, Now: pinnedTime(set)}
	written, err := writeTemplates(io.Discard, set, fo, ws.TemplatesDir(p), false, ws.Root)
	if err != nil {
		return nil, nil, err
	}
	var books []string
	for _, w := range written {
		books = append(books, w.Path)
	}
	plans, err := sample.FillReturns(books, ws.ReturnsDir(p), sample.Options{Period: p, Due: due, Seed: demoSeed})
	if err != nil {
		return nil, nil, fmt.Errorf("生成演示报送文件失败：%w", err)
	}
	files, err := collectReturns([]string{ws.ReturnsDir(p)})
	if err != nil {
		return nil, nil, err
	}
	var previous *ledger.Ledger
	if len(earlier) > 0 {
		previous = earlier[len(earlier)-1]
	}
	cfg := ws.Config
	job := mergeJob{set: set, period: p, due: due, rules: rulesOf(cfg), secret: secret, files: files, previous: previous,
		output: ws.LedgerPath(p), scoring: cfg.Scoring, order: unitOrder(cfg)}
	l, _, _, err := job.run()
	if err != nil {
		return nil, nil, err
	}
	// The ledgers just merged are in memory: the bulletin needs no reread.
	rep := reportJob{kind: kindProgress, output: ws.ReportPath(p), cfg: cfg, o: demoReport(cfg)}
	pages, err := rep.render(io.Discard, []*ledger.Ledger{l}, previous)
	if err != nil {
		return nil, nil, err
	}
	t := l.Totals
	fmt.Fprintf(out, "%s：填报表 %d 份；报送 %d 份（按时 %d、迟报 %d、未报 %d 个单位，被替代 %d 份）；完成率 %.1f%%，亮灯 绿%d 黄%d 红%d 灰%d\n",
		p, len(written), len(files), t.OnTime, t.Late, t.MissingN, t.Superseded, t.Completion*100,
		t.Lights[ledger.Green], t.Lights[ledger.Yellow], t.Lights[ledger.Red], t.Lights[ledger.Grey])
	fmt.Fprintf(out, "  %s\n  %s\n  %s（%d 页）\n", ws.TemplatesDir(p), ws.LedgerPath(p), ws.ReportPath(p), pages)
	return l, plans, nil
}

// demoYearEnd writes the year workbook and the annual assessment report.
func demoYearEnd(out io.Writer, ws *workspace.Workspace, ledgers []*ledger.Ledger, plans []sample.Plan) error {
	report := filepath.Join(ws.AnnualDir(), demoYear+"年度考核报告.pdf")
	rep := reportJob{kind: kindAnnual, output: report, cfg: ws.Config, o: demoReport(ws.Config)}
	pages, err := rep.render(io.Discard, ledgers, nil)
	if err != nil {
		return err
	}
	y := rep.year
	fmt.Fprintf(out, "\n年度：%s\n  %s（%d 页）\n", rep.book, report, pages)
	top := y.Annual.Units
	var best []string
	for _, u := range top[:min(3, len(top))] {
		best = append(best, fmt.Sprintf("%s %s 分", u.Unit, strconv.FormatFloat(u.Score, 'f', -1, 64)))
	}
	fmt.Fprintf(out, "  年度考核前三名：%s；结转下年度任务 %d 项\n", strings.Join(best, "，"), len(y.CarriedOver))
	var improving, slipping, never, late []string
	for _, pl := range plans {
		switch pl.Trend {
		case "改进":
			improving = append(improving, pl.Unit)
		case "下滑":
			slipping = append(slipping, pl.Unit)
		}
		switch pl.Habit {
		case sample.HabitNever:
			never = append(never, pl.Unit)
		case sample.HabitLate:
			late = append(late, pl.Unit)
		}
	}
	fmt.Fprintf(out, "\n模拟的单位表现：进度逐期改进 %d 个，逐期下滑 %d 个；经常迟报：%s；全年未报：%s\n",
		len(improving), len(slipping), listOrNone(late), listOrNone(never))
	fmt.Fprintf(out, "\n这是一个工作目录：cd %s 后可直接运行 taizhang status、taizhang merge、taizhang report。\n", ws.Root)
	return nil
}

// demoReport is how the demo's reports are set: the bundled fonts, the
// workspace's organisation and rules, with the masthead.
func demoReport(cfg *config.Config) bulletin.Options {
	return bulletin.Options{Office: cfg.Organisation, Fonts: typeface.DefaultSet(), Rules: cfg.Scoring, Order: unitOrder(cfg), Masthead: true}
}

func listOrNone(xs []string) string {
	if len(xs) == 0 {
		return "无"
	}
	return strings.Join(xs, "、")
}

// parseSeeds parses the embedded seed documents in file-name order.
func parseSeeds(cfg *config.Config) (*task.Set, error) {
	return policy.ParseFS(seeds.FS, "*.txt", cfg)
}
