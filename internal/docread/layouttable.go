package docread

import (
	"regexp"
	"strings"
)

// A table as pdftotext -layout writes it: each column starts at the same
// place on every line, an empty cell leaves only spaces, and a cell too
// long for its column goes on at the same place on the lines below, the
// other cells of those lines empty:
//
//	序号    重点任务                    牵头单位    配合单位
//	1       推进老旧小区改造，全年完    市住建局    市财政局、各区
//	        成改造项目50个                          人民政府
//
// Once a line is trimmed the places are lost, and the rest of a cell
// cannot be told from the next cell; so the table is read here, before
// trimming, by the places of its header's words, and becomes a table of
// cells. A table whose rows each stand on one line is left to the readers
// of package policy, which read it as it always was.

// layoutSlack is how far, in columns, a piece may start before the
// column it belongs to: a word set a little left of the header's.
const layoutSlack = 1

// layoutRowNumberRe is a row's number in the 序号 column.
var layoutRowNumberRe = regexp.MustCompile(`^\d{1,3}$`)

// layoutPiece is the text of a line between runs of two spaces or more,
// and the column where it starts.
type layoutPiece struct {
	at   int
	text string
}

// layoutPieces cuts a line at its runs of two spaces or more. Columns are
// counted in runes, or with wide set in the width a terminal gives them
// (a Chinese character two): a table laid out for the eye aligns so.
func layoutPieces(s string, wide bool) []layoutPiece {
	var out []layoutPiece
	rs := []rune(s)
	col := 0
	for i := 0; i < len(rs); {
		if rs[i] == ' ' {
			i, col = i+1, col+1
			continue
		}
		start, at := i, col
		for i < len(rs) && !(rs[i] == ' ' && (i+1 == len(rs) || rs[i+1] == ' ')) {
			col += runeWidth(rs[i], wide)
			i++
		}
		out = append(out, layoutPiece{at, string(rs[start:i])})
	}
	return out
}

// runeWidth is 2 for an East Asian wide character when wide is set, else 1.
func runeWidth(r rune, wide bool) int {
	if wide && r >= 0x2e80 && r <= 0xfffd && !(r >= 0xff61 && r <= 0xffdc) {
		return 2
	}
	return 1
}

// layoutColumn returns the column of starts a piece starting at at falls
// in, or -1 before the first.
func layoutColumn(starts []int, at int) int {
	col := -1
	for k, s := range starts {
		if s <= at+layoutSlack {
			col = k
		}
	}
	return col
}

// readLayoutTable reads a table laid out in columns from raw[i], a header
// line that starts with 序号 or 编号 and has three cells or more, with its
// columns counted in runes or in a terminal's widths, whichever puts more
// of the rows' pieces right under a header's word. It returns the table's
// rows (header first) and the index after its last line; nil when raw[i]
// starts no such table or none of its cells goes on over a line (see the
// top of this file).
func readLayoutTable(raw []string, i int) ([][]string, int) {
	if strings.IndexByte(raw[i], '\t') >= 0 {
		return nil, 0
	}
	var best [][]string
	bestEnd, bestHits := 0, 0
	for _, wide := range []bool{false, true} {
		if rows, end, hits := readLayoutColumns(raw, i, wide); rows != nil && hits > bestHits {
			best, bestEnd, bestHits = rows, end, hits
		}
	}
	return best, bestEnd
}

