// Package demo runs the demo year: a workspace made from the five bundled
// policy documents, four quarters of workbooks, simulated returns (on
// time, late, missing, badly filled in and sent again), merged ledgers
// and progress bulletins, then the year workbook and the annual
// assessment report. It goes through the same core calls as the commands
// (policy, tasklist, fillin, round, publish) and gives the same output on
// every run.
//
// It never prints: it tells a caller's callbacks what it did.
package demo

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/policy"
	"github.com/taizhang-dev/taizhang/internal/sample"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/bulletin"
	"github.com/taizhang-dev/taizhang/report/publish"
	"github.com/taizhang-dev/taizhang/report/round"
	"github.com/taizhang-dev/taizhang/report/typeface"
	"github.com/taizhang-dev/taizhang/seeds"
	"github.com/taizhang-dev/taizhang/templates/form"
)

// The demo's year, organisation and seed: the same output on every run.
const (
	Year   = "2024"
	Org    = "演示市人民政府督查室"
	seed   = 2024
	marker = "demo" // in .taizhang/: this folder was made by demo
)

var periods = []string{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"}

// created is the moment the demo workspace is created: after the year, so
// that its current period is the fourth quarter.
var created = time.Date(2025, 1, 8, 9, 0, 0, 0, time.UTC)

// Tasks is the task list the demo made from the documents.
type Tasks struct {
	Path       string
	Documents  int
	Tasks      int // tasks and targets
	Units      int // units with tasks
	Unassigned int // tasks without a lead unit
	Framed     int // items of a document's framing sections the office took out of the tasks
	Assigned   int // tasks without a lead unit in their document that the office gave one
}

// Quarter is one period the demo ran.
type Quarter struct {
	Period       period.Period
	Templates    int // workbooks issued
	Returns      int // returns received
	Ledger       *ledger.Ledger
	TemplatesDir string
	LedgerPath   string
	ReportPath   string
	Pages        int // of the bulletin
}

// YearEnd is what the demo wrote at the end of the year.
type YearEnd struct {
	Book   string // the year workbook
	Report string // the annual assessment report
	Pages  int
	Year   *history.Year
	// Plans are how the simulated units behaved.
	Plans []sample.Plan
}

// Events are told what the demo did as it goes; any may be nil.
type Events struct {
	Workspace func(ws *workspace.Workspace)
	Tasks     func(Tasks)
	Quarter   func(Quarter)
}

// Folder is the folder the demo writes into when asked for asked: asked
// itself when it does not exist or is empty, else a new one beside it (see
// outfile.FreshDir), so that nothing already there is touched; it must be
// writable.
func Folder(asked string) (string, error) {
	dir, err := outfile.FreshDir(asked)
	if err != nil {
		return "", err
	}
	return dir, outfile.WritableDir(dir)
}

// Run writes the demo into dir, which does not exist or is empty (see
// Folder).
func Run(dir string, ev Events) (*YearEnd, error) {
	ws, err := newWorkspace(dir)
	if err != nil {
		return nil, err
	}
	if ev.Workspace != nil {
		ev.Workspace(ws)
	}
	if err := copySeeds(ws.DocsDir()); err != nil {
		return nil, err
	}
	set, err := policy.ParseFS(seeds.FS, "*.txt", ws.Config)
	if err != nil {
		return nil, err
	}
	framed, assigned := editTaskList(set)
	if _, err := tasklist.Save(ws.TaskList(), set); err != nil {
		return nil, err
	}
	units, unassigned := fillin.Assign(set)
	if ev.Tasks != nil {
		ev.Tasks(Tasks{Path: ws.TaskList(), Documents: len(set.Documents), Tasks: set.ReportableCount(), Units: len(units), Unassigned: len(unassigned), Framed: framed, Assigned: assigned})
	}
	secret, _, err := workspace.Secret(ws.Root, false)
	if err != nil {
		return nil, err
	}
	var ledgers []*ledger.Ledger
	var plans []sample.Plan
	// A quarter's bulletin is written while the next quarter is issued,
	// returned and merged (which needs only the ledger): the two cores
	// otherwise idle in each stage's single-threaded parts. Quarters are
	// reported in order, each once its bulletin is written.
	var published func() error
	wait := func() error {
		if published == nil {
			return nil
		}
		err := published()
		published = nil
		return err
	}
	for _, key := range periods {
		p, err := period.Parse(key)
		if err != nil {
			return nil, errors.Join(err, wait())
		}
		q, ps, err := runQuarter(ws, set, p, secret, ledgers)
		if err != nil {
			return nil, errors.Join(err, wait())
		}
		previous := lastOf(ledgers)
		done := make(chan error, 1)
		go func() { done <- q.publish(ws, previous) }()
		if err := wait(); err != nil {
			return nil, errors.Join(err, <-done)
		}
		published = func() error {
			if err := <-done; err != nil {
				return err
			}
			if ev.Quarter != nil {
				ev.Quarter(*q)
			}
			return nil
		}
		ledgers = append(ledgers, q.Ledger)
		plans = ps
	}
	year, err := yearEnd(ws, ledgers, plans)
	if err := errors.Join(err, wait()); err != nil {
		return nil, err
	}
	return year, nil
}

// lastOf is the last of ledgers, nil when there is none.
func lastOf(ledgers []*ledger.Ledger) *ledger.Ledger {
	if len(ledgers) == 0 {
		return nil
	}
	return ledgers[len(ledgers)-1]
}

// newWorkspace makes the demo's workspace at dir.
func newWorkspace(dir string) (*workspace.Workspace, error) {
	text, err := config.NewFile(Org, 2024, "季度")
	if err != nil {
		return nil, err
	}
	// The office enters the successors of the bodies that the seeds name
	// from before the 2018 reform of government bodies.
	const aliasKey = "\naliases:\n"
	if !bytes.Contains(text, []byte(aliasKey)) {
		return nil, fmt.Errorf("demo: no aliases setting in the configuration template")
	}
	text = bytes.Replace(text, []byte(aliasKey), []byte(aliasKey+successors), 1)
	// And it has each county-level government of the city report for
	// itself where a document addresses them all.
	const expandKey = "\ncollective_expand:\n"
	if !bytes.Contains(text, []byte(expandKey)) {
		return nil, fmt.Errorf("demo: no collective_expand setting in the configuration template")
	}
	text = bytes.Replace(text, []byte(expandKey), []byte(expandKey+counties), 1)
	c, err := workspace.Init(dir, text, created)
	if err != nil {
		return nil, err
	}
	path := filepath.Join(c.Workspace.Root, workspace.Dir, marker)
	if err := os.WriteFile(path, []byte("taizhang demo\n"), 0o644); err != nil {
		return nil, err
	}
	return c.Workspace, nil
}

// successors are the demo office's aliases, as an office enters them in
// taizhang.yaml: the bodies the seeds name from before the 2018 reform of
// government bodies, mapped to the bodies that took over their work; and,
// since the seeds come from five cities and the demo is one city's year,
// the other cities' districts, zones and banks mapped to the demo city's.
const successors = `  市经信委: 市工信局
  市经信局: 市工信局
  市工信委: 市工信局
  市国税局: 市税务局
  市地税局: 市税务局
  市农业局: 市农业农村局
  市农委: 市农业农村局
  市农牧局: 市农业农村局
  市人社局: 市人力社保局
  市卫计委: 市卫健委
  市国土局: 市自然资源和规划局
  市规划局: 市自然资源和规划局
  市工商局: 市市场监管局
  市质监局: 市市场监管局
  市食药监局: 市市场监管局
  市文广新局: 市文广旅局
  市旅游局: 市文广旅局
  市环保局: 市生态环境局
  市编办: 市委编办
  市人才办: 市委人才办
  市金融办: 市金融局
  市金融工作局: 市金融局
  市发改局: 市发改委
  牧野区: 海陵区
  红旗区: 高港区
  平原示范区: 医药高新区
  泉州开发区管委会: 经开区
  泉州台商投资区管委会: 经开区
  浙江临海经济开发区: 经开区
  台州湾经济技术开发区: 经开区
  人民银行泉州市中心支行: 人民银行市中心支行
  人民银行临海市支行: 人民银行市中心支行
  市人行: 人民银行市中心支行
  台州银保监分局临海监管组: 市银保监分局
  泉州高新区各分园区所在地政府: 各县(市、区)人民政府
`

// counties are the demo city's county-level governments, for the names
// that address them all.
const counties = `  各县(市、区)人民政府: [兴化市, 泰兴市, 靖江市, 海陵区, 高港区, 姜堰区]
  各市(区): [兴化市, 泰兴市, 靖江市, 海陵区, 高港区, 姜堰区]
  相关县(市、区)人民政府: [兴化市, 泰兴市, 靖江市, 海陵区, 高港区, 姜堰区]
`

// copySeeds puts the seed documents into the workspace's document folder,
// so that taizhang parse there reads them.
func copySeeds(dir string) error {
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil {
		return err
	}
	for _, n := range names {
		data, err := fs.ReadFile(seeds.FS, n)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// runQuarter runs one period: the workbooks, the units' returns, the
// merged ledger with its ranking and the progress bulletin.
func runQuarter(ws *workspace.Workspace, set *task.Set, p period.Period, secret []byte, earlier []*ledger.Ledger) (*Quarter, []sample.Plan, error) {
	due := ws.Due(p)
	dir := ws.TemplatesDir(p)
	units, _ := fillin.Assign(set)
	if err := outfile.WritableDir(dir); err != nil {
		return nil, nil, err
	}
	written, err := form.WriteAll(dir, units, form.Options{Period: p, Due: due, Secret: secret, Now: set.Pinned()})
	if err != nil {
		return nil, nil, err
	}
	paths := make([]string, len(written))
	for i, w := range written {
		paths[i] = w.Path
	}
	// The workbooks were just written from units: nothing to read back.
	books := sample.BooksOf(units, paths, p, due)
	plans, err := sample.Fill(books, ws.ReturnsDir(p), sample.Options{Period: p, Due: due, Seed: seed})
	if err != nil {
		return nil, nil, fmt.Errorf("生成演示报送文件失败：%w", err)
	}
	files, err := intake.Collect([]string{ws.ReturnsDir(p)})
	if err != nil {
		return nil, nil, err
	}
	job := round.Job{Tasks: set, Period: p, Due: due, Rules: round.RulesOf(ws.Config), Secret: secret, Files: files, Previous: lastOf(earlier), Now: set.Pinned()}
	w, err := job.Write(ws.LedgerPath(p), nil)
	if err != nil {
		return nil, nil, err
	}
	q := &Quarter{Period: p, Templates: len(written), Returns: len(files), Ledger: w.Ledger,
		TemplatesDir: dir, LedgerPath: ws.LedgerPath(p), ReportPath: ws.ReportPath(p)}
	return q, plans, nil
}

// publish writes the quarter's bulletin, against the quarter before it
// (nil for the first), and counts its pages. The ledgers just merged are
// in memory: the bulletin needs no reread.
func (q *Quarter) publish(ws *workspace.Workspace, previous *ledger.Ledger) error {
	rep, err := publish.Job{Kind: publish.Progress, Output: q.ReportPath, Options: reportOptions(ws.Config)}.Write([]*ledger.Ledger{q.Ledger}, previous)
	if err != nil {
		return err
	}
	q.Pages = rep.Pages
	return nil
}

// yearEnd writes the year workbook and the annual assessment report.
func yearEnd(ws *workspace.Workspace, ledgers []*ledger.Ledger, plans []sample.Plan) (*YearEnd, error) {
	report := filepath.Join(ws.AnnualDir(), Year+"年度考核报告.pdf")
	w, err := publish.Job{Kind: publish.Annual, Output: report, Options: reportOptions(ws.Config)}.Write(ledgers, nil)
	if err != nil {
		return nil, err
	}
	return &YearEnd{Book: w.Book, Report: report, Pages: w.Pages, Year: w.Year, Plans: plans}, nil
}

// reportOptions is how the demo's reports are set: the bundled fonts, the
// workspace's organisation and rules, with the masthead.
func reportOptions(cfg *config.Config) bulletin.Options {
	return bulletin.Options{Office: cfg.Organisation, Fonts: typeface.DefaultSet(), Rules: cfg.Scoring, Order: round.UnitOrder(cfg), Masthead: true}
}
