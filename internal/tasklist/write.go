package tasklist

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// Write writes the task list workbook for set. now is pinned by the caller
// so output is deterministic: it becomes the workbook's created and
// modified time.
func Write(w io.Writer, set *task.Set, now time.Time) error {
	return cells.WriteBook(w, "write task list", func(f *excelize.File, _ *cells.Later) error { return build(f, set, now) })
}

// WriteFile writes the task list workbook to path. It writes a temporary
// file next to path and renames it, so a failed run never leaves a broken
// workbook where the office expects one.
func WriteFile(path string, set *task.Set, now time.Time) error {
	var werr error
	err := cells.WriteFileAtomic(path, func(w io.Writer) error {
		if werr = Write(w, set, now); werr != nil {
			return werr
		}
		return w.(*os.File).Sync()
	})
	if err != nil && werr == nil {
		return fmt.Errorf("write task list: %w", err)
	}
	return err
}

// build fills a new workbook with the four sheets.
func build(f *excelize.File, set *task.Set, now time.Time) error {
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName(f.GetSheetName(0), SheetTasks); err != nil {
		return err
	}
	for _, name := range []string{SheetUnits, SheetDocuments, SheetHidden} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// Both read every worksheet: do them while the sheets are empty, not
	// after streaming, which would parse all the rows again.
	f.SetActiveSheet(0)
	if err := f.SetSheetVisible(SheetHidden, false, true); err != nil {
		return err
	}
	labels := docLabels(set.Documents)
	if err := writeTaskSheet(f, st, set, labels); err != nil {
		return err
	}
	if err := writeUnitSheet(f, st, set, labels); err != nil {
		return err
	}
	if err := writeDocSheet(f, st, set); err != nil {
		return err
	}
	if err := writeHidden(f, set, labels); err != nil {
		return err
	}
	if err := outfile.Mark(f, outfile.TaskList); err != nil {
		return err
	}
	stamp := now.UTC().Format(time.RFC3339)
	return f.SetDocProps(&excelize.DocProperties{
		Title:    SheetTasks,
		Creator:  "taizhang",
		Created:  stamp,
		Modified: stamp,
		Language: "zh-CN",
	})
}

// styles are the cell styles of the workbook.
type styles struct {
	title, header, text, center, flagged, number, column int
}

