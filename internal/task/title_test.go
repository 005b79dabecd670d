package task

import "testing"

func TestShortTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"关于印发《2025年重点工作任务分解方案》的通知", "2025年重点工作任务分解方案"},
		{"《方案》", "方案"},
		{"重点工作方案", "重点工作方案"},
		{"《未闭合", "《未闭合"},
		{"》《甲》《乙》", "甲"},
		{"《》", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ShortTitle(tt.in); got != tt.want {
			t.Errorf("ShortTitle(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
