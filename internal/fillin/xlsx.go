package fillin

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"io"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
)

// A small read-only .xlsx reader for Check. Opening a return with excelize
// unzips and parses every part and then parses the sheet twice (once for
// values, once for formulas and styles); this reader unzips only the parts
// it needs and makes one pass over each with the XML tokenizer, about five
// times faster. It reads raw values, as written: numbers as stored, shared
// and inline strings, the presence of a formula, the style's number format
// and merged ranges. Element names are matched without their namespace, so
// strict OOXML and prefixed elements read the same.

// Limits that keep a hostile file from exhausting memory.
const (
	maxPartSize  = 64 << 20 // one uncompressed part
	maxTotalSize = maxUnzip // all parts read
	maxRows      = 100000   // rows kept per sheet
	maxCol       = 16384    // Excel's last column, XFD
)

var (
	errTooLarge   = errors.New("file too large")
	errNoWorkbook = errors.New("no workbook part")
)

// book is an opened workbook.
type book struct {
	zip      map[string]*zip.File // by lower-case part name
	data     []byte               // the file
	read     int64                // bytes unzipped so far
	sheets   []bookSheet
	sst      []string
	styles   string         // styles part, read on first use
	numFmts  []int          // number format ID per cell style
	fmtCodes map[int]string // custom number formats
	shown    []DateShown    // what each cell style shows of a date, made on first use
	date1904 bool
	custom   map[string]string
	limits   bookLimits
}

// bookLimits bound what a book unzips and keeps.
type bookLimits struct {
	part, total int64 // bytes of one part, of all parts read
	rows        int   // rows kept per sheet
	// archive bounds all parts as the archive's directory declares their
	// sizes, read or not, as excelize bounds them; 0 for no bound.
	archive int64
}

// returnLimits are the limits for a return.
var returnLimits = bookLimits{part: maxPartSize, total: maxTotalSize, rows: maxRows}

type bookSheet struct {
	name, state, part string
}

// sheetData is one worksheet: its non-empty rows in order and its merged
// ranges.
type sheetData struct {
	rows   []sheetRow
	merges []mergeRange
	// clipped is set when the sheet has rows or cells beyond the limits,
	// which were not kept.
	clipped bool
	// dates, when not nil, gets the numeric cells whose number format
	// shows a date only to its year or month (readSheetValues).
	dates map[Place]DateShown
}

type sheetRow struct {
	num   int // 1-based row number
	cells []sheetCell
	// vals and last are the row of a sheet read for its values only
	// (readSheetValues), which keeps no cells: the values by column, and
	// the last column given a value that is not empty.
	vals []string
	last int
}

type sheetCell struct {
	col     int    // 1-based
	value   string // raw value
	typ     string // the t attribute: "", n, s, str, inlineStr, b, e, d
	style   int
	formula string // "=" when a formula has no text (a shared formula)
}

// rowCells is the room made for a row's cells: the 填报表 has 15 columns.
const rowCells = 16

// maxRowCells is the most room made for a row's cells from the sheet's
// dimension.
const maxRowCells = 64

type mergeRange struct{ c1, r1, c2, r2 int }

func (r mergeRange) start() string {
	s, _ := excelize.CoordinatesToCellName(r.c1, r.r1)
	return s
}

// numeric reports whether the cell holds a number.
func (c sheetCell) numeric() bool { return c.typ == "" || c.typ == "n" }

func openBook(data []byte) (*book, error) { return openBookWithin(data, returnLimits) }

func openBookWithin(data []byte, limits bookLimits) (*book, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	return openZip(zr, data, limits)
}

