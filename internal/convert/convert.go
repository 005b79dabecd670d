// Package convert turns the legacy spreadsheets departments send back (.xls
// from old Excel, .et from WPS, .ods) into .xlsx by running LibreOffice, so
// that the workbook readers see one format only, and old Word and WPS
// documents (.doc, .wps) that the document reader cannot read itself into
// .docx for it. LibreOffice is optional:
// without it the user is told to have the file saved as .xlsx. Files are
// judged by content, not name, since departments rename them.
package convert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/convert/internal/office"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// timeout bounds a conversion when the caller's context has no deadline. A
// conversion takes one to three seconds; a minute more is a hung LibreOffice.
var timeout = 2 * time.Minute

// target is the format a conversion writes: its extension and
// LibreOffice's name for its writer (--convert-to takes "ext:filter").
type target struct{ ext, filter string }

var (
	toXLSX = target{".xlsx", "Calc MS Excel 2007 XML"}
	toDOCX = target{".docx", "MS Word 2007 XML"}
)

// importFilter forces the reader for kinds sniffed from content. Left to
// itself LibreOffice imports a damaged .xls as a text file and "succeeds"
// with a sheet of binary garbage.
var importFilter = map[kind]string{
	kindOLE2: "MS Excel 97",
	kindODS:  "calc8",
	kindDoc:  "MS Word 97",
}

// NeedsConversionOf reports whether the file at path, whose content is
// data, must go through ToXLSX before an .xlsx reader can open it: Excel
// 97-2003 and WPS workbooks (OLE2 containers), OpenDocument spreadsheets,
// and, by extension when the content does not tell, web pages or XML saved
// as .xls. An .xlsx under another name needs none. A password-protected
// .xlsx (also OLE2) does, so that ToXLSX can say why it cannot be read.
func NeedsConversionOf(path string, data []byte) bool {
	switch sniff(data) {
	case kindXLSX:
		return false
	case kindOLE2, kindEncrypted, kindODS:
		return true
	}
	return hasLegacyExt(path)
}

// ToXLSX converts src to .xlsx in a new temporary directory (see tempDir)
// and returns the new file's path and a func that removes the directory (a no-op when err is
// not nil). src is never modified: LibreOffice works on a copy, with a
// private profile, so it runs while the user has LibreOffice open and in
// parallel with other conversions. An .xlsx under another name is copied.
// name is the name the file was sent as (src itself, or for an upload kept
// under a temporary name the sender's): its extension, not src's, tells an
// old Excel file saved as a web page (.xls) from any web page and names the
// format in messages; the converted file is named after src. Problems
// with the file, and a missing LibreOffice, are *inputerr.Error.
func ToXLSX(ctx context.Context, src, name string) (string, func(), error) {
	noop := func() {}
	data, err := readInput(src)
	if err != nil {
		return "", noop, err
	}
	k := sniff(data)
	switch {
	case k == kindEncrypted:
		return "", noop, inputerr.OfFile(src, msgEncrypted)
	case k == kindUnknown, k == kindMarkup && !hasLegacyExt(name):
		return "", noop, inputerr.OfFile(src, msgNotSpreadsheet)
	}
	exe, ok := "", true
	if k != kindXLSX {
		if exe, ok = lookSoffice(); !ok {
			return "", noop, inputerr.OfFile(src, msgNoOffice(name, k))
		}
	}
	dir, err := tempDir(src)
	if err != nil {
		return "", noop, fmt.Errorf("convert: %w", err)
	}
	cleanup := func() {
		os.RemoveAll(dir)
		outfile.Untrack(dir)
	}
	// Named as src, a name that exists here: the sender's (name) may be
	// one no file can have (too long, or with a character Windows refuses).
	out := filepath.Join(dir, outName(src, toXLSX))
	if k == kindXLSX {
		err = os.WriteFile(out, data, 0o600)
	} else {
		err = runSoffice(ctx, exe, src, name, data, k, toXLSX, out)
	}
	if err != nil {
		cleanup()
		return "", noop, err
	}
	return out, cleanup, nil
}

// ToDOCX converts an old Word or WPS document (.doc, .wps: an OLE2
// container) at src to .docx, as ToXLSX converts a workbook: src is never
// modified, the copy is in a new temporary directory the returned func
// removes. ok is false, with nothing done, for a file that is no such
// document (the caller reads it as it is). A missing LibreOffice is an
// *inputerr.Error that says to save the file as .docx.
func ToDOCX(ctx context.Context, src string) (path string, cleanup func(), ok bool, err error) {
	noop := func() {}
	data, err := readInput(src)
	if err != nil {
		return "", noop, true, err
	}
	if sniff(data) != kindOLE2 || isWorkbookName(src) {
		return "", noop, false, nil
	}
	exe, found := lookSoffice()
	if !found {
		return "", noop, true, inputerr.OfFile(src, msgNoWriter(src))
	}
	dir, err := tempDir(src)
	if err != nil {
		return "", noop, true, fmt.Errorf("convert: %w", err)
	}
	cleanup = func() {
		os.RemoveAll(dir)
		outfile.Untrack(dir)
	}
	out := filepath.Join(dir, outName(src, toDOCX))
	if err := runSoffice(ctx, exe, src, src, data, kindDoc, toDOCX, out); err != nil {
		cleanup()
		return "", noop, true, err
	}
	return out, cleanup, true, nil
}

