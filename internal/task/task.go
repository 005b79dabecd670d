// Package task is the task model that every stage of taizhang shares: the
// documents a task list came from and, for each, its numbered items (tasks,
// targets and other clauses) with their responsible units, deadlines and
// numeric targets. The JSON field names are part of the tool's interface.
package task

import (
	"cmp"
	"path/filepath"
	"strings"
)

// Kind says what a numbered item of a policy document is.
type Kind string

const (
	// KindTask is a task that units must carry out and report on.
	KindTask Kind = "task"
	// KindTarget is an item of a 主要目标 / 指标 section.
	KindTarget Kind = "target"
	// KindOther is guidance without an owner (指导思想, 基本原则, …).
	KindOther Kind = "other"
)

// Set is a task list: the documents it was built from, in order.
type Set struct {
	Documents []*Document `json:"documents"`
}

// Document is one policy document and the items parsed from it.
type Document struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	DocNumber string `json:"doc_number"`
	Issuer    string `json:"issuer"`
	Date      string `json:"date"`
	// Notes are what the parser noticed about the document as a whole, e.g.
	// the rule it used to tell lead units from co-units.
	Notes []string `json:"notes"`
	Tasks []*Task  `json:"tasks"`
}

// Name is what the office reads as the document's name: its title, else
// its file's name without the extension (offices name files after the
// document: 关于印发某某方案的通知.docx), else its ID.
func (d *Document) Name() string {
	return cmp.Or(strings.TrimSpace(d.Title), strings.TrimSuffix(d.Source, filepath.Ext(d.Source)), d.ID)
}

// Task is one numbered item of a document. Only items of kind task and
// target are reported on; other items are kept so the task list can show the
// document's whole outline.
type Task struct {
	ID       string   `json:"id"`
	Path     []string `json:"path"`
	Kind     Kind     `json:"kind"`
	Headings []string `json:"headings"`
	Title    string   `json:"title"`
	Text     string   `json:"text"`
	Lead     []string `json:"lead"`
	Co       []string `json:"co"`
	UnitsRaw string   `json:"units_raw"`
	// Leader is the person the document names for the item (分管领导：王某某),
	// never a unit; "" when it names none.
	Leader   string    `json:"leader,omitempty"`
	Deadline *Deadline `json:"deadline"`
	Targets  []Target  `json:"targets"`
	Flags    []string  `json:"flags"`
}

// Deadline is a completion deadline as written, with a date (YYYY-MM-DD)
// where one can be derived. Recurring or open-ended deadlines (每年, 持续推进)
// have no date.
type Deadline struct {
	Text string `json:"text"`
	Date string `json:"date"`
}

// Target is a numeric target found in a task's text, e.g.
// "高新技术企业数量…超过1000家" → indicator 高新技术企业数量, op >, value 1000, unit 家.
type Target struct {
	Text      string  `json:"text"`
	Indicator string  `json:"indicator"`
	Op        string  `json:"op"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit"`
	Year      int     `json:"year"`
}

// Label is the item's numbering as the document writes it, e.g. "二(三)4";
// two numbers in a row are parted by a dot: 1.1, not 11.
func (t *Task) Label() string {
	s := ""
	for _, p := range t.Path {
		// 1 then 1 reads 1.1, not 11 (a goal's rows numbered under it).
		if s != "" && p != "" && isDigit(s[len(s)-1]) && isDigit(p[0]) {
			s += "."
		}
		s += p
	}
	return s
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// Reportable reports whether units report progress on the item.
func (t *Task) Reportable() bool { return t.Kind == KindTask || t.Kind == KindTarget }

// IsHeading reports whether t is a heading of the document's outline: an
// item under which other items are numbered.
func (d *Document) IsHeading(t *Task) bool {
	for _, o := range d.Tasks {
		if len(o.Path) > len(t.Path) && samePrefix(o.Path, t.Path) {
			return true
		}
	}
	return false
}

func samePrefix(path, prefix []string) bool {
	for i, p := range prefix {
		if path[i] != p {
			return false
		}
	}
	return true
}

// Units lists every unit that leads or co-operates on a task or target of the
// set, each once, in order of first appearance.
func (s *Set) Units() []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range s.Documents {
		for _, t := range d.Tasks {
			if !t.Reportable() {
				continue
			}
			for _, u := range append(append([]string(nil), t.Lead...), t.Co...) {
				if !seen[u] {
					seen[u] = true
					out = append(out, u)
				}
			}
		}
	}
	return out
}
