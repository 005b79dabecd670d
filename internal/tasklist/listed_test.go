package tasklist

import (
	"slices"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/task"
)

// The task list leaves pure headings out, but keeps one the parser flagged
// for the office to check, with its flag.
func TestListedKeepsFlaggedHeadings(t *testing.T) {
	d := &task.Document{ID: "D", Tasks: []*task.Task{
		{ID: "D-一", Path: []string{"一"}, Kind: task.KindOther},
		{ID: "D-一.1", Path: []string{"一", "1"}, Kind: task.KindOther, Flags: []string{"本条所列县商务局未见于子项，请核实"}},
		{ID: "D-一.1.(1)", Path: []string{"一", "1", "(1)"}, Kind: task.KindTask, Lead: []string{"县文旅局"}},
	}}
	var ids []string
	for _, tk := range Listed(&task.Set{Documents: []*task.Document{d}}).Documents[0].Tasks {
		ids = append(ids, tk.ID)
	}
	if want := []string{"D-一.1", "D-一.1.(1)"}; !slices.Equal(ids, want) {
		t.Errorf("listed %v; want %v (the pure heading 一 left out, the flagged heading kept)", ids, want)
	}
}
