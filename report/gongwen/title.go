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
	for i := range ends {
		if naturalWidth(gs[atomStart(ends, i):ends[i]], 0) > width {
			// A word wider than the line: no balanced split exists.
			return breakLines(gs, width, width, 0)
		}
	}
	n := int(math.Ceil(total / width))
	// Titles run to a few lines; past that, balance is moot and the
	// search would be slow.
	for ; n <= min(len(ends), 6); n++ {
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
				c := cost[k-1][j] + dev*dev/4 + pen
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

// titleWords are phrases of report titles a line break should not split.
var titleWords = []string{"关于", "重点工作", "工作任务", "推进情况", "落实情况", "实施情况", "考核情况", "完成情况",
	"第一季度", "第二季度", "第三季度", "第四季度", "上半年", "下半年", "年度", "通报", "报告", "意见", "方案", "通知"}

// titleVerbs start the predicate of a title; breaking before one is
// natural (…重点工作任务 / 推进情况的通报).
var titleVerbs = []string{"推进", "落实", "实施", "开展", "加快", "完成", "考核"}

// breakPenalty scores breaking before gs[at]: negative where a title breaks
// naturally, +Inf where it must not.
func breakPenalty(gs []glyph, at int) float64 {
	prev, next := gs[at-1].r, gs[at].r
	text := func(from, to int) string {
		var b strings.Builder
		for k := max(from, 0); k < min(to, len(gs)); k++ {
			b.WriteRune(gs[k].r)
		}
		return b.String()
	}
	for _, w := range titleWords {
		n := len([]rune(w))
		for k := 1; k < n; k++ {
			if text(at-k, at-k+n) == w {
				return 8
			}
		}
	}
	for _, v := range titleVerbs {
		if text(at, at+len([]rune(v))) == v {
			return -4
		}
	}
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
