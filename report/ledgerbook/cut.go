package ledgerbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// A cell holds at most cells.MaxCellUnits of text, and Excel and excelize
// cut anything longer without a word. The ledger's JSON copy keeps every
// text whole; on the sheets a text too long for its cell is cut visibly,
// saying where the whole of it is, and each such cut of the 总台账 sheet is
// listed on 问题清单.

// ledgerCut is one 总台账 cell whose text was cut.
type ledgerCut struct {
	row   *ledger.Row
	cell  string // on the 总台账 sheet
	field field
	units int    // the whole text's length
	where string // where the whole text is
}

// fitTaskText is the text of field fl of a task's row as its cell holds
// it.
func fitTaskText(r *ledger.Row, fl field, s string) (string, bool) {
	if cells.FitsCell(s) {
		return s, false
	}
	return cells.FitCell(s, "……（以下略，全文见"+fullTextAt(r, fl)+"）")
}

// fullTextAt says where the whole text of field fl of a task's row is.
func fullTextAt(r *ledger.Row, fl field) string {
	switch fl {
	case fContent, fTargets, fLead, fCo, fDeadline:
		return "任务分解表"
	case fCoReports:
		var files []string
		for _, c := range r.CoReports {
			if c.Source != "" {
				files = append(files, c.Source)
			}
		}
		return "各配合单位的报送文件 " + strings.Join(files, "、")
	case fReview, fOverride:
		return "上一版总台账的备份"
	}
	if r.Source != "" {
		return "报送文件 " + r.Source
	}
	return "报送文件"
}

// ledgerCuts lists the cells of the 总台账 sheet whose text is cut.
func ledgerCuts(l *ledger.Ledger) []ledgerCut {
	lo := newLedgerLayout(l)
	var out []ledgerCut
	for i, ln := range lo.lines {
		if ln.row == nil {
			continue
		}
		texts := taskTexts(ln.row)
		for _, fl := range lo.fields {
			if n := cells.CellUnits(texts[fl]); n > cells.MaxCellUnits {
				out = append(out, ledgerCut{row: ln.row, cell: cells.CellName(lo.col[fl], ledgerFirstRow+i), field: fl, units: n, where: fullTextAt(ln.row, fl)})
			}
		}
	}
	return out
}

// cutFindingRow is the 问题清单 line of a cut cell.
func cutFindingRow(st *styles, c ledgerCut) []excelize.Cell {
	file := c.where
	if c.row.Source != "" && (c.field == fProgress || c.field == fProblems || c.field == fNextSteps || c.field == fEvidence) {
		file = c.row.Source
	}
	msg := fmt.Sprintf("“%s”共 %d 字，超过 Excel 单元格的上限（%d 字），总台账中只显示前面部分；全文见%s，汇总数据中保留全文",
		columns[c.field].header, c.units, cells.MaxCellUnits, c.where)
	return []excelize.Cell{
		text(st.text, file),
		text(st.center, c.row.ReportedBy),
		text(st.center, ""),
		text(st.level[fillin.LevelWarning], fillin.LevelWarning.Label()),
		text(st.center, SheetLedger),
		text(st.center, c.cell),
		text(st.text, taskName(c.row)),
		text(st.text, msg),
	}
}
