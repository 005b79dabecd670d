package publish

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/report/bulletin"
)

// wording reads the workspace's fixed text of the reports
// (bulletin.WordingFileName), or writes the default text there for the
// office to edit when the file is missing; a file the office wrote is
// never written over.
func (p *Plan) wording(root string) error {
	p.WordingFile = filepath.Join(root, filepath.FromSlash(bulletin.WordingFileName))
	data, err := os.ReadFile(p.WordingFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(p.WordingFile), 0o755); err != nil {
			return err
		}
		err := cells.WriteFileAtomic(p.WordingFile, func(w io.Writer) error {
			_, err := io.WriteString(w, bulletin.WordingFile(bulletin.DefaultWording))
			return err
		})
		p.WordingWritten = err == nil
		return err
	case err != nil:
		return err
	}
	wd, err := bulletin.ParseWording(p.WordingFile, string(data))
	if err != nil {
		return err
	}
	p.Options.Wording = &wd
	return nil
}
