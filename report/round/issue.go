package round

import (
	"fmt"
	"os"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/templates/form"
)

// IssueRequest is what taizhang templates was asked for; what it leaves
// out comes from the workspace Sources.WS, when there is one.
type IssueRequest struct {
	Sources *workspace.Sources
	Period  string
	Due     string
	Dir     string // used outside a workspace or when DirSet
	DirSet  bool   // -o given: else, in a workspace, the period's 填报表/
	NewKey  bool   // make a new signing key although workbooks were issued with a lost one
	Now     time.Time
	// Warn, when not nil, is told that the key was replaced since
	// workbooks were issued from this folder (see workspace.IssueKey).
	Warn func(string)
}

// Issued is what Issue wrote.
type Issued struct {
	Period     period.Period
	Due        time.Time
	Dir        string
	Written    []form.Written
	Unassigned []*task.Task // tasks without a lead unit, in no workbook
	KeyCreated bool
	KeyPath    string
	// ReturnsDir is, in a workspace, the period's 报送/ made ready for the
	// returns; "" outside one.
	ReturnsDir string
	// Others are the other spreadsheets in Dir: workbooks of an earlier
	// run for units renamed, merged or left without tasks since, not to
	// be sent out.
	Others []string
	// LookAlike are units with workbooks of their own whose names are
	// likely one unit written two ways (see task.LookAlike).
	LookAlike [][2]string
}

// Items are the task rows of all the workbooks written.
func (is *Issued) Items() int {
	n := 0
	for _, w := range is.Written {
		n += w.Items
	}
	return n
}

// Issue writes the round's fill-in workbooks, one per unit with tasks,
// signed with the office's key, in the workspace it runs in (see
// Sources.Open); outside one the period must be given. It refuses a task list without any lead
// unit. In a workspace it also makes the period's 报送/; when that fails
// the workbooks are written and the result comes with the error.
func Issue(r IssueRequest) (*Issued, error) {
	s := r.Sources
	if err := s.Open(); err != nil {
		return nil, err
	}
	p, due, set, err := roundOf(s, r.Period, r.Due, r.Now)
	if err != nil {
		return nil, err
	}
	is := &Issued{Period: p, Due: due, Dir: r.Dir, KeyPath: workspace.KeyPath(s.Root())}
	if s.WS != nil && !r.DirSet {
		is.Dir = s.WS.TemplatesDir(p)
	}
	secret, created, warning, err := workspace.IssueKey(s.Root(), is.Dir, r.NewKey)
	if err != nil {
		return nil, err
	}
	is.KeyCreated = created
	if warning != "" && r.Warn != nil {
		r.Warn(warning)
	}
	units, unassigned := fillin.Assign(set)
	if len(units) == 0 {
		return nil, inputerr.New("", "", "任务分解表中没有任何已指定牵头单位的任务：请先在“牵头单位”列填写责任单位")
	}
	is.Unassigned = unassigned
	if err := outfile.WritableDir(is.Dir); err != nil {
		return nil, err
	}
	opts := form.Options{Period: p, Due: due, Secret: secret, Now: set.Pinned()}
	if is.Written, err = form.WriteAll(is.Dir, units, opts); err != nil {
		return nil, err
	}
	is.LookAlike = lookAlike(is.Written, s.WS)
	is.Others = others(is.Dir, is.Written)
	if s.WS == nil {
		return is, nil
	}
	returns := s.WS.ReturnsDir(p)
	if err := os.MkdirAll(returns, 0o755); err != nil {
		return is, inputerr.New("", "", fmt.Sprintf("无法创建报送文件夹 %s：%v", returns, err))
	}
	is.ReturnsDir = returns
	return is, nil
}
