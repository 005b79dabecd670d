package outfile

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// A full disk or a name too long anywhere in a command is the user's to
// fix, with the path named; other errors are not taken for such.
func TestPathProblem(t *testing.T) {
	err := fmt.Errorf("写入 总台账.xlsx 失败：%w", &fs.PathError{Op: "write", Path: "/办公室/总台账.xlsx", Err: syscall.ENOSPC})
	path, reason, ok := PathProblem(err)
	if !ok || path != "/办公室/总台账.xlsx" || !strings.Contains(reason, "磁盘空间已满") {
		t.Errorf("PathProblem(ENOSPC) = %q, %q, %v", path, reason, ok)
	}
	if _, _, ok := PathProblem(&fs.PathError{Op: "open", Path: "x", Err: syscall.EINVAL}); ok {
		t.Error("EINVAL taken for the user's problem")
	}
	if _, _, ok := PathProblem(fmt.Errorf("json: unsupported value")); ok {
		t.Error("a non-file error taken for the user's problem")
	}
}
