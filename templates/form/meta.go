package form

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// The hidden sheet's layout is fillin's (see fillin.MetaVersion and the
// keys after it); the note row is for people who unhide the sheet, and
// fillin.Check does not read it.
const (
	keyNote  = "note"
	metaNote = "本工作表由 taizhang 生成，用于核验报送内容，请勿修改或删除。"
)

// metaCols are the columns of the hidden sheet.
const metaCols = 5

// writeMeta writes the hidden sheet's rows: what the workbook is, its task
// rows with their hashes, and the signature with the ID of its key. It
// returns the sheet's last cell.
func writeMeta(d *sheetData, st *styles, a fillin.Assignment, opts Options, rows []fillin.SignedRow, sig string) (last string) {
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
	cols := 1
	for i, r := range data {
		d.startRow(i+1, 0, false)
		for j := range metaCols {
			v := ""
			if j < len(r) {
				v = r[j]
			}
			if v != "" {
				cols = max(cols, j+1)
			}
			d.cell(j+1, st.metaText, v)
		}
	}
	return cells.CellName(cols, len(data))
}

// coreProps is the workbook's core properties part.
func coreProps(a fillin.Assignment, opts Options) []byte {
	stamp := opts.Now.UTC().Format(time.RFC3339)
	var b bytes.Buffer
	b.WriteString(xml.Header + `<coreProperties xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, p := range [][2]string{
		{"dc:title", formTitle(a)},
		{"dc:subject", a.Unit + " " + opts.Period.String()},
		{"dc:creator", "taizhang"},
		{"keywords", fillin.Version},
		{"dc:description", "由 taizhang 生成的填报表，请勿改动表格结构。"},
		{"lastModifiedBy", "taizhang"},
		{"dc:language", "zh-CN"},
	} {
		b.WriteString("<" + p[0] + ">")
		escape(&b, p[1])
		b.WriteString("</" + p[0] + ">")
	}
	for _, p := range []string{"dcterms:created", "dcterms:modified"} {
		b.WriteString("<" + p + ` xsi:type="dcterms:W3CDTF">` + stamp + "</" + p + ">")
	}
	b.WriteString("</coreProperties>")
	return b.Bytes()
}

// customNames are the workbook's custom properties, in order.
var customNames = []string{fillin.PropVersion, fillin.PropUnit, fillin.PropPeriod, fillin.PropSignature, fillin.PropKeyID, outfile.Property}

// customProps is the workbook's custom properties part: what fillin reads
// to know the workbook before opening its sheets.
func customProps(a fillin.Assignment, opts Options, sig string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	values := []string{fillin.Version, a.Unit, opts.Period.Key(), sig, fillin.KeyID(opts.Secret), string(outfile.FillIn)}
	for i, name := range customNames {
		// Property IDs start at 2, as Excel numbers them.
		b.WriteString(`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="` + strconv.Itoa(i+2) + `" name="`)
		escape(&b, name)
		b.WriteString(`"><vt:lpwstr>`)
		escape(&b, values[i])
		b.WriteString("</vt:lpwstr></property>")
	}
	b.WriteString("</Properties>")
	return b.Bytes()
}
