package docread

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// testdata/word97.doc is testdata/word97.html saved by LibreOffice as
// "MS Word 97" (soffice --headless --convert-to doc:"MS Word 97"): a
// notice, a hyperlink (a field), and a task table with a cell merged down
// two rows, two merged across, an empty cell and a cell of two lines.
// Word saved as .docx reads to the same blocks.
func TestReadWordBinary(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "word97.doc"))
	if err != nil {
		t.Fatal(err)
	}
	doc := mustRead(t, "通知.doc", data)
	want := []Block{
		{Text: "某市人民政府办公室关于印发2026年重点工作任务分解的通知"},
		{Text: "各区人民政府，市政府各部门："},
		{Text: "一、稳定经济运行"},
		{Text: "1.抓好经济运行调度。推动重大项目按期开工。（市发改委）"},
		{Text: "2.加强税源培育。详见市财政局网站。（市财政局、市税务局）"},
		{Text: "附件"},
		{Text: "重点任务分解表"},
		{Rows: [][]string{
			{"序号", "重点任务", "牵头单位", "配合单位", "完成时限"},
			{"1", "推进老旧小区改造", "市住建局", "", "2026年底前"},
			{"2", "建设智慧停车平台\n完成5000个车位", "市住建局", "市公安局", "2026年6月底前"},
			{"3", "合并两格的任务与单位", "合并两格的任务与单位", "市城管局", "长期坚持"},
		}},
		{Text: "某市人民政府办公室"},
		{Text: "2026年3月1日"},
	}
	if !reflect.DeepEqual(doc.Blocks, want) {
		t.Errorf("blocks\n%q\nwant\n%q", doc.Blocks, want)
	}
	if doc.Meta.Date != "2026-03-01" {
		t.Errorf("date %q; want the signature's, 2026-03-01", doc.Meta.Date)
	}
}

// A damaged .doc (cut short anywhere) is an error in Chinese naming the
// file, or what could be read; never a panic. One with a password to open
// says so.
func TestReadWordBinaryDamaged(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "word97.doc"))
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n += 97 {
		doc, err := Read("cut.doc", bytes.NewReader(data[:n]))
		var ie *InputError
		switch {
		case err != nil && !errors.As(err, &ie):
			t.Errorf("cut at %d: %v is no InputError", n, err)
		case err == nil && doc == nil:
			t.Errorf("cut at %d: no document and no error", n)
		}
	}
	c, err := openCFB(data)
	if err != nil {
		t.Fatal(err)
	}
	locked := bytes.Clone(data)
	for _, e := range c.entries {
		if e.name == "WordDocument" {
			off := (int(e.start)+1)*c.ssz + 0x0A
			locked[off+1] |= 0x01 // fEncrypted, 0x0100 of the flags
		}
	}
	_, err = Read("locked.doc", bytes.NewReader(locked))
	var ie *InputError
	if !errors.As(err, &ie) || ie.Msg != msgDocPassword {
		t.Errorf("a .doc with a password: %v; want %q", err, msgDocPassword)
	}
}

// A paragraph's properties from a damaged file: a sprmTDefTable whose
// count is too small for its own fields, a cell count past the operand,
// a variable-length operand running past the end. None may panic.
func TestReadSprmsDamaged(t *testing.T) {
	for _, g := range [][]byte{
		{0x08, 0xD6, 0x00, 0x00},
		{0x08, 0xD6, 0x01, 0x00},
		{0x08, 0xD6, 0x02, 0x00, 0x05},
		{0x08, 0xD6, 0x10, 0x00, 0x05, 0x00},
		{0x2B, 0xD6, 0x03, 0x09, 0x01},
		{0x15, 0xC6, 0xFF},
		{0x16, 0x24},
	} {
		var r papRun
		r.readSprms(g)
		if r.row != nil && len(r.row.edges) != len(r.row.hmerge)+1 {
			t.Errorf("%x: %d edges for %d cells", g, len(r.row.edges), len(r.row.hmerge))
		}
	}
}
