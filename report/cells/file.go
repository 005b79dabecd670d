package cells

import (
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes path through a temporary file in the same
// directory, named "."+base+".*.tmp": it calls write with the temporary
// file (an *os.File), gives the file mode 0644, closes it and renames it to
// path, so a failed write never leaves a broken file at path. On any error
// the temporary file is removed; an error from write is returned as it is.
// The file is not synced to disk; write may do so through the *os.File.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
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
