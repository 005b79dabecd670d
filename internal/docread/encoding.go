package docread

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Offices never know the encoding of a file and cannot be asked, so it is
// detected: byte-order marks first, then NUL-byte patterns for UTF-16
// without a mark (Notepad's "Unicode"), then UTF-8 validity, and GB18030 for
// everything else, since GBK and GB2312 files (the Chinese Windows default)
// are its subsets.

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// decodeText returns data as valid UTF-8. declared is a charset named by
// the file itself (an HTML meta tag), used only when the bytes do not
// settle the question.
func decodeText(data []byte, declared string) string {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return strings.ToValidUTF8(string(data[len(bomUTF8):]), "\uFFFD")
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data[2:], true)
	}
	if bigEndian, ok := utf16Order(data); ok {
		return decodeUTF16(data, bigEndian)
	}
	if mostlyUTF8(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	if enc := declaredEncoding(declared); enc != nil {
		if s, err := enc.NewDecoder().Bytes(data); err == nil {
			return strings.ToValidUTF8(string(s), "\uFFFD")
		}
	}
	return decodeGB18030(data)
}

// declaredEncoding maps a charset label to a decoder. GB2312 and GBK are
// widened to GB18030: pages labelled GB2312 routinely use GBK characters.
func declaredEncoding(label string) encoding.Encoding {
	label = strings.ToLower(strings.TrimSpace(label))
	switch label {
	case "", "utf-8", "utf8":
		return nil
	case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936":
		return simplifiedchinese.GB18030
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil
	}
	return enc
}

func decodeGB18030(data []byte) string {
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return strings.ToValidUTF8(string(s), "\uFFFD")
}

// mostlyUTF8 accepts valid UTF-8, and also UTF-8 with a few damaged bytes
// (a file cut in the middle of a character): GBK text almost never forms
// valid multi-byte UTF-8 sequences, so a high ratio of them is decisive.
func mostlyUTF8(data []byte) bool {
	if utf8.Valid(data) {
		return true
	}
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return invalid*100 < valid
}

func hasBOM16(data []byte) bool {
	return bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE)
}

func looksUTF16(data []byte) bool {
	_, ok := utf16Order(data)
	return ok
}

// utf16Order detects UTF-16 without a byte-order mark (Notepad's
// "Unicode"). Such text has zero bytes (newlines, digits and ASCII are
// 0x00nn), and decoded in the right byte order it is almost all Chinese,
// ASCII and punctuation, while in the wrong order or as binary it is not.
// When both orders read plausibly (ASCII text), the half holding the zero
// bytes decides.
func utf16Order(data []byte) (bigEndian, ok bool) {
	h := head(data, 8192)
	h = h[:len(h)&^1]
	if len(h) < 4 {
		return false, false
	}
	evenZeros, oddZeros := 0, 0
	for i := 0; i < len(h); i += 2 {
		if h[i] == 0 {
			evenZeros++
		}
		if h[i+1] == 0 {
			oddZeros++
		}
	}
	if zeros := evenZeros + oddZeros; zeros < 2 || zeros*100 < len(h)/2 {
		return false, false
	}
	le, be := plausibleUTF16(h, false), plausibleUTF16(h, true)
	bigEndian = be > le+0.05 || be >= le-0.05 && evenZeros > oddZeros
	best := le
	if bigEndian {
		best = be
	}
	return bigEndian, best >= 0.9
}

// plausibleUTF16 is the share of characters that a Chinese document is
// made of when b is decoded as UTF-16 in the given order.
func plausibleUTF16(b []byte, bigEndian bool) float64 {
	total, good := 0, 0
	for _, r := range decodeUTF16(b, bigEndian) {
		total++
		if plausibleRune(r) {
			good++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(good) / float64(total)
}

func plausibleRune(r rune) bool {
	switch {
	case r == '\n' || r == '\r' || r == '\t' || r >= 0x20 && r < 0x7f:
		return true
	case r >= 0xa0 && r < 0x100, r >= 0x2000 && r < 0x2070, r >= 0x2150 && r < 0x2190, r >= 0x2460 && r < 0x2700:
		return true // Latin-1 signs, general punctuation, numerals, ① ★ △
	case r >= 0x3000 && r < 0x3040, r >= 0x3400 && r < 0xa000, r >= 0xfe30 && r < 0xfe50, r >= 0xff00 && r < 0xfff0:
		return true // CJK punctuation and ideographs, full-width forms
	}
	return false
}

func decodeUTF16(data []byte, bigEndian bool) string {
	units := make([]uint16, len(data)/2)
	for i := range units {
		a, b := uint16(data[2*i]), uint16(data[2*i+1])
		if bigEndian {
			units[i] = a<<8 | b
		} else {
			units[i] = b<<8 | a
		}
	}
	if len(units) > 0 && units[0] == 0xfeff {
		units = units[1:]
	}
	return string(utf16.Decode(units))
}

// manyNULs reports bytes that are not text in any 8-bit encoding: a text
// file may carry a stray NUL, a binary file has them everywhere.
func manyNULs(data []byte) bool {
	h := head(data, 8192)
	return bytes.Count(h, []byte{0})*20 > len(h)
}

// looksBinary reports text that decoded without error but is really a
// binary file: many control characters, or many replacement characters.
func looksBinary(text string) bool {
	total, bad := 0, 0
	for i, r := range text {
		if i >= 8192 {
			break
		}
		total++
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f':
		case r == utf8.RuneError || unicode.IsControl(r):
			bad++
		}
	}
	return total > 0 && bad*10 > total
}
