package score

import (
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// Track is one task followed through the assessed periods.
type Track struct {
	TaskID string
	Rows   []*ledger.Row // one per ledger, nil where the task is absent
}

// Tracks follows every task through the ledgers, in document order: the
// last ledger's order, with a task that left the list earlier placed after
// the task it followed when it was last listed.
func Tracks(ledgers []*ledger.Ledger) []*Track {
	var ids []string
	byID := map[string]*Track{}
	for i := len(ledgers) - 1; i >= 0; i-- {
		prev := ""
		for _, r := range ledgers[i].Rows {
			t := byID[r.TaskID]
			if t == nil {
				t = &Track{TaskID: r.TaskID, Rows: make([]*ledger.Row, len(ledgers))}
				byID[r.TaskID] = t
				ids = insertAfter(ids, prev, r.TaskID)
			}
			if t.Rows[i] == nil {
				t.Rows[i] = r
			}
			prev = r.TaskID
		}
	}
	tracks := make([]*Track, len(ids))
	for i, id := range ids {
		tracks[i] = byID[id]
	}
	return tracks
}

func insertAfter(ids []string, after, id string) []string {
	if after == "" {
		return append([]string{id}, ids...)
	}
	if ids[len(ids)-1] == after {
		return append(ids, id)
	}
	for i, x := range ids {
		if x == after {
			ids = append(ids[:i+1], append([]string{id}, ids[i+1:]...)...)
			break
		}
	}
	return ids
}

// Last is the index of the last ledger that lists the task, −1 for none.
func (t *Track) Last() int {
	for i := len(t.Rows) - 1; i >= 0; i-- {
		if t.Rows[i] != nil {
			return i
		}
	}
	return -1
}

// Final is the status the task ends with and, when that is 已完成, the
// index of the ledger since which it has been finished (−1 otherwise).
//
// A finished task stays finished: when its lead unit sent nothing for it
// at the end (a grey row, often a done task left blank in later returns),
// a 已完成 reported in an earlier period still stands. Periods without a
// report do not interrupt a run of 已完成 either, so done in Q1, blank in
// Q2 and done in Q3 counts as done since Q1.
func (t *Track) Final() (fillin.Status, int) {
	last := t.Last()
	if last < 0 {
		return "", -1
	}
	j := last
	for j > 0 && unreported(t.Rows[j]) && t.Rows[j-1] != nil {
		j--
	}
	if t.Rows[j].Effective() != fillin.StatusDone {
		return t.Rows[last].Effective(), -1
	}
	since := j
	for i := j - 1; i >= 0 && t.Rows[i] != nil; i-- {
		switch r := t.Rows[i]; {
		case r.Effective() == fillin.StatusDone:
			since = i
		case unreported(r):
		default:
			return fillin.StatusDone, since
		}
	}
	return fillin.StatusDone, since
}

// unreported reports whether the office knows nothing of the task this
// period: no report from its lead and no 核定状态.
func unreported(r *ledger.Row) bool { return !r.Reported && r.Override == "" }

const day = "2006-01-02"

// periodEnd is the ledger's last day as YYYY-MM-DD.
func periodEnd(l *ledger.Ledger) string {
	if l.PeriodEnd != "" {
		return l.PeriodEnd
	}
	if p, err := period.Parse(l.Period); err == nil {
		return p.End().Format(day)
	}
	return ""
}

// periodStart is the ledger's first day as YYYY-MM-DD.
func periodStart(l *ledger.Ledger) string {
	if p, err := period.Parse(l.Period); err == nil {
		return p.Start().Format(day)
	}
	if end, err := time.Parse(day, l.PeriodEnd); err == nil {
		return end.AddDate(0, 0, 1-end.Day()).Format(day) // at least its last month
	}
	return ""
}

// keyPeriod says which key report a period is: 半年 for one ending in
// June, 年度 for one ending in December, "" for others.
func keyPeriod(l *ledger.Ledger) string {
	end := periodEnd(l)
	if len(end) < 7 {
		return ""
	}
	switch end[5:7] {
	case "06":
		return "半年"
	case "12":
		return "年度"
	}
	return ""
}

func periodLabel(l *ledger.Ledger) string {
	if l.PeriodLabel != "" {
		return l.PeriodLabel
	}
	return l.Period
}
