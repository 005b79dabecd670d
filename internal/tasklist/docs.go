package tasklist

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// readDocSheet reads the 文件信息 sheet; nil if the sheet is missing.
func (rd *reader) readDocSheet() []*task.Document {
	if !rd.book.Has(SheetDocuments) {
		return nil
	}
	rows := rd.grid(SheetDocuments)
	keys := map[string]int{}
	for i, h := range docHeaders[:dDate+1] {
		keys[cells.HeaderKey(h)] = i
	}
	header, at := findHeader(rows, []map[string]int{keys})
	if at == nil || (at[dID] < 0 && at[dTitle] < 0) {
		return nil
	}
	var docs []*task.Document
	seen := map[string]int{}
	for r := header + 1; r < len(rows); r++ {
		get := func(i int) (string, bool) {
			if at[i] < 0 {
				return "", false
			}
			if at[i] >= len(rows[r]) {
				return "", true
			}
			return cells.CleanCell(rows[r][at[i]]), true
		}
		d := &task.Document{}
		var hid *task.Document
		id, _ := get(dID)
		title, _ := get(dTitle)
		if id == "" && title == "" {
			continue
		}
		if id == "" {
			sum := sha256.Sum256([]byte(title))
			id = "doc-" + hex.EncodeToString(sum[:4])
		}
		if first, dup := seen[id]; dup {
			cell, _ := excelize.CoordinatesToCellName(at[dID]+1, r+1)
			rd.fail(SheetDocuments, cell, "文件编号“%s”与第 %d 行重复：文件编号不能重复", id, first)
			continue
		}
		seen[id] = r + 1
		if rd.hidden != nil {
			if rec := rd.hidden.doc(id); rec != nil {
				hid = rec.Document
			}
		}
		if hid == nil {
			hid = &task.Document{}
		}
		d.ID = id
		field := func(i int, old string) string {
			if v, ok := get(i); ok {
				return v
			}
			return old
		}
		d.Source = field(dSource, hid.Source)
		d.Title = field(dTitle, hid.Title)
		d.DocNumber = field(dNumber, hid.DocNumber)
		d.Issuer = field(dIssuer, hid.Issuer)
		d.Date = field(dDate, hid.Date)
		if date, ok := cells.ParseDate(d.Date, rd.date1904); ok {
			d.Date = date
		}
		docs = append(docs, d)
	}
	if docs == nil {
		docs = []*task.Document{}
	}
	return docs
}

// docEntry is a document being rebuilt, with the names a row may use for
// it in the 所属文件 column.
type docEntry struct {
	doc     *task.Document
	keep    bool // listed in the workbook: kept even without tasks
	matches []string
}

// docIndex resolves the 所属文件 column to documents.
type docIndex struct {
	entries []*docEntry
	known   bool // the workbook lists its documents (visible or hidden)
}

func newDocIndex(visible []*task.Document, hidden *hiddenData) *docIndex {
	x := &docIndex{}
	hiddenLabel := map[string]string{}
	var hiddenDocs []*task.Document
	if hidden != nil {
		for _, rec := range hidden.docs {
			d := *rec.Document
			d.Tasks = nil
			hiddenDocs = append(hiddenDocs, &d)
			hiddenLabel[d.ID] = rec.Label
		}
	}
	primary, secondary := visible, []*task.Document(nil)
	if visible == nil {
		primary = hiddenDocs
	} else {
		for _, d := range hiddenDocs {
			if !slices.ContainsFunc(visible, func(v *task.Document) bool { return v.ID == d.ID }) {
				secondary = append(secondary, d)
			}
		}
	}
	all := append(slices.Clip(primary), secondary...)
	labels := docLabels(all)
	for i, d := range all {
		e := &docEntry{doc: d, keep: i < len(primary)}
		for _, m := range []string{hiddenLabel[d.ID], labels[i], shortTitle(d), d.Title, d.ID, d.Source,
			strings.TrimSuffix(d.Source, filepath.Ext(d.Source))} {
			if k := docKey(m); k != "" {
				e.matches = append(e.matches, k)
			}
		}
		x.entries = append(x.entries, e)
	}
	x.known = len(x.entries) > 0
	return x
}

// docKey normalises a document name for matching.
func docKey(s string) string {
	return strings.Trim(cells.HeaderKey(s), "《》")
}

func (x *docIndex) byID(id string) *docEntry {
	for _, e := range x.entries {
		if e.doc.ID == id {
			return e
		}
	}
	return nil
}

// resolve finds the document of a row from its 所属文件 cell, the document
// the tool wrote the task under, and the row above.
func (x *docIndex) resolve(name, oldDoc, taskID string, prev *docEntry) *docEntry {
	if k := docKey(name); k != "" {
		for _, e := range x.entries {
			if slices.Contains(e.matches, k) {
				return e
			}
		}
	}
	if e := x.byID(oldDoc); oldDoc != "" && e != nil {
		return e
	}
	switch {
	case name == "" && len(x.entries) == 1:
		return x.entries[0]
	case name == "" && prev != nil:
		return prev
	case name == "" || x.known:
		return nil
	}
	// A workbook without document information: each name is a document.
	id, _, ok := strings.Cut(taskID, "-")
	if !ok || id == "" || x.byID(id) != nil {
		id = fmt.Sprintf("doc%d", len(x.entries)+1)
	}
	e := &docEntry{doc: &task.Document{ID: id, Title: name}, matches: []string{docKey(name)}}
	x.entries = append(x.entries, e)
	return e
}

// set is the rebuilt task list: the listed documents and any other
// document that has tasks.
func (x *docIndex) set() *task.Set {
	set := &task.Set{}
	for _, e := range x.entries {
		if e.keep || len(e.doc.Tasks) > 0 {
			set.Documents = append(set.Documents, e.doc)
		}
	}
	return set
}
