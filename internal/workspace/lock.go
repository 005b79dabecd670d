package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// lockName is the lock file in Dir that keeps two merges of a workspace
// apart: one from taizhang merge and one from the office page of
// taizhang serve, or two clicks of its button.
const lockName = "merge.lock"

// LockStale is how old a lock must be before it is taken over even when
// its process cannot be told gone: a merge takes seconds to minutes.
const LockStale = 30 * time.Minute

// Lock takes the workspace's lock for what (汇总, 生成报告) and returns
// the func that releases it, and a note when it took over a stale lock (its
// process gone, or older than LockStale). A lock held by a running merge is
// the user's error, saying who holds it. It works wherever O_EXCL does
// (Linux, Windows, network shares).
func Lock(root, what string) (release func(), note string, err error) {
	path := filepath.Join(root, Dir, lockName)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, "", fmt.Errorf("lock %s: %w", path, err)
	}
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			fmt.Fprintf(f, "%d %s %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339), what)
			f.Close()
			return func() { os.Remove(path) }, note, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, "", fmt.Errorf("lock %s: %w", path, err)
		}
		pid, since, holder := readLock(path)
		if pid > 0 && outfile.Alive(pid) && time.Since(since) < LockStale {
			return nil, "", inputerr.New("", "", fmt.Sprintf("工作目录正在%s（进程 %d，%s开始），本次未运行：请等它完成后再试；如确认没有程序在运行，可删除 %s",
				holder, pid, since.In(period.Beijing).Format("1月2日 15:04:05"), path))
		}
		note = fmt.Sprintf("已接管过期的工作目录锁 %s（进程 %d 已不在运行或已超过 %d 分钟）", path, pid, int(LockStale.Minutes()))
		os.Remove(path)
	}
	return nil, "", inputerr.New("", "", "无法取得工作目录锁 "+path+"：另一个程序刚刚取得了它，请稍后再试")
}

// readLock reads a lock file's pid, time and what it locks for; a lock
// that cannot be read counts as stale.
func readLock(path string) (pid int, since time.Time, what string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, time.Time{}, ""
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return 0, time.Time{}, ""
	}
	pid, _ = strconv.Atoi(f[0])
	since, _ = time.Parse(time.RFC3339, f[1])
	return pid, since, f[2]
}
