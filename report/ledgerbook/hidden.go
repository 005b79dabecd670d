package ledgerbook

import (
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/hiddensheet"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// The very hidden sheet holds the whole ledger as JSON, in rows of
//
//	format | taizhang-ledger/1
//	note   | (a warning for people who unhide it)
//	gzip   | 1 | <first base64 piece of the gzipped JSON>
//	gzip   | 2 | <next piece>
//
// (rows keyed json holding plain JSON pieces are read as well)
//
// Pieces are numbered so that a sorted sheet still reads back, and kept
// well under Excel's 32,767 UTF-16 units per cell.
const (
	keyJSON = "json"

	hiddenNote = "本工作表由 taizhang 生成，保存总台账的完整数据，供下次汇总和生成报告时读取，请勿修改或删除。"

	// chunkUnits is the most UTF-16 units of JSON in one cell.
	chunkUnits = 30000
)

// writeHidden writes the hidden sheet: its format and note rows at once,
// and, as the workbook is saved, the ledger's JSON, gzipped, in base64
// pieces. Compressed: a 5,000-task ledger's JSON is tens of megabytes,
// which costs more to write and read as cell text than to gzip. Made as it
// is written, a row of the ledger at a time: neither the JSON nor its gzip
// is ever in memory whole.
func writeHidden(f *excelize.File, later *cells.Later, l *ledger.Ledger) error {
	w, err := hiddensheet.NewWriter(f, SheetHidden, FormatVersion, hiddenNote)
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return later.Rows(SheetHidden, func(rw *cells.RowWriter) error {
		pw := &pieceWriter{rw: rw, row: w.Rows()}
		zw, err := gzip.NewWriterLevel(pw, gzip.BestSpeed)
		if err != nil {
			return err
		}
		if err := writeJSON(zw, l); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		return pw.flush()
	})
}

// pieceBytes are the bytes of gzip a piece holds in base64: chunkUnits
// characters. A multiple of 3, so that the pieces, each encoded alone,
// are the pieces of the whole's base64.
const pieceBytes = chunkUnits / 4 * 3

// pieceWriter writes what is written to it as rows of base64 pieces of
// pieceBytes bytes, numbered from 1, after row row.
type pieceWriter struct {
	rw     *cells.RowWriter
	row, n int
	buf    []byte
}

func (pw *pieceWriter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		k := min(len(b), pieceBytes-len(pw.buf))
		pw.buf = append(pw.buf, b[:k]...)
		b = b[k:]
		if len(pw.buf) == pieceBytes {
			if err := pw.flush(); err != nil {
				return n - len(b), err
			}
		}
	}
	return n, nil
}

// flush writes the bytes held as a piece, if any.
func (pw *pieceWriter) flush() error {
	if len(pw.buf) == 0 {
		return nil
	}
	pw.row++
	pw.n++
	piece := base64.StdEncoding.EncodeToString(pw.buf)
	pw.buf = pw.buf[:0]
	return pw.rw.Row(pw.row, 0, []excelize.Cell{{Value: keyGzip}, {Value: pw.n}, {Value: piece}})
}

