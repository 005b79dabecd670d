// Package bulletin writes the office's reports as official documents: the
// progress bulletin (督查通报) of a period from its master ledger, and the
// year-end assessment report (年度考核报告) from the year's ledgers. It
// decides what to say; package gongwen sets it on the page.
package bulletin

import (
	"fmt"
	"time"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/report/gongwen"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Options are what a report needs besides its data.
type Options struct {
	Title  string    // the report's title; "" = a title made from the period
	Office string    // the issuing office (发文机关署名); "" = none
	Date   time.Time // 成文日期; zero = the ledger's merge date (see date)
	Fonts  *typeface.Set
	Rules  score.Rules
	Order  []string // the office's display order of units, for ties
	// Previous is the previous period's ledger, for the ranking's moves
	// (较上期) in a progress bulletin; nil for none.
	Previous *ledger.Ledger
	// Masthead sets the red header (督查通报, the issue, the office and
	// the date) above the title; off for paper with a printed one.
	Masthead bool
	// Wording is the office's fixed text; nil for DefaultWording.
	Wording *Wording
}

// wording is the fixed text the report uses.
func (o Options) wording() Wording {
	if o.Wording != nil {
		return *o.Wording
	}
	return DefaultWording
}

// issue is a period's number in its year, for the masthead: 第4期 for
// the fourth quarter or April; "" for a whole year.
func issue(l *ledger.Ledger) string {
	p, err := period.Parse(l.Period)
	if err != nil || p.Kind == period.Year || p.Index == 0 {
		return ""
	}
	return fmt.Sprintf("%d年第%d期", p.Year, p.Index)
}

// Report is a laid-out report ready to write.
type Report struct {
	Doc  *gongwen.Doc
	Info gongwen.Info
}

// date is the report's date: the option, else the ledger's generation day,
// else its period end.
func (o Options) date(l *ledger.Ledger) time.Time {
	if !o.Date.IsZero() {
		return o.Date
	}
	if t, err := time.Parse(time.RFC3339, l.Generated); err == nil {
		return t
	}
	t, _ := time.Parse("2006-01-02", l.PeriodEnd)
	return t
}

// docs lists the ledger's documents in order: their IDs and short names.
func docs(l *ledger.Ledger) (ids []string, names map[string]string) {
	names = map[string]string{}
	for _, r := range l.Rows {
		if _, ok := names[r.DocID]; !ok {
			ids = append(ids, r.DocID)
			names[r.DocID] = docName(r.DocTitle)
		}
	}
	return ids, names
}

// docList names the documents: 《A》《B》等5个文件.
func docList(l *ledger.Ledger) string {
	ids, names := docs(l)
	switch len(ids) {
	case 0:
		return "有关文件"
	case 1, 2, 3:
		s := ""
		for _, id := range ids {
			s += names[id]
		}
		return s
	}
	return fmt.Sprintf("%s%s等%d个文件", names[ids[0]], names[ids[1]], len(ids))
}

func progressTitle(l *ledger.Ledger) string {
	ids, names := docs(l)
	if len(ids) == 1 {
		return "关于" + names[ids[0]] + l.PeriodLabel + "落实情况的通报"
	}
	return "关于" + l.PeriodLabel + "重点工作任务推进情况的通报"
}
