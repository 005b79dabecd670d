package tasklist

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/hiddensheet"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// The hidden sheet holds key/value rows:
//
//	format   | taizhang-tasklist/1
//	note     | (a warning for people who unhide it)
//	document | <document ID> | <JSON docRecord>
//	task     | <task ID>     | <JSON taskRecord>
//
// A JSON value longer than a cell may hold continues in the next cells of
// the row. Read uses these rows only for what the visible sheets do not
// show, or no longer show because a column or sheet was deleted.
const (
	keyDocument = "document"
	keyTask     = "task"

	hiddenNote = "本工作表由 taizhang 生成，用于读回任务分解表中看不到的信息（编号层级、量化指标结构等），请勿修改或删除。"

	// jsonChunkUnits is the most UTF-16 units of JSON in one cell, well
	// under Excel's 32,767.
	jsonChunkUnits = 8000
)

// docRecord is a document's metadata and the label its tasks show in the
// 所属文件 column.
type docRecord struct {
	Label    string         `json:"label"`
	Document *task.Document `json:"document"`
}

// taskRecord is a task as written and the ID of its document.
type taskRecord struct {
	Doc  string     `json:"doc"`
	Task *task.Task `json:"task"`
}

// hiddenData is the decoded hidden sheet.
type hiddenData struct {
	docs  []docRecord
	tasks map[string]*taskRecord
}

func (h *hiddenData) doc(id string) *docRecord {
	for i := range h.docs {
		if h.docs[i].Document.ID == id {
			return &h.docs[i]
		}
	}
	return nil
}

// writeHidden writes the hidden sheet for set; labels are the 所属文件
// labels of its documents.
func writeHidden(f *excelize.File, set *task.Set, labels []string) error {
	w, err := hiddensheet.NewWriter(f, SheetHidden, FormatVersion, hiddenNote)
	if err != nil {
		return err
	}
	putJSON := func(key, id string, v any) error {
		js, err := hiddensheet.MarshalJSON(v)
		if err != nil {
			return err
		}
		row := []any{key, id}
		for _, piece := range hiddensheet.Chunk(js, jsonChunkUnits) {
			row = append(row, piece)
		}
		return w.Row(row...)
	}
	for i, d := range set.Documents {
		meta := *d
		meta.Tasks = nil
		if err := putJSON(keyDocument, d.ID, docRecord{Label: labels[i], Document: &meta}); err != nil {
			return err
		}
	}
	for _, d := range set.Documents {
		for _, t := range d.Tasks {
			if err := putJSON(keyTask, t.ID, taskRecord{Doc: d.ID, Task: t}); err != nil {
				return err
			}
		}
	}
	return w.Flush()
}

// readHidden decodes the hidden sheet from its rows. It returns nil when the
// sheet is not one of ours; rows it cannot decode are ignored, since the
// office cannot repair them and the visible sheets still hold the content.
func readHidden(rows [][]string) (*hiddenData, error) {
	v, ok := hiddensheet.Format(rows)
	if !ok {
		return nil, nil
	}
	if v != FormatVersion {
		return nil, fmt.Errorf("格式版本为 %s，本版本的 taizhang 只能读取 %s：请用生成它的 taizhang 版本读取，或重新生成任务分解表", v, FormatVersion)
	}
	h := &hiddenData{tasks: map[string]*taskRecord{}}
	for _, r := range rows[1:] {
		if len(r) < 3 {
			continue
		}
		js := []byte(strings.Join(r[2:], ""))
		switch r[0] {
		case keyDocument:
			var d docRecord
			if json.Unmarshal(js, &d) == nil && d.Document != nil && d.Document.ID == r[1] {
				h.docs = append(h.docs, d)
			}
		case keyTask:
			var t taskRecord
			if json.Unmarshal(js, &t) == nil && t.Task != nil && t.Task.ID == r[1] {
				h.tasks[r[1]] = &t
			}
		}
	}
	return h, nil
}
