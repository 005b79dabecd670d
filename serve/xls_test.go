package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/convert/lotest"
)

// An Excel 97-2003 return (saved as .xls by LibreOffice) goes through the
// same conversion as check's and is kept as .xls; the conversion's copy is
// gone after.
func TestXLSUpload(t *testing.T) {
	lotest.Skip(t)
	s := testServer(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "回报.xls")
	if err := os.WriteFile(in, demoReturn(t, s, reported), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := lotest.Edit(t, in, out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	w, res := upload(t, s, reported, "回报.xls", data, true)
	if w.Code != 200 || res.StoredAs == "" || !strings.HasSuffix(res.StoredAs, ".xls") {
		t.Fatalf(".xls upload: %d %+v", w.Code, res)
	}
	if !res.Usable {
		t.Errorf(".xls upload not usable: %+v", res.Findings)
	}
	noTemps(t, s)
}
