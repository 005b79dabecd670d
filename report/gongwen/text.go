package gongwen

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Color is an RGB colour.
type Color struct{ R, G, B uint8 }

// Black is the colour of text.
var Black = Color{}

// Span is a run of text in one font role and colour.
type Span struct {
	Text  string
	Role  typeface.Role
	Color Color
}

// Plain is a span of body text.
func Plain(s string) Span { return Span{Text: s, Role: typeface.Body} }

// In is a span of text in the given role.
func In(role typeface.Role, s string) Span { return Span{Text: s, Role: role} }

// glyph is one shaped character.
type glyph struct {
	r     rune
	face  *typeface.Face
	w     float64 // natural advance at the run's size, in points
	color Color
	space bool // a breakable ASCII space
	brk   bool // a forced line break (\n); w is 0
}

// Characters that may not start a line (closing punctuation, 行首禁则) and
// that may not end one (opening punctuation, 行尾禁则).
const (
	noStart = "，。、；：？！）》」』”’〕】…—·％‰℃,.;:?!)]}〉｝］｠〛"
	noEnd   = "（《「『“‘〔【([{〈｛［｟〚"
)

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }

// missingMark replaces a character no font has (the printer's 〓).
const missingMark = '〓'

// faceFor picks the font that draws r in role, recording a substitution
// when it is not the role's own.
func (d *Doc) faceFor(role typeface.Role, r rune) (*typeface.Face, rune) {
	f := d.fonts.Face(role)
	if f.Has(r) {
		return f, r
	}
	k := substKey{role, r}
	s := d.subst[k]
	if s == nil {
		s = &substitution{Substitution: Substitution{Role: role, Font: f.Name, Char: r}}
		for _, fb := range d.fonts.Fallbacks(role) {
			if fb.Has(r) {
				s.Fallback, s.face = fb.Name, fb
				break
			}
		}
		d.subst[k] = s
		d.order = append(d.order, k)
	}
	if !d.measuring {
		s.Count++
	}
	if s.face != nil {
		return s.face, r
	}
	return f, missingMark
}

// shape turns spans into glyphs at size points.
func (d *Doc) shape(spans []Span, size float64) []glyph {
	var gs []glyph
	for _, sp := range spans {
		role := sp.Role
		if role == "" {
			role = typeface.Body
		}
		// Composed forms: a base letter and a combining accent are one
		// character in the fonts.
		for _, r := range norm.NFC.String(sp.Text) {
			switch {
			case r == '\n':
				gs = append(gs, glyph{r: r, brk: true})
				continue
			case r == '\r':
				continue
			case r == '\t' || r == '\u00a0':
				r = ' '
			case r == '\u3000':
				// The ideographic space is a full-width character.
			case !unicode.IsPrint(r) && r != ' ':
				continue
			}
			f, rr := d.faceFor(role, r)
			gs = append(gs, glyph{r: rr, face: f, w: f.Advance(rr) * size, color: sp.Color, space: rr == ' '})
		}
	}
	return gs
}

// isWordRune reports whether r belongs to a Latin word or number that must
// not be broken.
func isWordRune(r rune) bool {
	return r < 0x2000 && r > ' ' && !isNoEnd(r) || r >= 0xFF10 && r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 && r <= 0xFF5A
}

// atoms splits glyphs into unbreakable pieces: a CJK character, a Latin word
// or number with its attached signs, a space, a forced break, or a pair of
// dashes or ellipses. It returns the end index of each atom.
func atoms(gs []glyph) []int {
	var ends []int
	for i := 0; i < len(gs); {
		j := i + 1
		switch r := gs[i].r; {
		case gs[i].brk || gs[i].space:
		case isWordRune(r):
			for j < len(gs) && !gs[j].brk && !gs[j].space && isWordRune(gs[j].r) {
				j++
			}
		case r == '—' || r == '…':
			for j < len(gs) && gs[j].r == r {
				j++
			}
		}
		ends = append(ends, j)
		i = j
	}
	return ends
}

// line is a laid-out line: glyphs [from, to) of its paragraph.
type line struct {
	from, to int
	width    float64 // natural width with the base spacing
	justify  bool
}

// breakLines breaks glyphs into lines of at most width points (first line
// first points), with spacing points after every glyph.
func breakLines(gs []glyph, first, width, spacing float64) []line {
	ends := atoms(gs)
	var lines []line
	w := func(a, b int) float64 {
		s := 0.0
		for k := a; k < b; k++ {
			s += gs[k].w + spacing
		}
		return s
	}
	start := 0 // atom index
	for start < len(ends) {
		limit := width
		if len(lines) == 0 {
			limit = first
		}
		from := atomStart(ends, start)
		// Skip spaces at a line start (not at the paragraph start).
		for start < len(ends) && len(lines) > 0 && gs[from].space {
			start++
			if start < len(ends) {
				from = atomStart(ends, start)
			}
		}
		if start >= len(ends) {
			break
		}
		j, used := start, 0.0
		forced := false
		for j < len(ends) {
			a, b := atomStart(ends, j), ends[j]
			if gs[a].brk {
				forced = true
				break
			}
			aw := w(a, b)
			if used+aw > limit+0.01 {
				break
			}
			used += aw
			j++
		}
		switch {
		case forced || j == len(ends):
			// the paragraph's (or a forced break's) last line
		case j == start:
			// One atom wider than the line: break it between characters.
			a, b := atomStart(ends, j), ends[j]
			k, u := a, 0.0
			for k < b && (k == a || u+gs[k].w+spacing <= limit+0.01) {
				u += gs[k].w + spacing
				k++
			}
			lines = append(lines, line{from: a, to: k, width: u, justify: true})
			if k < b {
				// Split the atom: the rest becomes a new atom.
				ends = append(ends[:j], append([]int{k}, ends[j:]...)...)
			}
			start = j + 1
			continue
		default:
			// 禁则: move atoms to the next line while the next one would
			// start with closing punctuation or this one would end with an
			// opening one.
			for k := j; k > start+1; k-- {
				next := gs[atomStart(ends, k)].r
				last := gs[ends[k-1]-1].r
				if !isNoStart(next) && !isNoEnd(last) {
					break
				}
				j = k - 1
			}
		}
		a, b := from, atomStart(ends, min(j, len(ends)))
		if j == len(ends) {
			b = len(gs)
		}
		for b > a && gs[b-1].space {
			b--
		}
		lines = append(lines, line{from: a, to: b, width: w(a, b), justify: !forced && j < len(ends)})
		start = j
		if forced {
			start = j + 1
			if start == len(ends) {
				// A trailing newline leaves no empty line.
				break
			}
		}
	}
	return lines
}

func atomStart(ends []int, i int) int {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}
