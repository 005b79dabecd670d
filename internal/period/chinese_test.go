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
		{ChineseSeconds, "2025-01-06T07:30:05Z", "2025年1月6日 15:30:05"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%q: got %q; want %q", tt.in, got, tt.want)
		}
	}
}

// Days to a due date count on Beijing's calendar: 20:00 UTC on 4 January
// is already the due day, 5 January, in Beijing; so is 23:00 on 4 January
// on a machine in New York (UTC-5), whose own calendar said 1 day left.
func TestDaysUntilInBeijing(t *testing.T) {
	due := time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
	ny := time.FixedZone("EST", -5*3600)
	for _, c := range []struct {
		now  time.Time
		want int
	}{
		{time.Date(2025, 1, 4, 15, 0, 0, 0, time.UTC), 1},
		{time.Date(2025, 1, 4, 20, 0, 0, 0, time.UTC), 0},
		{time.Date(2025, 1, 4, 23, 0, 0, 0, ny), 0},
	} {
		if got := DaysUntil(due, c.now); got != c.want {
			t.Errorf("DaysUntil(%s, %v) = %d; want %d", due.Format(time.DateOnly), c.now, got, c.want)
		}
	}
}
