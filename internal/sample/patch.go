package sample

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
)

// cellValue is one cell a unit types: its reference (H5) and value.
type cellValue struct {
	ref string
	Val
}

// excelDate is t's date as Excel's serial day number (days since
// 1899-12-30), the number a date cell holds.
func excelDate(t time.Time) float64 {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return day.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
}

// fillCells returns a copy of the workbook data with the cells of sheet set
// as a spreadsheet program saves them: numbers in the cell, text in the
// shared strings. Only the sheet and the shared strings are rewritten;
// every other part is copied still compressed, so the issued workbook's
// content, styles, protection and hidden metadata stay as they were. Each
// cell must already exist in the sheet, as every input cell of an issued
// workbook does.
func fillCells(data []byte, sheet string, set []cellValue) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts := cells.Parts(zr)
	sheetPart, sstPart, err := cells.SheetPart(zr, sheet)
	if err != nil {
		return nil, err
	}
	xmlSheet, err := cells.ReadPart(parts[sheetPart])
	if err != nil {
		return nil, err
	}
	xmlSST, err := cells.ReadPart(parts[sstPart])
	if err != nil {
		return nil, err
	}
	xmlSheet, xmlSST, err = setCells(xmlSheet, xmlSST, set)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sheetPart, err)
	}
	return cells.RewriteZip(zr, func(f *zip.File) ([]byte, bool, error) {
		switch f.Name {
		case sheetPart:
			return xmlSheet, true, nil
		case sstPart:
			return xmlSST, true, nil
		}
		return nil, false, nil
	})
}

// styleAttr is a cell's style attribute in its start tag.
var styleAttr = regexp.MustCompile(` s="[0-9]+"`)

// setCells writes the cells into the sheet XML, each replacing the cell of
// the same reference, and appends their text to the shared strings, in one
// pass over each.
func setCells(sheet, sst []byte, set []cellValue) ([]byte, []byte, error) {
	end := bytes.LastIndex(sst, []byte("</sst>"))
	if end < 0 {
		return nil, nil, fmt.Errorf("the shared strings have no end")
	}
	unique := bytes.Count(sst, []byte("<si>")) + bytes.Count(sst, []byte("<si "))
	at := cellStarts(sheet)
	type edit struct {
		from, to int
		cell     string
	}
	edits := make([]edit, 0, len(set))
	var added bytes.Buffer
	texts := 0
	for _, c := range set {
		from, ok := at[c.ref]
		if !ok {
			return nil, nil, fmt.Errorf("no cell %s in the sheet", c.ref)
		}
		to, err := cellEnd(sheet, from)
		if err != nil {
			return nil, nil, fmt.Errorf("cell %s: %w", c.ref, err)
		}
		tag := sheet[from : bytes.IndexByte(sheet[from:], '>')+from]
		cell := `<c r="` + c.ref + `"` + string(styleAttr.Find(tag))
		if c.Num {
			cell += `><v>` + FormatNum(c.F) + `</v></c>`
		} else {
			cell += ` t="s"><v>` + strconv.Itoa(unique) + `</v></c>`
			unique++
			texts++
			added.WriteString(`<si><t xml:space="preserve">`)
			if err := xml.EscapeText(&added, []byte(c.S)); err != nil {
				return nil, nil, err
			}
			added.WriteString(`</t></si>`)
		}
		edits = append(edits, edit{from, to, cell})
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.from - b.from })
	out := make([]byte, 0, len(sheet)+len(added.Bytes())+64*len(edits))
	last := 0
	for _, e := range edits {
		if e.from < last {
			return nil, nil, fmt.Errorf("a cell is set twice")
		}
		out = append(append(out, sheet[last:e.from]...), e.cell...)
		last = e.to
	}
	out = append(out, sheet[last:]...)
	head := countAttrs.ReplaceAllFunc(sst[:end], func(m []byte) []byte {
		n, _ := strconv.Atoi(string(countAttrs.FindSubmatch(m)[1]))
		return []byte(` count="` + strconv.Itoa(n+texts) + `" uniqueCount="` + strconv.Itoa(unique) + `"`)
	})
	return out, append(append(head, added.Bytes()...), sst[end:]...), nil
}

// cellStarts indexes the sheet's cells by reference: where each <c r="…"
// starts.
func cellStarts(sheet []byte) map[string]int {
	at := map[string]int{}
	open := []byte(`<c r="`)
	for i := 0; ; {
		k := bytes.Index(sheet[i:], open)
		if k < 0 {
			return at
		}
		start := i + k
		i = start + len(open)
		if q := bytes.IndexByte(sheet[i:], '"'); q >= 0 {
			at[string(sheet[i:i+q])] = start
		}
	}
}

// cellEnd is where the cell starting at from ends: after its "/>" or its
// "</c>".
func cellEnd(sheet []byte, from int) (int, error) {
	tagEnd := bytes.IndexByte(sheet[from:], '>')
	if tagEnd < 0 {
		return 0, fmt.Errorf("not closed")
	}
	tagEnd += from
	if sheet[tagEnd-1] == '/' {
		return tagEnd + 1, nil
	}
	close := bytes.Index(sheet[tagEnd:], []byte("</c>"))
	if close < 0 {
		return 0, fmt.Errorf("not closed")
	}
	return tagEnd + close + len("</c>"), nil
}

// countAttrs are the shared strings' count (of the cells holding one) and
// uniqueCount (of the strings), written by excelize in that order.
var countAttrs = regexp.MustCompile(` count="([0-9]+)" uniqueCount="[0-9]+"`)
