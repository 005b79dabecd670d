package docread

import "strings"

// A sheet copied from Excel or WPS as text: its cells parted by tabs, its
// rows by line breaks, and a cell that holds a line break of its own put
// in double quotes ("" for a quote inside it), its lines on lines of
// their own:
//
//	2	"建设智慧停车平台，
//	新增公共停车泊位2000个"	市城管局	"市公安局
//	市交通运输局"	2025年6月底前
//
// Read line by line, such a row falls apart into rows and text; so the run
// of tab-parted lines it stands in is read here as the spreadsheet wrote
// it, and becomes a table of cells. A run without such a cell is left as
// it is.

// unclosedQuote reports a line that leaves a quoted cell open: an odd
// count of quote marks ("" inside a cell counts two).
func unclosedQuote(s string) bool {
	return strings.Count(s, `"`)%2 == 1
}

// readQuotedTable reads the run of tab-parted lines from raw[start] as a
// spreadsheet's copy. It returns the rows and the index after the run's
// last line; nil when no cell of the run holds a line break.
func readQuotedTable(raw []string, start int) ([][]string, int) {
	var rows [][]string
	var row []string
	var cell strings.Builder
	inQuote, broken := false, false
	j := start
	for ; j < len(raw); j++ {
		s := raw[j]
		if !inQuote && (strings.IndexByte(s, '\t') < 0 || strings.TrimSpace(s) == "") {
			break
		}
		if inQuote {
			cell.WriteByte('\n')
			broken = true
		}
		atStart := !inQuote
		for k := 0; k < len(s); k++ {
			switch b := s[k]; {
			case inQuote && b == '"' && k+1 < len(s) && s[k+1] == '"':
				cell.WriteByte('"')
				k++
			case inQuote && b == '"':
				inQuote = false
			case !inQuote && b == '"' && atStart:
				inQuote = true
			case !inQuote && b == '\t':
				row = append(row, strings.TrimSpace(cell.String()))
				cell.Reset()
				atStart = true
				continue
			default:
				cell.WriteByte(b)
			}
			atStart = false
		}
		if !inQuote {
			rows = append(rows, append(row, strings.TrimSpace(cell.String())))
			row = nil
			cell.Reset()
		}
	}
	if !broken || inQuote {
		return nil, 0
	}
	return rows, j
}
