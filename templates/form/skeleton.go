package form

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
)

// skeleton is the master workbook taken apart once: its archive, whose
// parts every unit's workbook copies but for the sheets, the shared
// strings and the document properties, and the XML around what differs in
// those sheets. What excelize would add to a sheet and is the same for
// every unit (the data validations, the required columns' headers) is
// made by excelize here too, once.
type skeleton struct {
	zr     *zip.Reader
	st     *styles
	sheets map[string]sheetFrame // by sheet name
	parts  map[string]string     // each sheet's part, by sheet name
	sst    string                // the shared strings part

	// validations are the form sheet's data validations for task rows
	// ending at row lastRowMark; noRows those of a form without tasks.
	validations, noRows string
	// required are the shared string items of the required columns'
	// headers, with a red " *".
	required map[fillin.Col]string
}

// The parts with the document properties.
const (
	partCore   = "docProps/core.xml"
	partCustom = "docProps/custom.xml"
)

// lastRowMark is the last task row in skeleton.validations, where Write
// puts the workbook's own.
var lastRowMark = strconv.Itoa(excelize.TotalRows)

func newSkeleton(data []byte, st *styles) (*skeleton, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	files, sst, err := cells.WorkbookParts(zr)
	if err != nil {
		return nil, err
	}
	parts := cells.Parts(zr)
	if sst == nil || parts[partCore] == nil || parts[partCustom] == nil {
		return nil, fmt.Errorf("the master lacks shared strings or document properties")
	}
	sk := &skeleton{zr: zr, st: st, sheets: map[string]sheetFrame{}, parts: map[string]string{}, sst: sst.Name}
	for _, name := range []string{fillin.SheetGuide, fillin.SheetForm, fillin.SheetMeta} {
		f := files[name]
		if f == nil {
			return nil, fmt.Errorf("the master has no sheet %s", name)
		}
		body, err := cells.ReadPart(f)
		if err != nil {
			return nil, err
		}
		if sk.sheets[name], err = newFrame(string(body)); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		sk.parts[name] = f.Name
	}
	if err := sk.addFragments(); err != nil {
		return nil, err
	}
	return sk, nil
}

// sheetFrame is a sheet's XML around its dimension and its rows, and
// where the data validations go: head, dimension, mid, rows, tail,
// validations, end.
type sheetFrame struct {
	head, mid, tail, end string
}

func newFrame(x string) (sheetFrame, error) {
	const dim, data, endData = `<dimension ref="`, "<sheetData>", "</sheetData>"
	d := strings.Index(x, dim)
	s := strings.Index(x, data)
	e := strings.Index(x, endData)
	if d < 0 || s < d || e < s {
		return sheetFrame{}, fmt.Errorf("no dimension and rows where the writer expects them")
	}
	dimEnd := d + len(dim) + strings.IndexByte(x[d+len(dim):], '"')
	tail := x[e:]
	cut := strings.Index(tail, "<printOptions")
	if cut < 0 {
		cut = strings.Index(tail, "</worksheet>")
	}
	return sheetFrame{head: x[:d+len(dim)], mid: x[dimEnd : s+len(data)], tail: tail[:cut], end: tail[cut:]}, nil
}

// write is the sheet with dimension dim ("A1:O8"), rows and validations.
func (f sheetFrame) write(dim string, rows []byte, validations string) []byte {
	var b bytes.Buffer
	b.Grow(len(f.head) + len(f.mid) + len(rows) + len(f.tail) + len(validations) + len(f.end) + len(dim))
	for _, s := range []string{f.head, dim, f.mid} {
		b.WriteString(s)
	}
	b.Write(rows)
	for _, s := range []string{f.tail, validations, f.end} {
		b.WriteString(s)
	}
	return b.Bytes()
}

// addFragments has excelize write the form's validations and the required
// columns' headers into a scratch workbook, and keeps their XML.
func (sk *skeleton) addFragments() error {
	f := excelize.NewFile()
	defer f.Close()
	const rows, noRows = "Sheet1", "Sheet2"
	if _, err := f.NewSheet(noRows); err != nil {
		return err
	}
	if err := addValidations(f, rows, excelize.TotalRows, true); err != nil {
		return err
	}
	if err := addValidations(f, noRows, 0, false); err != nil {
		return err
	}
	var required []fillin.Col
	for c := fillin.ColLabel; c < fillin.NumCols; c++ {
		if fillin.Columns[c].Required {
			if err := f.SetCellRichText(rows, cells.CellName(len(required)+1, 1), requiredHeader(fillin.Columns[c].Header)); err != nil {
				return err
			}
			required = append(required, c)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	sheets, sst, err := cells.WorkbookParts(zr)
	if err != nil {
		return err
	}
	dv := regexp.MustCompile(`<dataValidations[ >][\s\S]*</dataValidations>`)
	for _, v := range []struct {
		sheet string
		to    *string
	}{{rows, &sk.validations}, {noRows, &sk.noRows}} {
		body, err := cells.ReadPart(sheets[v.sheet])
		if err != nil {
			return err
		}
		*v.to = string(dv.Find(body))
	}
	if strings.Count(sk.validations, lastRowMark) != 2 || sk.noRows == "" {
		return fmt.Errorf("unexpected data validations: %s", sk.validations)
	}
	body, err := cells.ReadPart(sst)
	if err != nil {
		return err
	}
	items := regexp.MustCompile(`<si>[\s\S]*?</si>`).FindAll(body, -1)
	if len(items) != len(required) {
		return fmt.Errorf("%d rich text headers written, %d read back", len(required), len(items))
	}
	sk.required = map[fillin.Col]string{}
	for i, c := range required {
		sk.required[c] = string(items[i])
	}
	return nil
}

// formValidations are the form's validations when its task rows end at
// row last (none when last < fillin.RowFirst).
func (sk *skeleton) formValidations(last int) string {
	if last < fillin.RowFirst {
		return sk.noRows
	}
	return strings.ReplaceAll(sk.validations, lastRowMark, strconv.Itoa(last))
}
