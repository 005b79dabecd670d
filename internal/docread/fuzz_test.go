package docread

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// FuzzRead feeds arbitrary bytes under each kind of file name. Read must
// not panic, must return either a document or an error, and a document
// must hold clean, valid text.
func FuzzRead(f *testing.F) {
	text := "索 引 号：\n000014349/2019-00003\n标　　题：\n关于某事的通知\n发文字号：国发〔2019〕3号\n一、总体要求\n打印 关闭 |\n版权声明\n1、凡本网注明\n"
	f.Add([]byte(text), ".txt")
	f.Add(gbk(f, text), ".txt")
	f.Add(utf16Bytes(text, false, false), ".txt")
	f.Add(utf16Bytes(text, true, true), ".txt")
	f.Add([]byte(govPage), ".html")
	f.Add([]byte("<html><table><tr><td rowspan=3 colspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table>"), ".htm")
	f.Add(buildDocx(f, wp("关于某事的通知")+`<w:tbl><w:tr>`+wtc(`<w:gridSpan w:val="2"/>`, "a")+`</w:tr><w:tr>`+wtc(`<w:vMerge/>`, "")+`</w:tr></w:tbl>`), ".docx")
	files := docxFiles(wnum("1", "0", "总体要求") + wnum("1", "1", "指导思想"))
	files["word/numbering.xml"] = numberingXML
	f.Add(testkit.Zip(f, files), ".docx")
	f.Add([]byte(ole2Magic), ".doc")
	if doc, err := os.ReadFile(filepath.Join("testdata", "word97.doc")); err == nil {
		f.Add(doc, ".doc")
		f.Add(doc[:len(doc)/2], ".doc")
	}
	f.Add([]byte("%PDF-1.4"), ".pdf")
	f.Add([]byte{}, ".txt")
	f.Add([]byte("中共泉州市委 泉州市人民政府 2016年8月27日\n阅读 0\n主管单位:某局"), "x")
	// hard-wrapped lines with page furniture, scattered spaces, enclosed numbers
	f.Add([]byte(strings.Repeat("1.加快推进数字政府建设，提升政务服务效能（责任单位：市科\n技局）\n- 1 -\n\f某某公报\n", 6)), ".txt")
	f.Add([]byte(strings.Repeat("一 、 总 体 要 求 ㈠加强 组织领导 ⑴建立 工作机制。 责 任单位：区住 建局\n", 6)), ".txt")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		start := time.Now()
		doc, err := Read(name, bytes.NewReader(data))
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("Read of %d bytes took %v", len(data), d)
		}
		if (doc == nil) == (err == nil) {
			t.Fatalf("Read = %v, %v; want exactly one", doc, err)
		}
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Msg == "" {
				t.Fatalf("error %v is not an InputError with a message", err)
			}
			return
		}
		checkDocument(t, doc)
	})
}

func checkDocument(t *testing.T, doc *Document) {
	t.Helper()
	if len(doc.Blocks) == 0 {
		t.Fatal("document without blocks")
	}
	for i, b := range doc.Blocks {
		if (b.Text == "") == (b.Rows == nil) {
			t.Fatalf("block %d has both or neither text and rows: %+v", i, b)
		}
		checkText(t, b.Text)
		for _, row := range b.Rows {
			for _, c := range row {
				checkText(t, c)
			}
		}
	}
	for _, s := range []string{doc.Meta.Title, doc.Meta.DocNumber, doc.Meta.Issuer, doc.Meta.Date} {
		checkText(t, s)
	}
	if d := doc.Meta.Date; d != "" {
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			t.Fatalf("Date %q is not YYYY-MM-DD", d)
		}
	}
}

func checkText(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8: %q", s)
	}
	if s != strings.TrimSpace(s) {
		t.Fatalf("untrimmed text: %q", s)
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && isInvisible(r) {
			t.Fatalf("control character %U in %q", r, s)
		}
	}
}

// BenchmarkRead reads each seed document.
func BenchmarkRead(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(paths) == 0 {
		b.Skip("no seeds")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(p)[:3], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Read(p, bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// largeText is the seeds repeated to about 2 MB, the size of the largest
// compilation an office would load.
func largeText(tb testing.TB) []byte {
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	var all []byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		all = append(all, data...)
	}
	if len(all) == 0 {
		tb.Skip("no seeds")
	}
	return bytes.Repeat(all, 2<<20/len(all)+1)
}

// TestLargeIsLinear guards against quadratic work without timing
// anything (a loaded machine under the race detector made a time limit
// flaky; BenchmarkReadLarge gives the speed): reading the 2 MB text must
// allocate no more than about four times what reading a quarter of it
// does, and its document must be sound.
func TestLargeIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	data := largeText(t)
	quarter := data[:bytes.LastIndexByte(data[:len(data)/4], '\n')+1]
	allocs := func(b []byte) float64 {
		return testing.AllocsPerRun(1, func() { mustRead(t, "large.txt", b) })
	}
	if small, large := allocs(quarter), allocs(data); large > 5*small {
		t.Errorf("reading %d bytes made %.0f allocations, %d bytes %.0f: more than linear", len(quarter), small, len(data), large)
	}
	checkDocument(t, mustRead(t, "large.txt", data))
}

func BenchmarkReadLarge(b *testing.B) { benchRead(b, largeText(b)) }

func BenchmarkReadLargeGB18030(b *testing.B) { benchRead(b, gb18030(b, string(largeText(b)))) }

// benchRead reads data as a .txt document b.N times.
func benchRead(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("large.txt", bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzDocx puts arbitrary XML into a well-formed zip, so that the fuzzer
// reaches the .docx parser instead of stopping at zip checksums.
func FuzzDocx(f *testing.F) {
	f.Add(docxFiles(wp("关于某事的通知") + wnum("1", "0", "总体要求"))["word/document.xml"], numberingXML)
	f.Add(docxFiles(`<w:tbl><w:tr>` + wtc(`<w:gridSpan w:val="3"/>`, "a") + `</w:tr><w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>` + wtc(`<w:vMerge/>`, "") + `</w:tr></w:tbl>`)["word/document.xml"], "")
	f.Fuzz(func(t *testing.T, document, numbering string) {
		files := docxFiles("")
		files["word/document.xml"] = document
		files["word/numbering.xml"] = numbering
		doc, err := Read("f.docx", bytes.NewReader(testkit.Zip(t, files)))
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an InputError", err)
			}
			return
		}
		checkDocument(t, doc)
	})
}
