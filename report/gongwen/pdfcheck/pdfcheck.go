// Package pdfcheck inspects generated PDFs with poppler's command-line
// tools (pdftotext, pdffonts, pdfinfo), for tests: the text a reader gets
// back, the fonts and whether they are embedded, the page sizes, and where
// each line of text sits on its page.
package pdfcheck

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// Available reports whether the poppler tools are installed.
func Available() bool {
	for _, tool := range []string{"pdftotext", "pdffonts", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			return false
		}
	}
	return true
}

func run(name string, args ...string) (string, error) {
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.String(), nil
}

// Text is the document's text as pdftotext gives it, in reading order.
func Text(path string) (string, error) { return run("pdftotext", "-enc", "UTF-8", path, "-") }

// Font is one line of pdffonts.
type Font struct {
	Name     string
	Type     string
	Embedded bool
	Unicode  bool
}

// Fonts lists the document's fonts.
func Fonts(path string) ([]Font, error) {
	out, err := run("pdffonts", path)
	if err != nil {
		return nil, err
	}
	var fs []Font
	for _, ln := range strings.Split(out, "\n")[2:] {
		f := strings.Fields(ln)
		if len(f) < 7 {
			continue
		}
		// name type... encoding emb sub uni object ID
		n := len(f)
		fs = append(fs, Font{Name: f[0], Type: strings.Join(f[1:n-6], " "), Embedded: f[n-5] == "yes", Unicode: f[n-3] == "yes"})
	}
	return fs, nil
}

// Size is a page size in points.
type Size struct{ W, H float64 }

var pageSize = regexp.MustCompile(`(?m)^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)

// PageSizes returns every page's size.
func PageSizes(path string) ([]Size, error) {
	out, err := run("pdfinfo", "-f", "1", "-l", "100000", path)
	if err != nil {
		return nil, err
	}
	var ss []Size
	for _, m := range pageSize.FindAllStringSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		ss = append(ss, Size{w, h})
	}
	return ss, nil
}

// Line is a line of text with its bounding box, in points from the page's
// top left.
type Line struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Page is a page's size and its lines.
type Page struct {
	Width, Height float64
	Lines         []Line
}

type bboxDoc struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Flows  []struct {
			Blocks []struct {
				Lines []struct {
					XMin  float64  `xml:"xMin,attr"`
					YMin  float64  `xml:"yMin,attr"`
					XMax  float64  `xml:"xMax,attr"`
					YMax  float64  `xml:"yMax,attr"`
					Words []string `xml:"word"`
				} `xml:"line"`
			} `xml:"block"`
		} `xml:"flow"`
	} `xml:"body>doc>page"`
}

// Layout returns the lines of every page (pdftotext -bbox-layout).
func Layout(path string) ([]Page, error) {
	out, err := run("pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-")
	if err != nil {
		return nil, err
	}
	var doc bboxDoc
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("pdftotext -bbox-layout: %v", err)
	}
	var pages []Page
	for _, p := range doc.Pages {
		pg := Page{Width: p.Width, Height: p.Height}
		for _, f := range p.Flows {
			for _, b := range f.Blocks {
				for _, l := range b.Lines {
					pg.Lines = append(pg.Lines, Line{Text: strings.Join(l.Words, " "), XMin: l.XMin, YMin: l.YMin, XMax: l.XMax, YMax: l.YMax})
				}
			}
		}
		pages = append(pages, pg)
	}
	return pages, nil
}

// Squash removes all white space, for comparing text across line breaks.
func Squash(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\u3000':
			return -1
		}
		return r
	}, s)
}

// RawText is the text in the order it was drawn (pdftotext -raw): a table
// cell's lines stay together.
func RawText(path string) (string, error) {
	return run("pdftotext", "-raw", "-enc", "UTF-8", path, "-")
}

// Report is everything the checks look at in one PDF.
type Report struct {
	Raw   string // text in drawing order, white space removed, page numbers too
	Fonts []Font
	Sizes []Size
	Pages []Page
	// Problems are violations of the rules every report keeps: a font not
	// embedded or without a Unicode map, a line starting with closing
	// punctuation, a page size other than A4 (portrait or landscape).
	Problems []string
}

var pageNumberText = regexp.MustCompile(`—\d+—`)

// closing is the punctuation no line may start with.
const closing = "，。、；：？！）》」』”’〕】…—"

// Check runs the poppler tools on the PDF at path.
func Check(path string) (*Report, error) {
	raw, err := RawText(path)
	if err != nil {
		return nil, err
	}
	r := &Report{Raw: pageNumberText.ReplaceAllString(Squash(raw), "")}
	if r.Fonts, err = Fonts(path); err != nil {
		return nil, err
	}
	if r.Sizes, err = PageSizes(path); err != nil {
		return nil, err
	}
	if r.Pages, err = Layout(path); err != nil {
		return nil, err
	}
	if len(r.Fonts) == 0 {
		r.Problems = append(r.Problems, "no fonts")
	}
	for _, f := range r.Fonts {
		if !f.Embedded || !f.Unicode {
			r.Problems = append(r.Problems, fmt.Sprintf("font %s: embedded %v, Unicode map %v", f.Name, f.Embedded, f.Unicode))
		}
	}
	for i, s := range r.Sizes {
		portrait := near(s.W, 595.28) && near(s.H, 841.89)
		landscape := near(s.H, 595.28) && near(s.W, 841.89)
		if !portrait && !landscape {
			r.Problems = append(r.Problems, fmt.Sprintf("page %d is %.2f×%.2f, not A4", i+1, s.W, s.H))
		}
	}
	for i, p := range r.Pages {
		for _, ln := range p.Lines {
			// A lone dash is a table's "none" and a dash pair a bullet
			// (——) that the text itself starts a line with; the engine
			// never breaks a line before either.
			t := strings.TrimSpace(ln.Text)
			if t == "" || t == "—" || strings.HasPrefix(t, "——") || pageNumberText.MatchString(Squash(t)) {
				continue
			}
			if strings.ContainsRune(closing, []rune(t)[0]) {
				r.Problems = append(r.Problems, fmt.Sprintf("page %d: line starts with closing punctuation: %q", i+1, t))
			}
		}
	}
	return r, nil
}

func near(a, b float64) bool { return a-b < 0.5 && b-a < 0.5 }

// InOrder returns the first of the strings that is not found in the text
// after the previous one, white space ignored; "" when all are.
func (r *Report) InOrder(ss ...string) string {
	at := 0
	for _, s := range ss {
		s = Squash(s)
		i := strings.Index(r.Raw[at:], s)
		if i < 0 {
			return s
		}
		at += i + len(s)
	}
	return ""
}

// Contains reports whether the text holds s, white space ignored.
func (r *Report) Contains(s string) bool { return strings.Contains(r.Raw, Squash(s)) }

// Landscape is the number of landscape pages.
func (r *Report) Landscape() int {
	n := 0
	for _, s := range r.Sizes {
		if s.W > s.H {
			n++
		}
	}
	return n
}
