package fillin

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/policy"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// seedSet parses the five seed documents.
func seedSet(b testing.TB) *task.Set {
	b.Helper()
	cfg, err := config.Load("", nil)
	if err != nil {
		b.Fatal(err)
	}
	set, err := policy.ParseFS(os.DirFS("../../seeds"), "*.txt", cfg)
	if err != nil || len(set.Documents) == 0 {
		b.Fatalf("no seeds: %v", err)
	}
	return set
}

// BenchmarkWriteAll writes the workbooks of every unit of the five seeds
// (about 90 units, 1–60 tasks each). Target: well under 2 s.
func BenchmarkWriteAll(b *testing.B) {
	units, _ := Assign(seedSet(b))
	if _, _, err := master(); err != nil { // built once per process
		b.Fatal(err)
	}
	items := 0
	for _, u := range units {
		items += len(u.Items)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteAll(b.TempDir(), units, testOpts()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(units)), "units")
	b.ReportMetric(float64(items), "rows")
}

// BenchmarkMaster is the one-off cost of the protected master workbook.
func BenchmarkMaster(b *testing.B) {
	for b.Loop() {
		if _, _, err := buildMaster(); err != nil {
			b.Fatal(err)
		}
	}
}

// fiftyRowSet gives one unit 50 tasks taken from the seeds.
func fiftyRowSet(b testing.TB) (*task.Set, string) {
	seeds := seedSet(b)
	const unit = "市科技局"
	doc := &task.Document{ID: "B", Title: "《基准测试文件》"}
	for _, d := range seeds.Documents {
		for _, t := range d.Tasks {
			if t.Reportable() && len(doc.Tasks) < 50 {
				c := *t
				c.ID = fmt.Sprintf("B-%03d", len(doc.Tasks)+1)
				c.Lead = append([]string{unit}, c.Lead...)
				doc.Tasks = append(doc.Tasks, &c)
			}
		}
	}
	return &task.Set{Documents: []*task.Document{doc}}, unit
}

// BenchmarkCheck500 checks 500 filled returns of 50 rows on 2 goroutines,
// as the office's collection run would. Target: < 3 s, < 200 MB.
func BenchmarkCheck500(b *testing.B) {
	set, unit := fiftyRowSet(b)
	f := testkit.OpenBytes(b, writeUnit(b, set, unit))
	fillIn(b, f, 50)
	data := testkit.SaveBytes(b, f)
	opts := checkOpts(set)
	if r := Check("x.xlsx", data, opts); !r.Usable() || len(r.Entries) != 50 || len(r.Findings) != 0 {
		b.Fatalf("benchmark return is not clean: %d entries\n%s", len(r.Entries), dumpFindings(r))
	}
	b.ReportAllocs()
	for b.Loop() {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for next.Add(1) <= 500 {
					if r := Check("x.xlsx", data, opts); len(r.Entries) != 50 {
						b.Error("bad check")
					}
				}
			}()
		}
		wg.Wait()
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
}
