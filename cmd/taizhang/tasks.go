package main

import (
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/task"
	"github.com/taizhang-dev/taizhang/report/tasklist"
)

// loadTasks reads the task source of a command: task list workbooks
// (任务分解表.xlsx, possibly edited by the office) and policy documents,
// which are parsed on the fly.
func loadTasks(paths []string, configPath string) (*task.Set, error) {
	if len(paths) == 0 {
		return nil, &usageError{"请用 --tasks 指定任务分解表（.xlsx）或政策文件"}
	}
	set := &task.Set{}
	var docs []string
	for _, p := range paths {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".xlsx", ".xlsm":
			s, err := tasklist.ReadFile(p)
			if err != nil {
				return nil, err
			}
			set.Documents = append(set.Documents, s.Documents...)
		default:
			docs = append(docs, p)
		}
	}
	if len(docs) > 0 {
		cfg, err := loadConfig(configPath, docs)
		if err != nil {
			return nil, err
		}
		s, err := parseFiles(docs, cfg)
		if err != nil {
			return nil, err
		}
		set.Documents = append(set.Documents, s.Documents...)
	}
	return set, nil
}

// taskSource is what templates, check and merge share: where the tasks
// come from, the workspace that keeps the signing key, and the
// configuration file.
type taskSource struct {
	Tasks     []string
	Workspace string
	Config    string
}

func (s *taskSource) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&s.Tasks, "tasks", nil, "任务分解表（.xlsx）或政策文件，可重复")
	cmd.Flags().StringVar(&s.Workspace, "workspace", "", "工作目录（存放签名密钥），默认为任务分解表所在目录")
	cmd.Flags().StringVar(&s.Config, "config", "", "配置文件 taizhang.yaml 的路径")
}

func (s *taskSource) load() (*task.Set, error) { return loadTasks(s.Tasks, s.Config) }

// root is the office's working folder: --workspace, else the folder of the
// first task source.
func (s *taskSource) root() string {
	if s.Workspace != "" {
		return s.Workspace
	}
	if len(s.Tasks) > 0 {
		return filepath.Dir(s.Tasks[0])
	}
	return "."
}
