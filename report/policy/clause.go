package policy

import (
	"regexp"
	"strings"
)

// clauseForm says how a responsibility clause was written.
type clauseForm int

const (
	formNone      clauseForm = iota
	formBracketed            // （责任单位：A、B）, （A、B负责）
	formLabelled             // 责任单位：A、B on its own, without brackets
	formBare                 // A、B after the last sentence (flattened tables)
)

// clause is the responsibility clause of an item.
type clause struct {
	form clauseForm
	raw  string // the clause as written, brackets removed
	// standalone reports whether the clause is a paragraph of its own
	// rather than the end of the item's last sentence.
	standalone bool
}

var unitLabelRe = regexp.MustCompile(`(责任单位|牵头单位|配合单位|协办单位|主办单位|责任部门|牵头部门|配合部门|负责部门|负责单位|责任主体|实施单位|承办单位)\s*[：:]`)

// responsibilityEnd matches the verb phrases that close a clause such as
// （A、B负责） or （A牵头，B配合）.
var responsibilityEnd = regexp.MustCompile(`(负责|牵头|配合|落实|参与|承办|分工负责|负责落实|共同推进)$`)

// looksLikeClause reports whether the text inside brackets assigns units.
func looksLikeClause(inner string) bool {
	inner = strings.TrimSpace(inner)
	if inner == "" || len([]rune(inner)) > 400 {
		return false
	}
	if unitLabelRe.MatchString(inner) {
		return true
	}
	// （A、B负责。列第一位者为牵头单位，下同）
	head := strings.TrimSpace(ruleNoteRe.ReplaceAllString(inner, ""))
	if i := strings.IndexAny(head, "。;；"); i >= 0 {
		head = head[:i]
	}
	return responsibilityEnd.MatchString(strings.TrimSpace(head))
}

// splitClause separates an item's text from its responsibility clause.
// bare enables the flattened-table form, where the units follow the last
// sentence without any label.
func splitClause(text string, bare bool, cfg unitRules) (body string, c clause) {
	t := strings.TrimRight(text, " \t\n\u3000。.")
	rs := []rune(t)
	if n := len(rs); n > 0 && isCloseParen(rs[n-1]) {
		if open := matchOpen(rs, n-1); open >= 0 && looksLikeClause(string(rs[open+1:n-1])) {
			return strings.TrimRight(string(rs[:open]), " \t\n\u3000"), clause{
				form:       formBracketed,
				raw:        strings.TrimSpace(string(rs[open+1 : n-1])),
				standalone: atLineStart(rs, open),
			}
		}
	}
	// 责任单位：A、B as the last sentence or paragraph.
	if !strings.ContainsAny(t, ":：") {
		// No label can follow.
	} else if locs := unitLabelRe.FindAllStringIndex(t, -1); len(locs) > 0 {
		first := locs[0][0]
		// The labels must come after the last full stop of the body.
		if !strings.ContainsAny(t[first:], "。") || strings.Count(t[first:], "。") == strings.Count(t[first:], "。下同") {
			before := t[:first]
			if first == 0 || strings.HasSuffix(strings.TrimRight(before, " \t\u3000"), "。") || strings.HasSuffix(before, "\n") ||
				strings.HasSuffix(strings.TrimRight(before, " \t\u3000"), "；") {
				return strings.TrimRight(before, " \t\n\u3000"), clause{
					form:       formLabelled,
					raw:        strings.TrimSpace(t[first:]),
					standalone: first == 0 || strings.HasSuffix(strings.TrimRight(before, " \t\u3000"), "\n"),
				}
			}
		}
	}
	if bare {
		cut := strings.LastIndexAny(t, "。；;")
		if cut >= 0 {
			tail := strings.TrimSpace(t[cut+len(string([]rune(t[cut:])[0])):])
			if tail != "" && cfg.isUnitList(tail) {
				return t[:cut+len(string([]rune(t[cut:])[0]))], clause{form: formBare, raw: tail}
			}
		}
	}
	return text, clause{}
}

// matchOpen finds the bracket that opens the one closing at rs[close],
// treating half- and full-width brackets alike.
func matchOpen(rs []rune, close int) int {
	depth := 0
	for i := close; i >= 0; i-- {
		switch {
		case isCloseParen(rs[i]):
			depth++
		case isOpenParen(rs[i]):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func atLineStart(rs []rune, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch rs[j] {
		case ' ', '\t', '\u3000':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}
