//go:build unix

package convert

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeSoffice crashes on its first run and "converts" on the next by
// copying $FAKE_RESULT to the output directory.
const fakeSoffice = `#!/bin/sh
n=$(cat "$FAKE_COUNTER" 2>/dev/null || echo 0)
echo $((n+1)) > "$FAKE_COUNTER"
[ "$n" = 0 ] && kill -ABRT $$
while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out=$2; shift; done
cp "$FAKE_RESULT" "$out/in.xlsx"
`

func TestToXLSXRetriesACrash(t *testing.T) {
	dir := t.TempDir()
	exe, result := filepath.Join(dir, "soffice"), filepath.Join(dir, "result.xlsx")
	if err := os.WriteFile(exe, []byte(fakeSoffice), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(result, sampleXLSX(t), 0o600); err != nil {
		t.Fatal(err)
	}
	counter := filepath.Join(dir, "runs")
	t.Setenv("FAKE_COUNTER", counter)
	t.Setenv("FAKE_RESULT", result)
	defer func(f func() (string, bool)) { lookSoffice = f }(lookSoffice)
	lookSoffice = func() (string, bool) { return exe, true }

	src := filepath.Join(dir, "回报.xls")
	if err := os.WriteFile(src, append(append([]byte{}, ole2Magic...), make([]byte, 504)...), 0o600); err != nil {
		t.Fatal(err)
	}
	out, cleanup, err := ToXLSX(context.Background(), src, src)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if runs, _ := os.ReadFile(counter); strings.TrimSpace(string(runs)) != "2" {
		t.Errorf("soffice ran %s times; want 2", runs)
	}
	if got := cellValue(t, out, "Sheet1", "A1"); got != "教育局" {
		t.Errorf("A1 = %q; want 教育局", got)
	}
}
