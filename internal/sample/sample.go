package sample

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// Options for FillReturns and Returns.
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

// FillReturns reads each issued workbook in books (never modifying them)
// and writes into outDir, which it creates, what the units send back for
// the period.
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
// FillReturns for each quarter of a year with the same seed gives progress
// that never falls, tasks that stay 已完成, units that improve or slip, and
// a period's returns do not depend on which periods were generated before.
//
// Only input cells are written, so the signature stays valid; each file's
// modification time is its 填报日期 at 17:00 local time. FillReturns never
// overwrites a book and does not remove other files in outDir. The plans
// are in the order of books.
func FillReturns(books []string, outDir string, opts Options) ([]Plan, error) {
	issued := make([]*issuedBook, len(books))
	if err := parallel(len(books), func(i int) (err error) {
		issued[i], err = readBook(books[i])
		return err
	}); err != nil {
		return nil, err
	}
	for _, b := range issued {
		if err := b.settle(opts); err != nil {
			return nil, err
		}
	}
	jobs := planRound(issued, opts.Seed)
	if err := nameFiles(jobs, outDir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	if err := parallel(len(jobs), func(i int) error { return jobs[i].run() }); err != nil {
		return nil, err
	}
	plans := make([]Plan, len(jobs))
	for i, j := range jobs {
		plans[i] = j.plan
	}
	return plans, nil
}

// settle sets the book's period and deadline from opts, falling back on
// the workbook's own and, for the deadline, five days after the period.
func (b *issuedBook) settle(opts Options) error {
	if !opts.Period.IsZero() {
		b.period = opts.Period
	}
	if b.period.IsZero() {
		return fmt.Errorf("%s: no period given and none in the workbook", b.path)
	}
	if !opts.Due.IsZero() {
		b.due = opts.Due
	}
	if b.due.IsZero() {
		b.due = b.period.End().AddDate(0, 0, 5)
	}
	return nil
}

// returnNames gives each job that sends something back the file names of
// its returns, in the order sent: the issued name, plus "…(修改版)" for a
// second return, or a name of the unit's own.
func returnNames(jobs []*job) ([][]string, error) {
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
		if j.plan.Missing || j.plan.Renamed {
			continue
		}
		base := filepath.Base(j.b.path)
		ext := filepath.Ext(base)
		names[i] = []string{base}
		if j.plan.Twice {
			names[i] = append(names[i], strings.TrimSuffix(base, ext)+"(修改版)"+ext)
		}
		for _, n := range names[i] {
			if !claim(n) {
				return nil, fmt.Errorf("two issued workbooks are named %s", n)
			}
		}
	}
	for i, j := range jobs {
		if j.plan.Missing || !j.plan.Renamed {
			continue
		}
		short := safeFileName(j.b.unit)
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
func nameFiles(jobs []*job, outDir string) error {
	books := map[string]bool{}
	for _, j := range jobs {
		abs, err := filepath.Abs(j.b.path)
		if err != nil {
			return err
		}
		books[abs] = true
	}
	names, err := returnNames(jobs)
	if err != nil {
		return err
	}
	for i, j := range jobs {
		for _, n := range names[i] {
			j.plan.Files = append(j.plan.Files, filepath.Join(outDir, n))
		}
	}
	for _, j := range jobs {
		for _, f := range j.plan.Files {
			abs, err := filepath.Abs(f)
			if err != nil {
				return err
			}
			if books[abs] {
				return fmt.Errorf("writing the returns into %s would overwrite the issued workbook %s", outDir, f)
			}
			if fi, err := os.Stat(f); err == nil {
				for _, b := range jobs {
					if bi, err := os.Stat(b.b.path); err == nil && os.SameFile(fi, bi) {
						return fmt.Errorf("writing the returns into %s would overwrite the issued workbook %s", outDir, b.b.path)
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
func (j *job) run() error {
	if j.plan.Missing {
		return nil
	}
	r := stream(j.seed, "messy", j.b.unit, j.b.period.Key())
	es, dateAsText := applyEdits(r, j.b, j.es, j.edits, j.at)
	hd := func(date time.Time, reviewer string) retHeader {
		h := j.head
		h.date, h.reviewer = date, reviewer
		if dateAsText {
			h.dateText = dateText(r, date.Year(), int(date.Month()), date.Day())
		}
		return h
	}
	files := j.plan.Files
	if j.plan.Twice {
		// The draft went out before the head of the unit signed it off.
		if err := writeReturn(j.b, files[0], hd(j.draft, ""), draftOf(es)); err != nil {
			return err
		}
		files = files[1:]
	}
	return writeReturn(j.b, files[0], hd(j.head.date, j.head.reviewer), es)
}

// retHeader is the header block of a return.
type retHeader struct {
	filler, phone, reviewer string
	date                    time.Time // midnight UTC of the 填报日期
	dateText                string    // the date typed as text; "" = a real date
}

// writeReturn fills a copy of b's workbook and writes it to path, through
// a temporary file, with the 填报日期 at 17:00 local time as its
// modification time.
func writeReturn(b *issuedBook, path string, h retHeader, es []entry) (err error) {
	f, err := excelize.OpenReader(bytes.NewReader(b.data))
	if err != nil {
		return fmt.Errorf("%s: %w", b.path, err)
	}
	defer f.Close()
	const sheet = fillin.SheetForm
	for _, c := range []struct{ cell, v string }{
		{cellFiller, h.filler}, {cellPhone, h.phone}, {cellReviewer, h.reviewer},
	} {
		if c.v != "" {
			if err := f.SetCellStr(sheet, c.cell, c.v); err != nil {
				return err
			}
		}
	}
	if h.dateText != "" {
		err = f.SetCellStr(sheet, cellDate, h.dateText)
	} else {
		err = f.SetCellValue(sheet, cellDate, h.date)
	}
	if err != nil {
		return err
	}
	for i, e := range es {
		row := b.rows[i].row
		for c := colProgress; c <= colRemark; c++ {
			v := e.at(c)
			if !v.set {
				continue
			}
			cell := fmt.Sprintf("%s%d", letter(c), row)
			if v.num {
				err = f.SetCellFloat(sheet, cell, v.f, -1, 64)
			} else {
				err = f.SetCellStr(sheet, cell, v.s)
			}
			if err != nil {
				return err
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := cells.WriteFileAtomic(path, func(w io.Writer) error {
		_, err := buf.WriteTo(w)
		return err
	}); err != nil {
		return err
	}
	at := time.Date(h.date.Year(), h.date.Month(), h.date.Day(), 17, 0, 0, 0, time.Local)
	return os.Chtimes(path, at, at)
}

// parallel runs fn for 0..n-1 on GOMAXPROCS goroutines and returns their
// errors joined, in index order.
func parallel(n int, fn func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(slices.DeleteFunc(errs, func(e error) bool { return e == nil })...)
}
