package round

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/templates/form"
)

// benchRound is a round's returns written to disk for the benchmarks: the
// workbooks templates/form issues from a synthetic task list, filled in by
// samplefix.FillReturns (some late, some messy, one unit missing).
type benchRound struct {
	job  Job
	dir  string
	rows float64 // rows per return
}

var (
	roundsMu   sync.Mutex
	rounds     = map[[2]int]*benchRound{}
	roundsRoot string
)

// roundsEnv names a folder where the benchmarks keep their rounds from
// one run to the next, so that runs compared with each other (and
// binaries built from other commits) read the same returns without
// writing them again. Unset, the rounds go to a temporary folder that
// TestMain removes.
const roundsEnv = "TAIZHANG_BENCH_ROUNDS"

// TestMain removes the benchmarks' rounds, which outlive one benchmark so
// that -count does not write them again.
func TestMain(m *testing.M) {
	code := m.Run()
	if roundsRoot != "" && os.Getenv(roundsEnv) == "" {
		os.RemoveAll(roundsRoot)
	}
	os.Exit(code)
}

// writtenRound is the round of units units, each leading tasksPerUnit tasks of
// samplefix.Synthetic (and co-operating on about as many), written once per
// process.
func writtenRound(b testing.TB, units, tasksPerUnit int) *benchRound {
	roundsMu.Lock()
	defer roundsMu.Unlock()
	key := [2]int{units, tasksPerUnit}
	if r := rounds[key]; r != nil {
		return r
	}
	if roundsRoot == "" {
		dir, err := os.MkdirTemp("", "taizhang-bench-")
		if env := os.Getenv(roundsEnv); env != "" {
			dir, err = env, os.MkdirAll(env, 0o755)
		}
		if err != nil {
			b.Fatal(err)
		}
		roundsRoot = dir
	}
	r, err := writeRound(filepath.Join(roundsRoot, fmt.Sprintf("%d-%d", units, tasksPerUnit)), units, tasksPerUnit)
	if err != nil {
		b.Fatal(err)
	}
	rounds[key] = r
	return r
}

// writeRound writes the round into dir, unless a complete one is there.
func writeRound(dir string, units, tasksPerUnit int) (*benchRound, error) {
	set := samplefix.Synthetic(units, tasksPerUnit)
	p, _ := period.Parse("2024-Q4")
	due := time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
	secret := []byte("0123456789abcdef0123456789abcdef")
	done := filepath.Join(dir, "rows-per-return")
	rows, err := readRows(done)
	if err != nil {
		if rows, err = fillRound(dir, set, p, due, secret); err != nil {
			return nil, err
		}
		if err := os.WriteFile(done, []byte(strconv.FormatFloat(rows, 'f', -1, 64)), 0o644); err != nil {
			return nil, err
		}
	}
	files, err := intake.Collect([]string{filepath.Join(dir, "returns")})
	if err != nil {
		return nil, err
	}
	job := Job{Tasks: set, Period: p, Due: due, Rules: Rules{Lights: ledger.DefaultRules}, Secret: secret, Files: files, Now: set.Pinned()}
	return &benchRound{job: job, dir: dir, rows: rows}, nil
}

// readRows reads the rows per return that a complete round noted.
func readRows(path string) (float64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.ParseFloat(string(data), 64)
}

// fillRound writes into dir, emptied first, the workbooks issued from set
// and the returns filled in from them; it gives the rows per return.
func fillRound(dir string, set *task.Set, p period.Period, due time.Time, secret []byte) (float64, error) {
	if err := os.RemoveAll(dir); err != nil {
		return 0, err
	}
	assigned, _ := fillin.Assign(set)
	issued := filepath.Join(dir, "issued")
	if err := os.MkdirAll(issued, 0o755); err != nil {
		return 0, err
	}
	written, err := form.WriteAll(issued, assigned, form.Options{Period: p, Due: due, Secret: secret, Now: due})
	if err != nil {
		return 0, err
	}
	var books []string
	rows := 0
	for _, w := range written {
		books = append(books, w.Path)
		rows += w.Items
	}
	if _, err := samplefix.FillReturns(books, filepath.Join(dir, "returns"), samplefix.Options{Period: p, Due: due, Seed: 1}); err != nil {
		return 0, err
	}
	return float64(rows) / float64(len(books)), nil
}

// report reports the round's size; metrics reported before b.Loop are
// lost.
func (r *benchRound) report(b *testing.B) {
	b.ReportMetric(float64(len(r.job.Files)), "returns")
	b.ReportMetric(r.rows, "rows/return")
}

// peakMeter measures the peak resident memory of the loop a benchmark
// times: it returns what setup took to the system and resets the kernel's
// high-water mark (VmHWM), where Linux allows it.
// It also measures the CPU time the process spends per loop, which
// other work on the machine disturbs less than the wall time.
type peakMeter struct {
	reset bool
	cpu   time.Duration
}

func startPeak() peakMeter {
	runtime.GC()
	debug.FreeOSMemory()
	err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	return peakMeter{reset: err == nil, cpu: cpuTime()}
}

// report reports the peak RSS since startPeak (since the process started
// when it could not be reset) and, as the older benchmarks do, the memory
// the Go runtime took from the system.
func (m peakMeter) report(b *testing.B) {
	if b.N > 0 {
		b.ReportMetric(float64(cpuTime()-m.cpu)/float64(b.N)/1e6, "cpu-ms/op")
	}
	if kb := vmHWM(); kb > 0 {
		name := "peak-MB"
		if !m.reset {
			name = "proc-peak-MB"
		}
		b.ReportMetric(float64(kb)/1024, name)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
}

// vmHWM is the process's peak resident set in kB, 0 when unknown.
func vmHWM() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if v, ok := bytes.CutPrefix(sc.Bytes(), []byte("VmHWM:")); ok {
			kb, _ := strconv.Atoi(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(v), []byte("kB")))))
			return kb
		}
	}
	return 0
}

