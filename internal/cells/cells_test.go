package cells

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func TestDisplayWidth(t *testing.T) {
	testkit.Cases(t, "DisplayWidth", DisplayWidth, map[string]int{
		"":      0,
		"abc12": 5,
		"任务":    4,
		"（1）":   5,
		"a—b":   4, // em dash (U+2014) counts two
		"“办”":   6, // Chinese quotation marks count two
	})
}

func TestLineCount(t *testing.T) {
	tests := []struct {
		in    string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"短", 10, 1},
		{strings.Repeat("字", 30), 23.4, 3}, // 60 units over 20.06 a line
		{"a\n\nb", 10, 3},                  // empty paragraphs take a line
		{strings.Repeat("a", 20), 12.3, 2}, // Latin counts one
		{"ab", 0, 2},                       // at least one unit a line
	}
	for _, tc := range tests {
		if got := LineCount(tc.in, tc.width); got != tc.want {
			t.Errorf("LineCount(%q, %v) = %d; want %d", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestFoldAndHeaderKey(t *testing.T) {
	tests := []struct {
		in, fold, key string
	}{
		{"（１）", "(1)", "(1)"},
		{"８０％", "80%", "80%"},
		{"任务\u3000名称", "任务 名称", "任务名称"},
		{" 牵头\n单位 ", " 牵头\n单位 ", "牵头单位"},
		{"", "", ""},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.fold {
			t.Errorf("Fold(%q) = %q; want %q", tc.in, got, tc.fold)
		}
		if got := HeaderKey(tc.in); got != tc.key {
			t.Errorf("HeaderKey(%q) = %q; want %q", tc.in, got, tc.key)
		}
	}
}

func TestCleanCell(t *testing.T) {
	testkit.Cases(t, "CleanCell", CleanCell, map[string]string{
		"":            "",
		"  a  ":       "a",
		"a\r\nb\rc\n": "a\nb\nc",
		"\r\n 甲 \r\n": "甲",
	})
}

func TestSplit(t *testing.T) {
	testkit.Cases(t, "SplitLines", SplitLines, map[string][]string{
		"":                nil,
		" a \n\n b\n  \n": []string{"a", "b"},
		"一行":              []string{"一行"},
	})
	testkit.Cases(t, "SplitLabel", SplitLabel, map[string][]string{
		"二(三)4":      []string{"二", "(三)", "4"},
		"一（二）3①":     []string{"一", "（二）", "3", "①"},
		"十二(十)12(3)": []string{"十二", "(十)", "12", "(3)"},
		"一、(一)1.":    []string{"一、", "(一)", "1."},
		"附件2":        []string{"附件", "2"},
		"":           nil,
	})
	testkit.Cases(t, "SplitUnits", SplitUnits, map[string][]string{
		"市发改委、市科技局": []string{"市发改委", "市科技局"},
		"各县（市、区）人民政府，市财政局;市统计局\n 市商务局 ": []string{"各县（市、区）人民政府", "市财政局", "市统计局", "市商务局"},
		"各市(区)、、": []string{"各市(区)"},
		"":        nil,
	})
}

func TestMarkers(t *testing.T) {
	tests := []struct {
		r                              rune
		numeral, digit, circled, start bool
	}{
		{'二', true, false, false, true},
		{'两', true, false, false, true},
		{'7', false, true, false, true},
		{'７', false, true, false, true},
		{'①', false, false, true, true},
		{'㉟', false, false, true, true},
		{'㊿', false, false, true, true},
		{'(', false, false, false, true},
		{'（', false, false, false, true},
		{'附', false, false, false, false},
		{')', false, false, false, false},
	}
	for _, tc := range tests {
		if got := IsChineseNumeral(tc.r); got != tc.numeral {
			t.Errorf("IsChineseNumeral(%q) = %v", tc.r, got)
		}
		if got := IsDigit(tc.r); got != tc.digit {
			t.Errorf("IsDigit(%q) = %v", tc.r, got)
		}
		if got := IsCircled(tc.r); got != tc.circled {
			t.Errorf("IsCircled(%q) = %v", tc.r, got)
		}
		if got := IsMarkerStart(tc.r); got != tc.start {
			t.Errorf("IsMarkerStart(%q) = %v", tc.r, got)
		}
	}
}

func TestTruncateRunes(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"", 3, ""},
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"任务名称", 2, "任…"},
		{"任务", 1, "…"},
	}
	for _, tc := range tests {
		if got := TruncateRunes(tc.in, tc.n); got != tc.want {
			t.Errorf("TruncateRunes(%q, %d) = %q; want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	errWrite := errors.New("write failed")
	tests := []struct {
		name    string
		old     string // content at path before, "" for none
		write   func(io.Writer) error
		wantErr error
		want    string // content at path after
	}{
		{"new", "", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, nil, "new"},
		{"replace", "old", func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, nil, "new"},
		{"write fails", "old", func(w io.Writer) error { io.WriteString(w, "partial"); return errWrite }, errWrite, "old"},
		{"write fails, no file", "", func(io.Writer) error { return errWrite }, errWrite, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "台账.xlsx")
			if tc.old != "" {
				if err := os.WriteFile(path, []byte(tc.old), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			var tmpName string
			err := WriteFileAtomic(path, func(w io.Writer) error {
				f, ok := w.(*os.File)
				if !ok {
					t.Fatalf("write got %T; want *os.File", w)
				}
				tmpName = f.Name()
				return tc.write(w)
			})
			if err != tc.wantErr {
				t.Fatalf("WriteFileAtomic: %v; want %v", err, tc.wantErr)
			}
			if filepath.Dir(tmpName) != dir || !strings.HasPrefix(filepath.Base(tmpName), ".台账.xlsx.") || !strings.HasSuffix(tmpName, ".tmp") {
				t.Errorf("temporary file %s; want .台账.xlsx.*.tmp in %s", tmpName, dir)
			}
			data, rerr := os.ReadFile(path)
			switch {
			case tc.want == "" && !errors.Is(rerr, os.ErrNotExist):
				t.Errorf("read %s: %v; want no file", path, rerr)
			case tc.want != "" && string(data) != tc.want:
				t.Errorf("%s holds %q (%v); want %q", path, data, rerr, tc.want)
			}
			if tc.wantErr == nil {
				info, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				if mode := info.Mode().Perm(); mode != 0o644 {
					t.Errorf("mode %v; want 0644", mode)
				}
			}
			for _, e := range testkit.ReadDir(t, dir) {
				if e.Name() != "台账.xlsx" {
					t.Errorf("left behind %s", e.Name())
				}
			}
		})
	}
}

func TestWriteFileAtomicNoDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "a.xlsx")
	called := false
	err := WriteFileAtomic(path, func(io.Writer) error { called = true; return nil })
	if err == nil || called {
		t.Errorf("WriteFileAtomic into a missing directory: err %v, write called %v; want an error before writing", err, called)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	read := func(name string, r io.Reader) (string, error) { return name, nil }
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "没有.xlsx"), "找不到该文件"},
		{dir, "这是一个目录"},
	} {
		_, err := ReadFile(tc.path, read)
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) {
			t.Errorf("ReadFile(%s) = %v; want an InputError naming the file with %q", tc.path, err, tc.want)
		}
	}
	p := filepath.Join(dir, "任务分解表.xlsx")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if name, err := ReadFile(p, read); err != nil || name != "任务分解表.xlsx" {
		t.Errorf("ReadFile hands read %q, %v; want the base name", name, err)
	}
}

