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
		if i >= end || l.rows != nil || !loneNumberRe.MatchString(l.text) {
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
