package samplefix

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Returns is what checking the returns samplefix.FillReturns would write for
// the workbooks templates/form issues from set for period p gives, made in memory for
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
func Returns(set *task.Set, p period.Period, opts sample.Options) []*fillin.Return {
	due := opts.Due
	if due.IsZero() {
		due = p.End().AddDate(0, 0, 5)
	}
	jobs := sample.PlanRound(Books(set, p, due), opts.Seed)
	names, err := sample.ReturnNames(jobs)
	if err != nil {
		panic(err) // Books names every book apart
	}
	var out []*fillin.Return
	for i, j := range jobs {
		if j.Plan.Missing {
			continue
		}
		out = append(out, Return(j, names[i][len(names[i])-1]))
	}
	return out
}

// Year is Returns for each of periods, each with its own deadline five
// days after the period ends (opts.Due is not used).
func Year(set *task.Set, periods []period.Period, opts sample.Options) [][]*fillin.Return {
	out := make([][]*fillin.Return, len(periods))
	for i, p := range periods {
		o := opts
		o.Due = time.Time{}
		out[i] = Returns(set, p, o)
	}
	return out
}

// Return is j's return, sent as file, as checking it gives: the rows as
// the unit means them, without the messy typing and without findings.
func Return(j *sample.Job, file string) *fillin.Return {
	b := j.Book
	r := &fillin.Return{
		File: file, Unit: b.Unit, Period: b.Period.Key(), Version: fillin.Version,
		Header: fillin.Header{
			Filler: j.Header.Filler, Phone: j.Header.Phone, Reviewer: j.Header.Reviewer,
			Date: j.Header.Date.Format(time.DateOnly),
		},
		Entries:  make([]fillin.Entry, len(b.Rows)),
		Findings: []fillin.Finding{},
	}
	for i, t := range b.Rows {
		r.Entries[i] = entry(t, &j.Entries[i])
	}
	return r
}

// entry is row t filled in as e, the way fillin.Check reads it.
func entry(t sample.TaskRow, e *sample.Entry) fillin.Entry {
	at := func(c fillin.Col) *sample.Val { return e.At(int(c)) }
	str := func(c fillin.Col) string {
		v := at(c)
		if v.Num {
			return sample.FormatNum(v.F)
		}
		return strings.TrimSpace(v.S)
	}
	en := fillin.Entry{
		TaskID: t.ID, Label: t.Label, Role: fillin.Role(t.Role), Row: t.Row,
		Progress: str(fillin.ColProgress), StatusRaw: str(fillin.ColStatus), Current: str(fillin.ColCurrent),
		Problems: str(fillin.ColProblems), NextSteps: str(fillin.ColNext), Evidence: str(fillin.ColEvidence), Remark: str(fillin.ColRemark),
	}
	en.Status = fillin.Status(en.StatusRaw)
	if v := at(fillin.ColPercent); v.Num {
		en.Percent = &v.F
	}
	if v := at(fillin.ColCurrent); v.Num {
		en.CurrentValue = &v.F
	} else if nums := numberRe.FindAllString(v.S, -1); len(nums) == 1 {
		// A list of values is kept as text; a lone value is read.
		x, _ := strconv.ParseFloat(nums[0], 64)
		en.CurrentValue = &x
	}
	return en
}

var numberRe = regexp.MustCompile(`-?\d+(?:\.\d+)?`)

// Books are the workbooks templates/form issues from set for p, as
// sample.BooksOf knows them, without writing any, named by
// fillin.FileNames.
func Books(set *task.Set, p period.Period, due time.Time) []*sample.Book {
	units, _ := fillin.Assign(set)
	return sample.BooksOf(units, fillin.FileNames(units, p), p, due)
}
