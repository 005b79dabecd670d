package cells

import (
	"io"
	"os"
	"path/filepath"

	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// WriteFileAtomic writes path through a temporary file in the same
// directory, named "."+base+"."+pid+"-*.tmp" (outfile.CreateTemp: removed
// on a signal, and by a later run when this process was killed): it calls write with the temporary
// file (an *os.File), gives the file mode 0644, closes it and renames it to
// path, so a failed write never leaves a broken file at path. On any error
// the temporary file is removed; an error from write is returned as it is.
// The file is not synced to disk; write may do so through the *os.File.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := outfile.CreateTemp(filepath.Dir(path), filepath.Base(path))
	if err != nil {
		return err
	}
	defer outfile.Untrack(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
