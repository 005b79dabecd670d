package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/report/round"
)

type checkOptions struct {
	streams
	taskSource
	req  round.CheckRequest
	JSON bool
}

func newCheckCmd(s streams) *cobra.Command {
	opts := &checkOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "check 报送文件或目录... --tasks 任务分解表.xlsx [--period 期次] [--json]",
		Short: "检查各单位报送的填报表，逐项列出问题",
		Long: `读取各单位报送回来的填报表（文件或目录；不会修改它们），逐一列出问题及其位置（文件、工作表、单元格），
分为“错误”（报送文件不能直接使用）和“警告”（需要提醒单位补正），并说明对不规范填写的理解方式。
.xls 和 WPS 的 .et 文件在装有 LibreOffice 时自动转换。发现错误时退出状态为 1。

在工作目录（taizhang init 创建）中不带参数运行时，检查当前期次（或 --period）文件夹中 报送/ 下的文件，
并按该期次核对。`,
		Example: "  taizhang check                      # 在工作目录中\n  taizhang check 收到的报送/ --tasks 任务分解表.xlsx --period 2024-Q4",
		RunE: func(_ *cobra.Command, args []string) error {
			opts.req.Returns = args
			return checkRun(opts)
		},
	}
	opts.taskSource.addFlags(cmd)
	cmd.Flags().StringVar(&opts.req.Period, "period", "", "应报送的期次；指定后其他期次的文件记为错误（在工作目录中不带参数时默认为当前期次）")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "以 JSON 输出检查结果")
	return cmd
}

func checkRun(opts *checkOptions) error {
	opts.req.Sources, opts.req.Now = &opts.Sources, time.Now()
	results, err := round.Check(opts.req)
	if err != nil {
		return err
	}
	if opts.JSON {
		if err := writeJSON(opts.Stdout, map[string]any{"returns": results}); err != nil {
			return err
		}
	} else {
		printFindings(opts.Stdout, results)
	}
	return round.Unusable(results)
}

func printFindings(w io.Writer, results []*fillin.Return) {
	for _, r := range results {
		errs, warns := r.Counts()
		who := ""
		if r.Unit != "" {
			who = "（" + r.Unit
			if r.Period != "" {
				if p, err := period.Parse(r.Period); err == nil {
					who += "，" + p.String()
				}
			}
			who += "）"
		}
		switch {
		case errs > 0:
			fmt.Fprintf(w, "✗ %s%s：%d 个错误，%d 个警告，不能直接使用\n", r.File, who, errs, warns)
		case warns > 0:
			fmt.Fprintf(w, "△ %s%s：可以使用，%d 个警告\n", r.File, who, warns)
		default:
			fmt.Fprintf(w, "✓ %s%s：无问题\n", r.File, who)
		}
		for _, f := range r.Findings {
			fmt.Fprintf(w, "    [%s] %s\n", f.Level.Label(), f.Detail())
		}
	}
	t := round.TallyOf(results)
	fmt.Fprintf(w, "\n共检查 %d 份：可以使用 %d 份（其中有警告 %d 份），存在错误 %d 份。\n", len(results), t.Usable, t.Warned, t.Bad)
}
