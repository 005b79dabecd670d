package docread

import (
	"regexp"
	"strings"
)

// A | table whose rows a copy broke at every cell, each cell on a line of
// its own closed by its bar, the header's cells too:
//
//	序号 | 任务目录 |
//	具体内容 |
//	责任单位 |
//	1 |
//	建立健全未成年人保护工作协调机制。 |
//	…… |
//	市民政局、如城街道 |
//
// joinPipeCells writes such a run as one line a row, as the | table reader
// reads a table: the header is the cells before the first that holds a
// row's number, and each row as many cells as the header, opening with its
// number.

// seqHeadRe opens a header with its 序号 cell, spaced out or in traditional
// characters as a page may give it (序 号; the traditional 号 U+865F and 编
// U+7DE8, written as escapes: the bundled font holds no traditional
// character).
var seqHeadRe = regexp.MustCompile(`^(?:序|编|\x{7DE8})[ \x{3000}]*(?:号|\x{865F})[ \x{3000}]*\|`)

// pipeRowNumberRe is a row's number alone in its cell.
var pipeRowNumberRe = regexp.MustCompile(`^\d{1,3}$`)

// joinPipeCells rewrites every such run of lines (see above); other lines
// are left as they are.
func joinPipeCells(raw []string) []string {
	var out []string
	for i := 0; i < len(raw); {
		rows, end := pipeCellRun(raw, i)
		if rows == nil {
			out = append(out, raw[i])
			i++
			continue
		}
		out = append(out, rows...)
		i = end
	}
	return out
}

// pipeCellRun reads the run that starts at raw[i] when raw[i] opens a
// header with 序号 and every line after it is one cell closed by its bar:
// its rows, one line each, and the index after it; nil when raw[i] starts
// none, or when the cells do not fall into whole rows of the header's
// width each opening with a number.
func pipeCellRun(raw []string, i int) ([]string, int) {
	first := strings.TrimSpace(raw[i])
	if !strings.HasSuffix(first, "|") || !seqHeadRe.MatchString(first) {
		return nil, 0
	}
	cells := strings.Split(strings.TrimSuffix(first, "|"), "|")
	for k := range cells {
		cells[k] = strings.TrimSpace(cells[k])
	}
	headLine := len(cells)
	// Every line after the first is one cell and its bar.
	end := i + 1
	for ; end < len(raw); end++ {
		line := strings.TrimSpace(raw[end])
		if !strings.HasSuffix(line, "|") || strings.Count(line, "|") > 1 {
			break
		}
		cells = append(cells, strings.TrimSpace(strings.TrimSuffix(line, "|")))
	}
	width := 0
	for width < len(cells) && !pipeRowNumberRe.MatchString(cells[width]) {
		width++
	}
	// A header on its one line is the | reader's as it stands; rows need
	// a number and the header a second cell.
	if width <= headLine || width == len(cells) {
		return nil, 0
	}
	// Every row whole: a row short of a cell is a table whose rows leave
	// cells out, which the one-cell-a-line reader reads by its header.
	if len(cells)%width != 0 {
		return nil, 0
	}
	var rows []string
	for k := 0; k < len(cells); k += width {
		row := cells[k : k+width]
		if k > 0 && !pipeRowNumberRe.MatchString(row[0]) {
			return nil, 0
		}
		rows = append(rows, strings.Join(row, " | ")+" |")
	}
	return rows, end
}
