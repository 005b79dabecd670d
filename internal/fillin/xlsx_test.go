package fillin_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

// TestReaderVariants rewrites a filled return the way other programs write
// the same content and expects the same reading.
func TestReaderVariants(t *testing.T) {
	s, f := formtest.Filled(t)
	formtest.SetCell(t, f, "K6", "资金_x000D_不到位")
	base := testkit.SaveBytes(t, f)
	want := fillin.Check("x.xlsx", base, formtest.CheckOptions(s))
	if !want.Usable() || want.Entries[1].Problems != "资金\n不到位" {
		t.Fatalf("base return: %+v\n%s", want.Entries[1], formtest.DumpFindings(want))
	}
	sst := sharedStrings(t, base)
	sheet := string(testkit.ZipEntry(t, base, formSheetPath))
	sharedRe := regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"( s="[0-9]+")? t="s"><v>([0-9]+)</v></c>`)
	inline := sharedRe.ReplaceAllStringFunc(sheet, func(m string) string {
		p := sharedRe.FindStringSubmatch(m)
		i := 0
		for _, ch := range p[3] {
			i = i*10 + int(ch-'0')
		}
		return `<c r="` + p[1] + `"` + p[2] + ` t="inlineStr"><is><t xml:space="preserve">` + xmlEscape(sst[i]) + `</t></is></c>`
	})
	prefixed := regexp.MustCompile(`<(/?)([a-zA-Z]+[ />])`).ReplaceAllString(sheet, "<${1}x:$2")
	prefixed = strings.Replace(prefixed, `<x:worksheet `, `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `, 1)
	for name, xml := range map[string]string{"inline strings": inline, "prefixed elements": prefixed} {
		t.Run(name, func(t *testing.T) {
			if xml == sheet {
				t.Fatal("rewrite changed nothing")
			}
			r := fillin.Check("x.xlsx", replaceEntry(t, base, formSheetPath, []byte(xml)), formtest.CheckOptions(s))
			if !reflect.DeepEqual(r.Entries, want.Entries) || !reflect.DeepEqual(r.Header, want.Header) || !r.Usable() {
				t.Errorf("entries differ:\n%+v\nwant\n%+v\n%s", r.Entries, want.Entries, formtest.DumpFindings(r))
			}
		})
	}
}

// sharedStrings lists a workbook's shared strings as the reader sees them.
func sharedStrings(t *testing.T, b []byte) []string {
	t.Helper()
	sst, err := fillin.SharedStrings(b)
	if err != nil {
		t.Fatal(err)
	}
	return sst
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", "&#10;").Replace(s)
}

// TestScanReadsReturnsItself reads every XML part of a filled-in return
// with the fast scanner and with encoding/xml: the same tokens, and the
// scanner reads each part itself.
func TestScanReadsReturnsItself(t *testing.T) {
	_, f := formtest.Filled(t)
	data := testkit.SaveBytes(t, f)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		diff, fast := fillin.ScanDiff(part)
		if diff != "" {
			t.Errorf("%s: %s", zf.Name, diff)
		}
		if !fast {
			t.Errorf("%s is left to encoding/xml", zf.Name)
		}
	}
}

// TestStylesCache: a styles part read once is taken from the cache with
// the same formats and the same bytes counted, and only by a part that
// reads the same: one whose CRC-32 the zip directory gives otherwise still
// fails its check.
func TestStylesCache(t *testing.T) {
	_, f := formtest.Filled(t)
	data := testkit.SaveBytes(t, f)
	fillin.ForgetStyles()
	fmts, read, err := fillin.StylesOf(data)
	if err != nil || len(fmts) == 0 || read == 0 {
		t.Fatalf("styles read: %v, %d bytes, %v", fmts, read, err)
	}
	cached, cachedRead, err := fillin.StylesOf(data)
	if err != nil || !reflect.DeepEqual(cached, fmts) || cachedRead != read {
		t.Errorf("styles from the cache: %v, %d bytes, %v; read: %v, %d bytes", cached, cachedRead, err, fmts, read)
	}
	bad := bytes.Clone(data)
	dir := bytes.LastIndex(bad, []byte("xl/styles.xml")) - 46 // the central directory entry
	if dir < 0 || !bytes.HasPrefix(bad[dir:], []byte("PK\x01\x02")) {
		t.Fatal("no directory entry for xl/styles.xml")
	}
	bad[dir+16] ^= 0xff // its CRC-32
	if _, _, err := fillin.StylesOf(bad); !errors.Is(err, zip.ErrChecksum) {
		t.Errorf("styles with another CRC-32: %v; want %v", err, zip.ErrChecksum)
	}
}
