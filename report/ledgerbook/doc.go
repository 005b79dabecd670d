// Package ledgerbook writes the master ledger (总台账) of a period as an
// Excel workbook for people — a summary per unit with a chart, the full
// ledger grouped under the documents' headings, targets, missing returns
// and every problem found in the returns — and reads it back after the
// office has reviewed it in Excel, WPS or LibreOffice.
//
// The workbook keeps the whole ledger as JSON on a very hidden sheet, so
// reading it back loses nothing; the only columns Read takes from the
// visible sheets are the office's own, 复核意见 and 核定状态, matched to
// their tasks by the hidden 任务编号 column. Without the hidden sheet Read
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
)

// FormatVersion is the value stored in the hidden sheet; Read refuses a
// workbook written in another format version.
const FormatVersion = "taizhang-ledger/1"
