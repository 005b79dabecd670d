package ledgerbook

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// section is one table of a plain sheet: an optional title line, a header
// (with an optional band of headings over spans of it) and the data rows.
type section struct {
	title   string
	bands   []band
	headers []string
	height  float64 // of each header row; 24 points, one line, when 0
	rows    [][]excelize.Cell
	// n and each, when each is set, stand for rows: n rows, each made as
	// it is written, so that a long table is never in memory whole.
	n    int
	each iter.Seq[[]excelize.Cell]
}

// count is the number of the section's rows.
func (s *section) count() int {
	if s.each != nil {
		return s.n
	}
	return len(s.rows)
}

// all gives the section's rows.
func (s *section) all() iter.Seq[[]excelize.Cell] {
	if s.each != nil {
		return s.each
	}
	return slices.Values(s.rows)
}

// band is a heading over columns first..last (1-based) of a section's
// header, in a row above it. Header cells outside every band take both
// rows.
type band struct {
	first, last int
	text        string
}

// plainSheet is a sheet of one or more tables under a title, printed
// landscape on A4 unless it says otherwise.
type plainSheet struct {
	name       string
	title      string
	note       string // a line under the title, "" for none
	widths     []float64
	hidden     int  // 1-based column to hide, 0 for none
	filter     bool // autofilter on the first table's header
	paper      int  // paperA4 when 0
	portrait   bool
	freezeCols int             // with a single table: columns kept in view beside it
	chart      *excelize.Chart // below the last table, from column B; on a new page after a long one
	sections   []section
}

// sectionRows are where a section is on the sheet: its title row (0 for
// none), its first header row and its first data row.
type sectionRows struct{ title, header, data int }

// layout places the sections; it also returns the sheet's last row.
func (p *plainSheet) layout() ([]sectionRows, int) {
	out := make([]sectionRows, len(p.sections))
	row := 1
	if p.note != "" {
		row++
	}
	for i, s := range p.sections {
		if i > 0 {
			row++ // a blank row between tables
		}
		if s.title != "" {
			row++
			out[i].title = row
		}
		out[i].header = row + 1
		row += 1 + len(s.headerRows())
		out[i].data = row
		row += s.count() - 1
	}
	return out, row
}

// headerRows are the section's header rows: the band, if any, and the
// headers.
func (s *section) headerRows() [][]string {
	if len(s.bands) == 0 {
		return [][]string{s.headers}
	}
	// A header outside the bands goes in the top row, merged down.
	top, bottom := slices.Clone(s.headers), make([]string, len(s.headers))
	for _, b := range s.bands {
		for c := b.first; c <= b.last; c++ {
			top[c-1], bottom[c-1] = "", s.headers[c-1]
		}
		top[b.first-1] = b.text
	}
	return [][]string{top, bottom}
}

// single reports whether the sheet is one table without a title of its
// own, whose header can stay in view.
func (p *plainSheet) single() bool {
	return len(p.sections) == 1 && p.sections[0].title == ""
}

