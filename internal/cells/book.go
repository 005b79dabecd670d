package cells

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/parallel"
)

// WriteBook writes to w the workbook that build makes in a new file, with
// the rows build leaves for later (see Later). A failure is wrapped with
// what, the workbook's name in the message ("write ledger: …").
func WriteBook(w io.Writer, what string, build func(*excelize.File, *Later) error) error {
	f := excelize.NewFile()
	defer f.Close()
	later := &Later{f: f, rows: map[string]func(*RowWriter) error{}}
	if err := build(f, later); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := save(f, &sortedZip{out: w, later: later.rows, release: func() { release(f) }}); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// release lets go of what f holds in memory once excelize has given every
// part to the archive, which keeps its own copy: the rows left for later
// are written after that, and f is not used again. A ledger's cell
// comments alone (their VML drawing and its XML) are megabytes.
func release(f *excelize.File) {
	f.Close() // only drops the stream writers' data and removes temporary files
	f.Pkg.Clear()
	f.Sheet.Clear()
	f.Drawings.Clear()
	f.Relationships.Clear()
	clear(f.Comments)
	clear(f.VMLDrawing)
	clear(f.DecodeVMLDrawing)
}

// Later holds the rows of a workbook's sheets that are written only as the
// workbook is saved, each sheet's straight into its compressed part, the
// sheets on all cores: a large sheet is never in memory as XML, as it is
// in excelize's StreamWriter until the workbook is saved.
type Later struct {
	f    *excelize.File
	rows map[string]func(*RowWriter) error // by part
}

// Rows has write give sheet its rows as the workbook is saved, after the
// rows streamed before. The sheet must have been streamed, at least its
// columns, and flushed (excelize's StreamWriter): the rows go before its
// </sheetData>. write runs beside other sheets' writes, so it must change
// nothing they read.
func (l *Later) Rows(sheet string, write func(*RowWriter) error) error {
	for id, name := range l.f.GetSheetMap() {
		if name == sheet {
			// excelize names a new workbook's worksheet parts by sheet ID;
			// the archive not having the part is an error (see fill).
			part := fmt.Sprintf("xl/worksheets/sheet%d.xml", id)
			if write == nil || l.rows[part] != nil {
				return fmt.Errorf("sheet %s: rows given twice or none", sheet)
			}
			l.rows[part] = write
			return nil
		}
	}
	return fmt.Errorf("no sheet %s", sheet)
}

// Save writes f to w with deflate at its fastest level, the same workbook
// always as the same bytes (see sortedZip). A workbook's parts are
// repetitive XML: the fastest level makes files about a tenth larger and
// takes a third of the default level's time, which was the largest single
// cost of writing a workbook.
func Save(f *excelize.File, w io.Writer) error {
	return save(f, &sortedZip{out: w})
}

// save writes f through z, which writes the archive to its own writer.
func save(f *excelize.File, z *sortedZip) error {
	// The archive goes straight to z's writer: the buffer excelize gives,
	// where it would hold the whole archive before copying it on, stays
	// empty.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return z })
	return f.Write(io.Discard)
}

// sortedZip writes a workbook's parts in the order of their names, the
// content types first with their entries sorted too, whatever the order
// excelize produces them in: it walks maps, so the same workbook came out
// as different bytes from run to run. Each part is deflated as it comes,
// and a large one waits in a temporary file (see keep); the content types
// and the frames of sheets whose rows come later are held as they are
// until the end.
type sortedZip struct {
	out   io.Writer
	later map[string]func(*RowWriter) error // rows put into parts (see Later)
	// release, when not nil, is called once every part has been created
	// (see release).
	release func()
	parts   []*zipPart
	cur     *zipPart

	mu       sync.Mutex // guards the spool (see keep)
	spool    *os.File
	spoolEnd int64
	noSpool  bool // no temporary file could be made
}

// zipPart is one part: deflated with its checksum and size, or held raw.
type zipPart struct {
	name string
	raw  bool
	data bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
	// spooled are the pieces of the deflated part in the spool, in order,
	// before what is still in data.
	spooled []span
}

// span is a piece of the spool.
type span struct{ off, n int64 }

// deflated is the deflated part: its pieces in the spool, then data.
func (p *zipPart) deflated(spool *os.File) (io.Reader, int64) {
	readers := make([]io.Reader, 0, len(p.spooled)+1)
	size := int64(p.data.Len())
	for _, sp := range p.spooled {
		readers = append(readers, io.NewSectionReader(spool, sp.off, sp.n))
		size += sp.n
	}
	return io.MultiReader(append(readers, &p.data)...), size
}

func (p *zipPart) Write(b []byte) (int, error) {
	if p.raw {
		return p.data.Write(b)
	}
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

func (p *zipPart) finish() error {
	if p.raw {
		return nil
	}
	err := p.fw.Close()
	flaters.Put(p.fw)
	p.fw = nil
	return err
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p, err := newZipPart(name, name == contentTypes || z.later[name] != nil)
	if err != nil {
		return nil, err
	}
	z.parts = append(z.parts, p)
	z.cur = p
	return p, nil
}

// newZipPart starts a part, held raw or deflated as it comes.
func newZipPart(name string, raw bool) (*zipPart, error) {
	p := &zipPart{name: name, raw: raw}
	if !raw {
		fw, err := flater(&p.data)
		if err != nil {
			return nil, err
		}
		p.fw, p.crc = fw, crc32.NewIEEE()
	}
	return p, nil
}

// fillLater deflates the parts that get rows as they are saved, with
// their rows, on all cores.
func (z *sortedZip) fillLater() error {
	var todo []int
	for i, p := range z.parts {
		if z.later[p.name] != nil {
			todo = append(todo, i)
		}
	}
	if len(todo) != len(z.later) {
		return fmt.Errorf("the workbook lacks a sheet's part to put its rows into (%d of %d found)", len(todo), len(z.later))
	}
	return parallel.Each(len(todo), func(k int) error {
		i := todo[k]
		var err error
		z.parts[i], err = z.fill(z.parts[i], z.later[z.parts[i].name])
		return err
	})
}

// fill is the raw part p, a streamed worksheet, deflated with the rows
// write gives put before its </sheetData>.
func (z *sortedZip) fill(p *zipPart, write func(*RowWriter) error) (*zipPart, error) {
	frame := p.data.Bytes()
	end := bytes.Index(frame, []byte("</sheetData>"))
	if end < 0 {
		return p, fmt.Errorf("%s is not a streamed worksheet", p.name)
	}
	q, err := newZipPart(p.name, false)
	if err != nil {
		return p, err
	}
	q.Write(frame[:end])
	// A large sheet goes to the spool as it is deflated.
	if err := write(NewRowWriter(spooling{z, q})); err != nil {
		q.finish()
		return p, err
	}
	q.Write(frame[end:])
	if err := q.finish(); err != nil {
		return p, err
	}
	return q, z.keep(q)
}

func (z *sortedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	err := z.cur.finish()
	if err == nil && !z.cur.raw {
		err = z.keep(z.cur)
	}
	z.cur = nil
	return err
}

// spoolFrom is the deflated size from which a part waits for the end in
// the spool rather than in memory.
const spoolFrom = 64 << 10

// keep moves what part p has deflated, when it is large, into the spool:
// a temporary file that holds the parts until they are written in order,
// so that a workbook's archive is not in memory whole. Without a spool
// (no temporary file could be made) the parts stay in memory.
func (z *sortedZip) keep(p *zipPart) error {
	if p.data.Len() < spoolFrom {
		return nil
	}
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.spool == nil {
		if z.noSpool {
			return nil
		}
		f, err := os.CreateTemp("", "taizhang-zip-")
		if err != nil {
			z.noSpool = true // tried once: the parts stay in memory
			return nil
		}
		z.spool = f
	}
	n, err := z.spool.Write(p.data.Bytes())
	if err != nil {
		return err
	}
	p.spooled = append(p.spooled, span{z.spoolEnd, int64(n)})
	z.spoolEnd += int64(n)
	// A part being deflated keeps its buffer for what comes next; a
	// whole part's buffer goes.
	if p.data.Cap() <= 4*spoolFrom {
		p.data.Reset()
	} else {
		p.data = bytes.Buffer{}
	}
	return nil
}

// spooling writes to a part, moving what it has deflated to the spool
// as it grows (see keep).
type spooling struct {
	z *sortedZip
	p *zipPart
}

func (s spooling) Write(b []byte) (int, error) {
	n, err := s.p.Write(b)
	if err == nil {
		err = s.z.keep(s.p)
	}
	return n, err
}

// closeSpool removes the spool, if any.
func (z *sortedZip) closeSpool() {
	if z.spool != nil {
		z.spool.Close()
		os.Remove(z.spool.Name())
	}
}

// AddFS adds the files of fsys, as zip.Writer.AddFS does.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
}

func (z *sortedZip) Close() error {
	defer z.closeSpool()
	if err := z.finish(); err != nil {
		return err
	}
	if z.release != nil {
		z.release()
	}
	if err := z.fillLater(); err != nil {
		return err
	}
	slices.SortFunc(z.parts, func(a, b *zipPart) int {
		if at, bt := a.name == contentTypes, b.name == contentTypes; at != bt {
			if at {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	zw := NewZip(z.out)
	for _, p := range z.parts {
		if !p.raw {
			body, size := p.deflated(z.spool)
			w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc.Sum32(),
				CompressedSize64: uint64(size), UncompressedSize64: p.size})
			if err != nil {
				return err
			}
			if _, err := io.Copy(w, body); err != nil {
				return err
			}
			continue
		}
		body := p.data.Bytes()
		if p.name == contentTypes {
			body = sortContentTypes(body)
		}
		w, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := w.Write(body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// contentTypes is the part that names every other part's type.
const contentTypes = "[Content_Types].xml"

// contentEntries are the two kinds of entry of the content types, each
// written by excelize in the order it met them.
var contentEntries = []*regexp.Regexp{
	regexp.MustCompile(`<Default [^>]*?/>|<Default [^>]*?>\s*</Default>`),
	regexp.MustCompile(`<Override [^>]*?/>|<Override [^>]*?>\s*</Override>`),
}

// sortContentTypes sorts the content types' entries of each kind in place.
func sortContentTypes(body []byte) []byte {
	for _, re := range contentEntries {
		locs := re.FindAllIndex(body, -1)
		entries := make([]string, len(locs))
		for i, l := range locs {
			entries[i] = string(body[l[0]:l[1]])
		}
		slices.Sort(entries)
		var out bytes.Buffer
		last := 0
		for i, l := range locs {
			out.Write(body[last:l[0]])
			out.WriteString(entries[i])
			last = l[1]
		}
		out.Write(body[last:])
		body = out.Bytes()
	}
	return body
}

// NewZip is a zip writer whose deflate runs at flate.BestSpeed, with the
// compressors pooled as archive/zip pools its own.
func NewZip(w io.Writer) *zip.Writer {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, err := flater(out)
		if err != nil {
			return nil, err
		}
		return &pooledFlater{fw}, nil
	})
	return z
}

var flaters sync.Pool

// flater is a pooled flate.Writer at BestSpeed writing to out; put it back
// in flaters after closing it.
func flater(out io.Writer) (*flate.Writer, error) {
	if fw, ok := flaters.Get().(*flate.Writer); ok {
		fw.Reset(out)
		return fw, nil
	}
	return flate.NewWriter(out, flate.BestSpeed)
}

// pooledFlater returns its flate.Writer to the pool when closed.
type pooledFlater struct{ *flate.Writer }

func (p *pooledFlater) Close() error {
	err := p.Writer.Close()
	flaters.Put(p.Writer)
	return err
}

// RewriteZip copies the archive zr part by part: a part for which edit
// returns a body is written anew with that body, and every other part is
// copied still compressed.
func RewriteZip(zr *zip.Reader, edit func(f *zip.File) (body []byte, changed bool, err error)) ([]byte, error) {
	var buf bytes.Buffer
	zw := NewZip(&buf)
	copyBuf := copyBufs.Get().(*[]byte)
	defer copyBufs.Put(copyBuf)
	for _, f := range zr.File {
		body, changed, err := edit(f)
		if err != nil {
			return nil, err
		}
		if !changed {
			if err := copyRaw(zw, f, *copyBuf); err != nil {
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

// copyBufs hold RewriteZip's buffers for copying parts: zip.Writer.Copy
// allocates 32 KB for each part, most of the memory a small workbook's
// rewrite took.
var copyBufs = sync.Pool{New: func() any {
	b := make([]byte, 32<<10)
	return &b
}}

// copyRaw copies f, still compressed, into zw through buf, as
// zip.Writer.Copy does.
func copyRaw(zw *zip.Writer, f *zip.File, buf []byte) error {
	r, err := f.OpenRaw()
	if err != nil {
		return err
	}
	fh := f.FileHeader
	w, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	_, err = io.CopyBuffer(w, r, buf)
	return err
}
