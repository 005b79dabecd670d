package docxcheck

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/fonts"
)

// Soffice is LibreOffice's soffice on PATH, "" when it is missing.
func Soffice() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// fontAliases maps the standard fonts the documents name to the bundled
// fonts, so that a machine without them shows the report in fonts of the
// same kind (as a PC with them would), not in boxes.
var fontAliases = []struct{ name, family, weight string }{
	{"仿宋_GB2312", "TZ Serif SC", ""},
	{"仿宋", "TZ Serif SC", ""},
	{"宋体", "TZ Serif SC", ""},
	{"方正小标宋简体", "TZ Serif SC", "bold"},
	{"黑体", "TZ Sans SC", ""},
	{"楷体_GB2312", "TZ Kai", ""},
	{"楷体", "TZ Kai", ""},
	// Times New Roman, for digits and Latin words, is rarely on a Linux
	// machine; the serif's own Latin letters are closer to it in width
	// than the usual substitute.
	{"Times New Roman", "TZ Serif SC", ""},
}

// ToPDF has LibreOffice convert the .docx at src into a PDF in dir and
// returns its path. LibreOffice runs with its own profile and a font
// configuration that adds the bundled fonts under the standard names.
func ToPDF(ctx context.Context, src, dir string) (string, error) {
	exe := Soffice()
	if exe == "" {
		return "", fmt.Errorf("LibreOffice (soffice) is not installed")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	work, err := os.MkdirTemp(dir, "lo-")
	if err != nil {
		return "", err
	}
	conf, err := fontConfig(work)
	if err != nil {
		return "", err
	}
	profile := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(work, "profile"))}).String()
	cmd := exec.CommandContext(ctx, exe, "-env:UserInstallation="+profile, "--headless", "--norestore", "--nologo",
		"--nolockcheck", "--convert-to", "pdf", "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf, "TMPDIR="+work)
	out, err := cmd.CombinedOutput()
	os.RemoveAll(work)
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+".pdf")
	if _, serr := os.Stat(pdf); serr != nil {
		return "", fmt.Errorf("soffice --convert-to pdf %s: %v: %s", src, err, out)
	}
	return pdf, nil
}

// fontConfig writes a fontconfig file that adds the bundled fonts and the
// aliases to the system's configuration.
func fontConfig(dir string) (string, error) {
	fontDir := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fontDir, 0o755); err != nil {
		return "", err
	}
	files, _ := fs.Glob(fonts.FS, "*.ttf")
	for _, f := range files {
		data, err := fs.ReadFile(fonts.FS, f)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(fontDir, f), data, 0o644); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>`)
	if _, err := os.Stat("/etc/fonts/fonts.conf"); err == nil {
		b.WriteString(`<include ignore_missing="yes">/etc/fonts/fonts.conf</include>`)
	}
	b.WriteString("<dir>" + fontDir + "</dir><cachedir>" + filepath.Join(dir, "fccache") + "</cachedir>")
	for _, a := range fontAliases {
		b.WriteString(`<match target="pattern"><test name="family"><string>` + a.name + `</string></test>` +
			`<edit name="family" mode="assign" binding="strong"><string>` + a.family + `</string></edit>`)
		if a.weight != "" {
			b.WriteString(`<edit name="weight" mode="assign" binding="strong"><const>` + a.weight + `</const></edit>`)
		}
		b.WriteString(`</match>`)
	}
	b.WriteString("</fontconfig>")
	conf := filepath.Join(dir, "fonts.conf")
	return conf, os.WriteFile(conf, []byte(b.String()), 0o644)
}
