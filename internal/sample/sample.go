package sample

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/parallel"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// Options for FillReturns and samplefix.Returns.
type Options struct {
	// Period is the reporting round; zero = the period each workbook's
	// hidden sheet names.
	Period period.Period
	// Due is the return deadline; zero = the workbook's own deadline, else
	// five days after the period ends.
	Due time.Time
	// Seed makes the choices: the same seed gives the same returns, and
	// the periods of a year under one seed continue each other.
	Seed int64
}

// Plan is what one unit did with its workbook.
type Plan struct {
	Book, Unit string   // the issued workbook and its unit
	Files      []string // the returns written, in the order sent; none when Missing
	Late       bool     // 填报日期 after the deadline
	Missing    bool     // nothing sent back
	Messy      bool     // some cells typed the way the checker has to interpret or warn about
	Twice      bool     // a draft, then a corrected "…(修改版).xlsx"
	Renamed    bool     // sent back under a name of its own ("科技局进度.xlsx")
	Trend      string   // how its work goes over the year: Steady, Improving or Slipping
	Habit      string   // its reporting habit in the year: HabitNever, HabitMissOnce, HabitLate or ""
}

// Fill writes into outDir, which it creates, what the units of the issued
// workbooks send back for the period. The books are known without reading
// the workbooks (BooksOf; samplefix.ReadBook reads one from disk), which
// are read only to copy them, never modified.
//
// Each book is one unit's, and the books are one round: the mix is drawn
// over their units. Most units send on time and complete; about 15% are
// late, among them the habitually late (HabitLate); one small unit never
// sends anything (HabitNever) and a few miss one quarter (HabitMissOnce);
// one unit sends a draft and then a corrected "…(修改版).xlsx"; one renames
// its file; about a third type some cells the way people do (80% as text,
// full-width ８０, 0.6, 完成, 基本完成, 正常推进, trailing spaces, an empty
// required cell, 滞后 without 存在问题, 已完成 below 100%, the date as text).
// With at least five books every kind occurs where some row fits it. Which
// units are late besides the habitual ones, messy, twice or renamed varies
// from period to period.
//
// The rows follow each task's course over the year (see Trend): calling
// Fill for each quarter of a year with the same seed gives progress
// that never falls, tasks that stay 已完成, units that improve or slip, and
// a period's returns do not depend on which periods were generated before.
//
// Only input cells are written, so the signature stays valid; each file's
// modification time is its 填报日期 at 17:00 local time. Fill never
// overwrites a book and does not remove other files in outDir. The plans
// are in the order of books.
func Fill(issued []*Book, outDir string, opts Options) ([]Plan, error) {
	for _, b := range issued {
		if err := b.settle(opts); err != nil {
			return nil, err
		}
	}
	jobs := PlanRound(issued, opts.Seed)
	if err := nameFiles(jobs, outDir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	if err := parallel.Each(len(jobs), func(i int) error { return jobs[i].run() }); err != nil {
		return nil, err
	}
	plans := make([]Plan, len(jobs))
	for i, j := range jobs {
		plans[i] = j.Plan
	}
	return plans, nil
}

// settle sets the book's period and deadline from opts, falling back on
// the workbook's own and, for the deadline, five days after the period.
func (b *Book) settle(opts Options) error {
	if !opts.Period.IsZero() {
		b.Period = opts.Period
	}
	if b.Period.IsZero() {
		return fmt.Errorf("%s: no period given and none in the workbook", b.Path)
	}
	if !opts.Due.IsZero() {
		b.Due = opts.Due
	}
	if b.Due.IsZero() {
		b.Due = b.Period.End().AddDate(0, 0, 5)
	}
	return nil
}

// ReturnNames gives each job that sends something back the file names of
// its returns, in the order sent: the issued name, plus "…(修改版)" for a
// second return, or a name of the unit's own.
func ReturnNames(jobs []*Job) ([][]string, error) {
	names := make([][]string, len(jobs))
	taken := map[string]bool{}
	claim := func(name string) bool {
		k := strings.ToLower(name)
		if taken[k] {
			return false
		}
		taken[k] = true
		return true
	}
	// Issued names first, so a renamed file never takes one.
	for i, j := range jobs {
		if j.Plan.Missing || j.Plan.Renamed {
			continue
		}
		base := filepath.Base(j.Book.Path)
		ext := filepath.Ext(base)
		names[i] = []string{base}
		if j.Plan.Twice {
			names[i] = append(names[i], strings.TrimSuffix(base, ext)+"(修改版)"+ext)
		}
		for _, n := range names[i] {
			if !claim(n) {
				return nil, fmt.Errorf("two issued workbooks are named %s", n)
			}
		}
	}
	for i, j := range jobs {
		if j.Plan.Missing || !j.Plan.Renamed {
			continue
		}
		short := safeFileName(j.Book.Unit)
		if s, ok := strings.CutPrefix(short, "市"); ok && len([]rune(s)) >= 2 {
			short = s
		}
		name := short + "进度.xlsx"
		for k := 2; !claim(name); k++ {
			name = fmt.Sprintf("%s进度%d.xlsx", short, k)
		}
		names[i] = []string{name}
	}
	return names, nil
}

// nameFiles names each job's returns in outDir and makes sure no return
// overwrites an issued workbook or another return.
func nameFiles(jobs []*Job, outDir string) error {
	books := map[string]bool{}
	for _, j := range jobs {
		abs, err := filepath.Abs(j.Book.Path)
		if err != nil {
			return err
		}
		books[abs] = true
	}
	names, err := ReturnNames(jobs)
	if err != nil {
		return err
	}
	for i, j := range jobs {
		for _, n := range names[i] {
			j.Plan.Files = append(j.Plan.Files, filepath.Join(outDir, n))
		}
	}
	for _, j := range jobs {
		for _, f := range j.Plan.Files {
			abs, err := filepath.Abs(f)
			if err != nil {
				return err
			}
			if books[abs] {
				return fmt.Errorf("writing the returns into %s would overwrite the issued workbook %s", outDir, f)
			}
			if fi, err := os.Stat(f); err == nil {
				for _, b := range jobs {
					if bi, err := os.Stat(b.Book.Path); err == nil && os.SameFile(fi, bi) {
						return fmt.Errorf("writing the returns into %s would overwrite the issued workbook %s", outDir, b.Book.Path)
					}
				}
			}
		}
	}
	return nil
}

// safeFileName replaces what Windows forbids in a file name.
func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
}

