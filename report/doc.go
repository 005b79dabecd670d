// Package report holds what the office reads, prints and issues, written
// from the stages below (internal/):
//
//	round      one reporting round: issue the fill-in workbooks, check →
//	           merge → rank → write the ledger workbook, and the round's
//	           status; templates, check, merge, status and demo share its
//	           Job and Rules
//	ledgerbook the ledger workbook (总台账) and the year workbook, and reading
//	           the office's ledger back with its 复核意见 and 核定状态
//	publish    plans a report from the flags and the workspace, and writes
//	           the PDF and its Word version (and the year workbook beside
//	           the annual one) from ledgers, backing up what it replaces
//	bulletin   what the reports say: the period's progress bulletin, the
//	           annual assessment report
//	gongwen    the GB/T 9704 page: lines, headings, tables, charts, page
//	           numbers, PDF, and the same content as a .docx (pdfcheck and
//	           docxcheck read them back in tests)
//	chart      vector charts (bars, light distribution, lines) drawn through a
//	           Canvas
//	typeface   TrueType fonts for the reports: bundled, the user's .ttf/.ttc,
//	           fallbacks
//	demo       the demo year over the same core calls as the commands
//
// What the units receive, the fill-in workbooks (填报表), is written by
// templates/form beside this folder, not in it.
//
// The layering test here keeps imports flowing one way: cmd/taizhang →
// report/ → templates/ → internal/ (round issues the workbooks that
// templates/form writes; templates/ never imports report/), and test-only
// packages out of the binary. Core packages take readers, writers and plain values and never
// print; files, terminals and exit codes belong to cmd/taizhang.
package report
