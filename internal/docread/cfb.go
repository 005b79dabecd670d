package docread

import (
	"encoding/binary"
	"errors"
	"unicode/utf16"
)

// A compound file (OLE2, [MS-CFB]) is the container of old Word (.doc),
// WPS (.wps) and Excel (.xls) files: a small file system of sectors, a
// FAT chaining them, and a directory naming the streams. Only reading by
// name is needed here. Every chain is bounded by the number of sectors, so
// a damaged or hostile file ends in an error, never a loop.

const (
	cfbEndOfChain = 0xFFFFFFFE
	cfbFreeSect   = 0xFFFFFFFF
)

var errCFB = errors.New("damaged compound file")

type cfbFile struct {
	data    []byte
	ssz     int // sector size
	fat     []uint32
	minifat []uint32
	mini    []byte // the mini stream, where small streams live
	cutoff  uint64 // streams smaller than this are in the mini stream
	entries []cfbEntry
}

type cfbEntry struct {
	name  string
	typ   byte // 1 storage, 2 stream, 5 root
	start uint32
	size  uint64
}

func le16(b []byte, i int) int { return int(binary.LittleEndian.Uint16(b[i:])) }

func le32(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[i:]) }

func openCFB(data []byte) (*cfbFile, error) {
	if len(data) < 512 || string(data[:8]) != ole2Magic {
		return nil, errCFB
	}
	shift := le16(data, 0x1E)
	if (shift != 9 && shift != 12) || le16(data, 0x20) != 6 {
		return nil, errCFB
	}
	c := &cfbFile{data: data, ssz: 1 << shift, cutoff: uint64(le32(data, 0x38))}
	nsect := len(data) / c.ssz // an upper bound on any chain's length
	// The FAT's sectors: 109 listed in the header, the rest in a chain of
	// DIFAT sectors, each ending with the next one's number.
	var fatSects []uint32
	for i := 0; i < 109; i++ {
		fatSects = append(fatSects, le32(data, 0x4C+4*i))
	}
	next := le32(data, 0x44)
	for n := 0; next != cfbEndOfChain && next != cfbFreeSect; n++ {
		sec, err := c.sector(next)
		if err != nil || n > nsect {
			return nil, errCFB
		}
		for i := 0; i < c.ssz/4-1; i++ {
			fatSects = append(fatSects, le32(sec, 4*i))
		}
		next = le32(sec, c.ssz-4)
	}
	for _, s := range fatSects {
		if s == cfbFreeSect || s == cfbEndOfChain {
			continue
		}
		sec, err := c.sector(s)
		if err != nil {
			return nil, err
		}
		for i := 0; i < c.ssz/4; i++ {
			c.fat = append(c.fat, le32(sec, 4*i))
		}
		if len(c.fat) > 4*nsect+c.ssz {
			return nil, errCFB
		}
	}
	dir, err := c.chain(le32(data, 0x30), c.fat, c.ssz, c.sector)
	if err != nil {
		return nil, err
	}
	for i := 0; i+128 <= len(dir); i += 128 {
		e := dir[i : i+128]
		n := le16(e, 0x40)
		if n < 2 || n > 64 {
			continue
		}
		u := make([]uint16, n/2-1)
		for k := range u {
			u[k] = uint16(le16(e, 2*k))
		}
		c.entries = append(c.entries, cfbEntry{
			name:  string(utf16.Decode(u)),
			typ:   e[0x42],
			start: le32(e, 0x74),
			size:  binary.LittleEndian.Uint64(e[0x78:]) & 0xFFFFFFFF,
		})
	}
	if len(c.entries) == 0 || c.entries[0].typ != 5 {
		return nil, errCFB
	}
	root := c.entries[0]
	if root.start != cfbEndOfChain && root.size > 0 {
		if c.mini, err = c.chain(root.start, c.fat, c.ssz, c.sector); err != nil {
			return nil, err
		}
		c.mini = c.mini[:min(uint64(len(c.mini)), root.size)]
	}
	if start := le32(data, 0x3C); start != cfbEndOfChain && start != cfbFreeSect {
		mf, err := c.chain(start, c.fat, c.ssz, c.sector)
		if err != nil {
			return nil, err
		}
		for i := 0; i+4 <= len(mf); i += 4 {
			c.minifat = append(c.minifat, le32(mf, i))
		}
	}
	return c, nil
}

// sector returns regular sector n.
func (c *cfbFile) sector(n uint32) ([]byte, error) {
	off := (int64(n) + 1) * int64(c.ssz)
	if n >= cfbEndOfChain-4 || off+int64(c.ssz) > int64(len(c.data)) {
		return nil, errCFB
	}
	return c.data[off : off+int64(c.ssz)], nil
}

// miniSector returns mini sector n (64 bytes of the mini stream).
func (c *cfbFile) miniSector(n uint32) ([]byte, error) {
	off := int64(n) * 64
	if off+64 > int64(len(c.mini)) {
		return nil, errCFB
	}
	return c.mini[off : off+64], nil
}

// chain reads the sectors chained from start in fat; a chain longer than
// the table (a loop) is an error.
func (c *cfbFile) chain(start uint32, fat []uint32, size int, read func(uint32) ([]byte, error)) ([]byte, error) {
	var out []byte
	for n, s := 0, start; s != cfbEndOfChain; n++ {
		if n > len(fat) || int(s) >= len(fat) {
			return nil, errCFB
		}
		sec, err := read(s)
		if err != nil {
			return nil, err
		}
		out = append(out, sec[:size]...)
		if len(out) > len(c.data) {
			return nil, errCFB // no stream is longer than its file
		}
		s = fat[s]
	}
	return out, nil
}

// stream returns the stream of that name, or nil when there is none.
func (c *cfbFile) stream(name string) ([]byte, error) {
	for _, e := range c.entries {
		if e.typ != 2 || e.name != name {
			continue
		}
		var b []byte
		var err error
		if e.size < c.cutoff {
			b, err = c.chain(e.start, c.minifat, 64, c.miniSector)
		} else {
			b, err = c.chain(e.start, c.fat, c.ssz, c.sector)
		}
		if err != nil {
			return nil, err
		}
		if uint64(len(b)) < e.size {
			return nil, errCFB
		}
		return b[:e.size], nil
	}
	return nil, nil
}
