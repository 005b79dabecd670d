// Package publish writes the office's reports from ledgers: a period's
// progress bulletin (进展通报) or the annual assessment report as a PDF in
// the official-document layout, with the year workbook (年度台账.xlsx)
// beside the annual one. An earlier output is backed up before it is
// replaced; an input or a file of another kind is never written over.
// report and the demo both go through Job; NewPlan works out the report
// command's ledgers, output, fonts and options from its flags, the
// workspace and taizhang.yaml.
//
// It never prints: what the office should be told (edits of the ledgers
// not taken, characters drawn from fallback fonts) is in the results.
package publish

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/report/bulletin"
	"github.com/taizhang-dev/taizhang/report/gongwen"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
)

// Kind is the kind of report.
type Kind string

// The kinds of report.
const (
	Progress Kind = "progress" // one period's bulletin
	Annual   Kind = "annual"   // the year's assessment
)

// Format is which files of a report are written.
type Format string

// The formats: the PDF, the Word document beside it, or both (the zero
// Format).
const (
	PDF  Format = "pdf"
	Docx Format = "docx"
	Both Format = "both"
)

// Formats lists the formats for the command line, in its order.
var Formats = []Format{PDF, Docx, Both}

func (f Format) pdf() bool  { return f != Docx }
func (f Format) docx() bool { return f != PDF }

// DocxPath is where the Word version of the report at output goes: beside
// it, under the same name with the extension .docx.
func DocxPath(output string) string {
	return strings.TrimSuffix(output, filepath.Ext(output)) + outfile.Document.Ext()
}

// ParseKind is the kind of report --kind names: progress or annual;
// anything else is a usage error.
func ParseKind(s string) (Kind, error) {
	if k := Kind(s); k == Progress || k == Annual {
		return k, nil
	}
	return "", &inputerr.Usage{Msg: fmt.Sprintf("--kind 只能是 progress（进展通报）或 annual（年度考核报告），不是“%s”", s)}
}

// ParseFormat is the format --format names: pdf, docx or both; anything
// else is a usage error.
func ParseFormat(s string) (Format, error) {
	if f := Format(s); slices.Contains(Formats, f) {
		return f, nil
	}
	return "", &inputerr.Usage{Msg: fmt.Sprintf("--format 只能是 pdf、docx 或 both（两者都写），不是“%s”", s)}
}

// Job is one report to write.
type Job struct {
	Kind Kind
	// Output is the PDF's path; the Word document is written beside it
	// (DocxPath).
	Output string
	Format Format // "" writes both
	// Inputs are the files the report is made from, which it never
	// writes over.
	Inputs  []string
	Options bulletin.Options
}

// Written is what Write did.
type Written struct {
	Pages int // of the PDF's layout
	// PDF and Docx are the files written, "" for a format not asked for.
	PDF, Docx string
	// Book is where the annual report's year workbook was written, and
	// Year the history behind it; empty for a progress report.
	Book string
	Year *history.Year
	// Backups are the earlier outputs kept before being replaced.
	Backups []string
	// Substitutions are the characters a role's font lacks.
	Substitutions []gongwen.Substitution
}

