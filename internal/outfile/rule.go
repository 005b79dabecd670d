package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

// Error is an output the command may not write, with a Chinese message for
// the office that names the file or folder.
type Error struct {
	Path string
	Msg  string
}

func (e *Error) Error() string { return e.Path + "：" + e.Msg }

// Check says whether a file of kind want may be written at path by a
// command that reads inputs, and returns the kind of the file already
// there (None, or want). It refuses, with an *Error:
//   - one of the inputs, under any name that reaches the same file;
//   - an extension that is not want's (.xlsx for a workbook, .pdf for a report);
//   - a directory or anything else that is not a regular file;
//   - an existing file of another kind, or one without taizhang's marker;
//   - an existing file made read-only;
//   - a folder it cannot create or write in.
//
// It creates path's folder when missing and removes stale temporary files
// of earlier runs from it (see CleanStale).
func Check(path string, want Kind, inputs ...string) (Kind, error) {
	return check(path, want, inputs, WritableDir)
}

// CheckAll is Check for files of kind want at paths, read by no command
// input: each folder is checked, and cleaned, once for all its files. It
// returns the kind of the file already at each path.
func CheckAll(paths []string, want Kind) ([]Kind, error) {
	dirs := map[string]error{}
	writable := func(dir string) error {
		err, ok := dirs[dir]
		if !ok {
			err = WritableDir(dir)
			dirs[dir] = err
		}
		return err
	}
	kinds := make([]Kind, len(paths))
	for i, p := range paths {
		k, err := check(p, want, nil, writable)
		if err != nil {
			return nil, err
		}
		kinds[i] = k
	}
	return kinds, nil
}

// check is Check with the folder's check, writable, given.
func check(path string, want Kind, inputs []string, writable func(dir string) error) (Kind, error) {
	for _, in := range inputs {
		if samePath(path, in) {
			return None, &Error{Path: path, Msg: "这是本命令读取的输入文件，不能同时作为输出：请用 -o 指定另一个文件名"}
		}
	}
	if ext := filepath.Ext(path); !strings.EqualFold(ext, want.Ext()) {
		return None, &Error{Path: path, Msg: fmt.Sprintf("要写入的是“%s”，文件扩展名应为 %s：请改用 %s", want.Label(), want.Ext(), strings.TrimSuffix(path, ext)+want.Ext())}
	}
	if err := writable(filepath.Dir(path)); err != nil {
		return None, err
	}
	existing := None
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return None, &Error{Path: path, Msg: "无法访问该文件：" + reason(err)}
	case info.IsDir():
		return None, &Error{Path: path, Msg: fmt.Sprintf("这是一个文件夹：请给出%s的文件名，如 %s", want.Label(), filepath.Join(path, "文件名"+want.Ext()))}
	case !info.Mode().IsRegular():
		return None, &Error{Path: path, Msg: "这不是普通文件（可能是管道或设备），不能写入：请用 -o 指定另一个文件名"}
	case info.Mode().Perm()&0o222 == 0:
		// Someone made it read-only to protect it; replacing it through
		// a rename would pass over that without a word.
		return None, &Error{Path: path, Msg: "文件是只读的（可能是有意保护的），本次未写入：如确要更新，请先取消它的只读属性，或用 -o 指定另一个文件名"}
	default:
		k, err := Identify(path)
		if err != nil {
			return None, &Error{Path: path, Msg: "文件已存在但无法读取，无法确认能否覆盖，本次未写入：" + reason(err)}
		}
		if k != want {
			what := "是“" + k.Label() + "”"
			if k == Foreign {
				what = k.Label()
			}
			return None, &Error{Path: path, Msg: fmt.Sprintf("文件已存在，%s，而要写入的是“%s”：为免覆盖其内容，本次未写入。请用 -o 指定另一个文件名，或把它移走后再运行", what, want.Label())}
		}
		existing = k
	}
	return existing, nil
}

