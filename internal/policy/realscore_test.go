package policy

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/docread"

	"golang.org/x/text/width"

	"github.com/taizhang-dev/taizhang/internal/task"
)

// The real-document score: documents the parser was not written for, each
// with an answer a person wrote by reading it (testdata/real/LABELLING.md).
//
//	go test ./internal/policy -run TestRealScore -v
//
// prints the share of checks right per document and overall, for the
// development documents and the held-aside test set apart. TZ_SCORE_DETAIL=1
// also prints every check that failed.
const (
	realDir      = "testdata/real"
	fragmentsDir = "../../../shared/corpus/fragments"
	devDir       = "../../../shared/corpus/dev"
	docsDir      = "../../../shared/corpus/docs"
)

// Floors the score may not fall below: raise them as the parser improves,
// never lower them to make a change pass. The dev floor holds with and
// without ../shared/corpus (a clean clone may lack it: dev is then 112
// documents at 96.2%, 126 at 96.7% with it), and it follows the corpus: new
// documents in layouts not yet read (141, 144) lowered it once. The test
// floor follows its corpus too: held-aside documents join it untuned, and
// 490–501 (2026-12-07, 24 of 118 checks right, two layouts not read) took
// it from 83.9% to 76.6%; 600–605 and 620–627 (2026-12-07, scored untuned
// at 36.7% and 56.3%: a page run together on one line, duty lists headed
// by units, owners in a sentence below the items) took it to 75.8%, and
// 640–644 (59.5%: owners on the line below with their leaders, a table's
// columns interleaved line by line, units parted by spaces) to 74.7%.
const (
	floorDev  = 0.97
	floorTest = 0.74
)

type wantTask struct {
	Path        []string `json:"path"`
	TextPrefix  string   `json:"text_prefix"`
	Kind        string   `json:"kind"`
	Lead        []string `json:"lead"`
	Co          []string `json:"co"`
	Deadline    *string  `json:"deadline"`
	DeadlineAlt []string `json:"deadline_alt"`
	Leader      string   `json:"leader"`
	Ambiguous   bool     `json:"ambiguous"`
}

type wantDoc struct {
	Source   string     `json:"source"`
	Province string     `json:"province"`
	Split    string     `json:"split"`
	Patterns []string   `json:"patterns"`
	Tasks    []wantTask `json:"tasks"`

	name, text string // the document's short name and the path of its text
	// excerpt is set for the first part of a page: its last item may be
	// cut off, and then it is not in the answers (LABELLING.md).
	excerpt bool
}

