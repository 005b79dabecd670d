package fillin

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/cells"
)

// maxCellRunes keeps the locked cells of a workbook (the task's content,
// from the task list) inside Excel's 32,767 UTF-16 unit limit even when
// every character is outside the BMP. What a unit types is never cut here:
// readEntry keeps it whole up to Excel's limit.
const maxCellRunes = 16000

// lockedText is the text of a locked cell as written: cellText, short
// enough for Excel. The task list keeps the whole text.
func lockedText(s string) string {
	s = cellText(s)
	if utf8.RuneCountInString(s) > maxCellRunes {
		s = cells.TruncateRunes(s, maxCellRunes)
	}
	return s
}

// cellText is s as a cell holds it: line breaks as "\n", no control
// characters (XML cannot carry most of them), no surrounding space.
func cellText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return '\n'
		case r == utf8.RuneError, unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF:
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// squeeze folds s and removes all white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B {
			return -1
		}
		return r
	}, cells.Fold(s))
}

// headerKey normalises a header cell for lookup: folded, without white
// space and without the required-column mark.
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '*' {
			return -1
		}
		return r
	}, squeeze(s))
}