// tempDir makes the conversion's folder, which holds a copy of the return,
// hidden beside src: the copy never leaves the folder the office keeps the
// return in (the workspace), and a later run there removes it if this one
// is killed (outfile.CleanStale, called here first for earlier runs). Only
// where src's folder cannot be written in does it go to the system's
// temporary folder.
func tempDir(src string) (string, error) {
	parent := filepath.Dir(src)
	outfile.CleanStale(parent)
	if dir, err := outfile.MkdirTemp(parent, "convert"); err == nil {
		return dir, nil
	}
	outfile.CleanStale(os.TempDir())
	return outfile.MkdirTemp("", "convert")
}

// runSoffice converts data, read from src, to out. A LibreOffice that
// crashes (seen on a heavily loaded machine) gets a second chance.
func runSoffice(ctx context.Context, exe, src, name string, data []byte, k kind, to target, out string) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	var err error
	for attempt := range 2 {
		work := filepath.Join(filepath.Dir(out), fmt.Sprint("work", attempt))
		var crashed bool
		crashed, err = convertOnce(ctx, exe, src, name, data, k, to, work, out)
		if !crashed {
			break
		}
	}
	return err
}

// convertOnce runs LibreOffice once in work, a directory next to out that
// it removes, profile included, when done. crashed reports a failure worth
// another try.
func convertOnce(ctx context.Context, exe, src, name string, data []byte, k kind, to target, work, out string) (crashed bool, err error) {
	defer os.RemoveAll(work)
	if err := os.MkdirAll(work, 0o700); err != nil {
		return false, fmt.Errorf("convert: %w", err)
	}
	// An ASCII name keeps Windows command lines and LibreOffice's
	// extension-based detection out of trouble.
	in := filepath.Join(work, "in"+copyExt(name, k))
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return false, fmt.Errorf("convert: %w", err)
	}
	profile := filepath.Join(work, "profile")
	args := []string{office.ProfileArg(profile),
		"--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck"}
	if f := importFilter[k]; f != "" {
		args = append(args, "--infilter="+f)
	}
	args = append(args, "--convert-to", strings.TrimPrefix(to.ext, ".")+":"+to.filter, "--outdir", work, in)
	cmd := office.Command(ctx, exe, args...)
	cmd.Env = office.Env(work)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	runErr := cmd.Run()
	office.RemovePipes(profile)
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded) && k == kindDoc:
		return false, inputerr.OfFile(src, msgTimeoutDoc)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return false, inputerr.OfFile(src, msgTimeout)
	case ctx.Err() != nil:
		return false, fmt.Errorf("convert: %s: %w", src, ctx.Err())
	}
	// soffice exits 0 whether or not it converted: the result is the file.
	converted := strings.TrimSuffix(in, filepath.Ext(in)) + to.ext
	if _, err := os.Stat(converted); err == nil {
		if err := os.Rename(converted, out); err != nil {
			return false, fmt.Errorf("convert: %w", err)
		}
		return false, nil
	}
	if runErr == nil && strings.Contains(output.String(), "could not be loaded") {
		if k == kindDoc {
			return false, inputerr.OfFile(src, msgCannotOpenDoc)
		}
		return false, inputerr.OfFile(src, msgCannotOpen)
	}
	return runErr != nil, fmt.Errorf("convert: %s: LibreOffice (%s) wrote no %s: %v: %s",
		src, exe, to.ext, runErr, strings.TrimSpace(output.String()))
}

// copyExt is the extension for LibreOffice's copy of src: the canonical one
// for a kind whose filter is forced, src's own otherwise (LibreOffice uses
// it to tell a web page saved as .xls from one to open in Writer).
func copyExt(src string, k kind) string {
	switch k {
	case kindOLE2:
		return ".xls"
	case kindODS:
		return ".ods"
	case kindDoc:
		return ".doc"
	}
	return strings.ToLower(filepath.Ext(src))
}

// outName keeps src's base name so that whoever reads the converted file
// sees the department's file name.
func outName(src string, to target) string {
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	if base == "" || base == "." || base == string(filepath.Separator) {
		base = "converted"
	}
	return base + to.ext
}

func readInput(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		return data, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, inputerr.OfFile(path, msgNotFound)
	case errors.Is(err, fs.ErrPermission):
		return nil, inputerr.OfFile(path, msgNoPermission)
	}
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		return nil, inputerr.OfFile(path, msgIsDir)
	}
	return nil, fmt.Errorf("convert: %w", err)
}