// write sets the sheet up, streams its columns and merged cells, and
// leaves its rows for later, when the workbook is saved.
func (p *plainSheet) write(f *excelize.File, st *styles, later *cells.Later) error {
	at, lastRow := p.layout()
	if err := p.setup(f, at, lastRow); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(p.name)
	if err != nil {
		return err
	}
	width, err := p.setColumns(f, sw, st, at, lastRow)
	if err != nil {
		return err
	}
	if err := p.merge(sw, at); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return later.Rows(p.name, func(rw *cells.RowWriter) error {
		if err := p.writeTitle(rw, st, width); err != nil {
			return err
		}
		for i, s := range p.sections {
			if err := p.writeSection(rw, st, s, at[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// merge merges the sheet's title and note across the visible columns,
// and each section's title and header cells, for sections placed at at.
func (p *plainSheet) merge(sw *excelize.StreamWriter, at []sectionRows) error {
	visible := p.visibleCols()
	if err := mergeTitle(sw, 1, visible); err != nil {
		return err
	}
	if p.note != "" {
		if err := mergeTitle(sw, 2, visible); err != nil {
			return err
		}
	}
	for i, s := range p.sections {
		if s.title != "" {
			if err := mergeTitle(sw, at[i].title, visible); err != nil {
				return err
			}
		}
		if err := s.mergeHeader(sw, at[i].header); err != nil {
			return err
		}
	}
	return nil
}

// visibleCols is the number of columns shown: all but a hidden last one.
func (p *plainSheet) visibleCols() int {
	lastCol := len(p.widths)
	visible := lastCol
	if p.hidden == lastCol {
		visible--
	}
	return visible
}

// setup sets the sheet's size, its autofilter and its print setup, for
// sections placed at at and a sheet ending at lastRow.
func (p *plainSheet) setup(f *excelize.File, at []sectionRows, lastRow int) error {
	lastCol := len(p.widths)
	if err := f.SetSheetDimension(p.name, fmt.Sprintf("A1:%s%d", colName(lastCol), lastRow)); err != nil {
		return err
	}
	if p.filter && len(p.sections) > 0 {
		top := at[0].data - 1
		ref := fmt.Sprintf("A%d:%s%d", top, colName(lastCol), top+p.sections[0].count())
		if err := f.AutoFilter(p.name, ref, nil); err != nil {
			return err
		}
	}
	// Print setup comes after the filter, which replaces the sheet
	// properties that hold fitting to the page. One table repeats its
	// header on every printed page; several repeat only the sheet's title.
	titles := "$1:$1"
	if p.single() {
		titles = fmt.Sprintf("$%d:$%d", at[0].header, at[0].data-1)
	}
	pr := cells.Print{Paper: cmp.Or(p.paper, paperA4), Portrait: p.portrait, TopBottom: 0.7, TitleRows: titles}
	return cells.SetPrint(f, p.name, pr)
}

// setColumns sets the columns' widths, adds the chart below the tables,
// sets the columns' style, hides the hidden column and freezes a single
// table's header. It returns the visible columns' total width.
func (p *plainSheet) setColumns(f *excelize.File, sw *excelize.StreamWriter, st *styles, at []sectionRows, lastRow int) (float64, error) {
	lastCol := len(p.widths)
	visible := p.visibleCols()
	var width float64
	for i, w := range p.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return 0, err
		}
		if i < visible {
			width += w
		}
	}
	if p.chart != nil {
		// After the column widths, from which excelize works out the
		// cell the chart ends in.
		if err := f.AddChart(p.name, cells.CellName(2, lastRow+2), p.chart); err != nil {
			return 0, err
		}
		rows := 0
		for _, s := range p.sections {
			rows += s.count()
		}
		if rows > chartOnItsOwnPage {
			if err := sw.InsertPageBreak(cells.CellName(1, lastRow+1)); err != nil {
				return 0, err
			}
		}
	}
	if err := sw.SetColStyle(1, lastCol, st.column); err != nil {
		return 0, err
	}
	if p.hidden > 0 {
		if err := sw.SetColVisible(p.hidden, p.hidden, false); err != nil {
			return 0, err
		}
	}
	if p.single() {
		if err := sw.SetPanes(frozen(at[0].data-1, p.freezeCols)); err != nil {
			return 0, err
		}
	}
	return width, nil
}

// writeTitle writes the sheet's title and the note under it, which wraps
// in the visible columns' total width.
func (p *plainSheet) writeTitle(rw *cells.RowWriter, st *styles, width float64) error {
	visible := p.visibleCols()
	if err := titleRow(rw, 1, visible, st.title, p.title, 32); err != nil {
		return err
	}
	if p.note != "" {
		h := float64(cells.LineCount(p.note, width))*lineHeight + 8
		if err := titleRow(rw, 2, visible, st.info, p.note, h); err != nil {
			return err
		}
	}
	return nil
}

// writeSection writes section s at the rows at: its title, its header
// and its rows.
func (p *plainSheet) writeSection(rw *cells.RowWriter, st *styles, s section, at sectionRows) error {
	visible := p.visibleCols()
	if s.title != "" {
		if err := titleRow(rw, at.title, visible, st.group, s.title, lineHeight+10); err != nil {
			return err
		}
	}
	if err := s.writeHeader(rw, st, at.header); err != nil {
		return err
	}
	texts := make([]string, len(p.widths))
	j := 0
	for r := range s.all() {
		if j == s.count() {
			return fmt.Errorf("sheet %s: a table gives more rows than the %d laid out", p.name, s.count())
		}
		clear(texts)
		for k, c := range r {
			if v, ok := c.Value.(string); ok && k < visible {
				texts[k] = v
			}
		}
		if err := rw.Row(at.data+j, rowHeight(texts, p.widths), r); err != nil {
			return err
		}
		j++
	}
	if j != s.count() {
		// The sheet's dimension, filter and the tables below were laid
		// out for s.count() rows.
		return fmt.Errorf("sheet %s: a table gives %d rows, laid out for %d", p.name, j, s.count())
	}
	return nil
}

// fit sets the height of the section's header rows to what their texts
// take in columns of the given widths: a band's text spans its columns,
// and a header beside the bands has both rows.
func (s *section) fit(widths []float64) {
	lines := 1
	inBand := make([]bool, len(s.headers)+1)
	for _, b := range s.bands {
		var w float64
		for c := b.first; c <= b.last; c++ {
			inBand[c] = true
			w += widths[c-1]
		}
		lines = max(lines, cells.LineCount(b.text, w))
	}
	for i, h := range s.headers {
		n := cells.LineCount(h, widths[i])
		if len(s.bands) > 0 && !inBand[i+1] {
			n = (n + 1) / 2
		}
		lines = max(lines, n)
	}
	s.height = max(24, float64(lines)*lineHeight+8)
}

// writeHeader writes the section's header rows from row (see mergeHeader).
func (s *section) writeHeader(rw *cells.RowWriter, st *styles, row int) error {
	for i, hs := range s.headerRows() {
		cells := make([]excelize.Cell, len(hs))
		for j, h := range hs {
			cells[j] = text(st.header, h)
		}
		if err := rw.Row(row+i, cmp.Or(s.height, 24), cells); err != nil {
			return err
		}
	}
	return nil
}

// mergeHeader merges, in the section's header rows from row, each band
// across its columns and each header outside the bands down both rows.
func (s *section) mergeHeader(sw *excelize.StreamWriter, row int) error {
	if len(s.bands) == 0 {
		return nil
	}
	inBand := make([]bool, len(s.headers)+1)
	for _, b := range s.bands {
		for c := b.first; c <= b.last; c++ {
			inBand[c] = true
		}
		if b.last > b.first {
			if err := sw.MergeCell(cells.CellName(b.first, row), cells.CellName(b.last, row)); err != nil {
				return err
			}
		}
	}
	for c := 1; c <= len(s.headers); c++ {
		if !inBand[c] {
			if err := sw.MergeCell(cells.CellName(c, row), cells.CellName(c, row+1)); err != nil {
				return err
			}
		}
	}
	return nil
}

// taskName names a task in the other sheets: its label and its title, or
// the start of its text.
func taskName(r *ledger.Row) string {
	name := strings.TrimSpace(r.Title)
	if name == "" {
		name = cells.TruncateRunes(strings.TrimSpace(r.Text), 40)
	}
	return strings.TrimSpace(r.Label + " " + name)
}

// opSymbols writes a target's comparator for people.
var opSymbols = map[string]string{">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "~": "约"}

func targetValue(op string, v float64, unit string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64) + unit
	if sym := cmp.Or(opSymbols[op], op); sym != "" {
		s = sym + " " + s
	}
	return s
}

func writeTargets(f *excelize.File, st *styles, later *cells.Later, l *ledger.Ledger) error {
	s := section{headers: []string{"序号", "任务", "指标", "目标值", "目标年份", "当前值", "完成度", "牵头单位", "任务编号"}}
	for _, r := range l.Rows {
		for _, t := range r.Targets {
			if numericTarget(t) {
				s.n++
			}
		}
	}
	s.each = func(yield func([]excelize.Cell) bool) {
		n := 0
		for _, r := range l.Rows {
			for _, t := range r.Targets {
				if !numericTarget(t) {
					continue
				}
				n++
				if !yield(targetRow(st, n, r, t)) {
					return
				}
			}
		}
	}
	p := &plainSheet{
		name: SheetTargets, title: "量化指标完成情况" + periodSuffix(l),
		widths: []float64{6, 36, 36, 14, 9, 14, 9, 18, 16}, hidden: 9, filter: true,
		sections: []section{s},
	}
	return p.write(f, st, later)
}

// numericTarget reports whether t has a value to reach, not only a text.
func numericTarget(t ledger.TargetProgress) bool { return t.Op != "" || t.Value != 0 }

// targetRow is the row numbered n of the 指标 sheet: target t of r.
func targetRow(st *styles, n int, r *ledger.Row, t ledger.TargetProgress) []excelize.Cell {
	year := excelize.Cell{StyleID: st.count}
	if t.Year > 0 {
		year.Value = t.Year
	}
	current := text(st.center, t.CurrentText)
	if t.Current != nil {
		current = text(st.center, strconv.FormatFloat(*t.Current, 'f', -1, 64)+t.Unit)
	}
	return []excelize.Cell{
		{StyleID: st.count, Value: n},
		text(st.text, taskName(r)),
		text(st.text, cmp.Or(t.Indicator, t.Text)),
		text(st.center, targetValue(t.Op, t.Value, t.Unit)),
		year,
		current,
		number(st.ratio, t.Attainment),
		text(st.center, strings.Join(r.Lead, "、")),
		text(st.column, r.TaskID),
	}
}

func periodSuffix(l *ledger.Ledger) string {
	if l.PeriodLabel == "" {
		return ""
	}
	return "（" + l.PeriodLabel + "）"
}

func writeMissing(f *excelize.File, st *styles, later *cells.Later, l *ledger.Ledger) error {
	units := section{
		title:   fmt.Sprintf("一、未报送单位（%d 个）", len(l.Missing)),
		headers: []string{"序号", "单位", "牵头任务数", "牵头任务"},
	}
	led := map[string]int{}
	for _, u := range l.Units {
		led[u.Unit] = u.Led
	}
	for i, u := range l.Missing {
		units.rows = append(units.rows, []excelize.Cell{
			{StyleID: st.count, Value: i + 1},
			text(st.text, u),
			{StyleID: st.count, Value: led[u]},
			text(st.text, ledLabels(l.Rows, u)),
		})
	}
	tasks := section{headers: []string{"序号", "任务", "牵头单位"}}
	for _, r := range l.Rows {
		if r.Status != ledger.NotReported {
			continue
		}
		lead := strings.Join(r.Lead, "、")
		if lead == "" {
			lead = "（未指定牵头单位）"
		}
		tasks.rows = append(tasks.rows, []excelize.Cell{
			{StyleID: st.count, Value: len(tasks.rows) + 1},
			text(st.text, taskName(r)),
			text(st.center, lead),
		})
	}
	tasks.title = fmt.Sprintf("二、牵头单位未报送的任务（%d 项）", len(tasks.rows))
	p := &plainSheet{
		name: SheetMissing, title: "未报送情况" + periodSuffix(l),
		widths:   []float64{6, 60, 24, 60},
		sections: []section{units, tasks},
	}
	return p.write(f, st, later)
}

// ledLabels lists the labels of the tasks unit leads, by document when the
// ledger has several: "方案A：一1、一2；要点B：二3".
func ledLabels(rows []*ledger.Row, unit string) string {
	var (
		parts  []string
		doc    string
		labels []string
		docs   = map[string]bool{}
	)
	for _, r := range rows {
		docs[r.DocID] = true
	}
	flush := func() {
		if len(labels) == 0 {
			return
		}
		s := strings.Join(labels, "、")
		if len(docs) > 1 {
			s = doc + "：" + s
		}
		parts = append(parts, s)
		labels = nil
	}
	prev := ""
	for _, r := range rows {
		if !contains(r.Lead, unit) {
			continue
		}
		if r.DocID != prev {
			flush()
			prev, doc = r.DocID, shortDocTitle(r)
		}
		labels = append(labels, cmp.Or(r.Label, r.TaskID))
	}
	flush()
	return strings.Join(parts, "；")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// shortDocTitle is the name inside 《》 of a row's document title, or the
// title, shortened.
func shortDocTitle(r *ledger.Row) string {
	return cells.TruncateRunes(task.ShortTitle(cmp.Or(strings.TrimSpace(r.DocTitle), r.DocID)), 20)
}

func writeFindings(f *excelize.File, st *styles, later *cells.Later, l *ledger.Ledger) error {
	s := section{headers: []string{"文件", "单位", "状态", "级别", "工作表", "位置", "任务", "说明"}}
	cuts := ledgerCuts(l)
	for _, in := range l.Intake {
		s.n += len(intakeFindings(in))
	}
	s.n += len(cuts)
	s.each = func(yield func([]excelize.Cell) bool) {
		names := map[string]string{}
		for _, r := range l.Rows {
			names[r.TaskID] = taskName(r)
		}
		for _, in := range l.Intake {
			for _, fd := range intakeFindings(in) {
				if !yield(findingRow(st, in, fd, names)) {
					return
				}
			}
		}
		for _, c := range cuts {
			if !yield(cutFindingRow(st, c)) {
				return
			}
		}
	}
	p := &plainSheet{
		name: SheetFindings, title: "填报表接收与问题清单" + periodSuffix(l),
		widths: []float64{24, 16, 14, 6, 10, 7, 26, 54}, filter: true,
		sections: []section{s},
	}
	return p.write(f, st, later)
}

// intakeFindings are the lines of the 问题清单 sheet for a return: its
// findings, after a note when it was superseded; one without a finding
// has a line of its own.
func intakeFindings(in *ledger.Intake) []fillin.Finding {
	findings := in.Findings
	if in.State == ledger.Superseded && in.SupersededBy != "" {
		note := fillin.Finding{Level: fillin.LevelInfo, Msg: "同一单位有更新的填报表，已采用 " + in.SupersededBy}
		findings = append([]fillin.Finding{note}, findings...)
	}
	if len(findings) == 0 {
		findings = []fillin.Finding{{}} // the file's line alone
	}
	return findings
}

// findingRow is the line of the 问题清单 sheet for finding fd of a return;
// names are the tasks' names by ID.
func findingRow(st *styles, in *ledger.Intake, fd fillin.Finding, names map[string]string) []excelize.Cell {
	task, level := "", ""
	if fd.TaskID != "" {
		task = cmp.Or(names[fd.TaskID], fd.TaskID)
	}
	if fd.Msg != "" {
		level = fd.Level.Label()
	}
	return []excelize.Cell{
		text(st.text, in.File),
		text(st.center, in.Unit),
		text(st.center, string(in.State)),
		text(cmp.Or(st.level[fd.Level], st.center), level),
		text(st.center, fd.Sheet),
		text(st.center, fd.Cell),
		text(st.text, task),
		text(st.text, fd.Msg),
	}
}
