package docread

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A page copied without its paragraphs comes as one long line (a law
// database's copy, a page whose <p> were lost): its paragraphs run on,
// parted by a space or by the ideographic spaces of their indent. Chinese
// prose has no spaces, so in such a line a space before an item's number
// is where a paragraph ended (……组织实施） (21)进一步……, 一、总体目标
// (一)……). splitRunOn puts those breaks back.

// runOnMinRunes is the length from which a line is taken for paragraphs
// run together: a paragraph of its own rarely holds more than one item.
const runOnMinRunes = 100

// runOnMinSpacing is the fewest characters a line must hold per run of
// spaces for its spaces to be lost paragraph breaks: in a PDF's text
// scattered with spaces, or a table flattened with a space between its
// cells, they come every few characters.
const runOnMinSpacing = 20

// runOnBreakRe is a lost paragraph break: a run of spaces and an item's
// number (一、 （一） 1. followed by words, not 5.jpg, ① 第三条); group 1 is
// where the item starts.
var runOnBreakRe = regexp.MustCompile(`[ \x{3000}\x{00a0}]+((?:[一二三四五六七八九十]{1,3}[、.．]|[（(](?:[一二三四五六七八九十]{1,3}|[\d０-９]{1,3})[)）]|[\d０-９]{1,3}[.．、][\p{Han}“《（(]|[①-⑳]|第[一二三四五六七八九十百\d]{1,4}[条章]))`)

// spaceRuns counts the runs of spaces in s (ASCII or wide, as
// isWideSpace tells them).
func spaceRuns(s string) int {
	runs, in := 0, false
	for _, r := range s {
		sp := r == ' ' || isWideSpace(r)
		if sp && !in {
			runs++
		}
		in = sp
	}
	return runs
}

// runOnBreaks returns the lost paragraph breaks of a long line whose
// spaces are sparse (runOnBreakRe's matches), none for any other line.
// Table lines (cells parted by |, tabs or drawn rules) have none.
func runOnBreaks(l line) [][]int {
	if l.rows != nil || len(l.text) < runOnMinRunes || strings.ContainsAny(l.text, "|\t"+boxColumnRules) {
		return nil
	}
	n := utf8.RuneCountInString(l.text)
	if runs := spaceRuns(l.text); n < runOnMinRunes || runs == 0 || runs > n/runOnMinSpacing {
		return nil
	}
	return runOnBreakRe.FindAllStringSubmatchIndex(l.text, -1)
}

// splitRunOn splits every long line of text at its lost paragraph breaks.
func splitRunOn(lines []line) []line {
	var out []line
	for i, l := range lines {
		ms := runOnBreaks(l)
		if len(ms) == 0 {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]line, 0, len(lines)+len(ms)), lines[:i]...)
		}
		from := 0
		for _, m := range ms {
			// Only after some text: a number before the first item (a
			// page's line number) stays with it.
			if before := l.text[from:m[0]]; strings.IndexFunc(before, isHan) >= 0 {
				out = append(out, line{text: before})
				from = m[2]
			}
		}
		out = append(out, line{text: l.text[from:]})
	}
	if out == nil {
		return lines
	}
	return out
}
