package gongwen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// The fonts a Word document names for each role: the standard fonts of
// official documents, which a PC of a government office has; fontTable.xml
// gives each a common alternative. Latin letters and digits are set in
// Times New Roman.
var docxFont = map[typeface.Role]string{
	typeface.Body:  "仿宋_GB2312",
	typeface.Bold:  "仿宋_GB2312",
	typeface.Title: "方正小标宋简体",
	typeface.Hei:   "黑体",
	typeface.Kai:   "楷体_GB2312",
}

const (
	latinFont  = "Times New Roman"
	numberFont = "宋体" // the page numbers
)

// docxFonts lists the fonts of fontTable.xml with their alternative names
// (what Word and WPS try when the font is missing) and families.
var docxFonts = []struct{ name, alt, family, pitch string }{
	{"仿宋_GB2312", "仿宋", "modern", "fixed"},
	{"方正小标宋简体", "宋体", "script", "fixed"},
	{"黑体", "SimHei", "modern", "fixed"},
	{"楷体_GB2312", "楷体", "modern", "fixed"},
	{"宋体", "SimSun", "auto", "variable"},
	{latinFont, "", "roman", "variable"},
}

// Paragraph styles of the Word document, by role.
const (
	styleNormal  = "Normal"   // the base: 三号仿宋 on the line grid, no indent
	styleBody    = "Zhengwen" // 正文: first line indented two characters
	styleTitle   = "Biaoti"   // 标题
	styleTable   = "Biaoge"   // 表格文字
	styleFigure  = "Tu"       // 图: a paragraph holding a picture
	styleFooter  = "Footer"
	styleHeading = "Heading" // + level: Heading1 一级标题 …
)

// gridSpacing condenses 三号 characters to CharPitch, rounded down to a
// twentieth of a point so that 28 still fit.
var gridSpacing = `<w:spacing w:val="` + strconv.Itoa(int(math.Floor((CharPitch-SizeSan)*20))) + `"/>`

// headingStyles names the heading styles for levels 1–4.
var headingStyles = []string{"一级标题", "二级标题", "三级标题", "四级标题"}

// twips converts points to twentieths of a point, the unit of page
// setup, indents and spacing in WordprocessingML.
func twips(pt float64) int { return int(math.Round(pt * 20)) }

// emu converts points to English Metric Units, the unit of DrawingML.
func emu(pt float64) int64 { return int64(math.Round(pt * 12700)) }

// zipTime is the time stamped on every part, so that the same document
// gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// docx is a Word document being written.
type docx struct {
	d     *Doc
	body  []docxElem
	media [][]byte // PNG pictures, word/media/image<n>.png
	// landscape is the orientation of the section being written.
	landscape bool
	err       error
}

// docxElem is a paragraph or a table of the body. A paragraph's
// properties are kept apart so that a section break can be added to them.
type docxElem struct {
	table string // a whole <w:tbl>; "" for a paragraph
	ppr   string // the paragraph properties without sectPr
	sect  string // a <w:sectPr> ending a section at this paragraph
	runs  string
}

func (e docxElem) xml() string {
	if e.table != "" {
		return e.table
	}
	var b strings.Builder
	b.WriteString("<w:p>")
	if e.ppr != "" || e.sect != "" {
		b.WriteString("<w:pPr>" + e.ppr + e.sect + "</w:pPr>")
	}
	b.WriteString(e.runs + "</w:p>")
	return b.String()
}

