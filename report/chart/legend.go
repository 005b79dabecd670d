package chart

const (
	legendGap  = 0.5 // between a chart and its legend, in font sizes
	legendRow  = 1.6
	legendKey  = 1.6 // the swatch, tick or line before each entry
	legendCell = 10  // the narrowest grid cell
)

type legendEntry struct {
	text string
	key  func(c Canvas, x, mid float64) // draws within legendKey·fs from x
}

// legendGrid lays n entries out in cells at least legendCell font sizes
// wide, so the legend's height is known before any text is measured.
func legendGrid(n int, w, fs float64) (cols, rows int) {
	if n == 0 || !(w > 0) {
		return 0, 0
	}
	cols = max(1, min(n, int(w/(legendCell*fs))))
	return cols, (n + cols - 1) / cols
}

func legendHeight(n int, w, fs float64) float64 {
	_, rows := legendGrid(n, w, fs)
	return float64(rows) * legendRow * fs
}

// drawLegend draws the entries from (x, y): side by side when they fit on
// one row, else in the grid of legendGrid with texts shortened to fit.
func drawLegend(c Canvas, entries []legendEntry, x, y, w, fs float64) {
	cols, rows := legendGrid(len(entries), w, fs)
	keyW, gap, sep := legendKey*fs, 0.4*fs, 1.2*fs
	if rows == 0 || w < keyW {
		return
	}
	if rows == 1 {
		total := -sep
		for _, e := range entries {
			total += keyW + gap + c.TextWidth(e.text, fs) + sep
		}
		if total <= w {
			mid := y + legendRow*fs/2
			for _, e := range entries {
				e.key(c, x, mid)
				if e.text != "" {
					c.Text(x+keyW+gap, baseline(mid, fs), e.text, fs, Ink, AlignLeft)
				}
				x += keyW + gap + c.TextWidth(e.text, fs) + sep
			}
			return
		}
	}
	cellW := w / float64(cols)
	for i, e := range entries {
		cx := x + float64(i%cols)*cellW
		mid := y + (float64(i/cols)+0.5)*legendRow*fs
		e.key(c, cx, mid)
		if s := fit(c, e.text, fs, cellW-keyW-gap-sep/2); s != "" {
			c.Text(cx+keyW+gap, baseline(mid, fs), s, fs, Ink, AlignLeft)
		}
	}
}