func TestPlaceAndSniff(t *testing.T) {
	for in, want := range map[string]string{"H12": "第 12 行 H 列", "12": "第 12 行", "": ""} {
		if got := Place(in); got != want {
			t.Errorf("Place(%q) = %q; want %q", in, got, want)
		}
	}
	if got := SniffXLSX("a.xlsx", []byte("PK\x03\x04…"), " X"); got != "" {
		t.Errorf("a zip is refused: %q", got)
	}
	if got := SniffXLSX("a.xlsx", []byte("text"), " 总台账"); !strings.HasSuffix(got, "请选择 总台账") {
		t.Errorf("SniffXLSX(text) = %q", got)
	}
	if got := SniffXLSX("a.et", []byte("PK\x03\x04"), ""); !strings.Contains(got, ".et") {
		t.Errorf("SniffXLSX(.et) = %q", got)
	}
}

func TestRowLines(t *testing.T) {
	tests := []struct {
		values []string
		widths []float64
		want   int
	}{
		{nil, nil, 1},
		{[]string{"", ""}, []float64{10, 10}, 1},
		{[]string{"甲\n乙\n丙", "丁"}, []float64{10, 10}, 3},
		{[]string{"甲\n乙\n丙", "丁"}, []float64{0, 10}, 1}, // no width: not counted
	}
	for _, tt := range tests {
		if got := RowLines(tt.values, tt.widths); got != tt.want {
			t.Errorf("RowLines(%q, %v) = %d; want %d", tt.values, tt.widths, got, tt.want)
		}
	}
}

func TestPadRight(t *testing.T) {
	if got := PadRight("任务", 6); got != "任务  " {
		t.Errorf("PadRight(任务, 6) = %q", got)
	}
	if got := PadRight("abc", 2); got != "abc" {
		t.Errorf("PadRight(abc, 2) = %q; want it as it is", got)
	}
}

// TestFoldAsWidthFold: Fold's shortcut for strings width.Fold leaves as
// they are changes nothing, for every rune and for bytes that are not
// UTF-8.
func TestFoldAsWidthFold(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := "a" + string(r)
		if got, want := Fold(s), width.Fold.String(s); got != want {
			t.Fatalf("Fold(%q) = %q; width.Fold gives %q", s, got, want)
		}
	}
	for _, s := range []string{"\xff", "a\xe4\xb8", "（１）\x80", "", "序号"} {
		if got, want := Fold(s), width.Fold.String(s); got != want {
			t.Errorf("Fold(%q) = %q; width.Fold gives %q", s, got, want)
		}
	}
}
