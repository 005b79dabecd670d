package tasklist

import (
	"github.com/taizhang-dev/taizhang/internal/cells"
)

// Row height estimate. Excel and WPS do not grow a row for wrapped text
// written by a program, so the writer sets heights itself.
const (
	lineHeight    = 15.0 // points per line of 11 pt text
	maxLabelRunes = 300  // 牵头任务序号 cell on the 责任单位 sheet
)

// rowHeight is the height in points for a row holding cells of the given
// widths.
func rowHeight(values []string, widths []float64) float64 {
	return cells.RowHeight(values, widths, lineHeight, 0)
}

// textCutNote ends a text too long for its cell. The hidden sheet keeps the
// whole text, and Read takes it from there while the cell is unchanged.
const textCutNote = "……（以下略：超出单元格的字数上限，全文保存在本表的隐藏数据中）"

// fitText is s as its cell holds it: whole, or cut visibly.
func fitText(s string) string {
	s, _ = cells.FitCell(s, textCutNote)
	return s
}

// wholeText is what a text cell stands for: the hidden sheet's whole text
// when the cell holds it as written, cut; else the cell, which the office
// may have edited.
func wholeText(cell, hidden string) string {
	if fitted, cut := cells.FitCell(hidden, textCutNote); cut && cells.CleanCell(fitted) == cell {
		return hidden
	}
	return cell
}
