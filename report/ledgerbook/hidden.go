package ledgerbook

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/hiddensheet"
	"github.com/taizhang-dev/taizhang/internal/ledger"
)

// The very hidden sheet holds the whole ledger as JSON, in rows of
//
//	format | taizhang-ledger/1
//	note   | (a warning for people who unhide it)
//	gzip   | 1 | <first base64 piece of the gzipped JSON>
//	gzip   | 2 | <next piece>
//
// (rows keyed json holding plain JSON pieces are read as well)
//
// Pieces are numbered so that a sorted sheet still reads back, and kept
// well under Excel's 32,767 UTF-16 units per cell.
const (
	keyJSON = "json"

	hiddenNote = "本工作表由 taizhang 生成，保存总台账的完整数据，供下次汇总和生成报告时读取，请勿修改或删除。"

	// chunkUnits is the most UTF-16 units of JSON in one cell.
	chunkUnits = 30000
)

// writeHidden writes the ledger's JSON, js, on the hidden sheet.
func writeHidden(f *excelize.File, js string) error {
	w, err := hiddensheet.NewWriter(f, SheetHidden, FormatVersion, hiddenNote)
	if err != nil {
		return err
	}
	// Compressed: a 5,000-task ledger's JSON is several megabytes, which
	// costs more to write and read as cell text than to gzip.
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestSpeed)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(zw, js); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	for i, piece := range hiddensheet.Chunk(base64.StdEncoding.EncodeToString(z.Bytes()), chunkUnits) {
		if err := w.Row(keyGzip, i+1, piece); err != nil {
			return err
		}
	}
	return w.Flush()
}

// keyGzip marks rows holding base64 pieces of the gzipped JSON; keyJSON
// rows (plain JSON) are read too.
const keyGzip = "gzip"

// maxHiddenJSON bounds what the hidden sheet may unpack to.
const maxHiddenJSON = 512 << 20

func unpack(kind, s string) (string, bool) {
	if kind == keyJSON {
		return s, true
	}
	data, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", false
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return "", false
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxHiddenJSON+1))
	if err != nil || len(out) > maxHiddenJSON {
		return "", false
	}
	return string(out), true
}

// hiddenVersionError is a hidden sheet written in another format version.
type hiddenVersionError struct{ version string }

func (e *hiddenVersionError) Error() string {
	return fmt.Sprintf("格式版本为 %s，本版本的 taizhang 只能读取 %s：请用生成它的 taizhang 版本读取，或重新汇总生成总台账", e.version, FormatVersion)
}

// readHidden decodes the ledger from the hidden sheet's rows. It returns
// nil when the sheet holds no readable ledger, and an error for a ledger
// of another format version.
func readHidden(rows [][]string) (*ledger.Ledger, error) {
	v, ok := hiddensheet.Format(rows)
	if !ok {
		return nil, nil
	}
	if v != FormatVersion {
		return nil, &hiddenVersionError{v}
	}
	pieces := map[int]string{}
	kind := ""
	for _, r := range rows[1:] {
		if len(r) < 3 || r[0] != keyJSON && r[0] != keyGzip {
			continue
		}
		kind = r[0]
		i, err := strconv.Atoi(r[1])
		if err != nil || i < 1 {
			return nil, nil
		}
		pieces[i] = r[2]
	}
	var b strings.Builder
	for i := 1; i <= len(pieces); i++ {
		p, ok := pieces[i]
		if !ok {
			return nil, nil
		}
		b.WriteString(p)
	}
	js, ok := unpack(kind, b.String())
	if !ok {
		return nil, nil
	}
	var l ledger.Ledger
	if err := json.Unmarshal([]byte(js), &l); err != nil {
		return nil, nil
	}
	return &l, nil
}
