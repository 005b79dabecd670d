package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/config"
	"github.com/taizhang-dev/taizhang/report/docread"
	"github.com/taizhang-dev/taizhang/report/fillin"
	"github.com/taizhang-dev/taizhang/report/ledger"
	"github.com/taizhang-dev/taizhang/report/period"
	"github.com/taizhang-dev/taizhang/report/policy"
	"github.com/taizhang-dev/taizhang/report/sample"
	"github.com/taizhang-dev/taizhang/report/task"
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
		Short: "用内置的五份示例政策文件演示：生成任务分解表和各单位填报表",
		Long: `用程序内置的五份真实政策文件运行一遍，把结果写到指定目录：
任务分解表.xlsx，以及 ` + demoPeriod + ` 期各责任单位的填报表（填报表/ 目录）。
该目录即演示用的工作目录，签名密钥在其 .taizhang/ 子目录中。`,
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

func demoRun(opts *demoOptions) error {
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("创建输出目录 %s 失败：%w", opts.Dir, err)
	}
	cfg, err := config.Load("", nil)
	if err != nil {
		return err
	}
	set, err := parseSeeds(cfg)
	if err != nil {
		return err
	}
	out := filepath.Join(opts.Dir, "任务分解表.xlsx")
	if err := writeTaskList(out, set); err != nil {
		return err
	}
	printSummary(opts.Stdout, set, out)

	p, err := period.Parse(demoPeriod)
	if err != nil {
		return err
	}
	secret, created, err := workspace.Secret(opts.Dir, true)
	if err != nil {
		return err
	}
	fmt.Fprintln(opts.Stdout)
	due := p.End().AddDate(0, 0, 5)
	fo := fillin.Options{Period: p, Due: due, Secret: secret, Now: pinnedTime(set)}
	written, err := writeTemplates(opts.Stdout, set, fo, filepath.Join(opts.Dir, "填报表"), created, opts.Dir)
	if err != nil {
		return err
	}

	// The units answer: on time, late, missing, messy, twice — the same
	// answers on every run.
	var books []string
	for _, w := range written {
		books = append(books, w.Path)
	}
	returned := filepath.Join(opts.Dir, "报送")
	if err := os.RemoveAll(returned); err != nil {
		return err
	}
	plans, err := sample.FillReturns(books, returned, sample.Options{Period: p, Due: due, Seed: 2024})
	if err != nil {
		return fmt.Errorf("生成演示报送文件失败：%w", err)
	}
	var files []string
	for _, pl := range plans {
		files = append(files, pl.Files...)
	}
	fmt.Fprintf(opts.Stdout, "\n演示：%d 个单位中 %d 份报送文件写入 %s\n\n", len(plans), len(files), returned)
	files, err = collectReturns([]string{returned})
	if err != nil {
		return err
	}
	ledgerPath := filepath.Join(opts.Dir, "总台账.xlsx")
	// The demo starts over each time: an earlier demo ledger holds no
	// review of anybody's to carry over.
	if err := os.Remove(ledgerPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	job := mergeJob{set: set, period: p, due: due, rules: ledger.DefaultRules, secret: secret, files: files, output: ledgerPath}
	l, backup, carried, err := job.run()
	if err != nil {
		return err
	}
	printMergeSummary(opts.Stdout, l, ledgerPath, backup, carried)
	return nil
}

// demoPeriod is the reporting round the demo issues workbooks for.
const demoPeriod = "2024-Q4"

// parseSeeds parses the embedded seed documents in file-name order.
func parseSeeds(cfg *config.Config) (*task.Set, error) {
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	set := &task.Set{}
	for _, n := range names {
		f, err := seeds.FS.Open(n)
		if err != nil {
			return nil, err
		}
		doc, err := docread.Read(n, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		set.Documents = append(set.Documents, policy.Parse(doc, cfg))
	}
	return set, nil
}
