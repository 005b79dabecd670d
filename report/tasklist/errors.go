package tasklist

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// InputError is a problem in the user's workbook, with a Chinese message for
// the office that names the file, sheet and cell.
type InputError struct {
	File  string // file name as given to Read
	Sheet string // sheet name; empty for a problem with the whole file
	Cell  string // "H12" for a cell, "12" for a whole row, empty for the sheet
	Msg   string
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	b.WriteString("：")
	if e.Sheet != "" {
		fmt.Fprintf(&b, "工作表“%s”", e.Sheet)
		if where := cellPlace(e.Cell); where != "" {
			b.WriteString(where)
		}
		b.WriteString("：")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// cellPlace renders "H12" as "第 12 行 H 列" and "12" as "第 12 行".
func cellPlace(cell string) string {
	if cell == "" {
		return ""
	}
	if col, row, err := excelize.SplitCellName(cell); err == nil {
		return fmt.Sprintf("第 %d 行 %s 列", row, col)
	}
	return fmt.Sprintf("第 %s 行", cell)
}

// InputErrors is every problem found in one workbook, in sheet and row
// order. Its message has one problem per line.
type InputErrors []*InputError

func (es InputErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find the individual problems.
func (es InputErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
