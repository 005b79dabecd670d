// Package ledgerbook writes the master ledger (总台账) of a period as an
// Excel workbook for people — a summary per unit with a chart, the units'
// ranking with the events behind their scores when there is one, the full
// ledger grouped under the documents' headings, targets, missing returns
// and every problem found in the returns — and reads it back after the
// office has reviewed it in Excel, WPS or LibreOffice. It also writes the
// year workbook (WriteYear): the annual ranking, how ranks, lights and
// completion moved from period to period, the tasks carried over, and each
// period's ledger in brief. That one is for reading only.
//
// The workbook keeps the whole ledger as JSON on a very hidden sheet, so
// reading it back loses nothing; the only columns Read takes from the
// visible sheets are the office's own, 复核意见 and 核定状态, matched to
// their tasks by the hidden 任务编号 column (and from the 已移除任务 sheet,
// the notes on tasks that left the task list). ReadWithEdits also lists the
// edits of other columns, deleted task rows and columns, which are not
// taken, so that the office can be told. Without the hidden sheet Read
// rebuilds what the visible sheets show.
package ledgerbook

// Sheet names. They are part of the workbook's interface: Read finds the
// sheets by these names.
const (
	SheetSummary  = "汇总"
	SheetLedger   = "总台账"
	SheetTargets  = "指标"
	SheetMissing  = "未报送"
	SheetFindings = "问题清单"
	SheetHidden   = "_taizhang"
	// SheetRemoved lists the tasks that left the task list with the
	// office's notes on them (ledger.Ledger.Removed); written only when
	// there are some. Read takes the notes edited on it back.
	SheetRemoved = "已移除任务"
)

// Sheets of the assessment: a period's ranking in the ledger workbook
// (WriteRanked) and the year workbook (WriteYear), which adds a sheet per
// period named by the period's label (2024年第一季度). Read ignores them.
const (
	SheetRanking         = "考核"
	SheetRankingEvents   = "考核明细"
	SheetAnnual          = "年度考核"
	SheetRankTrend       = "排名走势"
	SheetTaskTrend       = "任务走势"
	SheetCompletionTrend = "完成率走势"
	SheetCarriedOver     = "结转任务"
)

// FormatVersion is the value stored in the hidden sheet; Read refuses a
// workbook written in another format version.
const FormatVersion = "taizhang-ledger/1"
