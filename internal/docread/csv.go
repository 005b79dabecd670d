package docread

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
)

// csvLines reads a table saved as .csv (Excel's 另存为 CSV) as a workbook's
// sheet is read: the rows from the first to the last of two cells or more
// as a table, each row of one cell before or after them (a title, a note)
// as a paragraph.
func csvLines(name, text string) ([]line, Meta, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	records, err := r.ReadAll()
	if err != nil {
		msg := "无法作为 CSV 表格读取：请在 Excel 或 WPS 中打开后“另存为” .xlsx 再试。"
		if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
			msg = fmt.Sprintf("第 %d 行%s", pe.StartLine, msg)
		}
		return nil, Meta{}, inputErr(name, msg)
	}
	rows := make([][]string, len(records))
	start, end := len(records), 0
	for i, rec := range records {
		var n int
		if rows[i], n = csvRow(rec); n > 1 {
			start, end = min(start, i), i+1
		}
	}
	var lines []line
	var table [][]string
	for i, row := range rows {
		switch {
		case i >= start && i < end && len(row) > 0:
			table = append(table, row)
		case i == end && table != nil:
			lines = append(lines, line{rows: table}, line{text: strings.Join(row, "")})
		default:
			lines = append(lines, line{text: strings.Join(row, "")})
		}
	}
	if end == len(rows) && table != nil {
		lines = append(lines, line{rows: table})
	}
	return lines, Meta{}, nil
}

// csvRow is a record's cells, trimmed, without its empty trailing ones,
// and n, the number of its non-empty cells.
func csvRow(rec []string) (row []string, n int) {
	for _, c := range rec {
		c = strings.TrimSpace(strings.ReplaceAll(c, "\r\n", "\n"))
		if c != "" {
			n++
		}
		row = append(row, c)
	}
	for len(row) > 0 && row[len(row)-1] == "" {
		row = row[:len(row)-1]
	}
	return row, n
}
