package fillin

import (
	"fmt"
	"strings"
	"testing"
)

// tokenLog writes down the tokens a part gives, to compare readers.
type tokenLog struct{ strings.Builder }

func (l *tokenLog) start(t *tag) {
	fmt.Fprintf(l, "<%s", t.local)
	for _, a := range t.attrs {
		fmt.Fprintf(l, " %s=%q", a.local, a.value)
	}
	l.WriteString(">")
}

func (l *tokenLog) end(local string) { fmt.Fprintf(l, "</%s>", local) }

func (l *tokenLog) text(data []byte) { fmt.Fprintf(l, "%q", data) }

// scanBoth reads data with eachToken and with encoding/xml alone.
func scanBoth(data []byte) (fast, slow string, fastErr, slowErr error) {
	var f, s tokenLog
	fastErr = eachToken(data, func() xmlEvents {
		f.Reset()
		return &f
	})
	slowErr = eachRawToken(data, &s)
	return f.String(), s.String(), fastErr, slowErr
}

// assertSameTokens fails when eachToken reads data otherwise than
// encoding/xml does: other tokens, or another error.
func assertSameTokens(t *testing.T, name string, data []byte) {
	t.Helper()
	if diff, _ := ScanDiff(data); diff != "" {
		t.Errorf("%s: %s", name, diff)
	}
}

// xmlCases are parts the scanner reads itself and parts it must leave to
// encoding/xml, which must come out the same either way.
var xmlCases = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<worksheet xmlns="x" xmlns:r="y"><sheetData><row r="5" spans="1:15"><c r="A5" s="3" t="s"><v>12</v></c><c r="B5" t="inlineStr"><is><t xml:space="preserve"> a &amp; b </t></is></c></row></sheetData></worksheet>`,
	`<?xml version='1.0' encoding='utf-8'?><a b = 'x"y' c="&lt;&gt;&apos;&quot;&#65;&#x4e2d;"/>`,
	"<a>line\r\nbreak\rend</a>",
	"<x:a x:b=\"1\" b=\"2\">t</x:a>",
	"<a:b:c/>", "<:a/>", "<a:/>", "<a b>", "<a b=c>", "<a b=\"<\">", "<a b=\"1\"", "<a", "</a", "</a b>", "< a>",
	"<a>&unknown;</a>", "<a>&amp</a>", "<a>& b</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&#X41;</a>", "<a>&#;</a>", "<a>&#99999999999;</a>",
	"<a><!-- c --></a>", "<a><![CDATA[x<y]]></a>", "<!DOCTYPE a><a/>", "<a>]]></a>", "<?pi x?><a/>",
	`<?xml version="1.1"?><a/>`, `<?xml version="1.0" encoding="GBK"?><a/>`, ` <?xml version="1.0"?><a/>`,
	"\xef\xbb\xbf<a/>", "<a>\x00</a>", "<a>\xff</a>", "<a>\uFFFE</a>", "<a b=\"\t\n\r\"/>", "text only", "", "<a>>x</a>",
	"<a/ >", "<a><b></a></b>", "<é/>", "<a é=\"1\"/>", "<a-b.c_d e-f=\"1\"/>", "<1a/>",
}

func TestScanMatchesEncodingXML(t *testing.T) {
	for i, c := range xmlCases {
		assertSameTokens(t, fmt.Sprint("case ", i), []byte(c))
	}
}

// FuzzScan compares the scanner with encoding/xml on any input.
//
//	go test -run XXX -fuzz FuzzScan -fuzztime 60s ./internal/fillin/
func FuzzScan(f *testing.F) {
	for _, c := range xmlCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		assertSameTokens(t, "input", data)
	})
}
