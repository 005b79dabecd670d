package docread

import (
	"regexp"
	"slices"
)

// loneNumberRe is a line that holds only an item's number: 1. 1、 一、
// （一） (1), or 01, the big number a post sets above each item. Pages
// that set the number in a box of its own (a table cell, a <span> made a
// paragraph, a PDF's hanging indent) copy it onto a line above the item's
// text.
var loneNumberRe = regexp.MustCompile(`^(?:[0０][1-9１-９]|[\d０-９]{1,3}[.．、]|[一二三四五六七八九十]{1,3}、|[（(](?:[一二三四五六七八九十]{1,3}|[\d０-９]{1,3})[)）])$`)

// joinLoneNumbers writes a number standing alone on its line before the
// text of the next line that is not blank, unless that line starts an item,
// a heading or a label of its own. Nothing from a table flattened one cell
// a line (序号, then a cell a line) on is touched: its 序号 cells stand
// alone by design.
func joinLoneNumbers(lines []line) []line {
	end := len(lines)
	if i := slices.IndexFunc(lines, func(l line) bool { return tableStart(l.text) }); i >= 0 {
		end = i
	}
	out := make([]line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if i >= end || l.rows != nil || !loneNumberRe.MatchString(l.text) || padded(l.text) && !paddedNeighbour(lines[:end], l.text) {
			out = append(out, l)
			continue
		}
		j := i + 1
		for j < end && lines[j].blank() {
			j++
		}
		if j >= end || lines[j].rows != nil || itemStartRe.MatchString(lines[j].text) {
			out = append(out, l)
			continue
		}
		out = append(out, line{text: l.text + lines[j].text})
		i = j
	}
	return out
}

// padded reports a number written with a leading zero (01): a post's big
// number, taken for one only when the number before or after it (02)
// stands alone in the text too, as a lone 01 may be a view count or a
// page's stray figure.
func padded(s string) bool {
	r := []rune(s)
	return len(r) == 2 && (r[0] == '0' || r[0] == '０')
}

// paddedNeighbour reports whether the padded number before or after n
// stands alone on one of lines.
func paddedNeighbour(lines []line, n string) bool {
	r := []rune(n)
	next, prev := string([]rune{r[0], r[1] + 1}), string([]rune{r[0], r[1] - 1})
	for _, l := range lines {
		if l.rows == nil && (l.text == next || l.text == prev && r[1] != '1' && r[1] != '１') {
			return true
		}
	}
	return false
}
