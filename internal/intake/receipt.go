package intake

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// A return received by taizhang serve is named after its unit and its
// receipt time in Beijing time, with a counter when two arrive in one
// second: 市科技局_收到20250105-153012.xlsx, 市科技局_收到20250105-153012-2.xlsx.
// Merge takes the receipt time from the name (Receipt), so the newest
// upload counts even after the files were copied and lost their times.
const receiptStamp = "20060102-150405"

var receiptRe = regexp.MustCompile(`_收到(\d{8}-\d{6})(?:-(\d+))?\.[A-Za-z]+$`)

// ReceiptName is the name of unit's return received at t (n > 1 for the
// n-th in that second), with extension ext (.xlsx).
func ReceiptName(unit string, t time.Time, n int, ext string) string {
	stamp := t.In(period.Beijing).Format(receiptStamp)
	if n > 1 {
		stamp += "-" + strconv.Itoa(n)
	}
	return fmt.Sprintf("%s_收到%s%s", fillin.UnitInFileName(unit), stamp, ext)
}

// Receipt is the receipt time in a name ReceiptName made, the counter
// added as nanoseconds so that returns of one second keep their order;
// false for any other name.
func Receipt(path string) (time.Time, bool) {
	m := receiptRe.FindStringSubmatch(filepath.Base(path))
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(receiptStamp, m[1], period.Beijing)
	if err != nil {
		return time.Time{}, false
	}
	if n, err := strconv.Atoi(m[2]); err == nil {
		t = t.Add(time.Duration(n))
	}
	return t, true
}
