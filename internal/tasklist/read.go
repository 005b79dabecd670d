package tasklist

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// headerScanRows is how far down Read looks for a header row: the office
// may delete the title row or add a few lines of its own above the table.
const headerScanRows = 10

// newIDFlag is added to the flags of a row that had no 任务编号, so the
// office sees in the next task list that the tool numbered it.
const newIDFlag = "任务编号为读取时新分配（原表该行没有编号）：请核实这是新增的任务"

// ReadFile reads the task list workbook at path. Messages about the
// workbook name the file by its base name.
func ReadFile(path string) (*task.Set, error) {
	s, err := cells.ReadFile(path, Read)
	if e, ok := err.(*InputError); ok {
		// Read reports every problem as InputErrors; so does ReadFile.
		return nil, InputErrors{e}
	}
	return s, err
}

// Read reads a task list workbook back, possibly after the office edited it
// in Excel, WPS or LibreOffice. name is used in messages. Problems in the
// workbook are returned as InputErrors, all of them at once.
func Read(name string, r io.Reader) (*task.Set, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read task list %s: %w", name, err)
	}
	if msg := cells.SniffXLSX(name, data, " taizhang 生成的任务分解表，或在 Excel/WPS 中另存为 .xlsx"); msg != "" {
		return nil, InputErrors{{File: name, Msg: msg}}
	}
	book, err := fillin.OpenSheets(data)
	if err != nil {
		return nil, InputErrors{{File: name, Msg: cells.OpenMessage(err)}}
	}
	rd := &reader{name: name, book: book, date1904: book.Date1904()}
	set := rd.read()
	if len(rd.errs) > 0 {
		return nil, rd.errs
	}
	return set, nil
}

// reader holds the state of one Read.
type reader struct {
	name     string
	book     *fillin.Sheets
	date1904 bool
	errs     InputErrors

	hidden *hiddenData
	docs   *docIndex
}

func (rd *reader) fail(sheet, cell, format string, args ...any) {
	rd.errs = append(rd.errs, &InputError{File: rd.name, Sheet: sheet, Cell: cell, Msg: fmt.Sprintf(format, args...)})
}

func (rd *reader) read() *task.Set {
	rd.readHidden()
	rd.docs = newDocIndex(rd.readDocSheet(), rd.hidden)
	sheet := rd.findTaskSheet()
	if sheet == "" {
		rd.fail("", "", "找不到工作表“%s”：请不要删除或重命名该工作表", SheetTasks)
		return nil
	}
	rows := rd.grid(sheet)
	cols, ok := rd.taskColumns(sheet, rows)
	if !ok {
		return nil
	}
	rd.readTasks(sheet, rows, cols)
	if len(rd.errs) > 0 {
		return nil
	}
	return rd.docs.set()
}

func (rd *reader) readHidden() {
	if !rd.book.Has(SheetHidden) {
		return
	}
	rows, _, err := rd.book.Rows(SheetHidden)
	if err != nil {
		return // the visible sheets are enough
	}
	h, err := readHidden(rows)
	if err != nil {
		rd.fail(SheetHidden, "", "%v", err)
		return
	}
	rd.hidden = h
}

// grid returns the sheet's raw cell values with merged ranges filled in, so
// a value merged across rows applies to every row it spans.
func (rd *reader) grid(sheet string) [][]string {
	rows, merges, err := rd.book.Rows(sheet)
	if err != nil {
		rd.fail(sheet, "", "无法读取工作表（%v）", err)
		return nil
	}
	for _, m := range merges {
		c1, r1, c2, r2 := m.FromCol, m.FromRow, m.ToCol, m.ToRow
		if r1 > len(rows) || c1 > len(rows[r1-1]) {
			continue
		}
		v := rows[r1-1][c1-1]
		for r := r1; r <= min(r2, len(rows)); r++ {
			for c := c1; c <= c2; c++ {
				for len(rows[r-1]) < c {
					rows[r-1] = append(rows[r-1], "")
				}
				rows[r-1][c-1] = v
			}
		}
	}
	return rows
}