// Write writes the report of ledgers (chronological; previous is the
// period before a progress report's, or nil). A progress report takes one
// ledger.
func (j Job) Write(ledgers []*ledger.Ledger, previous *ledger.Ledger) (*Written, error) {
	w := &Written{}
	prepare := func(path string, k outfile.Kind) error {
		backup, err := outfile.Prepare(path, k, j.Inputs...)
		if backup != "" {
			w.Backups = append(w.Backups, backup)
		}
		return err
	}
	if j.Kind == Annual {
		// The year workbook goes beside the report: the assessment with
		// every event, the trends and a sheet per period. Both outputs
		// are checked before either is backed up.
		last, _ := period.Parse(ledgers[len(ledgers)-1].Period) // checked by ReadLedgers
		w.Book = filepath.Join(filepath.Dir(j.Output), fmt.Sprintf("%d年度台账.xlsx", last.Start().Year()))
		if _, err := outfile.Check(w.Book, outfile.Year, j.Inputs...); err != nil {
			return nil, err
		}
	}
	// Both outputs are checked before either is backed up.
	if j.Format.pdf() {
		w.PDF = j.Output
		if _, err := outfile.Check(w.PDF, outfile.Report, j.Inputs...); err != nil {
			return nil, err
		}
	}
	if j.Format.docx() {
		w.Docx = DocxPath(j.Output)
		if _, err := outfile.Check(w.Docx, outfile.Document, j.Inputs...); err != nil {
			return nil, err
		}
	}
	if w.PDF != "" {
		if err := prepare(w.PDF, outfile.Report); err != nil {
			return nil, err
		}
	}
	if w.Docx != "" {
		if err := prepare(w.Docx, outfile.Document); err != nil {
			return nil, err
		}
	}
	var rep *bulletin.Report
	if j.Kind == Annual {
		w.Year = history.Build(ledgers, j.Options.Rules, j.Options.Order)
		rep = bulletin.Annual(w.Year, ledgers, j.Options)
		if err := prepare(w.Book, outfile.Year); err != nil {
			return nil, err
		}
		if err := ledgerbook.WriteYearFile(w.Book, w.Year, ledgers); err != nil {
			return nil, &WriteError{Path: w.Book, Err: err, Hint: "文件是否正在 Excel 或 WPS 中打开？"}
		}
	} else {
		o := j.Options
		o.Previous = previous
		rep = bulletin.Progress(ledgers[0], o)
	}
	if t, ok := task.SourceDateEpoch(); ok {
		rep.Info.Created = t
	}
	if w.PDF != "" {
		if err := writeAtomic(w.PDF, "文件是否正在阅读器中打开？", func(out io.Writer) error { return rep.Doc.Write(out, rep.Info) }); err != nil {
			return nil, err
		}
	}
	if w.Docx != "" {
		if err := writeAtomic(w.Docx, "文件是否正在 Word 或 WPS 中打开？", func(out io.Writer) error { return rep.Doc.WriteDocx(out, rep.Info) }); err != nil {
			return nil, err
		}
	}
	w.Pages = rep.Doc.Pages()
	w.Substitutions = rep.Doc.Substitutions()
	return w, nil
}

// writeAtomic writes path through render, atomically: a failure leaves
// the earlier file (or none) in place. A failure to write the file is a
// WriteError with hint; a failure of render is returned as it is.
func writeAtomic(path, hint string, render func(io.Writer) error) error {
	var renderErr error
	err := cells.WriteFileAtomic(path, func(out io.Writer) error {
		renderErr = render(out)
		return renderErr
	})
	switch {
	case renderErr != nil:
		return renderErr
	case err != nil:
		return &WriteError{Path: path, Err: err, Hint: hint}
	}
	return nil
}

// WriteError is an output that could not be written, with a hint at the
// likely cause.
type WriteError struct {
	Path string
	Err  error
	Hint string
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("无法写入 %s：%v（%s）", e.Path, e.Err, e.Hint)
}

func (e *WriteError) Unwrap() error { return e.Err }

// InputProblem marks WriteError as the user's to fix: the file is open
// elsewhere or the folder is not writable (see inputerr).
func (*WriteError) InputProblem() {}

var _ inputerr.Problem = (*WriteError)(nil)

// ReadLedgers reads the ledgers in period order, applying the office's
// 核定状态 with the light rules. Two ledgers of one period are refused.
// ignored is called with each ledger's edits that are not taken, as it is
// read; it may be nil.
func ReadLedgers(paths []string, rules ledger.Rules, ignored func([]ledgerbook.Ignored)) ([]*ledger.Ledger, error) {
	var ls []*ledger.Ledger
	seen := map[string]string{}
	for _, p := range paths {
		rd, err := ledgerbook.ReadFileWithEdits(p)
		if err != nil {
			return nil, err
		}
		if ignored != nil {
			ignored(rd.Ignored)
		}
		l := rd.Ledger
		if other, dup := seen[l.Period]; dup {
			return nil, &cells.InputError{File: other, Msg: fmt.Sprintf("与 %s 是同一期（%s）的总台账：每期只给一份", p, l.PeriodLabel)}
		}
		seen[l.Period] = p
		if err := l.Reassess(rules); err != nil {
			return nil, &cells.InputError{File: p, Msg: fmt.Sprintf("期次“%s”无法识别：%v", l.Period, err)}
		}
		ls = append(ls, l)
	}
	slices.SortStableFunc(ls, func(a, b *ledger.Ledger) int { return cmp.Compare(a.PeriodEnd, b.PeriodEnd) })
	return ls, nil
}
