package sample_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/policy"
	"github.com/taizhang-dev/taizhang/internal/sample"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/seeds"
	"github.com/taizhang-dev/taizhang/templates/form"
)

var (
	seedOnce sync.Once
	seedTask *task.Set
	seedErr  error
)

// seedSet is the task list of the embedded seed documents, parsed as the
// demo parses them (92 units).
func seedSet(t testing.TB) *task.Set {
	t.Helper()
	seedOnce.Do(func() {
		cfg, err := config.Load("", nil)
		if err != nil {
			seedErr = err
			return
		}
		set, err := policy.ParseFS(seeds.FS, "*.txt", cfg)
		if err != nil {
			seedErr = err
			return
		}
		seedTask = set
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedTask
}

// quarters are the four quarters of 2024.
func quarters(t testing.TB) []period.Period {
	t.Helper()
	var ps []period.Period
	for q := 1; q <= 4; q++ {
		p, err := period.Parse(fmt.Sprintf("2024-Q%d", q))
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	return ps
}

// yearJobs plans the rounds of the year in memory, missing units included.
func yearJobs(set *task.Set, ps []period.Period, seed int64) [][]*sample.Job {
	out := make([][]*sample.Job, len(ps))
	for i, p := range ps {
		out[i] = sample.PlanRound(samplefix.Books(set, p, p.End().AddDate(0, 0, 5)), seed)
	}
	return out
}

// TestContinuity: over the quarters of a year every unit's row of every
// seed task keeps going forwards, and the returns say so.
func TestContinuity(t *testing.T) {
	set := seedSet(t)
	ps := quarters(t)
	for _, seed := range []int64{2024, 1, 7} {
		type key struct{ unit, id string }
		type seen struct {
			s   sample.State
			pct int
			q   int
		}
		last := map[key]seen{}
		rows := 0
		for q, jobs := range yearJobs(set, ps, seed) {
			for _, j := range jobs {
				for i, t2 := range j.Book.Rows {
					rows++
					k, e := key{j.Book.Unit, t2.ID}, j.Entries[i]
					if prev, ok := last[k]; ok {
						switch {
						case e.Pct() < prev.pct:
							t.Errorf("seed %d: %s %s: %d%% in Q%d, %d%% in Q%d", seed, k.unit, k.id, prev.pct, prev.q, e.Pct(), q+1)
						case prev.s == sample.StDone && e.State() != sample.StDone:
							t.Errorf("seed %d: %s %s: 已完成 in Q%d, %s in Q%d", seed, k.unit, k.id, prev.q, sample.StatusOf[e.State()], q+1)
						case prev.s != sample.StNotStarted && e.State() == sample.StNotStarted:
							t.Errorf("seed %d: %s %s: %s in Q%d, 未启动 in Q%d", seed, k.unit, k.id, sample.StatusOf[prev.s], prev.q, q+1)
						case prev.s == sample.StOngoing && e.State() != sample.StOngoing, prev.s != sample.StNotStarted && prev.s != sample.StOngoing && e.State() == sample.StOngoing:
							t.Errorf("seed %d: %s %s: %s in Q%d, %s in Q%d", seed, k.unit, k.id, sample.StatusOf[prev.s], prev.q, sample.StatusOf[e.State()], q+1)
						}
					}
					if e.State() == sample.StNotStarted && q >= 2 {
						t.Errorf("seed %d: %s %s: 未启动 in Q%d", seed, k.unit, k.id, q+1)
					}
					last[k] = seen{e.State(), e.Pct(), q + 1}
				}
			}
		}
		if rows < 4*200 {
			t.Errorf("seed %d: %d rows in the year", seed, rows)
		}
	}

	// The same through the public API, on what the units send.
	type key struct{ unit, id string }
	pct := map[key]float64{}
	status := map[key]fillin.Status{}
	for q, rs := range samplefix.Year(set, ps, sample.Options{Seed: 2024}) {
		for _, r := range rs {
			for _, e := range r.Entries {
				k := key{r.Unit, e.TaskID}
				if e.Percent == nil || e.Status == "" || e.Progress == "" {
					t.Fatalf("Q%d %s %s: %+v", q+1, r.Unit, e.TaskID, e)
				}
				if p, ok := pct[k]; ok && (*e.Percent < p || status[k] == fillin.StatusDone && e.Status != fillin.StatusDone ||
					status[k] != fillin.StatusNotStart && e.Status == fillin.StatusNotStart) {
					t.Errorf("Q%d %s %s: %s %v after %s %v", q+1, r.Unit, e.TaskID, e.Status, *e.Percent, status[k], p)
				}
				pct[k], status[k] = *e.Percent, e.Status
			}
		}
	}
}

// TestYearText: the wording of a row changes from period to period, but
// always says what its status says.
func TestYearText(t *testing.T) {
	set := seedSet(t)
	ps := quarters(t)
	texts := map[string]map[string]bool{} // unit+task → progress texts
	for _, rs := range samplefix.Year(set, ps, sample.Options{Seed: 2024}) {
		for _, r := range rs {
			for _, e := range r.Entries {
				k := r.Unit + "\x00" + e.TaskID
				if texts[k] == nil {
					texts[k] = map[string]bool{}
				}
				texts[k][e.Progress] = true
				var want []string
				switch e.Status {
				case fillin.StatusDone:
					want = sample.ProgressDone
				case fillin.StatusOnTrack:
					want = sample.ProgressOnTrack
				case fillin.StatusBehind:
					want = sample.ProgressBehind
				case fillin.StatusNotStart:
					want = sample.ProgressNotStarted
				case fillin.StatusOngoing:
					want = sample.ProgressOngoing
				}
				if e.Role == fillin.RoleCo {
					want = append(slices.Clone(want), sample.ProgressCo...)
				}
				if !slices.ContainsFunc(want, func(tmpl string) bool { return matchTemplate(tmpl, e.Progress, *e.Percent) }) {
					t.Errorf("%s %s (%s %v%%): %q", r.Unit, e.TaskID, e.Status, *e.Percent, e.Progress)
				}
				if e.Status == fillin.StatusBehind && e.Problems == "" {
					t.Errorf("%s %s: 滞后 without 存在问题", r.Unit, e.TaskID)
				}
			}
		}
	}
	varied := 0
	for _, ts := range texts {
		if len(ts) > 1 {
			varied++
		}
	}
	if varied < len(texts)/2 {
		t.Errorf("%d of %d rows change their wording over the year", varied, len(texts))
	}
}

// matchTemplate reports whether s could be tmpl expanded for a task at
// pct.
func matchTemplate(tmpl, s string, pct float64) bool {
	re := strings.NewReplacer(`\{t\}`, ".+", `\{a\}`, ".+", `\{l\}`, ".+", `\{p\}`, sample.FormatNum(pct)).Replace(regexp.QuoteMeta(tmpl))
	return regexp.MustCompile("^" + re + "$").MatchString(s)
}

// TestDeterminism: the same seed gives the same returns, a period alone
// the same as in a year, another seed others.
func TestDeterminism(t *testing.T) {
	set := seedSet(t)
	ps := quarters(t)
	opts := sample.Options{Seed: 2024}
	year := samplefix.Year(set, ps[:3], opts)
	q3 := samplefix.Returns(set, ps[2], sample.Options{Seed: 2024, Due: ps[2].End().AddDate(0, 0, 5)})
	if !reflect.DeepEqual(year[2], q3) {
		t.Error("2024-Q3 alone differs from 2024-Q3 after Q1 and Q2")
	}
	if !reflect.DeepEqual(samplefix.Returns(set, ps[2], opts), q3) {
		t.Error("same seed, different returns")
	}
	if reflect.DeepEqual(samplefix.Returns(set, ps[2], sample.Options{Seed: 2025}), q3) {
		t.Error("seeds 2024 and 2025 gave the same returns")
	}
	// The order of the documents (and so of the units) does not change
	// what a unit sends.
	rev := &task.Set{Documents: slices.Clone(set.Documents)}
	slices.Reverse(rev.Documents)
	byUnit := map[string]*fillin.Return{}
	for _, r := range q3 {
		byUnit[r.Unit] = r
	}
	got := samplefix.Returns(rev, ps[2], opts)
	if len(got) != len(q3) {
		t.Fatalf("reversed documents: %d returns; want %d", len(got), len(q3))
	}
	for _, r := range got {
		w := byUnit[r.Unit]
		if w == nil || r.Header != w.Header || len(r.Entries) != len(w.Entries) {
			t.Errorf("reversed documents: %s differs", r.Unit)
			continue
		}
		pct := map[string]float64{}
		for _, e := range w.Entries {
			pct[e.TaskID] = *e.Percent
		}
		for _, e := range r.Entries {
			if pct[e.TaskID] != *e.Percent {
				t.Errorf("reversed documents: %s %s at %v%%; want %v%%", r.Unit, e.TaskID, *e.Percent, pct[e.TaskID])
			}
		}
	}
}

// TestYearMix: the trends and the reporting habits over a year of the
// seed documents' 92 units.
func TestYearMix(t *testing.T) {
	set := seedSet(t)
	ps := quarters(t)
	units, _ := fillin.Assign(set)
	n := len(units)
	for _, seed := range []int64{2024, 1, 7, 42} {
		trends := map[string]int{}
		for _, u := range units {
			trends[sample.Trend(u.Unit, seed)]++
		}
		if trends[sample.Improving] < n/20 || trends[sample.Improving] > n/4 || trends[sample.Slipping] < n/20 || trends[sample.Slipping] > n/4 || trends[sample.Steady] < n/2 {
			t.Errorf("seed %d: trends %v of %d units", seed, trends, n)
		}
		missing, late := map[string]int{}, map[string]int{}
		habit := map[string]string{}
		size := map[string]int{}
		for q, jobs := range yearJobs(set, ps, seed) {
			var nMissing, nLate, nTwice, nMessy int
			for _, j := range jobs {
				habit[j.Book.Unit], size[j.Book.Unit] = j.Plan.Habit, len(j.Book.Rows)
				if j.Plan.Missing {
					missing[j.Book.Unit]++
					nMissing++
				}
				if j.Plan.Late {
					late[j.Book.Unit]++
					nLate++
				}
				if j.Plan.Twice {
					nTwice++
				}
				if j.Plan.Messy {
					nMessy++
				}
			}
			if nMissing < 1 || nMissing > n/20 || nLate < n/10 || nLate > n/5 || nTwice != 1 || nMessy < n/4 || nMessy > n/2 {
				t.Errorf("seed %d, Q%d: %d missing, %d late, %d twice, %d messy of %d", seed, q+1, nMissing, nLate, nTwice, nMessy, n)
			}
		}
		var never, missOnce, habitLate, lateOnce int
		sizes := slices.Collect(func(yield func(int) bool) {
			for _, s := range size {
				if !yield(s) {
					return
				}
			}
		})
		slices.Sort(sizes)
		for u, h := range habit {
			switch h {
			case sample.HabitNever:
				never++
				if missing[u] != 4 || size[u] > sizes[n/2] {
					t.Errorf("seed %d: %s (%d rows) never reports but missed %d quarters", seed, u, size[u], missing[u])
				}
			case sample.HabitMissOnce:
				missOnce++
				if missing[u] != 1 {
					t.Errorf("seed %d: %s misses one quarter but missed %d", seed, u, missing[u])
				}
			case sample.HabitLate:
				habitLate++
				if late[u] < 3 {
					t.Errorf("seed %d: %s is habitually late but late in %d quarters", seed, u, late[u])
				}
			default:
				if missing[u] > 0 {
					t.Errorf("seed %d: %s missed %d quarters", seed, u, missing[u])
				}
				if late[u] > 0 {
					lateOnce++
				}
			}
		}
		if never != 1 || missOnce != 2 || habitLate != 6 || lateOnce < 10 {
			t.Errorf("seed %d: %d never report, %d miss once, %d habitually late, %d others late some time", seed, never, missOnce, habitLate, lateOnce)
		}
	}
}

// TestYearLedger merges the four quarters: the share of tasks done rises,
// and so does the share reported on schedule in the last quarter.
func TestYearLedger(t *testing.T) {
	set := seedSet(t)
	ps := quarters(t)
	var prev *ledger.Ledger
	for q, rs := range samplefix.Year(set, ps, sample.Options{Seed: 2024}) {
		due := ps[q].End().AddDate(0, 0, 5)
		in := ledger.Input{Tasks: set, Period: ps[q], Due: due, Rules: ledger.DefaultRules, Previous: prev}
		for _, r := range rs {
			day, err := time.Parse(time.DateOnly, r.Header.Date)
			if err != nil {
				t.Fatal(err)
			}
			in.Returns = append(in.Returns, ledger.Received{Return: r, ModTime: day.Add(17 * time.Hour)})
		}
		l := ledger.Merge(in)
		tt := l.Totals
		t.Logf("Q%d: %d tasks, %d reported, %d done (%.0f%%), %d on schedule, %d behind; %d units: %d on time, %d late, %d missing",
			q+1, tt.Tasks, tt.Reported, tt.Done, 100*tt.Completion, tt.OnSchedule, tt.Behind, tt.Units, tt.OnTime, tt.Late, tt.MissingN)
		if tt.Late == 0 || tt.MissingN == 0 || tt.Rejected != 0 || tt.Reported < tt.Tasks*3/4 {
			t.Errorf("Q%d: totals %+v", q+1, tt)
		}
		if prev != nil && tt.Completion <= prev.Totals.Completion+0.03 {
			t.Errorf("Q%d: completion %.3f after %.3f", q+1, tt.Completion, prev.Totals.Completion)
		}
		prev = l
	}
	if c := prev.Totals.Completion; c < 0.35 || c > 0.85 {
		t.Errorf("completion at the end of the year: %.2f", c)
	}
}

// TestReturnsMatchFillReturns: what Returns says a unit sends is what
// checking the workbook FillReturns writes for it gives, but for the messy
// cells the checker had to interpret.
func TestReturnsMatchFillReturns(t *testing.T) {
	set := sample.HandSet()
	books := sample.Issue(t, set)
	p := sample.TestPeriod(t)
	opts := sample.Options{Period: p, Due: sample.TestDue, Seed: 42}
	plans, err := samplefix.FillReturns(books, t.TempDir(), opts)
	if err != nil {
		t.Fatal(err)
	}
	mem := samplefix.Returns(set, p, opts)
	byUnit := map[string]*fillin.Return{}
	for _, r := range mem {
		byUnit[r.Unit] = r
	}
	copts := fillin.CheckOptions{Tasks: set, Period: &p, Secret: sample.TestSecret}
	compared := 0
	for _, pl := range plans {
		want := byUnit[pl.Unit]
		if pl.Missing != (want == nil) {
			t.Errorf("%s: missing %v, in Returns %v", pl.Unit, pl.Missing, want != nil)
		}
		if pl.Missing {
			continue
		}
		final := pl.Files[len(pl.Files)-1]
		got := sample.CheckFile(t, final, copts)
		if filepath.Base(final) != want.File {
			t.Errorf("%s: sent as %s; Returns says %s", pl.Unit, filepath.Base(final), want.File)
		}
		if got.Header != want.Header || got.Unit != want.Unit || got.Period != want.Period || got.Version != want.Version {
			t.Errorf("%s: header %+v %s %s\nReturns %+v %s %s", pl.Unit, got.Header, got.Period, got.Version, want.Header, want.Period, want.Version)
		}
		if due := sample.TestDue.Format(time.DateOnly); pl.Late != (want.Header.Date > due) {
			t.Errorf("%s: late %v, Returns dated %s", pl.Unit, pl.Late, want.Header.Date)
		}
		compared += compareEntries(t, pl.Unit, got, want)
	}
	if compared < 30 {
		t.Errorf("%d rows compared exactly", compared)
	}
}

// TestReturnsMatchSeeds: the same for a few units of the seed documents,
// issued on their own (the rows depend on unit, task and period alone).
func TestReturnsMatchSeeds(t *testing.T) {
	set := seedSet(t)
	p := quarters(t)[2]
	due := p.End().AddDate(0, 0, 5)
	all, _ := fillin.Assign(set)
	var some []fillin.Assignment
	for i, a := range all {
		// The biggest units (several documents, lead and co rows) and a
		// few small ones.
		if len(a.Items) >= 40 || i%23 == 5 {
			some = append(some, a)
		}
	}
	dir := t.TempDir()
	written, err := form.WriteAll(dir, some, form.Options{Period: p, Due: due, Secret: sample.TestSecret, Now: sample.TestNow})
	if err != nil {
		t.Fatal(err)
	}
	var books []string
	for _, w := range written {
		books = append(books, w.Path)
	}
	plans, err := samplefix.FillReturns(books, t.TempDir(), sample.Options{Period: p, Due: due, Seed: 2024})
	if err != nil {
		t.Fatal(err)
	}
	mem := map[string]*fillin.Return{}
	// Returns for the full round: its mix differs from that of these few
	// units, the rows do not.
	for _, r := range samplefix.Returns(set, p, sample.Options{Seed: 2024}) {
		mem[r.Unit] = r
	}
	// The never-reporting unit has no Return: make its rows from the
	// in-memory books directly.
	for _, j := range sample.PlanRound(samplefix.Books(set, p, due), 2024) {
		if mem[j.Book.Unit] == nil {
			mem[j.Book.Unit] = samplefix.Return(j, "")
		}
	}
	compared := 0
	for _, pl := range plans {
		if pl.Missing {
			continue
		}
		got := sample.CheckFile(t, pl.Files[len(pl.Files)-1], fillin.CheckOptions{Tasks: set, Period: &p, Secret: sample.TestSecret})
		if !got.Usable() {
			t.Fatalf("%s: %v", pl.Unit, got.Findings)
		}
		compared += compareEntries(t, pl.Unit, got, mem[pl.Unit])
	}
	if len(some) < 5 || compared < 200 {
		t.Errorf("%d units, %d rows compared exactly", len(some), compared)
	}
}

// compareEntries compares a checked return's rows with the in-memory
// ones: exactly where the checker noted nothing, the meaning where it
// only noted how it read a cell, not at all where it warned. It returns
// how many rows it compared exactly.
func compareEntries(t *testing.T, unit string, got, want *fillin.Return) int {
	t.Helper()
	if len(got.Entries) != len(want.Entries) {
		t.Errorf("%s: %d entries; Returns has %d", unit, len(got.Entries), len(want.Entries))
		return 0
	}
	level := map[string]fillin.Level{}
	for _, f := range got.Findings {
		if f.TaskID != "" && level[f.TaskID] != fillin.LevelWarning {
			level[f.TaskID] = f.Level
		}
	}
	exact := 0
	for i, g := range got.Entries {
		w := want.Entries[i]
		switch level[g.TaskID] {
		case "":
			exact++
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s row %d:\n got %s\nwant %s", unit, g.Row, entryString(g), entryString(w))
			}
		case fillin.LevelInfo:
			if g.TaskID != w.TaskID || g.Status != w.Status || !reflect.DeepEqual(g.Percent, w.Percent) ||
				!reflect.DeepEqual(g.CurrentValue, w.CurrentValue) || g.Progress != w.Progress {
				t.Errorf("%s row %d (read with notes):\n got %s\nwant %s", unit, g.Row, entryString(g), entryString(w))
			}
		}
	}
	return exact
}

func entryString(e fillin.Entry) string {
	f := func(p *float64) string {
		if p == nil {
			return "nil"
		}
		return sample.FormatNum(*p)
	}
	return fmt.Sprintf("%s %s %s %s %s%% %s(%s) cur %q=%s | %q | %q | %q | %q | %q",
		e.TaskID, e.Label, e.Role, e.Status, f(e.Percent), e.StatusRaw, e.Status, e.Current, f(e.CurrentValue), e.Progress, e.Problems, e.NextSteps, e.Evidence, e.Remark)
}

// BenchmarkReturns makes a quarter's returns in memory for 150 units
// leading about 2,000 tasks (each unit's rows about twice that).
func BenchmarkReturns(b *testing.B) {
	set := samplefix.Synthetic(150, 13)
	p := quarters(b)[2]
	opts := sample.Options{Seed: 1}
	for b.Loop() {
		samplefix.Returns(set, p, opts)
	}
}

// TestSyntheticRoundTrip issues and fills a synthetic round: every return
// checks without errors.
func TestSyntheticRoundTrip(t *testing.T) {
	set := samplefix.Synthetic(15, 3)
	books := sample.Issue(t, set)
	p := sample.TestPeriod(t)
	plans, err := samplefix.FillReturns(books, t.TempDir(), sample.Options{Period: p, Due: sample.TestDue, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, pl := range plans {
		for _, f := range pl.Files {
			n++
			if r := sample.CheckFile(t, f, fillin.CheckOptions{Tasks: set, Period: &p, Secret: sample.TestSecret}); !r.Usable() {
				t.Errorf("%s: %v", f, r.Findings)
			}
		}
	}
	if n < 12 {
		t.Errorf("%d returns from 15 units", n)
	}
}

// BenchmarkFillReturns fills a round of 50 units (about 20 rows each).
func BenchmarkFillReturns(b *testing.B) {
	books := sample.Issue(b, samplefix.Synthetic(50, 10))
	opts := sample.Options{Period: sample.TestPeriod(b), Due: sample.TestDue, Seed: 1}
	for b.Loop() {
		if _, err := samplefix.FillReturns(books, b.TempDir(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDefaults: read from disk, the books take the period and the deadline
// from the workbooks' hidden sheet when none is given.
func TestDefaults(t *testing.T) {
	set := sample.HandSet()
	books := sample.Issue(t, set)
	plans, err := samplefix.FillReturns(books[:3], t.TempDir(), sample.Options{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	p := sample.TestPeriod(t)
	for _, pl := range plans {
		for _, f := range pl.Files {
			if r := sample.CheckFile(t, f, fillin.CheckOptions{Tasks: set, Period: &p, Secret: sample.TestSecret}); !r.Usable() || r.Header.Date > "2025-01-12" || r.Header.Date < "2024-12-25" {
				t.Errorf("%s: usable %v, date %s", f, r.Usable(), r.Header.Date)
			}
		}
	}
}
