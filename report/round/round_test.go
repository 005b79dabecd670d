package round

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// TestRulesOf: the rounds of merge, status and the demo take the light
// thresholds and the unit order from taizhang.yaml.
func TestRulesOf(t *testing.T) {
	cfg, err := config.Load("taizhang.yaml", []byte("lights:\n  green_within: 5\n  yellow_within: 20\nunits:\n  - 市发改委\n  - 市财政局\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := RulesOf(cfg)
	if r.Lights.GreenWithin != 5 || r.Lights.YellowWithin != 20 {
		t.Errorf("RulesOf lights = %+v; want green 5, yellow 20", r.Lights)
	}
	if strings.Join(r.Order, "、") != "市发改委、市财政局" {
		t.Errorf("RulesOf order = %q", r.Order)
	}
}

func TestRequireLeads(t *testing.T) {
	none := &task.Set{Documents: []*task.Document{{Tasks: []*task.Task{{Kind: task.KindTask}}}}}
	if err := RequireLeads(none, []string{"任务分解表.xlsx"}); err == nil || !strings.HasPrefix(err.Error(), "任务分解表.xlsx：") {
		t.Errorf("RequireLeads(no lead) = %v; want the task list named", err)
	}
	one := &task.Set{Documents: []*task.Document{{Tasks: []*task.Task{{Kind: task.KindTask, Lead: []string{"市发改委"}}}}}}
	if err := RequireLeads(one, nil); err != nil {
		t.Errorf("RequireLeads(a lead) = %v", err)
	}
}

func TestJoinMax(t *testing.T) {
	for _, c := range []struct {
		list []string
		n    int
		want string
	}{
		{nil, 2, ""},
		{[]string{"甲", "乙"}, 2, "甲、乙"},
		{[]string{"甲", "乙", "丙"}, 2, "甲、乙 等 3 个"},
	} {
		if got := JoinMax(c.list, c.n); got != c.want {
			t.Errorf("JoinMax(%q, %d) = %q; want %q", c.list, c.n, got, c.want)
		}
	}
}

// A merge in a workspace whose lock is held does not run.
func TestPlanWriteTakesTheLock(t *testing.T) {
	root := t.TempDir()
	release, _, err := workspace.Lock(root, "汇总")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	_, err = (&Plan{Root: root, Output: filepath.Join(root, "总台账.xlsx")}).Write()
	if err == nil || !inputerr.Is(err) || !strings.Contains(err.Error(), "本次未运行") {
		t.Errorf("Write under a held lock = %v; want the user's error", err)
	}
}
