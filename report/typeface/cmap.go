package typeface

import "encoding/binary"

// cmap maps characters to glyphs through pages of 256 code points, so a
// lookup is two loads: a CJK font fills a few hundred pages (about 100 KB),
// and the layout asks about every character of a report several times.
type cmap struct {
	pages [(0x10FFFF + 1) >> 8]*[256]uint16
}

func (c *cmap) glyph(r rune) uint16 {
	if uint32(r) > 0x10FFFF {
		return 0
	}
	p := c.pages[r>>8]
	if p == nil {
		return 0
	}
	return p[r&0xFF]
}

func (c *cmap) set(r uint32, g uint16) {
	p := c.pages[r>>8]
	if p == nil {
		p = new([256]uint16)
		c.pages[r>>8] = p
	}
	p[r&0xFF] = g
}

// maxMapped bounds the work a character map can cause: Unicode has this many
// code points, so a valid map never sets more, while a damaged one could
// repeat its ranges tens of thousands of times.
const maxMapped = 0x110000

// read fills c from the best Unicode subtable: (3,10) for the whole of
// Unicode, then (3,1) for the BMP, then any Unicode-platform one; formats 4
// and 12. gopdf reads only the (3,1) format 4 subtable, so it must be there.
func (c *cmap) read(s *sfnt, numGlyphs int) string {
	t := s.table("cmap")
	if len(t) < 4 {
		return s.face.damaged("cmap 表太短")
	}
	n := int(binary.BigEndian.Uint16(t[2:]))
	if len(t) < 4+8*n {
		return s.face.damaged("cmap 表太短")
	}
	best, bestRank, hasWindows := -1, 99, false
	for i := range n {
		rec := t[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		sub, ok := subtable(t, binary.BigEndian.Uint32(rec[4:]))
		if !ok {
			continue
		}
		format := binary.BigEndian.Uint16(sub)
		if platform == 3 && encoding == 1 && format == 4 {
			hasWindows = true
		}
		rank := cmapRank(platform, encoding)
		if rank < bestRank && (format == 4 || format == 12) {
			best, bestRank = i, rank
		}
	}
	if !hasWindows {
		return s.face.cannotEmbed(" Windows Unicode 字符映射（cmap 表的 3/1 格式 4 子表）")
	}
	sub, _ := subtable(t, binary.BigEndian.Uint32(t[4+8*best+4:]))
	var ok bool
	if binary.BigEndian.Uint16(sub) == 4 {
		ok = c.readFormat4(sub, numGlyphs)
	} else {
		ok = c.readFormat12(sub, numGlyphs)
	}
	if !ok {
		return s.face.damaged("cmap 表不完整")
	}
	for _, p := range c.pages {
		if p != nil {
			return ""
		}
	}
	return s.face.cannotEmbed("字符（cmap 表中没有任何字符）")
}

func cmapRank(platform, encoding uint16) int {
	switch {
	case platform == 3 && encoding == 10:
		return 0
	case platform == 3 && encoding == 1:
		return 1
	case platform == 0:
		return 2
	}
	return 99
}

// subtable is the cmap subtable at off, to the end of the cmap table: the
// length field of format 4 is 16 bits and overflows in large CJK fonts.
func subtable(t []byte, off uint32) ([]byte, bool) {
	if uint64(off)+2 > uint64(len(t)) {
		return nil, false
	}
	return t[off:], true
}

func (c *cmap) readFormat4(t []byte, numGlyphs int) bool {
	if len(t) < 14 {
		return false
	}
	segX2 := int(binary.BigEndian.Uint16(t[6:]))
	segCount := segX2 / 2
	ends, starts, deltas, ranges := 14, 16+segX2, 16+2*segX2, 16+3*segX2
	if len(t) < 16+4*segX2 {
		return false
	}
	budget := maxMapped
	for i := range segCount {
		end := uint32(binary.BigEndian.Uint16(t[ends+2*i:]))
		start := uint32(binary.BigEndian.Uint16(t[starts+2*i:]))
		delta := binary.BigEndian.Uint16(t[deltas+2*i:])
		ro := int(binary.BigEndian.Uint16(t[ranges+2*i:]))
		if start > end {
			continue
		}
		if end == 0xFFFF {
			end = 0xFFFE // the required final segment maps nothing
		}
		for r := start; r <= end; r++ {
			if budget--; budget < 0 {
				return true
			}
			var g uint16
			if ro == 0 {
				g = uint16(r) + delta
			} else {
				at := ranges + 2*i + ro + 2*int(r-start)
				if at+2 > len(t) {
					break
				}
				if g = binary.BigEndian.Uint16(t[at:]); g != 0 {
					g += delta
				}
			}
			if g != 0 && int(g) < numGlyphs {
				c.set(r, g)
			}
		}
	}
	return true
}

func (c *cmap) readFormat12(t []byte, numGlyphs int) bool {
	if len(t) < 16 {
		return false
	}
	n := uint64(binary.BigEndian.Uint32(t[12:]))
	if uint64(len(t)) < 16+12*n {
		return false
	}
	budget := maxMapped
	for i := range int(n) {
		grp := t[16+12*i:]
		start, end := binary.BigEndian.Uint32(grp), binary.BigEndian.Uint32(grp[4:])
		first := uint64(binary.BigEndian.Uint32(grp[8:]))
		if start > end || start > 0x10FFFF {
			continue
		}
		end = min(end, 0x10FFFF)
		for r := start; r <= end; r++ {
			if budget--; budget < 0 {
				return true
			}
			g := first + uint64(r-start)
			if g >= uint64(numGlyphs) {
				break
			}
			if g != 0 {
				c.set(r, uint16(g))
			}
		}
	}
	return true
}
