package main

import (
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
	"github.com/taizhang-dev/taizhang/report/period"
	"github.com/taizhang-dev/taizhang/report/policy"
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
	fo := fillin.Options{Period: p, Due: p.End().AddDate(0, 0, 5), Secret: secret, Now: pinnedTime(set)}
	return writeTemplates(opts.Stdout, set, fo, filepath.Join(opts.Dir, "填报表"), created, opts.Dir)
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
