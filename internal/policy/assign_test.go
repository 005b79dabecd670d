package policy

import (
	"reflect"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/task"
)

func TestApplyUnits(t *testing.T) {
	cfg := loadConfig(t, "units:\n  - name: 市工信局\n    aliases: [市经信委]\n  - 海陵区\n  - 高港区\ncollective_expand:\n  各市(区): [海陵区, 高港区]\n")
	tk := &task.Task{Kind: task.KindTask, Lead: []string{"市经信委"}, Co: []string{"各市（区）", "市工信局", "海陵区"}}
	both := &task.Task{Kind: task.KindTask, Lead: []string{"各市(区)"}, Co: []string{"高港区", "市科技局"}}
	set := &task.Set{Documents: []*task.Document{{Tasks: []*task.Task{tk, both}}}}
	ApplyUnits(set, cfg)
	ApplyUnits(set, cfg) // twice changes nothing more
	if !reflect.DeepEqual(tk.Lead, []string{"市工信局"}) || !reflect.DeepEqual(tk.Co, []string{"海陵区", "高港区"}) {
		t.Errorf("task 1: lead %v co %v", tk.Lead, tk.Co)
	}
	if !reflect.DeepEqual(both.Lead, []string{"海陵区", "高港区"}) || !reflect.DeepEqual(both.Co, []string{"市科技局"}) {
		t.Errorf("task 2: lead %v co %v", both.Lead, both.Co)
	}
	if n := len(set.Documents[0].Notes); n != 2 {
		t.Errorf("notes %v; want one per collective name as written", set.Documents[0].Notes)
	}
}
