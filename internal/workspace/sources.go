package workspace

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/policy"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Locate returns the workspace a command runs in: the folder given with
// --workspace (flag) when it holds taizhang.yaml, else the workspace the
// current directory is in. It returns nil, nil when there is none (a
// --workspace folder that only keeps a signing key counts as none), so that
// every command's explicit usage keeps working outside a workspace.
func Locate(flag string) (*Workspace, error) {
	if flag != "" {
		return Open(flag)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, nil
	}
	return Find(wd)
}

// Sources is what templates, check and merge share: where the tasks come
// from (--tasks), the folder that keeps the signing key (--workspace) and
// the configuration file (--config), with the workspace the command runs
// in filling in what the flags leave out.
type Sources struct {
	Tasks     []string
	Workspace string
	Config    string

	// WS is the workspace the command runs in, or nil; set by Open.
	WS *Workspace
}

// Open finds the workspace the command runs in.
func (s *Sources) Open() error {
	ws, err := Locate(s.Workspace)
	s.WS = ws
	return err
}

// LoadConfig is the --config file, else the workspace's configuration,
// else taizhang.yaml beside the task source or in the current directory.
func (s *Sources) LoadConfig() (*config.Config, error) {
	if s.Config == "" && s.WS != nil {
		return s.WS.Config, nil
	}
	return config.Locate(s.Config, s.Tasks)
}

// TaskPaths is --tasks, else the workspace's task list, which must exist.
func (s *Sources) TaskPaths() ([]string, error) {
	if len(s.Tasks) > 0 || s.WS == nil {
		return s.Tasks, nil
	}
	p := s.WS.TaskList()
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return nil, inputerr.New("", "", p+"：工作目录中还没有任务分解表：请把政策文件放入 "+s.WS.DocsDir()+"，运行 taizhang parse，核对后再继续")
	}
	return []string{p}, nil
}

// Load reads the tasks with the configuration's unit aliases and
// collective expansions applied.
func (s *Sources) Load() (*task.Set, error) {
	paths, err := s.TaskPaths()
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, &inputerr.Usage{Msg: "请用 --tasks 指定任务分解表（.xlsx）或政策文件"}
	}
	cfg, err := s.LoadConfig()
	if err != nil {
		return nil, err
	}
	return policy.Load(paths, cfg)
}

// Root is the office's working folder: --workspace, else the workspace the
// command runs in, else the folder of the first task source.
func (s *Sources) Root() string {
	if s.Workspace != "" {
		return s.Workspace
	}
	if s.WS != nil {
		return s.WS.Root
	}
	if len(s.Tasks) > 0 {
		return filepath.Dir(s.Tasks[0])
	}
	return "."
}

// Round is the reporting round of a command: --period, else the
// workspace's current period; --due, else (in a workspace) due_days after
// the period's end (see Round).
func (s *Sources) Round(periodFlag, dueFlag string, now time.Time) (period.Period, time.Time, error) {
	return Round(s.WS, periodFlag, dueFlag, now)
}
