// Package hiddensheet writes and reads the very hidden _taizhang sheet on
// which the task list and the ledger keep, as JSON, what their visible
// sheets cannot show. The sheet is rows of cells: a format row, a note for
// people who unhide it, then rows keyed by their first cell. Each workbook
// says what its keyed rows hold; this package holds what they share: the
// streamed writer, JSON without HTML escaping, pieces that fit a cell, and
// the format row.
package hiddensheet

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// KeyFormat and KeyNote are the keys of the first two rows.
const (
	KeyFormat = "format"
	KeyNote   = "note"
)

// Writer streams rows onto the hidden sheet.
type Writer struct {
	sw  *excelize.StreamWriter
	row int
}

// NewWriter starts the hidden sheet of f, which must exist, with its
// format and note rows.
func NewWriter(f *excelize.File, sheet, format, note string) (*Writer, error) {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	w := &Writer{sw: sw}
	if err := w.Row(KeyFormat, format); err != nil {
		return nil, err
	}
	if err := w.Row(KeyNote, note); err != nil {
		return nil, err
	}
	return w, nil
}

// Row writes the next row.
func (w *Writer) Row(values ...any) error {
	w.row++
	cell, err := excelize.CoordinatesToCellName(1, w.row)
	if err != nil {
		return err
	}
	return w.sw.SetRow(cell, values)
}

// Rows is the number of rows written so far.
func (w *Writer) Rows() int { return w.row }

// Flush ends the sheet.
func (w *Writer) Flush() error { return w.sw.Flush() }

// Format is the format version on the first row of a hidden sheet's rows;
// ok is false when the rows do not start with one, so the sheet is not
// taizhang's.
func Format(rows [][]string) (version string, ok bool) {
	if len(rows) == 0 || len(rows[0]) < 2 || rows[0][0] != KeyFormat {
		return "", false
	}
	return rows[0][1], true
}

// MarshalJSON is json.Marshal without HTML escaping, so the hidden sheet
// stays readable for someone who unhides it.
func MarshalJSON(v any) (string, error) {
	var b strings.Builder
	if err := NewEncoder(&b).Encode(v); err != nil {
		return "", err
	}
	return b.String(), nil
}

// NewEncoder is a JSON encoder writing values to w as MarshalJSON makes
// them, without the newline json.Encoder puts after each: one encoder
// writes many values without a string for each.
func NewEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(noNewline{w})
	enc.SetEscapeHTML(false)
	return enc
}

// noNewline drops the newline that ends what json.Encoder writes; its
// compact JSON has no other newline byte.
type noNewline struct{ w io.Writer }

func (n noNewline) Write(b []byte) (int, error) {
	_, err := n.w.Write(bytes.TrimSuffix(b, []byte("\n")))
	return len(b), err
}

// Chunk splits s into pieces of at most n UTF-16 units, the measure of
// Excel's 32,767 limit per cell. A piece never starts or ends with a space,
// which some programs trim from a cell.
func Chunk(s string, n int) []string {
	var out []string
	for len(s) > 0 {
		end, units := 0, 0
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			w := utf16.RuneLen(r)
			if w < 0 {
				w = 1
			}
			if units+w > n {
				break
			}
			units += w
			end += size
		}
		for end < len(s) && end > 1 && (s[end-1] == ' ' || s[end] == ' ') {
			end--
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}
