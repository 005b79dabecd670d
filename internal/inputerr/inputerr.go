// Package inputerr is taizhang's one error contract: an error that is a
// problem in the user's input (a file, a cell, a line of the configuration,
// a path) says so by implementing Problem, and carries a Chinese message
// that names the file and the place. Commands turn every Problem into exit
// status 1 and everything else into exit 3, without knowing the packages'
// own error types. Error is the plain form for packages that need no type
// of their own.
package inputerr

import "errors"

// Problem is implemented by every error that is the user's to fix.
type Problem interface {
	error
	// InputProblem marks the type; it does nothing.
	InputProblem()
}

// Is reports whether err, or any error it wraps, is a Problem.
func Is(err error) bool {
	var p Problem
	return errors.As(err, &p)
}

// Error is a problem in the user's input: File and Place (a sheet and cell,
// a line, a clause; either may be empty) and a Chinese Msg that says what
// is wrong and what to do.
type Error struct {
	File  string
	Place string
	Msg   string
}

// New returns an *Error.
func New(file, place, msg string) *Error { return &Error{File: file, Place: place, Msg: msg} }

// OfFile is a problem with a whole file (no place within it).
func OfFile(file, msg string) *Error { return New(file, "", msg) }

func (e *Error) Error() string {
	s := e.Msg
	if e.Place != "" {
		s = e.Place + "：" + s
	}
	if e.File != "" {
		s = e.File + "：" + s
	}
	return s
}

// InputProblem marks Error as a Problem.
func (*Error) InputProblem() {}

// Usage is a wrong command line: a flag's value that cannot be, a missing
// argument. It is not a Problem: commands give it its own exit status and
// point to the help. Core packages that decide from flags return it so that
// the command keeps only the flags.
type Usage struct{ Msg string }

func (e *Usage) Error() string { return e.Msg }
