package docread

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// Old Word documents (.doc, Word 97–2003, and WPS's .wps, which writes the
// same format) keep their text in the WordDocument stream of a compound
// file ([MS-DOC]): pieces of it, listed in the piece table of the 0Table or
// 1Table stream, each stored as UTF-16 or as one byte a character. Special
// characters mark the structure: 0x0D ends a paragraph, 0x07 ends a table
// cell and, as a paragraph of its own marked so in its properties (a TTP),
// a table row; 0x13 0x14 0x15 open a field, part its code from its result
// and close it (the result is the text shown). Reading them natively keeps
// taizhang free of Office: no LibreOffice is needed for the .doc a site
// attaches to its notice.
//
// What is not read: text boxes, headers and footers, footnotes (the main
// text only, as the .docx reader does). Merged cells are repeated in
// every row and column they span, as the .docx reader repeats them.

var errNotWord = errors.New("no Word document")

// errEncrypted is a document with a password to open.
var errEncrypted = errors.New("encrypted Word document")

// readWordBinary reads a compound file holding a Word document into lines.
func readWordBinary(data []byte) ([]line, error) {
	c, err := openCFB(data)
	if err != nil {
		return nil, err
	}
	wd, err := c.stream("WordDocument")
	if err != nil || wd == nil {
		return nil, errNotWord
	}
	if len(wd) < 0x22 || le16(wd, 0) != 0xA5EC {
		return nil, errNotWord
	}
	flags := le16(wd, 0x0A)
	if flags&0x0100 != 0 {
		return nil, errEncrypted
	}
	table := "0Table"
	if flags&0x0200 != 0 {
		table = "1Table"
	}
	tb, err := c.stream(table)
	if err != nil || tb == nil {
		return nil, errNotWord
	}
	fib, err := readFib(wd)
	if err != nil {
		return nil, err
	}
	pieces, err := readPieces(tb, fib.fcClx, fib.lcbClx)
	if err != nil {
		return nil, err
	}
	paps := readPapx(wd, tb, fib.fcPapx, fib.lcbPapx)
	return wordLines(wd, pieces, fib.ccpText, paps), nil
}

type fib struct {
	ccpText         int
	fcClx, lcbClx   int
	fcPapx, lcbPapx int
}

// readFib finds in the File Information Block the length of the main
// text and where the piece table and the paragraph properties are.
func readFib(wd []byte) (fib, error) {
	var f fib
	p := 32
	if p+2 > len(wd) {
		return f, errNotWord
	}
	p += 2 + 2*le16(wd, p) // csw, fibRgW
	if p+2 > len(wd) {
		return f, errNotWord
	}
	cslw := le16(wd, p)
	p += 2
	if cslw < 4 || p+4*cslw+2 > len(wd) {
		return f, errNotWord
	}
	f.ccpText = int(le32(wd, p+4*3))
	p += 4 * cslw
	cb := le16(wd, p)
	p += 2
	if cb < 34 || p+8*cb > len(wd) {
		return f, errNotWord
	}
	pair := func(i int) (int, int) { return int(le32(wd, p+8*i)), int(le32(wd, p+8*i+4)) }
	f.fcPapx, f.lcbPapx = pair(13)
	f.fcClx, f.lcbClx = pair(33)
	if f.ccpText < 0 || f.ccpText > len(wd) {
		return f, errNotWord
	}
	return f, nil
}

// piece is a run of the text: characters cp to cpEnd, stored from byte
// fc of the WordDocument stream, one byte a character when compressed.
type piece struct {
	cp, cpEnd  int
	fc         int
	compressed bool
}

