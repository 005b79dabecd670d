package ledgerbook

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

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

// writeHidden writes the ledger's gzipped JSON, gz (see gzipJSON), on the
// hidden sheet in base64 pieces.
func writeHidden(f *excelize.File, gz []byte) error {
	w, err := hiddensheet.NewWriter(f, SheetHidden, FormatVersion, hiddenNote)
	if err != nil {
		return err
	}
	// Each piece encodes its own bytes: they come out as the pieces of
	// the whole's base64, since a piece's bytes are a multiple of 3.
	const pieceBytes = chunkUnits / 4 * 3
	for i := 0; i*pieceBytes < len(gz); i++ {
		piece := base64.StdEncoding.EncodeToString(gz[i*pieceBytes : min(len(gz), (i+1)*pieceBytes)])
		if err := w.Row(keyGzip, i+1, piece); err != nil {
			return err
		}
	}
	return w.Flush()
}

// gzipJSON is the ledger's JSON, as hiddensheet.MarshalJSON writes it,
// gzipped. Compressed: a 5,000-task ledger's JSON is tens of megabytes,
// which costs more to write and read as cell text than to gzip. The rows
// are encoded one at a time, so that the JSON is never in memory whole.
func gzipJSON(l *ledger.Ledger) ([]byte, error) {
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	if err := writeJSON(zw, l); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

// writeJSON writes l's JSON as hiddensheet.MarshalJSON makes it: the
// ledger without its rows, with the rows put in their place.
func writeJSON(w io.Writer, l *ledger.Ledger) error {
	const rowsField = `"rows":[]`
	head := *l
	if head.Rows != nil {
		head.Rows = []*ledger.Row{}
	}
	js, err := hiddensheet.MarshalJSON(&head)
	if err != nil {
		return err
	}
	// The fields before the rows are strings, in which a quote is escaped:
	// the first match is the field.
	before, after, found := strings.Cut(js, rowsField)
	if !found {
		_, err := io.WriteString(w, js)
		return err
	}
	if _, err := io.WriteString(w, before+rowsField[:len(rowsField)-1]); err != nil {
		return err
	}
	for i, r := range l.Rows {
		row, err := hiddensheet.MarshalJSON(r)
		if err != nil {
			return err
		}
		if i > 0 {
			row = "," + row
		}
		if _, err := io.WriteString(w, row); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "]"+after)
	return err
}

// keyGzip marks rows holding base64 pieces of the gzipped JSON; keyJSON
// rows (plain JSON) are read too.
const keyGzip = "gzip"

// maxHiddenJSON bounds what the hidden sheet may unpack to.
const maxHiddenJSON = 512 << 20

func unpack(kind, s string) (string, bool) {
	if kind == keyJSON {
		return s, true
	}
	data, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", false
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return "", false
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxHiddenJSON+1))
	if err != nil || len(out) > maxHiddenJSON {
		return "", false
	}
	return string(out), true
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
	pieces := map[int]string{}
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
		pieces[i] = r[2]
	}
	var b strings.Builder
	for i := 1; i <= len(pieces); i++ {
		p, ok := pieces[i]
		if !ok {
			return nil, nil
		}
		b.WriteString(p)
	}
	js, ok := unpack(kind, b.String())
	if !ok {
		return nil, nil
	}
	var l ledger.Ledger
	if err := json.Unmarshal([]byte(js), &l); err != nil {
		return nil, nil
	}
	return &l, nil
}
