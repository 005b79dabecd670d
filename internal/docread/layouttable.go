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
	starts := make([]int, len(head))
	header := make([]string, len(head))
	for k, p := range head {
		starts[k], header[k] = p.at, p.text
	}
	rows := [][]string{header}
	wrapped := false
	hits, pieceCount := 0, 0
	j := i + 1
	for ; j < len(raw); j++ {
		if strings.IndexByte(raw[j], '\t') >= 0 {
			break
		}
		pieces := layoutPieces(raw[j], wide)
		if len(pieces) == 0 {
			break
		}
		first := layoutColumn(starts, pieces[0].at)
		switch {
		case first < 0:
		case first == 0 && layoutRowNumberRe.MatchString(pieces[0].text):
			rows = append(rows, make([]string, len(starts)))
		case first > 0 && len(rows) > 1:
			wrapped = true
		default:
			first = -1
		}
		if first < 0 {
			break
		}
		// A line's pieces in one column (a double space inside a cell)
		// are one cell; a cell's rest on a later line goes on without a
		// space, as the line broke it.
		cells := make([]string, len(starts))
		for _, p := range pieces {
			k := max(layoutColumn(starts, p.at), 0)
			if p.at >= starts[k]-layoutSlack && p.at <= starts[k]+layoutSlack {
				hits++
			}
			pieceCount++
			if cells[k] != "" {
				cells[k] += " "
			}
			cells[k] += p.text
		}
		row := rows[len(rows)-1]
		for k, c := range cells {
			row[k] += c
		}
	}
	if !wrapped || 3*hits < 2*pieceCount {
		return nil, 0, 0
	}
	return rows, j, hits
}
