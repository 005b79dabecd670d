package main

import (
	"cmp"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

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
	cmd := &cobra.Command{
		Use:   "init 目录 [--org 机关名称] [--year 2025] [--cycle 季度]",
		Short: "创建一个台账工作目录：配置、政策文件、各期填报表和报送",
		Long: `创建一个办公室可以使用一整年的工作目录：
  taizhang.yaml     配置（机关名称、考核年度、报送周期、单位名单和别名、集体称谓展开、亮灯和考核规则、字体），带中文说明
  政策文件/          放入要分解的政策文件
  期次文件夹/        如 2025年第一季度/，其中 填报表/（下发）、报送/（收回）、总台账.xlsx、报告.pdf
  年度/              年度考核报告等
  .taizhang/        签名密钥（自动生成，不显示、不写入配置；请备份，切勿外发）

目录可以不存在、为空，或只放有政策文件（会移入 政策文件/）；已有 taizhang.yaml 时不会覆盖。
之后在该目录（或其子目录）中运行的命令会自动找到配置和各期的文件，不必再写参数。`,
		Example: "  taizhang init 2025台账 --org 泰州市人民政府办公室 --year 2025 --cycle 季度",
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return &usageError{Msg: "请指定要创建的工作目录，例如 taizhang init 2025台账"}
			}
			opts.Dir = args[0]
			return initRun(opts)
		},
	}
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
		fmt.Fprintf(w, "  %s  %s\n", padRight(e.Name, 24), e.About)
	}
	if len(c.Moved) > 0 {
		fmt.Fprintf(w, "已把 %d 份政策文件移入 %s/：%s\n", len(c.Moved), workspace.DocsName, round.JoinMax(c.Moved, 10))
	}
	fmt.Fprintln(w, "\n下一步：")
	for i, s := range c.NextSteps(dir) {
		fmt.Fprintf(w, "  %d. %s\n", i+1, s)
	}
}
