package typeface

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

const corpusDir = "../../../shared/corpus/docs"

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustParse(t testing.TB, name string, data []byte, index int) *Face {
	t.Helper()
	f, err := Parse(name, data, index)
	if err != nil {
		t.Fatalf("Parse(%s, %d): %v", name, index, err)
	}
	return f
}

func TestBundled(t *testing.T) {
	tests := []struct {
		role  Role
		name  string
		label string
	}{
		{Body, "TZ Serif SC", "正文字体"},
		{Bold, "TZ Serif SC Bold", "正文粗体"},
		{Title, "TZ Serif SC Bold", "标题字体"},
		{Hei, "TZ Sans SC", "黑体"},
		{Kai, "TZ Kai", "楷体"},
	}
	for _, tt := range tests {
		f := Bundled(tt.role)
		if f == nil {
			t.Fatalf("Bundled(%s) = nil", tt.role)
		}
		if f.Name != tt.name || f.Path != "" {
			t.Errorf("Bundled(%s): Name %q, Path %q; want %q, \"\"", tt.role, f.Name, f.Path, tt.name)
		}
		if got := tt.role.Label(); got != tt.label {
			t.Errorf("%s.Label() = %q; want %q", tt.role, got, tt.label)
		}
		if f.UnitsPerEm != 1000 || f.Ascent < 800 || f.Descent > -200 || f.Descent < -400 {
			t.Errorf("Bundled(%s): UnitsPerEm %d, Ascent %d, Descent %d", tt.role, f.UnitsPerEm, f.Ascent, f.Descent)
		}
		if got := f.Advance('中'); got != 1.0 {
			t.Errorf("Bundled(%s).Advance('中') = %v; want 1", tt.role, got)
		}
		if got := f.Advance('，'); got != 1.0 {
			t.Errorf("Bundled(%s).Advance('，') = %v; want 1", tt.role, got)
		}
		if got := f.Advance('a'); got < 0.4 || got > 0.65 {
			t.Errorf("Bundled(%s).Advance('a') = %v; want about half an em", tt.role, got)
		}
		if got := f.Advance('1'); got < 0.4 || got > 0.65 {
			t.Errorf("Bundled(%s).Advance('1') = %v; want about half an em", tt.role, got)
		}
		for _, r := range []rune{'𫖮', -1, 0x110000, 0} {
			if f.Has(r) || f.Advance(r) != 0 {
				t.Errorf("Bundled(%s) has %U", tt.role, r)
			}
		}
		if !bytes.HasPrefix(f.Data, []byte{0, 1, 0, 0}) {
			t.Errorf("Bundled(%s).Data is not a TrueType font", tt.role)
		}
	}
	if Bundled(Bold) != Bundled(Title) {
		t.Error("Bold and Title should share the bundled bold face")
	}
	if Bundled("fangsong") != nil {
		t.Error(`Bundled("fangsong") != nil`)
	}
}

// textRunes are the characters of text a PDF would draw.
func textRunes(text string) []rune {
	seen := map[rune]bool{}
	var out []rune
	for _, r := range text {
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || seen[r] {
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

func readTexts(t *testing.T, pattern string) string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files %s (%v)", pattern, err)
	}
	var b strings.Builder
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(data) {
			t.Fatalf("%s is not UTF-8: convert it before checking its characters", file)
		}
		b.Write(data)
	}
	return b.String()
}

// The bundled subsets must hold every character of the seed documents and
// the corpus, in every role: a missing one would silently vanish from the
// PDF. After new documents, run fonts/build/collect_chars.py and rebuild.
func TestBundledCoversDocuments(t *testing.T) {
	sources := map[string]string{"seeds": readTexts(t, "../../seeds/*.txt")}
	if _, err := os.Stat(corpusDir); err == nil {
		sources["corpus"] = readTexts(t, filepath.Join(corpusDir, "*.txt"))
	} else {
		t.Logf("no corpus at %s: checking the seeds only", corpusDir)
	}
	for src, text := range sources {
		runes := textRunes(text)
		if len(runes) < 1000 {
			t.Fatalf("%s: only %d distinct characters", src, len(runes))
		}
		for _, role := range Roles {
			var missing []rune
			for _, r := range runes {
				if !Bundled(role).Has(r) {
					missing = append(missing, r)
				}
			}
			if len(missing) > 0 {
				t.Errorf("%s: the bundled %s lacks %d characters: %q", src, role.Label(), len(missing), string(missing))
			}
		}
	}
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60
}

