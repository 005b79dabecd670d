package samplefix

import (
	"reflect"
	"slices"
	"testing"
)

func TestSynthetic(t *testing.T) {
	for _, c := range []struct{ units, per int }{{1, 1}, {7, 3}, {12, 4}, {60, 10}} {
		s := Synthetic(c.units, c.per)
		if !reflect.DeepEqual(s, Synthetic(c.units, c.per)) {
			t.Errorf("Synthetic(%d, %d) is not deterministic", c.units, c.per)
		}
		if got := len(s.Units()); got != c.units {
			t.Errorf("Synthetic(%d, %d): %d units", c.units, c.per, got)
		}
		if len(s.Documents) < 1 || len(s.Documents) > 5 {
			t.Errorf("Synthetic(%d, %d): %d documents", c.units, c.per, len(s.Documents))
		}
		leads := map[string]int{}
		ids := map[string]bool{}
		n, targets := 0, 0
		for _, d := range s.Documents {
			for _, tk := range d.Tasks {
				if ids[tk.ID] {
					t.Errorf("task ID %s twice", tk.ID)
				}
				ids[tk.ID] = true
				if !tk.Reportable() {
					continue
				}
				n++
				if len(tk.Lead) != 1 || len(tk.Co) > 2 || slices.Contains(tk.Co, tk.Lead[0]) || tk.Deadline == nil {
					t.Errorf("task %+v", tk)
				}
				leads[tk.Lead[0]]++
				targets += len(tk.Targets)
			}
		}
		if n != c.units*c.per {
			t.Errorf("Synthetic(%d, %d): %d tasks", c.units, c.per, n)
		}
		for u, k := range leads {
			if k != c.per {
				t.Errorf("Synthetic(%d, %d): %s leads %d tasks", c.units, c.per, u, k)
			}
		}
		if n >= 40 && (targets < n/8 || targets > n/2) {
			t.Errorf("Synthetic(%d, %d): %d targets in %d tasks", c.units, c.per, targets, n)
		}
	}
	if s := Synthetic(0, 3); len(s.Documents) != 0 {
		t.Errorf("Synthetic(0, 3) = %+v", s)
	}
	if reflect.DeepEqual(Synthetic(7, 3), Synthetic(7, 4)) {
		t.Error("different sizes, same set")
	}
}