// realDocs lists the labelled documents that are present: the project's own
// excerpts always, the shared corpus when it sits beside the project.
func realDocs(t testing.TB) []*wantDoc {
	t.Helper()
	var docs []*wantDoc
	add := func(answers, texts, split string, excerpt bool) {
		files, _ := filepath.Glob(filepath.Join(answers, "*.json"))
		sort.Strings(files)
		for _, f := range files {
			num := strings.TrimSuffix(filepath.Base(f), ".json")
			txt, _ := filepath.Glob(filepath.Join(texts, num+"_*.txt"))
			if len(txt) != 1 {
				continue // the shared corpus is absent
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			w := &wantDoc{}
			if err := json.Unmarshal(data, w); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			if w.Split == "" {
				w.Split = split
			}
			w.name = strings.TrimSuffix(filepath.Base(txt[0]), ".txt")
			w.text = txt[0]
			w.excerpt = excerpt
			docs = append(docs, w)
		}
	}
	add(fragmentsDir, fragmentsDir, "dev", true)
	add(filepath.Join(realDir, "dev"), devDir, "dev", false)
	add(filepath.Join(realDir, "docs"), docsDir, "dev", false)
	add(filepath.Join(realDir, "collected"), filepath.Join(realDir, "collected"), "", true)
	return docs
}

// docScore is what one document scored.
type docScore struct {
	checks, right int
	spurious      int
	failures      []string
}

func (s *docScore) check(ok bool, format string, args ...any) {
	s.checks++
	if ok {
		s.right++
		return
	}
	s.failures = append(s.failures, fmt.Sprintf(format, args...))
}

// scoreDocument compares the parser's reading of a document with its answer.
// Each expected task counts four checks: found with its path and kind, lead
// exact, co-units exact as a set, deadline found (where the answer has one).
// A reportable item the answer does not list is spurious.
func scoreDocument(w *wantDoc, d *task.Document) *docScore {
	s := &docScore{}
	found, extra := matchTasks(w, d)
	for i, wt := range w.Tasks {
		g := found[i]
		label := strings.Join(wt.Path, "")
		if g == nil {
			s.check(false, "%s: not found as a task", label)
			s.check(false, "%s: lead %v not read", label, wt.Lead)
			s.check(false, "%s: co %v not read", label, wt.Co)
			if wt.Deadline != nil {
				s.check(false, "%s: deadline %q not read", label, *wt.Deadline)
			}
			continue
		}
		kind := wt.Kind
		if kind == "" {
			kind = string(task.KindTask)
		}
		s.check(string(g.Kind) == kind, "%s: kind %s; want %s", label, g.Kind, kind)
		s.check(sameSet(g.Lead, wt.Lead), "%s: lead %v; want %v (raw %q)", label, g.Lead, wt.Lead, g.UnitsRaw)
		s.check(sameSet(g.Co, wt.Co), "%s: co %v; want %v (raw %q)", label, g.Co, wt.Co, g.UnitsRaw)
		if wt.Deadline != nil {
			gotText := ""
			if g.Deadline != nil {
				gotText = g.Deadline.Text
			}
			s.check(deadlineMatches(gotText, append([]string{*wt.Deadline}, wt.DeadlineAlt...)),
				"%s: deadline %q; want %q", label, gotText, *wt.Deadline)
		}
	}
	for _, t := range extra {
		s.spurious++
		s.failures = append(s.failures, fmt.Sprintf("%s: spurious %s (%s; lead %v)", t.Label(), t.Kind, clip(t.Text, 24), t.Lead))
	}
	return s
}

// matchTasks pairs each answer task of w with the parser's reportable task
// of the same path (nil where none), and lists the reportable tasks left
// over that count as spurious.
func matchTasks(w *wantDoc, d *task.Document) (found []*task.Task, extra []*task.Task) {
	got := map[string][]*task.Task{}
	var last *task.Task
	for _, t := range d.Tasks {
		if t.Reportable() {
			k := pathKey(t.Path)
			got[k] = append(got[k], t)
			last = t
		}
	}
	for _, wt := range w.Tasks {
		k := pathKey(wt.Path)
		var g *task.Task
		if list := got[k]; len(list) > 0 {
			g, got[k] = list[0], list[1:]
		}
		found = append(found, g)
	}
	var keys []string
	for k, list := range got {
		if len(list) > 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, t := range got[k] {
			if t == last && w.excerpt {
				continue // cut off where the excerpt ends
			}
			if t.Kind == task.KindTarget && len(t.Lead)+len(t.Co) == 0 {
				// A 主要目标 paragraph without units: listed for the office
				// to assign, outside the answers (LABELLING.md).
				continue
			}
			extra = append(extra, t)
		}
	}
	return found, extra
}

func pathKey(p []string) string { return normName(strings.Join(p, "/")) }

// normName folds full-width forms, spaces, traditional characters and
// pinyin glosses so that （一） and (一), 省財政廳 and 省财政厅, 市發(fā)改委 and
// 市发改委 compare equal: the answers keep names as the page writes them,
// and the parser reads a traditional page in simplified characters, without
// glosses.
func normName(s string) string {
	s = docread.ToSimplified(docread.DropPinyinGlosses(s))
	s = width.Fold.String(s)
	return strings.Join(strings.Fields(s), "")
}

func sameSet(got, want []string) bool {
	a := map[string]bool{}
	for _, g := range got {
		a[normName(g)] = true
	}
	b := map[string]bool{}
	for _, w := range want {
		b[normName(w)] = true
	}
	if len(a) != len(b) {
		return false
	}
	for k := range b {
		if !a[k] {
			return false
		}
	}
	return true
}

var deadlineNoise = regexp.MustCompile(`^(到|至|于|在|截至|截止到|截止)|(前|以前|之前)$`)

// deadlineMatches accepts the parser's deadline text when it names the same
// phrase as one of the answers, give or take 到/前.
func deadlineMatches(got string, wants []string) bool {
	g := deadlineNoise.ReplaceAllString(normName(got), "")
	if g == "" {
		return false
	}
	for _, w := range wants {
		w = deadlineNoise.ReplaceAllString(normName(w), "")
		if w != "" && (strings.Contains(g, w) || strings.Contains(w, g)) {
			return true
		}
	}
	return false
}

func TestRealScore(t *testing.T) {
	docs := realDocs(t)
	if len(docs) == 0 {
		t.Skip("no labelled real documents present")
	}
	// Details of the held-aside test set are shown only on request
	// (TZ_SCORE_DETAIL=all): looking at them would be tuning on them.
	detail := os.Getenv("TZ_SCORE_DETAIL")
	type total struct{ docs, checks, right, spurious int }
	// fresh: labelled, never looked at by whoever tunes the parser and not
	// yet taken into dev or test: the score on documents nobody has seen,
	// reported without a floor.
	sums := map[string]*total{"dev": {}, "test": {}, "fresh": {}}
	provinces := map[string]bool{}
	t.Logf("%-44s %-5s %5s %7s %6s %8s", "document", "split", "tasks", "checks", "score", "spurious")
	for _, w := range docs {
		s := scoreDocument(w, parseFile(t, w.text))
		sum := sums[w.Split]
		if sum == nil {
			t.Fatalf("%s: split %q is none of dev, test and fresh", w.name, w.Split)
		}
		sum.docs++
		sum.checks += s.checks
		sum.right += s.right
		sum.spurious += s.spurious
		provinces[w.Province] = true
		t.Logf("%-44s %-5s %5d %7d %5.1f%% %8d", w.name, w.Split, len(w.Tasks), s.checks, pct(s.right, s.checks), s.spurious)
		if detail == "all" || detail != "" && w.Split == "dev" && strings.Contains(w.name, detail) {
			for _, f := range s.failures {
				t.Logf("    %s", f)
			}
		}
	}
	all := total{}
	for _, split := range []string{"dev", "test", "fresh"} {
		s := sums[split]
		if s.docs == 0 {
			continue
		}
		all.docs += s.docs
		all.checks += s.checks
		all.right += s.right
		all.spurious += s.spurious
		t.Logf("%s: %d documents, %d/%d checks right (%.1f%%), %d spurious tasks", split, s.docs, s.right, s.checks, pct(s.right, s.checks), s.spurious)
	}
	t.Logf("all: %d documents from %d places, %d/%d checks right (%.1f%%), %d spurious tasks", all.docs, len(provinces), all.right, all.checks, pct(all.right, all.checks), all.spurious)
	for split, floor := range map[string]float64{"dev": floorDev, "test": floorTest} {
		if s := sums[split]; s.checks > 0 && float64(s.right)/float64(s.checks) < floor {
			t.Errorf("%s score %.1f%% fell below its floor %.1f%%", split, pct(s.right, s.checks), 100*floor)
		}
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

// knownVariantGaps are the variants of dev documents added on 2026-12-06
// (the last fresh rounds) that do not yet read as the | table does,
// each with why: the gaps stay visible here, not silently skipped.
var knownVariantGaps = map[string]string{
	"280_zhejiang-shangcheng_2019 as wide spaces":     "a 目标类型 column after the units (A类) stops the space reader",
	"285_guangdong-guangdong_2021 as one cell a line": "a time cell holding two times (长期推进 / 2021年8月) is read as the first",
	"302_guangdong-taishan_undated as tabs":           "a header broken over two lines (工作任务 | 具体要求 / | 责任单位 |) is joined only when written with |",
	"321_zhejiang-keqiao_2023 as tabs":                "a task cell's second line on a row of its own (新增学位810个 and empty cells) is joined to the row above only when written with |",
	"356_unknown-county_2025 as tabs":                 "rows that merged cells left short (2.… | 县农业农村局 | 2025年11月底前 | ||, three task columns) are put back under the header only when written with |",
	"321_zhejiang-keqiao_2023 as one cell a line":     "a task cell's second line on a line of its own cannot be told from a row's first cell once the empty cells are gone",
	// Added 2026-12-07 with 530 (dev that day): the table itself is not
	// read as written either (10/24), its unit cells being sentences.
	"530_guangdong-panyu_2021 as tabs": "a table with no header, stored from its first row, whose unit cells are sentences (A牵头,会同B办理): read as items, where | parts the text from the units better than a tab",
}

// TestLayoutVariants: a page may flatten the same table with |, tabs, wide
// spaces or one cell a line. Every dev document holding a table written
// with | is re-written in the other three layouts, and each must score as
// the original does: the readers of a layout are checked on real rows they
// were not written for.
func TestLayoutVariants(t *testing.T) {
	variants := []struct {
		name string
		f    func(string) string
	}{
		{"tabs", func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, " | ", "\t"), " |", "") }},
		{"wide spaces", func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, " | ", "  "), " |", "") }},
		{"one cell a line", func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, " | ", "\n"), " |", "") }},
	}
	n := 0
	for _, w := range realDocs(t) {
		raw, err := os.ReadFile(w.text)
		if err != nil {
			t.Fatal(err)
		}
		if w.Split != "dev" || strings.Count(string(raw), " | ") < 10 {
			continue
		}
		n++
		want := scoreDocument(w, parseFile(t, w.text))
		for _, v := range variants {
			// Cells cut at spaces are read only under a header whose
			// every column is known (a sentence has spaces too; reading
			// looser headers misread real pages).
			if v.name == "wide spaces" && !knownHeader(string(raw)) {
				continue
			}
			// Flattened one cell a line or cut at spaces, only the row
			// numbers tell the rows apart: a table without a 序号 has
			// none (the space reader needs a 序号 header).
			if (v.name == "one cell a line" || v.name == "wide spaces") && !strings.Contains(string(raw), "序号") {
				continue
			}
			if why, ok := knownVariantGaps[w.name+" as "+v.name]; ok {
				t.Logf("%s as %s: not compared (%s)", w.name, v.name, why)
				continue
			}
			p := filepath.Join(t.TempDir(), filepath.Base(w.text))
			if err := os.WriteFile(p, []byte(v.f(string(raw))), 0o644); err != nil {
				t.Fatal(err)
			}
			got := scoreDocument(w, parseFile(t, p))
			if got.right != want.right || got.spurious != want.spurious {
				t.Errorf("%s as %s: %d/%d right, %d spurious; as written %d/%d, %d", w.name, v.name, got.right, got.checks, got.spurious, want.right, want.checks, want.spurious)
			}
		}
	}
	if n == 0 {
		t.Skip("no dev document with a table written with |")
	}
}

// knownHeader reports whether the first line written with | in text (the
// table's header) names only columns the parser reads (a category column
// first aside).
func knownHeader(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		cells := rowCells(l)
		if len(cells) < 3 {
			continue
		}
		for i, c := range cells {
			if classifyHeader(c) == colNone && !(i == 0 && categoryHeaderRe.MatchString(c)) {
				return false
			}
		}
		return true
	}
	return true
}
