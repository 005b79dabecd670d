package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/report/round"
)

type mergeOptions struct {
	streams
	taskSource
	req  round.Request
	JSON bool
}

func newMergeCmd(s streams) *cobra.Command {
	opts := &mergeOptions{streams: s}
	cmd := command("merge", func(cmd *cobra.Command, args []string) error {
		opts.req.OutputSet = cmd.Flags().Changed("output")
		opts.req.Returns = args
		return mergeRun(opts)
	})
	opts.taskSource.addFlags(cmd)
	cmd.Flags().StringVar(&opts.req.Period, "period", "", "报送期次，如 2024-Q4（在工作目录中默认为当前期次）")
	cmd.Flags().StringVar(&opts.req.Due, "due", "", "报送截止日期（判断按时/迟报），如 2025-01-05（在工作目录中默认为期末后 due_days 天）")
	cmd.Flags().StringVarP(&opts.req.Output, "output", "o", "总台账.xlsx", "输出的总台账（在工作目录中默认为该期文件夹的 总台账.xlsx）")
	cmd.Flags().StringVar(&opts.req.Previous, "previous", "", "上期总台账，用于“较上期”一列（在工作目录中默认为上一期文件夹的总台账）")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "同时把汇总结果以 JSON 输出到标准输出（格式见 README）")
	return cmd
}

func mergeRun(opts *mergeOptions) error {
	req := opts.req
	req.Sources, req.Now, req.Progress = &opts.Sources, time.Now(), progressFunc(opts.Stderr)
	req.Compared = func(prev period.Period, l string) {
		fmt.Fprintf(opts.summary(opts.JSON), "与上一期（%s）的总台账比较：%s\n", prev.String(), l)
	}
	plan, err := round.NewPlan(req)
	if err != nil {
		return err
	}
	plan.Note = func(note string) { fmt.Fprintln(opts.Stderr, note) }
	w, err := plan.Write()
	if err != nil {
		return err
	}
	l := w.Ledger
	summary := opts.summary(opts.JSON)
	if opts.JSON {
		if err := writeJSON(opts.Stdout, l); err != nil {
			return err
		}
	}
	printIgnored(summary, w.Ignored, "不会保留到新台账（原台账另存为备份）", "新台账按各单位的报送重新汇总")
	w.WriteSummary(summary, plan.Output)
	if opts.WS != nil {
		fmt.Fprintln(summary, "\n下一步：在总台账中复核（“复核意见”“核定状态”两列，重新汇总时会保留），然后运行 taizhang report 生成本期报告。")
	}
	return nil
}

// progressFunc shows "已读取 n/N" on w when it is a terminal; nil when it
// is not.
func progressFunc(w io.Writer) func(done, total int) {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		fmt.Fprintf(f, "\r已读取 %d/%d 份报送文件", done, total)
		if done == total {
			fmt.Fprintln(f)
		}
	}
}
