package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/report/bulletin"
)

// The Word version goes beside the PDF under the same rules: the format
// says which are written, an earlier one of each is backed up, and a
// .docx taizhang did not write is never written over.
func TestWriteDocxBesidePDF(t *testing.T) {
	p, err := period.Parse("2024-Q2")
	if err != nil {
		t.Fatal(err)
	}
	ls := samplefix.Ledgers(samplefix.Synthetic(4, 2), []period.Period{p}, sample.Options{Seed: 1})
	dir := t.TempDir()
	out := filepath.Join(dir, "通报.pdf")
	job := func(f Format) Job {
		return Job{Kind: Progress, Output: out, Format: f, Options: bulletin.Options{Office: "督查室", Rules: score.Defaults}}
	}
	write := func(f Format) *Written {
		t.Helper()
		w, err := job(f).Write([]*ledger.Ledger{ls[0]}, nil)
		if err != nil {
			t.Fatalf("format %q: %v", f, err)
		}
		return w
	}
	docx := filepath.Join(dir, "通报.docx")
	w := write(Docx)
	if w.PDF != "" || w.Docx != docx {
		t.Errorf("--format docx wrote %q and %q", w.PDF, w.Docx)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("--format docx wrote the PDF")
	}
	if k, err := outfile.Identify(docx); err != nil || k != outfile.Document {
		t.Errorf("the .docx is identified as %q, %v", k, err)
	}
	w = write("")
	if w.PDF != out || w.Docx != docx || len(w.Backups) != 1 || !strings.HasSuffix(w.Backups[0], ".docx") {
		t.Errorf("both: wrote %q, %q; backups %v", w.PDF, w.Docx, w.Backups)
	}
	w = write(PDF)
	if w.Docx != "" || len(w.Backups) != 1 || !strings.HasSuffix(w.Backups[0], ".pdf") {
		t.Errorf("--format pdf: wrote %q; backups %v", w.Docx, w.Backups)
	}
	// Someone's own document under the name is left alone, and so is
	// the PDF: both are checked before either is written.
	if err := os.WriteFile(docx, []byte("PK\x03\x04 not ours"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(out)
	if _, err := job(Both).Write([]*ledger.Ledger{ls[0]}, nil); err == nil {
		t.Error("a foreign .docx was written over")
	}
	after, _ := os.ReadFile(out)
	if string(before) != string(after) {
		t.Error("the PDF was replaced although the .docx could not be written")
	}
	if got := DocxPath(filepath.Join("a", "报告.pdf")); got != filepath.Join("a", "报告.docx") {
		t.Errorf("DocxPath = %q", got)
	}
}
