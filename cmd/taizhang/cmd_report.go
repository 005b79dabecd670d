package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/gongwen"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
	"github.com/taizhang-dev/taizhang/report/publish"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

type reportOptions struct {
	streams
	req publish.Request
}

func newReportCmd(s streams) *cobra.Command {
	opts := &reportOptions{streams: s}
	cmd := command("report", func(_ *cobra.Command, args []string) error {
		opts.req.Ledgers = append(opts.req.Ledgers, args...)
		return reportRun(opts)
	})
	f := cmd.Flags()
	f.StringArrayVar(&opts.req.Ledgers, "ledger", nil, "总台账（.xlsx）；年度报告按期次先后给出全年各期，可重复")
	f.StringVar(&opts.req.Previous, "previous", "", "上期总台账，用于单位排名的“较上期”（工作目录中自动使用上一期）")
	f.StringVarP(&opts.req.Output, "output", "o", "", "输出的 PDF，默认为“报告.pdf”（年度为“年度考核报告.pdf”）")
	f.StringVar((*string)(&opts.req.Kind), "kind", string(publish.Progress), "报告类型：progress（进展通报）或 annual（年度考核报告）")
	f.StringVar(&opts.req.Period, "period", "", "在工作目录中使用的期次，默认为本期")
	f.StringVar(&opts.req.Title, "title", "", "报告标题，默认按期次生成")
	f.StringVar(&opts.req.Office, "office", "", "发文机关署名，默认为 taizhang.yaml 中的 organisation")
	f.StringVar(&opts.req.Date, "date", "", "成文日期，如 2025-01-10，默认为总台账的汇总日期")
	f.BoolVar(&opts.req.Masthead, "masthead", true, "在标题上方印红色版头（督查通报、期号、机关和日期）；用已印版头的公文纸时设为 false")
	f.StringVar((*string)(&opts.req.Format), "format", string(publish.Both), "输出格式：pdf、docx（可编辑的 Word 版，写在 PDF 旁边，同名）或 both")
	f.StringArrayVar(&opts.req.Fonts, "font", nil, "为某一字体角色指定字体文件：body|bold|title|hei|kai=路径（.ttf，或 .ttc#序号）")
	f.StringVar(&opts.req.Config, "config", "", "配置文件 taizhang.yaml 的路径")
	f.StringVar(&opts.req.Workspace, "workspace", "", "工作目录，默认从当前目录向上查找")
	return cmd
}

func reportRun(opts *reportOptions) error {
	opts.req.Now = time.Now()
	plan, err := publish.NewPlan(opts.req)
	if err != nil {
		return err
	}
	plan.Note = func(note string) { fmt.Fprintln(opts.Stderr, note) }
	w, err := plan.Write(func(ig []ledgerbook.Ignored) {
		printIgnored(opts.Stderr, ig, "未用于报告", "报告按汇总时的内容（保存在总台账的隐藏工作表中）生成")
	})
	if err != nil {
		return err
	}
	printSubstitutions(opts.Stderr, w.Substitutions)
	for _, b := range w.Backups {
		fmt.Fprintf(opts.Stdout, "原文件已备份为 %s\n", b)
	}
	if w.PDF != "" {
		fmt.Fprintf(opts.Stdout, "已写入 %s（%d 页）\n", w.PDF, w.Pages)
	}
	if w.Docx != "" {
		fmt.Fprintf(opts.Stdout, "已写入 %s（Word 版，可修改后印发）\n", w.Docx)
	}
	if plan.WordingWritten {
		fmt.Fprintf(opts.Stdout, "通报的固定文字（称谓、开头、下步工作要求）已写入 %s，可修改后重新生成\n", plan.WordingFile)
	}
	if w.Book != "" {
		fmt.Fprintf(opts.Stdout, "已写入 %s（年度考核、排名与亮灯走势、各期台账）\n", w.Book)
	}
	return nil
}

// maxIgnoredShown is how many ignored edits are listed one by one.
const maxIgnoredShown = 30

// printIgnored tells the office which of its edits of a ledger were not
// taken (what: 未用于报告, 未保留到新台账), and why: only 复核意见 and 核定状态
// are the office's columns; how is what was used instead.
func printIgnored(w io.Writer, ignored []ledgerbook.Ignored, what, how string) {
	if len(ignored) == 0 {
		return
	}
	fmt.Fprintf(w, "注意：%s 中有 %d 处修改%s：\n", ignored[0].File, len(ignored), what)
	for i, e := range ignored {
		if i == maxIgnoredShown {
			fmt.Fprintf(w, "  ……等共 %d 处\n", len(ignored))
			break
		}
		fmt.Fprintf(w, "  %s\n", e)
	}
	fmt.Fprintf(w, "原因：总台账中只有“复核意见”“核定状态”两列由办公室填写；其余各列是单位报送的内容或由 taizhang 计算，%s。"+
		"如需更正任务的状态，请在该任务的“核定状态”列中选择；进度有误时，请单位重新报送后运行 taizhang merge；"+
		"删除行不会把任务去掉，任务已取消时请在任务分解表中删除后重新汇总。\n", how)
}

// printSubstitutions warns of characters a role's font lacks.
func printSubstitutions(w io.Writer, subs []gongwen.Substitution) {
	for _, s := range subs {
		role := typeface.Role(s.Role).Label()
		if s.Fallback != "" {
			fmt.Fprintf(w, "提示：%s“%s”中没有字符“%c”（U+%04X），%d 处已改用“%s”显示\n", role, s.Font, s.Char, s.Char, s.Count, s.Fallback)
		} else {
			fmt.Fprintf(w, "警告：所有字体中都没有字符“%c”（U+%04X），%d 处已用“〓”代替：请在 taizhang.yaml 的 fonts 中指定含有该字的字体\n", s.Char, s.Char, s.Count)
		}
	}
}