// readLayoutColumns is readLayoutTable in one way of counting columns; hits
// is how many of the rows' pieces start right under a header's word. At
// least two in three must, else the columns are not laid out so.
func readLayoutColumns(raw []string, i int, wide bool) ([][]string, int, int) {
	head := layoutPieces(raw[i], wide)
	if len(head) < 3 || !tableStart(head[0].text) {
		return nil, 0, 0
	}
	c := layoutCols{wide: wide, starts: make([]int, len(head)), headLine: strings.TrimSpace(raw[i])}
	header := make([]string, len(head))
	for k, p := range head {
		c.starts[k], header[k] = p.at, p.text
	}
	rows := [][]string{header}
	wrapped := false
	j := i + 1
	for ; j < len(raw); j++ {
		if c.furniture(raw[j]) {
			// A page break inside the table: the page's number, the
			// blank lines around it, the header again atop the next page.
			k := j
			for k < len(raw) && c.furniture(raw[k]) {
				k++
			}
			if k == len(raw) || c.kind(raw[k], len(rows)) == layoutEnd {
				break
			}
			j = k - 1
			continue
		}
		pieces := layoutPieces(raw[j], wide)
		switch c.kind(raw[j], len(rows)) {
		case layoutEnd:
			return c.table(rows, j, wrapped)
		case layoutSection:
			rows = append(rows, []string{pieces[0].text})
			continue
		case layoutRow:
			rows = append(rows, make([]string, len(c.starts)))
		case layoutRest:
			wrapped = wrapped || len(rows) > 1
		}
		// A line's pieces in one column (a double space inside a cell)
		// are one cell; a cell's rest on a later line goes on without a
		// space, as the line broke it.
		cells := make([]string, len(c.starts))
		for _, p := range pieces {
			k := max(layoutColumn(c.starts, p.at), 0)
			if c.hit(p.at) {
				c.hits++
			}
			c.pieces++
			if cells[k] != "" {
				cells[k] += " "
			}
			cells[k] += p.text
		}
		row := rows[len(rows)-1]
		if len(row) < len(cells) {
			// The rest of a section row's line: a row of cells after all.
			row = append(row, make([]string, len(cells)-len(row))...)
			rows[len(rows)-1] = row
		}
		for k, cell := range cells {
			row[k] += cell
		}
	}
	return c.table(rows, j, wrapped)
}

// layoutCols is what reading a table laid out in columns keeps: where its
// columns start, its header line, and how many pieces of its rows start
// right under a header word (hits) of how many.
type layoutCols struct {
	wide         bool
	starts       []int
	headLine     string
	hits, pieces int
}

// Kinds of line in a table laid out in columns.
const (
	layoutEnd     = iota // no line of the table
	layoutRow            // a row's first line: its number in the 序号 column
	layoutRest           // the rest of the row above (or of a header over two lines)
	layoutSection        // a heading of the rows below alone (一、城市更新)
)

// layoutSectionRe is a heading of a table's rows: 一、…, （一）….
var layoutSectionRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\S`)

// kind tells what the line is to a table with rows rows read so far
// (the header counted): the rest of a row starts under a header word with
// every piece, so that a line of text after the table is none.
func (c *layoutCols) kind(line string, rows int) int {
	if strings.IndexByte(line, '\t') >= 0 {
		return layoutEnd
	}
	pieces := layoutPieces(line, c.wide)
	if len(pieces) == 0 {
		return layoutEnd
	}
	first := layoutColumn(c.starts, pieces[0].at)
	switch {
	case first < 0:
		return layoutEnd
	case first == 0 && layoutRowNumberRe.MatchString(pieces[0].text):
		return layoutRow
	case len(pieces) == 1 && rows > 1 && layoutSectionRe.MatchString(pieces[0].text):
		return layoutSection
	case first == 0:
		return layoutEnd
	}
	for _, p := range pieces {
		if !c.hit(p.at) {
			return layoutEnd
		}
	}
	return layoutRest
}

// hit reports a piece that starts right under a header word.
func (c *layoutCols) hit(at int) bool {
	k := layoutColumn(c.starts, at)
	return k >= 0 && at >= c.starts[k]-layoutSlack && at <= c.starts[k]+layoutSlack
}

// furniture reports a line a page break put inside the table: blank, the
// page's number, or the header again.
func (c *layoutCols) furniture(line string) bool {
	s := strings.TrimSpace(line)
	return s == "" || isPageNumber(s) || s == c.headLine
}

// table returns the rows read when a cell went on over a line and the
// rows' pieces stand under the header's words.
func (c *layoutCols) table(rows [][]string, end int, wrapped bool) ([][]string, int, int) {
	if !wrapped || 3*c.hits < 2*c.pieces {
		return nil, 0, 0
	}
	return rows, end, c.hits
}
