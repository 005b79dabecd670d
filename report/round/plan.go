package round

import (
	"path/filepath"
	"time"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
)

// Request is what taizhang merge was asked for; what it leaves out comes
// from the workspace Sources.WS, when there is one.
type Request struct {
	Sources   *workspace.Sources
	Returns   []string // files and folders; none: the period's 报送/
	Period    string
	Due       string
	Output    string // used outside a workspace or when OutputSet
	OutputSet bool   // -o given: else, in a workspace, the period's 总台账.xlsx
	Previous  string // the previous ledger; "": the previous period's in a workspace
	Now       time.Time
	// Compared, when not nil, is told of the previous period's ledger
	// taken from the workspace.
	Compared func(prev period.Period, ledger string)
	Progress func(done, total int)
}

// Plan is a merge ready to write: the job, where the ledger goes and the
// files it must never write over.
type Plan struct {
	Job    Job
	Output string
	Inputs []string
	// Root is the workspace's root, whose lock Write takes; "" outside one.
	Root string
	Note func(string)
}

// errNoPeriod refuses a round outside a workspace without --period.
var errNoPeriod = &inputerr.Usage{Msg: "请用 --period 指定报送期次，例如 2024-Q4"}

// roundOf works out, from opened sources, a round's period, due date and
// tasks; outside a workspace the period must be given.
func roundOf(s *workspace.Sources, per, due string, now time.Time) (period.Period, time.Time, *task.Set, error) {
	if per == "" && s.WS == nil {
		return period.Period{}, time.Time{}, nil, errNoPeriod
	}
	p, d, err := s.Round(per, due, now)
	if err != nil {
		return period.Period{}, time.Time{}, nil, err
	}
	set, err := s.Load()
	return p, d, set, err
}

// NewPlan works out a merge from the request, the workspace it runs in
// (see Sources.Open) and its configuration; outside a workspace the
// returns and the period must be given. It works out the round, the tasks
// (which must have a lead unit), the signing key, the returns and the
// previous ledger.
func NewPlan(r Request) (*Plan, error) {
	s := r.Sources
	if err := s.Open(); err != nil {
		return nil, err
	}
	if len(r.Returns) == 0 && s.WS == nil {
		return nil, &inputerr.Usage{Msg: "请指定报送文件或目录"}
	}
	p, due, set, err := roundOf(s, r.Period, r.Due, r.Now)
	if err != nil {
		return nil, err
	}
	inputs, _ := s.TaskPaths()
	if err := RequireLeads(set, inputs); err != nil {
		return nil, err
	}
	cfg, err := s.LoadConfig()
	if err != nil {
		return nil, err
	}
	secret, _, err := workspace.Secret(s.Root(), false)
	if err != nil {
		return nil, err
	}
	if err := r.fromWorkspace(p); err != nil {
		return nil, err
	}
	files, err := intake.Collect(r.Returns)
	if err != nil {
		return nil, err
	}
	var previous *ledger.Ledger
	if r.Previous != "" {
		if previous, err = ledgerbook.ReadFile(r.Previous); err != nil {
			return nil, err
		}
		inputs = append(inputs, r.Previous)
	}
	job := Job{Tasks: set, Period: p, Due: due, Rules: RulesOf(cfg), Secret: secret, Files: files,
		Previous: previous, Now: set.Pinned(), Progress: r.Progress}
	plan := &Plan{Job: job, Output: r.Output, Inputs: inputs}
	if s.WS != nil {
		plan.Root = s.WS.Root
	}
	return plan, nil
}

// Write merges the round and writes the ledger (see Job.Write). In a
// workspace it holds the workspace's lock meanwhile, so that a merge from
// the command line and one from taizhang serve never run at once; Note
// is told of a stale lock taken over.
func (p *Plan) Write() (*Written, error) {
	release, err := workspace.Hold(p.Root, "汇总", p.Note)
	if err != nil {
		return nil, err
	}
	defer release()
	return p.Job.Write(p.Output, p.Inputs)
}

// fromWorkspace fills in what the command line left out from the workspace:
// the period's returns, its ledger as the output and the previous period's
// ledger.
func (r *Request) fromWorkspace(p period.Period) error {
	ws := r.Sources.WS
	if ws == nil {
		return nil
	}
	if len(r.Returns) == 0 {
		dir, err := ws.Received(p)
		if err != nil {
			return err
		}
		r.Returns = []string{dir}
	}
	if !r.OutputSet {
		r.Output = ws.LedgerPath(p)
		if err := outfile.WritableDir(filepath.Dir(r.Output)); err != nil {
			return err
		}
	}
	if r.Previous == "" {
		if prev, ok := ws.Previous(p); ok {
			if l := ws.LedgerPath(prev); workspace.Exists(l) {
				r.Previous = l
				if r.Compared != nil {
					r.Compared(prev, l)
				}
			}
		}
	}
	return nil
}