// WriteDocx writes the document as a Word document (.docx, Office Open
// XML) to w: the same content in the same order as the PDF, in paragraph
// styles named for their role (标题, 一级标题 …, 正文), on GB/T 9704 pages
// (A4, the margins, 22 lines of 28 characters), with page numbers `— 1 —`
// in the footer, tables as Word tables with their header row repeated, an
// attachment of the other orientation in a section of its own and charts
// as pictures. Word lays out the pages itself; the fonts are named, not
// embedded, as the office's own documents do. The output depends on the
// content alone: the same document writes the same bytes.
func (d *Doc) WriteDocx(w io.Writer, info Info) error {
	x := &docx{d: d}
	for _, b := range d.blocks {
		x.block(b)
		if x.err != nil {
			return x.err
		}
	}
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", x.contentTypes()},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/core.xml", coreProps(info)},
		{"docProps/app.xml", []byte(appProps)},
		{"docProps/custom.xml", customProps()},
		{"word/document.xml", x.document()},
		{"word/_rels/document.xml.rels", x.documentRels()},
		{"word/styles.xml", []byte(stylesXML())},
		{"word/settings.xml", []byte(settingsXML)},
		{"word/fontTable.xml", []byte(fontTableXML())},
		{"word/footer1.xml", footerXML(true)},
		{"word/footer2.xml", footerXML(false)},
	}
	for i, m := range x.media {
		parts = append(parts, struct {
			name string
			data []byte
		}{fmt.Sprintf("word/media/image%d.png", i+1), m})
	}
	z := zip.NewWriter(w)
	for _, p := range parts {
		method := zip.Deflate
		if strings.HasSuffix(p.name, ".png") {
			method = zip.Store // already compressed
		}
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	return z.Close()
}

// esc escapes text for XML character data and attribute values.
func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (x *docx) add(e docxElem) { x.body = append(x.body, e) }

func (x *docx) para(ppr, runs string) { x.add(docxElem{ppr: ppr, runs: runs}) }

// block adds one block of content.
func (x *docx) block(b block) {
	switch b.kind {
	case blockMasthead:
		x.masthead(b)
	case blockTitle:
		x.title(b.text)
	case blockHeading:
		x.heading(b)
	case blockParagraph:
		x.paragraph(b.style, b.spans)
	case blockTable:
		x.table(b.table)
	case blockFigure:
		x.figure(b)
	case blockAttachments:
		x.attachments(b.titles)
	case blockAttachment:
		x.attachment(b)
	case blockSignature:
		x.signature(b.office, b.date)
	case blockPageBreak:
		if b.landscape != x.landscape {
			x.endSection(b.landscape)
		}
	}
}

// pPr builds paragraph properties in the order the schema asks for.
type pPr struct {
	style          string
	keepNext       bool
	pageBreak      bool
	border         string // <w:pBdr>
	tabs           string // <w:tabs>
	noAutoSpace    bool   // no extra space between Chinese and Latin text
	noGrid         bool
	spacing        string // <w:spacing>
	ind            string // <w:ind>
	jc             string
	paragraphMarkR string // <w:rPr> of the paragraph mark
}

