package main

import (
	"path/filepath"
	"strings"

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

// workspaceRoot is the office's working folder: the --workspace flag, else
// the folder of the first task source.
func workspaceRoot(flag string, tasks []string) string {
	if flag != "" {
		return flag
	}
	if len(tasks) > 0 {
		return filepath.Dir(tasks[0])
	}
	return "."
}
