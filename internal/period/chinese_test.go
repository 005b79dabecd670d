package period

import (
	"testing"
	"time"
)

func TestChineseDate(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC), "2025年1月5日"},
		{time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), "2025年12月31日"},
		// 20:00 UTC is the next morning in Beijing.
		{time.Date(2025, 1, 6, 20, 0, 0, 0, time.UTC), "2025年1月7日"},
	}
	for _, tt := range tests {
		if got := ChineseDate(tt.in); got != tt.want {
			t.Errorf("ChineseDate(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestChineseDayAndTime(t *testing.T) {
	tests := []struct {
		f        func(string) string
		in, want string
	}{
		{ChineseDay, "2025-01-06", "2025年1月6日"},
		{ChineseDay, "待定", "待定"},
		{ChineseDay, "", ""},
		{ChineseTime, "2025-01-06T07:30:00Z", "2025年1月6日 15:30"},
		{ChineseTime, "2025-01-06T15:30:00+08:00", "2025年1月6日 15:30"},
		{ChineseTime, "昨天", "昨天"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%q: got %q; want %q", tt.in, got, tt.want)
		}
	}
}