func (p pPr) xml() string {
	var b strings.Builder
	if p.style != "" {
		b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if p.pageBreak {
		b.WriteString("<w:pageBreakBefore/>")
	}
	b.WriteString(p.border + p.tabs)
	if p.noAutoSpace {
		b.WriteString(`<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`)
	}
	if p.noGrid {
		b.WriteString(`<w:snapToGrid w:val="0"/>`)
	}
	b.WriteString(p.spacing + p.ind)
	if p.jc != "" {
		b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	b.WriteString(p.paragraphMarkR)
	return b.String()
}

// exact is line spacing of pt points, exactly.
func exact(pt float64) string {
	return `<w:spacing w:line="` + strconv.Itoa(twips(pt)) + `" w:lineRule="exact"/>`
}

func jcOf(a Align) string {
	switch a {
	case Center:
		return "center"
	case Right:
		return "right"
	case Left:
		return "left"
	}
	return "both"
}

// runStyle is what a paragraph's style already sets for its runs: the
// role whose font it names and the size in points.
type runStyle struct {
	role typeface.Role
	size float64
}

// rPr is the run properties of text in role, size and colour, given what
// the paragraph's style sets.
func rPr(base runStyle, role typeface.Role, size float64, c Color) string {
	if role == "" {
		role = typeface.Body
	}
	var b strings.Builder
	if docxFont[role] != docxFont[base.role] {
		b.WriteString(rFonts(docxFont[role]))
	}
	bold, baseBold := role == typeface.Bold, base.role == typeface.Bold
	switch {
	case bold && !baseBold:
		b.WriteString("<w:b/>")
	case !bold && baseBold:
		b.WriteString(`<w:b w:val="0"/>`)
	}
	if c != Black {
		fmt.Fprintf(&b, `<w:color w:val="%02X%02X%02X"/>`, c.R, c.G, c.B)
	}
	if size != base.size && size > 0 {
		hp := strconv.Itoa(int(math.Round(size * 2)))
		b.WriteString(`<w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/>`)
	}
	if b.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + b.String() + "</w:rPr>"
}

func rFonts(eastAsia string) string {
	return `<w:rFonts w:ascii="` + latinFont + `" w:hAnsi="` + latinFont + `" w:eastAsia="` + eastAsia + `" w:cs="` + latinFont + `"/>`
}

// runs writes spans as runs: a line break for \n, a tab for \t.
func runs(base runStyle, size float64, spans ...Span) string {
	var b strings.Builder
	for _, sp := range spans {
		props := rPr(base, sp.Role, size, sp.Color)
		b.WriteString(run(props, sp.Text))
	}
	return b.String()
}

// ambiguous are characters Word sets in the Latin font unless told they
// are East Asian: quotes, dashes, the ellipsis, the middle dot, the
// traffic-light dot. Official documents set them full width.
const ambiguous = "“”‘’—…·●"

// eastAsiaHint adds w:hint="eastAsia" to run properties, so that Word
// sets the ambiguous characters of the run in the East Asian font.
func eastAsiaHint(props string) string {
	switch {
	case strings.Contains(props, "<w:rFonts "):
		return strings.Replace(props, "<w:rFonts ", `<w:rFonts w:hint="eastAsia" `, 1)
	case props == "":
		return `<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>`
	}
	return strings.Replace(props, "<w:rPr>", `<w:rPr><w:rFonts w:hint="eastAsia"/>`, 1)
}

// run is one run of text with its properties.
func run(props, text string) string {
	if text == "" {
		return ""
	}
	if strings.ContainsAny(text, ambiguous) {
		props = eastAsiaHint(props)
	}
	var b strings.Builder
	b.WriteString("<w:r>" + props)
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			b.WriteString(`<w:t xml:space="preserve">` + esc(cur.String()) + "</w:t>")
			cur.Reset()
		}
	}
	for _, r := range text {
		switch r {
		case '\n':
			flush()
			b.WriteString("<w:br/>")
		case '\t':
			flush()
			b.WriteString("<w:tab/>")
		case '\r':
		default:
			if r < ' ' || r == 0xFFFE || r == 0xFFFF {
				continue // not allowed in XML
			}
			cur.WriteRune(r)
		}
	}
	flush()
	b.WriteString("</w:r>")
	return b.String()
}

var bodyRun = runStyle{typeface.Body, SizeSan}

// paragraph writes a paragraph of a style: body paragraphs in 正文, any
// other in the base style with its own settings.
func (x *docx) paragraph(st Style, spans []Span) {
	if st == Body {
		x.para(pPr{style: styleBody}.xml(), runs(bodyRun, SizeSan, spans...))
		return
	}
	p := pPr{jc: jcOf(st.Align), keepNext: st.Keep > 0, noGrid: st.Size != SizeSan}
	if st.Pitch > 0 && math.Abs(st.Pitch-LinePitch) > 0.01 {
		p.spacing = exact(st.Pitch)
	}
	p.ind = indent(st)
	if st.Size != SizeSan {
		hp := strconv.Itoa(int(math.Round(st.Size * 2)))
		p.paragraphMarkR = `<w:rPr><w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/></w:rPr>`
	}
	x.para(p.xml(), runs(bodyRun, st.Size, spans...))
}

