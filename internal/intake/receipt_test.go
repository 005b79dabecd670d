package intake

import (
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
)

func TestReceiptName(t *testing.T) {
	at := time.Date(2025, 1, 5, 7, 30, 12, 0, time.UTC) // 15:30:12 in Beijing
	first, second := ReceiptName("市科技局", at, 1, ".xlsx"), ReceiptName("a/b:c", at, 2, ".xls")
	if first != "市科技局_收到20250105-153012.xlsx" || second != "a_b_c_收到20250105-153012-2.xls" {
		t.Errorf("ReceiptName = %q, %q", first, second)
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
