// Package round runs a reporting round on the returns received: it checks
// them (package intake), merges them into the period's ledger with its
// lights (package ledger), ranks the units and writes the ledger workbook
// (package ledgerbook); and it works out a round's status — who reported,
// who is late or missing, whether the ledger is up to date and what is
// left to do. merge, status and the demo all go through Job, with the
// same rules taken from the configuration (Rules). The commands' rounds
// start here too: Issue writes the fill-in workbooks (templates), Check
// checks returns (check), NewPlan plans a merge and StatusOf reads the
// status, each taking from the workspace what the flags leave out. A
// server reading the status again and again keeps the returns' results in
// Checks, so that only a return that changed is checked again.
//
// It never prints: progress goes to a callback, everything else is in the
// results.
package round

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/scoring"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
)

// Rules are the office's rules a round applies: the light thresholds, the
// assessment rules and the display order of units.
type Rules struct {
	Lights ledger.Rules
	// Scoring ranks the units on the ledger's 考核 sheet; zero means the
	// defaults.
	Scoring scoring.Rules
	Order   []string
}

// RulesOf takes the rules from the configuration (taizhang.yaml): its
// lights over the default thresholds, its scoring and its unit order.
func RulesOf(cfg *config.Config) Rules {
	return Rules{Lights: LightRules(cfg), Scoring: cfg.Scoring, Order: UnitOrder(cfg)}
}

// LightRules are the default light thresholds with the configuration's
// lights put over them.
func LightRules(cfg *config.Config) ledger.Rules {
	r := ledger.DefaultRules
	if cfg.Lights.GreenWithin != nil {
		r.GreenWithin = *cfg.Lights.GreenWithin
	}
	if cfg.Lights.YellowWithin != nil {
		r.YellowWithin = *cfg.Lights.YellowWithin
	}
	return r
}

// UnitOrder is the office's display order of units.
func UnitOrder(cfg *config.Config) []string {
	var order []string
	for _, u := range cfg.Units {
		order = append(order, u.Name)
	}
	return order
}

// Job is one round's returns and what they are merged with.
type Job struct {
	Tasks  *task.Set
	Period period.Period
	Due    time.Time
	Rules  Rules
	Secret []byte   // the office's signing key; nil when it is missing
	Files  []string // the returns, as intake.Collect lists them
	// Previous is the previous period's ledger, for the 较上期 column and
	// the ranking's moves; nil for none.
	Previous *ledger.Ledger
	// Now is the ledger's time when no return is newer (see Merge).
	Now time.Time
	// Progress, when not nil, is told of each return checked.
	Progress func(done, total int)
	// Checks, when not nil, keeps the returns' results from one Merge to
	// the next; nil checks every return.
	Checks *Checks
}

// Merge checks the returns and merges them into the period's ledger,
// carrying the office's review columns over from earlier (the ledger it
// replaces; nil for none). It writes nothing.
func (j Job) Merge(earlier *ledger.Ledger) *ledger.Ledger {
	results := j.Checks.checkAll(j.Files, fillin.CheckOptions{Tasks: j.Tasks, Period: &j.Period, Secret: j.Secret}, j.Progress)
	in := ledger.Input{Tasks: j.Tasks, Period: j.Period, Due: j.Due, Rules: j.Rules.Lights, Earlier: earlier, Previous: j.Previous, Now: j.Now}
	for i, r := range results {
		rc := ledger.Received{Return: r}
		if info, err := os.Stat(j.Files[i]); err == nil {
			rc.ModTime = info.ModTime()
			// A served return's time is its receipt (taizhang serve),
			// which a copy of the folder keeps.
			if t, ok := intake.Receipt(j.Files[i]); ok {
				rc.ModTime = t
			}
			// The ledger is as of its newest return: a time that comes
			// from the input, so the same returns give the same ledger.
			if rc.ModTime.After(in.Now) {
				in.Now = rc.ModTime
			}
		}
		in.Returns = append(in.Returns, rc)
	}
	return ledger.Merge(in)
}

// Written is what Write did.
type Written struct {
	Ledger *ledger.Ledger
	// Backup is where the ledger that was replaced was kept; "" for none.
	Backup string
	// Replaced: a ledger was there, and its office columns were carried
	// over (Ledger.Carried says how).
	Replaced bool
	// Ignored are the edits of the replaced ledger outside the office's
	// columns, which the new ledger does not keep.
	Ignored []ledgerbook.Ignored
}

// Write merges the round (see Merge) and writes the ledger with its
// ranking to output, backing up a ledger already there. inputs are the
// other files the round read (task lists, the previous ledger), which the
// ledger never replaces. An output that exists but cannot be read as a
// ledger stops the round before anything is checked: overwriting it could
// lose the office's work (*ExistingFileError).
func (j Job) Write(output string, inputs []string) (*Written, error) {
	// The ledger replaces only a ledger, which WriteFileRanked backs up.
	if _, err := outfile.Check(output, outfile.Ledger, append(inputs, j.Files...)...); err != nil {
		return nil, err
	}
	w := &Written{}
	var earlier *ledger.Ledger
	if _, err := os.Stat(output); !errors.Is(err, fs.ErrNotExist) {
		rd, err := ledgerbook.ReadFileWithEdits(output)
		if err != nil {
			return nil, &ExistingFileError{Path: output, Err: err}
		}
		// Only the office's notes are carried over: the rest of the
		// ledger need not stay in memory while the returns are read.
		earlier, w.Ignored, w.Replaced = rd.Ledger.Notes(), rd.Ignored, true
	}
	w.Ledger = j.Merge(earlier)
	backup, err := ledgerbook.WriteFileRanked(output, w.Ledger, j.Ranking(w.Ledger))
	if err != nil {
		return nil, fmt.Errorf("写入 %s 失败：%w", output, err)
	}
	w.Backup = backup
	return w, nil
}

// ExistingFileError is an output that exists but cannot be read as a
// ledger, which the round does not overwrite.
type ExistingFileError struct {
	Path string
	Err  error
}

func (e *ExistingFileError) Error() string {
	return fmt.Sprintf("%v\n输出文件 %s 已存在但无法作为总台账读取，为免覆盖办公室的复核内容，本次未写入：请换一个输出文件名（-o），或移走该文件", e.Err, e.Path)
}

func (e *ExistingFileError) Unwrap() error { return e.Err }

// InputProblem marks ExistingFileError as the user's to fix (see inputerr).
func (*ExistingFileError) InputProblem() {}

var _ inputerr.Problem = (*ExistingFileError)(nil)

// Ranking is the period's ranking of l with each unit's move since the
// previous period's ledger.
func (j Job) Ranking(l *ledger.Ledger) *history.Ranking {
	rules := j.Rules.Scoring
	if rules.IsZero() {
		rules = scoring.Defaults
	}
	ls := []*ledger.Ledger{l}
	if j.Previous != nil {
		ls = []*ledger.Ledger{j.Previous, l}
	}
	y := history.Build(ls, rules, j.Rules.Order)
	return y.Rankings[len(y.Rankings)-1]
}

// RequireLeads refuses a task list without any task that has a lead unit:
// most likely emptied by mistake, it would give a ledger without tasks and
// move every note of the office out of it. sources name the task list.
func RequireLeads(set *task.Set, sources []string) error {
	if units, _ := fillin.Assign(set); len(units) > 0 {
		return nil
	}
	return &cells.InputError{File: strings.Join(sources, "、"),
		Msg: "任务分解表中没有任何已指定牵头单位的任务（是否被误清空？），本次未汇总、未改动总台账：请检查任务分解表，在“牵头单位”列填写责任单位后重新运行"}
}
