package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// Names of the files and folders of a workspace.
const (
	TaskListName  = "任务分解表.xlsx" // the task list, in the root
	DocsName      = "政策文件"       // the documents parse reads
	TemplatesName = "填报表"        // in a period's folder: the workbooks sent out
	ReturnsName   = "报送"         // in a period's folder: the returns received
	LedgerName    = "总台账.xlsx"   // in a period's folder
	ReportName    = "报告.pdf"     // in a period's folder
	AnnualName    = "年度"         // annual outputs
)

// Workspace is a folder an office keeps its ledger in for a year:
//
//	taizhang.yaml           the configuration
//	.taizhang/secret.key    the signing key (never sent out)
//	政策文件/                 the policy documents
//	任务分解表.xlsx            the task list, edited by the office
//	2024年第四季度/            one folder per period (2024-Q4/ is read too):
//	    填报表/ 报送/ 总台账.xlsx 报告.pdf
//	年度/                     annual outputs
type Workspace struct {
	Root   string // absolute
	Config *config.Config
}

// IsRoot reports whether dir is the root of a workspace: it holds both
// taizhang.yaml and the .taizhang folder. A taizhang.yaml alone (a
// configuration put next to some documents) does not make a workspace.
func IsRoot(dir string) bool {
	cfg, err := os.Stat(filepath.Join(dir, config.FileName))
	if err != nil || cfg.IsDir() {
		return false
	}
	own, err := os.Stat(filepath.Join(dir, Dir))
	return err == nil && own.IsDir()
}

// Find returns the workspace that start (a folder) is in, looking in start
// and then in each folder above it; nil, nil when there is none. A broken
// taizhang.yaml is an error (a *config.Error naming its lines).
func Find(start string) (*Workspace, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return nil, err
	}
	for {
		if IsRoot(dir) {
			return load(dir)
		}
		up := filepath.Dir(dir)
		if up == dir {
			return nil, nil
		}
		dir = up
	}
}

// Open returns the workspace at root, which was named explicitly (taizhang
// … --workspace root): it needs taizhang.yaml, not the .taizhang folder.
// nil, nil when root has no taizhang.yaml (or does not exist yet) — a
// folder that only keeps a signing key, as before workspaces.
func Open(root string) (*Workspace, error) {
	info, err := os.Stat(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &Error{Path: root, Msg: "无法读取工作目录：" + err.Error()}
	}
	if !info.IsDir() {
		return nil, &Error{Path: root, Msg: "不是目录：--workspace 应指定工作目录"}
	}
	if _, err := os.Stat(filepath.Join(root, config.FileName)); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return load(root)
}

func load(root string) (*Workspace, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	// A real workspace (with its .taizhang folder) must name its year; a
	// configuration named with --workspace beside some documents need not.
	load := config.LoadFile
	if IsRoot(abs) {
		load = config.LoadWorkspaceFile
	}
	cfg, err := load(filepath.Join(abs, config.FileName))
	if err != nil {
		return nil, err
	}
	return &Workspace{Root: abs, Config: cfg}, nil
}

// ConfigPath is the workspace's taizhang.yaml.
func (w *Workspace) ConfigPath() string { return filepath.Join(w.Root, config.FileName) }

// KeyPath is where the workspace keeps its signing key.
func (w *Workspace) KeyPath() string { return KeyPath(w.Root) }

// TaskList is the task list workbook (任务分解表.xlsx).
func (w *Workspace) TaskList() string { return filepath.Join(w.Root, TaskListName) }

// DocsDir is the folder of policy documents (政策文件/).
func (w *Workspace) DocsDir() string { return filepath.Join(w.Root, DocsName) }

// AnnualDir is the folder of annual outputs (年度/).
func (w *Workspace) AnnualDir() string { return filepath.Join(w.Root, AnnualName) }

// PeriodDir is the folder of period p: named by its Chinese name
// (2024年第四季度), or by its key (2024-Q4) when only that one exists.
func (w *Workspace) PeriodDir(p period.Period) string {
	label := filepath.Join(w.Root, p.String())
	if IsDir(label) {
		return label
	}
	if key := filepath.Join(w.Root, p.Key()); IsDir(key) {
		return key
	}
	return label
}

// TemplatesDir is where the period's fill-in workbooks are written.
func (w *Workspace) TemplatesDir(p period.Period) string {
	return filepath.Join(w.PeriodDir(p), TemplatesName)
}

// ReturnsDir is where the office drops the period's returns.
func (w *Workspace) ReturnsDir(p period.Period) string {
	return filepath.Join(w.PeriodDir(p), ReturnsName)
}

// LedgerPath is the period's master ledger.
func (w *Workspace) LedgerPath(p period.Period) string {
	return filepath.Join(w.PeriodDir(p), LedgerName)
}

// ReportPath is the period's PDF report.
func (w *Workspace) ReportPath(p period.Period) string {
	return filepath.Join(w.PeriodDir(p), ReportName)
}

// IsDir reports whether p is a folder.
func IsDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// Rel shows path relative to the workspace root when it is inside it, as
// it is otherwise.
func Rel(root, path string) string {
	if path == "" {
		return ""
	}
	if rel, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// Documents lists the policy documents in the workspace's 政策文件/, in
// name order, leaving out Office lock files and hidden files. None is an
// error that says where to put them.
func (w *Workspace) Documents() ([]string, error) {
	dir := w.DocsDir()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{Path: dir, Msg: fmt.Sprintf("无法读取目录：%v", err)}
	}
	var docs []string
	for _, e := range entries {
		// A task table may come as a workbook (附件：重点任务分解表.xlsx);
		// init leaves workbooks where they are, the office puts them here.
		name := e.Name()
		if !e.IsDir() && (IsDocument(name) || taskTableExts[strings.ToLower(filepath.Ext(name))]) && !strings.HasPrefix(name, "~$") && !strings.HasPrefix(name, ".") {
			docs = append(docs, filepath.Join(dir, name))
		}
	}
	if len(docs) == 0 {
		return nil, &Error{Path: dir, Msg: "还没有政策文件：请把要分解的文件（.docx、.txt、.html，或 Excel 任务分解表）放入该目录后再运行 taizhang parse"}
	}
	sort.Strings(docs)
	return docs, nil
}

// Received is the folder of the returns of period p; an error that says
// where to put them when it does not exist yet.
func (w *Workspace) Received(p period.Period) (string, error) {
	dir := w.ReturnsDir(p)
	if _, err := os.Stat(dir); err != nil {
		return "", &Error{Path: dir, Msg: fmt.Sprintf("还没有%s的报送文件：请把收到的填报表放入该目录", p.String())}
	}
	return dir, nil
}

// Exists reports whether something is at p. Only "not there" counts as
// absent: a file that cannot be looked at (no permission, a name too long)
// counts as there, so that opening it reports the real reason rather than
// the command going on as if it were missing.
func Exists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}

// taskTableExts are the workbooks a task table may come as (an .xlsm is
// an .xlsx with macros, which parse does not run).
var taskTableExts = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".et": true, ".ods": true}
