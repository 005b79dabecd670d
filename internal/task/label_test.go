package task

import "testing"

func TestLabel(t *testing.T) {
	for _, c := range []struct {
		path []string
		want string
	}{
		{[]string{"二", "(三)", "4"}, "二(三)4"},
		{[]string{"1", "1"}, "1.1"},
		{[]string{"11"}, "11"},
		{[]string{"附件2", "3"}, "附件2.3"},
		{[]string{"一", "1", "(2)"}, "一1(2)"},
	} {
		if got := (&Task{Path: c.path}).Label(); got != c.want {
			t.Errorf("Label(%q) = %q; want %q", c.path, got, c.want)
		}
	}
}
