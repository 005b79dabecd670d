package sample

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/report/cells"
	"github.com/taizhang-dev/taizhang/report/fillin"
	"github.com/taizhang-dev/taizhang/report/period"
)

// Options for FillReturns.
type Options struct {
	// Period is the reporting round; zero = the period each workbook's
	// hidden sheet names.
	Period period.Period
	// Due is the return deadline; zero = the workbook's own deadline, else
	// five days after the period ends.
	Due time.Time
	// Seed makes the choices: the same seed gives the same returns.
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
}

// Shares of the round.
const (
	shareMissing = 0.10
	shareLate    = 0.15
	shareMessy   = 0.35
	// minMix is the number of workbooks from which every kind of return
	// occurs at least once.
	minMix = 5
)

// FillReturns reads each issued workbook in books (never modifying them)
// and writes into outDir, which it creates, what the units send back: most
// on time and complete; about 15% late; about 10% missing; one unit sends a
// draft and then a corrected "…(修改版).xlsx"; one renames its file; about a
// third type some cells the way people do (80% as text, full-width ８０, 0.6,
// 完成, 基本完成, 正常推进, trailing spaces, an empty required cell, 滞后
// without 存在问题, 已完成 below 100%, the date as text). With at least five
// books every kind occurs. Only input cells are written, so the signature
// stays valid; each file's modification time is its 填报日期 at 17:00 local
// time. FillReturns never overwrites a book and does not remove other files
// in outDir. The plans are in the order of books.
func FillReturns(books []string, outDir string, opts Options) ([]Plan, error) {
	issued := make([]*issuedBook, len(books))
	if err := parallel(len(books), func(i int) (err error) {
		issued[i], err = readBook(books[i])
		return err
	}); err != nil {
		return nil, err
	}
	jobs := planRound(issued, opts.Seed)
	if err := nameFiles(jobs, outDir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, err
	}
	if err := parallel(len(jobs), func(i int) error { return jobs[i].run(opts) }); err != nil {
		return nil, err
	}
	plans := make([]Plan, len(jobs))
	for i, j := range jobs {
		plans[i] = j.plan
	}
	return plans, nil
}

// job is one unit's part of the round.
type job struct {
	b     *issuedBook
	plan  Plan
	edits []edit
	seed  int64
}

// planRound decides, for the whole round, who is late, missing, messy,
// sends twice or renames; the cell values are chosen later per workbook.
func planRound(books []*issuedBook, seed int64) []*job {
	r := rand.New(rand.NewPCG(uint64(seed), 0x726f756e64)) // "round"
	n := len(books)
	jobs := make([]*job, n)
	for i, b := range books {
		jobs[i] = &job{b: b, seed: seed, plan: Plan{Book: b.path, Unit: b.unit}}
	}
	atLeast := func(share float64) int {
		k := int(math.Round(share * float64(n)))
		if n >= minMix {
			k = max(k, 1)
		}
		return k
	}
	perm := r.Perm(n)
	// The units that stay silent are small ones, as in practice the big
	// lead units rarely miss a round: books with more rows than the median
	// move to the back of the draw, keeping its order otherwise.
	sizes := make([]int, n)
	for i, b := range books {
		sizes[i] = len(b.rows)
	}
	median := slices.Clone(sizes)
	slices.Sort(median)
	if n > 0 {
		m := median[n/2]
		slices.SortStableFunc(perm, func(a, b int) int {
			return cmpBool(sizes[a] > m, sizes[b] > m)
		})
	}
	nMissing, nLate := atLeast(shareMissing), atLeast(shareLate)
	for _, i := range perm[:nMissing] {
		jobs[i].plan.Missing = true
	}
	for _, i := range perm[nMissing : nMissing+nLate] {
		jobs[i].plan.Late = true
	}
	returned := perm[nMissing:]
	onTime := perm[nMissing+nLate:]
	// The unit that sends twice is an on-time one; the one that renames is
	// another.
	special := append(slices.Clone(onTime), perm[nMissing:nMissing+nLate]...)
	if len(special) > 0 {
		jobs[special[0]].plan.Twice = true
	}
	if len(special) > 1 {
		jobs[special[1]].plan.Renamed = true
	}
	// Messy returns, and which kinds of messy typing each has: dealt from
	// a shuffled deck so that every kind occurs once there are enough.
	if len(returned) == 0 {
		return jobs
	}
	nMessy := int(math.Round(shareMessy * float64(len(returned))))
	if n >= minMix {
		nMessy = max(nMessy, 1)
	}
	messy := slices.Clone(returned)
	r.Shuffle(len(messy), func(i, j int) { messy[i], messy[j] = messy[j], messy[i] })
	messy = messy[:nMessy]
	slices.Sort(messy)
	per := 0
	if nMessy > 0 {
		per = min(max(2, (int(numEdits)+nMessy-1)/nMessy), 5)
	}
	var deck []edit
	refill := func() {
		for _, k := range r.Perm(int(numEdits)) {
			deck = append(deck, edit(k))
		}
	}
	for _, i := range messy {
		j := jobs[i]
		want := per + r.IntN(2)
		rowsLeft := len(j.b.rows)
	deal:
		for len(j.edits) < want {
			for range 2 {
				if len(deck) == 0 {
					refill()
				}
				for d, k := range deck {
					if slices.Contains(j.edits, k) || !k.applicable(j.b) || k.rowEdit() && rowsLeft == 0 {
						continue
					}
					deck = slices.Delete(deck, d, d+1)
					j.edits = append(j.edits, k)
					if k.rowEdit() {
						rowsLeft--
					}
					continue deal
				}
				refill()
			}
			break // nothing more applies to this workbook
		}
	}
	// A kind no messy workbook could take (editCurrentText needs a row with
	// one target) goes to another returned workbook that can, if any.
	for k := range numEdits {
		if slices.ContainsFunc(messy, func(i int) bool { return slices.Contains(jobs[i].edits, k) }) {
			continue
		}
		for _, i := range slices.Concat(messy, returned) {
			j := jobs[i]
			if !k.applicable(j.b) || k.rowEdit() && rowEdits(j.edits) >= len(j.b.rows) {
				continue
			}
			j.edits = append(j.edits, k)
			if !slices.Contains(messy, i) {
				messy = append(messy, i)
			}
			break
		}
	}
	for _, i := range messy {
		slices.Sort(jobs[i].edits) // the most constrained (editCurrentText) first
	}
	return jobs
}

