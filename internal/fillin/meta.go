package fillin

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The hidden sheet holds key/value rows:
//
//	version      | taizhang-fillin/1
//	note         | (a warning for people who unhide it)
//	unit         | 市科技局
//	period       | 2024-Q4
//	period_label | 2024年第四季度
//	due          | 2025-01-05 (empty when none)
//	generated    | 2026-03-01T09:30:00Z
//	task         | <task ID> | <序号> | 牵头/配合 | <row hash>   (one per row, issued order)
//	signature    | <hex HMAC-SHA256>
//	key_id       | <KeyID of the signing key>
//
// The custom document properties repeat version, unit, period, signature
// and key ID, in case a program drops the hidden sheet. Workbooks written
// before key IDs have none; they are checked as before.
const (
	keyVersion     = "version"
	keyNote        = "note"
	keyUnit        = "unit"
	keyPeriod      = "period"
	keyPeriodLabel = "period_label"
	keyDue         = "due"
	keyGenerated   = "generated"
	keyTask        = "task"
	keySignature   = "signature"
	keyKeyID       = "key_id"

	propVersion   = "taizhang.version"
	propUnit      = "taizhang.unit"
	propPeriod    = "taizhang.period"
	propSignature = "taizhang.signature"
	propKeyID     = "taizhang.key_id"

	metaNote = "本工作表由 taizhang 生成，用于核验报送内容，请勿修改或删除。"
)

func writeMeta(f *excelize.File, st *styles, a Assignment, opts Options, rows []signedRow, sig string) error {
	const sheet = SheetMeta
	due := ""
	if !opts.Due.IsZero() {
		due = opts.Due.Format(time.DateOnly)
	}
	data := [][]string{
		{keyVersion, Version},
		{keyNote, metaNote},
		{keyUnit, a.Unit},
		{keyPeriod, opts.Period.Key()},
		{keyPeriodLabel, opts.Period.String()},
		{keyDue, due},
		{keyGenerated, opts.Now.UTC().Format(time.RFC3339)},
	}
	for i, it := range a.Items {
		data = append(data, []string{keyTask, it.Task.ID, rows[i].values[0], string(it.Role), rowHash(rows[i])})
	}
	data = append(data, []string{keySignature, sig}, []string{keyKeyID, KeyID(opts.Secret)})
	if err := f.SetCellStyle(sheet, "A1", fmt.Sprintf("E%d", len(data)), st.metaText); err != nil {
		return err
	}
	for i, r := range data {
		for j, v := range r {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// meta is what a returned workbook says about itself.
type meta struct {
	version, unit, period, periodLabel, due, generated, signature string
	keyID                                                         string // "" in workbooks written before key IDs
	rows                                                          []metaRow
	fromSheet, fromProps                                          bool
}

type metaRow struct {
	id, label string
	role      Role
	hash      string
}

// readMetaSheet decodes the rows of the hidden sheet; ok is false when they
// are not ours.
func readMetaSheet(rows [][]string) (m meta, ok bool) {
	get := func(r []string, i int) string {
		if i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	for _, r := range rows {
		switch get(r, 0) {
		case keyVersion:
			m.version = get(r, 1)
		case keyUnit:
			m.unit = get(r, 1)
		case keyPeriod:
			m.period = get(r, 1)
		case keyPeriodLabel:
			m.periodLabel = get(r, 1)
		case keyDue:
			m.due = get(r, 1)
		case keyGenerated:
			m.generated = get(r, 1)
		case keySignature:
			m.signature = get(r, 1)
		case keyKeyID:
			m.keyID = get(r, 1)
		case keyTask:
			if id := get(r, 1); id != "" {
				m.rows = append(m.rows, metaRow{id: id, label: get(r, 2), role: Role(get(r, 3)), hash: get(r, 4)})
			}
		}
	}
	m.fromSheet = strings.HasPrefix(m.version, "taizhang-fillin/")
	return m, m.fromSheet
}

// readMetaProps reads the copy in the custom document properties.
func readMetaProps(b *book) (m meta, ok bool) {
	if err := b.readCustom(); err != nil {
		return m, false
	}
	for name, v := range b.custom {
		v = strings.TrimSpace(v)
		switch name {
		case propVersion:
			m.version = v
		case propUnit:
			m.unit = v
		case propPeriod:
			m.period = v
		case propSignature:
			m.signature = v
		case propKeyID:
			m.keyID = v
		}
	}
	m.fromProps = strings.HasPrefix(m.version, "taizhang-fillin/")
	return m, m.fromProps
}

// WorkbookKeyID is the ID of the key that signed a fill-in workbook or a
// return (see KeyID): "" when data is not one of ours or was written
// before key IDs.
func WorkbookKeyID(data []byte) string {
	b, err := openBook(data)
	if err != nil {
		return ""
	}
	for _, s := range b.sheets {
		if s.name != SheetMeta && squeeze(s.name) != SheetMeta {
			continue
		}
		if sd, err := b.readSheet(s.part); err == nil {
			rows, _ := sd.values(8)
			if m, ok := readMetaSheet(rows); ok && m.keyID != "" {
				return m.keyID
			}
		}
		break
	}
	if m, ok := readMetaProps(b); ok {
		return m.keyID
	}
	return ""
}
