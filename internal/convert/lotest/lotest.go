// Package lotest is test support: it makes LibreOffice, the real client at
// hand, do to a workbook what a department clerk does (type into cells,
// sort, insert rows, delete columns) and save it as .xlsx or .xls, so that
// tests can check how the readers cope with files that went through another
// program. It needs soffice and a Python with the uno module (Debian:
// python3-uno). Tests call Skip first: they run only when the real-client
// tests are switched on (TAIZHANG_REALCLIENT=1, see testkit.RealClient),
// and then fail if LibreOffice is missing. Production code must not import
// it.
//
// Each call starts its own headless LibreOffice with a private profile and
// ends it before returning (about 1.5 s a call), so calls are independent
// and can run in parallel, and no LibreOffice outlives a test.
package lotest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Entry is one cell typed by a clerk. Value is
//   - a string: typed at the keyboard, so LibreOffice interprets it as a
//     user gets it ("80%" is 0.8 formatted as a percentage, "2025-9-30" a
//     date, "=1+1" a formula, and a text-formatted cell keeps the text);
//   - Text: stored as text whatever it looks like;
//   - a number (int, float64 and the other integer and float types): the
//     number itself;
//   - nil: the contents deleted, formats kept (the Delete key).
type Entry struct {
	Sheet, Cell string
	Value       any
}

// Text is a cell value stored as text, never interpreted.
type Text string

// Errors for what a clerk cannot do; Edit wraps them with the place.
var (
	ErrLocked      = errors.New("locked cell on a protected sheet")
	ErrHiddenSheet = errors.New("hidden sheet")
)

// Edit opens in (never modifying it), types entries as a clerk does, and
// saves to out as .xlsx or .xls by out's extension. Like a clerk, it cannot
// type into a locked cell of a protected sheet (ErrLocked), into a hidden
// sheet (ErrHiddenSheet) or into a cell covered by a merge; the UNO API
// itself would allow all three.
func Edit(t testing.TB, in, out string, entries ...Entry) error {
	t.Helper()
	return typeEntries(t, in, out, false, entries)
}

// EditUnprotected is Edit by someone who first removed every sheet and
// workbook protection, the way it is done in practice: by deleting the
// protection elements from the .xlsx XML (an .xls or .ods is converted to
// .xlsx first). Hidden sheets can be edited too.
func EditUnprotected(t testing.TB, in, out string, entries ...Entry) error {
	t.Helper()
	return typeEntries(t, in, out, true, entries)
}

// typeEntries types entries into in and saves out, with every protection
// removed first when unprotect.
func typeEntries(t testing.TB, in, out string, unprotect bool, entries []Entry) error {
	t.Helper()
	ops, err := entryOps(entries)
	if err != nil {
		return err
	}
	return run(t, in, out, unprotect, ops)
}

// SortRows removes protection as EditUnprotected does, sorts rows firstRow
// to lastRow (1-based, inclusive) across all used columns by column byColumn
// ("C"), ascending, and saves to out.
func SortRows(t testing.TB, in, out, sheet string, firstRow, lastRow int, byColumn string) error {
	t.Helper()
	if firstRow < 1 || lastRow < firstRow {
		return fmt.Errorf("lotest: SortRows: bad rows %d to %d", firstRow, lastRow)
	}
	return run(t, in, out, true, []op{{Op: "sort", Sheet: sheet, First: firstRow, Last: lastRow, Column: byColumn}})
}

// InsertRow removes protection as EditUnprotected does, inserts a row
// before beforeRow (1-based), fills it from column A with values (typed as
// Entry values are), and saves to out.
func InsertRow(t testing.TB, in, out, sheet string, beforeRow int, values ...any) error {
	t.Helper()
	if beforeRow < 1 {
		return fmt.Errorf("lotest: InsertRow: bad row %d", beforeRow)
	}
	o := op{Op: "insertRow", Sheet: sheet, Before: beforeRow, Values: []value{}}
	for _, v := range values {
		val, err := encode(v)
		if err != nil {
			return err
		}
		o.Values = append(o.Values, val)
	}
	return run(t, in, out, true, []op{o})
}

// DeleteColumn removes protection as EditUnprotected does, deletes column
// col ("C") of sheet, and saves to out.
func DeleteColumn(t testing.TB, in, out, sheet, col string) error {
	t.Helper()
	return run(t, in, out, true, []op{{Op: "deleteColumn", Sheet: sheet, Column: col}})
}

// Resave opens a workbook (data, shown under name) in LibreOffice and saves
// it again as .xlsx, touching nothing, as an office that opens a file and
// presses Save does: very hidden sheets become hidden, workbook protection
// is dropped, cells are rewritten in LibreOffice's way. It calls Skip.
func Resave(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	Skip(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, name), filepath.Join(dir, "resaved.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(t, in, out, false, []op{}); err != nil {
		t.Fatalf("lotest: resave %s: %v", name, err)
	}
	res, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
