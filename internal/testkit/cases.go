package testkit

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// Cases is a table test of a function of one argument: it calls f with
// each input of cases, in order, and reports under name every result
// that is not the one the table wants. Slices compare element by element,
// nil and empty alike.
func Cases[In cmp.Ordered, Out any](t testing.TB, name string, f func(In) Out, cases map[In]Out) {
	t.Helper()
	ins := make([]In, 0, len(cases))
	for in := range cases {
		ins = append(ins, in)
	}
	slices.Sort(ins)
	for _, in := range ins {
		if got, want := f(in), cases[in]; !Equal(got, want) {
			t.Errorf("%s(%s) = %s; want %s", name, show(in), show(got), show(want))
		}
	}
}

// Equal is reflect.DeepEqual, except that a nil and an empty slice are
// equal, as slices.Equal has them.
func Equal(a, b any) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Kind() == reflect.Slice && vb.Kind() == reflect.Slice && va.Len() == 0 && vb.Len() == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// show writes strings and lists of strings quoted, anything else as %v.
func show(v any) string {
	switch v.(type) {
	case string, []string:
		return fmt.Sprintf("%q", v)
	}
	return fmt.Sprintf("%v", v)
}
