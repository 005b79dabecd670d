// Package form writes the fill-in workbooks (填报表) that the efficiency
// office sends to each responsible unit every reporting round: WriteAll
// writes one workbook per fillin.Assignment, Write one to a writer.
//
// A workbook has a locked instructions sheet (填报说明), the fill-in sheet
// (填报表) and a very hidden sheet (_taizhang) with what the workbook is and
// its signature; the custom document properties repeat the signature. The
// layout, the locked content of each task row and the signature are
// internal/fillin's, which reads the returns back with the same
// definitions; this package lays them out: styles, column widths, row
// heights, print setup, data validations, protection and the text of the
// instructions.
//
// Every workbook is derived from one master (master.go), made once per
// process with excelize: everything the workbooks share, above all the
// SHA-512 sheet and workbook protection hashes (password SheetPassword).
// A unit's workbook is the master's archive with its sheets' rows, shared
// strings and document properties written as XML (skeleton.go,
// sheetxml.go), as excelize would write them. WriteAll refuses to replace
// a workbook a unit has already filled in (targets.go).
//
// Package formtest holds the fixtures the tests of both sides share.
package form
