package cells

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestSortedZip: parts come out in name order, the content types first
// with their entries sorted, the edited part edited, and a missing part to
// edit is an error.
func TestSortedZip(t *testing.T) {
	write := func(edit string, parts ...[2]string) ([]byte, error) {
		var buf bytes.Buffer
		z := &sortedZip{out: &buf, edit: edit, editFn: func(b []byte) []byte { return append(b, "!"...) }}
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
	data, err := write("xl/s.xml", [2]string{"xl/s.xml", "sheet"}, [2]string{contentTypes, ct}, [2]string{"a.xml", strings.Repeat("a", 1000)})
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
	want := []string{`<Types><Override PartName="/a"/><Default Extension="bmp"/><Override PartName="/b"/><Default Extension="xml"/></Types>`, strings.Repeat("a", 1000), "sheet!"}
	for i, w := range want {
		if i < len(bodies) && bodies[i] != w {
			t.Errorf("%s = %q; want %q", names[i], bodies[i], w)
		}
	}
	if _, err := write("xl/none.xml", [2]string{"a.xml", "a"}); err == nil || !strings.Contains(err.Error(), "xl/none.xml") {
		t.Errorf("editing a part not written: err = %v", err)
	}
}
