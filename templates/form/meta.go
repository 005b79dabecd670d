package form

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/fillin"
)

// The hidden sheet's layout is fillin's (see fillin.MetaVersion and the
// keys after it); the note row is for people who unhide the sheet, and
// fillin.Check does not read it.
const (
	keyNote  = "note"
	metaNote = "本工作表由 taizhang 生成，用于核验报送内容，请勿修改或删除。"
)

// writeMeta writes the hidden sheet: what the workbook is, its task rows
// with their hashes, and the signature with the ID of its key.
func writeMeta(f *excelize.File, st *styles, a fillin.Assignment, opts Options, rows []fillin.SignedRow, sig string) (last string, err error) {
	const sheet = fillin.SheetMeta
	due := ""
	if !opts.Due.IsZero() {
		due = opts.Due.Format(time.DateOnly)
	}
	data := [][]string{
		{fillin.MetaVersion, fillin.Version},
		{keyNote, metaNote},
		{fillin.MetaUnit, a.Unit},
		{fillin.MetaPeriod, opts.Period.Key()},
		{fillin.MetaPeriodLabel, opts.Period.String()},
		{fillin.MetaDue, due},
		{fillin.MetaGenerated, opts.Now.UTC().Format(time.RFC3339)},
	}
	for i, it := range a.Items {
		data = append(data, []string{fillin.MetaTask, it.Task.ID, rows[i].Values[0], string(it.Role), fillin.RowHash(rows[i])})
	}
	data = append(data, []string{fillin.MetaSignature, sig}, []string{fillin.MetaKeyID, fillin.KeyID(opts.Secret)})
	if err := f.SetCellStyle(sheet, "A1", fmt.Sprintf("E%d", len(data)), st.metaText); err != nil {
		return "", err
	}
	cols := 1
	for i, r := range data {
		for j, v := range r {
			if v == "" {
				continue
			}
			cols = max(cols, j+1)
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				return "", err
			}
		}
	}
	return excelize.CoordinatesToCellName(cols, len(data))
}
