package policy

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A table drawn with box characters, as text copies of old Word files keep
// it (┌──┬──┐ ⏎ │任务│单位│ ⏎ ├──┼──┤ …): each line holds one line of every
// column between its rules, a cell runs over lines until a rule crosses its
// column (a merged cell is crossed by none), and the padding that lined the
// columns up may be gone, so columns are told by their rules alone.

// boxVerticals are the box characters that stand between two columns.
const boxVerticals = "│┃║├┤┼┬┴┌┐└┘┣┫╋┳┻┏┓┗┛╠╣╬╦╩╔╗╚╝╟╢╫╞╡╪"

// boxStarts open a line of a drawn table.
const boxStarts = "┌├│└┏┣┃┗╔╠║╚╟╞"

// boxFill draws a horizontal rule.
const boxFill = "─━═┄┈╌-"

// boxBullets open an entry inside a task cell (△进一步调整…).
const boxBullets = "△▲●◆■★☆◇○▪•·"

// boxTables rewrites each drawn table whose columns name tasks and their
// units as the lines the item reader knows: a category row as a numbered
// heading, each task as a bulleted line closed by its units, deadline and
// leader in a bracket, taken from the cells beside its first line. A table
// it cannot read stays as it is.
func boxTables(lines []string) []string {
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.ContainsAny(l, "│┃║") }) {
		return lines
	}
	var out []string
	for i := 0; i < len(lines); {
		if !isBoxLine(lines[i]) {
			out = append(out, lines[i])
			i++
			continue
		}
		j := i + 1
		// A table ends at its bottom rule or where the next one's top
		// rule starts.
		for j < len(lines) && isBoxLine(lines[j]) && !boxTop(lines[j]) {
			j++
		}
		if rows, used, ok := readBoxTable(lines[i:j]); ok {
			out = append(out, rows...)
			out = append(out, lines[i+used:j]...)
		} else {
			out = append(out, lines[i:j]...)
		}
		i = j
	}
	return out
}

// isBoxLine reports a line of a drawn table: it opens with a rule or a
// column's left edge, after a PDF's line number if any.
func isBoxLine(l string) bool {
	r, _ := utf8.DecodeRuneInString(boxLineStart(l))
	return strings.ContainsRune(boxStarts, r)
}

func boxTop(l string) bool {
	r, _ := utf8.DecodeRuneInString(boxLineStart(l))
	return r == '┌' || r == '┏' || r == '╔'
}

// boxLineStart returns l from its first character past spaces and a line
// number (12 ┌──…).
func boxLineStart(l string) string {
	t := strings.TrimLeft(l, " \t\u3000")
	if u := strings.TrimLeft(t, "0123456789"); len(u) < len(t) && len(t)-len(u) <= 4 {
		t = strings.TrimLeft(u, " \t\u3000")
	}
	return t
}

// boxSegments returns the pieces of a line between its verticals.
func boxSegments(l string) []string {
	var segs []string
	start := -1
	for i, r := range l {
		if !strings.ContainsRune(boxVerticals, r) {
			continue
		}
		if start >= 0 {
			segs = append(segs, l[start:i])
		}
		start = i + len(string(r))
	}
	return segs
}

// boxRule reports a segment that is a rule across its column.
func boxRule(seg string) bool {
	t := strings.Join(strings.Fields(seg), "")
	return t != "" && strings.Trim(t, boxFill) == ""
}

// boxCell is a cell of a drawn table: its lines, first to last.
type boxCell struct {
	from, to int
	lines    []string // its lines that hold text
	at       []int    // the table line of each
}

// text joins the cell's lines as the one paragraph they wrap.
func (c *boxCell) text() string {
	return strings.Join(c.lines, "")
}

