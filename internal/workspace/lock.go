package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// lockName is the lock file in Dir that keeps the merges and reports of a
// workspace apart: one from taizhang merge or report and one from the
// office page of taizhang serve, or two clicks of its buttons, so that a
// report never reads a ledger a merge is replacing.
const lockName = "merge.lock"

// LockStale is how old a lock must be before it is taken over even when
// its process cannot be told gone: a merge takes seconds to minutes.
const LockStale = 30 * time.Minute

// lockWriting is how long a lock without its line yet counts as being
// written by its taker rather than left by a crash.
const lockWriting = 10 * time.Second

// Lock takes the workspace's lock for what (汇总, 生成报告) and returns
// the func that releases it, and a note when it took over a stale lock (its
// process gone, or older than LockStale). A lock held by a running merge is
// the user's error, saying who holds it. It works wherever O_EXCL does
// (Linux, Windows, network shares).
func Lock(root, what string) (release func(), note string, err error) {
	path := filepath.Join(root, Dir, lockName)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return noLock(path, err)
	}
	for attempt := 0; attempt < 3; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			return writeLock(f, what), note, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return noLock(path, err)
		}
		data, l := readLock(path)
		if data == nil {
			// Gone between the create and the read (taken over or
			// released meanwhile): try to create it again. Judged as a
			// stale lock, the nothing read would match a new lock not
			// written yet, and that lock would be removed under its taker.
			continue
		}
		if l.held() {
			return nil, "", inputerr.New("", "", fmt.Sprintf("工作目录正在%s（%s，%s开始），本次未运行：请等它完成后再试；如确认没有程序在运行，可删除 %s",
				l.what, l.who(), l.since.In(period.Beijing).Format("1月2日 15:04:05"), path))
		}
		if takeOver(path, data) {
			note = fmt.Sprintf("已接管过期的工作目录锁 %s（进程 %d 已不在运行或已超过 %d 分钟）", path, l.pid, int(LockStale.Minutes()))
		}
	}
	return nil, "", inputerr.New("", "", "无法取得工作目录锁 "+path+"：另一个程序刚刚取得了它，请稍后再试")
}

// noLock answers a lock that cannot be made: in a workspace this user may
// only read (a report written elsewhere with -o) nothing can be changed
// that a lock would guard, so the command goes on without one — whatever
// it writes into the workspace fails with its own message; any other
// failure is told in Chinese.
func noLock(path string, err error) (func(), string, error) {
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return func() {}, "", nil
	}
	return nil, "", inputerr.New("", "", "无法创建工作目录锁 "+path+"：请检查该文件夹是否可以写入、磁盘是否已满")
}

// Hold is Lock for a command that may run outside a workspace: with root
// "" it takes no lock; note, when not nil, is told of a stale lock taken
// over.
func Hold(root, what string, note func(string)) (release func(), err error) {
	if root == "" {
		return func() {}, nil
	}
	release, taken, err := Lock(root, what)
	if taken != "" && note != nil {
		note(taken)
	}
	return release, err
}

// lockSeq tells apart the locks of one process, and its set-aside files.
var lockSeq atomic.Int64

// writeLock writes the line of the lock f was just created for and
// closes it; the release removes the lock only while it is still this one
// (not one taken over by another since).
func writeLock(f *os.File, what string) (release func()) {
	line := fmt.Sprintf("%s %s %s %d\n", outfile.Owner(), time.Now().UTC().Format(time.RFC3339), what, lockSeq.Add(1))
	f.WriteString(line)
	f.Close()
	path := f.Name()
	return func() {
		if data, err := os.ReadFile(path); err == nil && string(data) == line {
			os.Remove(path)
		}
	}
}

// takeOver removes the stale lock at path whose content is stale, and only
// it. Takers take turns through a guard file made with O_EXCL: the one
// holding it removes the lock only while the lock still holds what it
// judged stale, so a newer lock another taker made meanwhile is never
// removed, and the others try again. A guard older than a minute was left
// by a crash and goes. It reports whether it removed the stale lock.
func takeOver(path string, stale []byte) bool {
	if stale == nil {
		return false // nothing was read: nothing is known to be stale
	}
	guard := path + ".takeover"
	g, err := os.OpenFile(guard, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if info, err := os.Stat(guard); err == nil && time.Since(info.ModTime()) > time.Minute {
			os.Remove(guard)
		}
		return false
	}
	g.Close()
	defer os.Remove(guard)
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, stale) {
		return false
	}
	return os.Remove(path) == nil
}

// lockInfo is what a lock file says: who holds it since when, for what.
type lockInfo struct {
	pid   int
	since time.Time
	what  string
	// elsewhere: the lock is another machine's (a workspace on a shared
	// drive), whose process cannot be looked for from here.
	elsewhere bool
}

// who is the lock's process as a message names it.
func (l lockInfo) who() string {
	if l.elsewhere {
		return fmt.Sprintf("另一台电脑上的进程 %d", l.pid)
	}
	return fmt.Sprintf("进程 %d", l.pid)
}

// held: the lock is a running process's, not older than LockStale; a lock
// that has no line yet is being written when it was made a moment ago.
func (l lockInfo) held() bool {
	if time.Since(l.since) >= LockStale {
		return false
	}
	if l.elsewhere {
		return true
	}
	if l.pid > 0 {
		return outfile.Alive(l.pid)
	}
	return time.Since(l.since) < lockWriting
}

// readLock reads a lock file: its content and what it says. One without a
// readable line has no pid and its file's time; one gone has neither.
func readLock(path string) ([]byte, lockInfo) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, lockInfo{}
	}
	f := strings.Fields(string(data))
	if len(f) >= 3 {
		// An owner that cannot be read is no other PC's: held only
		// while being written, as a lock without a line.
		pid, here, ok := outfile.OwnerPID(f[0])
		since, _ := time.Parse(time.RFC3339, f[1])
		return data, lockInfo{pid: pid, since: since, what: f[2], elsewhere: ok && !here}
	}
	l := lockInfo{what: "使用"}
	if info, err := os.Stat(path); err == nil {
		l.since = info.ModTime()
	}
	return data, l
}
