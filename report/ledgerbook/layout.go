package ledgerbook

import (
	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// field names a column of the 总台账 sheet.
type field int

const (
	fLabel field = iota
	fContent
	fTargets
	fLead
	fCo
	fDeadline
	fProgress
	fPercent
	fExpected
	fStatus
	fLight
	fProblems
	fNextSteps
	fEvidence
	fCoReports
	fChange // only when the ledger has a previous period to compare with
	fReview
	fOverride
	fTaskID // hidden
	fDocID  // hidden
	numFields
)

// kind says how a column's cells are written.
type kind int

const (
	kText     kind = iota // text format, wrapped, top-left
	kCentered             // text format, wrapped, centred
	kNumber               // a number with one decimal
	kLight                // the light's word on the light's colour
	kOffice               // the office's input columns
	kHidden               // machine columns, hidden
)

// column describes one column of the 总台账 sheet. aliases are headers Read
// also accepts for it.
type column struct {
	header  string
	width   float64
	kind    kind
	aliases []string
}

var columns = [numFields]column{
	fLabel:     {header: "序号", width: 8, kind: kCentered},
	fContent:   {header: "任务内容", width: 30, aliases: []string{"内容", "工作任务"}},
	fTargets:   {header: "目标/量化指标", width: 14, aliases: []string{"量化指标", "目标", "指标"}},
	fLead:      {header: "牵头单位", width: 12, kind: kCentered, aliases: []string{"牵头部门"}},
	fCo:        {header: "配合单位", width: 12, kind: kCentered, aliases: []string{"配合部门"}},
	fDeadline:  {header: "完成时限", width: 10, kind: kCentered, aliases: []string{"时限"}},
	fProgress:  {header: "本期进展", width: 28, aliases: []string{"进展情况"}},
	fPercent:   {header: "累计进度(%)", width: 7, kind: kNumber, aliases: []string{"累计进度", "进度(%)", "进度"}},
	fExpected:  {header: "序时进度(%)", width: 7, kind: kNumber, aliases: []string{"序时进度"}},
	fStatus:    {header: "完成状态", width: 8, kind: kCentered, aliases: []string{"状态"}},
	fLight:     {header: "亮灯", width: 5, kind: kLight},
	fProblems:  {header: "存在问题", width: 14},
	fNextSteps: {header: "下步打算", width: 14},
	fEvidence:  {header: "佐证材料", width: 10},
	fCoReports: {header: "配合单位报送", width: 24},
	fChange:    {header: "较上期", width: 9, kind: kCentered},
	fReview:    {header: "复核意见", width: 12, kind: kOffice},
	fOverride:  {header: "核定状态", width: 10, kind: kOffice},
	fTaskID:    {header: "任务编号", width: 16, kind: kHidden},
	fDocID:     {header: "文件编号", width: 10, kind: kHidden},
}

// ledgerFields lists the columns of the 总台账 sheet in order; 较上期 only
// when there is a previous period to compare with.
func ledgerFields(withChange bool) []field {
	out := make([]field, 0, numFields)
	for f := range numFields {
		if f != fChange || withChange {
			out = append(out, f)
		}
	}
	return out
}

// overrideStatuses are the 核定状态 drop-down values.
var overrideStatuses = fillin.StatusNames()

// Light colours: the fills Excel's own "good, neutral, bad" styles use,
// and grey for a task nobody reported on.
var lightColors = map[ledger.Light]struct{ fill, font string }{
	ledger.Green:  {"C6EFCE", "006100"},
	ledger.Yellow: {"FFEB9C", "9C5700"},
	ledger.Red:    {"FFC7CE", "9C0006"},
	ledger.Grey:   {"D9D9D9", "404040"},
}

// styles are the cell styles of the workbook.
type styles struct {
	title, info, header, office, text, center, number, ratio, count int
	group, docGroup, total, totalRatio, totalCount                  int
	groupBand, docBand                                              int // unmerged group rows of 总台账
	officeCell, officeCenter, column                                int
	light                                                           map[ledger.Light]int // cells and 汇总 headers
	level                                                           map[fillin.Level]int
}

const (
	fontFamily = "宋体"
	fontSize   = 10.5 // 五号
	textFormat = 49   // "@": what people type stays text, formulas included
)

// cellBorder is the thin grey border of table cells.
var cellBorder = []excelize.Border{
	{Type: "left", Color: "808080", Style: 1},
	{Type: "right", Color: "808080", Style: 1},
	{Type: "top", Color: "808080", Style: 1},
	{Type: "bottom", Color: "808080", Style: 1},
}

func newStyles(f *excelize.File) (*styles, error) {
	border := cellBorder
	font := func(bold bool, size float64, color string) *excelize.Font {
		return &excelize.Font{Family: fontFamily, Size: size, Bold: bold, Color: color}
	}
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	centred := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	pct1, ratio1 := "0.0", "0.0%"

	st := &styles{
		light: map[ledger.Light]int{},
		level: map[fillin.Level]int{},
	}
	var err error
	add := func(id *int, s excelize.Style) {
		if err == nil {
			*id, err = f.NewStyle(&s)
		}
	}
	add(&st.title, excelize.Style{Font: font(true, 16, ""), Alignment: centred})
	add(&st.info, excelize.Style{Font: font(false, fontSize, ""), NumFmt: textFormat,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	add(&st.header, excelize.Style{Font: font(true, fontSize, ""), Fill: fill("D9E1F2"), Border: border, Alignment: centred, NumFmt: textFormat})
	add(&st.office, excelize.Style{Font: font(true, fontSize, "833C0B"), Fill: fill("FCE4D6"), Border: border, Alignment: centred, NumFmt: textFormat})
	add(&st.text, excelize.Style{Font: font(false, fontSize, ""), Border: border, NumFmt: textFormat, Alignment: top})
	add(&st.center, excelize.Style{Font: font(false, fontSize, ""), Border: border, NumFmt: textFormat, Alignment: centred})
	add(&st.number, excelize.Style{Font: font(false, fontSize, ""), Border: border, CustomNumFmt: &pct1, Alignment: centred})
	add(&st.ratio, excelize.Style{Font: font(false, fontSize, ""), Border: border, CustomNumFmt: &ratio1, Alignment: centred})
	add(&st.count, excelize.Style{Font: font(false, fontSize, ""), Border: border, Alignment: centred})
	add(&st.group, excelize.Style{Font: font(true, fontSize, ""), Fill: fill("F2F2F2"), Border: border, NumFmt: textFormat,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	add(&st.docGroup, excelize.Style{Font: font(true, 12, ""), Fill: fill("DDEBF7"), Border: border, NumFmt: textFormat,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	// Group rows of the 总台账 sheet are not merged, so that Excel can sort
	// and filter it; their text runs over the empty cells to its right,
	// which needs no wrapping and no vertical borders.
	band := []excelize.Border{{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	add(&st.groupBand, excelize.Style{Font: font(true, fontSize, ""), Fill: fill("F2F2F2"), Border: band, NumFmt: textFormat,
		Alignment: &excelize.Alignment{Vertical: "center"}})
	add(&st.docBand, excelize.Style{Font: font(true, 12, ""), Fill: fill("DDEBF7"), Border: band, NumFmt: textFormat,
		Alignment: &excelize.Alignment{Vertical: "center"}})
	add(&st.total, excelize.Style{Font: font(true, fontSize, ""), Fill: fill("F2F2F2"), Border: border, NumFmt: textFormat, Alignment: centred})
	add(&st.totalRatio, excelize.Style{Font: font(true, fontSize, ""), Fill: fill("F2F2F2"), Border: border, CustomNumFmt: &ratio1, Alignment: centred})
	add(&st.totalCount, excelize.Style{Font: font(true, fontSize, ""), Fill: fill("F2F2F2"), Border: border, Alignment: centred})
	// The office's cells stay white so they read as empty forms to fill.
	add(&st.officeCell, excelize.Style{Font: font(false, fontSize, ""), Fill: fill("FFFFFF"), Border: border, NumFmt: textFormat, Alignment: top})
	add(&st.officeCenter, excelize.Style{Font: font(false, fontSize, ""), Fill: fill("FFFFFF"), Border: border, NumFmt: textFormat, Alignment: centred})
	// Rows the office adds below a table: text format, wrapped.
	add(&st.column, excelize.Style{Font: font(false, fontSize, ""), NumFmt: textFormat, Alignment: top})
	for _, l := range ledger.Lights {
		c := lightColors[l]
		var id int
		add(&id, excelize.Style{Font: font(true, fontSize, c.font), Fill: fill(c.fill), Border: border, NumFmt: textFormat, Alignment: centred})
		st.light[l] = id
	}
	for _, lv := range []struct {
		level fillin.Level
		color string
	}{{fillin.LevelError, "FFC7CE"}, {fillin.LevelWarning, "FFEB9C"}, {fillin.LevelInfo, "FFFFFF"}} {
		var id int
		add(&id, excelize.Style{Font: font(false, fontSize, ""), Fill: fill(lv.color), Border: border, NumFmt: textFormat, Alignment: centred})
		st.level[lv.level] = id
	}
	if err != nil {
		return nil, err
	}
	return st, nil
}
