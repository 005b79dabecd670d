package tasklist

import (
	"fmt"

	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Save writes the task list of set to path as taizhang parse does: the
// tasks, targets and the other items the office may want to reclassify,
// without the pure headings (those are in each row's heading columns),
// with the set's pinned time. An earlier task list at path is backed up
// first (its path is returned); anything else there, or one of the inputs,
// is refused (see outfile.Prepare).
func Save(path string, set *task.Set, inputs ...string) (backup string, err error) {
	if backup, err = outfile.Prepare(path, outfile.TaskList, inputs...); err != nil {
		return "", err
	}
	if err := WriteFile(path, Listed(set), set.Pinned()); err != nil {
		return backup, fmt.Errorf("写入 %s 失败：%w", path, err)
	}
	return backup, nil
}

// Listed is set with only the items a task list shows: the pure headings
// left out, unless the parser flagged one for the office to check (本条所列
// X未见于子项).
func Listed(set *task.Set) *task.Set {
	out := &task.Set{}
	for _, d := range set.Documents {
		c := *d
		c.Tasks = nil
		for _, t := range d.Tasks {
			if t.Reportable() || !d.IsHeading(t) || len(t.Flags) > 0 {
				c.Tasks = append(c.Tasks, t)
			}
		}
		out.Documents = append(out.Documents, &c)
	}
	return out
}
