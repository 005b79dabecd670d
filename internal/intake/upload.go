package intake

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/convert"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// ErrNotWorkbook is Receive's answer to content that is no workbook a
// return may come as, whatever its name.
var ErrNotWorkbook = errors.New("not a workbook")

// UploadExt is the one rule for the extension of a return received as
// bytes: the content decides (.xlsx for an Office Open XML workbook, .xls
// for an Excel 97-2003 one or a password-protected .xlsx, whose check then
// says why it cannot be read), except that such an old-format file sent
// under a .et name keeps it, being what WPS writes; "" when the content is
// no workbook. The sender's name never gives any other extension: one such
// as ".xls:x" or ".xls<" would make another file, or none, on Windows.
func UploadExt(name string, data []byte) string {
	ext := convert.WorkbookExt(data)
	if ext == ".xls" && strings.EqualFold(filepath.Ext(name), ".et") {
		return ".et"
	}
	return ext
}

// Upload is a return received as bytes, written once to a hidden temporary
// file in the folder it is to be kept in: that file is the one checked
// (through LibreOffice for an old format) and, when kept, the one given
// its final name there; Discard removes the temporary name.
type Upload struct {
	Name string // the sender's name, the findings' file
	Ext  string // its kind, as UploadExt decides it
	Path string // the temporary file
	data []byte
}

// Receive writes data, sent as name, to a new temporary file of dir,
// synced and readable by all as a stored return is; ErrNotWorkbook, with
// nothing written, when the content is no workbook.
func Receive(dir, name string, data []byte) (*Upload, error) {
	ext := UploadExt(name, data)
	if ext == "" {
		return nil, ErrNotWorkbook
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := outfile.CreateTemp(dir, "upload"+ext)
	if err != nil {
		return nil, err
	}
	u := &Upload{Name: name, Ext: ext, Path: tmp.Name(), data: data}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		u.Discard()
		return nil, err
	}
	return u, nil
}

// Check checks the upload as CheckFile checks a file, its findings under
// the sender's name: an .xlsx from the bytes received, an old format from
// the temporary file, converted.
func (u *Upload) Check(opts fillin.CheckOptions) *fillin.Return {
	if u.Ext == ".xlsx" {
		return checkWithin(u.Name, u.data, opts, Timeout)
	}
	return checkConverted(u.Name, u.Path, opts)
}

// Discard removes the temporary file: once it has its final name (a link
// to it), or when the upload is not kept. Nothing for a nil upload.
func (u *Upload) Discard() {
	if u == nil {
		return
	}
	os.Remove(u.Path)
	outfile.Untrack(u.Path)
}