func newStyles(f *excelize.File) (*styles, error) {
	font := &excelize.Font{Family: "宋体", Size: 11}
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
	textFmt := 49 // "@": what people type stays text, formulas included
	type def struct {
		id *int
		s  excelize.Style
	}
	var defs []def
	st := &styles{}
	add := func(id *int, s excelize.Style) { defs = append(defs, def{id, s}) }
	add(&st.title, excelize.Style{
		Font:      &excelize.Font{Family: "宋体", Size: 16, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	add(&st.header, excelize.Style{
		Font:      &excelize.Font{Family: "宋体", Size: 11, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border:    border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		NumFmt:    textFmt,
	})
	add(&st.text, excelize.Style{
		Font: font, Border: border, NumFmt: textFmt,
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	add(&st.center, excelize.Style{
		Font: font, Border: border, NumFmt: textFmt,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true},
	})
	add(&st.flagged, excelize.Style{
		Font: font, Border: border, NumFmt: textFmt,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	add(&st.number, excelize.Style{
		Font: font, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"},
	})
	// Rows the office adds below the table: text format, wrapped.
	add(&st.column, excelize.Style{
		Font: font, NumFmt: textFmt,
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	return st, nil
}

// docLabels returns the short name of each document shown in the 所属文件
// column: the name inside 《》 if the title has one, else the title,
// shortened; documents that would share a label get their ID appended.
func docLabels(docs []*task.Document) []string {
	labels := make([]string, len(docs))
	seen := map[string]int{}
	for i, d := range docs {
		labels[i] = shortTitle(d)
		seen[labels[i]]++
	}
	for i, d := range docs {
		if seen[labels[i]] > 1 {
			labels[i] = fmt.Sprintf("%s（%s）", labels[i], d.ID)
		}
	}
	return labels
}

func shortTitle(d *task.Document) string {
	return cells.TruncateRunes(task.ShortTitle(cmp.Or(strings.TrimSpace(d.Title), d.Source, d.ID)), 20)
}

// sheetTitle is the text of the title row.
func sheetTitle(set *task.Set) string {
	if len(set.Documents) != 1 {
		return SheetTasks
	}
	d := set.Documents[0]
	name := task.ShortTitle(d.Name())
	if name == "" {
		return SheetTasks
	}
	return "《" + name + "》" + SheetTasks
}

// taskValues is the row of the 任务分解表 sheet for t.
func taskValues(t *task.Task, docLabel string) []string {
	v := make([]string, numFields)
	v[fID] = t.ID
	v[fLabel] = t.Label()
	v[fDoc] = docLabel
	if len(t.Headings) > 0 {
		v[fHeading1] = t.Headings[0]
		v[fHeading2] = strings.Join(t.Headings[1:], headingSep)
	}
	v[fTitle] = fitText(t.Title)
	v[fText] = fitText(t.Text)
	v[fKind] = cmp.Or(kindLabels[t.Kind], string(t.Kind))
	v[fLead] = strings.Join(t.Lead, "、")
	v[fCo] = strings.Join(t.Co, "、")
	v[fLeader] = t.Leader
	if t.Deadline != nil {
		v[fDeadline] = t.Deadline.Text
		v[fDate] = t.Deadline.Date
	}
	targets := make([]string, len(t.Targets))
	for i, tg := range t.Targets {
		targets[i] = tg.Text
	}
	v[fTargets] = strings.Join(targets, "\n")
	v[fFlags] = strings.Join(t.Flags, "\n")
	v[fUnitsRaw] = fitText(t.UnitsRaw)
	return v
}

// headingSep joins the third and deeper heading levels into 二级标题.
const headingSep = " / "

func writeTaskSheet(f *excelize.File, st *styles, set *task.Set, labels []string) error {
	const sheet = SheetTasks
	n := 0
	for _, d := range set.Documents {
		n += len(d.Tasks)
	}
	lastRow := 2 + n
	if err := setupTaskSheet(f, lastRow); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths, err := setTaskColumns(sw, st)
	if err != nil {
		return err
	}
	if err := writeTaskHeader(sw, st, set); err != nil {
		return err
	}
	if err := writeTaskRows(sw, st, set, labels, widths); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return cells.SetPrintTitles(f, sheet, "$1:$2")
}

// setupTaskSheet sets what the 任务分解表 sheet, ending at lastRow, keeps
// outside its rows. The stream writer emits sheetPr and dimension when it
// is created and the other worksheet settings when it is flushed: set them
// in between through the normal API, which edits the same worksheet.
func setupTaskSheet(f *excelize.File, lastRow int) error {
	const sheet = SheetTasks
	lastCol, _ := excelize.ColumnNumberToName(int(numFields))
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", lastCol, lastRow)); err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, fmt.Sprintf("A2:%s%d", lastCol, lastRow), nil); err != nil {
		return err
	}
	if err := printSetup(f, sheet, paperA3); err != nil {
		return err
	}
	printCol, _ := excelize.ColumnNumberToName(printedFields)
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, printCol, lastRow),
		Scope:    sheet,
	}); err != nil {
		return err
	}
	return addKindValidation(f)
}

// addKindValidation gives the 类型 column its drop-down list.
func addKindValidation(f *excelize.File) error {
	kindCol, _ := excelize.ColumnNumberToName(int(fKind) + 1)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s3:%s%d", kindCol, kindCol, excelize.TotalRows)
	if err := dv.SetDropList([]string{"任务", "目标", "其他"}); err != nil {
		return err
	}
	dv.SetInput("类型", "任务：需要报送进展；目标：量化指标；其他：指导思想、基本原则等，不需报送。")
	dv.SetError(excelize.DataValidationErrorStyleStop, "类型不正确", "类型只能是 任务、目标 或 其他，请从下拉列表中选择。")
	return f.AddDataValidation(SheetTasks, dv)
}

// setTaskColumns sets the 任务分解表 sheet's column widths and style and
// freezes its header. It returns the widths, which row heights are worked
// out from.
func setTaskColumns(sw *excelize.StreamWriter, st *styles) ([]float64, error) {
	widths := make([]float64, numFields)
	for i, c := range columns {
		widths[i] = c.width
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, err
		}
	}
	// Besides formatting new rows as text, this puts the <col> elements in
	// ascending order, which Excel requires and SetColWidth does not keep.
	if err := sw.SetColStyle(1, int(numFields), st.column); err != nil {
		return nil, err
	}
	if err := sw.SetPanes(frozenRows(2)); err != nil {
		return nil, err
	}
	return widths, nil
}

// writeTaskHeader writes the 任务分解表 sheet's title and header rows.
func writeTaskHeader(sw *excelize.StreamWriter, st *styles, set *task.Set) error {
	title := []any{excelize.Cell{StyleID: st.title, Value: sheetTitle(set)}}
	if err := sw.SetRow("A1", title, excelize.RowOpts{Height: 36}); err != nil {
		return err
	}
	// The title centres over the printed columns.
	printCol, _ := excelize.ColumnNumberToName(printedFields)
	if err := sw.MergeCell("A1", printCol+"1"); err != nil {
		return err
	}
	header := make([]any, numFields)
	for i, c := range columns {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	return sw.SetRow("A2", header, excelize.RowOpts{Height: 30})
}

// writeTaskRows writes one row per task from row 3 on, labels[i] naming
// the i-th document.
func writeTaskRows(sw *excelize.StreamWriter, st *styles, set *task.Set, labels []string, widths []float64) error {
	row := 2
	rowCells := make([]any, numFields)
	for i, d := range set.Documents {
		for _, t := range d.Tasks {
			row++
			values := taskValues(t, labels[i])
			for j, v := range values {
				style := st.text
				switch {
				case field(j) == fFlags && v != "":
					style = st.flagged
				case columns[j].centered:
					style = st.center
				}
				rowCells[j] = excelize.Cell{StyleID: style, Value: cellValue(v)}
			}
			opts := excelize.RowOpts{Height: rowHeight(values, widths)}
			if err := sw.SetRow(fmt.Sprintf("A%d", row), rowCells, opts); err != nil {
				return err
			}
		}
	}
	return nil
}

func frozenRows(n int) *excelize.Panes {
	return &excelize.Panes{
		Freeze:      true,
		YSplit:      n,
		TopLeftCell: fmt.Sprintf("A%d", n+1),
		ActivePane:  "bottomLeft",
	}
}

// Paper sizes as Excel numbers them.
const (
	paperA4 = cells.PaperA4
	paperA3 = cells.PaperA3
)

// printSetup prints sheet landscape on the given paper, one page wide and as
// many pages tall as needed, with the page number in the footer. The task
// sheet goes on A3, as offices print ledgers, with only the columns a
// meeting reads; the others fit A4.
func printSetup(f *excelize.File, sheet string, paper int) error {
	return cells.SetPrint(f, sheet, cells.Print{Paper: paper, TopBottom: 0.6})
}

// writeTable streams a plain table with a frozen header row onto sheet.
func writeTable(f *excelize.File, st *styles, sheet string, headers []string, widths []float64, rows [][]any, filter bool) error {
	lastCol, _ := excelize.ColumnNumberToName(len(headers))
	lastRow := 1 + len(rows)
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", lastCol, lastRow)); err != nil {
		return err
	}
	if filter {
		if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", lastCol, lastRow), nil); err != nil {
			return err
		}
	}
	if err := printSetup(f, sheet, paperA4); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	// Besides formatting new rows as text, this puts the <col> elements in
	// ascending order, which Excel requires and SetColWidth does not keep.
	if err := sw.SetColStyle(1, len(widths), st.column); err != nil {
		return err
	}
	if err := sw.SetPanes(frozenRows(1)); err != nil {
		return err
	}
	rowCells := make([]any, len(headers))
	for i, h := range headers {
		rowCells[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", rowCells, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	for i, r := range rows {
		texts := make([]string, len(r))
		for j, v := range r {
			style := st.text
			if _, ok := v.(int); ok {
				style = st.number
				r[j] = excelize.Cell{StyleID: style, Value: v}
				continue
			}
			texts[j] = v.(string)
			r[j] = excelize.Cell{StyleID: style, Value: cellValue(texts[j])}
		}
		opts := excelize.RowOpts{Height: rowHeight(texts, widths)}
		if err := sw.SetRow(fmt.Sprintf("A%d", i+2), r, opts); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return cells.SetPrintTitles(f, sheet, "$1:$1")
}

// cellValue leaves empty cells without a value, so they are blank for
// Excel's functions and filters, yet keep their style.
func cellValue(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// unitStat is one row of the 责任单位 sheet.
type unitStat struct {
	name     string
	lead, co int
	labels   [][]string // lead task labels per document
}

func writeUnitSheet(f *excelize.File, st *styles, set *task.Set, labels []string) error {
	byName := map[string]*unitStat{}
	var stats []*unitStat
	get := func(name string) *unitStat {
		u := byName[name]
		if u == nil {
			u = &unitStat{name: name, labels: make([][]string, len(set.Documents))}
			byName[name] = u
			stats = append(stats, u)
		}
		return u
	}
	for i, d := range set.Documents {
		for _, t := range d.Tasks {
			for _, name := range t.Lead {
				u := get(name)
				if t.Reportable() {
					u.lead++
					u.labels[i] = append(u.labels[i], cmp.Or(t.Label(), t.ID))
				}
			}
			for _, name := range t.Co {
				u := get(name)
				if t.Reportable() {
					u.co++
				}
			}
		}
	}
	slices.SortStableFunc(stats, func(a, b *unitStat) int {
		return cmp.Or(cmp.Compare(b.lead+b.co, a.lead+a.co), strings.Compare(a.name, b.name))
	})
	rows := make([][]any, len(stats))
	for i, u := range stats {
		rows[i] = []any{u.name, u.lead, u.co, u.lead + u.co, leadLabels(u, labels)}
	}
	return writeTable(f, st, SheetUnits, unitHeaders, unitWidths, rows, true)
}

// leadLabels lists a unit's lead tasks by their numbering, prefixed by the
// document when the set has several, cut to a readable length.
func leadLabels(u *unitStat, docLabels []string) string {
	var b strings.Builder
	runes := 0
	for i, ls := range u.labels {
		if len(ls) == 0 {
			continue
		}
		part := strings.Join(ls, "、")
		if len(docLabels) > 1 {
			part = docLabels[i] + "：" + part
		}
		if b.Len() > 0 {
			part = "；" + part
		}
		if runes+len([]rune(part)) > maxLabelRunes {
			// Cut inside this document's list at a separator.
			for _, l := range strings.SplitAfter(part, "、") {
				if runes+len([]rune(l)) > maxLabelRunes {
					break
				}
				b.WriteString(l)
				runes += len([]rune(l))
			}
			return strings.TrimSuffix(b.String(), "、") + fmt.Sprintf("…等 %d 项", u.lead)
		}
		b.WriteString(part)
		runes += len([]rune(part))
	}
	return b.String()
}

func writeDocSheet(f *excelize.File, st *styles, set *task.Set) error {
	rows := make([][]any, len(set.Documents))
	for i, d := range set.Documents {
		c := d.Counts()
		rows[i] = []any{d.ID, d.Source, d.Title, d.DocNumber, d.Issuer, d.Date, c.Tasks, c.Targets, c.Others}
	}
	return writeTable(f, st, SheetDocuments, docHeaders, docWidths, rows, false)
}
