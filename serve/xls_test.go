package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/convert/lotest"
)

// An Excel 97-2003 return (saved as .xls by LibreOffice) goes through the
// same conversion as check's and is kept as .xls; sent under a .et name,
// as WPS writes such a file, it is kept as .et. The conversion's copy is
// gone after. The sender's name, which may be one no file can have here
// (too long, or with a character Windows refuses), names no file.
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
	for _, name := range []string{"回报.xls", "回报.et", "回报.ET", strings.Repeat("长", 84) + ".xls"} {
		want := strings.ToLower(filepath.Ext(name))
		w, res := upload(t, s, reported, name, data, true)
		if w.Code != 200 || !strings.HasSuffix(res.StoredAs, want) || !strings.Contains(res.StoredAs, "_收到") {
			t.Fatalf("%s upload: %d, stored as %q; want a receipt name ending %s", name, w.Code, res.StoredAs, want)
		}
		if !res.Usable {
			t.Errorf("%s upload not usable: %+v", name, res.Findings)
		}
		kept, err := os.ReadFile(filepath.Join(s.WS.Root, res.StoredAs))
		if err != nil || string(kept) != string(data) {
			t.Errorf("%s: stored file differs from the upload (%v)", name, err)
		}
	}
	noTemps(t, s)
}
