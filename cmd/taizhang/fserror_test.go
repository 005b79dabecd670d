package main

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// A full disk or a name too long anywhere in a command is the user's to
// fix, with the path named; other errors are not taken for such.
func TestFSProblem(t *testing.T) {
	err := fmt.Errorf("写入 总台账.xlsx 失败：%w", &fs.PathError{Op: "write", Path: "/办公室/总台账.xlsx", Err: syscall.ENOSPC})
	path, reason, ok := fsProblem(err)
	if !ok || path != "/办公室/总台账.xlsx" || !strings.Contains(reason, "磁盘空间已满") {
		t.Errorf("fsProblem(ENOSPC) = %q, %q, %v", path, reason, ok)
	}
	if _, _, ok := fsProblem(&fs.PathError{Op: "open", Path: "x", Err: syscall.EINVAL}); ok {
		t.Error("EINVAL taken for the user's problem")
	}
	if _, _, ok := fsProblem(fmt.Errorf("json: unsupported value")); ok {
		t.Error("a non-file error taken for the user's problem")
	}
}
