package inputerr

import "strings"

// Closest is the candidate a mistyped key most likely meant, or "": one
// that differs only in case or separators (greenWithin, green-within), else
// the nearest by edit distance when at most two edits and fewer than half
// of the key's characters apart (lihgts → lights).
func Closest(key string, candidates []string) string {
	fold := func(s string) string {
		return strings.NewReplacer("_", "", "-", "", " ", "").Replace(strings.ToLower(s))
	}
	for _, c := range candidates {
		if fold(c) == fold(key) {
			return c
		}
	}
	best, bestD := "", 3
	n := len([]rune(key))
	for _, c := range candidates {
		d := editDistance(strings.ToLower(key), c)
		if d < bestD && d*2 < max(n, len([]rune(c))) {
			best, bestD = c, d
		}
	}
	return best
}

// ClosestName is the name a name not in the list most likely meant:
// at most a third of its characters apart (市工信委 → 市工信局).
func ClosestName(name string, units []string) string {
	best, bestD := "", 1<<30
	n := len([]rune(name))
	for _, u := range units {
		d := editDistance(name, u)
		if d < bestD && d*3 <= max(n, len([]rune(u))) {
			best, bestD = u, d
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps of
// neighbours that turn a into b (optimal string alignment), in characters.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// Hint offers the candidate a mistyped word most likely meant (Closest),
// written as the messages write it: "，是否应为 --period？"; "" for none.
func Hint(prefix, word string, candidates []string) string {
	if s := Closest(word, candidates); s != "" {
		return "，是否应为 " + prefix + s + "？"
	}
	return ""
}
