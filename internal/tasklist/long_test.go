package tasklist

import (
	"bytes"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// TestLongText: a task text longer than a cell holds is cut visibly in its
// cell (Excel would cut it without a word) and read back whole; an edit of
// that cell still wins.
func TestLongText(t *testing.T) {
	s := testSet()
	long := strings.Repeat("长", 40000)
	task := s.Documents[0].Tasks[1]
	task.Text = long
	b := writeBytes(t, s)
	got, err := Read("任务分解表.xlsx", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if back := findTask(got, task.ID); back.Text != long {
		t.Errorf("text read back has %d characters; want %d", len([]rune(back.Text)), len([]rune(long)))
	}
	f := testkit.OpenBytes(t, b)
	cell := cellOf(fText, 4)
	v, err := f.GetCellValue(SheetTasks, cell)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(v, textCutNote) || cells.CellUnits(v) > cells.MaxCellUnits {
		t.Errorf("cell %s: %d units, ends %q; want it cut visibly", cell, cells.CellUnits(v), string([]rune(v)[len([]rune(v))-20:]))
	}
	set(t, f, cell, "改过的任务内容")
	got, err = Read("任务分解表.xlsx", bytes.NewReader(testkit.SaveBytes(t, f)))
	if err != nil {
		t.Fatal(err)
	}
	if back := findTask(got, task.ID); back.Text != "改过的任务内容" {
		t.Errorf("an edited cell was not taken: %d characters", len([]rune(back.Text)))
	}
}