// readPieces reads the piece table (the Clx's Pcdt).
func readPieces(tb []byte, fc, lcb int) ([]piece, error) {
	if fc < 0 || lcb <= 0 || fc+lcb > len(tb) {
		return nil, errNotWord
	}
	b := tb[fc : fc+lcb]
	for len(b) > 0 && b[0] == 1 { // Prc: property modifiers, skipped
		if len(b) < 3 || 3+le16(b, 1) > len(b) {
			return nil, errNotWord
		}
		b = b[3+le16(b, 1):]
	}
	if len(b) < 5 || b[0] != 2 {
		return nil, errNotWord
	}
	n := int(le32(b, 1))
	if n < 4 || 5+n > len(b) || (n-4)%12 != 0 {
		return nil, errNotWord
	}
	plc := b[5 : 5+n]
	k := (n - 4) / 12
	ps := make([]piece, 0, k)
	for i := 0; i < k; i++ {
		fc := le32(plc, 4*(k+1)+8*i+2)
		p := piece{cp: int(le32(plc, 4*i)), cpEnd: int(le32(plc, 4*i+4)), fc: int(fc & 0x3FFFFFFF), compressed: fc&0x40000000 != 0}
		if p.compressed {
			p.fc /= 2
		}
		if p.cpEnd < p.cp {
			return nil, errNotWord
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// papRun holds the paragraph properties of the paragraphs whose marks
// stand in bytes fc to fcEnd of the WordDocument stream: whether the
// paragraph is in a table, whether it is a table row's end, and, for a
// row's end, its cells.
type papRun struct {
	fc, fcEnd int
	inTable   bool
	ttp       bool
	row       *tableRow
}

// tableRow is what a row's end says of the row's cells: their edges (one
// more than the cells, in twips from the table's left) and how each is
// merged with its neighbours (horizontally: 2 or 3 merged into the cell on
// its left; vertically: 1 merged into the cell above, 3 the first of
// cells merged down).
type tableRow struct {
	edges  []int
	hmerge []byte
	vmerge []byte
}

// readPapx reads the paragraph properties that matter here from the
// formatted disk pages the PlcBtePapx lists. A damaged table gives none:
// the cells are still read, each row ending where two cell marks meet.
func readPapx(wd, tb []byte, fc, lcb int) []papRun {
	if fc < 0 || lcb < 12 || fc+lcb > len(tb) || (lcb-4)%8 != 0 {
		return nil
	}
	plc := tb[fc : fc+lcb]
	n := (lcb - 4) / 8
	var runs []papRun
	for i := 0; i < n; i++ {
		pn := int(le32(plc, 4*(n+1)+4*i) & 0x3FFFFF)
		if (pn+1)*512 > len(wd) {
			continue
		}
		fkp := wd[pn*512 : (pn+1)*512]
		crun := int(fkp[511])
		if 4*(crun+1)+13*crun > 511 {
			continue
		}
		for j := 0; j < crun; j++ {
			r := papRun{fc: int(le32(fkp, 4*j)), fcEnd: int(le32(fkp, 4*j+4))}
			off := 2 * int(fkp[4*(crun+1)+13*j])
			if off > 0 && off < 511 {
				var grp []byte
				if cb := int(fkp[off]); cb == 0 {
					if off+2+2*int(fkp[off+1]) <= 511 {
						grp = fkp[off+2 : off+2+2*int(fkp[off+1])]
					}
				} else if off+2*cb <= 511 {
					grp = fkp[off+1 : off+2*cb]
				}
				if len(grp) >= 2 {
					r.readSprms(grp[2:]) // after the style's index
				}
			}
			runs = append(runs, r)
		}
	}
	slices.SortStableFunc(runs, func(a, b papRun) int { return a.fc - b.fc })
	return runs
}

// readSprms reads a paragraph's property modifiers, stopping at one it
// cannot size.
func (r *papRun) readSprms(g []byte) {
	for len(g) >= 2 {
		sprm := le16(g, 0)
		g = g[2:]
		var size int
		switch sprm >> 13 {
		case 0, 1:
			size = 1
		case 2, 4, 5:
			size = 2
		case 3:
			size = 4
		case 7:
			size = 3
		case 6:
			if len(g) < 1 {
				return
			}
			switch sprm {
			case 0xD608, 0xD606: // sprmTDefTable: a 2-byte count
				if len(g) < 2 || le16(g, 0) < 2 {
					return
				}
				size = 2 + le16(g, 0) - 1
			case 0xC615: // sprmPChgTabs: sized otherwise when 255
				if g[0] == 255 {
					return
				}
				size = 1 + int(g[0])
			default:
				size = 1 + int(g[0])
			}
		}
		if size < 0 || size > len(g) {
			return
		}
		op := g[:size]
		switch sprm {
		case 0x2416: // sprmPFInTable
			r.inTable = op[0] != 0
		case 0x2417: // sprmPFTtp
			r.ttp = op[0] != 0
		case 0xD608: // sprmTDefTable: cb, cell count, edges, cells
			r.row = defTable(op[2:])
		case 0xD62B: // sprmTVertMerge: size, cell, flag
			if len(op) >= 3 && r.row != nil && int(op[1]) < len(r.row.vmerge) {
				r.row.vmerge[op[1]] = op[2]
			}
		}
		g = g[size:]
	}
}

// defTable reads a row's cells from sprmTDefTable's operand: the count,
// the edges, then a TC80 for each cell whose first two bytes say how it
// is merged.
func defTable(op []byte) *tableRow {
	if len(op) < 1 {
		return nil
	}
	n := int(op[0])
	if n == 0 || 1+2*(n+1) > len(op) {
		return nil
	}
	t := &tableRow{edges: make([]int, n+1), hmerge: make([]byte, n), vmerge: make([]byte, n)}
	for i := range t.edges {
		t.edges[i] = int(int16(le16(op, 1+2*i)))
	}
	tcs := op[1+2*(n+1):]
	for i := 0; i < n && 20*i+2 <= len(tcs); i++ {
		grf := le16(tcs, 20*i)
		t.hmerge[i] = byte(grf & 3)
		t.vmerge[i] = byte(grf >> 5 & 3)
	}
	return t
}

// papAt returns the properties of the paragraph whose mark is at byte fc;
// runs are in the order of their bytes (readPapx sorts them).
func papAt(runs []papRun, fc int) *papRun {
	i := sort.Search(len(runs), func(i int) bool { return runs[i].fcEnd > fc })
	if i < len(runs) && fc >= runs[i].fc {
		return &runs[i]
	}
	return nil
}

// wordLines walks the main text: paragraphs become lines, table rows the
// rows of one line per table.
func wordLines(wd []byte, pieces []piece, ccp int, paps []papRun) []line {
	var (
		out    []line
		para   strings.Builder
		cell   []string // the paragraphs of the cell being read
		row    []string
		rows   [][]string
		taps   []*tableRow
		fields []bool // open fields: true while their code is read
	)
	hidden := func() bool {
		for _, code := range fields {
			if code {
				return true
			}
		}
		return false
	}
	flushTable := func() {
		if len(rows) > 0 {
			out = append(out, line{rows: mergeCells(rows, taps)})
			rows, taps = nil, nil
		}
	}
	endRow := func(p *papRun) {
		var tap *tableRow
		if p != nil {
			tap = p.row
		}
		rows = append(rows, row)
		taps = append(taps, tap)
		row = nil
	}
	seen := 0
	for _, pc := range pieces {
		for cp := pc.cp; cp < pc.cpEnd && cp < ccp; cp++ {
			if seen++; seen > ccp {
				break
			}
			var r rune
			var fc int
			if pc.compressed {
				fc = pc.fc + (cp - pc.cp)
				if fc >= len(wd) {
					continue
				}
				r = charmap.Windows1252.DecodeByte(wd[fc])
			} else {
				fc = pc.fc + 2*(cp-pc.cp)
				if fc+1 >= len(wd) {
					continue
				}
				r = rune(le16(wd, fc))
				if utf16.IsSurrogate(r) && fc+3 < len(wd) && r < 0xDC00 {
					if r2 := rune(le16(wd, fc+2)); r2 >= 0xDC00 && r2 <= 0xDFFF {
						r = utf16.DecodeRune(r, r2)
						cp++
						seen++
					}
				}
			}
			switch r {
			case 0x13:
				fields = append(fields, true)
				continue
			case 0x14:
				if len(fields) > 0 {
					fields[len(fields)-1] = false
				}
				continue
			case 0x15:
				if len(fields) > 0 {
					fields = fields[:len(fields)-1]
				}
				continue
			}
			if hidden() && r != 0x0D && r != 0x07 {
				continue
			}
			switch r {
			case 0x0D, 0x0B, 0x0C, 0x0E: // paragraph, line, page, column break
				p := papAt(paps, fc)
				inCell := len(row) > 0 || len(cell) > 0 || p != nil && p.inTable
				if inCell {
					cell = append(cell, para.String())
				} else {
					flushTable()
					out = append(out, line{text: para.String()})
				}
				para.Reset()
			case 0x07: // a cell's end, or a row's
				p := papAt(paps, fc)
				rowEnd := p != nil && p.ttp || p == nil && para.Len() == 0 && len(cell) == 0 && len(row) > 0
				if rowEnd {
					endRow(p)
				} else {
					cell = append(cell, para.String())
					row = append(row, strings.TrimSpace(strings.Join(cell, "\n")))
					cell = nil
				}
				para.Reset()
			case 0x09:
				para.WriteRune('\t')
			case 0x1E:
				para.WriteRune('-')
			case 0x1F, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08:
			default:
				if r >= 0x20 {
					para.WriteRune(r)
				}
			}
		}
	}
	if len(row) > 0 {
		endRow(nil)
	}
	flushTable()
	if para.Len() > 0 {
		out = append(out, line{text: para.String()})
	}
	return out
}

// mergeCells lays a table's rows on one grid, as the .docx reader does: a
// cell spanning several of the grid's columns (a wider cell, or cells
// merged into the one on their left) has its text repeated in each, and a
// cell merged into the one above repeats that one's text. Rows whose ends
// gave no cells (a damaged file) stay as read.
func mergeCells(rows [][]string, taps []*tableRow) [][]string {
	var xs []int
	for _, t := range taps {
		if t == nil || len(t.edges) != len(t.hmerge)+1 {
			return rows
		}
		xs = append(xs, t.edges...)
	}
	slices.Sort(xs)
	xs = slices.Compact(xs)
	col := func(x int) int { i, _ := slices.BinarySearch(xs, x); return i }
	grid := make([][]string, len(rows))
	var above []string
	for i, r := range rows {
		t := taps[i]
		g := make([]string, len(xs)-1)
		for c := 0; c < len(t.hmerge) && c < len(r); c++ {
			text := r[c]
			if t.hmerge[c] >= 2 && c > 0 && text == "" {
				text = r[c-1]
				r[c] = text
			}
			for k := col(t.edges[c]); k < col(t.edges[c+1]) && k < len(g); k++ {
				if t.vmerge[c] == 1 && text == "" && k < len(above) {
					g[k] = above[k]
				} else {
					g[k] = text
				}
			}
		}
		for len(g) > 0 && g[len(g)-1] == "" {
			g = g[:len(g)-1]
		}
		grid[i], above = g, g
	}
	return grid
}