// writeJSON writes l's JSON as hiddensheet.MarshalJSON makes it, an item
// of its long lists (rows, units, returns) at a time: the ledger with the
// lists empty, each list's items put in its place.
func writeJSON(w io.Writer, l *ledger.Ledger) error {
	head := *l
	var lists []jsonList
	if l.Rows != nil {
		head.Rows = []*ledger.Row{}
		lists = append(lists, jsonList{`"rows":`, len(l.Rows), func(i int) any { return l.Rows[i] }})
	}
	if l.Units != nil {
		head.Units = []*ledger.UnitSummary{}
		lists = append(lists, jsonList{`"units":`, len(l.Units), func(i int) any { return l.Units[i] }})
	}
	if l.Intake != nil {
		head.Intake = []*ledger.Intake{}
		lists = append(lists, jsonList{`"intake":`, len(l.Intake), func(i int) any { return l.Intake[i] }})
	}
	rest, err := hiddensheet.MarshalJSON(&head)
	if err != nil {
		return err
	}
	enc := hiddensheet.NewEncoder(w)
	for _, list := range lists {
		// The fields before a list, and the lists before it, hold no quote
		// that is not escaped but their names': the first match is the
		// field.
		before, after, found := strings.Cut(rest, list.field+"[]")
		if !found {
			return fmt.Errorf("no %s[] in the ledger's JSON", list.field)
		}
		if _, err := io.WriteString(w, before+list.field+"["); err != nil {
			return err
		}
		for i := range list.n {
			if i > 0 {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			if err := enc.Encode(list.item(i)); err != nil {
				return err
			}
		}
		rest = "]" + after
	}
	_, err = io.WriteString(w, rest)
	return err
}

// jsonList is a list of the ledger's JSON written an item at a time: the
// field's name and colon, and its n items.
type jsonList struct {
	field string
	n     int
	item  func(i int) any
}

// keyGzip marks rows holding base64 pieces of the gzipped JSON; keyJSON
// rows (plain JSON) are read too.
const keyGzip = "gzip"

// maxHiddenJSON bounds what the hidden sheet may unpack to.
const maxHiddenJSON = 512 << 20

// unpack gives the JSON that pieces, read in order, hold: plain JSON for
// keyJSON, else base64 of its gzip, at most maxHiddenJSON bytes of it (a
// longer JSON reads as cut short). It is unpacked as it is read: a
// 5,000-task ledger's JSON is tens of megabytes.
func unpack(kind string, pieces []string) (io.Reader, bool) {
	readers := make([]io.Reader, len(pieces))
	for i, p := range pieces {
		readers[i] = strings.NewReader(p)
	}
	r := io.MultiReader(readers...)
	if kind == keyJSON {
		return io.LimitReader(r, maxHiddenJSON), true
	}
	zr, err := gzip.NewReader(base64.NewDecoder(base64.StdEncoding, r))
	if err != nil {
		return nil, false
	}
	return io.LimitReader(zr, maxHiddenJSON), true
}

// decodeLedger decodes the ledger's JSON as json.Unmarshal does, an item
// of its long lists (rows, units, intake) at a time, so that the JSON is
// never in memory whole. The lists are matched by their exact names; any
// other field is decoded with json.Unmarshal.
func decodeLedger(r io.Reader) (*ledger.Ledger, error) {
	dec := json.NewDecoder(r)
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	var l ledger.Ledger
	lists := map[string]func() error{
		"rows":   func() error { return decodeList(dec, &l.Rows) },
		"units":  func() error { return decodeList(dec, &l.Units) },
		"intake": func() error { return decodeList(dec, &l.Intake) },
	}
	rest := []byte{'{'}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		if list := lists[key]; list != nil {
			if err := list(); err != nil {
				return nil, err
			}
			continue
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if len(rest) > 1 {
			rest = append(rest, ',')
		}
		k, _ := json.Marshal(key)
		rest = append(append(append(rest, k...), ':'), v...)
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the ledger's JSON")
	}
	if err := json.Unmarshal(append(rest, '}'), &l); err != nil {
		return nil, err
	}
	return &l, nil
}

// decodeList decodes a JSON array, or null, into list an item at a time.
func decodeList[T any](dec *json.Decoder, list *[]T) error {
	tok, err := dec.Token()
	if err != nil || tok == nil {
		*list = nil
		return err
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("not a list: %v", tok)
	}
	*list = []T{}
	for dec.More() {
		var v T
		if err := dec.Decode(&v); err != nil {
			return err
		}
		*list = append(*list, v)
	}
	return expectDelim(dec, ']')
}

// expectDelim reads the next token, which must be d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != d {
		return fmt.Errorf("JSON: want %v, got %v", d, tok)
	}
	return nil
}

// hiddenVersionError is a hidden sheet written in another format version.
type hiddenVersionError struct{ version string }

func (e *hiddenVersionError) Error() string {
	return fmt.Sprintf("格式版本为 %s，本版本的 taizhang 只能读取 %s：请用生成它的 taizhang 版本读取，或重新汇总生成总台账", e.version, FormatVersion)
}

// readHidden decodes the ledger from the hidden sheet's rows. It returns
// nil when the sheet holds no readable ledger, and an error for a ledger
// of another format version.
func readHidden(rows [][]string) (*ledger.Ledger, error) {
	v, ok := hiddensheet.Format(rows)
	if !ok {
		return nil, nil
	}
	if v != FormatVersion {
		return nil, &hiddenVersionError{v}
	}
	numbered := map[int]string{}
	kind := ""
	for _, r := range rows[1:] {
		if len(r) < 3 || r[0] != keyJSON && r[0] != keyGzip {
			continue
		}
		kind = r[0]
		i, err := strconv.Atoi(r[1])
		if err != nil || i < 1 {
			return nil, nil
		}
		numbered[i] = r[2]
	}
	pieces := make([]string, len(numbered))
	for i := range pieces {
		p, ok := numbered[i+1]
		if !ok {
			return nil, nil
		}
		pieces[i] = p
	}
	js, ok := unpack(kind, pieces)
	if !ok {
		return nil, nil
	}
	l, err := decodeLedger(js)
	if err != nil {
		return nil, nil
	}
	return l, nil
}
