package typeface

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signintech/gopdf"
	"github.com/taizhang-dev/taizhang/fonts"
)

// gopdf must accept Data as it comes out of a .ttc (and out of an Apple
// 'true' font), embed it, and the text must come back out of the PDF.
func TestGopdfEmbedsData(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("no pdftotext (poppler-utils)")
	}
	dir := t.TempDir()
	ttc := filepath.Join(dir, "集合.ttc")
	if err := os.WriteFile(ttc, writeTTC(bundledData(t, fonts.SerifRegular), bundledData(t, fonts.SansRegular)), 0o644); err != nil {
		t.Fatal(err)
	}
	serif, err := Load(ttc + "#0")
	if err != nil {
		t.Fatal(err)
	}
	sans, err := Load(ttc + "#TZ Sans SC")
	if err != nil {
		t.Fatal(err)
	}
	apple := bytes.Clone(readTestdata(t, "tiny.ttf"))
	copy(apple, "true")
	tiny := mustParse(t, "tiny-true.ttf", apple, 0)

	lines := []struct {
		face *Face
		text string
	}{
		{sans, "一、总体要求（2024年第四季度）"},
		{serif, "各县（市、区）人民政府，市直有关单位：现将《重点工作任务分解表》印发给你们，请认真贯彻落实。"},
		{tiny, "中文字体"},
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	pdf.AddPage()
	for i, l := range lines {
		family := "f" + string(rune('0'+i))
		if err := pdf.AddTTFFontData(family, l.face.Data); err != nil {
			t.Fatalf("AddTTFFontData(%s): %v", l.face.Name, err)
		}
		if err := pdf.SetFont(family, "", 12); err != nil {
			t.Fatal(err)
		}
		pdf.SetXY(50, 50+30*float64(i))
		if err := pdf.Cell(nil, l.text); err != nil {
			t.Fatalf("Cell in %s: %v", l.face.Name, err)
		}
	}
	out := filepath.Join(dir, "out.pdf")
	if err := pdf.WritePdf(out); err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command(pdftotext, "-enc", "UTF-8", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(got)), "")
	for _, l := range lines {
		if !strings.Contains(text, l.text) {
			t.Errorf("pdftotext gave %q; want it to contain %q (%s)", text, l.text, l.face.Name)
		}
	}
	if pdffonts, err := exec.LookPath("pdffonts"); err == nil {
		list, err := exec.Command(pdffonts, out).Output()
		if err != nil {
			t.Fatal(err)
		}
		// name, type, encoding, emb, sub, uni, object ID: one row per font
		// after two header lines.
		rows := strings.Split(strings.TrimSpace(string(list)), "\n")[2:]
		if len(rows) != len(lines) {
			t.Errorf("pdffonts lists %d fonts; want %d:\n%s", len(rows), len(lines), list)
		}
		for _, row := range rows {
			if f := strings.Fields(row); len(f) < 5 || f[len(f)-5] != "yes" {
				t.Errorf("a font is not embedded:\n%s", list)
			}
		}
	}
}
