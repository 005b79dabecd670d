package round

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/templates/form"
)

// BenchmarkMerge500 checks 500 returns of about 50 rows, merges them and
// writes the ledger (target: under 3 s on 2 cores, memory under 300 MB).
func BenchmarkMerge500(b *testing.B) {
	dir := b.TempDir()
	set := samplefix.Synthetic(500, 25) // each unit leads 25 and co-operates on about as many
	p, _ := period.Parse("2024-Q4")
	due := time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
	secret := []byte("0123456789abcdef0123456789abcdef")
	units, _ := fillin.Assign(set)
	if err := os.MkdirAll(filepath.Join(dir, "issued"), 0o755); err != nil {
		b.Fatal(err)
	}
	written, err := form.WriteAll(filepath.Join(dir, "issued"), units, form.Options{Period: p, Due: due, Secret: secret, Now: due})
	if err != nil {
		b.Fatal(err)
	}
	var books []string
	rows := 0
	for _, w := range written {
		books = append(books, w.Path)
		rows += w.Items
	}
	if _, err := sample.FillReturns(books, filepath.Join(dir, "returns"), sample.Options{Period: p, Due: due, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	files, err := intake.Collect([]string{filepath.Join(dir, "returns")})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(files)), "returns")
	b.ReportMetric(float64(rows)/float64(len(books)), "rows/return")
	b.ReportAllocs()
	for b.Loop() {
		out := filepath.Join(dir, "总台账.xlsx")
		os.Remove(out)
		job := Job{Tasks: set, Period: p, Due: due, Rules: Rules{Lights: ledger.DefaultRules}, Secret: secret, Files: files, Now: set.Pinned()}
		if _, err := job.Write(out, nil); err != nil {
			b.Fatal(err)
		}
	}
	// Memory the process took from the system, setup included: an upper
	// bound for the merge itself.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
}
