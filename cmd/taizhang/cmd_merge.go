package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
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
	printMergeSummary(summary, l, plan.Output, w.Backup, w.Replaced)
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

func printMergeSummary(w io.Writer, l *ledger.Ledger, out, backup string, replaced bool) {
	t := l.Totals
	fmt.Fprintf(w, "%s总台账：任务 %d 项，已报送 %d 项，已完成 %d 项，完成率 %.1f%%\n", l.PeriodLabel, t.Tasks, t.Reported, t.Done, t.Completion*100)
	fmt.Fprintf(w, "亮灯：绿 %d，黄 %d，红 %d，灰（未报送）%d\n", t.Lights[ledger.Green], t.Lights[ledger.Yellow], t.Lights[ledger.Red], t.Lights[ledger.Grey])
	fmt.Fprintf(w, "报送文件：采用 %d 份，被替代 %d 份，不可用 %d 份；责任单位 %d 个：按时 %d，迟报 %d，未报 %d\n",
		t.Used, t.Superseded, t.Rejected, t.Units, t.OnTime, t.Late, t.MissingN)
	if len(l.Missing) > 0 {
		fmt.Fprintf(w, "未报送单位：%s\n", round.JoinMax(l.Missing, 20))
	}
	for _, in := range l.Intake {
		switch in.State {
		case ledger.Rejected:
			fmt.Fprintf(w, "  不可用：%s%s\n", in.File, colonFirst(in.Findings))
		case ledger.Superseded:
			fmt.Fprintf(w, "  已被替代：%s（以 %s 为准）\n", in.File, in.SupersededBy)
		}
	}
	if replaced {
		printCarried(w, l)
	}
	if backup != "" {
		fmt.Fprintf(w, "原台账已备份为 %s\n", backup)
	}
	fmt.Fprintf(w, "已写入 %s（问题清单见其中“问题清单”工作表）\n", out)
}

// printCarried says what became of the office's notes in the ledger the
// merge replaced, with the counts: none is ever dropped.
func printCarried(w io.Writer, l *ledger.Ledger) {
	c := l.Carried()
	switch {
	case c.Kept > 0:
		fmt.Fprintf(w, "已保留原台账中办公室填写的复核意见和核定状态（%d 项任务）。\n", c.Kept)
	case c.Moved == 0 && c.Restored == 0 && len(l.Removed) == 0:
		fmt.Fprintln(w, "原台账中没有办公室填写的复核意见或核定状态。")
	}
	if c.Restored > 0 {
		fmt.Fprintf(w, "%d 项任务回到了任务分解表，其复核意见和核定状态已从“%s”工作表移回。\n", c.Restored, ledgerbook.SheetRemoved)
	}
	switch {
	case c.Moved > 0:
		fmt.Fprintf(w, "注意：%d 项任务已不在任务分解表中（被删除或改了编号），其复核意见和核定状态已移至新台账的“%s”工作表（该表共 %d 项）。\n",
			c.Moved, ledgerbook.SheetRemoved, len(l.Removed))
	case len(l.Removed) > 0:
		fmt.Fprintf(w, "“%s”工作表仍保留 %d 项已不在任务分解表中的任务的复核意见和核定状态。\n", ledgerbook.SheetRemoved, len(l.Removed))
	}
}

// colonFirst is "：" and the first error of findings, "" when none.
func colonFirst(fs []fillin.Finding) string {
	if msg := round.FirstError(fs); msg != "" {
		return "：" + msg
	}
	return ""
}
