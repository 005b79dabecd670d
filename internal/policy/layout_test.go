package policy

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Layouts a page or a converted file gives a document's structure, each on
// an excerpt in the project's own words: the item at path must be a task
// with these units (and this deadline, written and due, when one is given).
func TestStructureLayouts(t *testing.T) {
	for _, tt := range readLayoutCases(t, "testdata/layouts.txt") {
		t.Run(tt.name, func(t *testing.T) {
			if tt.read == "" {
				checkLayoutCase(t, tt, parseText(t, tt.text))
				return
			}
			doc, err := docread.Read("t."+tt.read, strings.NewReader(unescapeLayout(tt.text)))
			if err != nil {
				t.Fatal(err)
			}
			checkLayoutCase(t, tt, Parse(doc, loadConfig(t, "")))
		})
	}
}

// checkLayoutCase checks the item of path tt.path of the document d
// against the case.
func checkLayoutCase(t *testing.T, tt layoutCase, d *task.Document) {
	t.Helper()
	tk := byLabel(d)[tt.path]
	if tk == nil || !tk.Reportable() && tt.kind != string(task.KindOther) {
		var paths []string
		for _, x := range d.Tasks {
			paths = append(paths, strings.Join(x.Path, ".")+" "+string(x.Kind))
		}
		t.Fatalf("no task %s; items: %v", tt.path, paths)
	}
	if !slices.Equal(tk.Lead, tt.lead) || !slices.Equal(tk.Co, tt.co) {
		t.Errorf("%s: lead %q co %q; want lead %q co %q (raw %q)", tt.path, tk.Lead, tk.Co, tt.lead, tt.co, tk.UnitsRaw)
	}
	if tk.Leader != tt.leader {
		t.Errorf("%s: leader %q; want %q", tt.path, tk.Leader, tt.leader)
	}
	if tt.kind != "" && string(tk.Kind) != tt.kind {
		t.Errorf("%s: kind %s; want %s", tt.path, tk.Kind, tt.kind)
	}
	if tt.deadline == "none" && tk.Deadline != nil {
		t.Errorf("%s: deadline %+v; want none", tt.path, tk.Deadline)
	}
	if tt.deadline != "" && tt.deadline != "none" && (tk.Deadline == nil || tk.Deadline.Text != tt.deadline) {
		t.Errorf("%s: deadline %+v; want %q", tt.path, tk.Deadline, tt.deadline)
	}
	if tt.due != "" && (tk.Deadline == nil || tk.Deadline.Date != tt.due) {
		t.Errorf("%s: deadline %+v; want it due %s", tt.path, tk.Deadline, tt.due)
	}
	if tt.hastext != "" && !strings.Contains(tk.Text, tt.hastext) {
		t.Errorf("%s: text %q lacks %q", tt.path, tk.Text, tt.hastext)
	}
	if tt.notext != "" && strings.Contains(tk.Text, tt.notext) {
		t.Errorf("%s: text %q holds %q", tt.path, tk.Text, tt.notext)
	}
	if tt.flag != "" && !strings.Contains(strings.Join(tk.Flags, "|"), tt.flag) {
		t.Errorf("%s: flags %q lack %q", tt.path, tk.Flags, tt.flag)
	}
	if tt.noflag != "" && strings.Contains(strings.Join(tk.Flags, "|"), tt.noflag) {
		t.Errorf("%s: flags %q hold %q", tt.path, tk.Flags, tt.noflag)
	}
	for _, u := range append(append([]string(nil), tk.Lead...), tk.Co...) {
		if holdsNonName(u) {
			t.Errorf("%s: unit %q holds a label, a verb or punctuation", tt.path, u)
		}
	}
	checkLayoutNotes(t, d.Notes, tt)
}

