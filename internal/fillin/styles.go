package fillin

import (
	"archive/zip"
	"encoding/binary"
	"sync"
)

// The returns of a round were written by one program and most share their
// styles part byte for byte, so a round reads it once: the number formats
// read from a styles part are kept by everything that decides how reading
// the part ends (stylesKey), and a return whose part has the same takes
// them as they are.

// cellFormats are the number formats of a styles part read without error.
type cellFormats struct {
	numFmts  []int          // never changed once cached
	fmtCodes map[int]string // never changed once cached
	size     int64          // the part's bytes, counted as read (book.read)
}

// maxCachedStyles bounds the styles parts kept: a round's returns have
// one or a few.
const maxCachedStyles = 16

// maxKeyedStyles is the largest compressed styles part kept.
const maxKeyedStyles = 64 << 10

var stylesCache = struct {
	sync.Mutex
	m map[string]*cellFormats
}{m: map[string]*cellFormats{}}

// stylesKey is what decides how reading f out of the file data ends, as
// zip.File.Open and its checksum reader do: the entry's name, method,
// flags, CRC-32 and size, its compressed bytes and the data descriptor
// after them, which the reader checks. ok is false when f is not one to
// keep.
func stylesKey(f *zip.File, data []byte) (key []byte, ok bool) {
	off, err := f.DataOffset()
	end := off + int64(f.CompressedSize64)
	if err != nil || f.CompressedSize64 > maxKeyedStyles || off < 0 || end > int64(len(data)) {
		return nil, false
	}
	k := make([]byte, 0, 32+len(f.Name)+int(f.CompressedSize64))
	k = binary.LittleEndian.AppendUint16(k, f.Method)
	k = binary.LittleEndian.AppendUint16(k, f.Flags)
	k = binary.LittleEndian.AppendUint32(k, f.CRC32)
	k = binary.LittleEndian.AppendUint64(k, f.UncompressedSize64)
	k = binary.AppendUvarint(k, uint64(len(f.Name)))
	k = append(k, f.Name...)
	k = append(k, data[end:min(end+16, int64(len(data)))]...) // the data descriptor
	return append(k, data[off:end]...), true
}

// cachedStyles is what a styles part with key read to, nil if it is not
// kept.
func cachedStyles(key []byte, keyed bool) *cellFormats {
	if !keyed {
		return nil
	}
	stylesCache.Lock()
	defer stylesCache.Unlock()
	return stylesCache.m[string(key)] // looked up without a copy
}

// cacheStyles keeps what the styles part with key read to.
func cacheStyles(key []byte, cf *cellFormats) {
	stylesCache.Lock()
	defer stylesCache.Unlock()
	if len(stylesCache.m) < maxCachedStyles {
		stylesCache.m[string(key)] = cf
	}
}
