package main

import (
	"cmp"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/round"
)

type initOptions struct {
	streams
	Dir          string
	Organisation string
	Year         int
	Cycle        string
	Now          time.Time
}

func newInitCmd(s streams) *cobra.Command {
	opts := &initOptions{streams: s}
	cmd := command("init", func(_ *cobra.Command, args []string) error {
		if len(args) != 1 {
			return &usageError{Msg: "请指定要创建的工作目录，例如 taizhang init 2025台账"}
		}
		opts.Dir = args[0]
		return initRun(opts)
	})
	cmd.Flags().StringVar(&opts.Organisation, "org", "", "机关（办公室）名称，用于报告落款；也可以之后在 taizhang.yaml 中填写")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "考核年度（默认为今年）")
	cmd.Flags().StringVar(&opts.Cycle, "cycle", "季度", "报送周期：月、季度 或 半年")
	return cmd
}

func initRun(opts *initOptions) error {
	c, err := workspace.Create(opts.Dir, opts.Organisation, opts.Year, opts.Cycle, opts.Now)
	if err != nil {
		return err
	}
	printInit(opts.Stdout, opts.Dir, c)
	return nil
}

func printInit(w io.Writer, dir string, c *workspace.Created) {
	ws := c.Workspace
	fmt.Fprintf(w, "已创建台账工作目录 %s（%s，%d 年度，每%s报送一次）：\n", ws.Root, cmp.Or(ws.Config.Organisation, "机关名称未填写"), ws.Config.Year, config.CycleLabel(ws.Config.CycleKind()))
	for _, e := range c.Layout() {
		fmt.Fprintf(w, "  %s  %s\n", cells.PadRight(e.Name, 24), e.About)
	}
	if len(c.Moved) > 0 {
		fmt.Fprintf(w, "已把 %d 份政策文件移入 %s/：%s\n", len(c.Moved), workspace.DocsName, round.JoinMax(c.Moved, 10))
	}
	fmt.Fprintln(w, "\n下一步：")
	for i, s := range c.NextSteps(dir) {
		fmt.Fprintf(w, "  %d. %s\n", i+1, s)
	}
}
