package samplefix

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/parallel"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample"
)

// Options and Plan are sample's, for the tests that start from files and
// need nothing else of it.
type (
	Options = sample.Options
	Plan    = sample.Plan
)

// FillReturns is sample.Fill for issued workbooks on disk: it reads each of
// paths (never modifying it; see ReadBook) and writes into outDir what the
// units send back. The demo, which has just written its workbooks, knows
// them without reading (sample.BooksOf); tests start from files.
func FillReturns(paths []string, outDir string, opts sample.Options) ([]sample.Plan, error) {
	books := make([]*sample.Book, len(paths))
	if err := parallel.Each(len(paths), func(i int) (err error) {
		books[i], err = ReadBook(paths[i])
		return err
	}); err != nil {
		return nil, err
	}
	return sample.Fill(books, outDir, opts)
}

// ReadBook reads an issued workbook without modifying it: its unit,
// period and deadline from the hidden sheet (the 填报单位 cell names the
// unit when set) and its task rows from the 填报表 sheet, whose column
// headers it checks, so that a change of the layout fails loudly here
// rather than filling the wrong cells.
func ReadBook(path string) (*sample.Book, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	b := &sample.Book{Path: path}
	meta, err := f.GetRows(fillin.SheetMeta, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%s: no %s sheet, not an issued fill-in workbook: %w", path, fillin.SheetMeta, err)
	}
	readMeta(b, meta)
	unitCell := fmt.Sprintf("%c%d", 'A'+rune(fillin.ColContent), fillin.RowUnit)
	if u, err := f.GetCellValue(fillin.SheetForm, unitCell); err == nil && strings.TrimSpace(u) != "" {
		b.Unit = strings.TrimSpace(u)
	}
	if b.Unit == "" {
		return nil, fmt.Errorf("%s: no unit in %s or the %s sheet", path, unitCell, fillin.SheetMeta)
	}
	rows, err := f.GetRows(fillin.SheetForm, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) < fillin.RowHeader {
		return nil, fmt.Errorf("%s: the %s sheet has no header row", path, fillin.SheetForm)
	}
	for c, col := range fillin.Columns {
		got := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(cell(rows[fillin.RowHeader-1], c)), "*"))
		if got != col.Header {
			return nil, fmt.Errorf("%s: column %d of row %d is %q, want %q: the fill-in layout changed", path, c+1, fillin.RowHeader, got, col.Header)
		}
	}
	for i := fillin.RowFirst - 1; i < len(rows); i++ {
		r := rows[i]
		id := strings.TrimSpace(cell(r, int(fillin.ColID)))
		if id == "" {
			continue
		}
		tr := sample.TaskRow{
			Row: i + 1, ID: id, Label: cell(r, int(fillin.ColLabel)), Content: cell(r, int(fillin.ColContent)),
			Role: cell(r, int(fillin.ColRole)), Others: cell(r, int(fillin.ColOthers)), Deadline: cell(r, int(fillin.ColDeadline)),
		}
		for _, t := range strings.Split(cell(r, int(fillin.ColTargets)), "\n") {
			if t = strings.TrimSpace(t); t != "" {
				tr.Targets = append(tr.Targets, t)
			}
		}
		b.Rows = append(b.Rows, tr)
	}
	return b, nil
}

// readMeta takes the unit, period and deadline from the hidden sheet's
// rows.
func readMeta(b *sample.Book, meta [][]string) {
	for _, r := range meta {
		if len(r) < 2 {
			continue
		}
		v := strings.TrimSpace(r[1])
		switch r[0] {
		case fillin.MetaUnit:
			b.Unit = v
		case fillin.MetaPeriod:
			if p, err := period.Parse(v); err == nil {
				b.Period = p
			}
		case fillin.MetaDue:
			if d, err := time.Parse(time.DateOnly, v); err == nil {
				b.Due = d
			}
		}
	}
}

func cell(r []string, c int) string {
	if c < len(r) {
		return r[c]
	}
	return ""
}
