// Package outfile decides whether a command may write a file where it was
// asked to: never over one of the command's inputs, never over a file of
// another kind or one taizhang did not write, never under the wrong
// extension, and never without keeping a timestamped backup of a file of
// the same kind that it replaces. A file's kind is read from the marker
// taizhang puts in every file it writes (a custom document property in a
// workbook or a Word document, the Creator entry of a PDF), never from its
// name.
//
// It also owns taizhang's temporary files: they are named with the
// writing process's id, removed on a signal (RemoveTracked), and removed
// by a later run once that process is gone or they are old (CleanStale).
package outfile

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Kind is what a file holds, as far as taizhang is concerned.
type Kind string

const (
	None     Kind = ""         // there is no file
	Foreign  Kind = "foreign"  // a file without taizhang's marker
	TaskList Kind = "tasklist" // 任务分解表
	Ledger   Kind = "ledger"   // 总台账
	Year     Kind = "year"     // 年度台账
	FillIn   Kind = "fillin"   // 填报表, blank or filled in by a unit
	Report   Kind = "report"   // a PDF report
	Document Kind = "document" // the Word version of a report
)

// Label is the kind's name for the office.
func (k Kind) Label() string {
	switch k {
	case TaskList:
		return "任务分解表"
	case Ledger:
		return "总台账"
	case Year:
		return "年度台账"
	case FillIn:
		return "填报表（或单位的报送文件）"
	case Report:
		return "PDF 报告"
	case Document:
		return "Word 报告"
	}
	return "不是 taizhang 生成的文件"
}

// Ext is the extension a file of the kind is written with.
func (k Kind) Ext() string {
	switch k {
	case Report:
		return ".pdf"
	case Document:
		return ".docx"
	}
	return ".xlsx"
}

// Property is the custom document property that holds the kind of a
// workbook or a Word document.
const Property = "taizhang.kind"

// Creator is the Creator entry of the PDFs taizhang writes: their marker.
const Creator = "taizhang"

// Mark records k in a workbook being written, where Identify finds it.
// Excel, WPS and LibreOffice keep custom properties when they save.
func Mark(f *excelize.File, k Kind) error {
	return f.SetCustomProps(excelize.CustomProperty{Name: Property, Value: string(k)})
}

// maxPart bounds what Identify unpacks of one workbook part.
const maxPart = 4 << 20

// Identify reads the kind of the regular file at path.
func Identify(path string) (Kind, error) {
	f, err := os.Open(path)
	if err != nil {
		return None, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return None, err
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return identifyWorkbook(f, info.Size()), nil
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return identifyPDF(f, info.Size()), nil
	}
	return Foreign, nil
}

// identifyWorkbook reads the marker, or for workbooks written before
// there was one, recognises taizhang's sheets.
func identifyWorkbook(r io.ReaderAt, size int64) Kind {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return Foreign
	}
	props := customProps(readPart(z, "docProps/custom.xml"))
	switch k := Kind(props[Property]); k {
	case TaskList, Ledger, Year, FillIn, Document:
		return k
	}
	if props["taizhang.version"] != "" {
		return FillIn
	}
	sheets := sheetNames(readPart(z, "xl/workbook.xml"))
	has := func(names ...string) bool {
		for _, n := range names {
			if !sheets[n] {
				return false
			}
		}
		return true
	}
	switch {
	case has("_taizhang", "填报说明", "填报表"):
		return FillIn
	case has("_taizhang", "任务分解表", "文件信息"):
		return TaskList
	case has("_taizhang", "汇总", "总台账"):
		return Ledger
	case has("年度考核", "排名走势", "完成率走势") && strings.Contains(string(readPart(z, "docProps/core.xml")), ">taizhang<"):
		return Year
	}
	return Foreign
}

func readPart(z *zip.Reader, name string) []byte {
	for _, f := range z.File {
		if f.Name == name {
			data, _ := ReadZipFile(f, maxPart)
			return data
		}
	}
	return nil
}

// ReadZipFile reads a part of a zip file (an .xlsx or .docx), at most
// limit bytes of it.
func ReadZipFile(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, limit))
}

// customProps decodes docProps/custom.xml into name → text value.
func customProps(data []byte) map[string]string {
	var doc struct {
		Props []struct {
			Name  string `xml:"name,attr"`
			Inner struct {
				Text string `xml:",chardata"`
			} `xml:",any"`
		} `xml:"property"`
	}
	out := map[string]string{}
	if xml.Unmarshal(data, &doc) != nil {
		return out
	}
	for _, p := range doc.Props {
		out[p.Name] = strings.TrimSpace(p.Inner.Text)
	}
	return out
}

// sheetNames lists the sheets of xl/workbook.xml.
func sheetNames(data []byte) map[string]bool {
	var doc struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
		} `xml:"sheets>sheet"`
	}
	out := map[string]bool{}
	if xml.Unmarshal(data, &doc) != nil {
		return out
	}
	for _, s := range doc.Sheets {
		out[s.Name] = true
	}
	return out
}

// identifyPDF looks for the Creator entry in the document information
// dictionary, which gopdf writes after the last object, in UTF-16 hex.
func identifyPDF(r io.ReaderAt, size int64) Kind {
	const tail = 64 << 10
	off := max(size-tail, 0)
	buf := make([]byte, size-off)
	if _, err := r.ReadAt(buf, off); err != nil && err != io.EOF {
		return Foreign
	}
	if bytes.Contains(buf, []byte("/Creator <FEFF"+utf16Hex(Creator)+">")) || bytes.Contains(buf, []byte("/Creator ("+Creator+")")) {
		return Report
	}
	return Foreign
}

func utf16Hex(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", r)
	}
	return b.String()
}
