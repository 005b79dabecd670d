package fillin

import (
	"strings"
)

// The hidden sheet (SheetMeta) holds key/value rows, written by
// templates/form and read back here:
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
// before key IDs have none; they are checked as before. The note row is
// for people only; Check does not read it.
const (
	MetaVersion     = "version"
	MetaUnit        = "unit"
	MetaPeriod      = "period"
	MetaPeriodLabel = "period_label"
	MetaDue         = "due"
	MetaGenerated   = "generated"
	MetaTask        = "task"
	MetaSignature   = "signature"
	MetaKeyID       = "key_id"

	PropVersion   = "taizhang.version"
	PropUnit      = "taizhang.unit"
	PropPeriod    = "taizhang.period"
	PropSignature = "taizhang.signature"
	PropKeyID     = "taizhang.key_id"
)

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
	fields := map[string]*string{
		MetaVersion: &m.version, MetaUnit: &m.unit, MetaPeriod: &m.period, MetaPeriodLabel: &m.periodLabel,
		MetaDue: &m.due, MetaGenerated: &m.generated, MetaSignature: &m.signature, MetaKeyID: &m.keyID,
	}
	for _, r := range rows {
		key := get(r, 0)
		if f, ok := fields[key]; ok {
			*f = get(r, 1)
			continue
		}
		if id := get(r, 1); key == MetaTask && id != "" {
			m.rows = append(m.rows, metaRow{id: id, label: get(r, 2), role: Role(get(r, 3)), hash: get(r, 4)})
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
		case PropVersion:
			m.version = v
		case PropUnit:
			m.unit = v
		case PropPeriod:
			m.period = v
		case PropSignature:
			m.signature = v
		case PropKeyID:
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
