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

// utf16Order detects UTF-16 without a byte-order mark. Chinese characters
// have no zero byte in UTF-16, but digits, newlines and ASCII punctuation
// do, always in the same half of the code unit; binary files have zeros in
// both halves.
func utf16Order(data []byte) (bigEndian, ok bool) {
	n := len(head(data, 8192)) &^ 1
	if n < 4 {
		return false, false
	}
	evenZeros, oddZeros := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenZeros++
		}
		if data[i+1] == 0 {
			oddZeros++
		}
	}
	units := n / 2
	switch {
	case oddZeros*20 >= units && evenZeros*10 <= oddZeros:
		return false, true
	case evenZeros*20 >= units && oddZeros*10 <= evenZeros:
		return true, true
	}
	return false, false
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
