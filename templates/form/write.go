package form

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// minSecret is the shortest signing key Write accepts.
const minSecret = 16

// Options are the settings shared by every workbook of a round.
type Options struct {
	Period period.Period
	Due    time.Time // return deadline; zero = none
	Secret []byte    // the office's workspace key for signatures (≥16 bytes)
	Now    time.Time // pinned timestamp for workbook properties (deterministic output)
}

func (o Options) check() error {
	if o.Period.IsZero() {
		return errors.New("fill-in workbook: no period")
	}
	if len(o.Secret) < minSecret {
		return fmt.Errorf("fill-in workbook: signing key has %d bytes, need at least %d", len(o.Secret), minSecret)
	}
	return nil
}

// checkItems refuses assignments fillin.Check could not read back: rows without a
// task or with an empty or repeated task ID.
func checkItems(a fillin.Assignment) error {
	seen := map[string]bool{}
	for _, it := range a.Items {
		switch {
		case it.Task == nil:
			return fmt.Errorf("fill-in workbook for %s: item without a task", a.Unit)
		case strings.TrimSpace(it.Task.ID) == "":
			return fmt.Errorf("fill-in workbook for %s: task %q has no ID", a.Unit, it.Task.Label())
		case seen[it.Task.ID]:
			return fmt.Errorf("fill-in workbook for %s: task ID %s appears twice", a.Unit, it.Task.ID)
		}
		seen[it.Task.ID] = true
	}
	return nil
}

// Written is one workbook WriteAll wrote.
type Written struct {
	Unit, Path string
	Items      int
}

// WriteAll writes one workbook per assignment into dir, which must exist,
// named by fillin.FileNames. Each file is written under a temporary name and
// renamed, so a failed run never leaves a broken workbook behind. Nothing
// is written when a path holds anything but a blank fill-in workbook (see
// checkTargets); the error is then an *outfile.Error. The results are in
// the order of units.
func WriteAll(dir string, units []fillin.Assignment, opts Options) ([]Written, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("write fill-in workbooks: %s is not a directory", dir)
	}
	for _, a := range units {
		if err := checkItems(a); err != nil {
			return nil, err
		}
	}
	if _, _, err := master(); err != nil {
		return nil, err
	}
	names := fillin.FileNames(units, opts.Period)
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
	}
	if err := checkTargets(dir, paths); err != nil {
		return nil, err
	}
	out := make([]Written, len(units))
	errs := make([]error, len(units))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(units), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				path := paths[i]
				errs[i] = WriteFile(path, units[i], opts)
				out[i] = Written{Unit: units[i].Unit, Path: path, Items: len(units[i].Items)}
			}
		}()
	}
	for i := range units {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// WriteFile writes a's workbook to path through a temporary file, so a
// failed write never leaves a broken workbook at path.
func WriteFile(path string, a fillin.Assignment, opts Options) error {
	var werr error
	err := cells.WriteFileAtomic(path, func(w io.Writer) error {
		werr = Write(w, a, opts)
		return werr
	})
	if err != nil && werr == nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return err
}

// Write writes a's fill-in workbook to w.
func Write(w io.Writer, a fillin.Assignment, opts Options) error {
	if err := opts.check(); err != nil {
		return err
	}
	if err := checkItems(a); err != nil {
		return err
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now().Truncate(time.Second)
	}
	data, st, err := master()
	if err != nil {
		return err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("write fill-in workbook for %s: %w", a.Unit, err)
	}
	defer f.Close()
	if err := fill(f, st, a, opts); err != nil {
		return fmt.Errorf("write fill-in workbook for %s: %w", a.Unit, err)
	}
	if err := cells.SaveEdited(f, w, masterForm, growingRows); err != nil {
		return fmt.Errorf("write fill-in workbook for %s: %w", a.Unit, err)
	}
	return nil
}

// customHeight is a row's mark that its height was set by hand.
var customHeight = regexp.MustCompile(`(<row r="(\d+)"[^>]*?) customHeight="(?:true|1)"`)

// growingRows takes the custom-height mark off the task rows of the form
// sheet's XML, which excelize sets with every height. Excel and WPS fit a
// row without it to its text when a cell of the row is edited, so a long
// 本期进展 typed in shows whole; until then the row keeps the height
// written, which leaves room to type.
func growingRows(sheet []byte) []byte {
	var out []byte
	last := 0
	for _, m := range customHeight.FindAllSubmatchIndex(sheet, -1) {
		if row, _ := strconv.Atoi(string(sheet[m[4]:m[5]])); row >= fillin.RowFirst {
			out = append(append(out, sheet[last:m[0]]...), sheet[m[2]:m[3]]...)
			last = m[1]
		}
	}
	return append(out, sheet[last:]...)
}

// fill writes a's content into a copy of the master workbook.
func fill(f *excelize.File, st *styles, a fillin.Assignment, opts Options) error {
	multi := fillin.MultiDoc(a)
	rows := make([]fillin.SignedRow, len(a.Items))
	for i, it := range a.Items {
		rows[i] = fillin.SignedRow{ID: it.Task.ID, Values: fillin.ItemValues(it, a.Unit, multi)}
	}
	sig := fillin.Signature(opts.Secret, a.Unit, opts.Period.Key(), rows)
	guideEnd, err := writeGuide(f, st, a, opts)
	if err != nil {
		return err
	}
	if err := writeForm(f, st, a, opts, rows); err != nil {
		return err
	}
	metaEnd, err := writeMeta(f, st, a, opts, rows, sig)
	if err != nil {
		return err
	}
	// The master's <dimension> says A1; readers that trust it (some do)
	// would see empty sheets. The form's cells run to the task ID column,
	// from the header row to the last task.
	formEnd, _ := excelize.CoordinatesToCellName(int(fillin.NumCols), max(fillin.RowHeader, fillin.RowFirst+len(a.Items)-1))
	for _, d := range [][2]string{{fillin.SheetGuide, guideEnd}, {fillin.SheetForm, formEnd}, {fillin.SheetMeta, metaEnd}} {
		if err := f.SetSheetDimension(d[0], "A1:"+d[1]); err != nil {
			return err
		}
	}
	stamp := opts.Now.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          formTitle(a),
		Subject:        a.Unit + " " + opts.Period.String(),
		Creator:        "taizhang",
		LastModifiedBy: "taizhang",
		Keywords:       fillin.Version,
		Description:    "由 taizhang 生成的填报表，请勿改动表格结构。",
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
	}); err != nil {
		return err
	}
	for _, p := range []excelize.CustomProperty{
		{Name: fillin.PropVersion, Value: fillin.Version},
		{Name: fillin.PropUnit, Value: a.Unit},
		{Name: fillin.PropPeriod, Value: opts.Period.Key()},
		{Name: fillin.PropSignature, Value: sig},
		{Name: fillin.PropKeyID, Value: fillin.KeyID(opts.Secret)},
		{Name: outfile.Property, Value: string(outfile.FillIn)},
	} {
		if err := f.SetCustomProps(p); err != nil {
			return err
		}
	}
	return nil
}

// dueText is the deadline as the workbook shows it.
func dueText(due time.Time) string {
	if due.IsZero() {
		return "请按办公室通知时间报送"
	}
	return period.ChineseDate(due)
}

// setCell writes a string with a style; an empty string leaves the cell
// without a value.
func setCell(f *excelize.File, sheet string, col, row int, v string, style int) error {
	cell, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
		return err
	}
	if v == "" {
		return nil
	}
	return f.SetCellStr(sheet, cell, v)
}
