package ledgerbook

import (
	"github.com/taizhang-dev/taizhang/internal/cells"
)

// InputError is a problem in the user's workbook, naming file, sheet and
// cell; the type is shared by every workbook reader.
type InputError = cells.InputError
