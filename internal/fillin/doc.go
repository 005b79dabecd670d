// Package fillin writes the fill-in workbooks (填报表) that the efficiency
// office sends to each responsible unit every reporting round, and checks
// the workbooks the units send back.
//
// Writing: Assign lists each unit's tasks; WriteAll writes one workbook per
// unit. A workbook has a locked instructions sheet (填报说明), the fill-in
// sheet (填报表: task columns locked and grey, input columns white, with a
// status drop-down and a 0–100 check on 累计进度, and the task IDs in the
// hidden column O) and a very hidden sheet (_taizhang) with the unit, the
// period, the task IDs with a hash of each row, and an HMAC-SHA256
// signature over the locked content keyed by the office's workspace secret.
// The custom document properties hold a second copy of the version, unit,
// period and signature; both survive a round trip through LibreOffice
// (tested), which keeps the hidden sheet only as hidden and drops workbook
// protection. Every workbook is derived from one master whose SHA-512
// protection hash is computed once per process.
//
// Sheet protection (password "taizhang", SheetPassword) only stops slips:
// WPS, LibreOffice and scripts can remove it. Check therefore trusts the
// signature, and compares the locked cells with the task list to name the
// cell that was changed.
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
