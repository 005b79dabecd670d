package fillin_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

// fiftyRowSet gives one unit 50 tasks taken from the seeds.
func fiftyRowSet(b testing.TB) (*task.Set, string) {
	seeds := formtest.SeedSet(b)
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
	f := testkit.OpenBytes(b, formtest.WriteUnit(b, set, unit))
	formtest.FillIn(b, f, 50)
	data := testkit.SaveBytes(b, f)
	opts := formtest.CheckOptions(set)
	if r := fillin.Check("x.xlsx", data, opts); !r.Usable() || len(r.Entries) != 50 || len(r.Findings) != 0 {
		b.Fatalf("benchmark return is not clean: %d entries\n%s", len(r.Entries), formtest.DumpFindings(r))
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
					if r := fillin.Check("x.xlsx", data, opts); len(r.Entries) != 50 {
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
