package policy

import (
	"io/fs"
	"sort"

	"github.com/taizhang-dev/taizhang/report/config"
	"github.com/taizhang-dev/taizhang/report/docread"
	"github.com/taizhang-dev/taizhang/report/task"
)

// ParseFS reads and parses the documents matching pattern in fsys, in name
// order: the embedded seeds, or a folder through os.DirFS.
func ParseFS(fsys fs.FS, pattern string, cfg *config.Config) (*task.Set, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	set := &task.Set{}
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			return nil, err
		}
		doc, err := docread.Read(n, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		set.Documents = append(set.Documents, Parse(doc, cfg))
	}
	return set, nil
}