func rowEdits(es []edit) int {
	n := 0
	for _, k := range es {
		if k.rowEdit() {
			n++
		}
	}
	return n
}

// nameFiles names each job's returns and makes sure no return overwrites
// an issued workbook or another return.
func nameFiles(jobs []*job, outDir string) error {
	books := map[string]bool{}
	for _, j := range jobs {
		abs, err := filepath.Abs(j.b.path)
		if err != nil {
			return err
		}
		books[abs] = true
	}
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
	for _, j := range jobs {
		if j.plan.Missing {
			continue
		}
		base := filepath.Base(j.b.path)
		ext := filepath.Ext(base)
		names := []string{base}
		switch {
		case j.plan.Twice:
			names = append(names, strings.TrimSuffix(base, ext)+"(修改版)"+ext)
		case j.plan.Renamed:
			continue
		}
		for _, n := range names {
			if !claim(n) {
				return fmt.Errorf("two issued workbooks are named %s", n)
			}
			j.plan.Files = append(j.plan.Files, filepath.Join(outDir, n))
		}
	}
	for _, j := range jobs {
		if !j.plan.Renamed {
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
		j.plan.Files = append(j.plan.Files, filepath.Join(outDir, name))
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

// unitKey seeds a workbook's own random source from its unit and name, so
// its content depends neither on the other workbooks nor on scheduling.
func unitKey(b *issuedBook) uint64 {
	h := fnv.New64a()
	h.Write([]byte(b.unit))
	h.Write([]byte{0})
	h.Write([]byte(filepath.Base(b.path)))
	return h.Sum64()
}

// run fills in and writes one unit's returns.
func (j *job) run(opts Options) error {
	if j.plan.Missing {
		return nil
	}
	b := j.b
	p := opts.Period
	if p.IsZero() {
		p = b.period
	}
	if p.IsZero() {
		return fmt.Errorf("%s: no period given and none in the workbook", b.path)
	}
	due := opts.Due
	if due.IsZero() {
		due = b.due
	}
	if due.IsZero() {
		due = p.End().AddDate(0, 0, 5)
	}
	y, m, d := due.Date()
	dueDay := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)

	r := rand.New(rand.NewPCG(uint64(j.seed), unitKey(b)))
	filler, tel, reviewer := personName(r), phone(r), personName(r)
	sched := schedule(p)
	es := make([]entry, len(b.rows))
	for i, t := range b.rows {
		es[i] = genRow(r, t, pickState(r, t, sched), sched)
	}
	applied, dateAsText := applyEdits(r, b, es, j.edits, sched)
	j.plan.Messy = applied > 0
	var date time.Time
	switch {
	case j.plan.Late:
		date = dueDay.AddDate(0, 0, 1+r.IntN(7))
	case j.plan.Twice:
		date = dueDay.AddDate(0, 0, -r.IntN(3))
	default:
		date = dueDay.AddDate(0, 0, -r.IntN(6))
	}
	hd := func(date time.Time, reviewer string) retHeader {
		h := retHeader{filler: filler, phone: tel, reviewer: reviewer, date: date}
		if dateAsText {
			h.dateText = dateText(r, date.Year(), int(date.Month()), date.Day())
		}
		return h
	}
	files := j.plan.Files
	if j.plan.Twice {
		draft := date.AddDate(0, 0, -2-r.IntN(3))
		// The draft went out before the head of the unit signed it off.
		if err := writeReturn(b, files[0], hd(draft, ""), draftOf(es)); err != nil {
			return err
		}
		files = files[1:]
	}
	return writeReturn(b, files[0], hd(date, reviewer), es)
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

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
