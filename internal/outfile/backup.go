package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/period"
)

// Backup copies the file at path to a new file beside it named after its
// modification time in Beijing time, whatever the machine's zone,
// 总台账.备份-20250106-153012.xlsx (a -2, -3 … is added
// rather than replace an earlier backup), gives the copy the same time and
// returns its path. The copy is written under a temporary name first, so
// a killed run never leaves a partial backup.
func Backup(path string) (string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	stamp := info.ModTime().In(period.Beijing).Format("20060102-150405")
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	tmp, err := CreateTemp(filepath.Dir(path), filepath.Base(path))
	if err != nil {
		return "", err
	}
	defer Untrack(tmp.Name())
	_, err = io.Copy(tmp, src)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	// The backup keeps the time it is named after; failing to set it
	// loses nothing.
	_ = os.Chtimes(tmp.Name(), info.ModTime(), info.ModTime())
	for n := 1; ; n++ {
		name := fmt.Sprintf("%s.备份-%s%s", stem, stamp, ext)
		if n > 1 {
			name = fmt.Sprintf("%s.备份-%s-%d%s", stem, stamp, n, ext)
		}
		if _, err := os.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := os.Rename(tmp.Name(), name); err != nil {
			os.Remove(tmp.Name())
			return "", err
		}
		return name, nil
	}
}
