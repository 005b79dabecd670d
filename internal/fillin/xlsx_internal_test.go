package fillin

import (
	"testing"
)

func TestUnescapeX(t *testing.T) {
	for in, want := range map[string]string{"a_x000D_b": "a\rb", "_x0041__x": "A_x", "plain": "plain", "_xZZZZ_": "_xZZZZ_"} {
		if got := unescapeX(in); got != want {
			t.Errorf("unescapeX(%q) = %q; want %q", in, got, want)
		}
	}
}
