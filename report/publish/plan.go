package publish

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/bulletin"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
	"github.com/taizhang-dev/taizhang/report/round"
	"github.com/taizhang-dev/taizhang/report/typeface"
)

// Request is what the office asked for on the command line; what it
// leaves out comes from the workspace and its configuration.
type Request struct {
	Kind      Kind
	Ledgers   []string
	Previous  string // the previous period's ledger, for a progress report
	Output    string
	Period    string // the workspace's period to report on; "" for the current one
	Title     string
	Office    string
	Date      string   // the date of issue, 2025-01-10; "" for the ledger's
	Fonts     []string // role=file
	Config    string
	Workspace string
	Masthead  bool
	Format    Format    // the files to write; "" for both
	Now       time.Time // for the workspace's current period
}

// Plan is one report to write: its ledgers, output and options.
type Plan struct {
	Kind     Kind
	Ledgers  []string
	Previous string // the previous period's ledger, for a progress report
	Output   string // the PDF; the Word document goes beside it
	Format   Format
	Config   *config.Config
	Options  bulletin.Options
	// WordingFile is the workspace's file of the reports' fixed text, and
	// WordingWritten tells that this run wrote it (with the default text)
	// for the office to edit.
	WordingFile    string
	WordingWritten bool
	// Root is the workspace's root, whose lock Write takes; "" outside
	// one. Note, when not nil, is told of a stale lock taken over.
	Root string
	Note func(string)
}

// Inputs are the files the report reads, which it never writes over.
func (p *Plan) Inputs() []string {
	if p.Previous != "" {
		return append(slices.Clone(p.Ledgers), p.Previous)
	}
	return p.Ledgers
}

// NewPlan works out the inputs, output and options of a report from the
// request, the workspace and its configuration.
func NewPlan(r Request) (*Plan, error) {
	kind, err := ParseKind(string(r.Kind))
	if err != nil {
		return nil, err
	}
	format, err := ParseFormat(string(cmp.Or(r.Format, Both)))
	if err != nil {
		return nil, err
	}
	plan := &Plan{Kind: kind, Ledgers: r.Ledgers, Output: r.Output, Previous: r.Previous, Format: format}
	var ws *workspace.Workspace
	if len(plan.Ledgers) == 0 {
		var err error
		if ws, err = workspace.Locate(r.Workspace); err != nil {
			return nil, err
		}
		if ws == nil {
			return nil, &inputerr.Usage{Msg: "请用 --ledger 指定总台账（.xlsx），或在工作目录（taizhang init 创建）中运行"}
		}
		if err := plan.fromWorkspace(ws, r.Period, r.Now); err != nil {
			return nil, err
		}
	}
	if plan.Output == "" {
		plan.Output = "报告.pdf"
		if plan.Kind == Annual {
			plan.Output = "年度考核报告.pdf"
		}
	}
	// --config, else the workspace's, else taizhang.yaml beside the ledger.
	cfg := (*config.Config)(nil)
	if ws != nil && r.Config == "" {
		cfg = ws.Config
	} else {
		var err error
		if cfg, err = config.Locate(r.Config, plan.Ledgers); err != nil {
			return nil, err
		}
	}
	plan.Config = cfg
	fonts, err := FontSet(cfg, r.Fonts)
	if err != nil {
		return nil, err
	}
	plan.Options = bulletin.Options{Title: r.Title, Office: cmp.Or(r.Office, cfg.Organisation), Fonts: fonts,
		Rules: cfg.Scoring, Order: round.UnitOrder(cfg), Masthead: r.Masthead}
	if ws != nil {
		plan.Root = ws.Root
		if err := plan.wording(ws.Root); err != nil {
			return nil, err
		}
	}
	if r.Date != "" {
		d, err := time.Parse("2006-01-02", r.Date)
		if err != nil {
			return nil, &inputerr.Usage{Msg: fmt.Sprintf("--date 应写成 2025-01-10 的形式，不是“%s”", r.Date)}
		}
		plan.Options.Date = d
	}
	return plan, nil
}

// fromWorkspace takes the ledgers and output of the workspace: the
// period's ledger for a progress report, every period's for the annual one.
func (p *Plan) fromWorkspace(ws *workspace.Workspace, key string, now time.Time) error {
	if p.Kind == Annual {
		ledgers, year, err := ws.YearLedgers()
		if err != nil {
			return err
		}
		if len(ledgers) == 0 {
			return inputerr.New("", "", fmt.Sprintf("工作目录 %s 中还没有任何一期的总台账：请先运行 taizhang merge", ws.Root))
		}
		p.Ledgers = ledgers
		if p.Output == "" {
			p.Output = filepath.Join(ws.AnnualDir(), fmt.Sprintf("%d年度考核报告.pdf", year))
		}
		return nil
	}
	per, _, err := workspace.Round(ws, key, "", now)
	if err != nil {
		return err
	}
	path := ws.LedgerPath(per)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return inputerr.New("", "", fmt.Sprintf("找不到%s的总台账 %s：请先运行 taizhang merge", per, path))
	}
	p.Ledgers = []string{path}
	if p.Previous == "" {
		p.Previous = ws.PreviousLedger(per)
	}
	if p.Output == "" {
		p.Output = ws.ReportPath(per)
	}
	return nil
}

