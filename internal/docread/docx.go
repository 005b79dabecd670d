package docread

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
)

// A .docx is a zip of XML parts; the text is in word/document.xml. It is
// read as a token stream (documents with large tables stay cheap) into
// paragraphs and tables. Word's automatic numbering is not in the text, so
// it is rebuilt from word/numbering.xml: without it 一、 and （一） vanish
// and the parser cannot see the structure.

const (
	maxDocxDepth  = 256 // element nesting followed; deeper content is skipped
	wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	mcNamespace   = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

var errZipBomb = errors.New("decompressed size over limit")

// maxUnzipped is the total number of bytes decompressed from one file. A
// variable so that tests can check the guard without building 64 MB.
var maxUnzipped int64 = 64 << 20

// readZip reads a .docx, or says what other kind of zip the file is.
func readZip(name, ext string, data []byte) ([]line, Meta, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, Meta{}, inputErr(name, badZipMsg(ext))
	}
	pkg := &docxPackage{files: map[string]*zip.File{}, budget: maxUnzipped}
	for _, f := range zr.File {
		pkg.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	main := pkg.mainPart()
	if main == "" || pkg.files["xl/workbook.xml"] != nil {
		return nil, Meta{}, inputErr(name, pkg.kindMsg(ext))
	}
	lines, err := pkg.read(main)
	switch {
	case errors.Is(err, errZipBomb):
		return nil, Meta{}, inputErr(name, msgDocxBomb)
	case err != nil:
		return nil, Meta{}, inputErr(name, msgBadDocx)
	}
	return lines, Meta{Title: pkg.coreTitle()}, nil
}

func badZipMsg(ext string) string {
	switch ext {
	case ".docx", ".docm", ".dotx", ".wps":
		return msgBadDocx
	}
	return msgZip
}

// docxPackage is an opened zip with a budget for decompressed bytes, so
// that a small file cannot expand into gigabytes.
type docxPackage struct {
	files  map[string]*zip.File
	budget int64
}

// mainPart finds the document part: from the package relationships, as
// Word does, else at its usual name.
func (p *docxPackage) mainPart() string {
	if data, err := p.file("_rels/.rels"); err == nil {
		var rels struct {
			Rel []struct {
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if xml.Unmarshal(data, &rels) == nil {
			for _, r := range rels.Rel {
				target := strings.TrimPrefix(path.Clean("/"+r.Target), "/")
				if strings.HasSuffix(r.Type, "/officeDocument") && p.files[target] != nil {
					return target
				}
			}
		}
	}
	if p.files["word/document.xml"] != nil {
		return "word/document.xml"
	}
	return ""
}

// kindMsg names a zip that is not a Word document.
func (p *docxPackage) kindMsg(ext string) string {
	switch {
	case p.files["xl/workbook.xml"] != nil:
		return msgExcel
	case p.files["ppt/presentation.xml"] != nil:
		return msgPPT
	case p.files["OFD.xml"] != nil || ext == ".ofd":
		return msgOFD
	case p.files["content.xml"] != nil && p.files["mimetype"] != nil:
		return msgODT
	case ext == ".docx" || ext == ".wps":
		return msgBadDocx
	}
	return msgZip
}

// file returns a part's bytes, charged against the budget.
func (p *docxPackage) file(name string) ([]byte, error) {
	f := p.files[name]
	if f == nil {
		return nil, errors.New("missing part " + name)
	}
	if f.UncompressedSize64 > uint64(p.budget) {
		return nil, errZipBomb
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, p.budget+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > p.budget {
		return nil, errZipBomb
	}
	p.budget -= int64(len(data))
	return data, nil
}

// read parses the main part with the numbering definitions it refers to.
func (p *docxPackage) read(main string) ([]line, error) {
	data, err := p.file(main)
	if err != nil {
		return nil, err
	}
	num := newNumbering()
	dir := path.Dir(main)
	if b, err := p.file(path.Join(dir, "numbering.xml")); err == nil {
		num.load(b)
	} else if errors.Is(err, errZipBomb) {
		return nil, err
	}
	if b, err := p.file(path.Join(dir, "styles.xml")); err == nil {
		num.loadStyles(b)
	} else if errors.Is(err, errZipBomb) {
		return nil, err
	}
	dp := &docxParser{dec: xml.NewDecoder(bytes.NewReader(data)), num: num}
	if err := dp.document(); err != nil {
		return nil, err
	}
	return dp.out, nil
}

// coreTitle is the title in the document properties, a last resort: it
// is often a template's name.
func (p *docxPackage) coreTitle() string {
	data, err := p.file("docProps/core.xml")
	if err != nil {
		return ""
	}
	var core struct {
		Title string `xml:"title"`
	}
	if xml.Unmarshal(data, &core) != nil {
		return ""
	}
	return cleanLine(core.Title)
}

// docxParser walks document.xml. Paragraphs go to a sink: the body, or a
// table cell being filled.
type docxParser struct {
	dec *xml.Decoder
	num *numbering
	out []line
}

type sink interface {
	paragraph(text string)
	table(rows [][]string)
}

// bodySink adds paragraphs and tables to the document.
type bodySink struct{ p *docxParser }

func (s bodySink) paragraph(text string) {
	for _, part := range strings.Split(text, "\n") {
		s.p.out = append(s.p.out, line{text: cleanLine(part)})
	}
}

func (s bodySink) table(rows [][]string) {
	if len(rows) > 0 {
		s.p.out = append(s.p.out, line{rows: rows})
	}
}

// cellSink collects a cell's text; a table nested in a cell is flattened
// into it, one line per row.
type cellSink struct{ lines []string }

func (s *cellSink) paragraph(text string) {
	for _, part := range strings.Split(text, "\n") {
		if t := cleanLine(part); t != "" {
			s.lines = append(s.lines, t)
		}
	}
}

func (s *cellSink) table(rows [][]string) {
	for _, row := range rows {
		if t := strings.Join(nonEmpty(row), " "); t != "" {
			s.lines = append(s.lines, t)
		}
	}
}

func (s *cellSink) text() string { return strings.Join(s.lines, "\n") }

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// paraState is the paragraph being read.
type paraState struct {
	text   strings.Builder
	style  string
	numID  int
	ilvl   int
	hasNum bool
}

// walk reads up to the end of the current element: the one loop over the
// token stream that every reader below shares. visit is called for each
// element that starts inside it; it either reads the element to its end
// itself (p.dec.Skip, or a reader of its own) and returns false, or returns
// true to have walk go on into the element's children, which it visits in
// turn. text, when not nil, gets the character data directly inside the
// current element.
func (p *docxParser) walk(visit func(xml.StartElement) (descend bool, err error), text func(xml.CharData)) error {
	for depth := 1; depth > 0; {
		tok, err := p.dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			descend, err := visit(t)
			if err != nil {
				return err
			}
			if descend {
				depth++
			}
		case xml.CharData:
			if text != nil && depth == 1 {
				text(t)
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// done is a visit result for an element read to its end.
func done(err error) (bool, error) { return false, err }

// document reads the whole part. Any XML error means a damaged file.
func (p *docxParser) document() error {
	body := bodySink{p}
	err := p.walk(func(se xml.StartElement) (bool, error) {
		return done(p.element(se, body, nil, 1))
	}, nil)
	if err == io.EOF {
		return nil
	}
	return err
}

// children reads up to the end of the current element.
func (p *docxParser) children(s sink, para *paraState, depth int) error {
	return p.walk(func(t xml.StartElement) (bool, error) {
		return done(p.element(t, s, para, depth+1))
	}, nil)
}

// skippedElements hold no visible text, or text that is repeated
// elsewhere (deleted revisions, field codes, property blocks).
var skippedElements = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "instrText": true, "rPr": true, "sectPr": true,
	"tblPr": true, "tblGrid": true, "trPr": true, "tcPr": true, "fldData": true, "footnoteReference": true,
	"endnoteReference": true, "commentReference": true, "sym": true, "object": true, "sdtPr": true,
	"sdtEndPr": true, "rt": true, // rt: the pinyin above ruby text
}

func (p *docxParser) element(t xml.StartElement, s sink, para *paraState, depth int) error {
	if depth > maxDocxDepth {
		return p.dec.Skip()
	}
	if t.Name.Space == mcNamespace && t.Name.Local == "Fallback" {
		return p.dec.Skip() // the same text box again, for old readers
	}
	if t.Name.Space != wordNamespace {
		return p.children(s, para, depth)
	}
	switch name := t.Name.Local; {
	case name == "p":
		return p.paragraph(s, depth)
	case name == "tbl":
		return p.table(s, depth)
	case skippedElements[name]:
		return p.dec.Skip()
	case para == nil:
		return p.children(s, para, depth)
	case name == "t":
		return p.runText(para)
	case name == "tab":
		para.text.WriteByte(' ')
	case name == "br" || name == "cr":
		para.text.WriteByte('\n')
	case name == "noBreakHyphen":
		para.text.WriteByte('-')
	case name == "pPr":
		return p.paraProps(para)
	default:
		return p.children(s, para, depth)
	}
	return p.dec.Skip()
}

func (p *docxParser) runText(para *paraState) error {
	return p.walk(func(xml.StartElement) (bool, error) {
		return done(p.dec.Skip())
	}, func(t xml.CharData) { para.text.Write(t) })
}

// paragraph reads a w:p and hands its text, with the rebuilt number, to
// the sink. Paragraphs nested in text boxes go to the sink on their own.
func (p *docxParser) paragraph(s sink, depth int) error {
	para := &paraState{}
	if err := p.children(s, para, depth); err != nil {
		return err
	}
	text := para.text.String()
	if marker := p.num.marker(para); marker != "" && strings.TrimSpace(text) != "" {
		text = marker + strings.TrimLeft(text, " ")
	}
	s.paragraph(text)
	return nil
}

// paraProps reads the style and numbering of a paragraph from w:pPr.
func (p *docxParser) paraProps(para *paraState) error {
	return p.walk(func(t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "pPrChange", "rPr", "sectPr":
			// earlier formatting of a tracked change; run properties
			return done(p.dec.Skip())
		case "pStyle":
			para.style = attr(t, "val")
		case "numId":
			para.numID, para.hasNum = atoi(attr(t, "val")), true
		case "ilvl":
			para.ilvl = atoi(attr(t, "val"))
		}
		return true, nil
	}, nil)
}

// table reads a w:tbl into rows: gridSpan repeats a cell across the
// columns it spans, vMerge continuation copies the cell above.
func (p *docxParser) table(s sink, depth int) error {
	tb := &tableState{}
	if err := p.tableChildren(tb, depth); err != nil {
		return err
	}
	// Empty rows were kept while reading so that vMerge finds the row
	// above; they go now.
	var rows [][]string
	for _, row := range tb.rows {
		if row = trimEmptyTail(row); len(row) > 0 {
			rows = append(rows, row)
		}
	}
	s.table(rows)
	return nil
}

type tableState struct {
	rows  [][]string
	cells int
}

func (p *docxParser) tableChildren(tb *tableState, depth int) error {
	return p.walk(func(t xml.StartElement) (bool, error) {
		switch {
		case depth >= maxDocxDepth || t.Name.Local == "tblPr" || t.Name.Local == "tblGrid":
			return done(p.dec.Skip())
		case t.Name.Space == wordNamespace && t.Name.Local == "tr":
			return done(p.row(tb, depth+1))
		default: // w:sdt, w:customXml around rows
			return done(p.tableChildren(tb, depth+1))
		}
	}, nil)
}

// docxCell is a w:tc before spans are resolved.
type docxCell struct {
	text   string
	span   int
	merged bool // vMerge continuation: the cell above spans into this one
}

func (p *docxParser) row(tb *tableState, depth int) error {
	var cells []docxCell
	gridBefore := 0
	if err := p.rowChildren(&cells, &gridBefore, depth); err != nil {
		return err
	}
	var above []string
	if len(tb.rows) > 0 {
		above = tb.rows[len(tb.rows)-1]
	}
	row := make([]string, gridBefore)
	for _, c := range cells {
		for k := 0; k < c.span; k++ {
			text := c.text
			if c.merged && len(row) < len(above) {
				text = above[len(row)]
			}
			row = append(row, text)
		}
	}
	// A table past the cell limit is cut short rather than refused: the
	// rest of the document is still worth reading.
	if tb.cells += len(row); tb.cells <= maxTableCells {
		tb.rows = append(tb.rows, row)
	}
	return nil
}

func (p *docxParser) rowChildren(cells *[]docxCell, gridBefore *int, depth int) error {
	return p.walk(func(t xml.StartElement) (bool, error) {
		switch {
		case depth >= maxDocxDepth:
			return done(p.dec.Skip())
		case t.Name.Local == "trPr" || t.Name.Local == "tblPrEx":
			n, err := p.gridBefore()
			*gridBefore = n
			return done(err)
		case t.Name.Space == wordNamespace && t.Name.Local == "tc":
			c, err := p.cell(depth + 1)
			*cells = append(*cells, c)
			return done(err)
		default:
			return done(p.rowChildren(cells, gridBefore, depth+1))
		}
	}, nil)
}

// gridBefore reads w:trPr for the number of grid columns skipped before
// the first cell, so that merged cells line up with the row above.
func (p *docxParser) gridBefore() (int, error) {
	n := 0
	err := p.walk(func(t xml.StartElement) (bool, error) {
		if t.Name.Local == "gridBefore" {
			n = min(max(atoi(attr(t, "val")), 0), maxSpan)
		}
		return true, nil
	}, nil)
	if err != nil {
		return 0, err
	}
	return n, nil
}

func (p *docxParser) cell(depth int) (docxCell, error) {
	c := docxCell{span: 1}
	cs := &cellSink{}
	err := p.walk(func(t xml.StartElement) (bool, error) {
		if t.Name.Local == "tcPr" {
			return done(p.cellProps(&c))
		}
		return done(p.element(t, cs, nil, depth+1))
	}, nil)
	if err != nil {
		return c, err
	}
	c.text = cs.text()
	return c, nil
}

func (p *docxParser) cellProps(c *docxCell) error {
	return p.walk(func(t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "gridSpan":
			c.span = min(max(atoi(attr(t, "val")), 1), maxSpan)
		case "vMerge":
			v := attr(t, "val")
			c.merged = v == "" || v == "continue"
		case "tcPrChange":
			return done(p.dec.Skip())
		}
		return true, nil
	}, nil)
}

// attr returns an attribute by local name: Word writes w:val, other
// producers sometimes drop the prefix.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}
