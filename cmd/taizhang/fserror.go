package main

import (
	"errors"
	"io/fs"

	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// fsProblem returns the path and the Chinese reason of a file-system failure
// the user can act on (see outfile.Reason), wherever in a command it
// happened; ok is false for anything else.
func fsProblem(err error) (path, reason string, ok bool) {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return "", "", false
	}
	reason, ok = outfile.Reason(pe.Err)
	return pe.Path, reason, ok
}
