package ledger

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Received is a checked return and the file's modification time, which
// breaks ties between two returns of a unit with the same 填报日期.
type Received struct {
	Return  *fillin.Return
	ModTime time.Time
}

// Rules are the traffic-light thresholds in points behind 序时进度.
type Rules struct {
	GreenWithin  float64
	YellowWithin float64
}

// DefaultRules are the thresholds of the built-in configuration.
var DefaultRules = Rules{GreenWithin: 0, YellowWithin: 30}

// Input is everything a merge takes.
type Input struct {
	Tasks   *task.Set
	Period  period.Period
	Due     time.Time // return deadline; zero = none
	Returns []Received
	Rules   Rules
	// Earlier is the ledger the merge replaces, whose 复核意见 and 核定状态
	// are carried over; nil for none.
	Earlier *Ledger
	// Previous is the previous period's ledger, for 较上期; nil for none.
	Previous *Ledger
	Now      time.Time
}

// Merge builds the ledger of a period. It never drops what a return says:
// the lead unit's report is the task's, the co-units' reports are kept
// beside it, and every return is accounted for in Intake.
func Merge(in Input) *Ledger {
	l := &Ledger{
		Title:       setTitle(in.Tasks),
		Period:      in.Period.Key(),
		PeriodLabel: in.Period.String(),
		PeriodEnd:   in.Period.End().Format(day),
		Generated:   in.Now.UTC().Format(time.RFC3339),
	}
	if !in.Due.IsZero() {
		l.Due = in.Due.Format(day)
	}
	units, _ := fillin.Assign(in.Tasks)
	known := map[string]bool{}
	for _, u := range units {
		known[u.Unit] = true
	}
	used := l.intake(in.Returns, known)
	entries := map[string]map[string]*fillin.Entry{} // unit → task ID → entry
	for unit, r := range used {
		m := map[string]*fillin.Entry{}
		for i := range r.Entries {
			m[r.Entries[i].TaskID] = &r.Entries[i]
		}
		entries[unit] = m
	}
	for _, d := range in.Tasks.Documents {
		horizon := docHorizon(d)
		for _, t := range d.Tasks {
			if !t.Reportable() {
				continue
			}
			row := newRow(d, t)
			row.fill(entries, used)
			row.Expected = expected(d, row, horizon, in.Period)
			l.Rows = append(l.Rows, row)
		}
	}
	l.carryOver(in.Earlier)
	for _, row := range l.Rows {
		row.Light, row.LightReason = light(row, in.Period, in.Rules)
	}
	l.comparePrevious(in.Previous)
	l.summarise(units, used, in.Due)
	l.dropNonFinite()
	return l
}

const day = "2006-01-02"

func setTitle(s *task.Set) string {
	var titles []string
	for _, d := range s.Documents {
		titles = append(titles, task.ShortTitle(d.Name()))
	}
	switch len(titles) {
	case 0:
		return "工作任务"
	case 1:
		return titles[0]
	}
	return fmt.Sprintf("%s等 %d 个文件", titles[0], len(titles))
}

// intake sorts the returns into used, superseded and rejected ones, and
// returns the used return of each unit.
func (l *Ledger) intake(rs []Received, known map[string]bool) map[string]*fillin.Return {
	byUnit := map[string][]int{}
	for i, rc := range rs {
		r := rc.Return
		in := &Intake{File: r.File, Unit: r.Unit, Period: r.Period, FilledDate: r.Header.Date, Findings: r.Findings}
		if !rc.ModTime.IsZero() {
			in.ModTime = rc.ModTime.Format("2006-01-02 15:04:05")
		}
		switch {
		case !r.Usable():
			in.State = Rejected
		case !known[r.Unit]:
			in.State = Rejected
			in.Findings = append(in.Findings, fillin.Finding{Level: fillin.LevelError, File: r.File,
				Msg: "填报单位“" + r.Unit + "”在任务分解表中没有任务：可能是旧任务分解表下发的填报表，本表未采用"})
		default:
			in.State = Used
			byUnit[r.Unit] = append(byUnit[r.Unit], i)
		}
		l.Intake = append(l.Intake, in)
	}
	used := map[string]*fillin.Return{}
	for unit, idx := range byUnit {
		// The newest counts: by 填报日期, then by the file's time.
		sort.SliceStable(idx, func(a, b int) bool {
			ra, rb := rs[idx[a]], rs[idx[b]]
			if da, db := ra.Return.Header.Date, rb.Return.Header.Date; da != db {
				return da > db
			}
			return ra.ModTime.After(rb.ModTime)
		})
		used[unit] = rs[idx[0]].Return
		for _, i := range idx[1:] {
			l.Intake[i].State = Superseded
			l.Intake[i].SupersededBy = rs[idx[0]].Return.File
		}
	}
	return used
}