// openZip opens the workbook in zr; data is the file when it is in memory,
// nil when zr reads it where it is (the styles are then not cached).
func openZip(zr *zip.Reader, data []byte, limits bookLimits) (*book, error) {
	b := &book{zip: map[string]*zip.File{}, data: data, limits: limits}
	declared := uint64(0)
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		if limits.archive > 0 && declared > uint64(limits.archive) {
			return nil, errTooLarge
		}
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))
		if _, dup := b.zip[name]; !dup {
			b.zip[name] = f
		}
	}
	wbPart := "xl/workbook.xml"
	if rels, err := b.rels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				wbPart = r.target
			}
		}
	}
	if err := b.readWorkbook(wbPart); err != nil {
		return nil, err
	}
	return b, nil
}

// part returns the uncompressed bytes of a part, nil if there is none.
func (b *book) part(name string) ([]byte, error) {
	f := b.zipPart(name)
	if f == nil {
		return nil, nil
	}
	if err := b.admit(f); err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := cells.ReadAllSized(io.LimitReader(rc, b.limits.part+1), int(f.UncompressedSize64))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > b.limits.part {
		return nil, errTooLarge
	}
	b.read += int64(len(data))
	return data, nil
}

// zipPart is the zip entry of a part, nil if there is none.
func (b *book) zipPart(name string) *zip.File {
	return b.zip[strings.ToLower(strings.TrimPrefix(name, "/"))]
}

// admit refuses a part whose size, as the zip directory gives it, would
// take the book beyond the limits.
func (b *book) admit(f *zip.File) error {
	if f.UncompressedSize64 > uint64(b.limits.part) || b.read+int64(f.UncompressedSize64) > b.limits.total {
		return errTooLarge
	}
	return nil
}

type rel struct{ id, typ, target string }

// rels reads a relationships part; targets are resolved against dir.
func (b *book) rels(name, dir string) ([]rel, error) {
	data, err := b.part(name)
	if err != nil || data == nil {
		return nil, err
	}
	var out []rel
	err = eachStart(data, func() { out = nil }, func(se *tag) {
		if se.local != "Relationship" {
			return
		}
		r := rel{id: se.attr("Id"), typ: se.attr("Type"), target: se.attr("Target")}
		if strings.EqualFold(se.attr("TargetMode"), "External") {
			return
		}
		if strings.HasPrefix(r.target, "/") {
			r.target = strings.TrimPrefix(path.Clean(r.target), "/")
		} else {
			r.target = path.Clean(path.Join(dir, r.target))
		}
		out = append(out, r)
	})
	return out, err
}

func (b *book) readWorkbook(part string) error {
	data, err := b.part(part)
	if err != nil {
		return err
	}
	if data == nil {
		return errNoWorkbook
	}
	dir := path.Dir(part)
	rels, err := b.rels(path.Join(dir, "_rels", path.Base(part)+".rels"), dir)
	if err != nil {
		return err
	}
	targets := map[string]string{}
	var sstPart, stylesPart string
	for _, r := range rels {
		targets[r.id] = r.target
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			sstPart = r.target
		case strings.HasSuffix(r.typ, "/styles"):
			stylesPart = r.target
		}
	}
	err = eachStart(data, func() { b.sheets, b.date1904 = nil, false }, func(se *tag) {
		switch se.local {
		case "sheet":
			var id string
			for _, a := range se.attrs {
				if a.local == "id" {
					id = string(a.value)
				}
			}
			b.sheets = append(b.sheets, bookSheet{name: se.attr("name"), state: se.attr("state"), part: targets[id]})
		case "workbookPr":
			v := se.attr("date1904")
			b.date1904 = v == "1" || v == "true"
		}
	})
	if err != nil {
		return err
	}
	if sstPart != "" {
		if err := b.readSST(sstPart); err != nil {
			return err
		}
	}
	b.styles = stylesPart
	return nil
}

// readSST reads the shared strings: each item's text, or its runs' text,
// without phonetic hints.
func (b *book) readSST(part string) error {
	data, err := b.part(part)
	if err != nil || data == nil {
		return err
	}
	return eachToken(data, func() xmlEvents {
		b.sst = nil
		return b.sstReader()
	})
}

