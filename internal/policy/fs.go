package policy

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/convert"
	"github.com/taizhang-dev/taizhang/internal/docread"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
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
// as an Excel attachment) through xlsxdoc, an old-format one (.xls, .et,
// .ods) converted by LibreOffice first, any other file through docread.
func readFile(path string) (*docread.Document, error) {
	if xlsxdoc.IsWorkbook(path) {
		return xlsxdoc.ReadFile(path)
	}
	if isOldWorkbook(path) {
		return readOldWorkbook(path)
	}
	if isOldDocument(path) {
		return readOldDocument(path)
	}
	return docread.ReadFile(path)
}

// isOldDocument: a name an old Word or WPS document has (.doc, .wps, .dot,
// .wpt); convert.ToDOCX looks at the content.
func isOldDocument(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".doc", ".dot", ".wps", ".wpt":
		return true
	}
	return false
}

// readOldDocument reads an old Word or WPS document: docread reads the
// binary format itself; one it cannot read (a format it does not know,
// a damaged file LibreOffice may mend) is converted (never modified) to
// .docx with LibreOffice and the copy read as the file at path; one with
// a password to open is refused with that reason. A file that is no such
// document under that name (a web page saved as .doc) is read as it is;
// without LibreOffice the message says to save it as .docx.
func readOldDocument(path string) (*docread.Document, error) {
	if d, err := docread.ReadFile(path); err == nil || docread.Locked(err) {
		return d, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	docx, cleanup, ok, err := convert.ToDOCX(ctx, path)
	switch {
	case !ok:
		return docread.ReadFile(path)
	case err != nil:
		var ie *inputerr.Error
		if errors.As(err, &ie) {
			return nil, &docread.InputError{File: path, Msg: ie.Msg}
		}
		return nil, &docread.InputError{File: path, Msg: "LibreOffice 未能转换该文件：请在 Word 或 WPS 中打开，“另存为” .docx 后再试"}
	}
	defer cleanup()
	return readAs(path, docx, docread.ReadFile)
}

// isOldWorkbook: an Excel 97-2003 or WPS workbook (.xls, .et: the name
// tells it from a .doc, which shares its container) or an OpenDocument
// one (.ods). An .xls that is a web page (a table a system exported) is
// no such workbook: docread reads its table.
func isOldWorkbook(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ods":
		return true
	case ".xls", ".et":
		f, err := os.Open(path)
		if err != nil {
			return false
		}
		defer f.Close()
		head := make([]byte, 512)
		n, _ := io.ReadFull(f, head)
		return convert.WorkbookExt(head[:n]) == ".xls"
	}
	return false
}

// readOldWorkbook converts the workbook at path (never modified) and reads
// the copy as the file at path. Without LibreOffice the message says to
// save it as .xlsx.
func readOldWorkbook(path string) (*docread.Document, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	xlsx, cleanup, err := convert.ToXLSX(ctx, path, path)
	if err != nil {
		// convert words its messages for a unit's return (打开报送表，…
		// 后再报送) and, when LibreOffice itself fails, in English.
		msg := "LibreOffice 未能转换该文件：请在 Excel 或 WPS 中打开，“另存为” .xlsx 后再试"
		if inputerr.Is(err) {
			msg = returnWording.Replace(strings.TrimPrefix(err.Error(), path+"："))
		}
		return nil, &docread.InputError{File: path, Msg: msg}
	}
	defer cleanup()
	return readAs(path, xlsx, xlsxdoc.ReadFile)
}

// readAs reads the converted copy of the file at path with read, as the
// file at path: its name in messages and as the document's source.
func readAs(path, copy string, read func(string) (*docread.Document, error)) (*docread.Document, error) {
	doc, err := read(copy)
	if err != nil {
		var ie *docread.InputError
		if errors.As(err, &ie) {
			ie.File = path
		}
		return nil, err
	}
	doc.Source = path
	return doc, nil
}

// returnWording rewords convert's messages, written for a unit's return,
// for a task table.
var returnWording = strings.NewReplacer("后再报送", "后再试", "报送表", "该文件")

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