func newRow(d *task.Document, t *task.Task) *Row {
	r := &Row{
		TaskID: t.ID, DocID: d.ID, DocTitle: d.Name(), Label: t.Label(), Path: t.Path, Headings: t.Headings,
		Kind: t.Kind, Title: t.Title, Text: t.Text, Lead: t.Lead, Co: t.Co, Status: NotReported,
	}
	if t.Deadline != nil {
		r.Deadline, r.DueDate = t.Deadline.Text, t.Deadline.Date
	}
	for _, g := range t.Targets {
		r.Targets = append(r.Targets, TargetProgress{Target: g})
	}
	return r
}

// fill takes the lead unit's report (the first lead that reported, when a
// task has several) and keeps every other unit's beside it.
func (r *Row) fill(entries map[string]map[string]*fillin.Entry, used map[string]*fillin.Return) {
	for _, u := range r.Lead {
		e := entries[u][r.TaskID]
		if e == nil || entryEmpty(e) {
			// A row left empty is not a report (it is listed among the
			// unit's empty tasks).
			continue
		}
		r.Reported, r.ReportedBy, r.Source = true, u, used[u].File
		r.Progress, r.Percent, r.Status = e.Progress, e.Percent, e.Status
		r.Problems, r.NextSteps, r.Evidence, r.Remark = e.Problems, e.NextSteps, e.Evidence, e.Remark
		r.attain(e)
		break
	}
	if !r.Reported {
		r.Status = NotReported
	}
	for _, u := range append(append([]string(nil), r.Lead...), r.Co...) {
		if u == r.ReportedBy {
			continue
		}
		c := CoReport{Unit: u}
		if e := entries[u][r.TaskID]; e != nil && !entryEmpty(e) {
			c.Reported, c.Status, c.Percent, c.Progress, c.Problems, c.Source = true, e.Status, e.Percent, e.Progress, e.Problems, used[u].File
		}
		r.CoReports = append(r.CoReports, c)
	}
}

var numberRe = regexp.MustCompile(`-?\d+(?:\.\d+)?`)

// attain records the reported values of the row's numeric targets. One
// 指标当前值 cell serves all of a task's targets: with as many numbers as
// targets they are taken in order; a single number goes to the first.
func (r *Row) attain(e *fillin.Entry) {
	if len(r.Targets) == 0 || strings.TrimSpace(e.Current) == "" && e.CurrentValue == nil {
		return
	}
	var values []float64
	if e.CurrentValue != nil {
		values = []float64{*e.CurrentValue}
	}
	if nums := numberRe.FindAllString(cells.Fold(e.Current), -1); len(nums) == len(r.Targets) && len(nums) > 1 {
		values = nil
		for _, n := range nums {
			v, err := strconv.ParseFloat(n, 64)
			if err != nil || !finite(v) {
				values = nil // a number too long to be one: none is taken
				break
			}
			values = append(values, v)
		}
	}
	for i := range r.Targets {
		r.Targets[i].CurrentText = e.Current
		if i >= len(values) {
			continue
		}
		v := values[i]
		r.Targets[i].Current = &v
		r.Targets[i].Attainment = attainment(r.Targets[i].Op, r.Targets[i].Value, v)
	}
}

// attainment is achieved/target, or target/achieved for a ceiling (<=, <).
func attainment(op string, target, current float64) *float64 {
	var a float64
	switch {
	case op == "<=" || op == "<":
		if current <= 0 {
			a = 1
		} else {
			a = target / current
		}
	case target == 0:
		return nil
	default:
		a = current / target
	}
	a = math.Round(a*1000) / 1000
	if !finite(a) {
		return nil // a value beyond what a ratio can show
	}
	return &a
}

