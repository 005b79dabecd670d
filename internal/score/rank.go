package score

import (
	"cmp"
	"slices"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/scoring"
)

// rank groups the units and ranks each group on its own (issue 13: units
// are compared only with comparable ones). A unit's group is its category
// (categoryOf); a unit of an unranked category, or one that leads no task
// at the end, is NotRanked: listed after every ranked group, with rank 0.
// Groups come in the categories' order. Within a group the order is total:
//
//  1. higher Score (as rounded to 2 decimals);
//  2. higher completion rate of led tasks (Done/Led);
//  3. fewer overdue led tasks;
//  4. fewer periods without a return, then fewer late returns;
//  5. earlier in the office's display order (units it omits come after);
//  6. the unit's name in Unicode order.
//
// Units equal on 1–4 share a rank number (并列, Tied) in the usual
// competition style: 1, 2, 2, 4. Steps 5 and 6 only decide the order in
// which tied units are listed.
func rank(units []*UnitScore, cats []scoring.Category, order []string) {
	at := OrderIndex(order)
	group := map[*UnitScore]int{}
	for _, u := range units {
		g := categoryOf(cats, u.Unit)
		if g < 0 || cats[g].Unranked || u.Led == 0 {
			u.Group, group[u] = NotRanked, len(cats)
			continue
		}
		u.Group, group[u] = cats[g].Name, g
	}
	slices.SortFunc(units, func(a, b *UnitScore) int {
		if c := cmp.Compare(group[a], group[b]); c != 0 {
			return c
		}
		if group[a] < len(cats) {
			if c := merit(a, b); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(at(a.Unit), at(b.Unit)); c != 0 {
			return c
		}
		return strings.Compare(a.Unit, b.Unit)
	})
	for i, u := range units {
		u.Rank, u.Tied = 0, false
		if u.Group == NotRanked {
			continue
		}
		u.Rank = 1
		if i > 0 && units[i-1].Group == u.Group {
			u.Rank = i + 1 - firstOf(units, i)
			if merit(units[i-1], u) == 0 {
				u.Rank = units[i-1].Rank
				u.Tied, units[i-1].Tied = true, true
			}
		}
	}
}

// firstOf is the index of the first unit of units[i]'s group.
func firstOf(units []*UnitScore, i int) int {
	for i > 0 && units[i-1].Group == units[i].Group {
		i--
	}
	return i
}

// OrderIndex gives a unit's place in the office's display order (its first
// place when listed twice); units not in order come after all that are.
func OrderIndex(order []string) func(unit string) int {
	pos := make(map[string]int, len(order))
	for i, name := range order {
		if _, ok := pos[name]; !ok {
			pos[name] = i
		}
	}
	return func(unit string) int {
		if i, ok := pos[unit]; ok {
			return i
		}
		return len(order)
	}
}

// merit compares two units on the ranking's merits (steps 1–4): negative
// when a ranks above b.
func merit(a, b *UnitScore) int {
	if c := cmp.Compare(b.Score, a.Score); c != 0 {
		return c
	}
	// Done/Led compared exactly: a.Done/a.Led > b.Done/b.Led.
	an, ad := a.Done, max(a.Led, 1)
	bn, bd := b.Done, max(b.Led, 1)
	if a.Led == 0 {
		an = 0
	}
	if b.Led == 0 {
		bn = 0
	}
	if c := cmp.Compare(bn*ad, an*bd); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Overdue, b.Overdue); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Missing, b.Missing); c != 0 {
		return c
	}
	return cmp.Compare(a.Late, b.Late)
}
