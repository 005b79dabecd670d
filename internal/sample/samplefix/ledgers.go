package samplefix

import (
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Ledgers merges, period by period, the returns Returns makes for set:
// the master ledgers of a reporting year in memory, each compared with the
// one before, with the default light rules and returns due five days after
// each period ends.
func Ledgers(set *task.Set, periods []period.Period, opts sample.Options) []*ledger.Ledger {
	var ls []*ledger.Ledger
	for _, p := range periods {
		due := p.End().AddDate(0, 0, 5)
		o := opts
		o.Due = due
		var in []ledger.Received
		for _, r := range Returns(set, p, o) {
			in = append(in, ledger.Received{Return: r})
		}
		var prev *ledger.Ledger
		if len(ls) > 0 {
			prev = ls[len(ls)-1]
		}
		ls = append(ls, ledger.Merge(ledger.Input{Tasks: set, Period: p, Due: due, Rules: ledger.DefaultRules, Returns: in, Previous: prev, Now: due}))
	}
	return ls
}

// MonthlyYear is a year of monthly ledgers of 2024 (months of them, from
// January) merged from the returns for Synthetic(units, tasks/units);
// names is the units in order of first appearance.
func MonthlyYear(months, tasks, units int, seed int64) (ls []*ledger.Ledger, names []string) {
	var ps []period.Period
	for m := 1; m <= months; m++ {
		ps = append(ps, period.Period{Kind: period.Month, Year: 2024, Index: m})
	}
	ls = Ledgers(Synthetic(units, tasks/units), ps, sample.Options{Seed: seed})
	if len(ls) > 0 {
		for _, u := range ls[0].Units {
			names = append(names, u.Unit)
		}
	}
	return ls, names
}
