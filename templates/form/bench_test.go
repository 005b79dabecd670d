package form_test

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/templates/form"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

// BenchmarkWriteAll writes the workbooks of every unit of the five seeds
// (about 90 units, 1–60 tasks each). Target: well under 2 s.
func BenchmarkWriteAll(b *testing.B) {
	units, _ := fillin.Assign(formtest.SeedSet(b))
	if _, err := form.Master(); err != nil { // built once per process
		b.Fatal(err)
	}
	items := 0
	for _, u := range units {
		items += len(u.Items)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := form.WriteAll(b.TempDir(), units, formtest.Options()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(units)), "units")
	b.ReportMetric(float64(items), "rows")
}

// BenchmarkMaster is the one-off cost of the protected master workbook.
func BenchmarkMaster(b *testing.B) {
	for b.Loop() {
		if _, _, err := form.BuildMaster(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteAll500 writes the workbooks of the speed issue's document:
// 2,000 tasks over 500 units (samplefix.Synthetic, 4 led a unit and about
// as many co-operated on). Issue 14's target: ≤ 0.6 s on 2 cores.
func BenchmarkWriteAll500(b *testing.B) { benchmark500(b, b.TempDir) }

// BenchmarkWriteAll500Again writes them into a folder that holds them
// already, blank: each is read first to make sure no unit filled it in.
func BenchmarkWriteAll500Again(b *testing.B) {
	dir := b.TempDir()
	benchmark500(b, func() string { return dir })
}

func benchmark500(b *testing.B, dir func() string) {
	units, _ := fillin.Assign(samplefix.Synthetic(500, 4))
	if _, err := form.Master(); err != nil {
		b.Fatal(err)
	}
	if _, err := form.WriteAll(dir(), units, formtest.Options()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := form.WriteAll(dir(), units, formtest.Options()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(units)), "units")
}
