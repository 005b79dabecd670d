package docread

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// shiftOneByte garbles a GBK line the way a page cut one byte into it is
// read: its bytes paired again one byte later.
func shiftOneByte(t *testing.T, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b[1:])
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestRealignShifted(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		// Every shifted pair a character: garbled up to the ASCII.
		// Every shifted pair a character up to the last, which a decoder
		// reads as U+FFFD: 发 is lost.
		{"?" + shiftOneByte(t, "\u3000（一）跨越式发") + "2007", "（一）跨越式2007"},
		// A pair that is none resynchronises the decoder; the character
		// it split (织) is lost.
		// as a browser's decoder leaves it.
		{"。ㄒ唬┘忧孔橹\uFFFD领导", "（一）加强组领导"},
		// The pair the second byte of 二 / 三 makes with the first of ）
		// is a user-defined code the page dropped: it is put back.
		{"?。ǘ┘涌旄母" + "2024", "（二）加快改2024"},
		{"。ㄈ┘涌旄母" + "2024", "（三）加快改2024"},
		// Both shifted pairs of 六 are such codes: the numeral is gone.
		{"?。┘涌旄母" + "2024", "（六）加快改2024"},
		// Text that only starts with a stop is left alone.
		{"。以上各项均需落实", "。以上各项均需落实"},
		{"?。ㄒ", "?。ㄒ"},
	} {
		if got := realignShifted(c.line); got != c.want {
			t.Errorf("realignShifted(%q) = %q; want %q", c.line, got, c.want)
		}
	}
}

// TestTextLinesRealignShifted: the reader repairs such a line in plain text.
func TestTextLinesRealignShifted(t *testing.T) {
	lines := textLines("一、目标\n?" + shiftOneByte(t, "\u3000（一）跨越式发") + "2007\n1.增长8%")
	if got := lines[1].text; got != "（一）跨越式2007" {
		t.Errorf("line 2 = %q; want （一）跨越式2007", got)
	}
}
