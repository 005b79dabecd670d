package policy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func TestParseFS(t *testing.T) {
	cfg := loadConfig(t, "")
	set, err := ParseFS(os.DirFS("../../seeds"), "*.txt", cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Documents) != 5 || set.Documents[0].Source != "000_ced7f791c4343474.txt" {
		t.Fatalf("%d documents, first %q", len(set.Documents), set.Documents[0].Source)
	}
	if _, err := ParseFS(os.DirFS("../../seeds"), "[", cfg); err == nil {
		t.Error("a bad pattern is not an error")
	}
}

// rtf writes paragraphs as an RTF file, Chinese as \u escapes: a source
// LibreOffice reads whatever its locale, to save as an old Word document.
func rtf(paras ...string) []byte {
	var b strings.Builder
	b.WriteString(`{\rtf1\ansi\deff0{\fonttbl{\f0 SimSun;}}\f0 `)
	for _, p := range paras {
		for _, r := range p {
			if r < 128 {
				b.WriteRune(r)
				continue
			}
			fmt.Fprintf(&b, `\u%d?`, int16(r))
		}
		b.WriteString(`\par `)
	}
	b.WriteString("}")
	return []byte(b.String())
}

// An old Word document (.doc) or a WPS one (.wps), as offices still
// receive them, is converted by LibreOffice and read as the .docx would
// be; the file itself is never modified.
func TestParseOldWordDocument(t *testing.T) {
	dir := t.TempDir()
	// A web page saved as .doc needs no conversion.
	page := testkit.SaveFile(t, dir, "网页.doc", []byte(`<html><head><meta charset="utf-8"></head><body><p>1.建设智慧城市平台（市大数据局负责）</p><p>2.推进政务服务改革（市政务服务中心负责）</p></body></html>`))
	if set, err := ParseFiles([]string{page}, loadConfig(t, "")); err != nil || len(set.Documents[0].Tasks) != 2 {
		t.Fatalf("a web page saved as .doc: %v", err)
	}
	src := testkit.SaveFile(t, dir, "plan.rtf", rtf("某市重点任务分工", "1.建设智慧城市平台。（市大数据局牵头，市财政局配合）", "2.推进政务服务改革。（市政务服务中心负责）"))
	testkit.SofficeConvert(t, src, "doc:MS Word 97", dir)
	doc := filepath.Join(dir, "分工方案.doc")
	if err := os.Rename(filepath.Join(dir, "plan.doc"), doc); err != nil {
		t.Fatal(err)
	}
	wps := filepath.Join(dir, "分工方案.wps")
	testkit.CopyFile(t, doc, wps, 0o600)
	before := testkit.FileHash(t, doc)
	set, err := ParseFiles([]string{doc, wps}, loadConfig(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range set.Documents {
		if len(d.Tasks) != 2 || strings.Join(d.Tasks[0].Lead, "") != "市大数据局" || strings.Join(d.Tasks[0].Co, "") != "市财政局" {
			t.Errorf("%s: %d tasks %+v", d.Source, len(d.Tasks), d.Tasks)
		}
	}
	if testkit.FileHash(t, doc) != before {
		t.Error("parse modified the .doc")
	}
	if names := testkit.ReadDir(t, dir); len(names) != 4 {
		t.Errorf("parse left files beside the documents: %d entries", len(names))
	}
}
