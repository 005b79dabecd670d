package inputerr

import (
	"errors"
	"fmt"
	"testing"
)

func TestIs(t *testing.T) {
	e := New("总台账.xlsx", "总台账!J4", "完成状态不在列表中")
	if got := e.Error(); got != "总台账.xlsx：总台账!J4：完成状态不在列表中" {
		t.Errorf("Error() = %q", got)
	}
	if got := New("", "", "缺少文件").Error(); got != "缺少文件" {
		t.Errorf("Error() without file and place = %q", got)
	}
	if !Is(fmt.Errorf("merge: %w", e)) {
		t.Error("a wrapped Error is not a Problem")
	}
	if Is(errors.New("json: unsupported value")) || Is(nil) {
		t.Error("an internal error taken for the user's")
	}
}
