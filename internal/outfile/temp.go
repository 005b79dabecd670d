package outfile

import (
	"errors"
	"hash/fnv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// StaleAge is how old a temporary file of taizhang's must be before a
// later run removes it when it cannot tell whether its writer is still
// running. Writing a workbook takes seconds and a conversion minutes.
const StaleAge = time.Hour

// convertPrefix starts the names of conversion folders (see MkdirTemp).
const convertPrefix = ".taizhang-"

var (
	mu      sync.Mutex
	tracked = map[string]bool{}
	// closing is set by RemoveTracked: the process is about to exit, and
	// no new temporary file may be made that nobody would remove.
	closing bool
)

// errClosing is returned for a temporary file asked for after
// RemoveTracked, while the process exits on a signal.
var errClosing = errors.New("interrupted")

// owner is this process in its temporary names: its id and a tag of the
// machine's name, so that a run on another PC sharing the folder (a
// workspace on a network drive) never takes this one's files for those of
// a process gone.
var owner = strconv.Itoa(os.Getpid()) + "_" + host

// Owner is this process as its temporary names and the workspace's lock
// name it: its id and a tag of the machine ("4711_9af3c2").
func Owner() string { return owner }

// host tags this machine's temporary names.
var host = hostTag()

func hostTag() string {
	name, _ := os.Hostname()
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(name)))
	return strconv.FormatUint(uint64(h.Sum32()&0xffffff), 16)
}

// CreateTemp creates a temporary file in dir for writing the file base,
// named "."+base+"."+owner+"-*.tmp", and tracks it for RemoveTracked until
// Untrack. Creating and tracking happen under one lock, so a signal never
// falls between them.
func CreateTemp(dir, base string) (*os.File, error) {
	mu.Lock()
	defer mu.Unlock()
	if closing {
		return nil, errClosing
	}
	f, err := os.CreateTemp(dir, "."+base+"."+owner+"-*.tmp")
	if err != nil {
		return nil, err
	}
	tracked[f.Name()] = true
	return f, nil
}

// MkdirTemp creates a temporary folder in parent named
// ".taizhang-"+what+"-"+owner+"-*", tracked like CreateTemp's files.
func MkdirTemp(parent, what string) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	if closing {
		return "", errClosing
	}
	dir, err := os.MkdirTemp(parent, convertPrefix+what+"-"+owner+"-*")
	if err != nil {
		return "", err
	}
	tracked[dir] = true
	return dir, nil
}

// Untrack forgets a temporary file or folder that was renamed or removed.
func Untrack(path string) {
	mu.Lock()
	delete(tracked, path)
	mu.Unlock()
}

// RemoveTracked removes every temporary file and folder still tracked: on
// a signal, before the process exits. It returns what it removed.
//
// From then on CreateTemp and MkdirTemp refuse, so nothing new is left
// behind between this call and the exit.
func RemoveTracked() []string {
	mu.Lock()
	defer mu.Unlock()
	closing = true
	var removed []string
	for p := range tracked {
		if os.RemoveAll(p) == nil {
			removed = append(removed, p)
		}
		delete(tracked, p)
	}
	return removed
}

// CleanStale removes from dir the temporary files and folders of earlier
// taizhang runs that are not in use: those whose process is gone, and those
// older than StaleAge when that cannot be told. Only taizhang's own names
// are touched: ".name.xlsx.….tmp", ".name.pdf.….tmp" and ".taizhang-…"
// folders. It returns what it removed; errors leave a file in place.
func CleanStale(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		pid, ours := tempOwner(e.Name(), e.IsDir())
		if !ours || tracked1(filepath.Join(dir, e.Name())) {
			continue
		}
		stale := pid > 0 && pid != os.Getpid() && !Alive(pid)
		if !stale {
			info, err := e.Info()
			stale = err == nil && time.Since(info.ModTime()) > StaleAge
		}
		if !stale {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if os.RemoveAll(p) == nil {
			removed = append(removed, p)
		}
	}
	return removed
}

func tracked1(p string) bool {
	mu.Lock()
	defer mu.Unlock()
	return tracked[p]
}

// tempOwner reports whether name is one of taizhang's temporary names and
// the id of the process of this machine that made it: 0 for names written
// before ids were put in, and for another machine's (see owner).
func tempOwner(name string, dir bool) (pid int, ours bool) {
	if dir {
		rest, ok := strings.CutPrefix(name, convertPrefix)
		if !ok {
			return 0, false
		}
		// what-owner-random
		parts := strings.Split(rest, "-")
		if len(parts) >= 3 {
			if n, ok := localPID(parts[len(parts)-2]); ok {
				return n, true
			}
		}
		return 0, true
	}
	if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".tmp") {
		return 0, false
	}
	body := strings.TrimSuffix(name[1:], ".tmp")
	i := strings.LastIndex(body, ".")
	if i < 0 {
		return 0, false
	}
	base, tail := body[:i], body[i+1:]
	if !tempExts[strings.ToLower(filepath.Ext(base))] {
		return 0, false
	}
	if p, _, ok := strings.Cut(tail, "-"); ok {
		if n, ok := localPID(p); ok {
			return n, true
		}
	}
	if _, err := strconv.Atoi(tail); err == nil {
		return 0, true // os.CreateTemp's random digits, no id
	}
	return 0, false
}

// Alive reports whether process pid may still be running; where that
// cannot be told it says yes, leaving the file to the age rule.
func Alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	// Signal 0 asks without signalling; Windows does not support it.
	err = p.Signal(syscall.Signal(0))
	return err == nil || !errors.Is(err, os.ErrProcessDone)
}

// tempExts are the files taizhang writes through a temporary name:
// workbooks, reports, and uploads kept as they came.
var tempExts = map[string]bool{".xlsx": true, ".pdf": true, ".docx": true, ".xls": true, ".et": true}

// localPID reads the owner part of a temporary name: the process id when
// the name was made on this machine (or before machine tags), else 0.
func localPID(s string) (int, bool) {
	n, here, ok := OwnerPID(s)
	if !here {
		n = 0
	}
	return n, ok
}

// OwnerPID reads an Owner: the process id, and whether the process runs
// on this machine (an owner without a machine tag, from before tags, is
// taken for this machine's); ok is false when s is no owner.
func OwnerPID(s string) (pid int, here, ok bool) {
	id, tag, tagged := strings.Cut(s, "_")
	n, err := strconv.Atoi(id)
	if err != nil {
		return 0, false, false
	}
	return n, !tagged || tag == host, true
}
