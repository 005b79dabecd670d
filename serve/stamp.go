package serve

import (
	"crypto/sha256"
	"os"
	"time"
)

// racyWindow is the coarsest time resolution of the file systems a
// workspace may be on (FAT keeps times to 2 s): two saves of a file within
// it may leave it the same modification time.
const racyWindow = 2 * time.Second

// stamp tells the versions of a file apart: by its size and modification
// time, and, while these could still miss a save of the same size (its
// time within racyWindow of when the file was last compared), by its
// content's hash too. The task list is small: hashing it costs a fraction
// of a millisecond, and only in the seconds after a save.
type stamp struct {
	size    int64
	mod     time.Time
	sum     [sha256.Size]byte
	settled bool // compared past racyWindow after mod: size and time suffice
}

// stampOf is the stamp of the file at path, now being the system's time;
// the error is the file's that cannot be found. A file that cannot be read
// has no hash: it differs from the next version that can.
func stampOf(path string, now time.Time) (stamp, error) {
	info, err := os.Stat(path)
	if err != nil {
		return stamp{}, err
	}
	st := stamp{size: info.Size(), mod: info.ModTime()}
	if data, err := os.ReadFile(path); err == nil {
		st.sum, st.settled = sha256.Sum256(data), now.Sub(st.mod) >= racyWindow
	}
	return st, nil
}

// current reports whether the file at path is still the version st was
// taken of, now being the system's time. One that cannot be read now is:
// the version read before stays in use.
func (st *stamp) current(path string, now time.Time) bool {
	info, err := os.Stat(path)
	if err != nil {
		return true
	}
	if info.Size() != st.size || !info.ModTime().Equal(st.mod) {
		return false
	}
	if st.settled {
		return true
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return true
	}
	if sha256.Sum256(data) != st.sum {
		return false
	}
	st.settled = now.Sub(st.mod) >= racyWindow
	return true
}
