package tasklist

import (
	"archive/zip"
	"bytes"
	"regexp"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// sheetParts maps each worksheet's name to its part in the package, so
// that sheetMerges can find its merged ranges. excelize's GetMergeCells
// decodes the whole worksheet into memory, which costs more than reading
// all its rows; the merged ranges are a few elements a byte search finds.
// It returns nil if the package is not laid out as expected, and the
// caller then asks excelize, as it does for a sheet missing from the map.
func sheetParts(data []byte) map[string]*zip.File {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	sheets, _, err := cells.WorkbookParts(zr)
	if err != nil {
		return nil
	}
	return sheets
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
