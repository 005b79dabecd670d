// Package docxcheck reads back the Word documents of the reports for the
// tests: the paragraphs with their styles, the tables, the sections and
// the pictures of word/document.xml, and the package's parts, with the
// problems a reader would stumble on (a part without a content type, a
// relationship to a missing part, a picture that is not a PNG, a footer
// without a page number).
package docxcheck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// Para is a paragraph: its style id and its text (line breaks as \n).
type Para struct {
	Style   string
	Text    string
	InTable bool
}

// Table is a table: its rows and how many of them are header rows
// repeated on every page.
type Table struct {
	Rows       int
	HeaderRows int
	Whole      int      // rows kept whole on one page (cantSplit)
	Header     []string // the first row's cell texts
}

// Section is a section's page setup.
type Section struct {
	Landscape bool
	W, H      int // page size, twips
}

// Doc is what the checks look at in one .docx.
type Doc struct {
	Paras    []Para
	Tables   []Table
	Sections []Section
	Pictures int
	// Styles maps style ids to names.
	Styles map[string]string
	Parts  map[string][]byte
	// Problems are the package's defects.
	Problems []string
}

// Checked parses a .docx for a test: it stops the test when the package
// cannot be read and reports each of its problems.
func Checked(tb testing.TB, data []byte) *Doc {
	tb.Helper()
	d, err := Read(data)
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range d.Problems {
		tb.Error(p)
	}
	return d
}

// Read parses a .docx.
func Read(data []byte) (*Doc, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	d := &Doc{Parts: map[string][]byte{}, Styles: map[string]string{}}
	for _, f := range z.File {
		b, err := outfile.ReadZipFile(f, 1<<30)
		if err != nil {
			return nil, err
		}
		d.Parts[f.Name] = b
	}
	doc, ok := d.Parts["word/document.xml"]
	if !ok {
		return nil, fmt.Errorf("no word/document.xml")
	}
	if err := d.readBody(doc); err != nil {
		return nil, err
	}
	if err := d.readStyles(d.Parts["word/styles.xml"]); err != nil {
		return nil, err
	}
	d.checkPackage()
	return d, nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (d *Doc) readBody(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		para    *Para
		text    strings.Builder
		inText  bool
		tables  []*Table // open tables, innermost last
		row     int      // cells' paragraphs of the first row
		inTrPr  bool
		inPPr   bool
		cell    strings.Builder
		inCell  bool
		sectNow *Section
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				para = &Para{InTable: len(tables) > 0}
				text.Reset()
			case "pStyle":
				if para != nil {
					para.Style = attr(t, "val")
				}
			case "t":
				inText = true
			case "br":
				if para != nil {
					text.WriteString("\n")
				}
			case "tab":
				if para != nil && !inPPr {
					text.WriteString("\t")
				}
			case "tbl":
				tables = append(tables, &Table{})
			case "tr":
				tb := tables[len(tables)-1]
				tb.Rows++
				row = tb.Rows
			case "trPr":
				inTrPr = true
			case "pPr":
				inPPr = true
			case "tblHeader":
				if inTrPr && attr(t, "val") != "0" && attr(t, "val") != "false" {
					tables[len(tables)-1].HeaderRows++
				}
			case "cantSplit":
				if inTrPr {
					tables[len(tables)-1].Whole++
				}
			case "tc":
				inCell = true
				cell.Reset()
			case "blip":
				d.Pictures++
			case "sectPr":
				sectNow = &Section{}
			case "pgSz":
				if sectNow != nil {
					sectNow.Landscape = attr(t, "orient") == "landscape"
					fmt.Sscan(attr(t, "w"), &sectNow.W)
					fmt.Sscan(attr(t, "h"), &sectNow.H)
				}
			}
		case xml.CharData:
			if inText && para != nil {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if para != nil {
					para.Text = text.String()
					d.Paras = append(d.Paras, *para)
					if inCell {
						if cell.Len() > 0 {
							cell.WriteString("\n")
						}
						cell.WriteString(para.Text)
					}
				}
				para = nil
			case "trPr":
				inTrPr = false
			case "pPr":
				inPPr = false
			case "tc":
				inCell = false
				if tb := tables[len(tables)-1]; row == 1 {
					tb.Header = append(tb.Header, cell.String())
				}
			case "tbl":
				d.Tables = append(d.Tables, *tables[len(tables)-1])
				tables = tables[:len(tables)-1]
			case "sectPr":
				d.Sections = append(d.Sections, *sectNow)
				sectNow = nil
			}
		}
	}
	return nil
}

func (d *Doc) readStyles(data []byte) error {
	var st struct {
		Styles []struct {
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal(data, &st); err != nil {
		return fmt.Errorf("styles.xml: %v", err)
	}
	for _, s := range st.Styles {
		d.Styles[s.ID] = s.Name.Val
	}
	return nil
}

// checkPackage lists the package's defects: every part parses as XML (but
// the pictures) and has a content type, every relationship's target
// exists, every picture is a PNG, every footer holds a PAGE field.
func (d *Doc) checkPackage() {
	var ct struct {
		Defaults []struct {
			Ext string `xml:"Extension,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(d.Parts["[Content_Types].xml"], &ct); err != nil {
		d.Problems = append(d.Problems, "[Content_Types].xml: "+err.Error())
	}
	exts, parts := map[string]bool{}, map[string]bool{}
	for _, x := range ct.Defaults {
		exts[strings.ToLower(x.Ext)] = true
	}
	for _, o := range ct.Overrides {
		parts[o.Part] = true
	}
	for name, data := range d.Parts {
		if name == "[Content_Types].xml" {
			continue
		}
		ext := strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
		if !parts["/"+name] && !exts[ext] {
			d.Problems = append(d.Problems, name+": no content type")
		}
		switch {
		case ext == "png":
			if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
				d.Problems = append(d.Problems, name+": not a PNG")
			}
		default:
			if err := wellFormed(data); err != nil {
				d.Problems = append(d.Problems, name+": "+err.Error())
			}
		}
		if strings.HasPrefix(name, "word/footer") && !bytes.Contains(data, []byte(" PAGE ")) {
			d.Problems = append(d.Problems, name+": no PAGE field")
		}
	}
	for o := range parts {
		if _, ok := d.Parts[strings.TrimPrefix(o, "/")]; !ok {
			d.Problems = append(d.Problems, "[Content_Types].xml names a missing part "+o)
		}
	}
	for name, data := range d.Parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rels []struct {
				Target string `xml:"Target,attr"`
				Mode   string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(data, &rels); err != nil {
			continue
		}
		// _rels/.rels is relative to the root, word/_rels/x.rels to word/.
		base := path.Dir(path.Dir(name))
		for _, r := range rels.Rels {
			if r.Mode == "External" {
				continue
			}
			target := path.Clean(path.Join(base, r.Target))
			if _, ok := d.Parts[target]; !ok {
				d.Problems = append(d.Problems, name+": relationship to a missing part "+target)
			}
		}
	}
}

func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// Headings are the paragraphs whose style's name ends in 标题 (标题 itself
// excepted), with their style names.
func (d *Doc) Headings() []Para {
	var out []Para
	for _, p := range d.Paras {
		if n := d.Styles[p.Style]; strings.HasSuffix(n, "级标题") {
			out = append(out, Para{Style: n, Text: p.Text, InTable: p.InTable})
		}
	}
	return out
}

// Text is the text of every paragraph, one a line.
func (d *Doc) Text() string {
	var b strings.Builder
	for _, p := range d.Paras {
		b.WriteString(p.Text + "\n")
	}
	return b.String()
}
