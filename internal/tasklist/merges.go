package tasklist

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// sheetParts maps each worksheet's name to its part in the package, so
// that sheetMerges can find its merged ranges. excelize's GetMergeCells
// decodes the whole worksheet into memory, which costs more than reading
// all its rows; the merged ranges are a few elements a byte search finds.
// It returns nil if the package is not laid out as expected, and the
// caller then asks excelize.
func sheetParts(data []byte) map[string]*zip.File {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if decodePart(files["xl/workbook.xml"], &wb) != nil || decodePart(files["xl/_rels/workbook.xml.rels"], &rels) != nil {
		return nil
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]*zip.File{}
	for _, s := range wb.Sheets {
		f := files[targets[s.RID]]
		if f == nil {
			return nil
		}
		out[s.Name] = f
	}
	return out
}

// maxSheetPart bounds how much of a worksheet part is read for its merges.
const maxSheetPart = 256 << 20

// sheetMerges returns the merged ranges ("A1:O1") of a worksheet part.
func sheetMerges(f *zip.File) ([]string, error) {
	b, err := outfile.ReadZipFile(f, maxSheetPart)
	if err != nil {
		return nil, err
	}
	i := bytes.Index(b, []byte("mergeCell"))
	if i < 0 {
		return nil, nil
	}
	var out []string
	for _, m := range mergeRe.FindAllSubmatch(b[max(i-16, 0):], -1) {
		out = append(out, string(m[1]))
	}
	return out, nil
}

var mergeRe = regexp.MustCompile(`<(?:\w+:)?mergeCell\b[^>]*?\sref="([^"]+)"`)

func decodePart(f *zip.File, v any) error {
	if f == nil {
		return io.ErrUnexpectedEOF
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}
