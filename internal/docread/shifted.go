package docread

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A page stored in GBK and cut one byte into a double-byte character (the
// ideographic space that indents a heading, A1 A1) is read with every later
// pair of bytes shifted by one: "　（一）跨越式" comes out as "?。ㄒ唬┛缭绞"
// (the lost byte a '?', or nothing). Pairing the bytes again gives the
// heading back. The garbled run ends where a decoder falls into step again:
// at an ASCII character, or at a pair that was no character (U+FFFD), which
// took the second byte of the character before it with it — that one
// character is lost.

// shiftedMarkerRe is what a realigned run must start with to be believed:
// the bracketed number of a heading.
var shiftedMarkerRe = regexp.MustCompile(`^（[一二三四五六七八九十]{1,3}）`)

// realignShifted repairs a line that starts with such a shifted run; any
// other line is returned as it is.
func realignShifted(s string) string {
	run := strings.TrimPrefix(s, "?")
	if !strings.HasPrefix(run, "。") {
		return s
	}
	end := strings.IndexFunc(run, func(r rune) bool { return r < 0x80 || r == utf8.RuneError })
	if end < 0 {
		end = len(run)
	}
	enc, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(run[:end]))
	if err != nil {
		return s
	}
	b := restoreLostNumeral(append([]byte{0xA1}, enc...))
	b = b[:len(b)-len(b)%2] // half of a character: its other half is lost
	dec, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		return s
	}
	fixed := strings.TrimLeft(string(dec), "\u3000 ")
	if !shiftedMarkerRe.MatchString(fixed) {
		return s
	}
	return fixed + strings.TrimPrefix(run[end:], "\uFFFD")
}

// lostNumeralEnd maps the first byte of 二, 三 and 六 to their second: the
// shifted pair that byte makes with the first byte of ） (FE A3, FD A3,
// F9 A3) is a user-defined code that pages drop, so 二） comes out as its
// first byte followed by the last byte of ）.
var lostNumeralEnd = map[byte]byte{0xB6: 0xFE, 0xC8: 0xFD, 0xC1: 0xF9}

// restoreLostNumeral puts back the pair a realigned heading lost between
// its numeral's first byte and the end of its ）: A1 A1 A3 A8 B6 A9 … is
// 　（二）…. Of 六 (C1 F9) both shifted pairs are such codes (A8 C1 and
// F9 A3): its whole numeral is gone, and 。 runs straight into the last
// byte of ）: A1 A1 A3 A9 … is 　（六）….
func restoreLostNumeral(b []byte) []byte {
	if len(b) >= 4 && b[0] == 0xA1 && b[1] == 0xA1 && b[2] == 0xA3 && b[3] == 0xA9 {
		out := append([]byte{}, b[:3]...)
		out = append(out, 0xA8, 0xC1, 0xF9, 0xA3)
		return append(out, b[3:]...)
	}
	if len(b) < 6 || b[0] != 0xA1 || b[1] != 0xA1 || b[2] != 0xA3 || b[3] != 0xA8 || b[5] != 0xA9 {
		return b
	}
	second, ok := lostNumeralEnd[b[4]]
	if !ok {
		return b
	}
	out := append([]byte{}, b[:5]...)
	out = append(out, second, 0xA3)
	return append(out, b[5:]...)
}