// findTaskSheet returns the name of the task sheet: 任务分解表, or, in a
// workbook the office rebuilt, the first other sheet with the task header.
func (rd *reader) findTaskSheet() string {
	sheets := rd.book.Names()
	for _, s := range sheets {
		if cells.HeaderKey(s) == SheetTasks {
			return s
		}
	}
	for _, s := range sheets {
		if s == SheetUnits || s == SheetDocuments || s == SheetHidden {
			continue
		}
		rows, _, err := rd.book.Rows(s)
		if err != nil {
			continue
		}
		if _, cols := findHeader(rows, taskHeaderKeys()); cols != nil && requiredFound(cols) {
			return s
		}
	}
	return ""
}

// taskHeaderKeys maps each accepted header key to its field; exact headers
// take precedence over aliases in findHeader.
func taskHeaderKeys() []map[string]int {
	exact, alias := map[string]int{}, map[string]int{}
	for i, c := range columns {
		exact[cells.HeaderKey(c.header)] = i
		for _, a := range c.aliases {
			alias[cells.HeaderKey(a)] = i
		}
	}
	return []map[string]int{exact, alias}
}

// findHeader finds the header row among the first rows: the row matching
// the most known headers (at least two). It returns the row index and the
// column index of each field, -1 where absent.
func findHeader(rows [][]string, keys []map[string]int) (int, []int) {
	best, bestCount := -1, 1
	for r := 0; r < min(headerScanRows, len(rows)); r++ {
		n := 0
		for _, v := range rows[r] {
			for _, k := range keys {
				if _, ok := k[cells.HeaderKey(v)]; ok {
					n++
					break
				}
			}
		}
		if n > bestCount {
			best, bestCount = r, n
		}
	}
	if best < 0 {
		return -1, nil
	}
	size := 0
	for _, v := range keys[0] {
		size = max(size, v+1)
	}
	cols := make([]int, size)
	for i := range cols {
		cols[i] = -1
	}
	for _, k := range keys {
		for c, v := range rows[best] {
			if fi, ok := k[cells.HeaderKey(v)]; ok && cols[fi] < 0 && !slices.Contains(cols, c) {
				cols[fi] = c
			}
		}
	}
	return best, cols
}

func requiredFound(cols []int) bool {
	for i, c := range columns {
		if c.required && cols[i] < 0 {
			return false
		}
	}
	return true
}

// taskCols is where the fields are on the task sheet.
type taskCols struct {
	header int   // 0-based row index of the header
	at     []int // column index per field, -1 if absent
}

func (tc taskCols) has(f field) bool { return tc.at[f] >= 0 }

func (tc taskCols) cell(f field, row int) string {
	return cells.CellName(max(tc.at[f], 0)+1, row)
}

func (rd *reader) taskColumns(sheet string, rows [][]string) (taskCols, bool) {
	header, at := findHeader(rows, taskHeaderKeys())
	if at == nil {
		rd.fail(sheet, "", "前 %d 行中找不到表头行（应包含“任务编号”“序号”“任务内容”“牵头单位”等列）：请不要删除或改写表头行", headerScanRows)
		return taskCols{}, false
	}
	ok := true
	for i, c := range columns {
		if c.required && at[i] < 0 {
			rd.fail(sheet, strconv.Itoa(header+1), "缺少“%s”列：该列不能删除或改名，请从原表中恢复这一列", c.header)
			ok = false
		}
	}
	return taskCols{header: header, at: at}, ok
}

// taskRow is one data row of the task sheet.
type taskRow struct {
	row  int // 1-based sheet row
	vals [numFields]string
}

