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
	cmd := command("check", func(_ *cobra.Command, args []string) error {
		opts.req.Returns = args
		return checkRun(opts)
	})
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
