package typeface

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode/utf16"
)

// Name IDs of the name table.
const (
	nameFamily     = 1
	nameSubfamily  = 2
	nameFull       = 4
	namePostScript = 6
	nameTypoFamily = 16
)

const (
	langChinese = 0x0804 // Windows language ID of 简体中文 (PRC)
	langEnglish = 0x0409
)

// nameRecord is a decoded string of the name table.
type nameRecord struct {
	id, lang uint16
	windows  bool
	text     string
}

// readNames sets f.Name. It prefers the Chinese family name (宋体 rather than
// SimSun: the messages are in Chinese) and adds the style when it is not the
// regular one, so that the bold face reads "TZ Serif SC Bold".
func (f *Face) readNames(s *sfnt) string {
	recs := nameRecords(s.table("name"))
	if !slices.ContainsFunc(recs, func(r nameRecord) bool { return r.id == namePostScript }) {
		// gopdf names the embedded font by its PostScript name.
		return s.face.cannotEmbed(" PostScript 名称（name 表 6 号记录）")
	}
	family, lang := pickName(recs, nameFamily, 0xFFFF)
	if family == "" {
		family, lang = pickName(recs, nameTypoFamily, 0xFFFF)
	}
	if family == "" {
		family, _ = pickName(recs, namePostScript, 0xFFFF)
	}
	style, _ := pickName(recs, nameSubfamily, lang)
	if !isRegular(style) {
		family += " " + style
	}
	f.Name = family
	return ""
}

// pickName is the text of name id in language lang if there is one, else in
// Chinese, else in English, else the first.
func pickName(recs []nameRecord, id, lang uint16) (string, uint16) {
	var found *nameRecord
	rank := 9
	for i, r := range recs {
		if r.id != id || r.text == "" {
			continue
		}
		k := 3
		switch {
		case r.windows && r.lang == lang:
			k = 0
		case r.windows && r.lang == langChinese:
			k = 1
		case r.windows && r.lang == langEnglish:
			k = 2
		}
		if k < rank {
			found, rank = &recs[i], k
		}
	}
	if found == nil {
		return "", 0
	}
	return found.text, found.lang
}

func isRegular(style string) bool {
	switch strings.ToLower(style) {
	case "", "regular", "normal", "book", "roman", "standard", "常规", "标准", "正常":
		return true
	}
	return false
}

// nameRecords decodes the Unicode (platform 0), Windows Unicode (3,0/1/10)
// and ASCII Macintosh Roman records; the others (GBK and Big5 encoded
// Windows and Macintosh records of old Chinese fonts) are left out.
func nameRecords(t []byte) []nameRecord {
	if len(t) < 6 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(t[2:]))
	strs := int(binary.BigEndian.Uint16(t[4:]))
	var recs []nameRecord
	for i := range n {
		at := 6 + 12*i
		if at+12 > len(t) {
			break
		}
		e := t[at:]
		platform, encoding := binary.BigEndian.Uint16(e), binary.BigEndian.Uint16(e[2:])
		r := nameRecord{lang: binary.BigEndian.Uint16(e[4:]), id: binary.BigEndian.Uint16(e[6:])}
		switch r.id {
		case nameFamily, nameSubfamily, nameFull, namePostScript, nameTypoFamily:
		default:
			continue
		}
		size, off := int(binary.BigEndian.Uint16(e[8:])), strs+int(binary.BigEndian.Uint16(e[10:]))
		if off+size > len(t) {
			continue
		}
		b := t[off : off+size]
		switch {
		case platform == 0, platform == 3 && (encoding == 0 || encoding == 1 || encoding == 10):
			r.text, r.windows = decodeUTF16(b), platform == 3
		case platform == 1 && encoding == 0 && isASCII(b):
			r.text = string(b)
		default:
			continue
		}
		if r.text = strings.TrimSpace(r.text); r.text != "" {
			recs = append(recs, r)
		}
	}
	return recs
}

func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F {
			return -1
		}
		return r
	}, string(utf16.Decode(u)))
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c > 0x7E {
			return false
		}
	}
	return true
}
