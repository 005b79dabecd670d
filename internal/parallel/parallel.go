// Package parallel runs independent jobs on all cores.
package parallel

import (
	"runtime"
	"sync"
)

// Each runs fn for 0..n-1 on GOMAXPROCS goroutines and returns the first
// error in index order, so that the same failure is reported whichever job
// ends first. Every job runs, even after one has failed.
func Each(n int, fn func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				errs[i] = fn(i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
