package ledgerbook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// excelizeBook is the workbook as Read saw it through excelize before it
// read ledgers with fillin's reader: the reference TestSameAsExcelize
// compares with.
type excelizeBook struct{ f *excelize.File }

func openExcelize(r io.ReaderAt, size int64) (workbook, error) {
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{RawCellValue: true, UnzipSizeLimit: cells.MaxUnzipSize})
	if err != nil {
		return nil, err
	}
	return excelizeBook{f}, nil
}

func (b excelizeBook) Names() []string { return b.f.GetSheetList() }

func (b excelizeBook) Rows(sheet string) ([][]string, error) {
	return b.f.GetRows(sheet, excelize.Options{RawCellValue: true})
}

// sameReadEdits are edits an office, or a damaged copy, makes to a ledger
// workbook, applied with excelize.
var sameReadEdits = map[string]func(t *testing.T, f *excelize.File){
	"as written":   func(*testing.T, *excelize.File) {},
	"office edits": officeEdits,
	"cells of other columns edited": func(t *testing.T, f *excelize.File) {
		row := taskRow(t, f, "D1-三.(二).4")
		setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "累计进度(%)"), row), 95)
		setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "完成状态"), row), "已完成")
		setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "本期进展"), row), "x_x0041_y _x005F_ 改")
	},
	"row deleted":    func(t *testing.T, f *excelize.File) { removeRow(t, f, taskRow(t, f, "D2-一")) },
	"column deleted": func(t *testing.T, f *excelize.File) { removeCol(t, f, "存在问题") },
	"hidden sheet deleted": func(t *testing.T, f *excelize.File) {
		officeEdits(t, f)
		deleteSheets(t, f, SheetHidden)
	},
	"hidden and summary sheets deleted": func(t *testing.T, f *excelize.File) { deleteSheets(t, f, SheetHidden, SheetSummary) },
	"removed sheet deleted":             func(t *testing.T, f *excelize.File) { deleteSheets(t, f, SheetRemoved) },
	"hidden sheet of another version":   func(t *testing.T, f *excelize.File) { setCell(t, f, SheetHidden, "B1", "taizhang-ledger/2") },
	"hidden sheet's piece edited":       func(t *testing.T, f *excelize.File) { setCell(t, f, SheetHidden, "C3", "AAAA") },
	"ledger sheet renamed": func(t *testing.T, f *excelize.File) {
		if err := f.SetSheetName(SheetLedger, " 总台账 "); err != nil {
			t.Fatal(err)
		}
	},
	"ID column deleted": func(t *testing.T, f *excelize.File) { removeCol(t, f, "任务编号") },
	"duplicate task ID": func(t *testing.T, f *excelize.File) {
		setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "任务编号"), taskRow(t, f, "D2-二.1")), "D1-二.(一)")
	},
	"bad override": func(t *testing.T, f *excelize.File) {
		setCell(t, f, SheetLedger, fmt.Sprintf("%s%d", ledgerCol(t, f, "核定状态"), taskRow(t, f, "D2-一")), "差不多")
	},
	"a task list instead": func(t *testing.T, f *excelize.File) {
		deleteSheets(t, f, SheetLedger, SheetSummary)
		if _, err := f.NewSheet("任务分解表"); err != nil {
			t.Fatal(err)
		}
	},
}

func removeRow(t *testing.T, f *excelize.File, row int) {
	t.Helper()
	if err := f.RemoveRow(SheetLedger, row); err != nil {
		t.Fatal(err)
	}
}

func removeCol(t *testing.T, f *excelize.File, header string) {
	t.Helper()
	if err := f.RemoveCol(SheetLedger, ledgerCol(t, f, header)); err != nil {
		t.Fatal(err)
	}
}

func deleteSheets(t *testing.T, f *excelize.File, sheets ...string) {
	t.Helper()
	for _, s := range sheets {
		if err := f.DeleteSheet(s); err != nil {
			t.Fatal(err)
		}
	}
}

// damagedParts are changes to a ledger's zip parts, as a damaged copy or
// another program's file has them: each part name found in the workbook
// is given the body edit returns, or left out when edit gives nil.
var damagedParts = map[string]func(name string, body []byte) []byte{
	"no workbook part":     dropPart("xl/workbook.xml"),
	"no shared strings":    dropPart("xl/sharedStrings.xml"),
	"no ledger sheet part": dropPart("xl/worksheets/sheet2.xml"),
	"ledger sheet cut short": func(name string, body []byte) []byte {
		if name == "xl/worksheets/sheet2.xml" {
			return body[:len(body)/2]
		}
		return body
	},
	// Read a row at a time until the swap, then again whole.
	"ledger sheet's last rows swapped": func(name string, body []byte) []byte {
		if name != "xl/worksheets/sheet2.xml" {
			return body
		}
		last := bytes.LastIndex(body, []byte("<row "))
		before := bytes.LastIndex(body[:last], []byte("<row "))
		end := bytes.LastIndex(body, []byte("</row>")) + len("</row>")
		return slices.Concat(body[:before], body[last:end], body[before:last], body[end:])
	},
	"lone surrogate escape": func(name string, body []byte) []byte {
		return bytes.ReplaceAll(body, []byte("已电话督促"), []byte("已电话_xD800_督促"))
	},
}

func dropPart(part string) func(name string, body []byte) []byte {
	return func(name string, body []byte) []byte {
		if name == part {
			return nil
		}
		return body
	}
}

