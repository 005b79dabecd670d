package round

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// WriteText writes the status as taizhang status shows it: the round,
// the units by state, the ledger's state and what is left to do.
func (st *Status) WriteText(w io.Writer) {
	fmt.Fprintf(w, "%s%s报送情况（%s）\n", strings.TrimPrefix(st.Organisation+" ", " "), st.PeriodLabel, period.ChineseDay(st.Today))
	if st.Due == "" {
		fmt.Fprintln(w, "报送截止：未设定")
	} else {
		fmt.Fprintf(w, "报送截止：%s，%s\n", period.ChineseDay(st.Due), period.DaysLeft(st.DaysLeft))
	}
	if st.TaskList == "" {
		fmt.Fprintln(w, "任务分解表：尚未生成")
	} else {
		fmt.Fprintf(w, "任务分解表：任务和目标 %d 项，责任单位 %d 个；本期填报表 %d 份\n", st.Tasks, len(st.Units), st.Templates)
		fmt.Fprintf(w, "收到报送文件 %d 份：按时 %d 个单位，迟报 %d 个，未报 %d 个", st.ReturnFiles, st.Count(StateOnTime), st.Count(StateLate), st.Count(StateMissing))
		if n := st.Count(StateRejected); n > 0 {
			fmt.Fprintf(w, "，报送有误 %d 个", n)
		}
		fmt.Fprintln(w)
		if st.Templates > 0 || st.ReturnFiles > 0 {
			st.writeUnits(w)
		}
		switch {
		case !st.Ledger.Exists:
			fmt.Fprintln(w, "\n总台账：尚未汇总")
		case st.Ledger.Stale:
			fmt.Fprintf(w, "\n总台账：%s 早于收到的报送文件，请运行 taizhang merge\n", workspace.Rel(st.Workspace, st.Ledger.Path))
		default:
			fmt.Fprintf(w, "\n总台账：%s 已是最新\n", workspace.Rel(st.Workspace, st.Ledger.Path))
		}
	}
	fmt.Fprintln(w, "\n下一步：")
	for i, n := range st.Next {
		fmt.Fprintf(w, "  %d. %s\n", i+1, n)
	}
}

func (st *Status) writeUnits(w io.Writer) {
	width := 0
	for _, u := range st.Units {
		width = max(width, cells.DisplayWidth(u.Unit))
	}
	reported, missing, rejected := st.Grouped()
	if len(reported) > 0 {
		fmt.Fprintf(w, "\n已报送（%d）：\n", len(reported))
		for _, u := range reported {
			fmt.Fprintf(w, "  %s  %s  %s  %s\n", cells.PadRight(u.Unit, width), cells.PadRight(period.ChineseDay(u.Date), 14), u.State, filepath.Base(u.File))
		}
	}
	if len(missing) > 0 {
		var names []string
		for _, u := range missing {
			names = append(names, u.Unit)
		}
		fmt.Fprintf(w, "\n未报送（%d）：%s\n", len(missing), strings.Join(names, "、"))
	}
	if len(rejected) > 0 || len(st.Rejected) > 0 {
		fmt.Fprintf(w, "\n不能使用的报送文件（%d）：\n", len(st.Rejected))
		for _, r := range st.Rejected {
			who := ""
			if r.Unit != "" {
				who = "（" + r.Unit + "）"
			}
			fmt.Fprintf(w, "  %s%s：%s\n", filepath.Base(r.File), who, r.Problem)
		}
	}
}
