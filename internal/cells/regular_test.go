//go:build unix

package cells

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	small := testkit.SaveFile(t, dir, "small.xlsx", []byte("PK\x03\x04 hello"))
	fifo := filepath.Join(dir, "pipe.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, tc := range []struct {
		path  string
		limit int64
		want  string // part of the message, "" for success
	}{
		{small, 100, ""},
		{small, 4, "文件过大"},
		{fifo, 100, "命名管道"},
		{dir, 100, "这是一个目录"},
		{filepath.Join(dir, "missing.xlsx"), 100, "找不到该文件"},
	} {
		done := make(chan error, 1)
		go func() { _, err := ReadRegular(tc.path, tc.limit); done <- err }()
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("ReadRegular(%s) waits", tc.path)
		}
		var ie *InputError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("ReadRegular(%s) = %v", tc.path, err)
		case tc.want != "" && (!errors.As(err, &ie) || !strings.Contains(ie.Msg, tc.want) || ie.File != tc.path):
			t.Errorf("ReadRegular(%s) = %v; want an InputError naming the file with %q", tc.path, err, tc.want)
		}
	}
	// ReadFile, which the task list and ledger readers use, refuses the
	// pipe too instead of opening it.
	done := make(chan error, 1)
	go func() {
		_, err := ReadFile(fifo, func(string, io.Reader) (int, error) { return 0, nil })
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "命名管道") {
			t.Errorf("ReadFile(pipe) = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ReadFile waits on a named pipe")
	}
}
