package policy

// node is one numbered item found in the text.
type node struct {
	m        marker
	parent   int // index of the parent node, -1 at the top
	depth    int
	children []int
	// spanEnd is where the item's own text ends: the start of the next
	// marker, or the end of the text.
	spanEnd int
	// subtreeEnd is where the text of the item and all its descendants ends.
	subtreeEnd int
	// gap is set when the number skips one or two values (a typo in the
	// document or a lost line), so the office is told.
	gap bool
}

// scanner finds the numbered items of a text. A candidate marker is accepted
// only when it continues the numbering in force: the next number of a style
// already open, or the first number (or the next number of a list that runs
// on across sections) of a style new at this depth. That is what keeps 2.8%,
// years and numbers inside sentences out, including in documents flattened
// into one line, where markers sit mid-line.
type scanner struct {
	rs      []rune
	nodes   []node
	stack   []int
	lastVal map[style]int
}

func scanItems(rs []rune) []node {
	s := &scanner{rs: rs, lastVal: map[style]int{}}
	lineStart := true
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' {
			lineStart = true
			continue
		}
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\u00a0' {
			continue
		}
		atLine := lineStart
		lineStart = false
		if !precededOK(rs, i) {
			continue
		}
		m, ok := scanMarker(rs, i)
		if !ok {
			continue
		}
		m.lineStart = atLine
		if s.accept(m) {
			i = m.end - 1
		}
	}
	s.finish()
	return s.nodes
}

func (s *scanner) accept(m marker) bool {
	if (m.style >= stylePart || m.bare) && !m.lineStart {
		return false
	}
	for d := len(s.stack) - 1; d >= 0; d-- {
		open := s.nodes[s.stack[d]]
		if open.m.style != m.style {
			continue
		}
		want := open.m.value + 1
		gap := false
		switch {
		case m.value == want:
		case m.lineStart && m.value > want && m.value <= want+2:
			gap = true
		case m.lineStart && m.value == 1 && d == len(s.stack)-1:
			// A list that restarts on its own line right after itself:
			// the document lost a heading. Keep it as a sibling.
		default:
			return false
		}
		s.stack = s.stack[:d]
		s.push(m, gap)
		return true
	}
	if m.value != 1 && m.value != s.lastVal[m.style]+1 {
		return false
	}
	s.push(m, false)
	return true
}

func (s *scanner) push(m marker, gap bool) {
	parent, depth := -1, 0
	if len(s.stack) > 0 {
		parent = s.stack[len(s.stack)-1]
		depth = s.nodes[parent].depth + 1
	}
	idx := len(s.nodes)
	s.nodes = append(s.nodes, node{m: m, parent: parent, depth: depth, gap: gap})
	if parent >= 0 {
		s.nodes[parent].children = append(s.nodes[parent].children, idx)
	}
	s.stack = append(s.stack, idx)
	s.lastVal[m.style] = m.value
}

func (s *scanner) finish() {
	for i := range s.nodes {
		if i+1 < len(s.nodes) {
			s.nodes[i].spanEnd = s.nodes[i+1].m.start
		} else {
			s.nodes[i].spanEnd = len(s.rs)
		}
	}
	for i := len(s.nodes) - 1; i >= 0; i-- {
		n := &s.nodes[i]
		n.subtreeEnd = n.spanEnd
		if k := len(n.children); k > 0 {
			n.subtreeEnd = s.nodes[n.children[k-1]].subtreeEnd
		}
	}
}
