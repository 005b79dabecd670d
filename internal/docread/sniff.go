package docread

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
)

// Messages for files we cannot read. Each says what the file is and what
// the office can do instead, because the person at the desk did not choose
// the format: it came with the document.
const (
	msgEmpty        = "文件是空的：请确认选择了正确的文件。"
	msgTooLarge     = "文件超过 64 MB，不像是一份公文：请确认选择了正确的文件。"
	msgNotFound     = "找不到该文件：请检查文件名和路径。"
	msgNoPermission = "没有权限读取该文件：请检查文件权限，或把文件复制到自己的文件夹后再试。"
	msgIsDir        = "这是一个文件夹，不是文件：请选择其中的公文文件。"
	msgNotRegular   = "这不是普通文件（是命名管道、设备或套接字），未读取：请选择公文文件本身。"
	msgNoText       = "没有读到正文文字：如果是扫描件或图片，请改用发文单位网站上的网页版（.html）或 Word 版（.docx）。"
	msgDoc          = "这是旧版 Word（.doc）文件，无法直接读取：请在 Word 或 WPS 中“另存为” .docx 格式后再试。"
	msgDocPassword  = "这份 Word 文件设了打开密码，无法读取：请在 Word 或 WPS 中取消密码，“另存为” .docx 后再试。"
	msgWPS          = "这是 WPS 文字（.wps）文件，无法直接读取：请在 WPS 中“另存为” .docx 格式后再试。"
	msgExcel        = "这是 Excel 表格，无法在这里读取：旧版（.xls）、WPS 表格（.et）或设了打开密码的任务分解表，请在 Excel 或 WPS 中“另存为” .xlsx（不设密码）后再试；否则请选择通知或意见本身的 .docx、.html 或 .txt 文件。"
	msgPPT          = "这是演示文稿（PPT），不是公文正文：请选择 .docx、.html 或 .txt 格式的公文。"
	msgPDF          = "PDF 文件无法可靠提取正文：请改用发文单位网站上的网页版（.html）或 Word 版（.docx）。"
	msgOFD          = "OFD 版式文件无法可靠提取正文：请改用发文单位网站上的网页版（.html）或 Word 版（.docx）。"
	msgODT          = "这是 ODF 文本（.odt）文件，无法直接读取：请在 WPS 或 Word 中“另存为” .docx 格式后再试。"
	msgRTF          = "这是 RTF 文件，无法直接读取：请在 Word 或 WPS 中“另存为” .docx 格式后再试。"
	msgMHT          = "这是网页归档（.mht）文件，无法直接读取：请在浏览器中打开后“另存为”网页（.html），或复制正文保存为 .txt。"
	msgZip          = "这是压缩包：请先解压，再选择其中的 .docx、.html 或 .txt 文件。"
	msgImage        = "这是图片文件，无法识别其中的文字：请改用发文单位网站上的网页版（.html）或 Word 版（.docx）。"
	msgBinary       = "不是可识别的文本文件：请使用 .docx、.html 或 .txt 格式的公文。"
	msgBadDocx      = "文件已损坏或不是有效的 .docx：请用 Word 或 WPS 打开后重新“另存为” .docx 再试。"
	msgDocxBomb     = "文件已损坏或不是有效的 .docx：解压后超过 64 MB。请用 Word 或 WPS 打开后重新“另存为” .docx 再试。"
)

// magic is a file signature that tells us a format we refuse.
type magic struct {
	prefix string
	msg    string
}

var refusedMagics = []magic{
	{"\x89PNG\r\n\x1a\n", msgImage},
	{"\xff\xd8\xff", msgImage},
	{"GIF87a", msgImage},
	{"GIF89a", msgImage},
	{"II*\x00", msgImage},
	{"MM\x00*", msgImage},
	{"{\\rtf", msgRTF},
}

const ole2Magic = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