func (rd *reader) readTasks(sheet string, rows [][]string, cols taskCols) {
	var data []taskRow
	used := map[string]int{} // task ID → row
	for r := cols.header + 1; r < len(rows); r++ {
		tr := taskRow{row: r + 1}
		blank := true
		for f := range numFields {
			if c := cols.at[f]; c >= 0 && c < len(rows[r]) {
				tr.vals[f] = cells.CleanCell(rows[r][c])
				blank = blank && tr.vals[f] == ""
			}
		}
		if blank || cells.HeaderKey(tr.vals[fID]) == columns[fID].header {
			continue // empty, or the header pasted again
		}
		if id := tr.vals[fID]; id != "" {
			if first, dup := used[id]; dup {
				rd.fail(sheet, cols.cell(fID, tr.row), "任务编号“%s”与第 %d 行重复：任务编号不能重复（复制出来的新行请清空任务编号，读取时会分配新编号）", id, first)
				continue
			}
			used[id] = tr.row
		}
		data = append(data, tr)
	}
	var prev *docEntry
	for _, tr := range data {
		t, doc := rd.readTask(sheet, tr, cols, prev)
		if t == nil || doc == nil {
			continue
		}
		prev = doc
		if t.ID == "" {
			t.ID = newID(doc.doc.ID, t, used)
			used[t.ID] = tr.row
			t.Flags = append(t.Flags, newIDFlag)
		}
		doc.doc.Tasks = append(doc.doc.Tasks, t)
	}
}

// readTask builds the task of one row: visible cells first, the hidden
// sheet for what the visible sheet does not show.
func (rd *reader) readTask(sheet string, tr taskRow, cols taskCols, prev *docEntry) (*task.Task, *docEntry) {
	v := tr.vals
	var old task.Task
	oldDoc := ""
	if rd.hidden != nil && v[fID] != "" {
		if rec := rd.hidden.tasks[v[fID]]; rec != nil {
			old, oldDoc = *rec.Task, rec.Doc
		}
	}
	t := &task.Task{
		ID:       v[fID],
		Path:     pathFor(v[fLabel], old.Path),
		Headings: old.Headings,
		Title:    old.Title,
		Text:     wholeText(v[fText], old.Text),
		Lead:     cells.SplitUnits(v[fLead]),
		Co:       old.Co,
		UnitsRaw: old.UnitsRaw,
		Leader:   old.Leader,
		Targets:  old.Targets,
		Flags:    old.Flags,
	}
	if cols.has(fHeading1) || cols.has(fHeading2) {
		t.Headings = headings(v[fHeading1], v[fHeading2])
	}
	if cols.has(fTitle) {
		t.Title = wholeText(v[fTitle], old.Title)
	}
	if cols.has(fCo) {
		t.Co = cells.SplitUnits(v[fCo])
	}
	if cols.has(fLeader) {
		t.Leader = v[fLeader]
	}
	if cols.has(fUnitsRaw) {
		t.UnitsRaw = wholeText(v[fUnitsRaw], old.UnitsRaw)
	}
	if cols.has(fTargets) {
		t.Targets = targets(v[fTargets], old.Targets)
	}
	if cols.has(fFlags) {
		t.Flags = cells.SplitLines(v[fFlags])
	}
	kind, ok := rd.kind(sheet, tr, cols, old.Kind, t.Lead)
	t.Kind = kind
	switch {
	case !t.Reportable() || len(t.Lead) > 0:
	case len(old.Lead) > 0:
		// The parse found a lead and the cell was emptied since.
		rd.fail(sheet, cols.cell(fLead, tr.row), "牵头单位为空：请填写牵头单位，或将类型改为“其他”")
		ok = false
	default:
		// The document names no unit: the office has yet to assign one;
		// the commands that need a lead say so.
		if !hasFlag(t.Flags, UnassignedFlag) {
			t.Flags = append(t.Flags, UnassignedFlag)
		}
	}
	var dl task.Deadline
	if old.Deadline != nil {
		dl = *old.Deadline
	}
	if cols.has(fDeadline) {
		dl.Text = v[fDeadline]
	}
	if cols.has(fDate) {
		date, good := cells.ParseDate(v[fDate], rd.date1904)
		if !good {
			rd.fail(sheet, cols.cell(fDate, tr.row), "时限日期“%s”不是日期：请填写如 2025-12-31、2025/12/31 或 2025年12月31日 的日期，没有具体日期的请留空", v[fDate])
			ok = false
		}
		dl.Date = date
	}
	if dl != (task.Deadline{}) {
		t.Deadline = &dl
	}
	doc := rd.docs.resolve(v[fDoc], oldDoc, t.ID, prev)
	if doc == nil {
		cell := cols.cell(fDoc, tr.row)
		if !cols.has(fDoc) {
			cell = strconv.Itoa(tr.row)
		}
		if v[fDoc] == "" {
			rd.fail(sheet, cell, "无法确定该行属于哪个文件：请在“所属文件”列填写文件标题（见“文件信息”工作表）")
		} else {
			rd.fail(sheet, cell, "所属文件“%s”在“文件信息”工作表中找不到：请填写其中已有文件的标题", v[fDoc])
		}
		ok = false
	}
	if !ok {
		return nil, nil
	}
	return t, doc
}

