package typeface

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
)

// standalone writes the face s as a single TrueType font: the tables of a
// .ttc face are spread over the collection and shared with its other faces,
// and gopdf reads only files that start with a table directory of version
// 1.0 (not Apple's 'true'). DSIG is left out: a signature of the collection
// does not hold for the copy.
func standalone(s *sfnt) []byte {
	tables := make([]table, 0, len(s.tables))
	size := 0
	for _, t := range s.tables {
		if t.tag != "DSIG" {
			tables = append(tables, t)
			size += pad4(int(t.size))
		}
	}
	slices.SortFunc(tables, func(a, b table) int { return strings.Compare(a.tag, b.tag) })
	n := len(tables)
	dir := 12 + 16*n
	out := make([]byte, dir+size)

	sel := bits.Len(uint(n)) - 1 // floor(log2 n); n ≥ len(needed)
	be := binary.BigEndian
	be.PutUint32(out, tagTrueType)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16<<sel))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*n-(16<<sel)))

	at, head := dir, -1
	for i, t := range tables {
		body := out[at : at+pad4(int(t.size))]
		copy(body, s.data[t.off:t.off+t.size])
		if t.tag == "head" {
			be.PutUint32(body[8:], 0) // checkSumAdjustment, set below
			head = at
		}
		e := out[12+16*i:]
		copy(e, t.tag)
		be.PutUint32(e[4:], checksum(body))
		be.PutUint32(e[8:], uint32(at))
		be.PutUint32(e[12:], t.size)
		at += len(body)
	}
	be.PutUint32(out[head+8:], 0xB1B0AFBA-checksum(out))
	return out
}

func pad4(n int) int { return (n + 3) &^ 3 }

// checksum is the sfnt table checksum: the sum of the big-endian 32-bit
// words of b, whose length is a multiple of 4.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}