// run writes one unit's returns, typed the way the unit types.
func (j *Job) run() error {
	if j.Plan.Missing {
		return nil
	}
	r := stream(j.seed, "messy", j.Book.Unit, j.Book.Period.Key())
	es, dateAsText := applyEdits(r, j.Book, j.Entries, j.edits, j.at)
	hd := func(date time.Time, reviewer string) Header {
		h := j.Header
		h.Date, h.Reviewer = date, reviewer
		if dateAsText {
			h.dateText = dateText(r, date.Year(), int(date.Month()), date.Day())
		}
		return h
	}
	files := j.Plan.Files
	if j.Plan.Twice {
		// The draft went out before the head of the unit signed it off.
		if err := writeReturn(j.Book, files[0], hd(j.draft, ""), draftOf(es)); err != nil {
			return err
		}
		files = files[1:]
	}
	return writeReturn(j.Book, files[0], hd(j.Header.Date, j.Header.Reviewer), es)
}

// Header is the header block of a return.
type Header struct {
	Filler, Phone, Reviewer string
	Date                    time.Time // midnight UTC of the 填报日期
	dateText                string    // the date typed as text; "" = a real date
}

// writeReturn fills a copy of b's workbook and writes it to path, through
// a temporary file, with the 填报日期 at 17:00 local time as its
// modification time.
func writeReturn(b *Book, path string, h Header, es []Entry) error {
	data, err := os.ReadFile(b.Path)
	if err != nil {
		return err
	}
	var set []cellValue
	for _, c := range []struct{ cell, v string }{
		{cellFiller, h.Filler}, {cellPhone, h.Phone}, {cellReviewer, h.Reviewer},
	} {
		if c.v != "" {
			set = append(set, cellValue{ref: c.cell, Val: text(c.v)})
		}
	}
	if h.dateText != "" {
		set = append(set, cellValue{ref: cellDate, Val: text(h.dateText)})
	} else {
		set = append(set, cellValue{ref: cellDate, Val: number(excelDate(h.Date))})
	}
	for i, e := range es {
		row := b.Rows[i].Row
		for c := colProgress; c <= colRemark; c++ {
			if v := e.At(c); v.set {
				set = append(set, cellValue{ref: letter(c) + strconv.Itoa(row), Val: *v})
			}
		}
	}
	out, err := fillCells(data, fillin.SheetForm, set)
	if err != nil {
		return fmt.Errorf("%s: %w", b.Path, err)
	}
	if err := cells.WriteFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(out)
		return err
	}); err != nil {
		return err
	}
	at := time.Date(h.Date.Year(), h.Date.Month(), h.Date.Day(), 17, 0, 0, 0, time.Local)
	return os.Chtimes(path, at, at)
}