// readBoxTable reads the drawn table at the top of lines and returns its
// tasks as lines, and how many of the given lines it read.
func readBoxTable(lines []string) ([]string, int, bool) {
	ncol := len(boxSegments(lines[0]))
	if ncol < 2 {
		return nil, 0, false
	}
	cols := make([][]*boxCell, ncol)
	open := make([]*boxCell, ncol)
	used := 0
	for k, l := range lines {
		segs := boxSegments(l)
		if len(segs) != ncol {
			break // cut off, or a row whose columns were merged
		}
		used = k + 1
		for c, seg := range segs {
			if boxRule(seg) {
				open[c] = nil
				continue
			}
			if open[c] == nil {
				open[c] = &boxCell{from: k}
				cols[c] = append(cols[c], open[c])
			}
			open[c].to = k
			if t := strings.TrimSpace(strings.ReplaceAll(seg, "\u3000", " ")); t != "" {
				open[c].lines = append(open[c].lines, t)
				open[c].at = append(open[c].at, k)
			}
		}
	}
	kinds := make([]column, ncol)
	task, units := -1, false
	for c := range cols {
		if len(cols[c]) == 0 {
			return nil, 0, false
		}
		head := strings.Join(strings.Fields(cols[c][0].text()), "")
		kinds[c] = classifyHeader(head)
		switch kinds[c] {
		case colTitle, colContent:
			if task < 0 {
				task = c
			}
		case colLead, colCo, colUnits:
			units = true
		}
	}
	if task < 0 || !units {
		return nil, 0, false
	}
	var out []string
	n := 0
	cells := cols[task][1:]
	for ci, cell := range cells {
		entries := boxEntries(cell)
		if len(entries) == 0 {
			continue
		}
		for ei, e := range entries {
			if !e.bullet {
				// A category: its tasks are bulleted below it, in
				// its cell or in the next.
				heading := ei+1 < len(entries) || ci+1 < len(cells) && startsBulleted(cells[ci+1])
				n++
				num := strconv.Itoa(n) + "、"
				if seq := boxValue(cols, kinds, colSeq, e.line); seq != "" {
					num = seq + "、"
				}
				if heading {
					out = append(out, num+e.text)
				} else {
					out = append(out, num+e.text+boxClause(cols, kinds, e.line))
				}
				continue
			}
			out = append(out, "●"+e.text+boxClause(cols, kinds, e.line))
		}
	}
	return out, used, len(out) > 0
}

// boxEntry is a task cell's entry: a bulleted line and its wraps, or the
// cell's text before any bullet.
type boxEntry struct {
	text   string
	line   int // the table line it starts on
	bullet bool
}

func boxEntries(c *boxCell) []boxEntry {
	var out []boxEntry
	for i, l := range c.lines {
		rest, bullet := cutBoxBullet(l)
		if bullet || len(out) == 0 {
			out = append(out, boxEntry{text: rest, line: c.at[i], bullet: bullet})
		} else {
			out[len(out)-1].text += l
		}
	}
	return out
}

// cutBoxBullet returns l without the bullet it opens with, and whether it
// opens with one.
func cutBoxBullet(l string) (string, bool) {
	r, size := utf8.DecodeRuneInString(l)
	if !strings.ContainsRune(boxBullets, r) {
		return l, false
	}
	return strings.TrimSpace(l[size:]), true
}

func startsBulleted(c *boxCell) bool {
	if len(c.lines) == 0 {
		return false
	}
	_, bullet := cutBoxBullet(c.lines[0])
	return bullet
}

// boxValue returns the text of the cell of the first column of kind want
// that holds table line k, "" when there is none.
func boxValue(cols [][]*boxCell, kinds []column, want column, k int) string {
	for c, kind := range kinds {
		if kind != want {
			continue
		}
		for _, cell := range cols[c][1:] {
			if cell.from <= k && k <= cell.to {
				return cell.text()
			}
		}
	}
	return ""
}

// boxClause writes the units, deadline and leader beside table line k as a
// bracket of labels.
func boxClause(cols [][]*boxCell, kinds []column, k int) string {
	var parts []string
	for _, f := range []struct {
		kind  column
		label string
	}{{colLead, "牵头单位"}, {colUnits, "责任单位"}, {colCo, "配合单位"}, {colDeadline, "完成时限"}, {colLeader, "分管领导"}} {
		if v := boxValue(cols, kinds, f.kind, k); v != "" {
			parts = append(parts, f.label+"："+v)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "；") + "）"
}
