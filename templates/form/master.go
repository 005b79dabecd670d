package form

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
)

// SheetPassword protects the sheets of every fill-in workbook. It is not a
// secret (it is printed here and in the README): protection only guards
// against slips, integrity comes from the signature.
const SheetPassword = "taizhang"

// The master workbook holds everything the units' workbooks share: styles,
// column widths, print setup, frozen panes, merged cells and the sheet and
// workbook protection, whose hashes (protect.go) are computed once per
// process; every unit's workbook is the master's archive with the parts
// that differ written anew (see skeleton).
var (
	masterOnce sync.Once
	masterSk   *skeleton
	masterErr  error
)

func master() (*skeleton, error) {
	masterOnce.Do(func() {
		data, st, err := buildMaster()
		if err == nil {
			masterSk, err = newSkeleton(data, st)
		}
		if err != nil {
			masterErr = fmt.Errorf("build fill-in master workbook: %w", err)
		}
	})
	return masterSk, masterErr
}

// styles are the cell styles of the master workbook. Their IDs stay valid in
// every workbook derived from it.
type styles struct {
	title, label, fixed, inputText, inputDate        int
	headLocked, headInput                            int
	cellLocked, cellLockedCenter                     int
	cellInput, cellInputCenter, cellPercent, cellID  int
	guideTitle, guideText, guideHead, metaText, none int
}

const (
	greyHeader = "D9D9D9"
	greyCell   = "F2F2F2"
	greenHead  = "E2EFDA"
	textFormat = 49 // "@": what people type stays text
)

func newStyles(f *excelize.File) (*styles, error) {
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
	fill := func(c string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
	}
	locked := &excelize.Protection{Locked: true}
	unlocked := &excelize.Protection{Locked: false}
	align := func(h, v string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: v, WrapText: true}
	}
	dateFmt := "yyyy-mm-dd"
	st := &styles{}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: font(16, true), Alignment: align("center", "center"), Protection: locked}},
		{&st.label, excelize.Style{Font: font(11, true), Border: border, Fill: fill(greyHeader), Alignment: align("center", "center"), Protection: locked}},
		{&st.fixed, excelize.Style{Font: font(11, false), Border: border, Fill: fill(greyCell), NumFmt: textFormat, Alignment: align("left", "center"), Protection: locked}},
		{&st.inputText, excelize.Style{Font: font(11, false), Border: border, NumFmt: textFormat, Alignment: align("left", "center"), Protection: unlocked}},
		{&st.inputDate, excelize.Style{Font: font(11, false), Border: border, CustomNumFmt: &dateFmt, Alignment: align("center", "center"), Protection: unlocked}},
		{&st.headLocked, excelize.Style{Font: font(11, true), Border: border, Fill: fill(greyHeader), NumFmt: textFormat, Alignment: align("center", "center"), Protection: locked}},
		{&st.headInput, excelize.Style{Font: font(11, true), Border: border, Fill: fill(greenHead), NumFmt: textFormat, Alignment: align("center", "center"), Protection: locked}},
		{&st.cellLocked, excelize.Style{Font: font(11, false), Border: border, Fill: fill(greyCell), NumFmt: textFormat, Alignment: align("left", "top"), Protection: locked}},
		{&st.cellLockedCenter, excelize.Style{Font: font(11, false), Border: border, Fill: fill(greyCell), NumFmt: textFormat, Alignment: align("center", "top"), Protection: locked}},
		{&st.cellInput, excelize.Style{Font: font(11, false), Border: border, NumFmt: textFormat, Alignment: align("left", "top"), Protection: unlocked}},
		{&st.cellInputCenter, excelize.Style{Font: font(11, false), Border: border, NumFmt: textFormat, Alignment: align("center", "top"), Protection: unlocked}},
		{&st.cellPercent, excelize.Style{Font: font(11, false), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, Protection: unlocked}},
		{&st.cellID, excelize.Style{Font: font(9, false), NumFmt: textFormat, Protection: locked}},
		{&st.guideTitle, excelize.Style{Font: font(16, true), Alignment: align("center", "center"), Protection: locked}},
		{&st.guideText, excelize.Style{Font: font(12, false), NumFmt: textFormat, Alignment: align("left", "top"), Protection: locked}},
		{&st.guideHead, excelize.Style{Font: font(12, true), NumFmt: textFormat, Alignment: align("left", "top"), Protection: locked}},
		{&st.metaText, excelize.Style{NumFmt: textFormat}},
		{&st.none, excelize.Style{}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	return st, nil
}

