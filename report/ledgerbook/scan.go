package ledgerbook

import (
	"slices"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// rowStreamer is a workbook that gives a sheet's rows one at a time as
// they are read (fillin.Sheets.EachRow); ok is false when it cannot, and
// Rows must do.
type rowStreamer interface {
	EachRow(sheet string, fn func(num int, vals []string)) (ok bool, err error)
}

// ledgerScan reads the 总台账 sheet a row at a time, comparing each task
// row with the ledger kept on the hidden sheet as it comes, so that the
// sheet's cells are never held whole. Without that ledger it keeps the
// task and group rows, which the ledger is rebuilt from.
type ledgerScan struct {
	rd    *reader
	sheet string
	l     *ledger.Ledger // nil when the visible sheets must do

	head    [][]string // the first headerScanRows rows, until the header is found
	settled bool       // the header is found, or known to be missing
	cols    ledgerCols
	seen    map[string]int // task ID → its row

	// With the ledger: its rows by task, its layout, the columns compared,
	// the edits found and the office's notes to take.
	byID     map[string]*ledger.Row
	lo       *ledgerLayout
	compared []field
	edits    []Ignored
	notes    []officeNote
	// Without it.
	tasks  []sheetRow
	groups []groupRow

	// The errors found, in the order they are reported.
	headerErr, dupErr, overrideErr, unknownErr error
}

// officeNote is what the 总台账 sheet now says in a task's office columns.
type officeNote struct {
	r                *ledger.Row
	review, override string
}

func newLedgerScan(rd *reader, sheet string, l *ledger.Ledger) *ledgerScan {
	s := &ledgerScan{rd: rd, sheet: sheet, l: l, head: make([][]string, headerScanRows), seen: map[string]int{}}
	if l != nil {
		s.byID, s.lo = l.RowsByTask(), newLedgerLayout(l)
	}
	return s
}

// scanLedgerSheet reads the 总台账 sheet called sheet with s, streamed when
// the workbook can; the error is the sheet's, unreadable.
func (rd *reader) scanLedgerSheet(sheet string, l *ledger.Ledger) (*ledgerScan, error) {
	if st, ok := rd.book.(rowStreamer); ok {
		s := newLedgerScan(rd, sheet, l)
		done, err := st.EachRow(sheet, s.row)
		if err != nil || done {
			return s, err
		}
	}
	rows, err := rd.book.Rows(sheet)
	if err != nil {
		return nil, err
	}
	s := newLedgerScan(rd, sheet, l)
	for i, vals := range rows {
		if len(vals) > 0 {
			s.row(i+1, vals)
		}
	}
	return s, nil
}

// row takes the sheet's row num, which has values.
func (s *ledgerScan) row(num int, vals []string) {
	if !s.settled {
		if num <= headerScanRows {
			s.head[num-1] = slices.Clone(vals)
			return
		}
		s.settle()
	}
	if s.headerErr == nil && s.dupErr == nil && num > s.cols.header+1 {
		s.taskRow(num, vals)
	}
}

// settle finds the header among the first rows and takes the rows below
// it read so far.
func (s *ledgerScan) settle() {
	s.settled = true
	s.cols = findLedgerHeader(s.head)
	if s.cols.header < 0 || !s.cols.has(fTaskID) {
		s.headerErr = s.rd.notLedger(s.sheet, "前 %d 行中找不到“任务编号”列（表格最右侧的隐藏列）：请使用 taizhang 生成的总台账，不要删除其中的隐藏列", headerScanRows)
		return
	}
	if s.l != nil {
		s.compared = s.comparedFields()
	}
	for i := s.cols.header + 1; i < len(s.head) && s.dupErr == nil; i++ {
		if len(s.head[i]) > 0 {
			s.taskRow(i+1, s.head[i])
		}
	}
	s.head = nil
}

// taskRow takes a row below the header: a task row, one with a 任务编号,
// or a group row, with text in the first column only. A 任务编号 may
// appear once.
func (s *ledgerScan) taskRow(num int, vals []string) {
	cols := s.cols
	t := sheetRow{row: num}
	for fl := range numFields {
		if c := cols.at[fl]; c >= 0 && c < len(vals) {
			t.vals[fl] = cells.CleanCell(vals[c])
		}
	}
	id := t.vals[fTaskID]
	if id == "" {
		if g := groupText(vals); g != "" && s.l == nil {
			s.groups = append(s.groups, groupRow{before: len(s.tasks), text: g})
		}
		return
	}
	if cells.HeaderKey(id) == columns[fTaskID].header {
		return // the header pasted again
	}
	if first, dup := s.seen[id]; dup {
		s.dupErr = s.rd.fail(s.sheet, cols.cell(fTaskID, num), "任务编号“%s”在第 %d 行和第 %d 行重复：每项任务只能有一行，请删除多余的一行（不要复制任务行）", id, first, num)
		return
	}
	s.seen[id] = num
	if cols.has(fOverride) {
		v := strings.TrimSpace(t.vals[fOverride])
		if v != "" && !slices.Contains(overrideStatuses, v) && s.overrideErr == nil {
			s.overrideErr = s.rd.fail(s.sheet, cols.cell(fOverride, num), "核定状态“%s”不是可选的状态：请从下拉列表中选择（%s），或留空", v, strings.Join(overrideStatuses, "、"))
		}
		t.vals[fOverride] = v
	}
	if s.l == nil {
		s.tasks = append(s.tasks, t)
		return
	}
	s.compareTask(&t)
}

// compareTask compares a task row with the ledger's row of its task:
// it lists the edits the ledger does not take and keeps the office's
// notes.
func (s *ledgerScan) compareTask(t *sheetRow) {
	r := s.byID[t.vals[fTaskID]]
	if r == nil {
		if (t.vals[fReview] != "" || t.vals[fOverride] != "") && s.unknownErr == nil {
			s.unknownErr = s.rd.fail(s.sheet, s.cols.cell(fTaskID, t.row), "任务编号“%s”不是本台账中的任务，这一行的复核意见和核定状态无法对应到任务：请不要修改隐藏的“任务编号”列，也不要从别的台账复制行", t.vals[fTaskID])
		}
		return
	}
	s.editedCells(t, r)
	if s.cols.has(fReview) || s.cols.has(fOverride) {
		s.notes = append(s.notes, officeNote{r: r, review: t.vals[fReview], override: t.vals[fOverride]})
	}
}

// finish ends the scan: the error the sheet gives, if any.
func (s *ledgerScan) finish() error {
	if !s.settled {
		s.settle()
	}
	for _, err := range []error{s.headerErr, s.dupErr, s.overrideErr} {
		if err != nil {
			return err
		}
	}
	return nil
}

// take takes the office's notes onto the ledger and lists the edits it
// does not take: deleted columns, changed cells, deleted task rows.
func (s *ledgerScan) take() error {
	for _, fl := range s.lo.fields {
		if sheetOwned(fl) && !s.cols.has(fl) {
			s.rd.ignore(s.sheet, Ignored{Kind: DeletedColumn, Column: columns[fl].header})
		}
	}
	for _, e := range s.edits {
		s.rd.ignore(s.sheet, e)
	}
	for i, ln := range s.lo.lines {
		if ln.row != nil && s.seen[ln.row.TaskID] == 0 {
			s.rd.ignore(s.sheet, Ignored{Kind: DeletedRow, Row: ledgerFirstRow + i, Label: ln.row.Label, TaskID: ln.row.TaskID})
		}
	}
	if s.unknownErr != nil {
		return s.unknownErr
	}
	for _, n := range s.notes {
		if s.cols.has(fReview) {
			n.r.Review = n.review
		}
		if s.cols.has(fOverride) {
			n.r.Override = n.override
		}
	}
	return nil
}
