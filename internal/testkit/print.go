package testkit

import (
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// PrintedPoints is the size in points that text of size points in sheet
// prints at when Excel fits the sheet to the paper's width: the visible
// columns' widths in pixels of the default font, Calibri 11 (7 pixels a
// character, as Excel and WPS measure it and LibreOffice with Carlito),
// against the paper's width less the side margins, the scale in whole
// percent and at most 100%.
func PrintedPoints(t testing.TB, f *excelize.File, sheet string, size float64) float64 {
	t.Helper()
	pl, err := f.GetPageLayout(sheet)
	if err != nil || pl.Size == nil || pl.Orientation == nil {
		t.Fatalf("%s: no page layout: %v", sheet, err)
	}
	paper := map[int][2]float64{8: {841.89, 1190.55}, 9: {595.28, 841.89}}[*pl.Size]
	if paper[0] == 0 {
		t.Fatalf("%s: paper size %d is neither A3 nor A4", sheet, *pl.Size)
	}
	width := paper[0]
	if *pl.Orientation == "landscape" {
		width = paper[1]
	}
	m, err := f.GetPageMargins(sheet)
	if err != nil || m.Left == nil || m.Right == nil {
		t.Fatalf("%s: no margins: %v", sheet, err)
	}
	width -= (*m.Left + *m.Right) * 72
	dim, err := f.GetSheetDimension(sheet)
	if err != nil {
		t.Fatal(err)
	}
	_, last, _ := strings.Cut(dim, ":")
	lastCol, _, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		t.Fatalf("%s: dimension %q: %v", sheet, dim, err)
	}
	var pixels float64
	for c := 1; c <= lastCol; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		if visible, _ := f.GetColVisible(sheet, name); !visible {
			continue
		}
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		pixels += math.Trunc(w*7 + 0.5)
	}
	scale := math.Min(1, math.Floor(100*width/(pixels*0.75))/100)
	return size * scale
}
