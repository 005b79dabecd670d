package cells

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Paper sizes as Excel numbers them.
const (
	PaperA4 = 9
	PaperA3 = 8
)

// Print is how a sheet prints: always one page wide and as many pages tall
// as needed, centred, with "第 N 页，共 M 页" in the footer.
type Print struct {
	Paper     int     // PaperA4 or PaperA3
	Portrait  bool    // landscape unless set
	TopBottom float64 // top and bottom margins in inches
	Sides     float64 // left and right margins in inches; 0 = 0.4
	Header    string  // centred page header, "" for none
	TitleRows string  // rows repeated on every page, e.g. "$1:$2"; "" for none
}

// SetPrint applies p to sheet.
func SetPrint(f *excelize.File, sheet string, p Print) error {
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	orientation, one, unlimited := "landscape", 1, 0
	if p.Portrait {
		orientation = "portrait"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &p.Paper, Orientation: &orientation, FitToWidth: &one, FitToHeight: &unlimited,
	}); err != nil {
		return err
	}
	side, hf, centre := cmp.Or(p.Sides, 0.4), 0.3, true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &p.TopBottom, Bottom: &p.TopBottom,
		Header: &hf, Footer: &hf, Horizontally: &centre,
	}); err != nil {
		return err
	}
	hfOpts := &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}
	if p.Header != "" {
		hfOpts.OddHeader = "&C" + strings.ReplaceAll(p.Header, "&", "&&")
	}
	if err := f.SetHeaderFooter(sheet, hfOpts); err != nil {
		return err
	}
	if p.TitleRows == "" {
		return nil
	}
	return SetPrintTitles(f, sheet, p.TitleRows)
}

// SetPrintTitles makes rows ("$1:$2") repeat at the top of every printed
// page of sheet.
func SetPrintTitles(f *excelize.File, sheet, rows string) error {
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!%s", sheet, rows),
		Scope:    sheet,
	})
}
