package policy

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"

	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// corpusDir holds more real documents, beside the project (see the README).
const corpusDir = "../../../shared/corpus/docs"

func TestSeedsGolden(t *testing.T) {
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v, %d files", err, len(files))
	}
	for _, f := range files {
		checkGolden(t, f, "seed_"+strings.TrimSuffix(filepath.Base(f), ".txt"))
	}
}

func TestCorpusGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("corpus folder %s is absent", corpusDir)
	}
	for _, f := range files {
		checkGolden(t, f, "corpus_"+strings.SplitN(filepath.Base(f), "_", 2)[0])
	}
}

func parseFile(t testing.TB, path string) *task.Document {
	t.Helper()
	d, err := docread.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	cfg := loadConfig(t, "")
	return Parse(d, cfg)
}

func checkGolden(t *testing.T, path, name string) {
	t.Run(name, func(t *testing.T) {
		got := dumpDocument(parseFile(t, path))
		testkit.Golden(t, filepath.Join("testdata", name+".golden"), got)
	})
}

// dumpDocument writes every item in a form a person can check against the
// document: path, kind, units, deadline, targets and flags.
func dumpDocument(d *task.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "source: %s\ntitle: %s\ndoc_number: %s\nissuer: %s\ndate: %s\n", d.Source, d.Title, d.DocNumber, d.Issuer, d.Date)
	counts := map[task.Kind]int{}
	for _, t := range d.Tasks {
		counts[t.Kind]++
	}
	fmt.Fprintf(&b, "tasks: %d  targets: %d  other: %d\n", counts[task.KindTask], counts[task.KindTarget], counts[task.KindOther])
	for _, n := range d.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	for _, t := range d.Tasks {
		fmt.Fprintf(&b, "\n%s [%s] %s\n", strings.Join(t.Path, " "), t.Kind, t.ID)
		if len(t.Headings) > 0 {
			fmt.Fprintf(&b, "  headings: %s\n", strings.Join(t.Headings, " / "))
		}
		if t.Title != "" {
			fmt.Fprintf(&b, "  title: %s\n", t.Title)
		}
		fmt.Fprintf(&b, "  text: %s\n", clip(t.Text, 50))
		if t.Kind == task.KindOther && len(t.Lead) == 0 && len(t.Flags) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  lead: %s\n  co: %s\n", strings.Join(t.Lead, "、"), strings.Join(t.Co, "、"))
		if t.UnitsRaw != "" {
			fmt.Fprintf(&b, "  units_raw: %s\n", t.UnitsRaw)
		}
		if t.Deadline != nil {
			fmt.Fprintf(&b, "  deadline: %s → %s\n", t.Deadline.Text, t.Deadline.Date)
		}
		for _, g := range t.Targets {
			fmt.Fprintf(&b, "  target: %s | %s %s %g %s | %d\n", g.Text, g.Indicator, g.Op, g.Value, g.Unit, g.Year)
		}
		for _, f := range t.Flags {
			fmt.Fprintf(&b, "  flag: %s\n", f)
		}
	}
	return b.String()
}
