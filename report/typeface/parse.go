package typeface

import (
	"encoding/binary"
	"fmt"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

const (
	tagTrueType   = 0x00010000
	tagApple      = 0x74727565 // 'true'
	tagCFF        = 0x4F54544F // 'OTTO'
	tagCollection = 0x74746366 // 'ttcf'
	tagWOFF       = 0x774F4646 // 'wOFF'
	tagWOFF2      = 0x774F4632 // 'wOF2'
)

// needed are the tables this package reads and gopdf needs to embed a font.
var needed = []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf", "name", "OS/2", "post"}

// table is an entry of an sfnt table directory.
type table struct {
	tag       string
	off, size uint32 // from the start of the file
}

// sfnt is the table directory of one face.
type sfnt struct {
	data    []byte // the whole file
	version uint32
	tables  []table // in directory order, without repeated tags
	index   map[string]int
	face    face
}

func (s *sfnt) table(tag string) []byte {
	i, ok := s.index[tag]
	if !ok {
		return nil
	}
	t := s.tables[i]
	return s.data[t.off : t.off+t.size]
}

// Parse reads a TrueType font (.ttf), or face index of a collection (.ttc),
// from data; name is the file as the user knows it, for messages. Problems
// with the data are returned as *inputerr.Error.
func Parse(name string, data []byte, index int) (*Face, error) {
	s, err := openFace(name, data, index)
	if err != nil {
		return nil, err
	}
	f, msg := parseFace(s)
	if msg != "" {
		return nil, inputerr.OfFile(name, msg)
	}
	if s.version == tagTrueType && s.face == "" && s.padded() {
		f.Data = data
	} else {
		f.Data = standalone(s)
	}
	return f, nil
}

// padded reports whether every table is followed by its padding to 4 bytes:
// gopdf copies tables with it and panics on a last table without.
func (s *sfnt) padded() bool {
	for _, t := range s.tables {
		if uint64(t.off)+uint64(pad4(int(t.size))) > uint64(len(s.data)) {
			return false
		}
	}
	return true
}

// faceCount is the number of faces in data: 1 for a single font.
func faceCount(name string, data []byte) (int, error) {
	if len(data) < 12 {
		return 0, inputerr.OfFile(name, msgNotFont)
	}
	if binary.BigEndian.Uint32(data) != tagCollection {
		return 1, nil
	}
	n := binary.BigEndian.Uint32(data[8:])
	if n == 0 || uint64(len(data)) < 12+4*uint64(n) {
		return 0, inputerr.OfFile(name, face("").damaged("字体集目录不完整"))
	}
	return int(n), nil
}

// openFace finds face index in data and reads its table directory, checking
// that it is a face this package can use.
func openFace(name string, data []byte, index int) (*sfnt, error) {
	s, err := openDirectory(name, data, index)
	if err != nil {
		return nil, err
	}
	if msg := checkTables(s); msg != "" {
		return nil, inputerr.OfFile(name, msg)
	}
	return s, nil
}

// openDirectory finds face index in data and reads its table directory.
func openDirectory(name string, data []byte, index int) (*sfnt, error) {
	n, err := faceCount(name, data)
	if err != nil {
		return nil, err
	}
	var off uint32
	tag := binary.BigEndian.Uint32(data)
	switch tag {
	case tagCollection:
		if index < 0 || index >= n {
			return nil, inputerr.OfFile(name, fmt.Sprintf(msgTTCRange, n, n-1, index))
		}
		off = binary.BigEndian.Uint32(data[12+4*index:])
	case tagTrueType, tagApple:
		if index != 0 {
			return nil, inputerr.OfFile(name, fmt.Sprintf(msgNoTTC, index, index))
		}
	case tagCFF:
		return nil, inputerr.OfFile(name, face("").cff())
	case tagWOFF, tagWOFF2:
		return nil, inputerr.OfFile(name, msgWOFF)
	default:
		return nil, inputerr.OfFile(name, msgNotFont)
	}
	s, msg := readDirectory(data, off, faceOf(tag == tagCollection, index))
	if msg != "" {
		return nil, inputerr.OfFile(name, msg)
	}
	return s, nil
}

// readDirectory reads the table directory at off, checking that every table
// lies inside the file; the message is for the user when it does not.
func readDirectory(data []byte, off uint32, w face) (*sfnt, string) {
	if uint64(off)+12 > uint64(len(data)) {
		return nil, w.damaged("表目录超出文件末尾")
	}
	s := &sfnt{data: data, version: binary.BigEndian.Uint32(data[off:]), face: w}
	switch s.version {
	case tagTrueType, tagApple, tagCFF:
	default:
		return nil, w.damaged("表目录的版本号不对")
	}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	dir := uint64(off) + 12
	if dir+16*uint64(n) > uint64(len(data)) {
		return nil, w.damaged("表目录超出文件末尾")
	}
	s.index = make(map[string]int, n)
	var total uint64
	for i := range n {
		e := data[dir+16*uint64(i):]
		t := table{
			tag:  string(e[:4]),
			off:  binary.BigEndian.Uint32(e[8:]),
			size: binary.BigEndian.Uint32(e[12:]),
		}
		if uint64(t.off)+uint64(t.size) > uint64(len(data)) {
			return nil, w.damaged(printable(t.tag) + " 表超出文件末尾")
		}
		if _, dup := s.index[t.tag]; dup {
			continue
		}
		total += uint64(t.size)
		s.index[t.tag] = len(s.tables)
		s.tables = append(s.tables, t)
	}
	// A face's tables do not overlap, so they cannot add up to more than the
	// file; a directory that says otherwise would make the extracted copy
	// many times larger than the file.
	if total > uint64(len(data)) {
		return nil, w.damaged("表目录中的长度之和超过文件大小")
	}
	return s, ""
}

// checkTables checks that s is a TrueType face with the tables gopdf needs.
func checkTables(s *sfnt) string {
	w := s.face
	if s.version == tagCFF {
		return w.cff()
	}
	if s.table("glyf") == nil && (s.table("CFF ") != nil || s.table("CFF2") != nil) {
		return w.cff()
	}
	for _, tag := range needed {
		if _, ok := s.index[tag]; !ok {
			return w.cannotEmbed(" " + tag + " 表")
		}
	}
	return ""
}

// parseFace reads the metrics, the character map and the names.
func parseFace(s *sfnt) (*Face, string) {
	w := s.face
	head, hhea, maxp := s.table("head"), s.table("hhea"), s.table("maxp")
	if len(head) < 54 || binary.BigEndian.Uint32(head[12:]) != 0x5F0F3CF5 {
		return nil, w.damaged("head 表不对")
	}
	if len(hhea) < 36 || len(maxp) < 6 {
		return nil, w.damaged("hhea 或 maxp 表太短")
	}
	f := &Face{
		UnitsPerEm: int(binary.BigEndian.Uint16(head[18:])),
		Ascent:     int(int16(binary.BigEndian.Uint16(hhea[4:]))),
		Descent:    int(int16(binary.BigEndian.Uint16(hhea[6:]))),
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	if f.UnitsPerEm < 16 || numGlyphs == 0 {
		return nil, w.damaged("head 或 maxp 表的数值不对")
	}
	if msg := checkGlyphs(s, int16(binary.BigEndian.Uint16(head[50:])), numGlyphs); msg != "" {
		return nil, msg
	}
	var msg string
	if f.advance, msg = readAdvances(s, int(binary.BigEndian.Uint16(hhea[34:])), numGlyphs, f.UnitsPerEm); msg != "" {
		return nil, msg
	}
	if msg = f.cmap.read(s, numGlyphs); msg != "" {
		return nil, msg
	}
	if msg = f.readNames(s); msg != "" {
		return nil, msg
	}
	return f, ""
}

// checkGlyphs checks that loca points inside glyf for every glyph: gopdf
// copies glyphs by these offsets without checking them.
func checkGlyphs(s *sfnt, locaFormat int16, numGlyphs int) string {
	loca, glyf := s.table("loca"), s.table("glyf")
	size := 2
	switch locaFormat {
	case 0:
	case 1:
		size = 4
	default:
		return s.face.damaged("head 表的 indexToLocFormat 不对")
	}
	if len(loca) < (numGlyphs+1)*size {
		return s.face.damaged("loca 表太短")
	}
	for i := 0; i <= numGlyphs; i++ {
		var at uint64
		if size == 2 {
			at = 2 * uint64(binary.BigEndian.Uint16(loca[2*i:]))
		} else {
			at = uint64(binary.BigEndian.Uint32(loca[4*i:]))
		}
		if at > uint64(len(glyf)) {
			return s.face.damaged("loca 表指向 glyf 表之外")
		}
	}
	return ""
}

// readAdvances reads hmtx into advance widths in em per glyph; glyphs past
// the last long metric share its advance.
func readAdvances(s *sfnt, numMetrics, numGlyphs, unitsPerEm int) ([]float64, string) {
	hmtx := s.table("hmtx")
	if numMetrics == 0 {
		return nil, s.face.damaged("hhea 表的 numberOfHMetrics 为 0")
	}
	numMetrics = min(numMetrics, numGlyphs)
	if len(hmtx) < 4*numMetrics {
		return nil, s.face.damaged("hmtx 表太短")
	}
	adv := make([]float64, numGlyphs)
	em := float64(unitsPerEm)
	for g := range adv {
		if g < numMetrics {
			adv[g] = float64(binary.BigEndian.Uint16(hmtx[4*g:])) / em
		} else {
			adv[g] = adv[numMetrics-1]
		}
	}
	return adv, ""
}

// printable shows a table tag in a message without control characters.
func printable(tag string) string {
	b := []byte(tag)
	for i, c := range b {
		if c < 0x20 || c > 0x7E {
			b[i] = '?'
		}
	}
	return string(b)
}
