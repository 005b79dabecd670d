package fillin_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/templates/form"
)

// TestScannerChecksRoundAsBefore checks a round of returns, late, messy
// and missing ones among them, with the fast XML scanner and with
// encoding/xml alone: the same entries, the same findings.
func TestScannerChecksRoundAsBefore(t *testing.T) {
	dir := t.TempDir()
	set := samplefix.Synthetic(40, 4)
	p, _ := period.Parse("2024-Q4")
	due := time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
	secret := []byte("0123456789abcdef0123456789abcdef")
	units, _ := fillin.Assign(set)
	written, err := form.WriteAll(dir, units, form.Options{Period: p, Due: due, Secret: secret, Now: due})
	if err != nil {
		t.Fatal(err)
	}
	var books []string
	for _, w := range written {
		books = append(books, w.Path)
	}
	returns := filepath.Join(dir, "returns")
	if _, err := samplefix.FillReturns(books, returns, samplefix.Options{Period: p, Due: due, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(returns, "*.xlsx"))
	opts := fillin.CheckOptions{Tasks: set, Period: &p, Secret: secret}
	findings := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fast := checkJSON(t, f, data, opts, true)
		slow := checkJSON(t, f, data, opts, false)
		if fast != slow {
			t.Errorf("%s:\n%s\nencoding/xml:\n%s", f, fast, slow)
		}
		findings += len(fillin.Check(f, data, opts).Findings)
	}
	if len(files) < 30 || findings == 0 {
		t.Fatalf("%d returns, %d findings: the round does not test much", len(files), findings)
	}
}

func checkJSON(t *testing.T, name string, data []byte, opts fillin.CheckOptions, scanner bool) string {
	fillin.SetScanner(scanner)
	defer fillin.SetScanner(true)
	out, err := json.Marshal(fillin.Check(name, data, opts))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