// buildMaster writes the master workbook: the three sheets with their
// settings and protection, and no content but the version.
func buildMaster() ([]byte, *styles, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return nil, nil, err
	}
	if err := f.SetSheetName(f.GetSheetName(0), fillin.SheetGuide); err != nil {
		return nil, nil, err
	}
	for _, name := range []string{fillin.SheetForm, fillin.SheetMeta} {
		if _, err := f.NewSheet(name); err != nil {
			return nil, nil, err
		}
	}
	f.SetActiveSheet(1)
	if err := f.SetSheetVisible(fillin.SheetMeta, false, true); err != nil {
		return nil, nil, err
	}
	for _, step := range []func(*excelize.File) error{setupGuide, setupForm} {
		if err := step(f); err != nil {
			return nil, nil, err
		}
	}
	if err := f.SetColWidth(fillin.SheetMeta, "A", "A", 14); err != nil {
		return nil, nil, err
	}
	if err := f.SetColWidth(fillin.SheetMeta, "B", "E", 24); err != nil {
		return nil, nil, err
	}
	// The version's cell and the custom properties (their values come
	// with each unit's workbook) give the master every part a workbook has.
	if err := f.SetCellStr(fillin.SheetMeta, "A1", fillin.MetaVersion); err != nil {
		return nil, nil, err
	}
	for _, p := range customNames {
		if err := f.SetCustomProps(excelize.CustomProperty{Name: p, Value: ""}); err != nil {
			return nil, nil, err
		}
	}
	if err := f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}); err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := cells.Save(f, &buf); err != nil {
		return nil, nil, err
	}
	// The workbook and the two sheets that protect locks get the password.
	data, err := sealProtection(buf.Bytes(), 3)
	return data, st, err
}

// protect locks sheet: clerks may select cells and resize rows and
// columns, nothing else. The password is added by sealProtection.
func protect(f *excelize.File, sheet string) error {
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		FormatRows:          true,
		FormatColumns:       true,
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
	})
}

// Paper size as Excel numbers it.
const paperA4 = cells.PaperA4

func printSetup(f *excelize.File, sheet, orientation string) error {
	// Narrow side margins: the form's fourteen columns print wide enough
	// for its 11-point text to come out at about 9.5 points.
	return cells.SetPrint(f, sheet, cells.Print{Paper: paperA4, Portrait: orientation == "portrait", TopBottom: 0.6, Sides: 0.3})
}

// guideWidth is the width of the 填报说明 sheet's only column.
const guideWidth = 80

func setupGuide(f *excelize.File) error {
	if err := f.SetColWidth(fillin.SheetGuide, "A", "A", guideWidth); err != nil {
		return err
	}
	if err := printSetup(f, fillin.SheetGuide, "portrait"); err != nil {
		return err
	}
	return protect(f, fillin.SheetGuide)
}

func setupForm(f *excelize.File) error {
	const sheet = fillin.SheetForm
	for c := fillin.ColLabel; c < fillin.NumCols; c++ {
		if err := f.SetColWidth(sheet, letter(c), letter(c), fillin.Columns[c].Width); err != nil {
			return err
		}
	}
	if err := f.SetColVisible(sheet, letter(fillin.ColID), false); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: fillin.RowHeader, TopLeftCell: fmt.Sprintf("A%d", fillin.RowFirst), ActivePane: "bottomLeft",
	}); err != nil {
		return err
	}
	for _, m := range [][2]string{
		{"A1", fmt.Sprintf("%s%d", letter(fillin.ColRemark), fillin.RowTitle)},
		{fmt.Sprintf("%s%d", letter(fillin.ColPercent), fillin.RowFiller), fmt.Sprintf("%s%d", letter(fillin.ColStatus), fillin.RowFiller)},
	} {
		if err := f.MergeCell(sheet, m[0], m[1]); err != nil {
			return err
		}
	}
	if err := printSetup(f, sheet, "landscape"); err != nil {
		return err
	}
	if err := cells.SetPrintTitles(f, sheet, fmt.Sprintf("$%d:$%d", fillin.RowTitle, fillin.RowHeader)); err != nil {
		return err
	}
	return protect(f, sheet)
}
