package form

import (
	"testing"
	"unicode/utf8"
)

// Excel silently drops prompts and error messages over its limits.
func TestValidationTextLimits(t *testing.T) {
	for _, s := range []struct {
		text string
		max  int
	}{
		{promptDateTitle, 32}, {errDateTitle, 32}, {promptPercentTitle, 32}, {errPercentTitle, 32},
		{promptStatusTitle, 32}, {errStatusTitle, 32},
		{promptDate, 255}, {errDate, 255}, {promptPercent, 255}, {errPercent, 255}, {promptStatus(), 255}, {errStatus, 255},
	} {
		if n := utf8.RuneCountInString(s.text); n > s.max {
			t.Errorf("%q has %d characters; Excel allows %d", s.text, n, s.max)
		}
	}
}
