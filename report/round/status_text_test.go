package round

import (
	"strings"
	"testing"
)

// A round without a due date says so, and counts no days to it.
func TestStatusTextWithoutDue(t *testing.T) {
	var b strings.Builder
	(&Status{PeriodLabel: "2024年第四季度", Today: "2025-01-04"}).WriteText(&b)
	if !strings.Contains(b.String(), "报送截止：未设定\n") || strings.Contains(b.String(), "今天截止") {
		t.Errorf("WriteText without a due date:\n%s", b.String())
	}
}
