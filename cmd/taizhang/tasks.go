package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/policy"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/round"
)

// openWorkspace returns the workspace a command runs in: the folder given
// with --workspace when it holds taizhang.yaml, else the workspace the
// current directory is in. It returns nil, nil when there is none (a
// --workspace folder that only keeps a signing key counts as none), so that
// every command's explicit usage keeps working outside a workspace.
func openWorkspace(flag string) (*workspace.Workspace, error) {
	if flag != "" {
		return workspace.Open(flag)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, nil
	}
	return workspace.Find(wd)
}

// taskSource is what templates, check and merge share: where the tasks
// come from, the workspace that keeps the signing key, and the
// configuration file.
type taskSource struct {
	Tasks     []string
	Workspace string
	Config    string

	// ws is the workspace the command runs in, or nil; set by
	// openWorkspace before the command runs.
	ws *workspace.Workspace
}

func (s *taskSource) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&s.Tasks, "tasks", nil, "任务分解表（.xlsx）或政策文件，可重复；在工作目录中默认为其中的 任务分解表.xlsx")
	cmd.Flags().StringVar(&s.Workspace, "workspace", "", "工作目录（taizhang init 创建，或存放签名密钥的目录）；默认为当前目录所在的工作目录，否则为任务分解表所在目录")
	cmd.Flags().StringVar(&s.Config, "config", "", "配置文件 taizhang.yaml 的路径（默认用工作目录的配置）")
}

// openWorkspace finds the workspace the command runs in.
func (s *taskSource) openWorkspace() error {
	ws, err := openWorkspace(s.Workspace)
	s.ws = ws
	return err
}

// config is the --config file, else the workspace's configuration, else
// taizhang.yaml beside the task source or in the current directory.
func (s *taskSource) config() (*config.Config, error) {
	if s.Config == "" && s.ws != nil {
		return s.ws.Config, nil
	}
	return config.Locate(s.Config, s.Tasks)
}

// taskPaths is --tasks, else the workspace's task list.
func (s *taskSource) taskPaths() ([]string, error) {
	if len(s.Tasks) > 0 || s.ws == nil {
		return s.Tasks, nil
	}
	p := s.ws.TaskList()
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return nil, inputerr.New("", "", p+"：工作目录中还没有任务分解表：请把政策文件放入 "+s.ws.DocsDir()+"，运行 taizhang parse，核对后再继续")
	}
	return []string{p}, nil
}

func (s *taskSource) load() (*task.Set, error) {
	paths, err := s.taskPaths()
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, &usageError{"请用 --tasks 指定任务分解表（.xlsx）或政策文件"}
	}
	cfg, err := s.config()
	if err != nil {
		return nil, err
	}
	return policy.Load(paths, cfg)
}

// root is the office's working folder: --workspace, else the workspace the
// command runs in, else the folder of the first task source.
func (s *taskSource) root() string {
	if s.Workspace != "" {
		return s.Workspace
	}
	if s.ws != nil {
		return s.ws.Root
	}
	if len(s.Tasks) > 0 {
		return filepath.Dir(s.Tasks[0])
	}
	return "."
}

// round is the reporting round of a command: --period, else the
// workspace's current period; --due, else (in a workspace) due_days after
// the period's end.
func (s *taskSource) round(periodFlag, dueFlag string, now time.Time) (period.Period, time.Time, error) {
	return workspaceRound(s.ws, periodFlag, dueFlag, now)
}

// workspaceRound is workspace.Round, its errors being the command line's.
func workspaceRound(ws *workspace.Workspace, periodFlag, dueFlag string, now time.Time) (period.Period, time.Time, error) {
	p, due, err := workspace.Round(ws, periodFlag, dueFlag, now)
	if err != nil {
		return period.Period{}, time.Time{}, &usageError{err.Error()}
	}
	return p, due, nil
}

// requireLeads is round.RequireLeads on the task source.
func (s *taskSource) requireLeads(set *task.Set) error {
	paths, _ := s.taskPaths()
	return round.RequireLeads(set, paths)
}

// writeJSON writes v to w as --json does: indented, with Chinese and
// <, >, & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}