// Prepare is Check followed, when a file of kind want is already at path,
// by a Backup of it; it returns the backup's path, "" when there was none.
func Prepare(path string, want Kind, inputs ...string) (backup string, err error) {
	existing, err := Check(path, want, inputs...)
	if err != nil || existing == None {
		return "", err
	}
	backup, err = Backup(path)
	if err != nil {
		return "", &Error{Path: path, Msg: "无法备份原文件，本次未写入：" + reason(err)}
	}
	return backup, nil
}

// WritableDir makes sure dir exists (creating it) and that a file can be
// created in it, and removes stale temporary files of earlier runs from it.
func WritableDir(dir string) error {
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &Error{Path: dir, Msg: "无法创建输出文件夹：" + reason(err) + "：请用 -o 指定另一个位置"}
	}
	CleanStale(dir)
	f, err := CreateTemp(dir, "probe.xlsx")
	if err != nil {
		return &Error{Path: dir, Msg: "无法在该文件夹中写入文件（" + reason(err) + "）：请检查文件夹的权限，或用 -o 指定另一个位置"}
	}
	f.Close()
	os.Remove(f.Name())
	Untrack(f.Name())
	return nil
}

// samePath reports whether a and b name the same file: the same cleaned
// absolute path, or (when both exist) the same file on disk.
func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// reason is the system's reason for err in Chinese where it is a common one.
func reason(err error) string {
	if r, ok := Reason(err); ok {
		return r
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, fs.ErrNotExist):
		return "不存在"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// fsReasons are the file-system failures that come from the machine or the
// path the user gave, not from a bug, in words the office can act on.
var fsReasons = map[syscall.Errno]string{
	syscall.ENAMETOOLONG: "文件名或路径过长：请缩短路径（或单位名称）",
	syscall.ENOSPC:       "磁盘空间已满：请清理磁盘或换一个位置",
	syscall.EROFS:        "所在磁盘是只读的：请换一个可写的位置",
	syscall.EACCES:       "没有权限：请检查文件和文件夹的权限，或换一个位置",
	syscall.EPERM:        "操作不被允许：请检查文件和文件夹的权限，或换一个位置",
	syscall.EDQUOT:       "磁盘配额已用完：请清理或换一个位置",
	syscall.ENOTDIR:      "路径中有一段是文件而不是文件夹：请检查路径",
	syscall.EISDIR:       "这是一个文件夹：请给出文件名",
}

// Reason is the Chinese reason for a file-system failure the user can act
// on (a name too long, a full disk, no permission); ok is false for any
// other error.
func Reason(err error) (string, bool) {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return "", false
	}
	r, ok := fsReasons[errno]
	return r, ok
}

// PathProblem returns the path and the Chinese reason of a file-system
// failure the user can act on (see Reason), wherever in a command it
// happened; ok is false for anything else.
func PathProblem(err error) (path, reason string, ok bool) {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return "", "", false
	}
	reason, ok = Reason(pe.Err)
	return pe.Path, reason, ok
}

// FreshDir returns the first of dir, dir-2, dir-3, … that does not exist
// or is an empty folder, for a command that fills a whole new folder and
// must never delete or mix with what an earlier run or the user left.
func FreshDir(dir string) (string, error) {
	clean := filepath.Clean(dir)
	for n := 1; ; n++ {
		try := clean
		if n > 1 {
			try = fmt.Sprintf("%s-%d", clean, n)
		}
		info, err := os.Stat(try)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return try, nil
		case err != nil:
			return "", &Error{Path: try, Msg: "无法使用该文件夹：" + reason(err) + "：请用 -o 指定另一个位置"}
		case !info.IsDir():
			continue // a file of that name
		}
		entries, err := os.ReadDir(try)
		if err != nil {
			return "", &Error{Path: try, Msg: "无法读取该文件夹：" + reason(err)}
		}
		if len(entries) == 0 {
			return try, nil
		}
	}
}

// InputProblem marks Error as a problem in the user's input (see inputerr).
func (*Error) InputProblem() {}

var _ inputerr.Problem = (*Error)(nil)
