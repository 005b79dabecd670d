package convert

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"strings"
)

// kind is what a file holds, judged by content first: departments rename
// files, and WPS writes .et files that are Excel 97 workbooks inside.
type kind int

const (
	kindUnknown   kind = iota
	kindXLSX           // Office Open XML workbook, whatever the file is called
	kindOLE2           // .xls, .et: an Excel 97-2003 (BIFF) workbook in an OLE2 container
	kindEncrypted      // OLE2 holding an encrypted OOXML package: a password-protected .xlsx
	kindODS            // OpenDocument spreadsheet (zip)
	kindMarkup         // HTML or Excel 2003 XML saved under a spreadsheet name
	kindDoc            // .doc, .wps: a Word 97-2003 or WPS document in an OLE2 container (never sniffed: ToDOCX's)
)

var (
	ole2Magic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic  = []byte("PK\x03\x04")
	// The stream name Office uses for an encrypted package, as the UTF-16LE
	// directory entry of the OLE2 container holds it.
	encryptedPackage = utf16le("EncryptedPackage")
)

// legacyExts are the extensions that go to LibreOffice when the content
// alone does not decide.
var legacyExts = map[string]bool{
	".xls": true, ".xlt": true, ".et": true, ".ett": true,
	".ods": true, ".ots": true, ".fods": true,
}

func sniff(data []byte) kind {
	switch {
	case bytes.HasPrefix(data, ole2Magic):
		if bytes.Contains(data, encryptedPackage) {
			return kindEncrypted
		}
		return kindOLE2
	case bytes.HasPrefix(data, zipMagic):
		return sniffZip(data)
	case looksLikeMarkup(data):
		return kindMarkup
	}
	return kindUnknown
}

func sniffZip(data []byte) kind {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return kindUnknown
	}
	for _, f := range zr.File {
		switch f.Name {
		case "xl/workbook.xml":
			return kindXLSX
		case "mimetype":
			if m, _ := readSmall(f); strings.HasPrefix(m, "application/vnd.oasis.opendocument.spreadsheet") {
				return kindODS
			}
		}
	}
	return kindUnknown
}

func readSmall(f *zip.File) (string, error) {
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 100))
	return string(b), err
}

// looksLikeMarkup is true for content starting with "<" after a byte order
// mark and white space: web pages and Excel 2003 XML that systems export
// under a .xls name.
func looksLikeMarkup(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}

func hasLegacyExt(path string) bool {
	return legacyExts[strings.ToLower(filepath.Ext(path))]
}

// isWorkbookName reports a name a workbook has (.xls, .et, .xlsx…): an
// OLE2 container under it is a workbook, not a document.
func isWorkbookName(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return legacyExts[ext] || ext == ".xlsx" || ext == ".xlsm"
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// WorkbookExt is the extension that fits data's content when it is a
// workbook a return may come as: .xlsx for an Office Open XML workbook,
// .xls for an Excel 97-2003 or WPS one (an OLE2 container, a password-
// protected .xlsx too, whose check then says why it cannot be read); ""
// for anything else, whatever its name.
func WorkbookExt(data []byte) string {
	switch sniff(data) {
	case kindXLSX:
		return ".xlsx"
	case kindOLE2, kindEncrypted:
		return ".xls"
	}
	return ""
}