// kind reads the 类型 cell; an empty cell keeps the type the tool wrote, or
// for a new row means a task if it has a lead unit.
func (rd *reader) kind(sheet string, tr taskRow, cols taskCols, old task.Kind, lead []string) (task.Kind, bool) {
	s := strings.ToLower(cells.HeaderKey(tr.vals[fKind]))
	if s != "" {
		if k, ok := readKinds[s]; ok {
			return k, true
		}
		rd.fail(sheet, cols.cell(fKind, tr.row), "类型“%s”无法识别：只能填写 任务、目标 或 其他", tr.vals[fKind])
		return old, false
	}
	switch {
	case old != "":
		return old, true
	case len(lead) > 0:
		return task.KindTask, true
	}
	return task.KindOther, true
}

// pathFor keeps the stored numbering path while it still spells the label,
// and re-derives it from the label otherwise.
func pathFor(label string, old []string) []string {
	if label == "" {
		return nil
	}
	if len(old) > 0 && strings.Join(old, "") == label {
		return old
	}
	return cells.SplitLabel(label)
}

// headings rebuilds the heading levels from the two heading columns.
func headings(h1, h2 string) []string {
	if h1 == "" && h2 == "" {
		return nil
	}
	hs := []string{h1}
	if h2 != "" {
		for _, h := range strings.Split(h2, headingSep) {
			hs = append(hs, strings.TrimSpace(h))
		}
	}
	return hs
}

// targets rebuilds a task's targets from the 量化指标 text: a line the tool
// wrote keeps its structured target, a line the office changed or added
// becomes a target with text only.
func targets(text string, old []task.Target) []task.Target {
	lines := cells.SplitLines(text)
	if len(lines) == 0 {
		return nil
	}
	usedOld := make([]bool, len(old))
	out := make([]task.Target, len(lines))
	for i, l := range lines {
		out[i] = task.Target{Text: l}
		for j, o := range old {
			if !usedOld[j] && strings.TrimSpace(o.Text) == l {
				out[i], usedOld[j] = o, true
				break
			}
		}
	}
	return out
}

// newID numbers a row the office added: the document's ID and a hash of
// the row's label and content, made unique within the workbook.
func newID(docID string, t *task.Task, used map[string]int) string {
	sum := sha256.Sum256([]byte(t.Label() + "\x1f" + t.Title + "\x1f" + t.Text))
	base := docID + "-" + hex.EncodeToString(sum[:4])
	id := base
	for n := 2; ; n++ {
		if _, taken := used[id]; !taken {
			return id
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
}

// UnassignedFlag marks a task or target that has no lead unit yet.
const UnassignedFlag = "未指定牵头单位：请在“牵头单位”列填写"

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f || strings.HasPrefix(x, "未标明责任单位") || strings.HasPrefix(x, "文件未列责任单位") {
			return true
		}
	}
	return false
}