// indent is a style's indents as <w:ind>, in characters (with their
// equivalent in twips for readers that ignore characters).
func indent(st Style) string {
	if st.Indent == 0 && st.Hanging == 0 && st.Right == 0 {
		return `<w:ind w:firstLine="0" w:firstLineChars="0"/>`
	}
	em := st.Size
	if st.Grid {
		em = CharPitch * st.Size / SizeSan
	}
	chars := func(n float64) string { return strconv.Itoa(int(math.Round(n * 100))) }
	tw := func(n float64) string { return strconv.Itoa(twips(n * em)) }
	var b strings.Builder
	b.WriteString("<w:ind")
	if st.Hanging > 0 {
		b.WriteString(` w:left="` + tw(st.Hanging) + `" w:leftChars="` + chars(st.Hanging) + `"`)
	}
	if st.Right > 0 {
		b.WriteString(` w:right="` + tw(st.Right) + `" w:rightChars="` + chars(st.Right) + `"`)
	}
	switch first := st.Indent - st.Hanging; {
	case first < 0:
		b.WriteString(` w:hanging="` + tw(-first) + `" w:hangingChars="` + chars(-first) + `"`)
	default:
		b.WriteString(` w:firstLine="` + tw(first) + `" w:firstLineChars="` + chars(first) + `"`)
	}
	b.WriteString("/>")
	return b.String()
}

// title writes a title in 标题, broken into lines where the PDF breaks it.
func (x *docx) title(s string) {
	var lines []string
	x.d.measuring = true
	gs := x.d.shape([]Span{In(typeface.Title, s)}, SizeEr)
	x.d.measuring = false
	for _, ln := range titleLines(gs, BlockWidth-2*SizeEr) {
		var b strings.Builder
		for _, g := range gs[ln.from:ln.to] {
			if !g.brk {
				b.WriteRune(g.r)
			}
		}
		lines = append(lines, b.String())
	}
	if len(lines) == 0 || x.landscape {
		// A landscape page is wide enough for the title as it is.
		lines = []string{s}
	}
	x.para(pPr{style: styleTitle}.xml(), run("", strings.Join(lines, "\n")))
}

// heading writes a numbered heading in the style of its level, the rest
// of its paragraph in body text.
func (x *docx) heading(b block) {
	lv := min(max(b.level, 1), 4)
	role := []typeface.Role{typeface.Hei, typeface.Kai, typeface.Bold, typeface.Bold}[lv-1]
	base := runStyle{role, SizeSan}
	r := run("", b.marker+b.text) + runs(base, SizeSan, b.spans...)
	x.para(pPr{style: styleHeading + strconv.Itoa(lv)}.xml(), r)
}

// masthead writes the red header: the name spaced out in the title font,
// the issue under it, office and date on one line over a red rule.
func (x *docx) masthead(b block) {
	var spaced []string
	for _, r := range b.text {
		spaced = append(spaced, string(r))
	}
	name := strings.Join(spaced, "\u3000")
	size := 42.0
	if nw := x.d.measure([]Span{In(typeface.Title, name)}, size, 0); nw > BlockWidth {
		size = math.Floor(size*BlockWidth/nw*2) / 2
	}
	x.para(pPr{noGrid: true, spacing: exact(size * 1.4), ind: indent(Style{}), jc: "center"}.xml(),
		run(rPr(bodyRun, typeface.Title, size, Red), name))
	if b.issue != "" {
		x.para(pPr{ind: indent(Style{}), jc: "center"}.xml(), run("", b.issue))
	}
	red := fmt.Sprintf("%02X%02X%02X", Red.R, Red.G, Red.B)
	p := pPr{
		border: `<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="` + red + `"/></w:pBdr>`,
		// The rule runs across the text block: the office and date are
		// set one character in by tab stops, not by an indent.
		tabs: `<w:tabs><w:tab w:val="left" w:pos="` + strconv.Itoa(twips(CharPitch)) + `"/><w:tab w:val="right" w:pos="` +
			strconv.Itoa(twips(BlockWidth-CharPitch)) + `"/></w:tabs>`,
		// A blank line under the rule, as in the PDF.
		spacing: `<w:spacing w:after="` + strconv.Itoa(twips(LinePitch)) + `"/>`,
		ind:     indent(Style{}),
		jc:      "left",
	}
	x.para(p.xml(), run("", "\t"+b.office+"\t"+b.date))
}

// signature writes the office centred over the date, the date four
// characters in from the right edge, after a blank line.
func (x *docx) signature(office, date string) {
	x.para(pPr{style: styleNormal}.xml(), "")
	w := x.blockWidth()
	dw := x.d.measure([]Span{Plain(date)}, SizeSan, Body.spacing())
	dateRight := 4 * CharPitch
	if office != "" {
		ow := x.d.measure([]Span{Plain(office)}, SizeSan, Body.spacing())
		dateX := w - dateRight - dw
		ox := math.Max(0, math.Min(dateX+(dw-ow)/2, w-2*CharPitch-ow))
		x.para(pPr{ind: rightIndent(w - ox - ow), jc: "right"}.xml(), run("", office))
	}
	x.para(pPr{ind: rightIndent(dateRight), jc: "right"}.xml(), run("", date))
}

