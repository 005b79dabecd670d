//go:build unix

package main

import (
	"syscall"
	"testing"
)

func fifoSkip() string { return "" }

func makeFIFO(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}
