package docread

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	maxSpan       = 50      // colspan/rowspan beyond this is a broken page
	maxTableCells = 1 << 17 // cells per table after spans are repeated
	maxCellRunes  = 1000    // a cell this long is a page column, not data
)

// layoutTables returns the tables that contain other tables: those lay out
// the page and are read as text, so that only the innermost tables can
// become Rows.
func layoutTables(root *html.Node) map[*html.Node]bool {
	layout := map[*html.Node]bool{}
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			for p := n.Parent; p != nil; p = p.Parent {
				if p.Type != html.ElementNode || p.DataAtom != atom.Table {
					continue
				}
				if layout[p] {
					break // its ancestors are marked already
				}
				layout[p] = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return layout
}

// htmlCell is one td or th before spans are resolved.
type htmlCell struct {
	text             string
	colspan, rowspan int
}

// tableRows returns the rows of a data table with merged cells repeated,
// or nil when the table is layout after all: one column, or cells holding
// whole paragraphs of the document.
func tableRows(table *html.Node, layout map[*html.Node]bool) [][]string {
	var rows [][]htmlCell
	widest := 0
	for _, tr := range tableRowNodes(table) {
		var cells []htmlCell
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Td && c.DataAtom != atom.Th || hidden(c) {
				continue
			}
			cell := htmlCell{text: cellText(c, layout), colspan: span(c, "colspan"), rowspan: span(c, "rowspan")}
			if runeLen(cell.text) > maxCellRunes {
				return nil
			}
			cells = append(cells, cell)
		}
		widest = max(widest, len(cells))
		rows = append(rows, cells)
	}
	if widest <= 1 {
		return nil
	}
	return spanGrid(rows)
}

// tableRowNodes returns the tr elements of a table in order, looking
// through thead, tbody and tfoot.
func tableRowNodes(table *html.Node) []*html.Node {
	var trs []*html.Node
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.Tr:
			trs = append(trs, c)
		case c.DataAtom == atom.Thead || c.DataAtom == atom.Tbody || c.DataAtom == atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					trs = append(trs, r)
				}
			}
		}
	}
	return trs
}

func span(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, maxSpan)
		}
	}
	return 1
}

// cellText is a cell's text with its paragraphs on separate lines.
func cellText(td *html.Node, layout map[*html.Node]bool) string {
	w := &htmlWalker{layout: layout}
	for c := td.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	w.newline()
	texts := make([]string, 0, len(w.lines))
	for _, l := range w.lines {
		texts = append(texts, l.text)
	}
	return strings.Join(texts, "\n")
}

// spanGrid lays cells on a grid, repeating a merged cell in every column
// and row it spans, and drops empty rows. It returns nil for a grid too
// large to be a real table.
func spanGrid(rows [][]htmlCell) [][]string {
	type carry struct {
		text string
		left int
	}
	var down []carry // per column: a cell from a row above still spanning
	var grid [][]string
	total := 0
	for _, cells := range rows {
		var row []string
		col := 0
		fill := func() {
			for col < len(down) && down[col].left > 0 {
				row = append(row, down[col].text)
				down[col].left--
				col++
			}
		}
		for _, c := range cells {
			fill()
			for k := 0; k < c.colspan; k++ {
				row = append(row, c.text)
				for len(down) <= col {
					down = append(down, carry{})
				}
				down[col] = carry{text: c.text, left: c.rowspan - 1}
				col++
			}
		}
		for ; col < len(down); col++ {
			text := ""
			if down[col].left > 0 {
				text = down[col].text
				down[col].left--
			}
			row = append(row, text)
		}
		row = trimEmptyTail(row)
		if total += len(row); total > maxTableCells {
			return nil
		}
		if len(row) > 0 {
			grid = append(grid, row)
		}
	}
	return grid
}

func trimEmptyTail(row []string) []string {
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	return row
}
