package cells

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"
)

// WriteBook writes to w the workbook that build makes in a new file. A
// failure is wrapped with what, the workbook's name in the message
// ("write ledger: …").
func WriteBook(w io.Writer, what string, build func(*excelize.File) error) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := build(f); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := Save(f, w); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// Save writes f to w with deflate at its fastest level. A workbook's parts
// are repetitive XML: the fastest level makes files about a tenth larger
// and takes a third of the default level's time, which was the largest
// single cost of writing a workbook.
func Save(f *excelize.File, w io.Writer) error {
	f.SetZipWriter(fastZip)
	return f.Write(w)
}

// SaveEdited is Save with the part named part passed through edit on its
// way into the archive: a change excelize has no call for, made without
// reading the workbook back.
func SaveEdited(f *excelize.File, w io.Writer, part string, edit func([]byte) []byte) error {
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		return &editingZip{Writer: NewZip(w), part: part, edit: edit}
	})
	return f.Write(w)
}

// editingZip holds back the part it edits until the next part starts or
// the archive closes.
type editingZip struct {
	*zip.Writer
	part    string
	edit    func([]byte) []byte
	pending *bytes.Buffer
	seen    bool
}

func (z *editingZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if name == z.part {
		z.pending, z.seen = &bytes.Buffer{}, true
		return z.pending, nil
	}
	return z.Writer.Create(name)
}

func (z *editingZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	if !z.seen {
		return fmt.Errorf("the workbook has no part %s to edit", z.part)
	}
	return z.Writer.Close()
}

func (z *editingZip) flush() error {
	if z.pending == nil {
		return nil
	}
	body := z.edit(z.pending.Bytes())
	z.pending = nil
	w, err := z.Writer.Create(z.part)
	if err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}

func fastZip(w io.Writer) excelize.ZipWriter { return NewZip(w) }

// NewZip is a zip writer whose deflate runs at flate.BestSpeed, with the
// compressors pooled as archive/zip pools its own.
func NewZip(w io.Writer) *zip.Writer {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, ok := flaters.Get().(*flate.Writer)
		if ok {
			fw.Reset(out)
		} else {
			var err error
			if fw, err = flate.NewWriter(out, flate.BestSpeed); err != nil {
				return nil, err
			}
		}
		return &pooledFlater{fw}, nil
	})
	return z
}

var flaters sync.Pool

// pooledFlater returns its flate.Writer to the pool when closed.
type pooledFlater struct{ *flate.Writer }

func (p *pooledFlater) Close() error {
	err := p.Writer.Close()
	flaters.Put(p.Writer)
	return err
}

// RewriteZip copies the zip archive data part by part: a part for which
// edit returns a body is written anew with that body, and every other part
// is copied still compressed.
func RewriteZip(data []byte, edit func(f *zip.File) (body []byte, changed bool, err error)) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := NewZip(&buf)
	for _, f := range zr.File {
		body, changed, err := edit(f)
		if err != nil {
			return nil, err
		}
		if !changed {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