// benchMerge times Job.Write on the round: check, merge, rank and write
// the ledger.
func benchMerge(b *testing.B, r *benchRound) {
	b.ReportAllocs()
	out := filepath.Join(r.dir, "总台账.xlsx")
	peak := startPeak()
	for b.Loop() {
		os.Remove(out)
		if _, err := r.job.Write(out, nil); err != nil {
			b.Fatal(err)
		}
	}
	peak.report(b)
	r.report(b)
}

// benchCheck times what taizhang check does with the round's returns:
// intake.CheckAll on all cores.
func benchCheck(b *testing.B, r *benchRound) {
	b.ReportAllocs()
	opts := fillin.CheckOptions{Tasks: r.job.Tasks, Period: &r.job.Period, Secret: r.job.Secret}
	peak := startPeak()
	for b.Loop() {
		results := intake.CheckAll(r.job.Files, opts, nil)
		if t := TallyOf(results); t.Usable == 0 {
			b.Fatal("no usable return")
		}
	}
	peak.report(b)
	r.report(b)
}

// BenchmarkMerge500 checks 500 returns of about 50 rows, merges them and
// writes the ledger (target: under 3 s on 2 cores, memory under 300 MB).
func BenchmarkMerge500(b *testing.B) {
	benchMerge(b, writtenRound(b, 500, 25)) // each unit leads 25 and co-operates on about as many
}

// The workload of issue 14: a 2,000-task document over 500 units. The
// issue speaks of a dozen rows a return; samplefix.Synthetic gives each
// task 0–2 co-units, so at 2,000 tasks a return has about 8 rows (a unit
// leads 4 tasks and co-operates on about as many). roundbench
// (go run ./report/round/roundbench) times the taizhang binary on the same
// workload, task list reading and printing included.
const (
	issueUnits = 500
	issueTasks = 4 // per unit
)

// BenchmarkIssueCheck500 is `taizhang check` of the 500 returns.
// Target (issue 14, 2 cores): ≤ 0.25 s, peak memory < 150 MB.
func BenchmarkIssueCheck500(b *testing.B) {
	benchCheck(b, writtenRound(b, issueUnits, issueTasks))
}

// BenchmarkIssueMerge500 is `taizhang merge` of the 500 returns: check,
// merge, rank and write the ledger.
// Target (issue 14, 2 cores): ≤ 0.45 s, peak memory < 150 MB.
func BenchmarkIssueMerge500(b *testing.B) {
	benchMerge(b, writtenRound(b, issueUnits, issueTasks))
}

// BenchmarkIssueMerge5000 merges 5,000 returns of the same shape (5,000
// units, 20,000 tasks): writing them takes a minute or two, once per
// process. Target (issue 14, 2 cores): ≤ 4 s with flat memory, peak < 150 MB.
func BenchmarkIssueMerge5000(b *testing.B) {
	benchMerge(b, writtenRound(b, 10*issueUnits, issueTasks))
}

// BenchmarkIssueMergeAgain5000 merges the 5,000 returns again over the
// ledger the first merge wrote, as an office does when late returns
// arrive: the previous ledger is read back (its office columns carried
// over, its edits listed), then the round is merged and written.
// Target (issue 14, 2 cores): ≤ 4 s with flat memory, peak < 150 MB.
func BenchmarkIssueMergeAgain5000(b *testing.B) {
	benchMergeAgain(b, writtenRound(b, 10*issueUnits, issueTasks))
}

// benchMergeAgain times Job.Write over the ledger a first Write left.
func benchMergeAgain(b *testing.B, r *benchRound) {
	b.ReportAllocs()
	out := filepath.Join(r.dir, "总台账.xlsx")
	os.Remove(out)
	if _, err := r.job.Write(out, nil); err != nil {
		b.Fatal(err)
	}
	peak := startPeak()
	for b.Loop() {
		w, err := r.job.Write(out, nil)
		if err != nil {
			b.Fatal(err)
		}
		if !w.Replaced {
			b.Fatal("the ledger was not read back")
		}
		os.Remove(w.Backup)
	}
	peak.report(b)
	r.report(b)
}

// dumpEnv names a file where TestDumpRound writes what merging the issue's
// round gives (or, with dumpSizeEnv "units,tasks", another round's):
// every return as checked and the ledger, as JSON. Two builds that dump
// the same file check and merge the same.
const (
	dumpEnv     = "TAIZHANG_DUMP_ROUND"
	dumpSizeEnv = "TAIZHANG_DUMP_SIZE"
)

func TestDumpRound(t *testing.T) {
	out := os.Getenv(dumpEnv)
	if out == "" {
		t.Skip(dumpEnv + " not set")
	}
	units, tasks := issueUnits, issueTasks
	if size := os.Getenv(dumpSizeEnv); size != "" {
		if _, err := fmt.Sscanf(size, "%d,%d", &units, &tasks); err != nil {
			t.Fatalf("%s=%s: %v", dumpSizeEnv, size, err)
		}
	}
	r := writtenRound(t, units, tasks)
	results := intake.CheckAll(r.job.Files, fillin.CheckOptions{Tasks: r.job.Tasks, Period: &r.job.Period, Secret: r.job.Secret}, nil)
	data, err := json.MarshalIndent(map[string]any{"returns": results, "ledger": r.job.Merge(nil)}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