// rezip rewrites the parts of an .xlsx through edit.
func rezip(t *testing.T, data []byte, edit func(name string, body []byte) []byte) []byte {
	t.Helper()
	files := map[string]string{}
	for name, body := range testkit.ZipParts(t, data) {
		if b := edit(name, []byte(body)); b != nil {
			files[name] = string(b)
		}
	}
	return testkit.Zip(t, files)
}

// sameReadLedgers are the ledgers TestSameAsExcelize reads, with the
// edits of sameReadEdits made to each; nil for all of them.
var sameReadLedgers = map[string]struct {
	write func(t *testing.T) []byte
	edits []string
}{
	"test":    {write: func(t *testing.T) []byte { return writeBytes(t, testLedger()) }},
	"removed": {func(t *testing.T) []byte { return writeBytes(t, ledgerWithRemoved()) }, []string{"as written", "office edits", "hidden sheet deleted"}},
	"ranked": {func(t *testing.T) []byte { return writeRankedBytes(t, testLedger(), testRanking(t, testLedger())) },
		[]string{"as written", "office edits"}},
	"synthetic": {func(t *testing.T) []byte { return writeBytes(t, syntheticLedger(300, 20)) },
		[]string{"as written", "column deleted", "hidden and summary sheets deleted"}},
}

// sameReadBooks are the workbooks TestSameAsExcelize reads both ways: the
// ledgers as written and after their edits, each damage done to the
// office's edited copy, and files that are no ledger at all.
func sameReadBooks(t *testing.T) map[string][]byte {
	books := map[string][]byte{}
	for ln, l := range sameReadLedgers {
		data := l.write(t)
		for en, edit := range sameReadEdits {
			if l.edits != nil && !slices.Contains(l.edits, en) {
				continue
			}
			f := testkit.OpenBytes(t, data)
			edit(t, f)
			books[ln+": "+en] = testkit.SaveBytes(t, f)
		}
	}
	for dn, edit := range damagedParts {
		books["damaged: "+dn] = rezip(t, officeEdited(t), edit)
	}
	books["foreign: empty workbook"] = testkit.SaveBytes(t, excelize.NewFile())
	books["foreign: zip of text"] = testkit.Zip(t, map[string]string{"readme.txt": "总台账"})
	books["foreign: broken zip"] = []byte("PK\x03\x04 truncated")
	return books
}

// officeEdited is the test ledger after officeEdits.
func officeEdited(t *testing.T) []byte {
	f := testkit.OpenBytes(t, writeBytes(t, testLedger()))
	officeEdits(t, f)
	return testkit.SaveBytes(t, f)
}

// systemDetail is the part of a message that quotes the reading library's
// own error, which differs from one reader to the other.
var systemDetail = regexp.MustCompile(`(无法读取工作表|文件可能已损坏)（[^）]*）`)

// TestSameAsExcelize: fillin's reader gives Read and ReadWithEdits the
// same ledger, the same ignored edits and the same errors as excelize
// gave them, for ledgers as written, edited, damaged and foreign; the one
// difference is a lone surrogate escape, which excelize dropped and
// fillin reads as U+FFFD.
func TestSameAsExcelize(t *testing.T) {
	for name, data := range sameReadBooks(t) {
		t.Run(name, func(t *testing.T) { assertSameAsExcelize(t, data, knownDifferences[name]) })
	}
}

// TestSameAsExcelizeLibreOffice: the same for the office's edited ledger
// saved again by LibreOffice.
func TestSameAsExcelizeLibreOffice(t *testing.T) {
	assertSameAsExcelize(t, resave(t, officeEdited(t)), nil)
}

// knownDifferences are the workbooks the readers read differently, each
// with what the fast reader must give instead.
var knownDifferences = map[string]func(t *testing.T, got, want string){
	// excelize dropped a lone surrogate escape; fillin reads it as U+FFFD.
	"damaged: lone surrogate escape": func(t *testing.T, got, want string) {
		if !strings.Contains(got, "已电话\ufffd督促") || !strings.Contains(want, "已电话督促") ||
			strings.ReplaceAll(got, "\ufffd", "") != want {
			t.Errorf("lone surrogate: read as\n%s\nexcelize:\n%s", got, want)
		}
	},
	// excelize read the rows before the cut, without a word; fillin
	// refuses the sheet.
	"damaged: ledger sheet cut short": func(t *testing.T, got, want string) {
		if !strings.HasPrefix(got, "error: 总台账.xlsx：工作表“总台账”：无法读取工作表（") || strings.HasPrefix(want, "error:") {
			t.Errorf("sheet cut short: read as\n%s\nexcelize:\n%s", got, want)
		}
	},
}

// assertSameAsExcelize reads data with both readers and compares what they
// give, with differ when they are known to differ.
func assertSameAsExcelize(t *testing.T, data []byte, differ func(t *testing.T, got, want string)) {
	t.Helper()
	got, want := readBothWays(t, data, openSheets), readBothWays(t, data, openExcelize)
	if differ != nil {
		differ(t, got, want)
		return
	}
	if got != want {
		t.Errorf("reading differs from excelize's: %s", testkit.FirstDiff(want, got))
	}
}

// readBothWays is what ReadWithEdits gives for data with the workbook
// opened by open, as text: the reading as JSON, or the error with the
// reading library's own words left out.
func readBothWays(t *testing.T, data []byte, open openFunc) string {
	t.Helper()
	rd, err := readWithEdits("总台账.xlsx", bytes.NewReader(data), int64(len(data)), open)
	if err != nil {
		return "error: " + systemDetail.ReplaceAllString(err.Error(), "$1（…）")
	}
	var b strings.Builder
	enc := json.NewEncoder(io.Writer(&b))
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(rd); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
