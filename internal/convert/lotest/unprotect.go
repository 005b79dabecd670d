package lotest

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/convert"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// prepareInput reads in, for LibreOffice to open a copy (in stays
// untouched and no lock file appears next to it), and returns the copy's
// content and extension. With unprotect the copy is an .xlsx without
// protection.
func prepareInput(ctx context.Context, in string, unprotect bool) ([]byte, string, error) {
	data, err := os.ReadFile(in)
	if err != nil {
		return nil, "", fmt.Errorf("lotest: %w", err)
	}
	if !unprotect {
		return data, strings.ToLower(filepath.Ext(in)), nil
	}
	if !isXLSX(data) {
		converted, cleanup, err := convert.ToXLSX(ctx, in, in)
		if err != nil {
			return nil, "", fmt.Errorf("lotest: converting to .xlsx to remove protection: %w", err)
		}
		defer cleanup()
		if data, err = os.ReadFile(converted); err != nil {
			return nil, "", fmt.Errorf("lotest: %w", err)
		}
	}
	if data, err = stripProtection(data); err != nil {
		return nil, "", fmt.Errorf("lotest: removing protection from %s: %w", in, err)
	}
	return data, ".xlsx", nil
}

func isXLSX(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// protection matches sheet and workbook protection elements, with or
// without a namespace prefix, empty or not.
var protection = regexp.MustCompile(`(?s)<(\w+:)?(sheetProtection|workbookProtection)\b[^>]*?(/>|>.*?</(\w+:)?(sheetProtection|workbookProtection)>)`)

// stripProtection rewrites an .xlsx without sheet and workbook protection:
// the common way protection is removed without the password.
func stripProtection(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	return cells.RewriteZip(zr, func(f *zip.File) ([]byte, bool, error) {
		if f.Name != "xl/workbook.xml" && !(strings.HasPrefix(f.Name, "xl/worksheets/") && strings.HasSuffix(f.Name, ".xml")) {
			return nil, false, nil
		}
		body, err := outfile.ReadZipFile(f, 64<<20)
		return protection.ReplaceAll(body, nil), err == nil, err
	})
}