// A table flattened one cell a line with | after each cell, then a blank
// line and the signature: the issuing office is no unit of the last row.
func TestTableEndsBeforeSignature(t *testing.T) {
	text := "重点工作清单\n序号 |\n重点工作 |\n责任单位 |\n完成时限 |\n1 |\n推进项目落地。 |\n招商局 |\n全年 |\n2 |\n提升园区承载能力。 |\n规划建设局 |\n全年 |\n\n某某区人民政府办公室\n2024年3月1日\n"
	doc, err := docread.Read("t.txt", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	cfg := loadConfig(t, "")
	tk := byLabel(Parse(doc, cfg))["2"]
	if tk == nil || !slices.Equal(tk.Lead, []string{"规划建设局"}) || len(tk.Co) > 0 {
		t.Fatalf("row 2 = %+v; want lead 规划建设局 and no co-unit", tk)
	}
}

// layoutCase is a case of testdata/layouts.txt.
type layoutCase struct {
	name, text, path, deadline, due, kind, leader, flag string
	lead, co                                            []string
	// note and nonote are words the document's notes must hold and must
	// not hold; text and notext words the item's text must hold and must
	// not hold; noflag words its flags must not hold.
	note, nonote, hastext, notext, noflag string
	// read is the extension of a file the excerpt is read as, through
	// docread, the way an office's file is (read=txt); then \uXXXX, \t,
	// \r and \f in it stand for the characters, which the eye cannot
	// tell in the file. Empty: the excerpt's lines are the paragraphs.
	read string
}

// layoutEscapeRe is an escape of an excerpt read as a file (see
// layoutCase.read).
var layoutEscapeRe = regexp.MustCompile(`\\(?:u[0-9a-fA-F]{4}|[trf])`)

// unescapeLayout writes the escapes of an excerpt read as a file as the
// characters they stand for.
func unescapeLayout(s string) string {
	return layoutEscapeRe.ReplaceAllStringFunc(s, func(e string) string {
		switch e[1] {
		case 't':
			return "\t"
		case 'r':
			return "\r"
		case 'f':
			return "\f"
		}
		r, _ := strconv.ParseUint(e[2:], 16, 32)
		return string(rune(r))
	})
}

func checkLayoutNotes(t *testing.T, notes []string, tt layoutCase) {
	t.Helper()
	all := strings.Join(notes, "|")
	if tt.note != "" && !strings.Contains(all, tt.note) {
		t.Errorf("notes %q lack %q", notes, tt.note)
	}
	if tt.nonote != "" && strings.Contains(all, tt.nonote) {
		t.Errorf("notes %q hold %q", notes, tt.nonote)
	}
}

func readLayoutCases(t *testing.T, name string) []layoutCase {
	t.Helper()
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var cases []layoutCase
	for _, part := range strings.Split("\n"+string(raw), "\n== ")[1:] {
		head, text, _ := strings.Cut(part, "\n")
		// One want: line or more, each a check of the same excerpt.
		var wants []string
		for strings.HasPrefix(text, "want:") {
			var want string
			want, text, _ = strings.Cut(text, "\n")
			wants = append(wants, want)
		}
		if len(wants) == 0 {
			t.Fatalf("%s: case %q has no want: line", name, head)
		}
		read := ""
		var own []layoutCase
		for k, want := range wants {
			c := layoutCase{name: head, text: strings.TrimRight(text, "\n")}
			if len(wants) > 1 {
				c.name = fmt.Sprintf("%s #%d", head, k+1)
			}
			field := map[string]*string{"path": &c.path, "deadline": &c.deadline, "due": &c.due, "kind": &c.kind, "leader": &c.leader,
				"flag": &c.flag, "note": &c.note, "nonote": &c.nonote, "text": &c.hastext, "notext": &c.notext, "noflag": &c.noflag, "read": &c.read}
			for _, f := range wantFields(strings.TrimPrefix(want, "want:")) {
				k, v, _ := strings.Cut(f, "=")
				switch p := field[k]; {
				case p != nil:
					*p = v
				case k == "lead" && v != "":
					c.lead = strings.Split(v, ",")
				case k == "co" && v != "":
					c.co = strings.Split(v, ",")
				case k == "lead", k == "co":
					// lead= or co= alone: none.
				default:
					t.Fatalf("%s: case %q: unknown field %q", name, head, k)
				}
			}
			if c.read != "" {
				read = c.read
			}
			own = append(own, c)
		}
		// read= names how the excerpt is read, on whichever want: line.
		for k := range own {
			own[k].read = read
		}
		cases = append(cases, own...)
	}
	if len(cases) == 0 {
		t.Fatalf("%s holds no case", name)
	}
	return cases
}

// wantFields splits a want: line into its key=value fields at spaces; a
// value holding a space is quoted (leader="王 某").
func wantFields(s string) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		end := strings.IndexByte(s, ' ')
		if k, v, ok := strings.Cut(s, `="`); ok && (end < 0 || len(k) < end) {
			if q := strings.IndexByte(v, '"'); q >= 0 {
				out = append(out, k+"="+v[:q])
				s = v[q+1:]
				continue
			}
		}
		if end < 0 {
			end = len(s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}
