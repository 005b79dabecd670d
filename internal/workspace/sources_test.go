package workspace

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

func TestCreateRefusesFlags(t *testing.T) {
	for _, c := range []struct {
		cycle string
		year  int
	}{{"周", 0}, {"季度", 1800}, {"月", 2101}} {
		root := filepath.Join(t.TempDir(), "ws")
		_, err := Create(root, "", c.year, c.cycle, time.Now())
		var u *inputerr.Usage
		if !errors.As(err, &u) {
			t.Errorf("Create(cycle %q, year %d) = %v; want a usage error", c.cycle, c.year, err)
		}
		if _, err := os.Stat(root); err == nil {
			t.Errorf("Create(cycle %q, year %d) made %s although it refused", c.cycle, c.year, root)
		}
	}
}

func TestRoundErrorsAreUsage(t *testing.T) {
	_, _, err := Round(nil, "", "", time.Now())
	var u *inputerr.Usage
	if !errors.As(err, &u) {
		t.Errorf("Round without a period outside a workspace = %v; want a usage error", err)
	}
}

func TestSourcesOutsideWorkspace(t *testing.T) {
	s := &Sources{Tasks: []string{filepath.Join("甲", "任务分解表.xlsx")}}
	if got := s.Root(); got != "甲" {
		t.Errorf("Root() = %q; want the folder of the first task source", got)
	}
	if paths, err := s.TaskPaths(); err != nil || len(paths) != 1 {
		t.Errorf("TaskPaths() = %v, %v; want --tasks as given", paths, err)
	}
	var u *inputerr.Usage
	if _, err := (&Sources{}).Load(); !errors.As(err, &u) {
		t.Errorf("Load() without tasks = %v; want a usage error", err)
	}
}
