package fillin

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
)

// Sheets is a workbook opened with the reader Check uses, for the values
// of its sheets: another stage reads a workbook back without excelize,
// which parses every part of it and decodes a sheet whole before giving
// its rows.
type Sheets struct{ b *book }

// Merge is a merged range, 1-based, from its top-left cell to its
// bottom-right one.
type Merge struct{ FromCol, FromRow, ToCol, ToRow int }

// OpenSheets opens the .xlsx in data. Its parts may unpack to
// cells.MaxUnzipSize, the limit of a workbook opened with excelize; an
// archive beyond it, counting every part its directory lists as excelize
// counts them, gives an error wrapping cells.ErrUnzipTooLarge.
func OpenSheets(data []byte) (*Sheets, error) {
	b, err := openBookWithin(data, sheetsLimits)
	if err != nil {
		return nil, sheetsError(err)
	}
	return &Sheets{b: b}, nil
}

// OpenSheetsAt is OpenSheets of the size bytes r reads, read where they
// are (a file): only the parts asked for are read, and the file is never
// in memory whole.
func OpenSheetsAt(r io.ReaderAt, size int64) (*Sheets, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, err
	}
	b, err := openZip(zr, nil, sheetsLimits)
	if err != nil {
		return nil, sheetsError(err)
	}
	return &Sheets{b: b}, nil
}

// sheetsLimits are the limits of a workbook opened as Sheets.
var sheetsLimits = bookLimits{part: cells.MaxUnzipSize, total: cells.MaxUnzipSize, rows: excelize.TotalRows, archive: cells.MaxUnzipSize}

func sheetsError(err error) error {
	if errors.Is(err, errTooLarge) {
		return fmt.Errorf("%w: %w", cells.ErrUnzipTooLarge, err)
	}
	return err
}

// Names are the names of the sheets, in the workbook's order.
func (s *Sheets) Names() []string {
	names := make([]string, len(s.b.sheets))
	for i, sh := range s.b.sheets {
		names[i] = sh.name
	}
	return names
}

// Has reports whether the workbook has a sheet called name, matched
// without case as Excel matches it.
func (s *Sheets) Has(name string) bool { return s.sheet(name) != nil }

func (s *Sheets) sheet(name string) *bookSheet {
	for i, sh := range s.b.sheets {
		if strings.EqualFold(sh.name, name) {
			return &s.b.sheets[i]
		}
	}
	return nil
}

// Hidden reports whether the sheet called name is hidden or very hidden.
func (s *Sheets) Hidden(name string) bool {
	sh := s.sheet(name)
	return sh != nil && sh.state != "" && sh.state != "visible"
}

// Date1904 reports whether the workbook counts dates from 1904.
func (s *Sheets) Date1904() bool { return s.b.date1904 }

// Rows returns the raw values of the sheet called name as excelize's
// GetRows gives them with RawCellValue (rows[i] is row i+1, without its
// empty cells at the end, and no empty rows at the end), and its merged
// ranges. A sheet the workbook does not have, or whose part is missing,
// is an error.
func (s *Sheets) Rows(name string) (rows [][]string, merges []Merge, err error) {
	sd, err := s.read(name, false)
	if err != nil {
		return nil, nil, err
	}
	rows, merges = sd.rowsAndMerges()
	return rows, merges, nil
}

// Place is a cell's place in its sheet, 1-based.
type Place struct{ Row, Col int }

// Table is a sheet read by Sheets.Table.
type Table struct {
	Rows   [][]string // as Sheets.Rows gives them
	Merges []Merge
	// Dates holds, by place, what the number format of each number
	// cell that shows a date only to its year or month shows of it
	// (YearShown, MonthShown): such a cell's raw value is the first day
	// of that year or month.
	Dates map[Place]DateShown
}

// Table reads the sheet called name as Rows does, and what its number
// formats show of the dates they show only in part. The workbook's styles
// are read once, on the first number cell.
func (s *Sheets) Table(name string) (*Table, error) {
	sd, err := s.read(name, true)
	if err != nil {
		return nil, err
	}
	rows, merges := sd.rowsAndMerges()
	return &Table{Rows: rows, Merges: merges, Dates: sd.dates}, nil
}

// read reads the sheet called name for its values (and withDates, see
// readSheetValues).
func (s *Sheets) read(name string, withDates bool) (*sheetData, error) {
	part, err := s.sheetPart(name)
	if err != nil {
		return nil, err
	}
	sd, err := s.b.readSheetValues(part, withDates)
	if err != nil {
		return nil, sheetsError(err)
	}
	if sd.clipped {
		return nil, ErrClipped
	}
	return sd, nil
}

// rowsAndMerges lays out a sheet read for its values as Rows gives it.
func (sd *sheetData) rowsAndMerges() (rows [][]string, merges []Merge) {
	vals, nums := sd.valueRows()
	for i, v := range vals {
		if len(v) == 0 {
			continue
		}
		for len(rows) < nums[i]-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, v)
	}
	for _, m := range sd.merges {
		merges = append(merges, Merge{m.c1, m.r1, m.c2, m.r2})
	}
	return rows, merges
}

// ErrClipped is the error, in Chinese, for a sheet with cells beyond Excel's limits:
// Excel cannot write such a sheet, and reading it in part would drop what
// lies beyond without a word.
var ErrClipped = fmt.Errorf("工作表有超出 Excel 最大行数（%d）或最大列（XFD）、无法定位的单元格，不是 Excel/WPS 能保存的文件", excelize.TotalRows)

// sheetPart is the part of the sheet called name; a sheet the workbook
// does not have, or whose part is missing, is an error.
func (s *Sheets) sheetPart(name string) (string, error) {
	sh := s.sheet(name)
	if sh == nil {
		return "", fmt.Errorf("sheet %s does not exist", name)
	}
	if s.b.zipPart(sh.part) == nil {
		// As excelize refuses it: the workbook lists a sheet it lacks.
		return "", fmt.Errorf("the part of sheet %s is missing", name)
	}
	return sh.part, nil
}

// EachRow gives fn the rows of the sheet called name as Rows gives them,
// one at a time as they are read, so that the sheet is never held whole:
// num is the row's 1-based number, vals its values (reused once fn
// returns). Empty rows are not given. ok is false, after fn was maybe
// given some rows, when the sheet cannot be given in one pass in order
// (it names a row out of order or twice, or is XML the scanner leaves to
// encoding/xml): Rows must read it then. Errors are those of Rows.
func (s *Sheets) EachRow(name string, fn func(num int, vals []string)) (ok bool, err error) {
	part, err := s.sheetPart(name)
	if err != nil {
		return false, err
	}
	f := s.b.zipPart(part)
	var r *sheetReader
	err = s.b.streamTokens(f, func() xmlEvents {
		again := r != nil // rows were maybe given already
		r = &sheetReader{b: s.b, sd: &sheetData{}, rowCap: rowCells, valuesOnly: true, give: fn, broken: again}
		return r
	})
	if err != nil {
		return false, sheetsError(err)
	}
	r.keepValue()
	if r.broken {
		return false, nil
	}
	r.giveRow()
	if r.sd.clipped {
		return false, ErrClipped
	}
	return true, nil
}
