package ledgerbook

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
	Cell  string // "S12" for a cell, "12" for a whole row, empty for the sheet
	Msg   string
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	b.WriteString("：")
	if e.Sheet != "" {
		fmt.Fprintf(&b, "工作表“%s”", e.Sheet)
		b.WriteString(cellPlace(e.Cell))
		b.WriteString("：")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// cellPlace renders "S12" as "第 12 行 S 列" and "12" as "第 12 行".
func cellPlace(cell string) string {
	if cell == "" {
		return ""
	}
	if col, row, err := excelize.SplitCellName(cell); err == nil {
		return fmt.Sprintf("第 %d 行 %s 列", row, col)
	}
	return fmt.Sprintf("第 %s 行", cell)
}
