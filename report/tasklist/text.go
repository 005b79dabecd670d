package tasklist

import (
	"math"

	"github.com/taizhang-dev/taizhang/report/cells"
)

// Row height estimate. Excel and WPS do not grow a row for wrapped text
// written by a program, so the writer sets heights itself.
const (
	lineHeight    = 15.0  // points per line of 11 pt text
	maxRowHeight  = 409.0 // Excel's limit
	maxLabelRunes = 300   // 牵头任务序号 cell on the 责任单位 sheet
)

// rowHeight is the height in points for a row holding cells of the given
// widths.
func rowHeight(values []string, widths []float64) float64 {
	lines := 1
	for i, v := range values {
		lines = max(lines, cells.LineCount(v, widths[i]))
	}
	return math.Min(float64(lines)*lineHeight, maxRowHeight)
}
