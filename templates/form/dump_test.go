package form_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// dump renders a workbook as text for comparison: properties, defined
// names, protection flags (never the random salt and hash), and per sheet
// its state, settings, merges, validations, row heights and every cell with
// its style summary. Never compare .xlsx bytes.
func dump(t testing.TB, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	esc := strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	var b strings.Builder
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "# props title=%q subject=%q creator=%q keywords=%q created=%s modified=%s lang=%s\n",
		p.Title, p.Subject, p.Creator, p.Keywords, p.Created, p.Modified, p.Language)
	custom, _ := f.GetCustomProps()
	sort.Slice(custom, func(i, j int) bool { return custom[i].Name < custom[j].Name })
	for _, c := range custom {
		fmt.Fprintf(&b, "# custom %s=%v\n", c.Name, c.Value)
	}
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&b, "# name %s %s %s\n", dn.Scope, dn.Name, dn.RefersTo)
	}
	if wp := f.WorkBook.WorkbookProtection; wp != nil {
		fmt.Fprintf(&b, "# workbook protection structure=%v windows=%v algorithm=%s hash=%v\n",
			wp.LockStructure, wp.LockWindows, wp.WorkbookAlgorithmName, wp.WorkbookHashValue != "")
	}
	fmt.Fprintf(&b, "# active %s\n", f.GetSheetName(f.GetActiveSheetIndex()))
	styleCache := map[int]string{}
	for i, sheet := range f.GetSheetList() {
		state := f.WorkBook.Sheets.Sheet[i].State
		fmt.Fprintf(&b, "## %s state=%s\n", sheet, strings.TrimSpace(state+" "))
		if sp, err := f.GetSheetProtection(sheet); err == nil {
			fmt.Fprintf(&b, "# protection %+v\n", sp)
		}
		if panes, err := f.GetPanes(sheet); err == nil && panes.Freeze {
			fmt.Fprintf(&b, "# panes freeze ysplit=%d xsplit=%d top=%s\n", panes.YSplit, panes.XSplit, panes.TopLeftCell)
		}
		if pl, err := f.GetPageLayout(sheet); err == nil && pl.Size != nil && pl.Orientation != nil && pl.FitToWidth != nil && pl.FitToHeight != nil {
			fmt.Fprintf(&b, "# page size=%d orientation=%s fitWidth=%d fitHeight=%d\n", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
		}
		if hf, err := f.GetHeaderFooter(sheet); err == nil && hf != nil && hf.OddFooter != "" {
			fmt.Fprintf(&b, "# footer %s\n", hf.OddFooter)
		}
		var cols []string
		for c := 1; c <= int(fillin.NumCols); c++ {
			name, _ := excelize.ColumnNumberToName(c)
			w, _ := f.GetColWidth(sheet, name)
			v, _ := f.GetColVisible(sheet, name)
			s := fmt.Sprintf("%s=%g", name, w)
			if !v {
				s += "(hidden)"
			}
			cols = append(cols, s)
		}
		fmt.Fprintf(&b, "# cols %s\n", strings.Join(cols, " "))
		merges, _ := f.GetMergeCells(sheet, true)
		for _, m := range merges {
			fmt.Fprintf(&b, "# merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		dvs, _ := f.GetDataValidations(sheet)
		for _, dv := range dvs {
			fmt.Fprintf(&b, "# validation %s type=%s op=%s f1=%s f2=%s prompt=%s/%s error=%s/%s/%s\n", dv.Sqref, dv.Type, dv.Operator,
				dv.Formula1, dv.Formula2, testkit.Deref(dv.PromptTitle), testkit.Deref(dv.Prompt), testkit.Deref(dv.ErrorStyle), testkit.Deref(dv.ErrorTitle), testkit.Deref(dv.Error))
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		last := len(rows) + 1
		for r := 1; r <= last; r++ {
			h, _ := f.GetRowHeight(sheet, r)
			var cells []string
			for c := 1; c <= int(fillin.NumCols); c++ {
				name, _ := excelize.CoordinatesToCellName(c, r)
				v := ""
				if r-1 < len(rows) && c-1 < len(rows[r-1]) {
					v = rows[r-1][c-1]
				}
				id, _ := f.GetCellStyle(sheet, name)
				if v == "" && id == 0 {
					continue
				}
				s, ok := styleCache[id]
				if !ok {
					s = testkit.StyleSummary(f, id, true)
					styleCache[id] = s
				}
				cells = append(cells, fmt.Sprintf("%s{%s}%s", name, s, esc.Replace(v)))
			}
			if len(cells) > 0 || h != 15 {
				fmt.Fprintf(&b, "%d h=%g\t%s\n", r, h, strings.Join(cells, "\t"))
			}
		}
	}
	return b.String()
}
