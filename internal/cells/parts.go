package cells

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"path"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// SheetPart finds in an .xlsx the part of the sheet named sheet and the
// shared strings part ("" when it has none) (see WorkbookParts).
func SheetPart(zr *zip.Reader, sheet string) (sheetPart, sstPart string, err error) {
	sheets, sst, err := WorkbookParts(zr)
	if err != nil {
		return "", "", err
	}
	f := sheets[sheet]
	if f == nil {
		return "", "", fmt.Errorf("no sheet %s in the workbook", sheet)
	}
	if sst != nil {
		sstPart = sst.Name
	}
	return f.Name, sstPart, nil
}

// WorkbookParts maps each sheet's name to its part, through the workbook
// and its relationships, and finds the shared strings part (nil when there
// is none). A sheet whose part is missing is left out. The parts read here
// are small; each is read to at most 64 MB.
func WorkbookParts(zr *zip.Reader) (sheets map[string]*zip.File, sst *zip.File, err error) {
	parts := Parts(zr)
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for _, p := range []struct {
		name string
		v    any
	}{{"xl/workbook.xml", &wb}, {"xl/_rels/workbook.xml.rels", &rels}} {
		data, err := ReadPart(parts[p.name])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p.name, err)
		}
		if err := xml.Unmarshal(data, p.v); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p.name, err)
		}
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		// A target is relative to xl/, or absolute from the package root.
		target := path.Join("xl", r.Target)
		if strings.HasPrefix(r.Target, "/") {
			target = strings.TrimPrefix(r.Target, "/")
		}
		targets[r.ID] = target
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			sst = parts[target]
		}
	}
	sheets = map[string]*zip.File{}
	for _, s := range wb.Sheets {
		if f := parts[targets[s.ID]]; f != nil {
			sheets[s.Name] = f
		}
	}
	return sheets, sst, nil
}

// Parts are an archive's files by name.
func Parts(zr *zip.Reader) map[string]*zip.File {
	parts := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	return parts
}

// ReadPart is a part's uncompressed bytes, at most 64 MB of them (a
// workbook part taizhang edits is far smaller); a missing part (nil) is an
// error.
func ReadPart(f *zip.File) ([]byte, error) {
	if f == nil {
		return nil, fmt.Errorf("a workbook part is missing")
	}
	return outfile.ReadZipFile(f, 64<<20)
}