// sstReader reads the shared strings into b.sst.
func (b *book) sstReader() xmlEvents {
	var cur strings.Builder
	inSI, inT, skip := false, false, 0
	return tokenFuncs{
		onStart: func(t *tag) {
			switch t.local {
			case "si":
				inSI = true
				cur.Reset()
			case "rPh":
				skip++
			case "t":
				inT = inSI && skip == 0
			}
		},
		onEnd: func(local string) {
			switch local {
			case "si":
				if inSI {
					b.sst = append(b.sst, unescapeX(cur.String()))
				}
				inSI = false
			case "rPh":
				skip = max(skip-1, 0)
			case "t":
				inT = false
			}
		},
		onText: func(t []byte) {
			if inT {
				cur.Write(t)
			}
		},
	}
}

// readStyles reads each cell style's number format, or takes them from
// stylesCache.
func (b *book) readStyles(part string) error {
	f := b.zipPart(part)
	var key []byte
	keyed := false
	if f != nil && b.admit(f) == nil {
		key, keyed = stylesKey(f, b.data)
		if cf := cachedStyles(key, keyed); cf != nil {
			b.numFmts, b.fmtCodes = cf.numFmts, cf.fmtCodes
			b.read += cf.size
			return nil
		}
	}
	data, err := b.part(part)
	if err != nil || data == nil {
		return err
	}
	if err := eachToken(data, b.stylesReader); err != nil {
		return err
	}
	if keyed {
		cacheStyles(key, &cellFormats{numFmts: b.numFmts, fmtCodes: b.fmtCodes, size: int64(len(data))})
	}
	return nil
}