// The program's own Chinese text (messages, headings, table captions) must be
// in the bundled body font, which every fallback chain ends in. Test files
// are left out: they may hold rare characters on purpose, to test what
// happens when a font lacks one.
func TestBundledCoversProgramText(t *testing.T) {
	root := "../.."
	seen := map[rune]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, r := range string(data) {
			if isCJK(r) {
				if _, ok := seen[r]; !ok {
					seen[r] = path
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 300 {
		t.Fatalf("only %d CJK characters in the Go sources: is %s the repository?", len(seen), root)
	}
	body := Bundled(Body)
	for r, file := range seen {
		if !body.Has(r) {
			t.Errorf("%s uses %q (%U), which the bundled body font lacks: run fonts/build/collect_chars.py and build_fonts.py", file, r, r)
		}
	}
}

func TestParseTiny(t *testing.T) {
	f := mustParse(t, "tiny.ttf", readTestdata(t, "tiny.ttf"), 0)
	if f.Name != "TZ Serif SC" {
		t.Errorf("Name = %q", f.Name)
	}
	for _, r := range "中文字体a1，。" {
		if !f.Has(r) || f.Advance(r) <= 0 {
			t.Errorf("tiny.ttf: Has(%q) = %v, Advance %v", r, f.Has(r), f.Advance(r))
		}
	}
	for _, r := range "国b𠮷" {
		if f.Has(r) {
			t.Errorf("tiny.ttf has %q", r)
		}
	}
	if got, want := f.Advance('中'), Bundled(Body).Advance('中'); got != want {
		t.Errorf("Advance('中') = %v; want %v as in the font it came from", got, want)
	}
	if got, want := f.Advance('a'), Bundled(Body).Advance('a'); got != want {
		t.Errorf("Advance('a') = %v; want %v as in the font it came from", got, want)
	}
}

// A plain .ttf is handed to gopdf as it is, not copied, unless its last
// table lacks the padding gopdf reads with it.
func TestParseKeepsTTF(t *testing.T) {
	data := readTestdata(t, "tiny.ttf")
	f := mustParse(t, "tiny.ttf", data, 0)
	if len(f.Data) != len(data) || &f.Data[0] != &data[0] {
		t.Error("Data is a copy")
	}

	font := splitFont(data, 0)
	i := slices.IndexFunc(font.tables, func(t testTable) bool { return t.tag == "head" })
	head := font.tables[i]
	font.tables = append(slices.Delete(font.tables, i, i+1), head) // head (54 bytes) last
	unpadded := writeFont(font)
	unpadded = slices.Clip(unpadded[:len(unpadded)-2])
	f = mustParse(t, "unpadded.ttf", unpadded, 0)
	if &f.Data[0] == &unpadded[0] {
		t.Fatal("Data is the unpadded font")
	}
	checkSFNT(t, f.Data)
}

func TestParseFormat12(t *testing.T) {
	f := mustParse(t, "tiny12.ttf", readTestdata(t, "tiny12.ttf"), 0)
	if f.Name != "台账测试宋" {
		t.Errorf("Name = %q; want the Chinese family name", f.Name)
	}
	if !f.Has('𠮷') || f.Advance('𠮷') != f.Advance('中') {
		t.Errorf("the (3,10) format 12 subtable was not used: Has('𠮷') = %v", f.Has('𠮷'))
	}
	for _, r := range "中文字体a1，。" {
		if !f.Has(r) {
			t.Errorf("tiny12.ttf lacks %q", r)
		}
	}
}

// An sfnt of Apple's 'true' flavour is rewritten to version 1.0, the only
// one gopdf reads.
func TestParseAppleTrue(t *testing.T) {
	data := bytes.Clone(readTestdata(t, "tiny.ttf"))
	copy(data, "true")
	f := mustParse(t, "tiny-true.ttf", data, 0)
	if !bytes.HasPrefix(f.Data, []byte{0, 1, 0, 0}) {
		t.Fatalf("Data starts %q", f.Data[:4])
	}
	checkSFNT(t, f.Data)
	g := mustParse(t, "data", f.Data, 0)
	if !sameCoverage(f, g) {
		t.Error("the rewritten font maps other characters")
	}
}

func TestParseErrors(t *testing.T) {
	tiny := readTestdata(t, "tiny.ttf")
	noDirectory := bytes.Clone(tiny[:12])
	tests := []struct {
		name  string
		data  []byte
		index int
		want  string
	}{
		{"empty", nil, 0, "不是 TrueType 字体文件"},
		{"text", []byte("这不是字体，只是一段文字。"), 0, "不是 TrueType 字体文件"},
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), 0, "不是 TrueType 字体文件"},
		{"otf", minimalOTTO(), 0, "OpenType/CFF 轮廓的字体（.otf）"},
		{"woff", append([]byte("wOFF\x00\x01\x00\x00"), make([]byte, 40)...), 0, "WOFF"},
		{"no directory", noDirectory, 0, "表目录超出文件末尾"},
		{"index of a ttf", tiny, 1, "不是字体集（.ttc）"},
		{"ttc index", writeTTC(tiny, tiny), 2, "字体集中有 2 款字体（#0 至 #1），没有 #2"},
		{"ttc negative", writeTTC(tiny), -1, "没有 #-1"},
		{"ttc cff face", writeTTC(tiny, minimalOTTO()), 1, "字体集中的 #1"},
		{"ttc cff table", writeTTC(tiny, cffFace()), 1, "OpenType/CFF"},
		{"ttc header only", []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x05"), 0, "字体集目录不完整"},
		{"no cmap", dropTable(tiny, "cmap"), 0, "缺少 cmap 表"},
		{"no name table", renameTable(tiny, "name", "nam_"), 0, "缺少 name 表"},
		{"no PostScript name", renameNameID(tiny, 6, 5), 0, "缺少 PostScript 名称"},
		{"bad head", zeroTable(tiny, "head"), 0, "head 表不对"},
		{"bad hhea", zeroTable(tiny, "hhea"), 0, "损坏"},
		{"bad loca", fillTable(tiny, "loca", 0xFF), 0, "loca 表指向 glyf 表之外"},
		{"symbol cmap", cmapPlatform(tiny, 3, 0), 0, "cmap 表的 3/1 格式 4 子表"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("字体.ttf", tt.data, tt.index)
			if err == nil {
				t.Fatalf("Parse = %q, no error; want %q", f.Name, tt.want)
			}
			var in *inputerr.Error
			if !errors.As(err, &in) || in.File != "字体.ttf" {
				t.Fatalf("error %T %v; want an *inputerr.Error naming the file", err, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q; want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestCFFMessage(t *testing.T) {
	_, err := Parse("思源.otf", minimalOTTO(), 0)
	for _, want := range []string{"思源.otf：", "OpenType/CFF", "TrueType", ".ttf", "fonttools", "simsun.ttc", "simfang.ttf", "simhei.ttf", "simkai.ttf"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v; want it to contain %q", err, want)
		}
	}
	const system = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	if _, err := os.Stat(system); err != nil {
		t.Logf("no %s: checked the hand-made .otf only", system)
		return
	}
	for spec, face := range map[string]string{system: "#0", system + "#3": "#3", system + "#Noto Sans CJK SC": "#2"} {
		_, err := Load(spec)
		var in *inputerr.Error
		if !errors.As(err, &in) || in.File != system || !strings.Contains(in.Msg, "OpenType/CFF 轮廓的字体（字体集中的 "+face+"）") || !strings.Contains(in.Msg, "simsun.ttc") {
			t.Errorf("Load(%s) = %v; want the CFF message naming the file and face %s", spec, err, face)
		}
	}
}

// Every cut of a font before the end of its last table must be an error,
// never a panic or a face read from the wrong bytes.
func TestParseTruncated(t *testing.T) {
	for _, file := range []string{"tiny.ttf", "tiny12.ttf"} {
		data := readTestdata(t, file)
		end := tablesEnd(data, 0)
		for n := range len(data) {
			f, err := Parse(file, data[:n:n], 0)
			if n < end && err == nil {
				t.Fatalf("%s cut at %d of %d: parsed %q", file, n, end, f.Name)
			}
		}
		ttc := writeTTC(data, data)
		end = tablesEnd(ttc, binary.BigEndian.Uint32(ttc[16:]))
		for n := range len(ttc) {
			if f, err := Parse(file, ttc[:n:n], 1); n < end && err == nil {
				t.Fatalf("%s in a .ttc cut at %d of %d: parsed %q", file, n, end, f.Name)
			}
		}
	}
}

func TestLoad(t *testing.T) {
	tiny, tiny12 := readTestdata(t, "tiny.ttf"), readTestdata(t, "tiny12.ttf")
	dir := t.TempDir()
	ttc := filepath.Join(dir, "测试.ttc")
	hash := filepath.Join(dir, "a#1.ttf")
	for file, data := range map[string][]byte{ttc: writeTTC(tiny, tiny12), hash: tiny} {
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		spec, name string
	}{
		{ttc, "TZ Serif SC"},
		{ttc + "#0", "TZ Serif SC"},
		{ttc + "#1", "台账测试宋"},
		{ttc + "#台账测试宋", "台账测试宋"},
		{ttc + "#TZ Test Song", "台账测试宋"},
		{ttc + "# tztestsong ", "台账测试宋"},
		{ttc + "#TZTestSong-Regular", "台账测试宋"},
		{ttc + "#TZ Serif SC", "TZ Serif SC"},
		{hash, "TZ Serif SC"},
		{filepath.Join(dir, "a#1.ttf#0"), "TZ Serif SC"},
	}
	for _, tt := range tests {
		f, err := Load(tt.spec)
		if err != nil {
			t.Errorf("Load(%s): %v", tt.spec, err)
			continue
		}
		if f.Name != tt.name {
			t.Errorf("Load(%s).Name = %q; want %q", tt.spec, f.Name, tt.name)
		}
		if want, _ := splitSpec(tt.spec); f.Path != want {
			t.Errorf("Load(%s).Path = %q; want %q", tt.spec, f.Path, want)
		}
	}
	errs := []struct {
		spec, file, want string
	}{
		{ttc + "#2", ttc, "没有 #2"},
		{ttc + "#黑体", ttc, "文件中没有名为“黑体”的字体，其中有：#0 TZ Serif SC、#1 台账测试宋（TZ Test Song）"},
		{hash + "#1", hash, "不是字体集"},
		{filepath.Join(dir, "无.ttf"), filepath.Join(dir, "无.ttf"), "找不到字体文件"},
		{dir, dir, "是文件夹"},
	}
	for _, tt := range errs {
		_, err := Load(tt.spec)
		var in *inputerr.Error
		if !errors.As(err, &in) || in.File != tt.file || !strings.Contains(in.Msg, tt.want) {
			t.Errorf("Load(%s) = %v; want an *inputerr.Error for %s containing %q", tt.spec, err, tt.file, tt.want)
		}
	}
}

func TestSet(t *testing.T) {
	s := DefaultSet()
	serif, bold, sans, kai := Bundled(Body), Bundled(Bold), Bundled(Hei), Bundled(Kai)
	for _, r := range Roles {
		if s.Face(r) != Bundled(r) {
			t.Errorf("DefaultSet().Face(%s) is not the bundled face", r)
		}
	}
	checkFaces(t, "DefaultSet().Fallbacks(Body)", s.Fallbacks(Body), bold, sans, kai)
	checkFaces(t, "DefaultSet().Fallbacks(Title)", s.Fallbacks(Title), serif, sans, kai)
	checkFaces(t, "DefaultSet().Faces()", s.Faces(), serif, bold, sans, kai)

	tiny := filepath.Join("testdata", "tiny.ttf")
	if err := s.Use(Body, tiny); err != nil {
		t.Fatal(err)
	}
	if err := s.Use(Hei, filepath.Join("testdata", "tiny12.ttf")); err != nil {
		t.Fatal(err)
	}
	user, user12 := s.Face(Body), s.Face(Hei)
	if user.Path != tiny || user == serif {
		t.Fatalf("Use(Body): Face is %+v", user.Name)
	}
	// The user's other fonts first, then the bundled ones, the role's own
	// first: a 正文 character missing from the user's 仿宋 is drawn in the
	// bundled regular serif, not in the bold one.
	checkFaces(t, "Fallbacks(Body)", s.Fallbacks(Body), user12, serif, bold, sans, kai)
	checkFaces(t, "Fallbacks(Hei)", s.Fallbacks(Hei), user, sans, serif, bold, kai)
	checkFaces(t, "Fallbacks(Kai)", s.Fallbacks(Kai), user, user12, serif, bold, sans)
	checkFaces(t, "Faces()", s.Faces(), user, bold, user12, kai, serif, sans)

	if err := s.Use(Kai, "testdata/无此文件.ttf"); err == nil || s.Face(Kai) != kai {
		t.Errorf("Use of a missing file: %v, and the role changed", err)
	}
	if err := s.Use("fangsong", tiny); err == nil || !strings.Contains(err.Error(), "body（正文字体）") {
		t.Errorf("Use of an unknown role: %v", err)
	}
	if err := s.UseFace(Title, user); err != nil || s.Face(Title) != user {
		t.Errorf("UseFace: %v", err)
	}
	checkFaces(t, "Fallbacks(Title) after UseFace", s.Fallbacks(Title), user12, bold, serif, sans, kai)
}

func checkFaces(t *testing.T, what string, got []*Face, want ...*Face) {
	t.Helper()
	names := func(fs []*Face) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Name+" "+f.Path)
		}
		return out
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s = %q; want %q", what, names(got), names(want))
	}
}

// sameCoverage reports whether a and b map the same characters to glyphs of
// the same advance.
func sameCoverage(a, b *Face) bool {
	for i := range a.cmap.pages {
		pa, pb := a.cmap.pages[i], b.cmap.pages[i]
		if (pa == nil) != (pb == nil) {
			return false
		}
		if pa == nil {
			continue
		}
		for j := range pa {
			r := rune(i<<8 | j)
			if (pa[j] == 0) != (pb[j] == 0) || a.Advance(r) != b.Advance(r) {
				return false
			}
		}
	}
	return true
}
