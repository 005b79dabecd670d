package history

import (
	"strconv"

	"github.com/taizhang-dev/taizhang/internal/testkit/ledgerkit"
)

// The hand-made rows and ledgers of the tests are ledgerkit's.
var (
	pct   = ledgerkit.Pct
	row   = ledgerkit.Row
	sheet = ledgerkit.Ledger
)

func fmtInt(n int) string       { return strconv.Itoa(n) }
func fmtScore(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
