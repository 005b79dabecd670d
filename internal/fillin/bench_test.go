package fillin_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// BenchmarkSheetsTable reads a task table of 5,000 rows whose deadline
// column holds dates, every other one formatted to show only its month,
// for its values (Rows, what reading a task table took before) and with
// what its formats show of the dates (Table).
func BenchmarkSheetsTable(b *testing.B) {
	sheet := testkit.Sheet{Name: "任务", Rows: [][]any{{"序号", "重点任务", "牵头单位", "配合单位", "完成时限"}},
		Formats: map[string]testkit.NumFmt{}}
	june := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= 5000; i++ {
		sheet.Rows = append(sheet.Rows, []any{i, fmt.Sprintf("推进第%d项重点工作", i), "市发改委", "市财政局", june})
		if i%2 == 0 {
			sheet.Formats[fmt.Sprintf("E%d", i+1)] = testkit.NumFmt{Code: `yyyy"年"m"月"`}
		}
	}
	data := testkit.Workbook(b, nil, sheet)
	read := map[string]func(s *fillin.Sheets) error{
		"Rows":  func(s *fillin.Sheets) error { _, _, err := s.Rows("任务"); return err },
		"Table": func(s *fillin.Sheets) error { _, err := s.Table("任务"); return err },
	}
	for _, name := range []string{"Rows", "Table"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := fillin.OpenSheets(data)
				if err == nil {
					err = read[name](s)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