// stylesReader reads the number formats of the cell styles.
func (b *book) stylesReader() xmlEvents {
	b.fmtCodes, b.numFmts = map[int]string{}, nil
	inXfs := false
	return tokenFuncs{
		onStart: func(t *tag) {
			switch t.local {
			case "numFmt":
				if id, err := strconv.Atoi(t.attr("numFmtId")); err == nil {
					b.fmtCodes[id] = t.attr("formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(t.attr("numFmtId"))
					b.numFmts = append(b.numFmts, id)
				}
			}
		},
		onEnd: func(local string) {
			if local == "cellXfs" {
				inXfs = false
			}
		},
	}
}

// stylesRead reads the cell styles' number formats on first use, and
// reports whether they could be read.
func (b *book) stylesRead() bool {
	if b.fmtCodes == nil && b.styles != "" {
		return b.readStyles(b.styles) == nil
	}
	return true
}

var quotedRe = regexp.MustCompile(`"[^"]*"|\\.`)

// percentStyle reports whether a cell style formats numbers as
// percentages, so that the raw value is a fraction.
func (b *book) percentStyle(style int) bool {
	if !b.stylesRead() {
		return false
	}
	if style < 0 || style >= len(b.numFmts) {
		return false
	}
	id := b.numFmts[style]
	if id == 9 || id == 10 {
		return true
	}
	code, ok := b.fmtCodes[id]
	return ok && strings.Contains(quotedRe.ReplaceAllString(code, ""), "%")
}

// readCustom reads the custom document properties.
func (b *book) readCustom() error {
	b.custom = map[string]string{}
	data, err := b.part("docProps/custom.xml")
	if err != nil || data == nil {
		return err
	}
	return eachToken(data, b.customReader)
}

// customReader reads the custom properties into b.custom.
func (b *book) customReader() xmlEvents {
	b.custom = map[string]string{}
	name, depth := "", 0
	var val strings.Builder
	return tokenFuncs{
		onStart: func(t *tag) {
			if t.local == "property" {
				name, depth = t.attr("name"), 0
				val.Reset()
				return
			}
			depth++
		},
		onEnd: func(local string) {
			if local == "property" {
				if name != "" {
					b.custom[name] = val.String()
				}
				name = ""
				return
			}
			depth--
		},
		onText: func(t []byte) {
			if name != "" && depth > 0 {
				val.Write(t)
			}
		},
	}
}

func (b *book) readSheet(part string) (*sheetData, error) {
	data, err := b.part(part)
	if err != nil {
		return nil, err
	}
	if data == nil {
		return &sheetData{}, nil
	}
	return b.scanSheet(data, false)
}

// readSheetValues reads a sheet for its values only, which its rows keep
// in vals rather than as cells, unzipping its part a run of rows at a time
// (streamTokens): a long sheet takes a third of the memory. withDates
// keeps in the sheet's dates what the number formats show of a date,
// where they show only its year or month.
func (b *book) readSheetValues(part string, withDates bool) (*sheetData, error) {
	f := b.zipPart(part)
	if f == nil {
		return &sheetData{}, nil
	}
	return b.sheetFrom(func(begin func() xmlEvents) error { return b.streamTokens(f, begin) }, true, withDates)
}

// scanSheet reads a worksheet part's data.
func (b *book) scanSheet(data []byte, valuesOnly bool) (*sheetData, error) {
	return b.sheetFrom(func(begin func() xmlEvents) error { return eachToken(data, begin) }, valuesOnly, false)
}

// sheetFrom reads a worksheet from the tokens tokens gives the readers
// begin makes; withDates is readSheetValues'.
func (b *book) sheetFrom(tokens func(begin func() xmlEvents) error, valuesOnly, withDates bool) (*sheetData, error) {
	var r *sheetReader
	err := tokens(func() xmlEvents {
		sd := &sheetData{}
		if withDates {
			sd.dates = map[Place]DateShown{}
		}
		r = &sheetReader{b: b, sd: sd, byRow: map[int]int{}, rowCap: rowCells, valuesOnly: valuesOnly}
		return r
	})
	if err != nil {
		return nil, err
	}
	r.keepValue()
	r.sd.sortRows()
	return r.sd, nil
}

// sheetReader is the state of one pass over a worksheet part's tokens.
type sheetReader struct {
	b         *book
	sd        *sheetData
	row       *sheetRow  // the row being read; nil beyond the limits
	cell      *sheetCell // the cell being read; nil beyond the limits
	rowNum    int
	colNum    int
	chars     []byte // the text of the element being read
	inV, inF  bool
	inIS, inT bool
	skip      int         // depth inside rPh, whose text is not the cell's
	byRow     map[int]int // row number → index in sd.rows
	rowCap    int         // room made for a row's cells
	// valuesOnly: each cell is read into one that is reused and its value
	// kept in its row's vals (at sd.rows[cellRow]) when the cell ends,
	// or, left open, when the next begins or the part ends.
	valuesOnly bool
	reused     sheetCell
	cellRow    int
	// give, when set, is given each row of a sheet read for its values
	// only as the next begins (Sheets.EachRow), sd keeping that row only;
	// broken is set when a row could still change after it was given.
	give    func(num int, vals []string)
	broken  bool
	started int // rows started, for the limit
	spare   []string
}

// text takes text between tags.
func (r *sheetReader) text(t []byte) {
	if r.inV || r.inF || r.inT {
		r.chars = append(r.chars, t...)
	}
}

// start takes an element's start tag.
func (r *sheetReader) start(t *tag) {
	switch t.local {
	case "row":
		r.startRow(t)
	case "c":
		r.startCell(t)
	case "v":
		r.inV = true
		r.chars = r.chars[:0]
	case "f":
		r.inF = true
		r.chars = r.chars[:0]
	case "is":
		r.inIS = true
		r.chars = r.chars[:0]
	case "rPh":
		r.skip++
	case "t":
		r.inT = r.inIS && r.skip == 0
	case "mergeCell":
		if m, ok := parseRange(t.attr("ref")); ok {
			r.sd.merges = append(r.sd.merges, m)
		}
	case "dimension":
		// A row gets room for the sheet's columns as the sheet gives
		// them (a 填报表 has 15, a ledger's 总台账 20, the other sheets one
		// to five), at most maxRowCells: the dimension is only a hint.
		if m, ok := parseRange(t.attr("ref")); ok {
			r.rowCap = min(m.c2, maxRowCells)
		}
	}
}

// startRow starts a row, or goes back to a row already read when the
// file names it again; rows beyond the limits are not kept.
func (r *sheetReader) startRow(t *tag) {
	sd := r.sd
	prev := r.rowNum
	r.rowNum++
	if n, err := strconv.Atoi(t.attr("r")); err == nil && n > 0 {
		r.rowNum = n
	}
	r.colNum = 0
	if r.give != nil {
		r.startGivenRow(prev)
		return
	}
	r.row = nil
	i, seen := r.byRow[r.rowNum]
	switch {
	case r.rowNum > 1<<20 || !seen && len(sd.rows) >= r.b.limits.rows:
		sd.clipped = true
	case seen:
		r.row = &sd.rows[i]
	default:
		row := sheetRow{num: r.rowNum}
		if r.valuesOnly {
			row.vals = make([]string, 0, r.rowCap)
		} else {
			row.cells = make([]sheetCell, 0, r.rowCap)
		}
		r.byRow[r.rowNum] = len(sd.rows)
		sd.rows = append(sd.rows, row)
		r.row = &sd.rows[len(sd.rows)-1]
	}
}

// startGivenRow starts a row of a sheet whose rows are given as they end
// (give): the row before is given now. A row named out of order or again,
// or a cell left open into the next row, could change a row given
// already: the rest of the sheet is skipped and broken set.
func (r *sheetReader) startGivenRow(prev int) {
	r.row = nil
	if r.broken || r.cell != nil || r.started > 0 && r.rowNum <= prev {
		r.broken, r.cell, r.sd.rows = true, nil, nil
		return
	}
	r.giveRow()
	if r.rowNum > 1<<20 || r.started >= r.b.limits.rows {
		r.sd.clipped = true
		return
	}
	r.started++
	if r.spare == nil {
		r.spare = make([]string, 0, r.rowCap)
	}
	r.sd.rows = append(r.sd.rows, sheetRow{num: r.rowNum, vals: r.spare[:0]})
	r.row = &r.sd.rows[0]
}

// giveRow gives the row read last, if it has values, and keeps its
// values' room for the next.
func (r *sheetReader) giveRow() {
	if len(r.sd.rows) == 0 {
		return
	}
	row := r.sd.rows[0]
	if row.last > 0 {
		r.give(row.num, row.vals[:row.last])
	}
	clear(row.vals)
	r.spare, r.sd.rows = row.vals, r.sd.rows[:0]
}

// startCell starts a cell in the current row; cells beyond the limits
// are not kept.
func (r *sheetReader) startCell(t *tag) {
	r.colNum++
	if ref := t.attrBytes("r"); len(ref) > 0 {
		// A cell reference naming another row is read in the
		// row that holds it.
		if c, ok := refColumn(ref); ok {
			r.colNum = c
		} else if c, _, err := excelize.CellNameToCoordinates(string(ref)); err == nil {
			r.colNum = c
		} else {
			r.sd.clipped = true // a cell no reference places (XFE1)
		}
	}
	r.keepValue()
	r.cell = nil
	if r.colNum > maxCol {
		r.sd.clipped = true
	}
	if r.row != nil && r.colNum <= maxCol {
		s, _ := strconv.Atoi(string(t.attrBytes("s")))
		c := sheetCell{col: r.colNum, typ: cellType(t.attrBytes("t")), style: s}
		if r.valuesOnly {
			r.reused, r.cell, r.cellRow = c, &r.reused, r.byRow[r.rowNum]
			return
		}
		r.row.cells = append(r.row.cells, c)
		r.cell = &r.row.cells[len(r.row.cells)-1]
	}
}

// end takes an element's end tag, storing what was read into the cell.
func (r *sheetReader) end(local string) {
	cell := r.cell
	switch local {
	case "v":
		if cell != nil && r.inV {
			cell.value = r.value(cell)
		}
		r.inV = false
	case "f":
		if cell != nil {
			cell.formula = strings.TrimSpace(string(r.chars))
			if cell.formula == "" {
				cell.formula = "="
			}
		}
		r.inF = false
	case "is":
		// A number keeps its v when an editor left an is behind (as
		// excelize does on overwriting an inline string with a number).
		if cell != nil && cell.typ == "inlineStr" {
			cell.value = r.value(cell)
		}
		r.inIS = false
	case "rPh":
		r.skip = max(r.skip-1, 0)
	case "t":
		r.inT = false
	case "c":
		if cell != nil {
			cell.unescape()
		}
		r.keepValue()
		r.cell = nil
	}
}

// keepValue keeps the value of the cell being read, when reading values
// only, in its row.
func (r *sheetReader) keepValue() {
	if !r.valuesOnly || r.cell == nil {
		return
	}
	row := &r.sd.rows[r.cellRow]
	col, v := r.cell.col, r.cell.value
	if col > len(row.vals) && v == "" {
		return
	}
	for len(row.vals) < col {
		row.vals = append(row.vals, "")
	}
	row.vals[col-1] = v
	if v != "" {
		row.last = max(row.last, col)
		r.keepDateShown(row.num, r.cell)
	}
	r.cell = nil
}

// keepDateShown keeps, when the sheet's dates are read, what the number
// format of the numeric cell c in row num shows of a date when it shows
// only its year or month.
func (r *sheetReader) keepDateShown(num int, c *sheetCell) {
	if r.sd.dates == nil || !c.numeric() {
		return
	}
	if shown := r.b.dateShown(c.style); shown == YearShown || shown == MonthShown {
		r.sd.dates[Place{Row: num, Col: c.col}] = shown
	}
}

// refColumn reads the column of a plain cell reference such as H7, as
// excelize.CellNameToCoordinates does, without making a string of it; ok
// is false for anything else, which is left to excelize.
func refColumn(ref []byte) (col int, ok bool) {
	i := 0
	for i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	digits := ref[i:]
	if i == 0 || col > maxCol || len(digits) == 0 || len(digits) > 7 || digits[0] == '0' {
		return 0, false
	}
	row := 0
	for _, d := range digits {
		if d < '0' || d > '9' {
			return 0, false
		}
		row = row*10 + int(d-'0')
	}
	return col, row <= excelize.TotalRows
}

// cellType is a cell's t attribute, the known ones without a string made.
func cellType(t []byte) string {
	switch string(t) {
	case "":
		return ""
	case "s":
		return "s"
	case "n":
		return "n"
	case "str":
		return "str"
	case "inlineStr":
		return "inlineStr"
	case "b":
		return "b"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return string(t)
}

// sortRows puts the rows, and each row's cells, in order.
func (sd *sheetData) sortRows() {
	slices.SortStableFunc(sd.rows, func(a, b sheetRow) int { return cmp.Compare(a.num, b.num) })
	for i := range sd.rows {
		slices.SortStableFunc(sd.rows[i].cells, func(a, b sheetCell) int { return cmp.Compare(a.col, b.col) })
	}
}

// value is the text just read as cell's value: for a shared string, the
// string its index names ("" for none), read without making a string of
// the index.
func (r *sheetReader) value(cell *sheetCell) string {
	if cell.typ != "s" {
		return string(r.chars)
	}
	i, err := strconv.Atoi(string(bytes.TrimSpace(r.chars)))
	if err != nil || i < 0 || i >= len(r.b.sst) {
		return ""
	}
	return r.b.sst[i]
}

// unescape decodes the _xHHHH_ escapes of a string cell once it is read.
func (c *sheetCell) unescape() {
	if c.typ == "inlineStr" || c.typ == "str" {
		c.value = unescapeX(c.value)
	}
}

// parseRange reads "A1:B2".
func parseRange(ref string) (mergeRange, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return mergeRange{}, false
	}
	return mergeRange{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
}

// valueRows is values of a sheet read for its values only.
func (sd *sheetData) valueRows() (rows [][]string, nums []int) {
	for _, r := range sd.rows {
		rows = append(rows, r.vals[:r.last])
		nums = append(nums, r.num)
	}
	return rows, nums
}

// values lays the rows out as strings, as excelize's GetRows does, plus
// the row numbers; columns beyond maxCols are dropped.
func (sd *sheetData) values(maxCols int) (rows [][]string, nums []int) {
	for _, r := range sd.rows {
		n := 0
		for _, c := range r.cells {
			if c.col <= maxCols && c.value != "" {
				n = max(n, c.col)
			}
		}
		vals := make([]string, n)
		for _, c := range r.cells {
			if c.col <= n {
				vals[c.col-1] = c.value
			}
		}
		rows = append(rows, vals)
		nums = append(nums, r.num)
	}
	return rows, nums
}

// cellAt finds a cell; ok is false when the sheet has none there.
func (sd *sheetData) cellAt(row, col int) (sheetCell, bool) {
	i := sort.Search(len(sd.rows), func(i int) bool { return sd.rows[i].num >= row })
	if i == len(sd.rows) || sd.rows[i].num != row {
		return sheetCell{}, false
	}
	for _, c := range sd.rows[i].cells {
		if c.col == col {
			return c, true
		}
	}
	return sheetCell{}, false
}

var escapeRe = regexp.MustCompile(`_x[0-9A-Fa-f]{4}_`)

// unescapeX decodes the _xHHHH_ escapes OOXML uses for characters XML
// cannot carry: UTF-16 code units, a surrogate pair escaped as two. A
// surrogate without its pair reads as U+FFFD, as invalid UTF-8 does
// (excelize dropped it).
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	last := 0
	ms := escapeRe.FindAllStringIndex(s, -1)
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		b.WriteString(s[last:m[0]])
		r := escapedUnit(s, m)
		if next := i + 1; r >= 0xD800 && r < 0xDC00 && next < len(ms) && ms[next][0] == m[1] {
			if lo := escapedUnit(s, ms[next]); lo >= 0xDC00 && lo < 0xE000 {
				r, m, i = 0x10000+(r-0xD800)<<10+(lo-0xDC00), ms[next], next
			}
		}
		b.WriteRune(r) // a lone surrogate as U+FFFD
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// escapedUnit is the UTF-16 code unit of the escape at m in s.
func escapedUnit(s string, m []int) rune {
	n, _ := strconv.ParseUint(s[m[0]+2:m[0]+6], 16, 32) // four hex digits
	return rune(n)
}

// eachStart calls fn for every start tag of an XML part, after begin,
// which is called again should the part be read again (see eachToken).
func eachStart(data []byte, begin func(), fn func(*tag)) error {
	return eachToken(data, func() xmlEvents {
		begin()
		return tokenFuncs{onStart: fn}
	})
}

// tokenFuncs takes a part's tokens with functions; a nil one skips its
// tokens.
type tokenFuncs struct {
	onStart func(t *tag)
	onEnd   func(local string)
	onText  func(data []byte)
}

func (f tokenFuncs) start(t *tag) {
	if f.onStart != nil {
		f.onStart(t)
	}
}

func (f tokenFuncs) end(local string) {
	if f.onEnd != nil {
		f.onEnd(local)
	}
}

func (f tokenFuncs) text(data []byte) {
	if f.onText != nil {
		f.onText(data)
	}
}
