package form

import (
	"fmt"
	"math"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// letter is the column's letter in a workbook as written.
func letter(c fillin.Col) string { return string(rune('A' + int(c))) }

// statusMeaning says what each status means, for the 填报说明 sheet and the
// drop-down prompt.
var statusMeaning = map[fillin.Status]string{
	fillin.StatusDone:     "任务全部完成",
	fillin.StatusOnTrack:  "进度达到或超过序时进度",
	fillin.StatusBehind:   "进度落后于序时进度（须填写存在问题）",
	fillin.StatusNotStart: "尚未开始",
	fillin.StatusOngoing:  "常态化、长期性工作",
}

// formTitle is the title of a unit's 填报表 sheet.
func formTitle(a fillin.Assignment) string {
	var names []string
	seen := map[*task.Document]bool{}
	for _, it := range a.Items {
		if it.Doc != nil && !seen[it.Doc] {
			seen[it.Doc] = true
			if n := fillin.DocName(it.Doc); n != "" {
				names = append(names, n)
			}
		}
	}
	const suffix = "工作任务进展情况填报表"
	switch {
	case len(names) == 0:
		return suffix
	case len(names) <= 2:
		return "《" + strings.Join(names, "》《") + "》" + suffix
	}
	return fmt.Sprintf("《%s》等 %d 个文件%s", names[0], len(names), suffix)
}

// Row height estimate, after internal/tasklist: Excel and WPS do not grow a
// row for wrapped text written by a program.
const (
	lineHeight   = 15.0  // points per line of 11 pt text
	maxRowHeight = 409.0 // Excel's limit
	minRowHeight = 45.0  // three lines: room to type progress
)

// rowHeight is the height in points for a row of 11 pt text holding values
// in columns of the given widths, at least min.
func rowHeight(values []string, widths []float64, min float64) float64 {
	return rowHeightAt(values, widths, min, lineHeight)
}

// rowHeightAt is rowHeight for text whose lines are perLine points apart.
func rowHeightAt(values []string, widths []float64, min, perLine float64) float64 {
	return math.Min(math.Max(float64(cells.RowLines(values, widths))*perLine+4, min), maxRowHeight)
}
