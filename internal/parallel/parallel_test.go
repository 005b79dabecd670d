package parallel

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

func TestEach(t *testing.T) {
	var ran atomic.Int64
	seen := make([]int, 100)
	err := Each(100, func(i int) error {
		ran.Add(1)
		seen[i]++
		if i == 70 || i == 30 {
			return fmt.Errorf("job %d", i)
		}
		return nil
	})
	if err == nil || err.Error() != "job 30" {
		t.Errorf("error %v; want the first in index order, job 30", err)
	}
	if ran.Load() != 100 {
		t.Errorf("%d jobs ran; want all 100", ran.Load())
	}
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("job %d ran %d times", i, n)
		}
	}
	if err := Each(0, func(int) error { return errors.New("never") }); err != nil {
		t.Errorf("no jobs: %v", err)
	}
}
