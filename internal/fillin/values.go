package fillin

import (
	"cmp"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// RowValues is the locked content of one task row, indexed like LockedCols.
type RowValues [6]string

// ItemValues is the locked content of it's row in the workbook of unit.
// multi adds the document's short name to the task content, for a unit
// whose items come from several documents (MultiDoc).
func ItemValues(it Item, unit string, multi bool) RowValues {
	t := it.Task
	var v RowValues
	v[0] = lockedText(cmp.Or(t.Label(), t.ID))
	content := task.Content(t.Title, t.Text)
	if multi && it.Doc != nil {
		content = "【" + cells.TruncateRunes(DocName(it.Doc), 16) + "】" + content
	}
	v[1] = lockedText(content)
	v[2] = string(it.Role)
	v[3] = lockedText(otherUnits(t, unit))
	v[4] = lockedText(deadlineText(t.Deadline))
	targets := make([]string, 0, len(t.Targets))
	for _, tg := range t.Targets {
		if s := strings.TrimSpace(tg.Text); s != "" {
			targets = append(targets, s)
		}
	}
	v[5] = lockedText(strings.Join(targets, "\n"))
	return v
}

// otherUnits names the task's other responsible units: "牵头：A、B；配合：C".
func otherUnits(t *task.Task, unit string) string {
	var lead, co []string
	for _, u := range taskUnits(t) {
		switch {
		case u.name == unit:
		case u.role == RoleLead:
			lead = append(lead, u.name)
		default:
			co = append(co, u.name)
		}
	}
	var parts []string
	if len(lead) > 0 {
		parts = append(parts, "牵头："+strings.Join(lead, "、"))
	}
	if len(co) > 0 {
		parts = append(parts, "配合："+strings.Join(co, "、"))
	}
	return strings.Join(parts, "；")
}

// deadlineText is the deadline as written, else its date in Chinese.
func deadlineText(d *task.Deadline) string {
	if d == nil {
		return ""
	}
	if s := strings.TrimSpace(d.Text); s != "" {
		return s
	}
	if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
		return period.ChineseDate(t)
	}
	return strings.TrimSpace(d.Date)
}

// DocName is a document's short name: the name inside 《》 when the title
// has one, else the title or file name.
func DocName(d *task.Document) string {
	return cells.TruncateRunes(strings.TrimSpace(task.ShortTitle(d.Name())), 40)
}

// MultiDoc reports whether a's items come from more than one document.
func MultiDoc(a Assignment) bool {
	for _, it := range a.Items[min(1, len(a.Items)):] {
		if it.Doc != a.Items[0].Doc {
			return true
		}
	}
	return false
}
