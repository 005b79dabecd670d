package workspace

import (
	"os"
	"sort"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
)

// Due is when the returns of period p are due: the configuration's
// due_days after the period's end.
func (w *Workspace) Due(p period.Period) time.Time {
	return p.End().AddDate(0, 0, w.Config.DueDays)
}

// Periods lists the periods that have a folder in the workspace, oldest
// first (by end date, then the shorter first).
func (w *Workspace) Periods() ([]period.Period, error) {
	entries, err := os.ReadDir(w.Root)
	if err != nil {
		return nil, &Error{Path: w.Root, Msg: "无法读取工作目录：" + err.Error()}
	}
	seen := map[string]bool{}
	var out []period.Period
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		p, err := period.Parse(e.Name())
		if err != nil || seen[p.Key()] {
			continue
		}
		seen[p.Key()] = true
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return before(out[i], out[j]) })
	return out, nil
}

// before orders periods by their end, then the one that starts later (the
// shorter) first.
func before(a, b period.Period) bool {
	if !a.End().Equal(b.End()) {
		return a.End().Before(b.End())
	}
	return a.Start().After(b.Start())
}

// Current is the period the office is working on at now: the latest period
// of the configured cycle that has ended by now (its returns are being
// collected), kept within the assessment year when the configuration names
// one — unless the workspace already has a folder for a later period, which
// then is the current one.
func (w *Workspace) Current(now time.Time) period.Period {
	cur := w.inYear(previous(period.Containing(w.Config.CycleKind(), period.Today(now))))
	if ps, err := w.Periods(); err == nil && len(ps) > 0 && before(cur, ps[len(ps)-1]) {
		return ps[len(ps)-1]
	}
	return cur
}

// Opening is the period a new workspace starts with at now: the latest
// period that has ended while its returns are not yet due, else the period
// under way, whose returns come next — so an office that sets up after a
// round's due date starts with the coming round, not one long overdue.
// Kept within the assessment year like Current.
func (w *Workspace) Opening(now time.Time) period.Period {
	today := period.Today(now)
	ended := w.inYear(previous(period.Containing(w.Config.CycleKind(), today)))
	if !w.Due(ended).Before(today) {
		return ended
	}
	return w.inYear(period.Containing(w.Config.CycleKind(), today))
}

// inYear keeps p within the assessment year when the configuration names
// one: its first period before the year, its last after it.
func (w *Workspace) inYear(cur period.Period) period.Period {
	kind := cur.Kind
	if y := w.Config.Year; y != 0 {
		first := period.Containing(kind, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		last := period.Containing(kind, time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
		switch {
		case before(cur, first):
			cur = first
		case before(last, cur):
			cur = last
		}
	}
	return cur
}

// Previous is the latest period with a folder in the workspace that ends
// before p starts: the one whose ledger p is compared with.
func (w *Workspace) Previous(p period.Period) (period.Period, bool) {
	ps, err := w.Periods()
	if err != nil {
		return period.Period{}, false
	}
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].End().Before(p.Start()) {
			return ps[i], true
		}
	}
	return period.Period{}, false
}

// previous is the period of the same kind before p.
func previous(p period.Period) period.Period {
	n := map[period.Kind]int{period.Month: 12, period.Quarter: 4, period.Half: 2}[p.Kind]
	if n == 0 { // a year
		p.Year--
		return p
	}
	p.Index--
	if p.Index == 0 {
		p.Year--
		p.Index = n
	}
	return p
}

// YearLedgers lists the period ledgers of the assessment year that have
// been merged, oldest first, with the year they belong to (the
// configuration's year; when it names none, the year of the latest).
func (w *Workspace) YearLedgers() (paths []string, year int, err error) {
	periods, err := w.Periods()
	if err != nil {
		return nil, 0, err
	}
	year = w.Config.Year
	for _, p := range periods {
		if w.Config.Year != 0 && p.Start().Year() != w.Config.Year {
			continue
		}
		if l := w.LedgerPath(p); Exists(l) {
			paths = append(paths, l)
			year = p.Start().Year()
		}
	}
	return paths, year, nil
}

// PreviousLedger is the ledger of the period before p, "" when that period
// has none.
func (w *Workspace) PreviousLedger(p period.Period) string {
	if prev, ok := w.Previous(p); ok {
		if l := w.LedgerPath(prev); Exists(l) {
			return l
		}
	}
	return ""
}
