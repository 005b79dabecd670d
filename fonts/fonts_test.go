package fonts

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
)

// FS must hold the four fonts as TrueType (not CFF) files and the licences
// the OFL asks to ship with them; report/typeface tests what is inside.
func TestFS(t *testing.T) {
	for _, file := range []string{SerifRegular, SerifBold, SansRegular, Kai} {
		data, err := fs.ReadFile(FS, file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte{0, 1, 0, 0}) || len(data) < 1<<20 {
			t.Errorf("%s: %d bytes starting %q; want a TrueType font of a few MB", file, len(data), data[:min(4, len(data))])
		}
	}
	licences := map[string][]string{
		LicenseNotoCJK: {"SIL OPEN FONT LICENSE Version 1.1", "Adobe", "Reserved Font Name 'Source'", "TZSerifSC-Regular.ttf"},
		LicenseLXGWWenKai: {"SIL OPEN FONT LICENSE Version 1.1", "LXGW", `Reserved
Font Names "霞鹜" and "LXGW"`, "TZKai-Regular.ttf", "TZ Kai"},
	}
	for file, want := range licences {
		data, err := fs.ReadFile(FS, file)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %q", file, w)
			}
		}
	}
}
