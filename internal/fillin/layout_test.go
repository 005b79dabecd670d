package fillin

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func TestDeterministic(t *testing.T) {
	dir := t.TempDir()
	var dumps []string
	for i := range 2 {
		path := testkit.SaveFile(t, dir, "w"+string(rune('0'+i))+".xlsx", writeUnit(t, testSet(), "市科技局"))
		dumps = append(dumps, dump(t, path))
	}
	if dumps[0] != dumps[1] {
		t.Errorf("two writes with the same options differ:\n%s\n----\n%s", dumps[0], dumps[1])
	}
	if !strings.Contains(dumps[0], "created=2026-03-01T09:30:00Z modified=2026-03-01T09:30:00Z") {
		t.Errorf("workbook times are not the pinned time")
	}
}

func TestGolden(t *testing.T) {
	path := testkit.SaveFile(t, t.TempDir(), "small.xlsx", writeUnit(t, testSet(), "市科技局"))
	got := dump(t, path)
	golden := filepath.Join("testdata", "small.golden")
	testkit.Golden(t, golden, got)
}

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
