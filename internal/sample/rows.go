package sample

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/fillin"
)

// Val is one cell as typed: nothing, text or a number.
type Val struct {
	S   string
	F   float64
	Num bool
	set bool
}

func text(s string) Val {
	return Val{S: s, set: s != ""}
}

func number(f float64) Val { return Val{F: f, Num: true, set: true} }

// state is how a task is going.
type state int

const (
	stDone state = iota
	stOnTrack
	stBehind
	stNotStarted
	stOngoing
)

// statusOf is a state's status as a unit writes it; the states are in
// fillin.Statuses' order.
var statusOf = fillin.StatusNames()

// Entry is the input cells of one task row, G to N.
type Entry struct {
	state state
	pct   int
	cells [8]Val // indexed by column - colProgress
}

func (e *Entry) At(c int) *Val { return &e.cells[c-colProgress] }

// genRow writes one task row in state s at pct, as the unit types it:
// c is the task's course over the year (its persistent choices), r a
// source for this period's wording.
func genRow(r *rand.Rand, t TaskRow, c *course, s state, pct int) Entry {
	e := Entry{state: s, pct: pct}
	title, a := shortTitle(t.Content), act(r)
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
	lead := leadOf(t.Others)
	if t.Role == "配合" && lead != "" && s != stBehind && s != stNotStarted && r.IntN(2) == 0 {
		tmpl = pick(r, progressCo)
	}
	*e.At(colProgress) = text(expand(tmpl, title, a, pct, lead))
	*e.At(colPercent) = number(float64(pct))
	*e.At(colStatus) = text(statusOf[s])
	if s != stNotStarted {
		var cur []string
		var one *float64
		for _, line := range t.Targets {
			if tg, ok := parseTarget(line); ok {
				v := c.current(tg, s, pct)
				one = &v
				cur = append(cur, FormatNum(v)+tg.unit)
			}
		}
		switch {
		case len(cur) == 1 && len(t.Targets) == 1:
			*e.At(colCurrent) = number(*one)
		case len(cur) > 0:
			*e.At(colCurrent) = text(strings.Join(cur, "；"))
		}
	}
	switch s {
	case stBehind:
		// The same difficulty holds a task up from one period to the next.
		*e.At(colProblems) = text(problemsBehind[c.problem])
		*e.At(colNext) = text(pick(r, nextBehind))
	case stNotStarted:
		*e.At(colProblems) = text(pick(r, problemsNotStarted))
		*e.At(colNext) = text(pick(r, nextNotStarted))
	case stDone:
		*e.At(colNext) = text(pick(r, nextDone))
	case stOngoing:
		*e.At(colNext) = text(pick(r, nextOngoing))
	default:
		if r.IntN(6) == 0 {
			*e.At(colProblems) = text("无")
		}
		*e.At(colNext) = text(pick(r, nextOnTrack))
	}
	if s != stNotStarted {
		*e.At(colEvidence) = text(pick(r, evidence))
	}
	if r.IntN(10) == 0 {
		*e.At(colRemark) = text(pick(r, remarks))
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

// fits reports whether edit k can go on a row in state s at pct: the edits
// only retype what the unit means (已完成 as 完成, 60 as 0.6, …), so each
// needs a row that already says it.
func (k edit) fits(t TaskRow, s state, pct int) bool {
	switch k {
	case editCurrentText:
		return singleTarget(t) && s != stNotStarted
	case editPctText, editPctFullWidth:
		return pct > 0
	case editPctFraction:
		return pct > 0 && pct < 100
	case editStatusDone, editDoneLow:
		return s == stDone
	case editStatusBasic:
		return s == stOnTrack && pct >= 80
	case editStatusNormal:
		return s == stOnTrack
	case editBehindNoProblem:
		return s == stBehind
	case editDateText:
		return false
	}
	return true
}

func singleTarget(t TaskRow) bool {
	if len(t.Targets) != 1 {
		return false
	}
	_, ok := parseTarget(t.Targets[0])
	return ok
}

// applyEdits messes up a copy of b's rows es with the given edits, edit n
// on row at[n] (-1 for the 填报日期). It returns the rows to write and
// whether the 填报日期 is to be typed as text.
func applyEdits(r *rand.Rand, b *Book, es []Entry, edits []edit, at []int) (out []Entry, dateAsText bool) {
	out = slices.Clone(es)
	for n, k := range edits {
		if k == editDateText {
			dateAsText = true
			continue
		}
		e := &out[at[n]]
		switch k {
		case editCurrentText:
			tg, _ := parseTarget(b.Rows[at[n]].Targets[0])
			v := e.At(colCurrent)
			*v = text(pick(r, []string{"约", "", "达"}) + FormatNum(v.F) + cmp.Or(tg.unit, "个"))
		case editPctText:
			*e.At(colPercent) = text(strconv.Itoa(e.pct) + pick(r, []string{"%", "%", "％"}))
		case editPctFullWidth:
			*e.At(colPercent) = text(fullWidth(strconv.Itoa(e.pct)))
		case editPctFraction:
			*e.At(colPercent) = number(float64(e.pct) / 100)
		case editStatusDone:
			*e.At(colStatus) = text("完成")
		case editStatusBasic:
			*e.At(colStatus) = text("基本完成")
		case editStatusNormal:
			*e.At(colStatus) = text("正常推进")
		case editSpaces:
			for _, c := range []int{colProgress, colStatus, colNext} {
				if v := e.At(c); v.set && !v.Num {
					v.S += pick(r, []string{" ", "  ", "   "})
				}
			}
		case editEmptyRequired:
			*e.At(pick(r, []int{colProgress, colPercent, colStatus})) = Val{}
		case editBehindNoProblem:
			*e.At(colProblems) = Val{}
		case editDoneLow:
			*e.At(colPercent) = number(float64(90 + r.IntN(9)))
		}
	}
	return out, dateAsText
}

// draftOf is an early draft of es: the last third of the rows not yet
// filled in (the co-units' input had not come in).
func draftOf(es []Entry) []Entry {
	d := make([]Entry, len(es))
	copy(d, es)
	from := (2*len(d) + 2) / 3
	if from >= len(d) && len(d) > 0 {
		from = len(d) - 1
	}
	for i := from; i < len(d); i++ {
		d[i] = Entry{}
	}
	return d
}

// dateText is a date as people type it into a text cell.
func dateText(r *rand.Rand, y, m, d int) string {
	return fmt.Sprintf(pick(r, []string{"%d.%d.%d", "%d年%d月%d日", "%d/%d/%d"}), y, m, d)
}
