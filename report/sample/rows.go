package sample

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/report/period"
)

// val is one cell as typed: nothing, text or a number.
type val struct {
	s   string
	f   float64
	num bool
	set bool
}

func text(s string) val {
	return val{s: s, set: s != ""}
}

func number(f float64) val { return val{f: f, num: true, set: true} }

// state is how a task is going.
type state int

const (
	stDone state = iota
	stOnTrack
	stBehind
	stNotStarted
	stOngoing
)

var statusOf = [...]string{stDone: "已完成", stOnTrack: "按序时推进", stBehind: "滞后", stNotStarted: "未启动", stOngoing: "持续推进"}

// entry is the input cells of one task row, G to N.
type entry struct {
	state state
	pct   int
	cells [8]val // indexed by column - colProgress
}

func (e *entry) at(c int) *val { return &e.cells[c-colProgress] }

// schedule is the share of the year gone at the end of p, in percent: the
// 序时进度 of an annual task.
func schedule(p period.Period) int {
	if p.IsZero() || p.Kind == period.Year {
		return 100
	}
	return int(p.End().Month()) * 100 / 12
}

// pickState chooses how a task is going: later in the year more tasks are
// done.
func pickState(r *rand.Rand, t taskRow, sched int) state {
	if ongoing(t.deadline) && r.IntN(100) < 85 {
		return stOngoing
	}
	x := r.Float64()
	done := 0.10 + 0.25*float64(sched)/100
	switch {
	case x < done:
		return stDone
	case x < done+0.12:
		return stBehind
	case x < done+0.16:
		return stNotStarted
	}
	return stOnTrack
}

// progressRange is where an on-track task's progress lies: around the
// schedule, mostly 40–99.
func progressRange(sched int) (lo, hi int) {
	lo = min(max(sched-20, 40), 90)
	hi = min(max(sched+10, lo+10), 99)
	return lo, hi
}

// roundish is a progress people would type: mostly a multiple of 5.
func roundish(r *rand.Rand, lo, hi int) int {
	if r.IntN(5) == 0 {
		return lo + r.IntN(hi-lo+1)
	}
	steps := (hi - lo) / 5
	return min(lo+5*r.IntN(steps+1), hi)
}

// genRow fills in one task row in state s.
func genRow(r *rand.Rand, t taskRow, s state, sched int) entry {
	e := entry{state: s}
	lo, hi := progressRange(sched)
	switch s {
	case stDone:
		e.pct = 100
	case stOnTrack:
		e.pct = roundish(r, lo, hi)
	case stBehind:
		e.pct = roundish(r, 20, max(25, lo-15))
	case stNotStarted:
		e.pct = 0
	case stOngoing:
		e.pct = roundish(r, lo, min(hi+1, 100))
	}
	title, a := shortTitle(t.content), act(r)
	var tmpl string
	switch s {
	case stDone:
		tmpl = pick(r, progressDone)
	case stOnTrack:
		tmpl = pick(r, progressOnTrack)
	case stBehind:
		tmpl = pick(r, progressBehind)
	case stNotStarted:
		tmpl = pick(r, progressNotStarted)
	case stOngoing:
		tmpl = pick(r, progressOngoing)
	}
	lead := leadOf(t.others)
	if t.role == "配合" && lead != "" && s != stBehind && s != stNotStarted && r.IntN(2) == 0 {
		tmpl = pick(r, progressCo)
	}
	*e.at(colProgress) = text(expand(tmpl, title, a, e.pct, lead))
	*e.at(colPercent) = number(float64(e.pct))
	*e.at(colStatus) = text(statusOf[s])
	if s != stNotStarted {
		var cur []string
		var one *float64
		for _, line := range t.targets {
			if tg, ok := parseTarget(line); ok {
				v := near(r, tg, s == stDone)
				one = &v
				cur = append(cur, formatNum(v)+tg.unit)
			}
		}
		switch {
		case len(cur) == 1 && len(t.targets) == 1:
			*e.at(colCurrent) = number(*one)
		case len(cur) > 0:
			*e.at(colCurrent) = text(strings.Join(cur, "；"))
		}
	}
	switch s {
	case stBehind:
		*e.at(colProblems) = text(pick(r, problemsBehind))
		*e.at(colNext) = text(pick(r, nextBehind))
	case stNotStarted:
		*e.at(colProblems) = text(pick(r, problemsNotStarted))
		*e.at(colNext) = text(pick(r, nextNotStarted))
	case stDone:
		*e.at(colNext) = text(pick(r, nextDone))
	case stOngoing:
		*e.at(colNext) = text(pick(r, nextOngoing))
	default:
		if r.IntN(6) == 0 {
			*e.at(colProblems) = text("无")
		}
		*e.at(colNext) = text(pick(r, nextOnTrack))
	}
	if s != stNotStarted {
		*e.at(colEvidence) = text(pick(r, evidence))
	}
	if r.IntN(10) == 0 {
		*e.at(colRemark) = text(pick(r, remarks))
	}
	return e
}

