package cells

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// MaxInputSize bounds any workbook taizhang reads. A fill-in workbook is a
// few hundred kilobytes and a 5,000-task ledger a few megabytes: a file
// near this size is not one of them, and reading it whole would only cost
// memory.
const MaxInputSize = 100 << 20

// ReadRegular reads the file at path when it is a regular file of at most
// limit bytes. Anything else — a named pipe, a device, a socket, a folder,
// a file too large — is an *InputError naming path, returned before the file
// is opened for reading: opening a named pipe would wait for a writer that
// never comes.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, err := openRegular(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have been replaced between the check and the open.
	size := 0
	if info, err := f.Stat(); err == nil {
		if msg := irregular(info, limit); msg != "" {
			return nil, &InputError{File: path, Msg: msg}
		}
		size = int(info.Size())
	}
	data, err := ReadAllSized(io.LimitReader(f, limit+1), size)
	if err != nil {
		return nil, &InputError{File: path, Msg: "读取文件时出错，文件可能已损坏或所在的磁盘有问题（系统提示：" + systemMsg(err) + "）"}
	}
	if int64(len(data)) > limit {
		return nil, &InputError{File: path, Msg: tooLarge(int64(len(data)), limit)}
	}
	return data, nil
}

// ReadAllSized is io.ReadAll into a buffer made for size, the size the
// file system or a zip directory gives, so that reading copies once. The
// size is only a hint: what is read may be shorter or longer.
func ReadAllSized(r io.Reader, size int) ([]byte, error) {
	data := make([]byte, 0, size+1) // +1: EOF is found without growing
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// openRegular opens path for reading once CheckRegular has found it a
// regular file of at most limit bytes.
func openRegular(path string, limit int64) (*os.File, error) {
	if err := CheckRegular(path, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	return f, nil
}

// CheckRegular returns an *InputError unless path is a regular file (or a
// link to one) of at most limit bytes.
func CheckRegular(path string, limit int64) error {
	info, err := os.Stat(path)
	if err != nil {
		return openError(path, err)
	}
	if msg := irregular(info, limit); msg != "" {
		return &InputError{File: path, Msg: msg}
	}
	return nil
}

// irregular says why a file of this kind and size is not read, "" when it
// is.
func irregular(info fs.FileInfo, limit int64) string {
	m := info.Mode()
	switch {
	case m.IsDir():
		return "这是一个目录，不是工作簿文件"
	case m&fs.ModeNamedPipe != 0:
		return "这是一个命名管道（FIFO），不是普通文件，已跳过，未读取"
	case m&fs.ModeSocket != 0:
		return "这是一个套接字，不是普通文件，已跳过，未读取"
	case m&fs.ModeDevice != 0:
		return "这是一个设备文件，不是普通文件，已跳过，未读取"
	case !m.IsRegular():
		return "不是普通文件，已跳过，未读取"
	case info.Size() > limit:
		return tooLarge(info.Size(), limit)
	}
	return ""
}

func tooLarge(size, limit int64) string {
	return fmt.Sprintf("文件过大（%s，上限 %s），不像是 taizhang 的工作簿，未读取：请确认文件是否正确", megabytes(size), megabytes(limit))
}

func megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// openError is the message for a file that cannot be opened.
func openError(path string, err error) *InputError {
	msg := "无法打开文件（系统提示：" + systemMsg(err) + "）"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "找不到该文件：请检查路径和文件名"
	case errors.Is(err, fs.ErrPermission):
		msg = "没有读取该文件的权限：请检查文件的权限设置"
	}
	return &InputError{File: path, Msg: msg}
}

// systemMsg is the operating system's own words in err, without the path
// the message already names.
func systemMsg(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// MaxUnzipSize bounds what a workbook read back may unpack to.
// A 5,000-task ledger unpacks to a few tens of megabytes; excelize's own
// limit is 16 GB, which a small zip bomb reaches, spilling to temporary
// files for minutes.
const MaxUnzipSize = 256 << 20

// ErrUnzipTooLarge is wrapped by the error of a reader that refused a
// workbook unpacking to more than MaxUnzipSize.
var ErrUnzipTooLarge = errors.New("unzip size exceeds the limit")

// OpenMessage is the message for a workbook a reader could not open (err),
// in Chinese, without the file's name: fillin's reader, or excelize's,
// whose error for a workbook beyond its unzip limit names no error value.
func OpenMessage(err error) string {
	if errors.Is(err, ErrUnzipTooLarge) || strings.Contains(err.Error(), "unzip size exceeds") {
		return fmt.Sprintf("文件解压后超过 %d MB，不像是 taizhang 的工作簿，未读取：请确认文件是否正确", MaxUnzipSize>>20)
	}
	return fmt.Sprintf("无法作为 Excel 工作簿打开，文件可能已损坏（%v）：请在 Excel/WPS 中打开后另存为 .xlsx 再试", err)
}
