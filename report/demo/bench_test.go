package demo

import (
	"testing"
)

// BenchmarkRun is the whole demo year: four quarters of 92 workbooks and
// returns, their ledgers and bulletins, the year workbook and the annual
// report, each as PDF and .docx. Issue 14's target: ≤ 2 s.
func BenchmarkRun(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Run(b.TempDir(), Events{}); err != nil {
			b.Fatal(err)
		}
	}
}
