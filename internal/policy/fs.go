package policy

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/xlsxdoc"
)

// ParseFiles reads and parses each document, with the units passed through
// the configuration (see ApplyUnits): what taizhang parse writes. Every
// unreadable file is reported, not only the first: the error then joins
// the files' errors (each a *docread.InputError or a file-system error).
func ParseFiles(paths []string, cfg *config.Config) (*task.Set, error) {
	set := &task.Set{}
	var problems []error
	for _, p := range paths {
		doc, err := readFile(p)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		set.Documents = append(set.Documents, Parse(doc, cfg))
	}
	if len(problems) > 0 {
		return nil, errors.Join(problems...)
	}
	ApplyUnits(set, cfg)
	return set, nil
}

// readFile reads the document at path: a workbook (a task table issued
// as an Excel attachment) through xlsxdoc, any other file through docread.
func readFile(path string) (*docread.Document, error) {
	if xlsxdoc.IsWorkbook(path) {
		return xlsxdoc.ReadFile(path)
	}
	return docread.ReadFile(path)
}

// ParseFS reads and parses the documents matching pattern in fsys, in name
// order (the embedded seeds, or a folder through os.DirFS), with the units
// passed through the configuration as ParseFiles does.
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
	ApplyUnits(set, cfg)
	return set, nil
}

// Load reads the tasks of a command's task sources: task list workbooks
// (任务分解表.xlsx, possibly edited by the office), in the order given, and
// policy documents, which are parsed on the fly and follow them. The units
// of every task pass through the configuration's aliases and collective
// expansions, whichever way the tasks came.
func Load(paths []string, cfg *config.Config) (*task.Set, error) {
	set := &task.Set{}
	var docs []string
	for _, p := range paths {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".xlsx", ".xlsm":
			s, err := tasklist.ReadFile(p)
			if err != nil {
				return nil, err
			}
			set.Documents = append(set.Documents, s.Documents...)
		default:
			docs = append(docs, p)
		}
	}
	ApplyUnits(set, cfg) // ParseFiles applies them to what it parses
	if len(docs) > 0 {
		s, err := ParseFiles(docs, cfg)
		if err != nil {
			return nil, err
		}
		set.Documents = append(set.Documents, s.Documents...)
	}
	return set, nil
}
