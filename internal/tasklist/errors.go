package tasklist

import (
	"strings"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

// InputError is a problem in the user's workbook, naming file, sheet and
// cell; the type is shared by every workbook reader.
type InputError = cells.InputError

// InputErrors is every problem found in one workbook, in sheet and row
// order. Its message has one problem per line.
type InputErrors []*InputError

func (es InputErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find the individual problems.
func (es InputErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// InputProblem marks InputErrors as a problem in the user's input (see inputerr).
func (InputErrors) InputProblem() {}

var _ inputerr.Problem = InputErrors(nil)
