package docread

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Government pages are read as text with line breaks at block elements.
// The site's navigation is dropped by element (nav, header, footer,
// scripts) and the rest by the same line rules as saved text. Pages are
// often laid out with tables around the whole content; only tables that
// hold data become Rows.

var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// readHTML decodes a page using its declared charset when the bytes do not
// decide (GBK pages are common and sometimes mislabelled), then reads it.
func readHTML(data []byte) ([]line, Meta, error) {
	declared := ""
	if m := metaCharsetRe.FindSubmatch(head(data, 4096)); m != nil {
		declared = string(m[1])
	}
	return readHTMLString(decodeText(data, declared))
}

func readHTMLString(text string) ([]line, Meta, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// The parser refuses absurd nesting; such a page is still text.
		return htmlTokenLines(text), Meta{}, nil
	}
	w := &htmlWalker{layout: layoutTables(doc)}
	w.walk(doc)
	w.newline()
	return w.lines, Meta{Title: pageTitle(w.title)}, nil
}

// droppedElements never hold document text.
var droppedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Noscript: true, atom.Template: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Svg: true, atom.Math: true, atom.Select: true, atom.Button: true, atom.Input: true,
	atom.Textarea: true, atom.Audio: true, atom.Video: true, atom.Canvas: true, atom.Map: true,
}

// blockElements end the line before and after them.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Menu: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Caption: true, atom.Ul: true, atom.Legend: true, atom.Form: true, atom.Html: true,
}

// htmlWalker turns a tree into lines. It walks with an explicit stack:
// pages nest deeply and fuzzed ones arbitrarily.
type htmlWalker struct {
	lines  []line
	cur    bytes.Buffer
	title  string
	pre    int
	layout map[*html.Node]bool // tables to read as text
}

type htmlFrame struct {
	n    *html.Node
	exit bool
}

func (w *htmlWalker) walk(root *html.Node) {
	stack := []htmlFrame{{n: root}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.exit {
			w.leave(f.n)
			continue
		}
		if !w.enter(f.n) {
			continue
		}
		stack = append(stack, htmlFrame{n: f.n, exit: true})
		for c := f.n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, htmlFrame{n: c})
		}
	}
}

// enter handles a node and reports whether to walk its children.
func (w *htmlWalker) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return false
	case html.DocumentNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	switch {
	case n.DataAtom == atom.Title:
		if w.title == "" {
			w.title = nodeText(n)
		}
		return false
	case droppedElements[n.DataAtom] || hidden(n):
		return false
	case n.DataAtom == atom.Br:
		w.newline()
		return false
	case n.DataAtom == atom.Table && !w.layout[n]:
		if rows := tableRows(n, w.layout); len(rows) > 0 {
			w.newline()
			w.lines = append(w.lines, line{rows: rows})
			return false
		}
	}
	if n.DataAtom == atom.Pre {
		w.pre++
	}
	if blockElements[n.DataAtom] {
		w.newline()
	}
	return true
}

func (w *htmlWalker) leave(n *html.Node) {
	if n.DataAtom == atom.Pre {
		w.pre--
	}
	if blockElements[n.DataAtom] {
		w.newline()
	}
}

// text appends inline text, collapsing HTML white space except in <pre>.
func (w *htmlWalker) text(s string) {
	if w.pre == 0 {
		w.cur.WriteString(collapseHTMLSpace(s))
		return
	}
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			w.newline()
		}
		w.cur.WriteString(part)
	}
}

func (w *htmlWalker) newline() {
	if w.cur.Len() == 0 {
		return
	}
	if s := cleanLine(w.cur.String()); s != "" {
		w.lines = append(w.lines, line{text: s})
	}
	w.cur.Reset()
}

// collapseHTMLSpace folds runs of HTML white space into one space; no-break
// spaces are text and stay for normalize.
func collapseHTMLSpace(s string) string {
	if !strings.ContainsAny(s, " \t\n\r\f") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r', '\f':
			if !space {
				b.WriteByte(' ')
			}
			space = true
		default:
			b.WriteByte(c)
			space = false
		}
	}
	return b.String()
}

// hidden reports elements the page does not show.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if strings.Contains(strings.ToLower(removeSpaces(a.Val)), "display:none") {
				return true
			}
		}
	}
	return false
}

// nodeText is the text of a subtree as one line.
func nodeText(n *html.Node) string {
	w := &htmlWalker{}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	w.newline()
	texts := make([]string, len(w.lines))
	for i, l := range w.lines {
		texts[i] = l.text
	}
	return strings.Join(texts, " ")
}

// pageTitle takes the document's title out of a page title such as
// "关于…的通知_政府信息公开_泰州市人民政府".
func pageTitle(s string) string {
	s = cleanLine(s)
	// A bare dash can be part of the title (2023—2027年); a spaced one is
	// a separator.
	for _, sep := range []string{" - ", " — ", " – "} {
		s = strings.ReplaceAll(s, sep, "_")
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("_|｜", r) })
	for _, p := range parts {
		if p = strings.TrimSpace(p); titleStart(p) {
			return p
		}
	}
	if len(parts) > 0 {
		return strings.TrimSpace(parts[0])
	}
	return ""
}

// htmlTokenLines reads a page the parser refused, without building a
// tree: text with line breaks at block elements, no tables.
func htmlTokenLines(text string) []line {
	z := html.NewTokenizer(strings.NewReader(text))
	w := &htmlWalker{}
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			w.newline()
			return w.lines
		case html.TextToken:
			if skip == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skippedToken(a) {
				skip++
			}
			if blockElements[a] || a == atom.Br {
				w.newline()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skippedToken(a) && skip > 0 {
				skip--
			}
			if blockElements[a] {
				w.newline()
			}
		}
	}
}

// skippedToken reports elements whose content the token reader skips;
// void elements have no end tag and are left out.
func skippedToken(a atom.Atom) bool {
	return (droppedElements[a] || a == atom.Title) && a != atom.Input && a != atom.Embed
}
