package sample

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"

	"github.com/taizhang-dev/taizhang/internal/period"
)

// Trends: how a unit's work goes over the year.
const (
	Steady    = "稳定" // keeps the pace its tasks started with
	Improving = "改进" // its pace rises: tasks behind schedule catch up
	Slipping  = "下滑" // its pace falls: tasks fall behind schedule
)

// Shares of the trends among units.
const (
	shareImproving = 0.15
	shareSlipping  = 0.15
)

// Trend is how unit's work goes over the year under seed: Steady for about
// 70% of units, Improving and Slipping for about 15% each. It depends on
// nothing else, so a unit keeps its trend in every period and in every
// round it takes part in.
func Trend(unit string, seed int64) string {
	x := stream(seed, "trend", unit).Float64()
	switch {
	case x < shareImproving:
		return Improving
	case x < shareImproving+shareSlipping:
		return Slipping
	}
	return Steady
}

// stream is a random source keyed by the seed and parts, so that what it
// gives depends on those alone and not on what else is generated.
func stream(seed int64, parts ...string) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), key(parts...)))
}

func key(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// Paces: how a task's progress compares with 序时进度 in January.
const (
	shareAhead  = 0.20 // pace 1.10–1.45
	shareBehind = 0.20 // pace 0.50–0.85; the rest 0.93–1.07
	// shareQuick of the tasks are one-off jobs (a plan, a policy paper)
	// finished early in the year, whatever their pace.
	shareQuick = 0.20
	// sharePastDone of the tasks whose deadline fell before the year were
	// done by then.
	sharePastDone = 0.75
	// gapBehind is how far behind 序时进度, in points, a unit reports 滞后
	// (see course.behind).
	gapBehind = 15
)

// course is how one unit's part of one task goes over the year. It is
// drawn once from a stream keyed by the seed, the unit and the task — never
// the period — so every period sees the same task moving the same way:
// its progress never falls, once 已完成 it stays so, and 未启动 happens
// only before its start in the first half of the year.
type course struct {
	ongoing bool        // a standing task, reported as 持续推进
	window  int         // months from January to the deadline: 12 for annual and open-ended tasks
	start   int         // the month work starts: 1 for most, up to 8
	quick   int         // the month a one-off task is finished; 0 for none
	pace    float64     // progress relative to 序时进度 in January
	drift   float64     // change of pace from January to December: the unit's trend
	noise   [12]float64 // month-to-month wobble, in points
	exact   bool        // types the exact percent, not a multiple of 5
	problem int         // the difficulty it cites while behind (an index)
	curLo   float64     // share of a numeric target reached at 0%
	curDone float64     // share of the target reached when done, 1–1.12
}

// courseOf draws the course of t for unit, whose Trend is trend, under
// seed, in year. The draws come in a fixed order, so adding one at the end
// keeps the others.
func courseOf(seed int64, unit, trend string, t TaskRow, year int) course {
	r := stream(seed, "course", unit, t.ID)
	c := course{window: window(t.Deadline, year), start: 1}
	standing := r.IntN(100) < 85
	c.ongoing = standing && ongoing(t.Deadline)
	switch x, y := r.Float64(), r.Float64(); {
	case x < shareAhead:
		c.pace = 1.10 + 0.35*y
	case x < shareAhead+shareBehind:
		c.pace = 0.50 + 0.35*y
	default:
		c.pace = 0.93 + 0.14*y
	}
	// Most tasks are under way from January; some start in spring or at
	// the start of summer, none later.
	switch x, k := r.Float64(), r.IntN(3); {
	case x < 0.09:
		c.start = 4 + k // after the first quarter
	case x < 0.12:
		c.start = 6 + k // after the first half, or in June
	}
	if x, k := r.Float64(), r.IntN(9); x < shareQuick && !c.ongoing && c.window <= 12 {
		c.quick = min(c.start+1+k, 11)
	}
	d := r.Float64()
	switch trend {
	case Improving:
		c.drift = 0.20 + 0.30*d
	case Slipping:
		c.drift = -(0.20 + 0.25*d)
	default:
		c.drift = 0.06 * (d - 0.5)
	}
	c.exact = r.IntN(4) == 0
	c.problem = r.IntN(len(problemsBehind))
	c.curLo = 0.30 + 0.55*r.Float64()
	c.curDone = 1 + 0.12*r.Float64()
	for i := range c.noise {
		c.noise[i] = 10 * (r.Float64() - 0.5)
	}
	// Most of an older document's work whose deadline passed before the
	// year was done by then: the unit reports it 已完成 from the first
	// period. The rest is carried over, and shows overdue.
	if x := r.Float64(); x < sharePastDone && past(t.Deadline, year) {
		c.ongoing, c.start, c.quick = false, 1, 1
	}
	return c
}

// past reports whether a 完成时限 ends before year: its last year (2023年
// 至2025年 ends in 2025) is an earlier one.
func past(deadline string, year int) bool {
	last := 0
	for _, m := range deadlineYearRe.FindAllStringSubmatch(deadline, -1) {
		y, _ := strconv.Atoi(m[1])
		last = max(last, y)
	}
	return last > 0 && last < year
}

// month is how far into its year p ends: 3 for a first quarter, 12 for a
// year.
func month(p period.Period) int {
	if p.IsZero() {
		return 12
	}
	return int(p.End().Month())
}

// at is the task's state and cumulative percent at the end of month m
// (1–12). It looks at every month up to m, so it depends on m alone and
// never decreases: a later month gives at least the same percent and keeps
// 已完成.
func (c *course) at(m int) (state, int) {
	m = min(max(m, 1), 12)
	if m < c.start {
		return stNotStarted, 0
	}
	best := 0.0
	for k := c.start; k <= m; k++ {
		pace := c.pace + c.drift*float64(k-1)/11
		raw := 100*float64(k-c.start+1)/float64(c.window)*pace + c.noise[k-1]
		if !c.ongoing && (raw >= 100 || c.quick != 0 && k >= c.quick) {
			return stDone, 100
		}
		best = max(best, raw)
	}
	pct := c.typed(best)
	switch {
	case c.ongoing:
		return stOngoing, pct
	case c.behind(m, pct):
		return stBehind, pct
	}
	return stOnTrack, pct
}

// behind reports whether pct at the end of month m is so far behind
// schedule that the unit reports 滞后: by gapBehind points, or early in the
// year by under 70% of 序时进度.
func (c *course) behind(m, pct int) bool {
	sched := c.scheduled(m)
	return sched-pct >= gapBehind || 10*pct < 7*sched
}

// scheduled is the task's 序时进度 at the end of month m, in percent.
func (c *course) scheduled(m int) int {
	return min(100, 100*m/c.window)
}

// typed is a progress as the unit types it: a multiple of 5 for most,
// at least 5 once under way, below 100 until done (a standing task may
// report 100).
func (c *course) typed(x float64) int {
	hi := 99
	v := int(math.Round(x))
	if !c.exact {
		hi = 95
		v = 5 * int(math.Round(x/5))
	}
	if c.ongoing {
		hi = 100
	}
	return min(max(v, 5), hi)
}

// current is the value of a numeric target reported at pct.
func (c *course) current(t target, s state, pct int) float64 {
	f := c.curLo + (0.99-c.curLo)*float64(pct)/100
	if s == stDone {
		f = c.curDone
	}
	if t.unit == "%" {
		f = 0.9 + 0.1*f // a rate moves little
	}
	scale := math.Pow(10, float64(max(t.decimals, 0)))
	if t.decimals == 0 && t.value < 10 {
		scale = 10 // 3% → 2.9
	}
	return math.Round(t.value*f*scale) / scale
}

var (
	deadlineYearRe  = regexp.MustCompile(`(\d{4})\s*年\s*(?:(\d{1,2})\s*月)?`)
	deadlineMonthRe = regexp.MustCompile(`(\d{1,2})\s*月`)
)

// window is how many months from January of year a task with the given
// 完成时限 has: its deadline's month that year, 12 months a year for a
// deadline in a later year (at most five), and 12 for open-ended tasks and
// deadlines already past — old documents whose work the units still report
// as the year's.
func window(deadline string, year int) int {
	if ongoing(deadline) {
		return 12
	}
	if m := deadlineYearRe.FindStringSubmatch(deadline); m != nil {
		y, _ := strconv.Atoi(m[1])
		mon := 12
		if m[2] != "" {
			mon, _ = strconv.Atoi(m[2])
		}
		mon = min(max(mon, 1), 12)
		switch {
		case y < year:
			return 12
		case y == year:
			return max(mon, 2)
		}
		return 12*min(y-year, 4) + mon
	}
	if m := deadlineMonthRe.FindStringSubmatch(deadline); m != nil {
		mon, _ := strconv.Atoi(m[1])
		return min(max(mon, 2), 12)
	}
	return 12
}
