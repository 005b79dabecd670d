package cells

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/xuri/excelize/v2"
)

// InputError is a problem in a user's workbook, with a Chinese message for
// the office that names the file, sheet and cell.
type InputError struct {
	File  string // file name as given to Read
	Sheet string // sheet name; empty for a problem with the whole file
	Cell  string // "H12" for a cell, "12" for a whole row, empty for the sheet
	Msg   string
}

func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	b.WriteString("：")
	if e.Sheet != "" {
		fmt.Fprintf(&b, "工作表“%s”", e.Sheet)
		b.WriteString(Place(e.Cell))
		b.WriteString("：")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Place renders "H12" as "第 12 行 H 列", "12" as "第 12 行" and "" as "".
func Place(cell string) string {
	if cell == "" {
		return ""
	}
	if col, row, err := excelize.SplitCellName(cell); err == nil {
		return fmt.Sprintf("第 %d 行 %s 列", row, col)
	}
	return fmt.Sprintf("第 %s 行", cell)
}

// SniffXLSX returns why data (from a file called name) cannot be read as an
// .xlsx workbook, or "" when it can be tried; what names the workbook the
// user should pick instead (e.g. "taizhang 生成的总台账").
func SniffXLSX(name string, data []byte, what string) string {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "这是旧版 Excel（.xls）或 WPS（.et）格式的文件，或设置了打开密码：请在 Excel/WPS 中“另存为” .xlsx 格式（不设密码）后再读取"
	case ext == ".xls" || ext == ".et" || ext == ".ods" || ext == ".csv":
		return fmt.Sprintf("不支持 %s 文件：请在 Excel/WPS 中“另存为” .xlsx 格式后再读取", ext)
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "不是 Excel 工作簿（.xlsx）：请选择" + what
	}
	return ""
}

// ReadFile opens path and hands it to read under its base name, the name
// messages use. A file that cannot be opened, is not a regular file or is
// larger than MaxInputSize is the user's problem, not an internal failure:
// it comes back as an *InputError.
func ReadFile[T any](path string, read func(name string, r io.Reader) (T, error)) (T, error) {
	return ReadFileAt(path, func(name string, r io.ReaderAt, size int64) (T, error) {
		return read(name, io.NewSectionReader(r, 0, min(size, MaxInputSize)))
	})
}

// ReadFileAt is ReadFile for a reader that reads the file where it is, in
// the parts it needs: read is given the open file and its size.
func ReadFileAt[T any](path string, read func(name string, r io.ReaderAt, size int64) (T, error)) (T, error) {
	f, err := openRegular(path, MaxInputSize)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		var zero T
		return zero, openError(path, err)
	}
	return read(filepath.Base(path), f, info.Size())
}

// InputProblem marks InputError as a problem in the user's input (see inputerr).
func (*InputError) InputProblem() {}

var _ inputerr.Problem = (*InputError)(nil)