// FontSet is the bundled fonts with the configuration's and the flags'
// (role=file) choices put in their roles.
func FontSet(cfg *config.Config, flags []string) (*typeface.Set, error) {
	set := typeface.DefaultSet()
	for _, slot := range config.FontSlots {
		if spec := cfg.Fonts[slot]; spec != "" {
			if err := set.Use(typeface.Role(slot), spec); err != nil {
				return nil, inputerr.New("", "", fmt.Sprintf("%s 中 fonts.%s：%v", cmp.Or(cfg.Source, config.FileName), slot, err))
			}
		}
	}
	for _, f := range flags {
		slot, spec, ok := strings.Cut(f, "=")
		if !ok || !slices.Contains(config.FontSlots, slot) {
			return nil, &inputerr.Usage{Msg: fmt.Sprintf("--font 应写成 角色=字体文件，角色为 %s 之一，如 --font body=simfang.ttf；不是“%s”", strings.Join(config.FontSlots, "、"), f)}
		}
		if err := set.Use(typeface.Role(slot), spec); err != nil {
			return nil, inputerr.New("", "", fmt.Sprintf("--font %s：%v", f, err))
		}
	}
	return set, nil
}

// Write reads the ledgers, lays out the report and writes it. ignored is
// told of edits of the ledgers it did not take; the characters drawn from
// fallback fonts are in the result. In a workspace it holds the
// workspace's lock meanwhile, as a merge does: a report never reads a
// ledger a merge is replacing, nor writes over one another report is
// writing.
func (p *Plan) Write(ignored func([]ledgerbook.Ignored)) (*Written, error) {
	release, err := workspace.Hold(p.Root, "生成报告", p.Note)
	if err != nil {
		return nil, err
	}
	defer release()
	if info, err := os.Stat(p.Output); err == nil && info.IsDir() {
		return nil, &inputerr.Usage{Msg: fmt.Sprintf("-o %s 是一个目录：请给出 PDF 文件名，如 %s", p.Output, filepath.Join(p.Output, "报告.pdf"))}
	}
	if p.Format.pdf() {
		if _, err := outfile.Check(p.Output, outfile.Report, p.Inputs()...); err != nil {
			return nil, err
		}
	}
	if p.Format.docx() {
		// -o names the PDF even when only the Word document is wanted.
		if ext := filepath.Ext(p.Output); !strings.EqualFold(ext, outfile.Report.Ext()) && !strings.EqualFold(ext, outfile.Document.Ext()) {
			return nil, &outfile.Error{Path: p.Output, Msg: fmt.Sprintf("报告的文件名应以 .pdf 结尾（Word 版写在它旁边，扩展名为 .docx）：请改用 %s", strings.TrimSuffix(p.Output, ext)+".pdf")}
		}
		if _, err := outfile.Check(DocxPath(p.Output), outfile.Document, p.Inputs()...); err != nil {
			return nil, err
		}
	}
	ledgers, err := ReadLedgers(p.Ledgers, round.LightRules(p.Config), ignored)
	if err != nil {
		return nil, err
	}
	var previous *ledger.Ledger
	if p.Previous != "" && p.Kind == Progress {
		prev, err := ReadLedgers([]string{p.Previous}, round.LightRules(p.Config), ignored)
		if err != nil {
			return nil, err
		}
		if prev[0].PeriodEnd >= ledgers[len(ledgers)-1].PeriodEnd {
			return nil, &inputerr.Usage{Msg: fmt.Sprintf("--previous 给出的 %s（%s）不早于本期（%s）", p.Previous, prev[0].PeriodLabel, ledgers[len(ledgers)-1].PeriodLabel)}
		}
		previous = prev[0]
	}
	if p.Kind == Progress && len(ledgers) > 1 {
		return nil, &inputerr.Usage{Msg: "进展通报只用一期总台账；全年各期请用 --kind annual"}
	}
	return Job{Kind: p.Kind, Output: p.Output, Format: p.Format, Inputs: p.Inputs(), Options: p.Options}.Write(ledgers, previous)
}