func rightIndent(pt float64) string {
	return `<w:ind w:right="` + strconv.Itoa(twips(max(pt, 0))) + `" w:firstLine="0" w:firstLineChars="0"/>`
}

func (x *docx) blockWidth() float64 {
	if x.landscape {
		return BlockHeight
	}
	return BlockWidth
}

// attachments writes the list of attachments under the body, as the PDF
// does: 附件：1.XXXX, the further items aligned under the first.
func (x *docx) attachments(titles []string) {
	x.para(pPr{style: styleNormal}.xml(), "")
	for _, l := range attachmentLines(titles) {
		x.para(pPr{style: styleBody, ind: indent(attachmentStyle())}.xml(), run("", l))
	}
}

// attachment starts attachment n on a new page (in a section of its own
// when it turns the page): 附件n in 黑体, then its title.
func (x *docx) attachment(b block) {
	p := pPr{style: styleNormal, keepNext: true, jc: "left"}
	if b.landscape != x.landscape {
		x.endSection(b.landscape)
	} else {
		p.pageBreak = true
	}
	label := "附件"
	if b.n > 0 {
		label += strconv.Itoa(b.n)
	}
	x.para(p.xml(), run(rPr(bodyRun, typeface.Hei, SizeSan, Black), label))
	if b.text != "" {
		x.title(b.text)
	}
}

// endSection ends the section being written at its last paragraph; the
// next starts on a new page in the given orientation.
func (x *docx) endSection(landscape bool) {
	if len(x.body) == 0 || x.body[len(x.body)-1].table != "" {
		x.spacer()
	}
	last := &x.body[len(x.body)-1]
	last.sect = sectPr(x.landscape)
	x.landscape = landscape
}

// spacer is the half line the PDF leaves under a table; it also keeps two
// tables from running into one.
func (x *docx) spacer() {
	x.para(pPr{style: styleNormal, noGrid: true, spacing: exact(LinePitch / 2)}.xml(), "")
}

