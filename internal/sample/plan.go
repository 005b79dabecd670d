package sample

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
)

// Reporting habits, in the year: a unit keeps its habit in every period of
// a round over the same units and seed.
const (
	HabitNever    = "全年未报" // never sends anything: one small unit (from five units up)
	HabitMissOnce = "漏报一期" // misses one quarter: 2.5% of units, small ones
	HabitLate     = "经常迟报" // late in three or four quarters of four: 7% of units (one from five units up)
)

// Shares of a period's round.
const (
	shareMissOnce  = 0.025
	shareHabitLate = 0.07
	// shareLate is the share of units late in a period: the habitually
	// late ones, topped up with others drawn for the period.
	shareLate  = 0.15
	shareMessy = 0.35
	// minMix is the number of workbooks from which every kind of return
	// occurs at least once.
	minMix = 5
)

// Job is one unit's part of a period's round: everything it sends back,
// decided before anything is written.
type Job struct {
	Book    *Book
	Plan    Plan
	courses []course
	Entries []Entry // the rows as the unit means them
	edits   []edit  // its messy typing
	at      []int   // the row of each edit; -1 for the 填报日期
	Header  Header
	draft   time.Time // 填报日期 of the draft when it sends twice
	seed    int64
}

// PlanRound decides a period's round for books, whose period and deadline
// are set: what each unit reports on each row, who is late, missing, messy,
// sends twice or renames, and the dates. The rows depend only on the seed,
// the unit, the task and the period; the mix depends on the seed, the
// period and the set of units (not their order), so a unit keeps its habit
// in every period of a year.
func PlanRound(books []*Book, seed int64) []*Job {
	jobs := make([]*Job, len(books))
	for i, b := range books {
		jobs[i] = &Job{Book: b, seed: seed, Plan: Plan{Book: b.Path, Unit: b.Unit, Trend: Trend(b.Unit, seed)}}
		jobs[i].planRows()
	}
	if len(jobs) == 0 {
		return jobs
	}
	order := unitOrder(books, seed)
	assignHabits(jobs, books, order, seed)
	r := stream(seed, "round", books[0].Period.Key())
	n := len(jobs)
	// Late: the habitually late units but in their good quarter, topped up
	// with units drawn for this period.
	want := int(math.Round(shareLate * float64(n)))
	if n >= minMix {
		want = max(want, 1)
	}
	var late, others []int
	for _, i := range order {
		j := jobs[i]
		switch {
		case j.Plan.Missing:
		case j.Plan.Habit == HabitLate && j.habitLate():
			late = append(late, i)
		case j.Plan.Habit != HabitLate:
			others = append(others, i)
		}
	}
	r.Shuffle(len(others), func(a, b int) { others[a], others[b] = others[b], others[a] })
	extra := min(max(want-len(late), 0), len(others))
	late = append(late, others[:extra]...)
	for _, i := range late {
		jobs[i].Plan.Late = true
	}
	var onTime, returned []int
	for _, i := range order {
		if !jobs[i].Plan.Missing {
			returned = append(returned, i)
			if !jobs[i].Plan.Late {
				onTime = append(onTime, i)
			}
		}
	}
	// The unit that sends twice is an on-time one if any, and a big one
	// if any, that sent a draft before all its co-units' input was in; the
	// one that renames is another.
	r.Shuffle(len(onTime), func(a, b int) { onTime[a], onTime[b] = onTime[b], onTime[a] })
	big := medianRows(books)
	slices.SortStableFunc(onTime, func(a, b int) int {
		return cmpBool(len(books[a].Rows) <= big, len(books[b].Rows) <= big)
	})
	special := slices.Concat(onTime, late)
	if len(special) > 0 {
		jobs[special[0]].Plan.Twice = true
	}
	if len(special) > 1 {
		jobs[special[1]].Plan.Renamed = true
	}
	dealEdits(jobs, returned, n, r)
	for _, j := range jobs {
		j.Plan.Messy = len(j.edits) > 0
		j.planDates()
	}
	return jobs
}

