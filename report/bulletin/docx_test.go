package bulletin

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/report/gongwen/docxcheck"
	"github.com/taizhang-dev/taizhang/report/gongwen/pdfcheck"
)

// seedReports are the seed year's bulletin for 2024-Q4 and its annual
// report, as the demo writes them.
func seedReports(t *testing.T) map[string]*Report {
	t.Helper()
	set := seedSet(t)
	ls := yearLedgers(t, set, []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"})
	o := Options{Office: "泰州市人民政府督查室", Rules: score.Defaults}
	po := o
	po.Previous = ls[2]
	y := history.Build(ls, score.Defaults, nil)
	return map[string]*Report{
		"bulletin": Progress(ls[3], po),
		"annual":   Annual(y, []*ledger.Ledger{ls[0], ls[1], ls[2], ls[3]}, o),
	}
}

// pdfHeading is a heading line of a PDF: its level, told by its font
// (黑体 一、, 楷体 （一）, bold serif 1. and （1）), and its text.
type pdfHeading struct {
	level int // 1, 2, or 3 for both bold levels
	text  string
}

var markerRe = regexp.MustCompile(`^([一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[.．])`)

// pdfHeadings reads the headings of a PDF's body text from the fonts of
// its lines (pdftohtml -xml): a body-size line in a heading font that
// starts with a marker.
func pdfHeadings(t *testing.T, path string) []pdfHeading {
	t.Helper()
	out, err := exec.Command("pdftohtml", "-xml", "-i", "-stdout", "-q", path).Output()
	if err != nil {
		t.Fatalf("pdftohtml: %v", err)
	}
	var doc struct {
		Pages []struct {
			Fonts []struct {
				ID     string  `xml:"id,attr"`
				Size   float64 `xml:"size,attr"`
				Family string  `xml:"family,attr"`
			} `xml:"fontspec"`
			Texts []struct {
				Font  string `xml:"font,attr"`
				Inner string `xml:",innerxml"`
			} `xml:"text"`
		} `xml:"page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftohtml -xml: %v", err)
	}
	family := map[string]string{}
	var hs []pdfHeading
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, p := range doc.Pages {
		for _, f := range p.Fonts {
			if f.Size >= 22 && f.Size <= 26 { // 三号 at pdftohtml's 1.5 zoom
				family[f.ID] = f.Family
			}
		}
		for _, tx := range p.Texts {
			// A justified line comes out with spaces between its
			// characters (6 . 建 设 …).
			text := strings.Join(strings.Fields(tag.ReplaceAllString(tx.Inner, "")), "")
			if !markerRe.MatchString(text) {
				continue
			}
			level := 0
			switch fam := family[tx.Font]; {
			case strings.Contains(fam, "Sans"):
				level = 1
			case strings.Contains(fam, "Kai"):
				level = 2
			case strings.Contains(fam, "Bold"):
				level = 3
			}
			if level > 0 {
				hs = append(hs, pdfHeading{level, text})
			}
		}
	}
	return hs
}

func writeBoth(t *testing.T, r *Report, dir, name string) (pdf string, docx []byte) {
	t.Helper()
	pdf = filepath.Join(dir, name+".pdf")
	var buf bytes.Buffer
	if err := r.Doc.Write(&buf, r.Info); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pdf, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := r.Doc.WriteDocx(&buf, r.Info); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".docx"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return pdf, buf.Bytes()
}

// laidTables reads the tables the report laid out from the document's
// record of its content (unexported: read through reflect): the number
// of rows of each and all their headers.
func laidTables(r *Report) (rows []int, headers []string) {
	blocks := reflect.ValueOf(r.Doc).Elem().FieldByName("blocks")
	for i := 0; i < blocks.Len(); i++ {
		tb := blocks.Index(i).FieldByName("table")
		if tb.IsNil() {
			continue
		}
		rows = append(rows, tb.Elem().FieldByName("Rows").Len())
		cols := tb.Elem().FieldByName("Columns")
		for j := 0; j < cols.Len(); j++ {
			headers = append(headers, cols.Index(j).FieldByName("Header").String())
		}
	}
	return rows, headers
}

var headingStyle = map[int][]string{1: {"一级标题"}, 2: {"二级标题"}, 3: {"三级标题", "四级标题"}}

// The Word version of the seed year's reports holds every heading of the
// PDF in the heading style of its level, every table with its rows and
// repeated header, the attachment on landscape pages, page numbers and
// the charts as pictures; and writing it twice gives the same bytes.
func TestSeedDocx(t *testing.T) {
	if !pdfcheck.Available() {
		t.Skip("poppler-utils not installed")
	}
	dir := t.TempDir()
	if keep := os.Getenv("TAIZHANG_KEEP_DOCX"); keep != "" {
		dir = keep
	}
	for name, r := range seedReports(t) {
		t.Run(name, func(t *testing.T) {
			pdf, data := writeBoth(t, r, dir, name)
			var again bytes.Buffer
			if err := r.Doc.WriteDocx(&again, r.Info); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, again.Bytes()) {
				t.Error("writing the .docx twice gives different bytes")
			}
			x := docxcheck.Checked(t, data)
			heads := x.Headings()
			hs := pdfHeadings(t, pdf)
			if len(hs) < 5 {
				t.Fatalf("only %d headings found in the PDF", len(hs))
			}
			// The report's levels are 一、→（一）→1., strictly: each
			// counts on from 1 under its parent and starts again only
			// under a new heading of the level above, so no document's
			// own 一、 series stands inside the report's (issue 13).
			var pdfSeq, docSeq []numbered
			for _, h := range hs {
				pdfSeq = append(pdfSeq, numbered(h))
			}
			for _, h := range heads {
				for level, styles := range headingStyle {
					if slices.Contains(styles, h.Style) {
						docSeq = append(docSeq, numbered{level, h.Text})
					}
				}
			}
			checkNumbering(t, "PDF", pdfSeq)
			checkNumbering(t, ".docx", docSeq)
			// In order: each PDF heading is the start of the next docx
			// heading paragraph of its level's style.
			k := 0
			for _, h := range hs {
				want := pdfcheck.Squash(h.text)
				found := false
				for ; k < len(heads); k++ {
					if strings.HasPrefix(pdfcheck.Squash(heads[k].Text), want) {
						found = true
						ok := false
						for _, s := range headingStyle[h.level] {
							ok = ok || heads[k].Style == s
						}
						if !ok {
							t.Errorf("heading %q is in %s, want %v", h.text, heads[k].Style, headingStyle[h.level])
						}
						k++
						break
					}
				}
				if !found {
					t.Errorf("PDF heading %q (level %d) not found in order among the .docx headings", h.text, h.level)
					k = 0
				}
			}
			if len(heads) != len(hs) {
				t.Errorf("%d headings in the .docx, %d in the PDF", len(heads), len(hs))
			}
			// The tables: as many as the PDF's layout has, each with its
			// header row repeated and all its rows.
			tables, _ := laidTables(r)
			if len(x.Tables) != len(tables) {
				t.Fatalf("%d tables in the .docx, %d laid out", len(x.Tables), len(tables))
			}
			rep, err := pdfcheck.Check(pdf)
			if err != nil {
				t.Fatal(err)
			}
			for i, tb := range x.Tables {
				if tb.HeaderRows != 1 {
					t.Errorf("table %d: %d header rows", i+1, tb.HeaderRows)
				}
				if tb.Rows != tables[i]+1 {
					t.Errorf("table %d: %d rows, want %d and the header", i+1, tb.Rows, tables[i])
				}
				for _, h := range tb.Header {
					if !rep.Contains(h) {
						t.Errorf("table %d: header %q is not in the PDF", i+1, h)
					}
				}
			}
			last := x.Sections[len(x.Sections)-1]
			if len(x.Sections) < 2 || x.Sections[0].Landscape || !last.Landscape {
				t.Errorf("sections %+v: want the body portrait, the attachment landscape", x.Sections)
			}
			if x.Pictures == 0 {
				t.Error("no charts")
			}
			t.Logf("%d headings, %d tables, %d pictures, %d sections", len(hs), len(x.Tables), x.Pictures, len(x.Sections))
		})
	}
}

// The seed bulletin's .docx, converted to PDF by LibreOffice, holds every
// heading and table header of the PDF, on about as many pages.
func TestSeedDocxLibreOffice(t *testing.T) {
	testkit.RealClient(t)
	if !pdfcheck.Available() {
		t.Fatal("poppler-utils not installed")
	}
	dir := t.TempDir()
	for name, r := range seedReports(t) {
		t.Run(name, func(t *testing.T) {
			pdf, _ := writeBoth(t, r, dir, name)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			lo, err := docxcheck.ToPDF(ctx, filepath.Join(dir, name+".docx"), filepath.Join(dir, "lo"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := pdfcheck.Check(lo)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, h := range pdfHeadings(t, pdf) {
				want = append(want, h.text)
			}
			_, headers := laidTables(r)
			want = append(want, headers...)
			for _, s := range want {
				if !got.Contains(s) {
					t.Errorf("%q is not in LibreOffice's PDF", s)
				}
			}
			n, m := r.Doc.Pages(), len(got.Sizes)
			if float64(m) < 0.7*float64(n) || float64(m) > 1.3*float64(n) {
				t.Errorf("LibreOffice lays out %d pages, the PDF has %d", m, n)
			}
			if got.Landscape() == 0 {
				t.Error("no landscape pages in LibreOffice's PDF")
			}
			if keep := os.Getenv("TAIZHANG_KEEP_DOCX"); keep != "" {
				b, _ := os.ReadFile(lo)
				os.WriteFile(filepath.Join(keep, name+"-lo.pdf"), b, 0o644)
				b, _ = os.ReadFile(filepath.Join(dir, name+".docx"))
				os.WriteFile(filepath.Join(keep, name+".docx"), b, 0o644)
				b, _ = os.ReadFile(pdf)
				os.WriteFile(filepath.Join(keep, name+".pdf"), b, 0o644)
			}
		})
	}
}

type numbered struct {
	level int
	text  string
}

var levelMarker = map[int]*regexp.Regexp{
	1: regexp.MustCompile(`^([一二三四五六七八九十]+)、`),
	2: regexp.MustCompile(`^（([一二三四五六七八九十]+|\d+)）`),
	3: regexp.MustCompile(`^(\d+)[.．]`),
}

func checkNumbering(t *testing.T, what string, hs []numbered) {
	t.Helper()
	next := map[int]int{1: 1, 2: 1, 3: 1}
	for _, h := range hs {
		m := levelMarker[h.level].FindStringSubmatch(h.text)
		if m == nil {
			t.Errorf("%s: level-%d heading %q has no level-%d marker", what, h.level, h.text, h.level)
			continue
		}
		n, err := strconv.Atoi(m[1])
		if err != nil {
			n = strings.Index("一二三四五六七八九十", m[1])/len("一") + 1
		}
		if n != next[h.level] {
			t.Errorf("%s: %q is number %d at level %d; want %d", what, h.text, n, h.level, next[h.level])
		}
		next[h.level] = n + 1
		for deeper := h.level + 1; deeper <= 3; deeper++ {
			next[deeper] = 1
		}
	}
}
