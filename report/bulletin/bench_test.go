package bulletin

import (
	"io"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/policy"
	"github.com/taizhang-dev/taizhang/internal/sample"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/seeds"
)

// seedSet parses the five seed documents.
func seedSet(b testing.TB) *task.Set {
	cfg, err := config.Load("", nil)
	if err != nil {
		b.Fatal(err)
	}
	set, err := policy.ParseFS(seeds.FS, "*.txt", cfg)
	if err != nil {
		b.Fatal(err)
	}
	return set
}

// yearLedgers merges the sample's returns for each period, in order.
func yearLedgers(b testing.TB, set *task.Set, keys []string) []*ledger.Ledger {
	var ps []period.Period
	for _, k := range keys {
		p, err := period.Parse(k)
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, p)
	}
	return samplefix.Ledgers(set, ps, sample.Options{Seed: 2024})
}

// BenchmarkProgressSeeds lays out and writes the progress bulletin of the
// five seed documents (201 tasks, 92 units) for 2024-Q4.
func BenchmarkProgressSeeds(b *testing.B) {
	benchProgress(b, yearLedgers(b, seedSet(b), []string{"2024-Q4"})[0])
}

// BenchmarkProgressLarge writes a bulletin of about 200 pages: 960 tasks
// of 160 units.
func BenchmarkProgressLarge(b *testing.B) {
	benchProgress(b, yearLedgers(b, samplefix.Synthetic(160, 6), []string{"2024-Q4"})[0])
}

// benchProgress lays out and writes the bulletin of l.
func benchProgress(b *testing.B, l *ledger.Ledger) {
	pages := 0
	for b.Loop() {
		r := Progress(l, Options{Office: "督查室", Rules: score.Defaults})
		if err := r.Doc.Write(io.Discard, r.Info); err != nil {
			b.Fatal(err)
		}
		pages = r.Doc.Pages()
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkAnnual12x2000 scores a year of 12 monthly ledgers of about
// 2,000 tasks and 150 units and writes the annual report.
func BenchmarkAnnual12x2000(b *testing.B) {
	ls, _ := samplefix.MonthlyYear(12, 150*13, 150, 2024)
	pages := 0
	for b.Loop() {
		y := history.Build(ls, score.Defaults, nil)
		r := Annual(y, ls, Options{Office: "督查室", Rules: score.Defaults})
		if err := r.Doc.Write(io.Discard, r.Info); err != nil {
			b.Fatal(err)
		}
		pages = r.Doc.Pages()
	}
	b.ReportMetric(float64(pages), "pages")
}
