package fillin

import (
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// expRow is a task row the return should have.
type expRow struct {
	id, label string
	role      Role
	hash      string     // row hash from the hidden sheet, "" when unknown
	task      *task.Task // nil when the task list does not have it
	want      *RowValues // locked content per the current task list
	alt       *RowValues // the same with or without the document names
	row       int        // index into form.rows of the matching row, -1 if none
}

// expected lists the rows the return should have: the hidden sheet's list
// of IDs or, when that sheet is gone, the unit's tasks in the task list.
// It reports IDs the task list does not know.
func (c *checker) expected() []*expRow {
	var cur []Item
	byID := map[string]Item{}
	if c.opts.Tasks != nil {
		if a, ok := c.index().byUnit[c.m.unit]; ok {
			cur = a.Items
		}
		for _, it := range cur {
			byID[it.Task.ID] = it
		}
	}
	var exp []*expRow
	if c.m.fromSheet {
		for _, mr := range c.m.rows {
			exp = append(exp, &expRow{id: mr.id, label: mr.label, role: mr.role, hash: mr.hash, row: -1})
		}
	} else {
		for _, it := range cur {
			exp = append(exp, &expRow{id: it.Task.ID, label: it.Task.Label(), role: it.Role, row: -1})
		}
	}
	if c.opts.Tasks == nil {
		return exp
	}
	all := c.index().tasks
	locked := c.index().lockedOf(c.m.unit)
	inExp := map[string]bool{}
	for _, e := range exp {
		inExp[e.id] = true
		if it, ok := byID[e.id]; ok {
			// Whether task contents carry their document's name depends
			// on all of the unit's tasks, which may have changed since
			// the workbook was issued: accept both forms.
			v := locked[e.id]
			e.task, e.want, e.alt = it.Task, &v[0], &v[1]
			continue
		}
		if t := all[e.id]; t != nil {
			e.task = t
			c.add(LevelWarning, "", "", e.id, fmt.Sprintf("序号 %s（任务编号 %s）在任务分解表中已不再由“%s”承担，本行进展仅供参考", e.label, e.id, c.m.unit))
			continue
		}
		c.add(LevelError, "", "", e.id, fmt.Sprintf("任务编号 %s（序号 %s）不在任务分解表中：任务分解表可能已更新，请按新的任务分解表重新下发填报表", e.id, e.label))
	}
	var added []string
	for _, it := range cur {
		if !inExp[it.Task.ID] {
			added = append(added, it.Task.Label())
		}
	}
	if len(added) > 0 {
		c.add(LevelInfo, "", "", "", fmt.Sprintf("任务分解表中“%s”另有 %d 项任务不在本表中（下发后新增）：%s", c.m.unit, len(added), cells.TruncateRunes(strings.Join(added, "、"), 100)))
	}
	return exp
}

// form is the 填报表 sheet as read: its non-empty rows, with their sheet
// row numbers.
type form struct {
	sheet  string
	data   *sheetData
	rows   [][]string
	nums   []int
	header int          // index of the header row in rows
	cols   [NumCols]int // index of each column in a row, -1 when missing
}

// maxFormCols is how many columns of the sheet Check reads: the template
// has 15, so moved columns are found well within it.
const maxFormCols = 256

func (fm *form) value(row int, c Col) string {
	i := fm.cols[c]
	if i < 0 || row >= len(fm.rows) || i >= len(fm.rows[row]) {
		return ""
	}
	return fm.rows[row][i]
}

// cell names the cell of column c in rows[row].
func (fm *form) cell(row int, c Col) string {
	name, _ := excelize.CoordinatesToCellName(fm.cols[c]+1, fm.nums[row])
	return name
}

// raw is the cell of column c in rows[row] as stored.
func (fm *form) raw(row int, c Col) sheetCell {
	if fm.cols[c] < 0 {
		return sheetCell{}
	}
	cell, _ := fm.data.cellAt(fm.nums[row], fm.cols[c]+1)
	return cell
}

// headerCols maps normalised header texts to columns.
var headerCols = func() map[string]Col {
	m := map[string]Col{}
	for c := ColLabel; c < NumCols; c++ {
		m[headerKey(Columns[c].Header)] = c
		for _, a := range Columns[c].Aliases {
			m[headerKey(a)] = c
		}
	}
	return m
}()

// maxHeaderRow is how far down Check looks for the header row.
const maxHeaderRow = 30

// locateForm finds the fill-in sheet by its name or else by its header row.
func (c *checker) locateForm() *form {
	var order []bookSheet
	for _, s := range c.b.sheets {
		if s.name == SheetForm || squeeze(s.name) == SheetForm {
			order = append(order, s)
		}
	}
	for _, s := range c.b.sheets {
		if n := squeeze(s.name); n != SheetForm && n != SheetMeta && n != SheetGuide {
			order = append(order, s)
		}
	}
	for i, s := range order {
		sd, err := c.b.readSheet(s.part)
		if errors.Is(err, errTooLarge) {
			// A sheet that unpacks to more than any return can hold:
			// saying the sheet is missing would send the unit looking
			// for the wrong thing.
			c.fileErr(openError(err))
			return nil
		}
		if err != nil {
			continue
		}
		rows, nums := sd.values(maxFormCols)
		fm := &form{sheet: s.name, data: sd, rows: rows, nums: nums}
		if fm.findHeader() {
			if i > 0 || s.name != SheetForm {
				c.add(LevelInfo, s.name, "", "", fmt.Sprintf("未找到名为“%s”的工作表，按表头读取了工作表“%s”", SheetForm, s.name))
			}
			return fm
		}
	}
	c.fileErr(fmt.Sprintf("找不到“%s”工作表或其表头行（序号、任务内容……）：请使用下发的填报表，不要改动表头", SheetForm))
	return nil
}

// findHeader finds the header row: the first row naming 序号 and 任务内容,
// or at least four of the columns.
func (fm *form) findHeader() bool {
	for i := 0; i < min(len(fm.rows), maxHeaderRow); i++ {
		var cols [NumCols]int
		for j := range cols {
			cols[j] = -1
		}
		n := 0
		for j, v := range fm.rows[i] {
			if len(v) > 200 {
				continue
			}
			if c, ok := headerCols[headerKey(v)]; ok && cols[c] < 0 {
				cols[c] = j
				n++
			}
		}
		if cols[ColLabel] >= 0 && cols[ColContent] >= 0 || n >= 4 {
			fm.header, fm.cols = i, cols
			return true
		}
	}
	return false
}
