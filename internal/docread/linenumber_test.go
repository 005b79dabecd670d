package docread

import (
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Cases of testdata/linenumbers.txt: a text copied from a PDF viewer that
// numbers its lines, and the blocks docread must give ("=> " lines); a
// case without => lines must come out as written (items numbered 1 2 3
// without punctuation are no line numbers).
func TestDropLineNumbers(t *testing.T) { blockCases(t, "linenumbers.txt") }

// Cases of testdata/artefacts.txt: what extraction leaves as text (a web
// page's entities and <br>, a label justified with no-break spaces, a
// page's footer, a | table's continuation rows), in the same form.
func TestExtractionArtefacts(t *testing.T) { blockCases(t, "artefacts.txt") }

// blockCases runs the cases of a file of testdata: "== name", the text,
// then the blocks it must give, each on a "=> " line.
func blockCases(t *testing.T, file string) {
	for name, body := range testdataCases(t, file) {
		var text, want []string
		for _, l := range strings.Split(strings.TrimRight(body, "\n"), "\n") {
			if w, ok := strings.CutPrefix(l, "=> "); ok {
				want = append(want, w)
			} else {
				text = append(text, l)
			}
		}
		if want == nil {
			want = slices.DeleteFunc(slices.Clone(text), func(l string) bool { return strings.TrimSpace(l) == "" })
		}
		if got := blockTexts(t, strings.Join(text, "\n")+"\n"); !slices.Equal(got, want) {
			t.Errorf("%s: blocks %q; want %q", name, got, want)
		}
	}
}

// testdataCases returns the cases of a file of testdata, each its name
// (from its "== name" line) and the lines below it.
func testdataCases(t *testing.T, file string) iter.Seq2[string, string] {
	cases := strings.Split(testdata(t, file), "\n== ")[1:]
	return func(yield func(string, string) bool) {
		for _, c := range cases {
			name, lines, _ := strings.Cut(c, "\n")
			if !yield(name, lines) {
				return
			}
		}
	}
}

// testdata returns the text of a file of testdata.
func testdata(t *testing.T, file string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}
