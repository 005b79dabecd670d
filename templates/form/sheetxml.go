package form

import (
	"bytes"
	"encoding/xml"
	"strconv"

	"github.com/taizhang-dev/taizhang/internal/cells"
)

// The cells of a unit's workbook are written here as XML, as excelize
// writes them (the tests compare every part with what excelize makes of the
// same calls): excelize decoded and re-encoded the whole workbook for each
// unit, which was nearly all the time of writing it.

// sharedStrings is a workbook's shared string table: each text once, in
// the order the cells first use it.
type sharedStrings struct {
	index map[string]int
	items bytes.Buffer // the <si> elements
	n     int
}

func newSharedStrings() *sharedStrings {
	return &sharedStrings{index: map[string]int{}}
}

// add is v's index, adding it when new. Text longer than a cell holds is
// cut, as excelize cuts it.
func (s *sharedStrings) add(v string) int {
	if i, ok := s.index[v]; ok {
		return i
	}
	s.index[v] = s.n
	t, _ := cells.FitCell(v, "")
	s.items.WriteString("<si>")
	writeText(&s.items, t)
	s.items.WriteString("</si>")
	s.n++
	return s.n - 1
}

// addItem adds an item written whole (rich text), never shared.
func (s *sharedStrings) addItem(si string) int {
	s.items.WriteString(si)
	s.n++
	return s.n - 1
}

// part is the table as the workbook's shared strings part.
func (s *sharedStrings) part() []byte {
	n := strconv.Itoa(s.n)
	var b bytes.Buffer
	b.Grow(s.items.Len() + 200)
	b.WriteString(xml.Header)
	b.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="` + n + `" uniqueCount="` + n + `">`)
	b.Write(s.items.Bytes())
	b.WriteString("</sst>")
	return b.Bytes()
}

// writeText writes a <t> element holding v, which keeps its surrounding
// white space.
func writeText(b *bytes.Buffer, v string) {
	if v != "" && (cells.EdgeSpace(v[0]) || cells.EdgeSpace(v[len(v)-1])) {
		b.WriteString(`<t xml:space="preserve">`)
	} else {
		b.WriteString("<t>")
	}
	escape(b, v)
	b.WriteString("</t>")
}

// escape writes v as XML text, as encoding/xml does.
func escape(b *bytes.Buffer, v string) {
	xml.EscapeText(b, []byte(v)) // a bytes.Buffer never fails
}

// sheetData writes the rows of one sheet, their cells' texts going to sst.
type sheetData struct {
	b   bytes.Buffer
	sst *sharedStrings
	row int // the open row, 0 when none
}

// startRow opens row r, with its height in points when height > 0; custom
// marks the height as set by hand (see writeTaskRows).
func (d *sheetData) startRow(r int, height float64, custom bool) {
	d.endRow()
	d.row = r
	d.b.WriteString(`<row r="`)
	d.b.WriteString(strconv.Itoa(r))
	d.b.WriteByte('"')
	if height > 0 {
		d.b.WriteString(` ht="`)
		d.b.WriteString(strconv.FormatFloat(height, 'g', -1, 64))
		d.b.WriteByte('"')
	}
	if custom {
		d.b.WriteString(` customHeight="true"`)
	}
	d.b.WriteByte('>')
}

func (d *sheetData) endRow() {
	if d.row > 0 {
		d.b.WriteString("</row>")
		d.row = 0
	}
}

// cell writes the cell of column col (1 = A) of the open row with style and
// text v; an empty v leaves the cell without a value.
func (d *sheetData) cell(col, style int, v string) {
	if v == "" {
		d.startCell(col, style, "></c>")
		return
	}
	d.item(col, style, d.sst.add(v))
}

// item writes a cell holding the shared string si.
func (d *sheetData) item(col, style, si int) {
	d.startCell(col, style, ` t="s"><v>`)
	d.b.WriteString(strconv.Itoa(si))
	d.b.WriteString("</v></c>")
}

func (d *sheetData) startCell(col, style int, rest string) {
	d.b.WriteString(`<c r="`)
	var name [16]byte
	d.b.Write(cells.AppendCellName(name[:0], col, d.row))
	d.b.WriteByte('"')
	if style != 0 {
		d.b.WriteString(` s="`)
		d.b.WriteString(strconv.Itoa(style))
		d.b.WriteByte('"')
	}
	d.b.WriteString(rest)
}

// bytes are the rows written, the content of a <sheetData> element.
func (d *sheetData) bytes() []byte {
	d.endRow()
	return d.b.Bytes()
}
