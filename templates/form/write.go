package form

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/parallel"
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
	if _, err := master(); err != nil {
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
	if err := parallel.Each(len(units), func(i int) error {
		out[i] = Written{Unit: units[i].Unit, Path: paths[i], Items: len(units[i].Items)}
		return WriteFile(paths[i], units[i], opts)
	}); err != nil {
		return nil, err
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
	sk, err := master()
	if err != nil {
		return err
	}
	data, err := sk.write(a, opts)
	if err != nil {
		return fmt.Errorf("write fill-in workbook for %s: %w", a.Unit, err)
	}
	_, err = w.Write(data)
	return err
}

// write is a's workbook: the master's archive with a's sheets, their
// shared strings and the document properties written anew.
func (sk *skeleton) write(a fillin.Assignment, opts Options) ([]byte, error) {
	multi := fillin.MultiDoc(a)
	rows := make([]fillin.SignedRow, len(a.Items))
	for i, it := range a.Items {
		rows[i] = fillin.SignedRow{ID: it.Task.ID, Values: fillin.ItemValues(it, a.Unit, multi)}
	}
	sig := fillin.Signature(opts.Secret, a.Unit, opts.Period.Key(), rows)
	// The shared strings are numbered as the sheets use them, in order.
	sst := newSharedStrings()
	guide, form, meta := &sheetData{sst: sst}, &sheetData{sst: sst}, &sheetData{sst: sst}
	guideEnd := writeGuide(guide, sk.st, a, opts)
	writeForm(form, sk, a, opts, rows)
	metaEnd := writeMeta(meta, sk.st, a, opts, rows, sig)
	// The cells of the form run to the task ID column, from the header row
	// to the last task.
	last := fillin.RowFirst + len(a.Items) - 1
	formEnd := cells.CellName(int(fillin.NumCols), max(fillin.RowHeader, last))
	parts := map[string][]byte{
		sk.parts[fillin.SheetGuide]: sk.sheets[fillin.SheetGuide].write("A1:"+guideEnd, guide.bytes(), ""),
		sk.parts[fillin.SheetForm]:  sk.sheets[fillin.SheetForm].write("A1:"+formEnd, form.bytes(), sk.formValidations(last)),
		sk.parts[fillin.SheetMeta]:  sk.sheets[fillin.SheetMeta].write("A1:"+metaEnd, meta.bytes(), ""),
		sk.sst:                      sst.part(),
		partCore:                    coreProps(a, opts),
		partCustom:                  customProps(a, opts, sig),
	}
	return cells.RewriteZip(sk.zr, func(f *zip.File) ([]byte, bool, error) {
		body, ok := parts[f.Name]
		return body, ok, nil
	})
}

// dueText is the deadline as the workbook shows it.
func dueText(due time.Time) string {
	if due.IsZero() {
		return "请按办公室通知时间报送"
	}
	return period.ChineseDate(due)
}
