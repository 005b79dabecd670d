package docread

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/taizhang-dev/taizhang/internal/testkit"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const sampleText = "关于加强科技创新的通知\n\n一、总体要求\n（一）指导思想。坚持创新驱动。\n"

var sampleLines = []string{"关于加强科技创新的通知", "一、总体要求", "（一）指导思想。坚持创新驱动。"}

func gbk(t testing.TB, s string) []byte { return encode(t, simplifiedchinese.GBK, s) }

func gb18030(t testing.TB, s string) []byte { return encode(t, simplifiedchinese.GB18030, s) }

// encode is s in the bytes of enc, a Chinese encoding.
func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestReadEncodings(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"utf8.txt", []byte(sampleText)},
		{"utf8bom.txt", append([]byte{0xef, 0xbb, 0xbf}, sampleText...)},
		{"crlf.txt", []byte(strings.ReplaceAll(sampleText, "\n", "\r\n"))},
		{"cr.txt", []byte(strings.ReplaceAll(sampleText, "\n", "\r"))},
		{"gbk.txt", gbk(t, sampleText)},
		{"gb18030.txt", gb18030(t, sampleText)},
		{"utf16le-bom.txt", utf16Bytes(sampleText, false, true)},
		{"utf16be-bom.txt", utf16Bytes(sampleText, true, true)},
		{"utf16le.txt", utf16Bytes(sampleText, false, false)},
		{"utf16be.txt", utf16Bytes(sampleText, true, false)},
		{"nul-and-controls.txt", []byte("关于加强科技创新的通知\x00\n\x01一、总体要求\x7f\n（一）指导思想。坚持创新驱动。\u200b")},
		{"gbk-as.html", gbk(t, sampleText)}, // no tags: read as text
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, tt.name, tt.data)
			if got := texts(doc); !slices.Equal(got, sampleLines) {
				t.Errorf("Read(%s) = %q; want %q", tt.name, got, sampleLines)
			}
			if doc.Source != tt.name {
				t.Errorf("Source = %q; want %q", doc.Source, tt.name)
			}
		})
	}
}

func TestReadTruncatedUTF8(t *testing.T) {
	// A file cut in the middle of a character is still UTF-8, not GBK.
	data := []byte(strings.Repeat("关于加强科技创新的通知。\n", 20))
	data = data[:len(data)-2]
	doc := mustRead(t, "cut.txt", data)
	if got := doc.Blocks[0].Text; got != "关于加强科技创新的通知。" {
		t.Errorf("first block = %q", got)
	}
}

