package cells

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestSortedZip: parts come out in name order, the content types first
// with their entries sorted.
func TestSortedZip(t *testing.T) {
	write := func(parts ...[2]string) ([]byte, error) {
		var buf bytes.Buffer
		z := &sortedZip{out: &buf}
		for _, p := range parts {
			w, err := z.Create(p[0])
			if err != nil {
				return nil, err
			}
			io.WriteString(w, p[1])
		}
		err := z.Close()
		return buf.Bytes(), err
	}
	ct := `<Types><Override PartName="/b"/><Default Extension="xml"/><Override PartName="/a"/><Default Extension="bmp"/></Types>`
	data, err := write([2]string{"xl/s.xml", "sheet"}, [2]string{contentTypes, ct}, [2]string{"a.xml", strings.Repeat("a", 1000)})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names, bodies []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		names, bodies = append(names, f.Name), append(bodies, string(b))
	}
	if got := strings.Join(names, " "); got != contentTypes+" a.xml xl/s.xml" {
		t.Errorf("parts in the order %s", got)
	}
	want := []string{`<Types><Override PartName="/a"/><Default Extension="bmp"/><Override PartName="/b"/><Default Extension="xml"/></Types>`, strings.Repeat("a", 1000), "sheet"}
	for i, w := range want {
		if i < len(bodies) && bodies[i] != w {
			t.Errorf("%s = %q; want %q", names[i], bodies[i], w)
		}
	}
}
