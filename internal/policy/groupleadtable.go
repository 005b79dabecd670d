package policy

import (
	"regexp"
	"slices"
	"strings"
)

// A progress table of projects (民生实事项目进度表) groups its rows by lead
// unit: 序号 | 牵头单位 | … | 项目名称 | 业主单位 | 进展, where the 序号 (一,
// 二, …) and the 牵头单位 cell are merged over the group's rows and each
// project, numbered (一), (二), …, may be split into sub-projects 1., 2., …
// with an owner cell each. Flattened one cell a line, a group reads:
//
//	一 / 区住建局 / 区政府民生实事项目(1个) / (一)打通断头路 / 1.文化中心北路 /
//	区城投 / 已完工 / 2.乐业路 / 区城管局 / 已完工 / 二 / …
//
// The group's unit leads every project of the group; a project's owner
// works with it. A project whose next cell opens a sub-project heads the
// sub-projects; the cells after a project's owner (its progress) are not
// read; a project with no cell after its name was cut off with the text.

// groupNumeralRe is a group's 序号 cell: a Chinese numeral alone.
var groupNumeralRe = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}$`)

// ownerHeaderRe is a header word naming a second unit column after the
// 牵头单位 one (业主单位, 实施单位, 责任单位).
var ownerHeaderRe = regexp.MustCompile(`单位$`)

// readGroupLeadTable reads such a table from its 序号 header cell at
// lines[i].
func readGroupLeadTable(lines []string, i int, u unitRules) (*taskTable, int, bool) {
	header, j := groupLeadHeader(lines, i)
	if header == nil {
		return nil, 0, false
	}
	g := &groupLeadReader{u: u}
	for ; j < len(lines); j++ {
		if !g.read(strings.TrimSpace(lines[j])) {
			break
		}
	}
	g.flushCut()
	if g.tasks < 2 {
		return nil, 0, false
	}
	t := &taskTable{cols: []column{colSeq, colContent, colLead, colCo}, rows: g.rows}
	return t, j, true
}

// groupLeadHeader returns the header cells from 序号 up to the first
// group's numeral, and the index of that numeral's line; nil unless the
// cell after 序号 is a 牵头单位 column and a later one names units too.
func groupLeadHeader(lines []string, i int) ([]string, int) {
	if classifyHeader(lines[i]) != colSeq {
		return nil, 0
	}
	header := []string{strings.TrimSpace(lines[i])}
	j := i + 1
	for ; j < len(lines) && len(header) < 12; j++ {
		c := strings.TrimSpace(lines[j])
		if groupNumeralRe.MatchString(c) {
			break
		}
		if c == "" || !fewLetters(c, 12) {
			return nil, 0
		}
		header = append(header, c)
	}
	if j >= len(lines) || len(header) < 4 || classifyHeader(header[1]) != colLead {
		return nil, 0
	}
	for _, h := range header[2:] {
		if ownerHeaderRe.MatchString(h) {
			return header, j
		}
	}
	return nil, 0
}

// groupLeadReader reads the cells of a group-lead table one at a time.
type groupLeadReader struct {
	u    unitRules
	rows [][]string
	// lead is the open group's unit; wantLead is set right after its
	// numeral, when the next cell is that unit.
	lead     string
	wantLead bool
	// item is the open project's or sub-project's row, waiting for its
	// owner cell; owned is set once it has one.
	item  []string
	owned bool
	// sub is set once the open project heads sub-projects.
	sub   bool
	tasks int
}

// read takes the next cell and reports whether it still belongs to the
// table.
func (g *groupLeadReader) read(c string) bool {
	switch {
	case c == "" || strings.HasSuffix(c, "。") || !fewLetters(c, 60):
		return false
	case g.wantLead:
		if !g.u.isUnitList(c) {
			g.rows = g.rows[:len(g.rows)-1] // a numeral that heads no group
			return false
		}
		g.lead, g.wantLead = c, false
		g.rows[len(g.rows)-1][0] += c
	case groupNumeralRe.MatchString(c):
		g.flushCut()
		g.rows = append(g.rows, []string{c + "、", "", "", ""})
		g.wantLead, g.sub = true, false
	case g.lead == "":
		return false
	case isItemMarker(c, styleCNParen):
		g.openItem(c)
	case isItemMarker(c, styleNum, styleNumHalf, styleNumParen) && (g.sub || g.heads()):
		g.openItem(c)
	case g.item != nil && !g.owned:
		if owner := groupOwner(c); g.isOwner(owner) {
			g.item[3] = strings.Join(strings.Fields(owner), "、")
		}
		g.owned = true
		g.rows = append(g.rows, g.item)
		g.tasks++
	}
	return true
}

// heads reports whether the open item is a project still waiting for its
// owner, which a sub-project's number after it makes a heading.
func (g *groupLeadReader) heads() bool {
	if g.item == nil || g.owned {
		return false
	}
	m, ok := rowMarker(g.item[0])
	return ok && m.style == styleCNParen
}

// isItemMarker reports whether a cell opens with a number of one of the
// styles: a project's (一), a sub-project's 1. (or 1) or (1)).
func isItemMarker(c string, styles ...style) bool {
	m, ok := scanMarker([]rune(c), 0)
	return ok && slices.Contains(styles, m.style)
}

// openItem starts the row of a project or sub-project; a project still
// waiting for its owner when a sub-project's number follows heads the
// sub-projects below it.
func (g *groupLeadReader) openItem(c string) {
	rs := []rune(c)
	m, _ := scanMarker(rs, 0)
	if m.style == styleCNParen {
		g.sub = false
	} else if g.heads() {
		g.rows = append(g.rows, []string{g.item[0] + g.item[1], "", "", ""})
		g.sub = true
	}
	g.item, g.owned = []string{m.label(), strings.TrimSpace(string(rs[m.end:])), g.lead, ""}, false
}

// flushCut drops a project left without its owner cell: the text was cut
// inside it.
func (g *groupLeadReader) flushCut() {
	g.item, g.owned = nil, false
}

// isOwner reports whether an owner cell names units: a list of names, or
// short names separated by spaces each carrying a level prefix the
// group's lead carries (区城管局 区水投); a progress cell (已完工) is none.
func (g *groupLeadReader) isOwner(c string) bool {
	if g.u.isUnitList(c) {
		return true
	}
	parts := strings.Fields(c)
	for _, p := range parts {
		if n := len([]rune(p)); n < 3 || n > 12 || strings.ContainsAny(p, "0123456789") || !g.hasLevelPrefix(p) {
			return false
		}
	}
	return len(parts) > 0
}

func (g *groupLeadReader) hasLevelPrefix(name string) bool {
	for _, p := range g.u.prefixes {
		if strings.HasPrefix(name, p) && strings.HasPrefix(g.lead, p) {
			return true
		}
	}
	return false
}

// groupOwnerRemarkRe is a remark in brackets after an owner's name
// (开发商配建学校项目, 区国资公司代建): what the owner does, no name.
var groupOwnerRemarkRe = regexp.MustCompile(`[（(]([^（）()]*)[)）]$`)

// groupOwner is an owner cell's units: a remark that builds on the
// owner's behalf (X代建) names the builder; any other remark is dropped.
func groupOwner(c string) string {
	m := groupOwnerRemarkRe.FindStringSubmatchIndex(c)
	if m == nil {
		return c
	}
	name := strings.TrimSpace(c[:m[0]])
	if remark := c[m[2]:m[3]]; strings.HasSuffix(remark, "代建") {
		return name + "、" + strings.TrimSuffix(remark, "代建")
	}
	return name
}