// sectPr is the page setup of a section: A4 with the GB/T 9704 margins, a
// grid of 22 lines of 28 characters, the page numbers in the footers. A
// landscape section is the portrait sheet turned, its margins with it.
func sectPr(landscape bool) string {
	w, h := PageWidth, PageHeight
	top, right, bottom, left := MarginTop, PageWidth-MarginLeft-BlockWidth, PageHeight-MarginTop-BlockHeight, MarginLeft
	orient := ""
	if landscape {
		w, h = h, w
		top, right, bottom, left = MarginLeft, MarginTop, PageWidth-MarginLeft-BlockWidth, PageHeight-MarginTop-BlockHeight
		orient = ` w:orient="landscape"`
	}
	// The footer sits so that the page number's top is 7 mm below the
	// text block on portrait pages.
	footer := PageHeight - MarginTop - BlockHeight - pageNumberGap - SizeSi*1.3
	if landscape {
		footer = min(footer, bottom-SizeSi*1.3-2*mm)
	}
	return fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>`+
		`<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`+
		`<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="%d"/></w:sectPr>`,
		twips(w), twips(h), orient, twips(top), twips(right), twips(bottom), twips(left), twips(max(footer, 0)),
		twips(LinePitch))
}

// table writes a Word table: fixed column widths from the weights across
// the text block, the header row repeated on every page, ruled cells.
func (x *docx) table(t *Table) {
	size := t.Size
	if size == 0 {
		size = SizeXiao
	}
	if t.Caption != "" {
		x.para(pPr{style: styleNormal, keepNext: true, ind: indent(Style{}), jc: "center"}.xml(),
			run(rPr(bodyRun, typeface.Hei, SizeSan, Black), t.Caption))
	}
	width := x.blockWidth()
	widths := x.d.tableWidths(t, width, size)
	tw := make([]int, len(widths))
	total := 0
	for i, w := range widths {
		tw[i] = twips(w)
		total += tw[i]
	}
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	pad := func(pt float64) string { return strconv.Itoa(twips(pt)) }
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="` + pad(cellPadY) + `" w:type="dxa"/><w:left w:w="` + pad(cellPadX) +
		`" w:type="dxa"/><w:bottom w:w="` + pad(cellPadY) + `" w:type="dxa"/><w:right w:w="` + pad(cellPadX) + `" w:type="dxa"/></w:tblCellMar>` +
		`<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range tw {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString("</w:tblGrid>")
	base := runStyle{typeface.Body, SizeXiao}
	cellPara := func(al Align, content string) string {
		p := pPr{style: styleTable, jc: jcOf(al)}
		if al == Justify {
			p.jc = "left"
		}
		if size != SizeXiao {
			p.spacing = exact(size * 1.3)
		}
		return "<w:p><w:pPr>" + p.xml() + "</w:pPr>" + content + "</w:p>"
	}
	cell := func(w int, span int, fill *Color, body string) {
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>`)
		if span > 1 {
			b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(span) + `"/>`)
		}
		if fill != nil {
			fmt.Fprintf(&b, `<w:shd w:val="clear" w:color="auto" w:fill="%02X%02X%02X"/>`, fill.R, fill.G, fill.B)
		}
		b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>` + body + "</w:tc>")
	}
	// The header row, repeated on every page the table runs over.
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	for i, c := range t.Columns {
		cell(tw[i], 1, &headerFill, cellPara(Center, run(rPr(base, typeface.Hei, size, Black), c.Header)))
	}
	b.WriteString("</w:tr>")
	for _, row := range t.Rows {
		// As in the PDF, only a tall row may be split across pages.
		if x.rowLines(row, widths, size) < 6 {
			b.WriteString("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
		} else {
			b.WriteString("<w:tr>")
		}
		if len(row) > 0 && row[0].Wide {
			c := row[0]
			al := Left
			if c.Align != nil {
				al = *c.Align
			}
			cell(total, len(t.Columns), c.Fill, cellPara(al, cellRuns(base, size, c)))
			b.WriteString("</w:tr>")
			continue
		}
		for i, col := range t.Columns {
			c := Cell{}
			if i < len(row) {
				c = row[i]
			}
			al := col.Align
			if c.Align != nil {
				al = *c.Align
			}
			cell(tw[i], 1, c.Fill, cellPara(al, cellRuns(base, size, c)))
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	x.add(docxElem{table: b.String()})
	x.spacer()
}

// rowLines estimates how many lines the row's tallest cell takes: its
// text's width over the cell's.
func (x *docx) rowLines(row []Cell, widths []float64, size float64) int {
	n := 1
	for i, c := range row {
		if i >= len(widths) || c.Wide {
			break
		}
		w := x.d.measure(c.Spans, size, 0)
		if c.Mark != nil {
			w += size
		}
		n = max(n, int(math.Ceil(w/max(widths[i]-2*cellPadX, size))))
	}
	return n
}

// cellRuns is a cell's text, after its coloured dot when it has one.
func cellRuns(base runStyle, size float64, c Cell) string {
	var b strings.Builder
	if c.Mark != nil {
		b.WriteString(run(rPr(base, typeface.Body, size, *c.Mark), "●"))
	}
	b.WriteString(runs(base, size, c.Spans...))
	return b.String()
}

// figure writes a chart as a PNG picture of its size on the page.
func (x *docx) figure(b block) {
	png, err := x.d.rasterize(b)
	if err != nil {
		x.err = err
		return
	}
	x.media = append(x.media, png)
	n := len(x.media)
	cx, cy := emu(b.w), emu(b.h)
	name := "图" + strconv.Itoa(n)
	drawing := fmt.Sprintf(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`+
		`<wp:docPr id="%d" name="%s"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="image%d.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdImage%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
		cx, cy, n, name, n, n, n, cx, cy)
	x.para(pPr{style: styleFigure}.xml(), drawing)
}

// document is word/document.xml: the body, the last section's setup at
// its end.
func (x *docx) document() []byte {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
		` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
		` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`)
	for _, e := range x.body {
		b.WriteString(e.xml())
	}
	b.WriteString(sectPr(x.landscape))
	b.WriteString("</w:body></w:document>")
	return []byte(b.String())
}

