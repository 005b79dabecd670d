package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/workspace"
)

type parseOptions struct {
	streams
	req workspace.ParseRequest
}

func newParseCmd(s streams) *cobra.Command {
	opts := &parseOptions{streams: s}
	cmd := command("parse", func(_ *cobra.Command, args []string) error {
		opts.req.Docs = args
		return parseRun(opts)
	})
	cmd.Flags().StringVarP(&opts.req.Output, "output", "o", "", "输出的任务分解表（.xlsx）；未指定且未用 --json 时为 任务分解表.xlsx（在工作目录中为工作目录的任务分解表）")
	cmd.Flags().BoolVar(&opts.req.JSON, "json", false, "把任务清单以 JSON 输出到标准输出（字段见 README）")
	cmd.Flags().StringVar(&opts.req.Config, "config", "", "配置文件 taizhang.yaml 的路径（默认用工作目录的配置，或在文件所在目录和当前目录查找）")
	cmd.Flags().StringVar(&opts.req.Workspace, "workspace", "", "工作目录（taizhang init 创建）；默认为当前目录所在的工作目录")
	return cmd
}

func parseRun(opts *parseOptions) error {
	p, err := workspace.ParseDocuments(opts.req)
	if err != nil {
		return err
	}
	summary := opts.summary(opts.req.JSON)
	if opts.req.JSON {
		if err := writeJSON(opts.Stdout, p.Set); err != nil {
			return err
		}
	}
	backup, err := p.Save()
	if err != nil {
		return err
	}
	printSummary(summary, p.Set, p.Output)
	printLookAlike(summary, p.LookAlike, "任务分解表")
	if backup != "" {
		fmt.Fprintf(summary, "原任务分解表已备份为 %s\n", backup)
	}
	if p.ToWorkspace {
		fmt.Fprintln(summary, "\n下一步：打开任务分解表，核对并补全牵头单位、配合单位和完成时限（“需核实”各项），保存后运行 taizhang templates 生成本期填报表。")
	}
	return nil
}

func printSummary(w io.Writer, set *task.Set, output string) {
	c := set.Counts()
	fmt.Fprintf(w, "共读取文件 %d 份：任务 %d 项，目标 %d 项，其他条目 %d 项；责任单位 %d 个；需核实 %d 项。\n",
		len(set.Documents), c.Tasks, c.Targets, c.Others, len(set.Units()), c.Review)
	for _, d := range set.Documents {
		dc := d.Counts()
		name := d.Source // a text without a title line is named by its file
		if d.Title != "" {
			name = fmt.Sprintf("《%s》%s（%s）", d.Title, d.DocNumber, d.Source)
		}
		fmt.Fprintf(w, "\n%s：任务 %d 项，目标 %d 项\n", name, dc.Tasks, dc.Targets)
		for _, note := range d.Notes {
			fmt.Fprintf(w, "  说明：%s\n", note)
		}
		printReview(w, d)
	}
	if output != "" {
		fmt.Fprintf(w, "\n已写入 %s\n", output)
	}
}

// printReview lists what the office should check, one line per kind of
// problem with the items it concerns.
func printReview(w io.Writer, d *task.Document) {
	for _, r := range d.Reviews() {
		fmt.Fprintf(w, "  需核实（%d 项）：%s\n      %s\n", len(r.Labels), r.Flag, strings.Join(r.Labels, "、"))
	}
}