func TestRefusedFormats(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty.txt", nil, msgEmpty},
		{"blank.txt", []byte(" \r\n\t\n"), msgEmpty},
		{"bom-only.txt", []byte{0xef, 0xbb, 0xbf, '\n'}, msgNoText},
		{"only-buttons.txt", []byte("打印 关闭\n返回顶部\n"), msgNoText},
		{"old.doc", []byte(ole2Magic + "\x00\x00rest of file"), msgDoc},
		{"renamed.docx", []byte(ole2Magic + "\x00\x00rest of file"), msgDoc},
		{"file.wps", []byte(ole2Magic + "\x00\x00rest of file"), msgWPS},
		{"sheet.xls", []byte(ole2Magic + "\x00\x00rest of file"), msgExcel},
		{"locked.xlsx", []byte(ole2Magic + "\x00\x00rest of file"), msgExcel}, // a workbook with a password
		{"doc.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), msgPDF},
		{"pdf.txt", []byte("%PDF-1.4\nbinary"), msgPDF},
		{"scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), msgImage},
		{"scan.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), msgImage},
		{"doc.rtf", []byte(`{\rtf1\ansi 关于}`), msgRTF},
		{"page.mht", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related"), msgMHT},
		{"bin.dat", []byte("abc\x00\x01\x02\x03\x00\x00\x00\x05\x06\xff\xfe\x00\x01"), msgBinary},
		{"bin.docx", []byte("abc\x00\x01\x02\x03\x00\x00\x00\x05\x06\xff\xfe\x00\x01"), msgBadDocx},
		{"archive.zip", testkit.Zip(t, map[string]string{"a.txt": "x"}), msgZip},
		{"broken.docx", []byte("PK\x03\x04garbage that is not a zip"), msgBadDocx},
		{"broken.zip", []byte("PK\x03\x04garbage that is not a zip"), msgZip},
		{"book.xlsx", testkit.Zip(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), msgExcel},
		{"related.xlsx", testkit.Zip(t, map[string]string{"_rels/.rels": `<Relationships><Relationship Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`, "xl/workbook.xml": "<workbook/>"}), msgExcel},
		{"slides.pptx", testkit.Zip(t, map[string]string{"ppt/presentation.xml": "<p/>"}), msgPPT},
		{"doc.ofd", testkit.Zip(t, map[string]string{"OFD.xml": "<ofd/>"}), msgOFD},
		{"doc.odt", testkit.Zip(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), msgODT},
		{"bad-xml.docx", testkit.Zip(t, map[string]string{"word/document.xml": "<w:document " + wNS + "><w:body><w:p>"}), msgBadDocx},
		{"mismatched.docx", testkit.Zip(t, map[string]string{"word/document.xml": "<w:document " + wNS + "><w:body></w:p></w:body></w:document>"}), msgBadDocx},
		{"no-text.docx", buildDocx(t, "<w:p/>"), msgNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.name, bytes.NewReader(tt.data))
			if err == nil {
				t.Fatalf("Read(%s) = %q; want error %q", tt.name, texts(doc), tt.want)
			}
			ie := inputError(t, err)
			if ie.Msg != tt.want || ie.File != tt.name {
				t.Errorf("Read(%s) error = %v; want %s：%s", tt.name, err, tt.name, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.name+"：") {
				t.Errorf("Error() = %q; want it to start with the file name", err.Error())
			}
		})
	}
}

func TestContentBeatsExtension(t *testing.T) {
	// Sites hand out HTML saved as .doc, and text saved as .html.
	page := "<html><body><p>关于加强科技创新的通知</p><p>一、总体要求</p></body></html>"
	doc := mustRead(t, "download.doc", []byte(page))
	if got, want := texts(doc), []string{"关于加强科技创新的通知", "一、总体要求"}; !slices.Equal(got, want) {
		t.Errorf("HTML as .doc = %q; want %q", got, want)
	}
	docx := buildDocx(t, wp("关于加强科技创新的通知"))
	doc = mustRead(t, "renamed.txt", docx)
	if got := texts(doc); !slices.Equal(got, []string{"关于加强科技创新的通知"}) {
		t.Errorf(".docx as .txt = %q", got)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadFile(filepath.Join(dir, "missing.txt"))
	if ie := inputError(t, err); ie.Msg != msgNotFound {
		t.Errorf("missing file: %v", err)
	}
	_, err = ReadFile(dir)
	if ie := inputError(t, err); ie.Msg != msgIsDir {
		t.Errorf("directory: %v", err)
	}
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte(sampleText), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := ReadFile(p)
	if err != nil || doc.Source != p || len(doc.Blocks) != 3 {
		t.Errorf("ReadFile(%s) = %+v, %v", p, doc, err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, os.ErrClosed }

func TestReadIOErrorIsWrapped(t *testing.T) {
	_, err := Read("x.txt", failingReader{})
	if err == nil || !strings.Contains(err.Error(), "x.txt") {
		t.Fatalf("err = %v", err)
	}
	var ie *InputError
	if errors.As(err, &ie) {
		t.Errorf("an I/O failure is not the user's input error: %v", err)
	}
}

func TestTooLarge(t *testing.T) {
	defer func(old int64) { maxInput = old }(maxInput)
	maxInput = 1 << 16
	r := &repeatReader{n: int(maxInput) + 1}
	_, err := Read("big.txt", r)
	if ie := inputError(t, err); ie.Msg != msgTooLarge {
		t.Errorf("err = %v", err)
	}
}

// repeatReader yields n bytes of text without holding them.
type repeatReader struct{ n int }

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), r.n)
	for i := range p[:k] {
		p[i] = 'a'
	}
	r.n -= k
	return k, nil
}

// TestReadFileNotRegular: a named pipe is refused at once, not waited on.
func TestReadFileNotRegular(t *testing.T) {
	p := filepath.Join(t.TempDir(), "管道.txt")
	if err := mkfifo(p); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadFile(p); done <- err }()
	select {
	case err := <-done:
		if ie := inputError(t, err); ie.Msg != msgNotRegular {
			t.Errorf("named pipe: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ReadFile waits on a named pipe")
	}
}

// Read drops a bullet before a line's number (a web editor's list); before
// plain text, or a ★ marking a lead unit, it stays.
func TestReadDropsBullets(t *testing.T) {
	in := "◆一、总体要求\n● 1.推进老旧小区改造。（牵头单位：市住建局）\n■\u3000（二）保障措施\n" +
		"  • 3 培育应用场景\n●推进老旧小区改造\n★区发改委、统计局\n"
	want := []string{"一、总体要求", "1.推进老旧小区改造。（牵头单位：市住建局）", "（二）保障措施",
		"3 培育应用场景", "●推进老旧小区改造", "★区发改委、统计局"}
	if got := texts(mustRead(t, "a.txt", []byte(in))); !slices.Equal(got, want) {
		t.Errorf("texts = %q; want %q", got, want)
	}
}

// Read drops the markup of a WeChat post or a Markdown page: bold markers
// around a heading, pictographs, a keycap digit opening a line (1️⃣ is 1.).
func TestReadDropsMarkup(t *testing.T) {
	in := "**1. 推进数字经济发展** \U0001F680\n责任单位：市工信局\n2\uFE0F\u20E3 优化营商环境\U0001F4AA\n"
	want := []string{"1. 推进数字经济发展", "责任单位：市工信局", "2.优化营商环境"}
	if got := texts(mustRead(t, "a.txt", []byte(in))); !slices.Equal(got, want) {
		t.Errorf("texts = %q; want %q", got, want)
	}
	// Stars a page put for hidden characters stay: a run of three or
	// more, or two between characters; bold around them goes.
	in = "**4.深化校园餐专项整治。**\n责任单位：****体育局、县**局、__县财政局__\n"
	want = []string{"4.深化校园餐专项整治。", "责任单位：****体育局、县**局、县财政局"}
	if got := texts(mustRead(t, "a.txt", []byte(in))); !slices.Equal(got, want) {
		t.Errorf("texts = %q; want %q", got, want)
	}
	// A page in Markdown (a line opens in bold, a hyphen bullets a list)
	// pairs the stars between characters of a line into bold text; a
	// lone pair stays a mask, and a page's number stays a page's number.
	// A heading's #s and a quotation's > go from the start of a line; #1
	// (no space) numbers an item and stays.
	in = "## 一、总体要求\n> 1.推进试点。（市科技局）\n> > 2.完善机制。\n>\n#1 建设平台\n"
	want = []string{"一、总体要求", "1.推进试点。（市科技局）", "2.完善机制。", "#1 建设平台"}
	if got := texts(mustRead(t, "a.txt", []byte(in))); !slices.Equal(got, want) {
		t.Errorf("texts = %q; want %q", got, want)
	}
	in = "- **（一）推进技术突破** — 「推动**跨运营商漫游**等研发。」（工信部）\n责任单位：县**局\n- 2 -\n"
	want = []string{"（一）推进技术突破 — 「推动跨运营商漫游等研发。」（工信部）", "责任单位：县**局"}
	if got := texts(mustRead(t, "a.txt", []byte(in))); !slices.Equal(got, want) {
		t.Errorf("texts = %q; want %q", got, want)
	}
}

// A task table saved as .csv (Excel's 另存为 CSV, in GBK on a Chinese
// Windows) is read as a table, its title line a paragraph: read as text,
// each row was one line of commas and no task was found.
func TestReadCSVTable(t *testing.T) {
	csv := "重点任务分解表,,,\r\n序号,工作任务,牵头单位,配合单位\r\n1,\"推进老旧小区改造,提升品质\",市住建局,\"市城管局\n市财政局\"\r\n"
	doc := mustRead(t, "分解表.csv", gbk(t, csv))
	want := []Block{{Text: "重点任务分解表"}, {Rows: [][]string{{"序号", "工作任务", "牵头单位", "配合单位"}, {"1", "推进老旧小区改造,提升品质", "市住建局", "市城管局\n市财政局"}}}}
	if !reflect.DeepEqual(doc.Blocks, want) {
		t.Errorf("blocks %q; want %q", doc.Blocks, want)
	}
}
