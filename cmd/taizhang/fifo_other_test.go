//go:build !unix

package main

import "testing"

func fifoSkip() string { return "named pipes cannot be made in a folder on this system" }

func makeFIFO(t *testing.T, path string) { t.Helper(); t.Skip(fifoSkip()) }
