package cells

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// RowWriter writes a worksheet's rows as XML, each as excelize's
// StreamWriter.SetRow writes it (v2.11.1; TestRowWriter compares them), so
// that a workbook whose rows go through it is the same to the byte: for a
// large sheet, without holding the sheet in memory or allocating for
// every cell. A cell holds a string, an int, a float64 or nothing; a cell
// without a style gets none, where SetRow would give it its column's.
type RowWriter struct {
	w   io.Writer
	buf []byte
}

// NewRowWriter writes rows to w.
func NewRowWriter(w io.Writer) *RowWriter { return &RowWriter{w: w} }

// Row writes the cells from column A on as row n, of the given height in
// points (0 for the default).
func (rw *RowWriter) Row(n int, height float64, cells []excelize.Cell) error {
	if height > excelize.MaxRowHeight {
		return excelize.ErrMaxRowHeight
	}
	b := append(rw.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, c := range cells {
		var err error
		if b, err = appendCell(b, i+1, n, c); err != nil {
			return err
		}
	}
	b = append(b, `</row>`...)
	rw.buf = b
	_, err := rw.w.Write(b)
	return err
}

// appendCell appends the cell at column col of row n.
func appendCell(b []byte, col, n int, c excelize.Cell) ([]byte, error) {
	if c.Formula != "" {
		return b, fmt.Errorf("cell %s: RowWriter writes no formulas", CellName(col, n))
	}
	b = append(b, `<c r="`...)
	b = appendColumn(b, col)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, '"')
	if c.StyleID != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(c.StyleID), 10)
		b = append(b, '"')
	}
	switch v := c.Value.(type) {
	case nil:
		b = append(b, '>')
	case string:
		b = appendInlineString(b, v)
	case int:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, int64(v), 10)
		b = append(b, `</v>`...)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			b = appendInlineString(b, fmt.Sprint(v))
			break
		}
		b = append(b, `><v>`...)
		b = append(b, formatFloat(v)...)
		b = append(b, `</v>`...)
	default:
		return b, fmt.Errorf("cell %s: RowWriter cannot write a %T", CellName(col, n), v)
	}
	return append(b, `</c>`...), nil
}

// CellName is the A1 name of the 1-based column col and row.
func CellName(col, row int) string {
	var buf [16]byte
	return string(AppendCellName(buf[:0], col, row))
}

// AppendCellName appends the A1 name of the 1-based column col and row.
func AppendCellName(b []byte, col, row int) []byte {
	return strconv.AppendInt(appendColumn(b, col), int64(row), 10)
}

// appendColumn appends the letters of the 1-based column col.
func appendColumn(b []byte, col int) []byte {
	var letters [3]byte
	i := len(letters)
	for col > 0 {
		col--
		i--
		letters[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, letters[i:]...)
}

// appendInlineString appends the rest of a cell's start tag and its text:
// cut to the 32,767 UTF-16 units a cell holds, its spaces kept when it
// starts or ends with one, escaped.
func appendInlineString(b []byte, s string) []byte {
	b = append(b, ` t="inlineStr"><is><t`...)
	if len(s) > excelize.TotalCellChars {
		s = truncateUnits(s, excelize.TotalCellChars)
	}
	if s != "" && (EdgeSpace(s[0]) || EdgeSpace(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	start := len(b)
	b = appendEscaped(b, s)
	if strings.Contains(string(b[start:]), "_x") {
		b = append(b[:start], escapeBSTR(string(b[start:]))...)
	}
	return append(b, `</t></is>`...)
}

// EdgeSpace reports a character that Excel drops at a text's start or end
// unless the text is marked xml:space="preserve".
func EdgeSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// truncateUnits cuts s to at most n UTF-16 units.
func truncateUnits(s string, n int) string {
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// appendEscaped appends s escaped as xml.EscapeText does, but for line
// feeds, which excelize keeps as they are.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || r == utf8.RuneError && width == 1 {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			last = i + width
		}
		i += width
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML allows r.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

var (
	bstrRe       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeRe = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// escapeBSTR escapes text that reads as an _xHHHH_ escape, as excelize's
// bstrMarshal does.
func escapeBSTR(s string) string {
	var out strings.Builder
	cursor := 0
	for _, m := range bstrRe.FindAllStringIndex(s, -1) {
		out.WriteString(s[cursor:m[0]])
		sub := s[m[0]:m[1]]
		if sub == "_x005F_" {
			cursor = m[1]
			if m[1]+6 <= len(s) && bstrEscapeRe.MatchString(s[m[1]:m[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[m[1]+1:m[1]+5] + `"`); err == nil {
					out.WriteString(sub + "x005F" + sub)
					continue
				}
			}
			out.WriteString(sub + "x005F_")
			continue
		}
		// An escape of no character is dropped, as excelize drops it.
		cursor = m[1]
		if _, err := strconv.Unquote(`"\u` + s[m[0]+2:m[1]-1] + `"`); err == nil {
			out.WriteString("_x005F" + sub)
		}
	}
	out.WriteString(s[cursor:])
	return out.String()
}

// formatFloat writes v with at most Excel's 15 significant digits, as
// excelize does.
func formatFloat(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return s
	}
	const maxDigits = 15
	decimal := strings.IndexByte(s, '.')
	digits := 0
	for i := range s {
		if s[i] < '0' || s[i] > '9' || digits == 0 && s[i] == '0' {
			continue
		}
		if digits++; digits <= maxDigits {
			continue
		}
		if decimal >= 0 && i > decimal {
			return strings.TrimSuffix(s[:i], ".")
		}
		if decimal < 0 {
			decimal = len(s)
		}
		cut := []byte(s[:decimal])
		for ; i < len(cut); i++ {
			cut[i] = '0'
		}
		return string(cut)
	}
	return s
}
