package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/round"
)

type templatesOptions struct {
	streams
	taskSource
	req round.IssueRequest
}

func newTemplatesCmd(s streams) *cobra.Command {
	opts := &templatesOptions{streams: s}
	cmd := command("templates", func(cmd *cobra.Command, _ []string) error {
		opts.req.DirSet = cmd.Flags().Changed("output")
		return templatesRun(opts)
	})
	cmd.Args = noArgs("templates 不接受位置参数：请用 --tasks 指定任务来源")
	opts.taskSource.addFlags(cmd)
	cmd.Flags().StringVar(&opts.req.Period, "period", "", "报送期次，如 2024-Q4、2024年11月（在工作目录中默认为当前期次）")
	cmd.Flags().StringVar(&opts.req.Due, "due", "", "报送截止日期，如 2025-01-05（印在填报表上；在工作目录中默认为期末后 due_days 天）")
	cmd.Flags().StringVarP(&opts.req.Dir, "output", "o", "填报表", "输出目录（在工作目录中默认为该期文件夹的 填报表/）")
	cmd.Flags().BoolVar(&opts.req.NewKey, "new-key", false, "签名密钥丢失且确实无法找回时，生成新密钥（此前下发的填报表和报送将无法核验，需向所有单位重新下发）")
	return cmd
}

func templatesRun(opts *templatesOptions) error {
	req := opts.req
	req.Sources, req.Now = &opts.Sources, time.Now()
	req.Warn = func(s string) { fmt.Fprintln(opts.Stderr, s) }
	is, err := round.Issue(req)
	if is != nil {
		printTemplates(opts.Stdout, is)
		printLookAlike(opts.Stdout, is.LookAlike, "任务分解表的牵头单位、配合单位列")
		printOthers(opts.Stdout, is.Others)
	}
	if err != nil || is.ReturnsDir == "" {
		return err
	}
	fmt.Fprintf(opts.Stdout, "\n报送截止日期：%s。下一步：把填报表发给各单位；收回的报送文件放入 %s，随时运行 taizhang status 查看报送情况，收齐后运行 taizhang merge 汇总。\n", is.DueText(req.Now, req.Period != ""), is.ReturnsDir)
	return nil
}

// printTemplates tells the office what Issue wrote.
func printTemplates(w io.Writer, is *round.Issued) {
	fmt.Fprintf(w, "已为 %d 个责任单位生成%s填报表（共 %d 条任务行），保存在 %s\n", len(is.Written), is.Period.String(), is.Items(), is.Dir)
	for _, wr := range is.Written {
		fmt.Fprintf(w, "  %s（%d 项）\n", wr.Path, wr.Items)
	}
	if len(is.Unassigned) > 0 {
		fmt.Fprintf(w, "\n注意：%d 项任务尚未指定牵头单位，未列入任何填报表：", len(is.Unassigned))
		for i, t := range is.Unassigned {
			if i == 20 {
				fmt.Fprintf(w, "…")
				break
			}
			if i > 0 {
				fmt.Fprint(w, "、")
			}
			fmt.Fprint(w, t.Label())
		}
		fmt.Fprintln(w, "\n请在任务分解表的“牵头单位”列填写后重新生成。")
	}
	if is.KeyCreated {
		fmt.Fprintf(w, "\n已在 %s 生成办公室签名密钥：请妥善保管，不要随填报表下发；核验报送文件时需要它。\n", is.KeyPath)
	}
}

// printOthers lists the spreadsheets left in the workbooks' folder that
// this run did not write, which must not go out with them.
func printOthers(w io.Writer, others []string) {
	if len(others) == 0 {
		return
	}
	fmt.Fprintf(w, "\n注意：填报表文件夹中另有 %d 份不是本次生成的文件（单位改名、合并或不再有任务时会留下此前的填报表），请勿下发，可移走或删除：\n", len(others))
	for _, f := range others {
		fmt.Fprintf(w, "  %s\n", filepath.Base(f))
	}
}
