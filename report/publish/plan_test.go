package publish

import (
	"errors"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

func TestFontSetFlags(t *testing.T) {
	cfg := &config.Config{}
	if set, err := FontSet(cfg, nil); err != nil || set == nil {
		t.Fatalf("FontSet(no choices) = %v, %v; want the bundled fonts", set, err)
	}
	var u *inputerr.Usage
	for _, flag := range []string{"serif=x.ttf", "body"} {
		if _, err := FontSet(cfg, []string{flag}); !errors.As(err, &u) {
			t.Errorf("FontSet(--font %s) = %v; want a usage error", flag, err)
		}
	}
	if _, err := FontSet(cfg, []string{"body=/nonexistent/x.ttf"}); !inputerr.Is(err) {
		t.Errorf("FontSet(a missing font file) = %v; want an input problem", err)
	}
}