// planRows works out what the unit reports on each of its rows.
func (j *Job) planRows() {
	b := j.Book
	m, year := month(b.Period), b.Period.End().Year()
	j.courses = make([]course, len(b.Rows))
	j.Entries = make([]Entry, len(b.Rows))
	for i, t := range b.Rows {
		c := courseOf(j.seed, b.Unit, j.Plan.Trend, t, year)
		s, pct := c.at(m)
		j.courses[i] = c
		j.Entries[i] = genRow(stream(j.seed, "row", b.Unit, t.ID, b.Period.Key()), t, &c, s, pct)
	}
}

// unitOrder is the books in an order drawn from the seed and their units
// alone, so that the habits do not depend on the order of the books.
func unitOrder(books []*Book, seed int64) []int {
	keys := make([]uint64, len(books))
	for i, b := range books {
		keys[i] = stream(seed, "order", b.Unit).Uint64()
	}
	order := make([]int, len(books))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(books[a].Unit, books[b].Unit), cmp.Compare(books[a].Path, books[b].Path))
	})
	return order
}

// assignHabits gives units their habits for the year and marks the missing
// ones of this period. The units that stay silent are small ones, as in
// practice the big lead units rarely miss a round: books with more rows
// than the median move to the back of the draw.
func assignHabits(jobs []*Job, books []*Book, order []int, seed int64) {
	n := len(jobs)
	m := medianRows(books)
	small := slices.Clone(order)
	slices.SortStableFunc(small, func(a, b int) int { return cmpBool(len(books[a].Rows) > m, len(books[b].Rows) > m) })
	nNever, nLate := 0, int(math.Round(shareHabitLate*float64(n)))
	if n >= minMix {
		nNever, nLate = 1, max(nLate, 1)
	}
	nMiss := int(math.Round(shareMissOnce * float64(n)))
	for k, i := range small[:min(nNever+nMiss, n)] {
		jobs[i].Plan.Habit = HabitMissOnce
		if k < nNever {
			jobs[i].Plan.Habit = HabitNever
		}
	}
	for _, i := range order {
		if nLate == 0 {
			break
		}
		if jobs[i].Plan.Habit == "" {
			jobs[i].Plan.Habit = HabitLate
			nLate--
		}
	}
	for _, j := range jobs {
		switch j.Plan.Habit {
		case HabitNever:
			j.Plan.Missing = true
		case HabitMissOnce:
			j.Plan.Missing = j.quarter() == 1+stream(seed, "miss", j.Book.Unit).IntN(4)
		}
	}
}

// medianRows is the median number of rows of books (there is at least one).
func medianRows(books []*Book) int {
	sizes := make([]int, len(books))
	for i, b := range books {
		sizes[i] = len(b.Rows)
	}
	slices.Sort(sizes)
	return sizes[len(sizes)/2]
}

// quarter is the quarter the job's period ends in.
func (j *Job) quarter() int { return (month(j.Book.Period) + 2) / 3 }

// habitLate reports whether a habitually late unit is late this period:
// half of them are on time in one quarter of the year.
func (j *Job) habitLate() bool {
	r := stream(j.seed, "late", j.Book.Unit)
	good := 0
	if r.IntN(2) == 0 {
		good = 1 + r.IntN(4)
	}
	return j.quarter() != good
}