// extract turns the file's bytes into raw lines and a metadata hint (a
// title from the container, used only when the text has none). Content
// decides the format; the extension only chooses between messages, because
// offices often get HTML saved as .doc or text saved as .html.
func extract(name string, data []byte) ([]line, Meta, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Meta{}, inputErr(name, msgEmpty)
	}
	// A compound file named as a Word or WPS document (not a workbook or
	// slides, which share the container) is read natively where it can be.
	if m := ole2Msg(ext); bytes.HasPrefix(data, []byte(ole2Magic)) && (m == msgDoc || m == msgWPS) {
		if lines, err := readWordBinary(data); err == nil {
			return lines, Meta{}, nil
		} else if errors.Is(err, errEncrypted) {
			return nil, Meta{}, inputErr(name, msgDocPassword)
		}
	}
	if msg := refusedByMagic(data, ext); msg != "" {
		return nil, Meta{}, inputErr(name, msg)
	}
	if isZip(data) {
		return readZip(name, ext, data)
	}
	if hasBOM16(data) || looksUTF16(data) {
		text := decodeText(data, "")
		if looksHTML([]byte(text)) {
			return readHTMLString(text)
		}
		return readPlain(name, ext, text)
	}
	if manyNULs(data) {
		return nil, Meta{}, inputErr(name, binaryMsg(ext))
	}
	if looksHTML(data) || isHTMLExt(ext) && hasTags(data) {
		return readHTML(data)
	}
	return readPlain(name, ext, decodeText(data, ""))
}

func readPlain(name, ext, text string) ([]line, Meta, error) {
	if looksBinary(text) {
		return nil, Meta{}, inputErr(name, binaryMsg(ext))
	}
	if ext == ".csv" {
		return csvLines(name, text)
	}
	return textLines(text), Meta{}, nil
}

func refusedByMagic(data []byte, ext string) string {
	if bytes.HasPrefix(data, []byte(ole2Magic)) {
		return ole2Msg(ext)
	}
	if bytes.Contains(head(data, 1024), []byte("%PDF-")) {
		return msgPDF
	}
	if bytes.HasPrefix(data, []byte("RIFF")) && len(data) >= 12 && string(data[8:12]) == "WEBP" {
		return msgImage
	}
	for _, m := range refusedMagics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.msg
		}
	}
	if ext == ".mht" || ext == ".mhtml" || bytes.HasPrefix(bytes.TrimSpace(head(data, 512)), []byte("MIME-Version:")) {
		return msgMHT
	}
	return ""
}

// Locked reports whether err says the file has a password to open, which
// no converter can read either.
func Locked(err error) bool {
	var ie *InputError
	return errors.As(err, &ie) && ie.Msg == msgDocPassword
}

// ole2Msg names the old binary Office format by extension: the container
// is the same for .doc, .wps, .xls and .ppt.
func ole2Msg(ext string) string {
	switch ext {
	case ".wps", ".wpt":
		return msgWPS
	case ".xls", ".et", ".xlsx", ".xlsm":
		return msgExcel
	case ".ppt", ".dps":
		return msgPPT
	}
	return msgDoc
}

// binaryMsg is the message for bytes that are not text; the extension
// tells what the user thought they had.
func binaryMsg(ext string) string {
	switch ext {
	case ".docx", ".docm", ".dotx":
		return msgBadDocx
	case ".doc", ".dot":
		return msgDoc
	case ".wps":
		return msgWPS
	case ".pdf":
		return msgPDF
	case ".ofd":
		return msgOFD
	case ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp":
		return msgImage
	}
	return msgBinary
}

func isZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
}

func isHTMLExt(ext string) bool {
	switch ext {
	case ".html", ".htm", ".shtml", ".xhtml":
		return true
	}
	return false
}

// looksHTML reports whether the text starts like an HTML page. Only the
// start counts: a plain-text document may quote markup further down.
func looksHTML(data []byte) bool {
	s := bytes.TrimLeft(head(data, 1024), "\xef\xbb\xbf \t\r\n")
	for _, p := range []string{"<!doctype html", "<html", "<head", "<meta", "<body", "<?xml", "<!--"} {
		if len(s) >= len(p) && strings.EqualFold(string(s[:len(p)]), p) {
			return p != "<?xml" && p != "<!--" || bytes.Contains(bytes.ToLower(head(data, 4096)), []byte("<html"))
		}
	}
	return false
}

// hasTags reports whether an .html file holds markup at all; a "web page"
// that is really text keeps its line breaks only if read as text.
func hasTags(data []byte) bool {
	h := bytes.ToLower(head(data, 1<<16))
	for _, t := range []string{"<p", "<div", "<br", "<table", "<span", "<body", "<td", "<h1", "<h2"} {
		if bytes.Contains(h, []byte(t)) {
			return true
		}
	}
	return false
}

func head(data []byte, n int) []byte {
	if len(data) > n {
		return data[:n]
	}
	return data
}