// finite reports whether x is neither infinite nor NaN: only such numbers
// can be written to the ledger's JSON and cells.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// docHorizon is the latest dated deadline of a document: the end of the
// window of a task that names none.
func docHorizon(d *task.Document) time.Time {
	var h time.Time
	for _, t := range d.Tasks {
		if t.Deadline == nil {
			continue
		}
		if dt, err := time.Parse(day, t.Deadline.Date); err == nil && dt.After(h) {
			h = dt
		}
	}
	return h
}

// expected is 序时进度 at the period's end, in percent: the elapsed share of
// the task's window, from the document's date to the task's deadline (or
// the document's horizon); an annual or open-ended task counts months
// elapsed of the year.
func expected(d *task.Document, r *Row, horizon time.Time, p period.Period) float64 {
	end := p.End()
	annual := func() float64 { return round1(float64(end.Month()) / 12 * 100) }
	deadline, err := time.Parse(day, r.DueDate)
	if err != nil {
		if r.Deadline != "" || horizon.IsZero() || !horizon.After(end) {
			return annual()
		}
		deadline = horizon
	}
	start, err := time.Parse(day, d.Date)
	if err != nil {
		start = time.Date(end.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	switch {
	case !end.Before(deadline):
		return 100
	case !start.Before(deadline):
		return 100
	case !end.After(start):
		return 0
	}
	return round1(end.Sub(start).Hours() / deadline.Sub(start).Hours() * 100)
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// Effective is the status the office stands by: its 核定状态 (Override),
// else the lead unit's report.
func (r *Row) Effective() fillin.Status {
	if r.Override != "" {
		return fillin.Status(r.Override)
	}
	return r.Status
}

// Overridden reports whether the office's 核定状态 differs from the status
// the lead unit reported; reports mark such a status （核定）.
func (r *Row) Overridden() bool {
	return r.Override != "" && r.Override != string(r.Status)
}

// light applies the traffic-light rules to a row.
func light(r *Row, p period.Period, rules Rules) (Light, string) {
	status := r.Effective()
	if status == fillin.StatusDone {
		return Green, "已完成"
	}
	if !r.Reported && r.Override == "" {
		if len(r.Lead) == 0 {
			return Grey, "未指定牵头单位"
		}
		return Grey, "牵头单位未报送"
	}
	if r.DueDate != "" && r.DueDate < p.End().Format(day) {
		return Red, "已过完成时限（" + r.Deadline + "）仍未完成"
	}
	if status == fillin.StatusOngoing && len(r.Targets) == 0 && strings.TrimSpace(r.Progress) != "" {
		return Green, "持续推进，已报送进展"
	}
	pct := r.Percent
	if pct == nil {
		switch status {
		case fillin.StatusOnTrack, fillin.StatusOngoing:
			return Green, "未填进度，按“" + string(status) + "”判定"
		case fillin.StatusNotStart:
			zero := 0.0
			pct = &zero
		case fillin.StatusBehind:
			return Yellow, "报“滞后”，未填累计进度"
		default:
			return Yellow, "未填累计进度，无法与序时进度比较"
		}
	}
	gap := round1(r.Expected - *pct)
	switch {
	case gap <= rules.GreenWithin && status == fillin.StatusBehind:
		// A light is never better than the unit's own word.
		return Yellow, fmt.Sprintf("报“滞后”（进度 %s%%，序时进度 %s%%），按单位所报不亮绿灯", Num(*pct), Num(r.Expected))
	case gap <= rules.GreenWithin:
		return Green, fmt.Sprintf("进度 %s%%，序时进度 %s%%", Num(*pct), Num(r.Expected))
	case gap <= rules.YellowWithin:
		return Yellow, fmt.Sprintf("落后序时进度 %s 个百分点", Num(gap))
	}
	return Red, fmt.Sprintf("落后序时进度 %s 个百分点", Num(gap))
}

// Num writes x with at most one decimal, as the ledger and the reports
// show numbers: 80, 2.8, 66.7, never "-0". A number so near the float's
// limit that rounding overflows, which only a hand-edited sheet holds, is
// written as it is, never "+Inf".
func Num(x float64) string {
	if r := round1(x) + 0; finite(r) { // +0: no "-0"
		return strconv.FormatFloat(r, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// carryOver keeps the office's 复核意见 and 核定状态 from the ledger this one
// replaces. The notes of a task that left the task list move to Removed,
// and those already there stay, unless their task is back: then they
// return to its row, if it has none of its own.
func (l *Ledger) carryOver(earlier *Ledger) {
	if earlier == nil {
		return
	}
	now := l.RowsByTask()
	for _, o := range earlier.Rows {
		if !hasNotes(o.Review, o.Override) {
			continue
		}
		if r := now[o.TaskID]; r != nil {
			r.Review, r.Override = o.Review, o.Override
			l.carried.Kept++
			continue
		}
		l.Removed = append(l.Removed, &RemovedRow{
			TaskID: o.TaskID, DocID: o.DocID, DocTitle: o.DocTitle, Label: o.Label, Path: o.Path,
			Title: o.Title, Text: o.Text, Lead: o.Lead, Review: o.Review, Override: o.Override, Removed: l.Generated,
		})
		l.carried.Moved++
	}
	for _, o := range earlier.Removed {
		if r := now[o.TaskID]; r != nil && !hasNotes(r.Review, r.Override) {
			r.Review, r.Override = o.Review, o.Override
			l.carried.Restored++
			continue
		}
		l.Removed = append(l.Removed, o)
	}
}

// Notes is what a merge over l (Input.Earlier) takes from it: the rows
// holding the office's notes, with only the fields carryOver reads, and
// l's removed tasks. A merge given Notes makes the same ledger as one
// given l, without the rest of l in memory while the returns are read.
func (l *Ledger) Notes() *Ledger {
	out := &Ledger{Removed: l.Removed}
	for _, o := range l.Rows {
		if hasNotes(o.Review, o.Override) {
			out.Rows = append(out.Rows, &Row{TaskID: o.TaskID, DocID: o.DocID, DocTitle: o.DocTitle, Label: o.Label, Path: o.Path,
				Title: o.Title, Text: o.Text, Lead: o.Lead, Review: o.Review, Override: o.Override})
		}
	}
	return out
}

// RowsByTask maps each task ID to its row.
func (l *Ledger) RowsByTask() map[string]*Row {
	m := make(map[string]*Row, len(l.Rows))
	for _, r := range l.Rows {
		m[r.TaskID] = r
	}
	return m
}

func hasNotes(review, override string) bool {
	return strings.TrimSpace(review) != "" || strings.TrimSpace(override) != ""
}

func (l *Ledger) comparePrevious(prev *Ledger) {
	if prev == nil {
		return
	}
	old := prev.RowsByTask()
	for _, r := range l.Rows {
		if o := old[r.TaskID]; o != nil {
			r.Previous = &PreviousRow{Percent: o.Percent, Status: o.Effective(), Light: o.Light}
		}
	}
}

// summarise computes the per-unit lines, compliance and totals.
func (l *Ledger) summarise(units []fillin.Assignment, used map[string]*fillin.Return, due time.Time) {
	byUnit := map[string]*UnitSummary{}
	for _, a := range units {
		s := &UnitSummary{Unit: a.Unit, Lights: map[Light]int{}, Compliance: Missing}
		for _, it := range a.Items {
			if it.Role == fillin.RoleLead {
				s.Led++
			} else {
				s.CoTasks++
			}
		}
		if r := used[a.Unit]; r != nil {
			s.File, s.ReturnDate = r.File, r.Header.Date
			s.Compliance = OnTime
			if !due.IsZero() && r.Header.Date > due.Format(day) {
				s.Compliance = Late
			}
			for i := range r.Entries {
				if entryEmpty(&r.Entries[i]) {
					s.EmptyTasks = append(s.EmptyTasks, r.Entries[i].Label)
				}
			}
		} else {
			l.Missing = append(l.Missing, a.Unit)
		}
		byUnit[a.Unit] = s
		l.Units = append(l.Units, s)
	}
	// The units that lead tasks first: the 汇总 table lists them so, and its
	// chart draws them alone; a ledger read back keeps that order.
	slices.SortStableFunc(l.Units, func(a, b *UnitSummary) int {
		return cmp.Compare(min(b.Led, 1), min(a.Led, 1))
	})
	l.tally(byUnit)
}

func entryEmpty(e *fillin.Entry) bool {
	return strings.TrimSpace(e.Progress) == "" && e.Percent == nil && e.Status == ""
}
