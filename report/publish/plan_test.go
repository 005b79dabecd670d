package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

func TestFontSetFlags(t *testing.T) {
	cfg := &config.Config{}
	if set, err := FontSet(cfg, nil); err != nil || set == nil {
		t.Fatalf("FontSet(no choices) = %v, %v; want the bundled fonts", set, err)
	}
	var u *inputerr.Usage
	for _, flag := range []string{"serif=x.ttf", "body"} {
		if _, err := FontSet(cfg, []string{flag}); !errors.As(err, &u) {
			t.Errorf("FontSet(--font %s) = %v; want a usage error", flag, err)
		}
	}
	if _, err := FontSet(cfg, []string{"body=/nonexistent/x.ttf"}); !inputerr.Is(err) {
		t.Errorf("FontSet(a missing font file) = %v; want an input problem", err)
	}
}

// In a workspace the reports' fixed text is a file the office edits: the
// first report writes the default there, later ones read it, and it is
// never written over.
func TestWordingFile(t *testing.T) {
	root := t.TempDir()
	p := &Plan{}
	if err := p.wording(root); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "模板", "通报文字.txt")
	data, err := os.ReadFile(path)
	if err != nil || !p.WordingWritten || p.Options.Wording != nil || !strings.Contains(string(data), "[下步工作要求]") {
		t.Fatalf("first run: written %v, file %q, err %v", p.WordingWritten, data, err)
	}
	edited := strings.Replace(string(data), "各责任单位：", "各县（市、区）政府，市直各部门：", 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	p = &Plan{}
	if err := p.wording(root); err != nil {
		t.Fatal(err)
	}
	if p.WordingWritten || p.Options.Wording == nil || p.Options.Wording.Salutation != "各县（市、区）政府，市直各部门：" {
		t.Errorf("second run: written %v, wording %+v", p.WordingWritten, p.Options.Wording)
	}
	if got, _ := os.ReadFile(path); string(got) != edited {
		t.Error("the office's file was written over")
	}
	if err := os.WriteFile(path, []byte("[结束语]\n此致"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := (&Plan{}).wording(root); !inputerr.Is(err) {
		t.Errorf("a bad file gives %v; want an input error", err)
	}
}
