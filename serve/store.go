package serve

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// store writes unit's upload into dir under its receipt name (see
// intake.ReceiptName), never over another file: written and synced under a
// temporary name first, then linked to the first free name (a link fails
// rather than replace; where links are not supported, a rename after
// looking). The receipt time is read under the server's lock, as the file
// takes its name: the order of the names (time, then counter) is the order
// in which the uploads were stored. It returns the path and that time.
func (s *Server) store(dir, unit, ext string, data []byte) (string, time.Time, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", time.Time{}, err
	}
	tmp, err := outfile.CreateTemp(dir, "upload.xlsx")
	if err != nil {
		return "", time.Time{}, err
	}
	defer func() {
		os.Remove(tmp.Name())
		outfile.Untrack(tmp.Name())
	}()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", time.Time{}, err
	}
	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	at := s.Now()
	_ = os.Chtimes(tmp.Name(), at, at)
	for n := 1; ; n++ {
		path := filepath.Join(dir, intake.ReceiptName(unit, at, n, ext))
		err := os.Link(tmp.Name(), path)
		if err == nil {
			return path, at, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if _, serr := os.Lstat(path); !errors.Is(serr, fs.ErrNotExist) {
			continue
		}
		if err := os.Rename(tmp.Name(), path); err != nil {
			return "", time.Time{}, err
		}
		return path, at, nil
	}
}
