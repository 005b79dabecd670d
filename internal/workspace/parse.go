package workspace

import (
	"os"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/policy"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
)

// ParseRequest is what taizhang parse was asked for: the documents, the
// task list to write ("" for none), whether the tasks go out as JSON
// instead, the --config file and the --workspace folder (see Locate).
type ParseRequest struct {
	Docs      []string
	Output    string
	JSON      bool
	Config    string
	Workspace string
}

// Parsed is a parse ready to save: the documents read, their tasks and
// the task list to write.
type Parsed struct {
	Docs   []string
	Output string // "" when no task list is written
	Set    *task.Set
	// ToWorkspace says Output is the workspace's own task list.
	ToWorkspace bool
	// LookAlike are unit names likely to be one unit written two ways
	// (see task.LookAlike).
	LookAlike [][2]string
}

// ParseDocuments reads the documents into tasks with the configuration's
// unit aliases and collective expansions. What the request leaves out
// comes from the workspace: the documents of 政策文件/ and its task list as
// the output, which is never overwritten (it may hold the office's edits).
// Outside a workspace the output is 任务分解表.xlsx unless the tasks go
// out as JSON, and documents must be given. The output is checked before
// anything is read.
func ParseDocuments(r ParseRequest) (*Parsed, error) {
	ws, err := Locate(r.Workspace)
	if err != nil {
		return nil, err
	}
	if len(r.Docs) == 0 && ws == nil {
		return nil, &inputerr.Usage{Msg: "请至少指定一个政策文件（或在 taizhang init 创建的工作目录中运行，读取其中的 政策文件/）"}
	}
	p := &Parsed{Docs: r.Docs, Output: r.Output}
	if ws == nil && p.Output == "" && !r.JSON {
		p.Output = "任务分解表.xlsx"
	}
	if ws != nil {
		if len(p.Docs) == 0 {
			docs, err := ws.Documents()
			if err != nil {
				return nil, err
			}
			p.Docs = docs
		}
		if p.Output == "" && !r.JSON {
			out := ws.TaskList()
			if _, err := os.Stat(out); err == nil {
				return nil, inputerr.New("", "", out+"：任务分解表已存在（其中可能有办公室的修改），未覆盖。如需重新分解，请先把它改名备份；或用 -o 指定输出文件")
			}
			p.Output = out
		}
		p.ToWorkspace = p.Output == ws.TaskList()
	}
	var cfg *config.Config
	if r.Config == "" && ws != nil {
		cfg = ws.Config
	} else if cfg, err = config.Locate(r.Config, p.Docs); err != nil {
		return nil, err
	}
	if p.Output != "" {
		if _, err := outfile.Check(p.Output, outfile.TaskList, p.Docs...); err != nil {
			return nil, err
		}
	}
	if p.Set, err = policy.ParseFiles(p.Docs, cfg); err != nil {
		return nil, err
	}
	p.LookAlike = task.LookAlike(p.Set.Units(), cfg.Listed)
	return p, nil
}

// Save writes the task list, when there is one to write, backing up the
// one it replaces; backup is where ("" for none).
func (p *Parsed) Save() (backup string, err error) {
	if p.Output == "" {
		return "", nil
	}
	return tasklist.Save(p.Output, p.Set, p.Docs...)
}
