package intake

import (
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
)

func TestReceiptName(t *testing.T) {
	at := time.Date(2025, 1, 5, 7, 30, 12, 0, time.UTC) // 15:30:12 in Beijing
	first, second := ReceiptName("市科技局", at, 1, ".xlsx"), ReceiptName("a/b:c", at, 2, ".xls")
	if first != "市科技局_收到20250105-153012.xlsx" || second != fillin.UnitInFileName("a/b:c")+"_收到20250105-153012-2.xls" {
		t.Errorf("ReceiptName = %q, %q", first, second)
	}
	// A unit's name as long as a clause: the file's name stays inside the
	// 255 bytes a file system allows.
	if long := ReceiptName(strings.Repeat("市发展和改革委员会", 20), at, 12, ".xlsx"); len(long) > 200 {
		t.Errorf("ReceiptName of a long unit is %d bytes: %s", len(long), long)
	}
	t1, ok1 := Receipt("报送/" + first)
	t2, ok2 := Receipt(second)
	if !ok1 || !ok2 || !t1.Equal(at) || !t2.After(t1) || t2.Sub(t1) >= time.Second {
		t.Errorf("Receipt = %v %v, %v %v; want %v and just after", t1, ok1, t2, ok2, at.In(period.Beijing))
	}
	if _, ok := Receipt("2024年第四季度_市科技局_填报表.xlsx"); ok {
		t.Error("a name by hand read as a receipt")
	}
}
