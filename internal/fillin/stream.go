package fillin

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
)

// sheetChunk is how much of a worksheet part streamTokens unzips at a time
// (more when a row is longer).
var sheetChunk = 1 << 20

var rowEnd = []byte("</row>")

// streamTokens gives the tokens of the zipped part f to a reader begin
// makes, as eachToken gives those of the whole part, but unzipping it a
// run of rows at a time: the scanner reads each run up to a row's end tag,
// so that a long sheet is never in memory whole. A part the scanner
// leaves to encoding/xml is read again, whole, by a new reader.
func (b *book) streamTokens(f *zip.File, begin func() xmlEvents) error {
	if err := b.admit(f); err != nil {
		return err
	}
	if useScanner {
		n, ok, err := b.scanRuns(f, begin())
		if err != nil {
			return err
		}
		if ok {
			b.read += n
			return nil
		}
	}
	data, err := b.part(f.Name)
	if err != nil {
		return err
	}
	return eachRawToken(data, begin())
}

// scanRuns scans f a run of rows at a time, giving h its tokens; ok is
// false, after some tokens maybe, when a run is XML the scanner leaves to
// encoding/xml. n is the bytes unzipped.
func (b *book) scanRuns(f *zip.File, h xmlEvents) (n int64, ok bool, err error) {
	rc, err := f.Open()
	if err != nil {
		return 0, false, err
	}
	defer rc.Close()
	r := io.LimitReader(rc, b.limits.part+1)
	buf := make([]byte, 0, min(sheetChunk, int(f.UncompressedSize64)+1))
	for first, eof := true, false; ; first = false {
		var cut int
		if buf, cut, eof, err = fillRun(r, buf, eof); err != nil {
			return n, false, err
		}
		n += int64(cut)
		if n > b.limits.part {
			return n, false, errTooLarge
		}
		run := buf[:cut]
		// The declaration may open the part, not a later run.
		if !plainXML(run) || !first && bytes.HasPrefix(run, []byte("<?")) {
			return n, false, nil
		}
		s := scanner{data: run}
		if !s.run(h) {
			return n, false, nil
		}
		buf = append(buf[:0], buf[cut:]...)
		if eof && len(buf) == 0 {
			return n, true, nil
		}
	}
}

// fillRun reads r on into buf until it holds a row's end tag or r ends,
// and gives the length of the run to scan: up to the last row's end tag,
// or all that is left once r has ended.
func fillRun(r io.Reader, buf []byte, eof bool) (_ []byte, cut int, _ bool, _ error) {
	for {
		if !eof {
			k, err := io.ReadFull(r, buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+k]
			switch err {
			case io.EOF, io.ErrUnexpectedEOF:
				eof = true
			case nil:
			default:
				return buf, 0, eof, err
			}
		}
		if eof {
			return buf, len(buf), true, nil
		}
		if i := bytes.LastIndex(buf, rowEnd); i >= 0 {
			return buf, i + len(rowEnd), false, nil
		}
		buf = slices.Grow(buf, max(cap(buf), 1)) // a row longer than the buffer
	}
}
