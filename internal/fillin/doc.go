// Package fillin reads and checks the fill-in workbooks (填报表) that the
// responsible units send back, and holds what the writer of those workbooks
// (templates/form) and this reader share: the model (Assignment, Item,
// Role, Status, Entry, Return, Finding), the layout (sheet names, the
// columns and header cells of the 填报表 sheet, the keys of the hidden
// sheet and the document properties), the locked content of a task row
// (ItemValues), the file names, and the signature with its key ID.
//
// Assign lists each unit's tasks. The workbook templates/form writes has a
// locked instructions sheet (填报说明), the fill-in sheet (填报表: task
// columns locked and grey, input columns white, with a status drop-down and
// a 0–100 check on 累计进度, and the task IDs in the hidden column O) and a
// very hidden sheet (_taizhang) with the unit, the period, the task IDs
// with a hash of each row, and an HMAC-SHA256 signature over the locked
// content keyed by the office's workspace secret. The custom document
// properties hold a second copy of the version, unit, period and
// signature; both survive a round trip through LibreOffice (tested), which
// keeps the hidden sheet only as hidden and drops workbook protection.
//
// Sheet protection only stops slips: WPS, LibreOffice and scripts can
// remove it. Check therefore trusts the signature, and compares the locked
// cells with the task list to name the cell that was changed.
//
// Checking: Check reads a returned workbook with a small read-only .xlsx
// reader (xlsx.go) that unzips and tokenizes only the parts it needs; it
// finds the sheet and its columns by their header text, matches rows by
// task ID (or by 序号 and content when the ID column is gone), reads what
// people type (80%, ８０％, 0.8, 完成, 2025年1月3日 …) and reports errors,
// warnings and how it understood each value.
//
// Verified here with LibreOffice 7 (re-saving a filled workbook, PDF
// rendering); Microsoft Excel and WPS were not available.
package fillin
