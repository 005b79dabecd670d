package ledgerbook

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func TestWriteFileBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "总台账.xlsx")
	backup, err := WriteFileRanked(path, testLedger(), nil)
	if err != nil || backup != "" {
		t.Fatalf("first WriteFile = %q, %v; want no backup", backup, err)
	}
	first, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mod := time.Date(2025, 1, 6, 15, 30, 12, 0, period.Beijing) // backups are named in Beijing time
	if err := os.Chtimes(path, mod, mod); err != nil {
		t.Fatal(err)
	}

	second := testLedger()
	second.Rows[0].Review = "第二次"
	backup, err = WriteFileRanked(path, second, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "总台账.备份-20250106-153012.xlsx"); backup != want {
		t.Errorf("backup = %q; want %q", backup, want)
	}
	if b, _ := os.ReadFile(backup); !bytes.Equal(b, first) {
		t.Errorf("backup differs from the file it backs up")
	}
	if info, err := os.Stat(backup); err != nil || !info.ModTime().Equal(mod) {
		t.Errorf("backup time = %v, %v; want %v", info.ModTime(), err, mod)
	}
	got, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	assertLedgerEqual(t, got, second)

	// A file with the same time never replaces an earlier backup.
	if err := os.Chtimes(path, mod, mod); err != nil {
		t.Fatal(err)
	}
	backup2, err := WriteFileRanked(path, testLedger(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "总台账.备份-20250106-153012-2.xlsx"); backup2 != want {
		t.Errorf("second backup = %q; want %q", backup2, want)
	}
	if b, _ := os.ReadFile(backup); !bytes.Equal(b, first) {
		t.Errorf("first backup was overwritten")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"总台账.xlsx", "总台账.备份-20250106-153012-2.xlsx", "总台账.备份-20250106-153012.xlsx"}; !slices.Equal(names, want) {
		t.Errorf("directory holds %q; want %q", names, want)
	}
}

func TestWriteFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteFileRanked(filepath.Join(dir, "missing", "总台账.xlsx"), testLedger(), nil); err == nil {
		t.Error("WriteFile into a missing directory succeeded")
	}
	if _, err := WriteFileRanked(dir, testLedger(), nil); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("WriteFile onto a directory: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("WriteFile left files behind: %v", entries)
	}
}

func TestDeterministic(t *testing.T) {
	got := testkit.SameTwice(t, writeSmall, dump)
	if !strings.Contains(got, "created=2025-01-06T07:30:12Z modified=2025-01-06T07:30:12Z") {
		t.Errorf("workbook times are not the ledger's time:\n%s", got[:300])
	}
}

func TestGolden(t *testing.T) {
	testkit.GoldenWorkbook(t, "small", writeSmall, dump)
}

// writeSmall writes the test ledger to path.
func writeSmall(path string) error {
	_, err := WriteFileRanked(path, testLedger(), nil)
	return err
}

// TestSameBytes: the same ledger gives the same workbook, byte for byte
// (excelize writes some parts in map order; cells.WriteBook sorts them).
func TestSameBytes(t *testing.T) {
	l := testLedger()
	first := writeRankedBytes(t, l, testRanking(t, l))
	for range 5 {
		if again := writeRankedBytes(t, l, testRanking(t, l)); !bytes.Equal(again, first) {
			t.Fatal("the same ledger gave different bytes")
		}
	}
}
