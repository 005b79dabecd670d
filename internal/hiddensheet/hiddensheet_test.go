package hiddensheet

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

func TestChunk(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want []string
	}{
		{"", 4, nil},
		{"abcdef", 4, []string{"abcd", "ef"}},
		{"任务分解表", 2, []string{"任务", "分解", "表"}},
		{"a😀b", 2, []string{"a", "😀", "b"}},     // 😀 is two UTF-16 units
		{"ab cd", 3, []string{"a", "b c", "d"}}, // no piece starts or ends with a space
	}
	for _, tt := range tests {
		got := Chunk(tt.in, tt.n)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Chunk(%q, %d) = %q; want %q", tt.in, tt.n, got, tt.want)
		}
		if strings.Join(got, "") != tt.in {
			t.Errorf("Chunk(%q, %d) loses text: %q", tt.in, tt.n, got)
		}
		for _, p := range got {
			if u := len(utf16.Encode([]rune(p))); u > tt.n {
				t.Errorf("Chunk(%q, %d): piece %q has %d units", tt.in, tt.n, p, u)
			}
		}
	}
}

func TestMarshalJSON(t *testing.T) {
	got, err := MarshalJSON(map[string]string{"a": "<甲&乙>"})
	if want := `{"a":"<甲&乙>"}`; err != nil || got != want {
		t.Errorf("MarshalJSON = %q, %v; want %q", got, err, want)
	}
}

func TestWriterAndFormat(t *testing.T) {
	f := excelize.NewFile()
	if _, err := f.NewSheet("_taizhang"); err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(f, "_taizhang", "taizhang-test/1", "请勿修改")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Row("json", 1, "{}"); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("_taizhang")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"format", "taizhang-test/1"}, {"note", "请勿修改"}, {"json", "1", "{}"}}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows = %q; want %q", rows, want)
	}
	if v, ok := Format(rows); !ok || v != "taizhang-test/1" {
		t.Errorf("Format = %q, %v; want taizhang-test/1, true", v, ok)
	}
	for _, rows := range [][][]string{nil, {{"format"}}, {{"version", "x"}}} {
		if _, ok := Format(rows); ok {
			t.Errorf("Format(%q) ok; want not ours", rows)
		}
	}
}
