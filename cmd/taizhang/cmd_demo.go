package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/demo"
)

type demoOptions struct {
	streams
	Dir string
}

func newDemoCmd(s streams) *cobra.Command {
	opts := &demoOptions{streams: s}
	cmd := command("demo", func(*cobra.Command, []string) error { return demoRun(opts) })
	cmd.Args = noArgs("demo 不接受文件参数，请用 -o 指定输出目录")
	cmd.Flags().StringVarP(&opts.Dir, "output", "o", "out", "输出目录")
	return cmd
}

func demoRun(opts *demoOptions) error {
	dir, err := demo.Folder(opts.Dir)
	if err != nil {
		return err
	}
	out := opts.Stdout
	if filepath.Clean(dir) != filepath.Clean(opts.Dir) {
		fmt.Fprintf(out, "目录 %s 已存在且不为空，其中的文件一概未动；演示写入新目录 %s。\n", opts.Dir, dir)
	}
	var root string // absolute
	y, err := demo.Run(dir, demo.Events{
		Workspace: func(ws *workspace.Workspace) {
			root = ws.Root
			fmt.Fprintf(out, "演示工作目录：%s（%s，%s年，按季度报送）\n", ws.Root, demo.Org, demo.Year)
		},
		Tasks: func(t demo.Tasks) {
			fmt.Fprintf(out, "政策文件 %d 份 → 任务分解表 %s：任务和目标 %d 项，责任单位 %d 个（%d 项未明确牵头单位）\n", t.Documents, t.Path, t.Tasks, t.Units, t.Unassigned)
			framed := ""
			if t.Framed > 0 {
				framed = fmt.Sprintf("，%d 项指导思想、基本原则等不作为任务", t.Framed)
			}
			fmt.Fprintf(out, "（演示办公室在任务分解表中：为文件未列牵头单位的 %d 项任务指定了牵头单位%s）\n\n", t.Assigned, framed)
		},
		Quarter: func(q demo.Quarter) {
			t := q.Ledger.Totals
			fmt.Fprintf(out, "%s：填报表 %d 份；报送 %d 份（按时 %d、迟报 %d、未报 %d 个单位，被替代 %d 份）；完成率 %.1f%%，亮灯 绿%d 黄%d 红%d 灰%d\n",
				q.Period, q.Templates, q.Returns, t.OnTime, t.Late, t.MissingN, t.Superseded, t.Completion*100,
				t.Lights[ledger.Green], t.Lights[ledger.Yellow], t.Lights[ledger.Red], t.Lights[ledger.Grey])
			fmt.Fprintf(out, "  %s\n  %s\n  %s（%d 页）\n", q.TemplatesDir, q.LedgerPath, q.ReportPath, q.Pages)
		},
	})
	if err != nil {
		return err
	}
	printYearEnd(out, y)
	fmt.Fprintf(out, "\n这是一个工作目录：cd %s 后可直接运行 taizhang status、taizhang merge、taizhang report。\n", root)
	return nil
}

// printYearEnd tells what the demo wrote at the end of the year and how
// the simulated units behaved.
func printYearEnd(out io.Writer, y *demo.YearEnd) {
	fmt.Fprintf(out, "\n年度：%s\n  %s（%d 页）\n", y.Book, y.Report, y.Pages)
	var best []string
	seen := map[string]bool{}
	for _, u := range y.Year.Annual.Units {
		if u.Rank == 1 && !seen[u.Group] {
			seen[u.Group] = true
			best = append(best, fmt.Sprintf("%s第一名 %s %s 分", u.Group, u.Unit, strconv.FormatFloat(u.Score, 'f', -1, 64)))
		}
	}
	fmt.Fprintf(out, "  年度考核：%s；结转下年度任务 %d 项\n", strings.Join(best, "，"), len(y.Year.CarriedOver))
	b := y.Behaviour()
	fmt.Fprintf(out, "\n模拟的单位表现：进度逐期改进 %d 个，逐期下滑 %d 个；经常迟报：%s；全年未报：%s\n",
		len(b.Improving), len(b.Slipping), listOrNone(b.Late), listOrNone(b.Never))
}

func listOrNone(xs []string) string {
	if len(xs) == 0 {
		return "无"
	}
	return strings.Join(xs, "、")
}