func (x *docx) documentRels() []byte {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	rel := func(id, typ, target string) {
		b.WriteString(`<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` + typ + `" Target="` + target + `"/>`)
	}
	rel("rIdStyles", "styles", "styles.xml")
	rel("rIdSettings", "settings", "settings.xml")
	rel("rIdFontTable", "fontTable", "fontTable.xml")
	rel("rIdFooterOdd", "footer", "footer1.xml")
	rel("rIdFooterEven", "footer", "footer2.xml")
	for i := range x.media {
		rel(fmt.Sprintf("rIdImage%d", i+1), "image", fmt.Sprintf("media/image%d.png", i+1))
	}
	b.WriteString("</Relationships>")
	return []byte(b.String())
}

func (x *docx) contentTypes() []byte {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	if len(x.media) > 0 {
		b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	}
	over := func(part, typ string) {
		b.WriteString(`<Override PartName="` + part + `" ContentType="` + typ + `"/>`)
	}
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	over("/word/document.xml", wml+"document.main+xml")
	over("/word/styles.xml", wml+"styles+xml")
	over("/word/settings.xml", wml+"settings+xml")
	over("/word/fontTable.xml", wml+"fontTable+xml")
	over("/word/footer1.xml", wml+"footer+xml")
	over("/word/footer2.xml", wml+"footer+xml")
	over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	over("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml")
	b.WriteString("</Types>")
	return []byte(b.String())
}

const packageRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>` +
	`</Relationships>`

const appProps = xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>taizhang</Application></Properties>`

// coreProps holds the title, author and subject; the creation date only
// when one is given.
func coreProps(info Info) []byte {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString("<dc:title>" + esc(info.Title) + "</dc:title>")
	if info.Subject != "" {
		b.WriteString("<dc:subject>" + esc(info.Subject) + "</dc:subject>")
	}
	b.WriteString("<dc:creator>" + esc(info.Author) + "</dc:creator>")
	if !info.Created.IsZero() {
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + info.Created.UTC().Format(time.RFC3339) + `</dcterms:created>`)
	}
	b.WriteString("</cp:coreProperties>")
	return []byte(b.String())
}

// customProps marks the document as taizhang's report, which
// outfile.Identify reads before writing over it.
func customProps() []byte {
	return []byte(xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"` +
		` xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="` + outfile.Property + `"><vt:lpwstr>` +
		string(outfile.Document) + `</vt:lpwstr></property></Properties>`)
}

const settingsXML = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

func fontTableXML() string {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	for _, f := range docxFonts {
		b.WriteString(`<w:font w:name="` + f.name + `">`)
		if f.alt != "" {
			b.WriteString(`<w:altName w:val="` + f.alt + `"/>`)
		}
		cs := "86"
		if f.name == latinFont {
			cs = "00"
		}
		b.WriteString(`<w:charset w:val="` + cs + `"/><w:family w:val="` + f.family + `"/><w:pitch w:val="` + f.pitch + `"/></w:font>`)
	}
	b.WriteString("</w:fonts>")
	return b.String()
}

// footerXML is the footer of odd pages (the number on the right) or of
// even ones (on the left), one character in: `— n —` in 四号宋体.
func footerXML(odd bool) []byte {
	ind, jc := `<w:ind w:left="`+strconv.Itoa(twips(SizeSi))+`"/>`, "left"
	if odd {
		ind, jc = `<w:ind w:right="`+strconv.Itoa(twips(SizeSi))+`"/>`, "right"
	}
	props := `<w:rPr><w:rFonts w:ascii="` + numberFont + `" w:hAnsi="` + numberFont + `" w:eastAsia="` + numberFont + `" w:hint="eastAsia"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`
	field := `<w:r>` + props + `<w:fldChar w:fldCharType="begin"/></w:r><w:r>` + props + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r>` + props + `<w:fldChar w:fldCharType="separate"/></w:r><w:r>` + props + `<w:t>1</w:t></w:r><w:r>` + props + `<w:fldChar w:fldCharType="end"/></w:r>`
	return []byte(xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<w:p><w:pPr><w:pStyle w:val="` + styleFooter + `"/>` + ind + `<w:jc w:val="` + jc + `"/></w:pPr>` +
		`<w:r>` + props + `<w:t xml:space="preserve">— </w:t></w:r>` + field + `<w:r>` + props + `<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`)
}