// dealEdits picks the messy returns among the returned ones and which
// kinds of messy typing each has, on which row: dealt from a shuffled deck
// so that every kind occurs once there are enough.
func dealEdits(jobs []*Job, returned []int, n int, r *rand.Rand) {
	if len(returned) == 0 {
		return
	}
	nMessy := int(math.Round(shareMessy * float64(len(returned))))
	if n >= minMix {
		nMessy = max(nMessy, 1)
	}
	messy := slices.Clone(returned)
	r.Shuffle(len(messy), func(i, j int) { messy[i], messy[j] = messy[j], messy[i] })
	messy = messy[:nMessy]
	per := 0
	if nMessy > 0 {
		per = min(max(2, (int(numEdits)+nMessy-1)/nMessy), 5)
	}
	var deck []edit
	refill := func() {
		for _, k := range r.Perm(int(numEdits)) {
			deck = append(deck, edit(k))
		}
	}
	for _, i := range messy {
		j := jobs[i]
		want := per + r.IntN(2)
	deal:
		for len(j.edits) < want {
			for range 2 {
				if len(deck) == 0 {
					refill()
				}
				for d, k := range deck {
					if slices.Contains(j.edits, k) || !j.take(k, r) {
						continue
					}
					deck = slices.Delete(deck, d, d+1)
					continue deal
				}
				refill()
			}
			break // nothing more applies to this workbook
		}
	}
	// A kind no messy workbook could take goes to another returned
	// workbook that can, if any.
	for k := range numEdits {
		if slices.ContainsFunc(returned, func(i int) bool { return slices.Contains(jobs[i].edits, k) }) {
			continue
		}
		for _, i := range slices.Concat(messy, returned) {
			if !slices.Contains(jobs[i].edits, k) && jobs[i].take(k, r) {
				break
			}
		}
	}
}

// take adds edit k to the job on a free row it fits, if there is one.
func (j *Job) take(k edit, r *rand.Rand) bool {
	if !k.rowEdit() {
		j.edits, j.at = append(j.edits, k), append(j.at, -1)
		return true
	}
	// Among the free rows k fits, the ones fewest other kinds fit, so that
	// rows only a fussy kind (基本完成 wants a row nearly done) can take stay
	// free for it.
	var fit []int
	least := int(numEdits) + 1
	for i, t := range j.Book.Rows {
		if slices.Contains(j.at, i) || !k.fits(t, j.Entries[i].state, j.Entries[i].pct) {
			continue
		}
		// 已完成 typed below 100 is likelier the period a task is finished
		// than after it had been reported done at 100.
		score := 0
		if k == editDoneLow && !j.newlyDone(i) {
			score = int(numEdits)
		}
		for o := range numEdits {
			if o != k && o.fits(t, j.Entries[i].state, j.Entries[i].pct) {
				score++
			}
		}
		switch {
		case score < least:
			fit, least = append(fit[:0], i), score
		case score == least:
			fit = append(fit, i)
		}
	}
	if len(fit) == 0 {
		return false
	}
	j.edits, j.at = append(j.edits, k), append(j.at, fit[r.IntN(len(fit))])
	return true
}

// newlyDone reports whether row i is done this period and was not at the
// end of the period before (in the same year).
func (j *Job) newlyDone(i int) bool {
	if j.Entries[i].state != stDone {
		return false
	}
	prev := month(j.Book.Period) - monthsOf(j.Book.Period)
	if prev < 1 {
		return true
	}
	s, _ := j.courses[i].at(prev)
	return s != stDone
}

// monthsOf is the length of p in months.
func monthsOf(p period.Period) int {
	switch p.Kind {
	case period.Month:
		return 1
	case period.Quarter:
		return 3
	case period.Half:
		return 6
	}
	return 12
}

// planDates chooses the header of the unit's return: the people, the same
// all year, and the 填报日期 of this period (and of the draft).
func (j *Job) planDates() {
	b := j.Book
	people := stream(j.seed, "people", b.Unit)
	j.Header = Header{Filler: personName(people), Phone: phone(people), Reviewer: personName(people)}
	r := stream(j.seed, "date", b.Unit, b.Period.Key())
	y, m, d := b.Due.Date()
	due := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	switch {
	case j.Plan.Late && j.Plan.Habit == HabitLate:
		j.Header.Date = due.AddDate(0, 0, 1+r.IntN(10))
	case j.Plan.Late:
		j.Header.Date = due.AddDate(0, 0, 1+r.IntN(7))
	case j.Plan.Twice:
		j.Header.Date = due.AddDate(0, 0, -r.IntN(3))
	default:
		j.Header.Date = due.AddDate(0, 0, -r.IntN(6))
	}
	if j.Plan.Twice {
		j.draft = j.Header.Date.AddDate(0, 0, -2-r.IntN(3))
	}
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
