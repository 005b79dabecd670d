package task

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func TestShortTitle(t *testing.T) {
	testkit.Cases(t, "ShortTitle", ShortTitle, map[string]string{
		"关于印发《2025年重点工作任务分解方案》的通知": "2025年重点工作任务分解方案",
		"《方案》":    "方案",
		"重点工作方案":  "重点工作方案",
		"《未闭合":    "《未闭合",
		"》《甲》《乙》": "甲",
		"《》":      "",
		"":        "",
	})
}
