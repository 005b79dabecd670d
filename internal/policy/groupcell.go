package policy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// groupCellRe is a table row flattened to one line with spaces between its
// cells whose first cell is a group's name closed by its count of items
// (财政资金支持(共48项) 1 建立复工复产帮扶机制 …): the cell was merged over
// the group's rows and only the first row carries it. Group 1 is that cell,
// group 2 the row's 序号.
var groupCellRe = regexp.MustCompile(`(?m)^([ \t\x{3000}]*[^\s\d（(][^\s（(]{1,30}[（(]\s*共?\s*\d{1,3}\s*[项个条件]\s*[)）])[ \t\x{3000}]+(\d{1,3}[ \t\x{3000}])`)

// splitGroupCells puts such a group cell on a line of its own, above its
// first row, so that the row starts with its number as the rows below do.
func splitGroupCells(text string) string {
	if !hasGroupCount(text) {
		return text
	}
	return rewriteMatches(groupCellRe, text, func(loc []int) string {
		return group(text, loc, 1) + "\n" + group(text, loc, 2)
	})
}

// hasGroupCount reports whether text holds what every match of groupCellRe
// holds: a count's closing bracket (共48项）) with spaces and a digit after
// it. A text without one, as most are, is not scanned by the regexp.
func hasGroupCount(text string) bool {
	// One substring search for each bracket: IndexAny with a wide
	// character would decode every rune of the text.
	for _, closing := range []string{")", "）"} {
		for at := 0; ; {
			i := strings.Index(text[at:], closing)
			if i < 0 {
				break
			}
			end := at + i
			at = end + len(closing)
			count, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:end], "\t\n\f\r "))
			after := strings.TrimLeft(text[at:], " \t\u3000")
			if strings.ContainsRune("项个条件", count) && len(after) < len(text[at:]) && after != "" && '0' <= after[0] && after[0] <= '9' {
				return true
			}
		}
	}
	return false
}

// A table flattened one row a line (cells between |, ｜ or tabs) carries
// its merged section cells in the first row of each section only:
// 一、…。 | (一)…。 | 1 | 内容 | 单位 | 时限 |, the rows below starting at
// their number (2 | 内容 | …). Put on lines of their own above that row,
// the section cells read as the headings they are, and every row of the
// table starts alike.

// sectionCellRe is a cell that opens with a section's number: 一、 or (一).
var sectionCellRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])`)

// rowNumberCellRe is a row's 序号 cell.
var rowNumberCellRe = regexp.MustCompile(`^\d{1,3}$`)

// splitSectionCells returns the lines a flattened row stands for: its
// leading section cells, each alone, then the row from its number on. Any
// other line is one line.
func splitSectionCells(l string) []string {
	sep := rowSeparator(l)
	if sep == "" {
		return []string{l}
	}
	cells := strings.Split(l, sep)
	k := 0
	for k < len(cells) && sectionCellRe.MatchString(strings.TrimSpace(cells[k])) {
		k++
	}
	if k == 0 || k == len(cells) || !rowNumberCellRe.MatchString(strings.TrimSpace(cells[k])) {
		return []string{l}
	}
	out := make([]string, 0, k+1)
	for _, c := range cells[:k] {
		out = append(out, strings.TrimSpace(c))
	}
	return append(out, strings.TrimSpace(strings.Join(cells[k:], sep)))
}
