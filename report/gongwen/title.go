package gongwen

import (
	"math"
	"strings"
)

// titleLines breaks a title into as few lines as fit width, choosing break
// points that keep the lines balanced and fall between words: after 的, 和,
// a 、 or a closing bracket, before 关于 or an opening bracket; never inside
// a Latin word or number, never against the punctuation rules.
func titleLines(gs []glyph, width float64) []line {
	total := naturalWidth(gs, 0)
	if total <= width || len(gs) < 2 {
		return []line{{from: 0, to: len(gs), width: total}}
	}
	ends := atoms(gs)
	n := int(math.Ceil(total / width))
	for ; n <= len(ends); n++ {
		if ls := bestSplit(gs, ends, n, width); ls != nil {
			return ls
		}
	}
	return breakLines(gs, width, width, 0)
}

// bestSplit finds the best way to break gs into n lines no wider than width
// (dynamic programming over atom boundaries), or nil.
func bestSplit(gs []glyph, ends []int, n int, width float64) []line {
	total := naturalWidth(gs, 0)
	ideal := total / float64(n)
	size := 1.0
	if len(gs) > 0 {
		size = math.Max(gs[0].w, 1)
	}
	// Break candidates: atom boundaries 0..len(ends), as glyph indexes.
	pos := append([]int{0}, ends...)
	prefix := make([]float64, len(gs)+1)
	for i, g := range gs {
		prefix[i+1] = prefix[i] + g.w
	}
	inf := math.Inf(1)
	// cost[k][i]: best cost of k lines ending at candidate i.
	cost := make([][]float64, n+1)
	from := make([][]int, n+1)
	for k := range cost {
		cost[k] = make([]float64, len(pos))
		from[k] = make([]int, len(pos))
		for i := range cost[k] {
			cost[k][i] = inf
		}
	}
	cost[0][0] = 0
	for k := 1; k <= n; k++ {
		for i := 1; i < len(pos); i++ {
			if k == n && i != len(pos)-1 {
				continue
			}
			pen := 0.0
			if i < len(pos)-1 {
				pen = breakPenalty(gs, pos[i])
				if math.IsInf(pen, 1) {
					continue
				}
			}
			for j := 0; j < i; j++ {
				if math.IsInf(cost[k-1][j], 1) {
					continue
				}
				w := prefix[pos[i]] - prefix[pos[j]]
				if w > width+0.01 {
					continue
				}
				dev := (w - ideal) / size
				c := cost[k-1][j] + dev*dev + pen
				if c < cost[k][i] {
					cost[k][i], from[k][i] = c, j
				}
			}
		}
	}
	last := len(pos) - 1
	if math.IsInf(cost[n][last], 1) {
		return nil
	}
	lines := make([]line, n)
	for k, i := n, last; k > 0; k-- {
		j := from[k][i]
		lines[k-1] = line{from: pos[j], to: pos[i], width: prefix[pos[i]] - prefix[pos[j]]}
		i = j
	}
	return lines
}

// breakPenalty scores breaking before gs[at]: negative where a title breaks
// naturally, +Inf where it must not.
func breakPenalty(gs []glyph, at int) float64 {
	prev, next := gs[at-1].r, gs[at].r
	switch {
	case isNoStart(next) || isNoEnd(prev):
		return math.Inf(1)
	case strings.ContainsRune("、，：）》”", prev):
		return -6
	case prev == '的' || prev == '和' || prev == '与' || prev == '及':
		return -4
	case next == '关' && at+1 < len(gs) && gs[at+1].r == '于':
		return -4
	case strings.ContainsRune("（《“", next):
		return -3
	case next == '的' || prev == '关' && next == '于':
		return 8
	}
	return 0
}
