package sample

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Returns is what checking the returns FillReturns would write for the
// workbooks fillin issues from set for period p gives, made in memory for
// tests and benchmarks: one Return per unit of fillin.Assign(set) that
// sends something back, in that order. A unit that sends twice is
// represented by its corrected return. Each has the unit's header (the
// 填报日期 after the deadline for a late unit) and an Entry for each of its
// rows, lead and co-operating, with the status, percent and texts
// FillReturns writes — as the unit means them: the messy typing FillReturns
// adds is left out, and so are Findings. File is the name the return is
// sent under.
//
// opts.Period is not used; the deadline is opts.Due, else five days after
// the end of p. Units, tasks and seed being the same, the Returns of a unit
// match what FillReturns writes for it.
func Returns(set *task.Set, p period.Period, opts Options) []*fillin.Return {
	due := opts.Due
	if due.IsZero() {
		due = p.End().AddDate(0, 0, 5)
	}
	jobs := planRound(setBooks(set, p, due), opts.Seed)
	names, err := returnNames(jobs)
	if err != nil {
		panic(err) // setBooks names every book apart
	}
	var out []*fillin.Return
	for i, j := range jobs {
		if j.plan.Missing {
			continue
		}
		out = append(out, j.memReturn(names[i][len(names[i])-1]))
	}
	return out
}

// Year is Returns for each of periods, each with its own deadline five
// days after the period ends (opts.Due is not used).
func Year(set *task.Set, periods []period.Period, opts Options) [][]*fillin.Return {
	out := make([][]*fillin.Return, len(periods))
	for i, p := range periods {
		o := opts
		o.Due = time.Time{}
		out[i] = Returns(set, p, o)
	}
	return out
}

// memReturn is the job's return as a checked one.
func (j *job) memReturn(file string) *fillin.Return {
	b := j.b
	r := &fillin.Return{
		File: file, Unit: b.unit, Period: b.period.Key(), Version: fillin.Version,
		Header: fillin.Header{
			Filler: j.head.filler, Phone: j.head.phone, Reviewer: j.head.reviewer,
			Date: j.head.date.Format(time.DateOnly),
		},
		Entries:  make([]fillin.Entry, len(b.rows)),
		Findings: []fillin.Finding{},
	}
	for i, t := range b.rows {
		r.Entries[i] = memEntry(t, &j.es[i])
	}
	return r
}

// memEntry is row t filled in as e, the way fillin.Check reads it.
func memEntry(t taskRow, e *entry) fillin.Entry {
	str := func(c int) string {
		v := e.at(c)
		if v.num {
			return formatNum(v.f)
		}
		return strings.TrimSpace(v.s)
	}
	en := fillin.Entry{
		TaskID: t.id, Label: t.label, Role: fillin.Role(t.role), Row: t.row,
		Progress: str(colProgress), StatusRaw: str(colStatus), Current: str(colCurrent),
		Problems: str(colProblems), NextSteps: str(colNext), Evidence: str(colEvidence), Remark: str(colRemark),
	}
	en.Status = fillin.Status(en.StatusRaw)
	if v := e.at(colPercent); v.num {
		en.Percent = &v.f
	}
	if v := e.at(colCurrent); v.num {
		en.CurrentValue = &v.f
	} else if nums := numberRe.FindAllString(v.s, -1); len(nums) == 1 {
		// A list of values is kept as text; a lone value is read.
		x, _ := strconv.ParseFloat(nums[0], 64)
		en.CurrentValue = &x
	}
	return en
}

var numberRe = regexp.MustCompile(`-?\d+(?:\.\d+)?`)

// setBooks are the workbooks fillin.WriteAll issues from set for p, as
// readBook would read them, without writing any: each unit's rows carry the
// locked cells the generator looks at. They are named by fillin.FileName,
// with a number added should two units' names fold together.
func setBooks(set *task.Set, p period.Period, due time.Time) []*issuedBook {
	units, _ := fillin.Assign(set)
	books := make([]*issuedBook, len(units))
	taken := map[string]bool{}
	for i, a := range units {
		name := fillin.FileName(a.Unit, p)
		for k := 2; taken[strings.ToLower(name)]; k++ {
			name = strings.TrimSuffix(fillin.FileName(a.Unit, p), ".xlsx") + fmt.Sprintf("_%d.xlsx", k)
		}
		taken[strings.ToLower(name)] = true
		b := &issuedBook{path: name, unit: a.Unit, period: p, due: due, rows: make([]taskRow, len(a.Items))}
		for k, it := range a.Items {
			t := it.Task
			v := fillin.LockedCells(it, a.Unit)
			row := taskRow{
				row: rowFirst + k, id: t.ID, label: cmp.Or(t.Label(), t.ID), content: v[1],
				role: string(it.Role), others: v[3], deadline: v[4],
			}
			for _, g := range t.Targets {
				if s := strings.TrimSpace(g.Text); s != "" {
					row.targets = append(row.targets, s)
				}
			}
			b.rows[k] = row
		}
		books[i] = b
	}
	return books
}
