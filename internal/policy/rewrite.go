package policy

import (
	"regexp"
	"strings"
)

// rewriteMatches replaces each match of re in s by what rewrite makes of it.
// rewrite gets the match's submatch indexes in s (group reads one); each
// match is found once, not found again inside its own text as
// ReplaceAllStringFunc with FindStringSubmatch would. s comes back as it is,
// not copied, when no rewrite changes anything.
func rewriteMatches(re *regexp.Regexp, s string, rewrite func(loc []int) string) string {
	var b strings.Builder
	last, changed := 0, false
	for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
		r := rewrite(loc)
		if r == s[loc[0]:loc[1]] {
			continue
		}
		changed = true
		b.WriteString(s[last:loc[0]])
		b.WriteString(r)
		last = loc[1]
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// group returns submatch i of the match at loc in s, "" when it took no part.
func group(s string, loc []int, i int) string {
	if loc[2*i] < 0 {
		return ""
	}
	return s[loc[2*i]:loc[2*i+1]]
}