// stylesXML defines the styles: the base (三号仿宋 on the line grid), 正文,
// 标题, the four heading levels, table text, pictures and the footer.
func stylesXML() string {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(docxFont[typeface.Body]) +
		`<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr>` + exact(LinePitch) + `</w:pPr></w:pPrDefault></w:docDefaults>`)
	style := func(id, name, basedOn, next string, ppr pPr, rpr string, extra string) {
		def := ""
		if id == styleNormal {
			def = ` w:default="1"`
		}
		b.WriteString(`<w:style w:type="paragraph"` + def + ` w:styleId="` + id + `"><w:name w:val="` + name + `"/>`)
		if basedOn != "" {
			b.WriteString(`<w:basedOn w:val="` + basedOn + `"/>`)
		}
		if next != "" {
			b.WriteString(`<w:next w:val="` + next + `"/>`)
		}
		b.WriteString(`<w:qFormat/><w:pPr>` + ppr.xml() + extra + `</w:pPr>`)
		if rpr != "" {
			b.WriteString("<w:rPr>" + rpr + "</w:rPr>")
		}
		b.WriteString("</w:style>")
	}
	noIndent := indent(Style{})
	// Official documents set digits and Latin words among Chinese text
	// without the extra space word processors add by default.
	style(styleNormal, "Normal", "", "", pPr{noAutoSpace: true, spacing: exact(LinePitch), jc: "both"}, "", "")
	// 28 characters a line: 三号 characters set a little closer, as a
	// character grid would. A grid of characters (linesAndChars with a
	// negative charSpace) does it in Word but not in LibreOffice.
	style(styleBody, "正文", styleNormal, styleBody, pPr{ind: indent(Body), jc: "both"}, gridSpacing, "")
	titleSpacing := `<w:spacing w:after="` + strconv.Itoa(twips(LinePitch/2)) + `" w:line="` + strconv.Itoa(twips(SizeEr*1.5)) + `" w:lineRule="exact"/>`
	style(styleTitle, "标题", styleNormal, styleBody, pPr{noGrid: true, spacing: titleSpacing, ind: noIndent, jc: "center"},
		rFonts(docxFont[typeface.Title])+`<w:sz w:val="44"/><w:szCs w:val="44"/>`, `<w:outlineLvl w:val="0"/>`)
	for lv := 1; lv <= 4; lv++ {
		role := []typeface.Role{typeface.Hei, typeface.Kai, typeface.Bold, typeface.Bold}[lv-1]
		rpr := ""
		if role == typeface.Bold {
			rpr = "<w:b/><w:bCs/>"
		} else {
			rpr = rFonts(docxFont[role])
		}
		style(styleHeading+strconv.Itoa(lv), headingStyles[lv-1], styleBody, styleBody, pPr{keepNext: true}, rpr,
			`<w:outlineLvl w:val="`+strconv.Itoa(lv)+`"/>`)
	}
	style(styleTable, "表格文字", styleNormal, "", pPr{noGrid: true, spacing: exact(SizeXiao * 1.3), ind: noIndent, jc: "left"},
		`<w:sz w:val="24"/><w:szCs w:val="24"/>`, "")
	style(styleFigure, "图", styleNormal, "", pPr{keepNext: true, noGrid: true, spacing: `<w:spacing w:line="240" w:lineRule="auto"/>`, ind: noIndent, jc: "center"}, "", "")
	style(styleFooter, "footer", styleNormal, "", pPr{noGrid: true, spacing: `<w:spacing w:line="240" w:lineRule="auto"/>`, ind: noIndent},
		`<w:sz w:val="28"/><w:szCs w:val="28"/>`, "")
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString("</w:styles>")
	return b.String()
}
