package round

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/templates/form"
)

// lookAlike pairs the written units' names likely to be one unit, the
// workspace's unit list (when there is one) saying which are distinct.
func lookAlike(written []form.Written, ws *workspace.Workspace) [][2]string {
	names := make([]string, len(written))
	for i, w := range written {
		names[i] = w.Unit
	}
	var listed func(string) bool
	if ws != nil {
		listed = ws.Config.Listed
	}
	return task.LookAlike(names, listed)
}

// others lists the spreadsheets in dir that are not among written.
func others(dir string, written []form.Written) []string {
	mine := map[string]bool{}
	for _, w := range written {
		mine[filepath.Base(w.Path)] = true
	}
	var out []string
	for _, f := range intake.Spreadsheets(dir) {
		if !mine[filepath.Base(f)] {
			out = append(out, f)
		}
	}
	return out
}

// DueText is the workbooks' due date; when the current period's has passed
// already it says by how much, and how to issue the next period's instead
// when that is in the same year.
func (is *Issued) DueText(now time.Time, periodGiven bool) string {
	due := period.ChineseDate(is.Due)
	late := -period.DaysUntil(is.Due, now)
	if late <= 0 || periodGiven {
		return due
	}
	hint := ""
	if next := is.Period.Next(); next.Year == is.Period.Year {
		hint = "；如要为下一期生成填报表，请加 --period " + next.Key()
	}
	return fmt.Sprintf("%s（已过 %d 天%s）", due, late, hint)
}
