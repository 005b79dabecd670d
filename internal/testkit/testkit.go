// Package testkit holds what the tests of several packages share: golden
// files, JSON comparison, table runs of one-argument functions, opening,
// saving, dumping and summarising workbooks, zips and files written for a
// test, and the one switch (TAIZHANG_REALCLIENT, RealClient) that turns on
// the slow tests driving real client programs. Only tests import it, and
// it imports no package of taizhang: fillin's and ledger's own tests use
// it (package ledgerkit below builds ledgers).
package testkit

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Update is the -update flag of every package's tests: rewrite the golden
// files instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// Golden compares got with the golden file at path (rewriting it under
// -update) and reports the first line that differs.
func Golden(t testing.TB, path, got string) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it; review the diff): %s", path, FirstDiff(string(want), got))
	}
}

// FirstDiff names the first line where two texts differ; "" when equal.
func FirstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, wl, gl)
		}
	}
	return ""
}

// JSONEqual fails the test unless got and want are deeply equal, naming
// the first line of their indented JSON that differs.
func JSONEqual(t testing.TB, what string, got, want any) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	if d := FirstDiff(string(w), string(g)); d != "" {
		t.Fatalf("%s differs at JSON %s", what, d)
	}
	t.Fatalf("%s differs but its JSON is equal:\n%s", what, g)
}

// OpenBytes opens a workbook held in memory, closed when the test ends.
func OpenBytes(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// SaveBytes writes a workbook to memory.
func SaveBytes(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// SaveFile writes b to dir/name and returns the path.
func SaveFile(t testing.TB, dir, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Deref is the string a pointer holds, "" for nil (excelize's optional
// fields).
func Deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// StyleSummary is what matters of a cell style to the people using the
// workbook: unlocked for input (when withLock), fill, number format, bold.
func StyleSummary(f *excelize.File, id int, withLock bool) string {
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return "?"
	}
	var parts []string
	if withLock && st.Protection != nil && !st.Protection.Locked {
		parts = append(parts, "input")
	}
	if len(st.Fill.Color) > 0 {
		parts = append(parts, "fill="+st.Fill.Color[0])
	}
	if st.NumFmt != 0 {
		parts = append(parts, fmt.Sprintf("fmt=%d", st.NumFmt))
	}
	if st.CustomNumFmt != nil {
		parts = append(parts, "fmt="+*st.CustomNumFmt)
	}
	if st.Font != nil && st.Font.Bold {
		parts = append(parts, "bold")
	}
	return strings.Join(parts, ",")
}

// ZipEntry is the text of one part of a zip package held in memory.
func ZipEntry(t testing.TB, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// ZipParts are the texts of the parts of a zip package held in memory, by
// name.
func ZipParts(t testing.TB, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		parts[f.Name] = ZipEntry(t, b, f.Name)
	}
	return parts
}

var chartRefRe = regexp.MustCompile(`<((?:barDir|grouping|varyColors|orientation) val="\w+")|<f>([^<]+)</f>|<a:t>([^<]+)</a:t>`)

// ChartParts summarises each chart of the workbook at path: its kind, the
// ranges it plots and its texts, in part-name order.
func ChartParts(t testing.TB, path string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out []string
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		var parts []string
		for _, m := range chartRefRe.FindAllStringSubmatch(string(data), -1) {
			parts = append(parts, html.UnescapeString(m[1]+m[2]+m[3]))
		}
		out = append(out, filepath.Base(zf.Name)+" "+strings.Join(parts, " | "))
	}
	sort.Strings(out)
	return out
}

// OpenRaw opens the workbook at path to read its cells as stored (raw
// values); it is closed when the test ends.
func OpenRaw(t testing.TB, path string) *excelize.File {
	t.Helper()
	return Open(t, path, excelize.Options{RawCellValue: true})
}

// Grid is a sheet's cells as stored (raw values), row by row.
func Grid(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	return Rows(t, f, sheet, excelize.Options{RawCellValue: true})
}

// Escape writes a cell's text on one line of a dump: \, tab, newline and
// carriage return escaped.
var Escape = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`).Replace

// DumpDefinedNames writes a dump's line for each of the workbook's
// defined names.
func DumpDefinedNames(w io.Writer, f *excelize.File) {
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(w, "# name %s %s %s\n", dn.Scope, dn.Name, dn.RefersTo)
	}
}

// DumpMerges writes a dump's line for each merged range of a sheet.
func DumpMerges(w io.Writer, f *excelize.File, sheet string) {
	merges, _ := f.GetMergeCells(sheet, true)
	for _, m := range merges {
		fmt.Fprintf(w, "# merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
	}
}

// Variant is the workbook of one case of a table of damaged inputs: what
// data gives when it is set, else base's workbook changed by edit.
func Variant(t *testing.T, base func() []byte, data func(*testing.T) []byte, edit func(*testing.T, *excelize.File)) []byte {
	t.Helper()
	if data != nil {
		return data(t)
	}
	f := OpenBytes(t, base())
	edit(t, f)
	return SaveBytes(t, f)
}

// Zip is a zip package of files (name → content), written in name order.
func Zip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ReadDir is the entries of dir, in name order; failing to read it fails
// the test.
func ReadDir(t testing.TB, dir string) []os.DirEntry {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// FileHash is the SHA-256 of the file at path.
func FileHash(t testing.TB, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// CopyFile writes a copy of the file from at to, with permissions perm.
func CopyFile(t testing.TB, from, to string, perm os.FileMode) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, perm); err != nil {
		t.Fatal(err)
	}
}

// Written is what write writes, kept in memory.
func Written(t testing.TB, write func(w io.Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// GoldenWorkbook has write write a workbook into a temporary folder and
// compares dump's text of it with testdata/name.golden (see Golden).
func GoldenWorkbook(t testing.TB, name string, write func(path string) error, dump func(t testing.TB, path string) string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".xlsx")
	if err := write(path); err != nil {
		t.Fatal(err)
	}
	Golden(t, filepath.Join("testdata", name+".golden"), dump(t, path))
}

// SameTwice has write write a workbook twice, reports when dump's texts of
// the two differ, and returns the first: a workbook must not depend on
// when or where it is written.
func SameTwice(t testing.TB, write func(path string) error, dump func(t testing.TB, path string) string) string {
	t.Helper()
	dir := t.TempDir()
	var dumps []string
	for _, name := range []string{"a.xlsx", "b.xlsx"} {
		path := filepath.Join(dir, name)
		if err := write(path); err != nil {
			t.Fatal(err)
		}
		dumps = append(dumps, dump(t, path))
	}
	if dumps[0] != dumps[1] {
		t.Errorf("two writes differ:\n%s\n----\n%s", dumps[0], dumps[1])
	}
	return dumps[0]
}

// Open opens the workbook at path (with opts, see excelize.Options); it is
// closed when the test ends.
func Open(t testing.TB, path string, opts ...excelize.Options) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// Rows is a sheet's cells, row by row: as Excel shows them (formatted),
// or as opts say.
func Rows(t testing.TB, f *excelize.File, sheet string, opts ...excelize.Options) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, opts...)
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	return rows
}
