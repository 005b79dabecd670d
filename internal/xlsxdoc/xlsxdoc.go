// Package xlsxdoc reads a policy's task table sent as an Excel workbook
// (附件：重点任务分解表.xlsx) into a docread.Document, as docread reads a
// Word table: each visible sheet in order, its leading rows of one cell (a
// merged title row, 附件2, a note) as paragraphs and the rest as a table
// (cut where a row repeats its header) whose merged cells are repeated in
// every cell they span. It sits apart
// from docread, which reads text and Word files with the standard library
// only, because it reads the workbook with fillin's bounded reader (and
// tells taizhang's own workbooks by outfile's marker); package policy
// sends it the workbooks it is given to parse.
package xlsxdoc

import (
	"archive/zip"
	"cmp"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// maxCells bounds the cells of one sheet once merged ranges are repeated:
// a task table has hundreds; a sheet beyond this is not one, and reading
// part of it would drop tasks without a word. A variable so that tests
// can check the limit cheaply.
var maxCells = 1 << 18

// IsWorkbook reports whether the regular file at path is an .xlsx
// workbook: a zip that holds xl/workbook.xml. Content decides, not the
// name; a file that cannot be opened is not one (docread says why).
func IsWorkbook(path string) bool {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return false
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer z.Close()
	for _, f := range z.File {
		if strings.TrimPrefix(f.Name, "/") == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// ReadFile reads the workbook at path. A workbook taizhang wrote (task
// list, fill-in workbook, ledger) is no policy document: it gets a message
// saying what to do with it instead. Problems with the file are
// *docread.InputError.
func ReadFile(path string) (*docread.Document, error) {
	if k, err := outfile.Identify(path); err == nil && k != outfile.Foreign && k != outfile.None {
		return nil, &docread.InputError{File: path, Msg: ownWorkbookMsg(k)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("xlsxdoc: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("xlsxdoc: %w", err)
	}
	if st.Size() > cells.MaxInputSize {
		return nil, &docread.InputError{File: path, Msg: fmt.Sprintf("文件超过 %d MB，不像是一份任务分解表：请确认选择了正确的文件。", cells.MaxInputSize>>20)}
	}
	book, err := fillin.OpenSheetsAt(f, st.Size())
	if err != nil {
		return nil, &docread.InputError{File: path, Msg: openMsg(err)}
	}
	return read(path, book)
}

// ownWorkbookMsgs say what to do with a workbook taizhang wrote, by its
// kind; ownWorkbookMsg has the rest.
var ownWorkbookMsgs = map[outfile.Kind]string{
	outfile.TaskList: "这是 taizhang 生成的任务分解表，不需要再分解：直接运行 taizhang templates，或用 --tasks 指定它。",
	outfile.FillIn:   "这是 taizhang 生成的填报表（或单位报送的填报表），不是政策文件：检查报送请用 taizhang check，汇总请用 taizhang merge。",
}

func ownWorkbookMsg(k outfile.Kind) string {
	if msg, ok := ownWorkbookMsgs[k]; ok {
		return msg
	}
	return fmt.Sprintf("这是 taizhang 生成的%s，不是政策文件：请选择要分解的通知、方案或其附件中的任务分解表。", k.Label())
}

func openMsg(err error) string {
	if errors.Is(err, cells.ErrUnzipTooLarge) {
		return fmt.Sprintf("文件解压后超过 %d MB，不像是一份任务分解表，未读取：请确认选择了正确的文件。", cells.MaxUnzipSize>>20)
	}
	return "无法作为 Excel 工作簿打开，文件可能已损坏：请在 Excel 或 WPS 中打开后“另存为” .xlsx 再试。"
}

// read makes the document of the workbook's visible sheets.
func read(name string, book *fillin.Sheets) (*docread.Document, error) {
	var blocks []docread.Block
	title := ""
	for _, sheet := range book.Names() {
		if book.Hidden(sheet) {
			continue
		}
		b, t, msg := sheetBlocks(book, sheet)
		if msg != "" {
			return nil, &docread.InputError{File: name, Msg: msg}
		}
		blocks = append(blocks, b...)
		title = cmp.Or(title, t)
	}
	if len(blocks) == 0 {
		return nil, &docread.InputError{File: name, Msg: "工作簿的工作表中没有内容（隐藏的工作表不读取）：请确认选择了正确的文件。"}
	}
	return docread.FromBlocks(name, blocks, docread.Meta{Title: title})
}

// sheetBlocks are the paragraphs and the table of a sheet, and its first
// title-like leading line; msg says why the sheet cannot be read.
func sheetBlocks(book *fillin.Sheets, sheet string) (blocks []docread.Block, title, msg string) {
	tbl, err := book.Table(sheet)
	if err != nil {
		return nil, "", sheetMsg(sheet, err)
	}
	rows, merges := tbl.Rows, tbl.Merges
	lead, start := splitLead(rows)
	tail, end := splitTail(rows[start:], merges, start)
	grid, ok := fillMerges(rows[start:start+end], merges, start)
	if !ok {
		return nil, "", fmt.Sprintf("工作表“%s”超过 %d 个单元格，不像是任务分解表，未读取：请确认选择了正确的文件，或把任务表复制到一个新工作簿后再试。", sheet, maxCells)
	}
	for _, s := range lead {
		if t := attachmentLabelRe.ReplaceAllString(s, ""); title == "" && titleLike(t) {
			title = t
		}
		blocks = append(blocks, docread.Block{Text: s})
	}
	datesToText(grid, book.Date1904(), shownAt(tbl, start))
	for _, t := range splitAtHeader(dropEmpty(grid)) {
		blocks = append(blocks, docread.Block{Rows: t})
	}
	for _, s := range tail {
		blocks = append(blocks, docread.Block{Text: s})
	}
	return blocks, title, ""
}

// sheetMsg says why the sheet cannot be read: the reader's own words only
// where they are Chinese (cells beyond Excel's limits), never its English
// (a part missing, broken XML).
func sheetMsg(sheet string, err error) string {
	switch {
	case errors.Is(err, cells.ErrUnzipTooLarge):
		return openMsg(err)
	case errors.Is(err, fillin.ErrClipped):
		return fmt.Sprintf("无法读取工作表“%s”（%v）：请在 Excel 或 WPS 中打开后“另存为” .xlsx 再试。", sheet, err)
	}
	return fmt.Sprintf("工作表“%s”无法读取，文件可能已损坏：请在 Excel 或 WPS 中打开后“另存为” .xlsx 再试。", sheet)
}

// splitLead reads the sheet's leading rows that hold one non-empty cell
// (their text) up to the row the table starts at, the first with more. A
// merged range holds its value in its first cell only, so a merged title
// row has one.
func splitLead(rows [][]string) (lead []string, start int) {
	for i, row := range rows {
		only, n := soleCell(row)
		if n > 1 {
			return lead, i
		}
		if n == 1 {
			lead = append(lead, only)
		}
	}
	return lead, len(rows)
}

// splitTail reads the table's last rows that hold one non-empty cell (a
// note such as 注：标△的为牵头单位, a signature), in order, and where they
// start: a row of a task has at least its number and its text, or shares
// a cell merged down from the row above. skip is the number of sheet rows
// before the table.
func splitTail(rows [][]string, merges []fillin.Merge, skip int) (tail []string, end int) {
	end = len(rows)
	for end > 0 {
		only, n := soleCell(rows[end-1])
		if n > 1 || mergedFromAbove(merges, skip+end) {
			break
		}
		if n == 1 {
			tail = append([]string{only}, tail...)
		}
		end--
	}
	return tail, end
}

// mergedFromAbove reports whether a range merged down from a row above
// covers the sheet's row num (1-based).
func mergedFromAbove(merges []fillin.Merge, num int) bool {
	for _, m := range merges {
		if m.FromRow < num && num <= m.ToRow {
			return true
		}
	}
	return false
}

// soleCell is the text of the row's one non-empty cell when n, the
// number of its non-empty cells, is 1.
func soleCell(row []string) (only string, n int) {
	for _, c := range row {
		if c = strings.TrimSpace(c); c != "" {
			only = cellText(c)
			n++
		}
	}
	return only, n
}

// attachmentLabelRe matches the attachment label before a title on its
// line: 附件1：.
var attachmentLabelRe = regexp.MustCompile(`^附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]\s*`)

// titleLike reports whether a leading line can name the document: not
// 附件2, not a sentence or a note.
func titleLike(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 4 && n <= 80 && !strings.HasPrefix(s, "附件") && !strings.HasPrefix(s, "注") &&
		!strings.ContainsAny(s, "。；;：:\n")
}

// fillMerges returns the table's cells, trimmed, with each merged range's
// value in every cell it spans; skip is the number of sheet rows before
// the table. Ranges are cut to the table, so a range over a whole column
// costs nothing. ok is false when the table has more than maxCells.
func fillMerges(table [][]string, merges []fillin.Merge, skip int) (grid [][]string, ok bool) {
	width := 0
	for _, row := range table {
		width = max(width, len(row))
	}
	if len(table)*width > maxCells {
		return nil, false
	}
	grid = make([][]string, len(table))
	for i, row := range table {
		grid[i] = make([]string, width)
		for j, c := range row {
			grid[i][j] = cellText(c)
		}
	}
	for _, m := range merges {
		spread(grid, m, skip)
	}
	return grid, true
}

// spread copies a merged range's value into the cells it spans within
// the grid, whose first row is the sheet's row skip+1.
func spread(grid [][]string, m fillin.Merge, skip int) {
	r1, r2 := m.FromRow-skip-1, min(m.ToRow-skip-1, len(grid)-1)
	if r1 < 0 || r1 >= len(grid) || m.FromCol < 1 || m.FromCol > len(grid[r1]) {
		return
	}
	v := grid[r1][m.FromCol-1]
	for r := r1; r <= r2; r++ {
		for c := m.FromCol - 1; c < min(m.ToCol, len(grid[r])); c++ {
			grid[r][c] = v
		}
	}
}

// cellText is a cell's text as a Word cell's reads: each line trimmed,
// lines kept apart with "\n".
func cellText(raw string) string {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	lines := strings.Split(strings.ReplaceAll(raw, "\r", "\n"), "\n")
	var kept []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// headerRows is how far down a table its header is looked for.
const headerRows = 3

// datesToText writes as the cell shows it the date serials (a
// date-formatted cell read raw) in the columns whose header names a time
// (完成时限, 完成时间, 日期, 完成期限, 进度安排, the deadline columns
// package policy reads): 2024年6月30日, or 2024年6月 and 2024年 where
// the cell's format, shown(row, col) of the grid, shows only the month or
// the year, so that such a deadline reads as a typed 2024年6月 does, due
// by the month's end, not on its first day. Only serials of the years
// 2000 to 2100: a number there that is no date stays as written.
func datesToText(grid [][]string, date1904 bool, shown func(row, col int) fillin.DateShown) {
	for col := range dateColumns(grid) {
		for r := range grid {
			if col < len(grid[r]) {
				grid[r][col] = serialDate(grid[r][col], date1904, shown(r, col))
			}
		}
	}
}

// shownAt is what the format of the cell at (row, col) of a grid made of
// the table's rows from skip on shows of a date; a cell of a merged range
// shows as the range's first cell, which holds its value.
func shownAt(tbl *fillin.Table, skip int) func(row, col int) fillin.DateShown {
	return func(row, col int) fillin.DateShown {
		if len(tbl.Dates) == 0 {
			return fillin.NoDateShown
		}
		p := fillin.Place{Row: skip + row + 1, Col: col + 1}
		for _, m := range tbl.Merges {
			if m.FromRow <= p.Row && p.Row <= m.ToRow && m.FromCol <= p.Col && p.Col <= m.ToCol {
				p = fillin.Place{Row: m.FromRow, Col: m.FromCol}
				break
			}
		}
		return tbl.Dates[p]
	}
}

// dateColumns are the columns whose header cell names a time.
func dateColumns(grid [][]string) map[int]bool {
	cols := map[int]bool{}
	for _, row := range grid[:min(headerRows, len(grid))] {
		for j, c := range row {
			if utf8.RuneCountInString(c) <= 12 && timeHeaderRe.MatchString(c) {
				cols[j] = true
			}
		}
	}
	return cols
}

// timeHeaderRe matches a header cell that names a time.
var timeHeaderRe = regexp.MustCompile(`时限|时间|日期|期限|进度安排|截止`)

// serialDate is s written as a date when it is a date serial of the years
// 2000 to 2100, to the part of it shown, else s.
func serialDate(s string, date1904 bool, shown fillin.DateShown) string {
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return s
	}
	d, ok := cells.ParseDate(s, date1904)
	if !ok || len(d) != 10 || d < "2000" || d > "2101" {
		return s
	}
	y, _ := strconv.Atoi(d[:4])
	m, _ := strconv.Atoi(d[5:7])
	day, _ := strconv.Atoi(d[8:])
	switch shown {
	case fillin.YearShown:
		return fmt.Sprintf("%d年", y)
	case fillin.MonthShown:
		return fmt.Sprintf("%d年%d月", y, m)
	}
	return fmt.Sprintf("%d年%d月%d日", y, m, day)
}

// splitAtHeader cuts the grid into tables where a row repeats its first
// row, the header: a second table of the same columns further down the
// sheet, or a header copied in with its rows. Read as one table, the
// repeated header was a task whose units came from the row above.
func splitAtHeader(grid [][]string) [][][]string {
	var tables [][][]string
	start := 0
	for i := 1; i < len(grid); i++ {
		if slices.Equal(grid[i], grid[0]) {
			tables = append(tables, grid[start:i])
			start = i
		}
	}
	if start < len(grid) {
		tables = append(tables, grid[start:])
	}
	return tables
}

// dropEmpty removes empty rows and each row's empty trailing cells.
func dropEmpty(grid [][]string) [][]string {
	var out [][]string
	for _, row := range grid {
		n := len(row)
		for n > 0 && row[n-1] == "" {
			n--
		}
		if n > 0 {
			out = append(out, row[:n])
		}
	}
	return out
}
