package policy

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// An old Word document (.doc) is read by docread itself, with no
// LibreOffice: each seed, written by LibreOffice as "MS Word 97", parses
// to the same tasks as the seed's text.
func TestOldWordReadsAsText(t *testing.T) {
	testkit.RealClient(t)
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("seeds: %v, %d files", err, len(files))
	}
	dir := t.TempDir()
	cfg := loadConfig(t, "")
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		b.WriteString(`<html><head><meta charset="utf-8"></head><body>`)
		for _, l := range strings.Split(string(raw), "\n") {
			b.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
		}
		b.WriteString("</body></html>")
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		src := filepath.Join(dir, name+".html")
		if err := os.WriteFile(src, []byte(b.String()), 0o600); err != nil {
			t.Fatal(err)
		}
		testkit.SofficeConvert(t, src, `doc:MS Word 97`, dir)
		want := wordTasks(parseFile(t, f))
		d, err := docread.ReadFile(filepath.Join(dir, name+".doc"))
		if err != nil {
			t.Fatalf("%s.doc: %v", name, err)
		}
		got := wordTasks(Parse(d, cfg))
		if len(got) != len(want) || len(want) == 0 {
			t.Errorf("%s.doc: %d tasks; the text gives %d", name, len(got), len(want))
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s.doc: task %d\n%s\nthe text gives\n%s", name, i, got[i], want[i])
				break
			}
		}
	}
}

// wordTasks sums each task up on a line: its path, units and deadline
// (taskLines), its kind and its text.
func wordTasks(d *task.Document) []string {
	out := taskLines(d)
	for i, tk := range d.Tasks {
		out[i] += " | " + string(tk.Kind) + " | " + tk.Text
	}
	return out
}