// edit is one kind of messy typing.
type edit int

const (
	editCurrentText     edit = iota // 指标当前值 with words: 约1050家
	editPctText                     // 累计进度 typed as text: 80%
	editPctFullWidth                // full-width digits: ８０
	editPctFraction                 // a fraction: 0.6
	editStatusDone                  // 完成
	editStatusBasic                 // 基本完成
	editStatusNormal                // 正常推进
	editSpaces                      // trailing spaces
	editEmptyRequired               // a required cell left empty
	editBehindNoProblem             // 滞后 without 存在问题
	editDoneLow                     // 已完成 with 进度 < 100
	editDateText                    // 填报日期 typed as text
	numEdits
)

func (k edit) rowEdit() bool { return k != editDateText }

// applicable reports whether k can be applied to b.
func (k edit) applicable(b *issuedBook) bool {
	switch k {
	case editDateText:
		return true
	case editCurrentText:
		for _, t := range b.rows {
			if singleTarget(t) {
				return true
			}
		}
		return false
	}
	return len(b.rows) > 0
}

func singleTarget(t taskRow) bool {
	if len(t.targets) != 1 {
		return false
	}
	_, ok := parseTarget(t.targets[0])
	return ok
}

// applyEdits messes up entries with the given edits, each on its own row.
// It returns how many it applied and whether the 填报日期 is to be typed as
// text.
func applyEdits(r *rand.Rand, b *issuedBook, es []entry, edits []edit, sched int) (n int, dateAsText bool) {
	used := make([]bool, len(es))
	choose := func(ok func(i int) bool) int {
		var cand []int
		for i := range es {
			if !used[i] && ok(i) {
				cand = append(cand, i)
			}
		}
		if len(cand) == 0 {
			return -1
		}
		i := pick(r, cand)
		used[i] = true
		return i
	}
	anyRow := func(int) bool { return true }
	for _, k := range edits {
		if k == editDateText {
			dateAsText = true
			n++
			continue
		}
		ok := anyRow
		if k == editCurrentText {
			ok = func(i int) bool { return singleTarget(b.rows[i]) }
		}
		i := choose(ok)
		if i < 0 {
			continue
		}
		e, t := &es[i], b.rows[i]
		regen := func(s state) { *e = genRow(r, t, s, sched) }
		switch k {
		case editCurrentText:
			if e.state == stNotStarted {
				regen(stOnTrack)
			}
			tg, _ := parseTarget(t.targets[0])
			*e.at(colCurrent) = text(pick(r, []string{"约", "", "达"}) + formatNum(near(r, tg, e.state == stDone)) + cmp.Or(tg.unit, "个"))
		case editPctText:
			if e.state == stNotStarted {
				regen(stOnTrack)
			}
			*e.at(colPercent) = text(strconv.Itoa(e.pct) + pick(r, []string{"%", "%", "％"}))
		case editPctFullWidth:
			if e.state == stNotStarted {
				regen(stOnTrack)
			}
			*e.at(colPercent) = text(fullWidth(strconv.Itoa(e.pct)))
		case editPctFraction:
			if e.pct <= 0 || e.pct >= 100 {
				regen(stOnTrack)
			}
			*e.at(colPercent) = number(float64(e.pct) / 100)
		case editStatusDone:
			regen(stDone)
			*e.at(colStatus) = text("完成")
		case editStatusBasic:
			regen(stOnTrack)
			e.pct = 85 + 5*r.IntN(3)
			*e.at(colPercent) = number(float64(e.pct))
			*e.at(colStatus) = text("基本完成")
		case editStatusNormal:
			if e.state != stOnTrack {
				regen(stOnTrack)
			}
			*e.at(colStatus) = text("正常推进")
		case editSpaces:
			for _, c := range []int{colProgress, colStatus, colNext} {
				if v := e.at(c); v.set && !v.num {
					v.s += pick(r, []string{" ", "  ", "   "})
				}
			}
		case editEmptyRequired:
			*e.at(pick(r, []int{colProgress, colPercent, colStatus})) = val{}
		case editBehindNoProblem:
			regen(stBehind)
			*e.at(colProblems) = val{}
		case editDoneLow:
			regen(stDone)
			e.pct = 90 + r.IntN(9)
			*e.at(colPercent) = number(float64(e.pct))
		}
		n++
	}
	return n, dateAsText
}

// draftOf is an early draft of es: the last third of the rows not yet
// filled in (the co-units' input had not come in).
func draftOf(es []entry) []entry {
	d := make([]entry, len(es))
	copy(d, es)
	from := (2*len(d) + 2) / 3
	if from >= len(d) && len(d) > 0 {
		from = len(d) - 1
	}
	for i := from; i < len(d); i++ {
		d[i] = entry{}
	}
	return d
}

// dateText is a date as people type it into a text cell.
func dateText(r *rand.Rand, y, m, d int) string {
	return fmt.Sprintf(pick(r, []string{"%d.%d.%d", "%d年%d月%d日", "%d/%d/%d"}), y, m, d)
}
