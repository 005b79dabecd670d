package round

import (
	"fmt"
	"io"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
)

// WriteSummary writes what the merge did as taizhang merge prints it:
// the totals, the lights, the returns used, superseded and unusable, what
// became of the office's notes, and where the ledger (output) and the
// backup went.
func (wr *Written) WriteSummary(w io.Writer, out string) {
	l, backup, replaced := wr.Ledger, wr.Backup, wr.Replaced
	t := l.Totals
	fmt.Fprintf(w, "%s总台账：任务 %d 项，已报送 %d 项，已完成 %d 项，完成率 %.1f%%\n", l.PeriodLabel, t.Tasks, t.Reported, t.Done, t.Completion*100)
	fmt.Fprintf(w, "亮灯：绿 %d，黄 %d，红 %d，灰（未报送）%d\n", t.Lights[ledger.Green], t.Lights[ledger.Yellow], t.Lights[ledger.Red], t.Lights[ledger.Grey])
	fmt.Fprintf(w, "报送文件：采用 %d 份，被替代 %d 份，不可用 %d 份；责任单位 %d 个：按时 %d，迟报 %d，未报 %d\n",
		t.Used, t.Superseded, t.Rejected, t.Units, t.OnTime, t.Late, t.MissingN)
	if len(l.Missing) > 0 {
		fmt.Fprintf(w, "未报送单位：%s\n", JoinMax(l.Missing, 20))
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
		writeCarried(w, l)
	}
	if backup != "" {
		fmt.Fprintf(w, "原台账已备份为 %s\n", backup)
	}
	fmt.Fprintf(w, "已写入 %s（问题清单见其中“问题清单”工作表）\n", out)
}

// writeCarried says what became of the office's notes in the ledger the
// merge replaced, with the counts: none is ever dropped.
func writeCarried(w io.Writer, l *ledger.Ledger) {
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
	if msg := FirstError(fs); msg != "" {
		return "：" + msg
	}
	return ""
}
