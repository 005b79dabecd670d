package docread

import (
	"slices"
	"strings"
	"unicode"
)

// A page printed in two columns, as pdftotext -layout or a flipbook's text
// gives it: each line holds a piece of the left column, a wide run of
// spaces, then a piece of the right column, so that reading the lines in
// order interleaves two texts:
//
//	年进入国家评定验收名单。(牵头单位:市文旅          进景区、进学校活动。(牵头单位:市文旅局)
//	局;配合单位:灵丘县、天镇县、云州区、浑            (六) 品质服务共享行动
//
// splitColumns writes such a run of lines as the left column's lines, then
// the right column's, as the page is read.

// columnGap is the run of spaces that parts the two columns.
const columnGap = "      "

// minColumnLines is how many lines a run must hold with both columns on
// them before it is read as a page of two columns.
const minColumnLines = 6

// columnBand is how far, in a terminal's widths, the right column's pieces
// may start from where the run's first one does: justified text with
// digits and Latin letters does not keep its columns exact.
const columnBand = 12

// minColumnWidth is the least median width, in a terminal's widths, of each
// column's pieces: columns of prose, not a table's task and unit columns.
const minColumnWidth = 30

// columnLine is one line of a run read as two columns.
type columnLine struct {
	left, right string
}

// splitColumns rewrites every run of lines printed in two columns (see the
// top of this file); other lines are left as they are.
func splitColumns(raw []string) []string {
	var out []string
	for i := 0; i < len(raw); {
		run, end := columnRun(raw, i)
		if run == nil {
			// No run, or one that is no page of two columns: none of
			// its lines starts one either (a later start would read a
			// part of it), so they stay as they are.
			out = append(out, raw[i:max(end, i+1)]...)
			i = max(end, i+1)
			continue
		}
		for _, c := range run {
			if c.left != "" {
				out = append(out, c.left)
			}
		}
		for _, c := range run {
			if c.right != "" {
				out = append(out, c.right)
			}
		}
		i = end
	}
	return out
}

// columnRun reads the run of two columns that starts at raw[i]: its lines
// and the index after it; nil when none starts there, or when the run is no
// page of two columns (then with the index after the run's lines).
func columnRun(raw []string, i int) ([]columnLine, int) {
	_, at, ok := rightStart(raw[i], -1)
	if !ok {
		return nil, 0
	}
	var run []columnLine
	var lefts, rights []int
	end := i
	for j := i; j < len(raw); j++ {
		s := strings.TrimRight(raw[j], " ")
		if strings.TrimSpace(s) == "" {
			end = j + 1
			continue
		}
		if strings.Contains(s, "序号") || strings.Contains(s, "编号") || strings.IndexByte(s, '\t') >= 0 {
			break // a table laid out in columns: readLayoutTable's
		}
		if k, _, ok := rightStart(s, at); ok {
			left, right := strings.TrimSpace(s[:k]), strings.TrimSpace(s[k:])
			run = append(run, columnLine{left, right})
			lefts, rights = append(lefts, textWidth(left)), append(rights, textWidth(right))
			end = j + 1
			continue
		}
		// One piece: the left column's if it ends before the right one
		// starts, the right column's if it starts where it does.
		indent := len(s) - len(strings.TrimLeft(s, " "))
		switch {
		case textWidth(s) < at-len(columnGap):
			run = append(run, columnLine{left: strings.TrimSpace(s)})
		case indent >= at-columnBand && indent <= at+columnBand:
			run = append(run, columnLine{right: strings.TrimSpace(s)})
		default:
			j = len(raw) // a line across both columns ends the run
			continue
		}
		end = j + 1
	}
	if len(lefts) < minColumnLines || median(lefts) < minColumnWidth || median(rights) < minColumnWidth {
		return nil, end
	}
	return run, end
}

// rightStart returns the byte offset in s where a right column's piece
// starts, and its column in a terminal's widths: after the one wide gap
// (columnGap or more) that follows the line's first text, at a column
// within columnBand of at (at < 0: anywhere). Both sides must be mostly
// Chinese.
func rightStart(s string, at int) (int, int, bool) {
	body := strings.TrimLeft(s, " ")
	off := len(s) - len(body)
	g := strings.Index(body, columnGap)
	if g <= 0 {
		return 0, 0, false
	}
	k := g + len(body[g:]) - len(strings.TrimLeft(body[g:], " "))
	right := body[k:]
	if right == "" || strings.Contains(right, columnGap) || !mostlyHan(body[:g]) || !mostlyHan(right) {
		return 0, 0, false
	}
	col := textWidth(s[:off+k])
	if at >= 0 && (col < at-columnBand || col > at+columnBand) {
		return 0, 0, false
	}
	return off + k, col, true
}

// textWidth is s's width in a terminal (a Chinese character two).
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r, true)
	}
	return n
}

// mostlyHan reports whether at least half of s's letters are Chinese.
func mostlyHan(s string) bool {
	han, other := 0, 0
	for _, r := range s {
		switch {
		case isHan(r):
			han++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			other++
		}
	}
	return han > 0 && han >= other
}

// median is the middle value of xs (the upper one of an even count).
func median(xs []int) int {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
