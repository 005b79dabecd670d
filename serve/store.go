package serve

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/taizhang-dev/taizhang/internal/intake"
)

// store gives unit's upload, written and checked under its temporary
// name, its receipt name (see intake.ReceiptName) in the same folder,
// never over another file: a link to the first free name (a link fails
// rather than replace; where links are not supported, a rename after
// looking). The receipt time is read under the server's lock, as the file
// takes its name: the order of the names (time, then counter) is the order
// in which the uploads were stored. It returns the path and that time.
func (s *Server) store(unit string, up *intake.Upload) (string, time.Time, error) {
	s.storeMu.Lock()
	defer s.storeMu.Unlock()
	at := s.Now()
	_ = os.Chtimes(up.Path, at, at)
	path, err := placeUnder(up.Path, filepath.Dir(up.Path), func(n int) string { return intake.ReceiptName(unit, at, n, up.Ext) })
	return path, at, err
}

// maxSameSecond bounds the counter of one unit's uploads in one second.
const maxSameSecond = 1000

// placeUnder gives the file tmp the first free name of dir among name(1),
// name(2), …: a link, which fails rather than replace; where links are not
// supported, a rename once the name is seen free. Only a name that exists
// is passed over: any other failure (a name too long, no permission) is
// returned, never retried for ever.
func placeUnder(tmp, dir string, name func(n int) string) (string, error) {
	for n := 1; n <= maxSameSecond; n++ {
		path := filepath.Join(dir, name(n))
		err := os.Link(tmp, path)
		switch {
		case err == nil:
			return path, nil
		case errors.Is(err, os.ErrExist):
			continue
		}
		if _, serr := os.Lstat(path); serr == nil {
			continue
		} else if !errors.Is(serr, os.ErrNotExist) {
			return "", err
		}
		if err := os.Rename(tmp, path); err != nil {
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("%s: more than %d uploads in one second", name(1), maxSameSecond)
}
