package workspace

import (
	"testing"
	"time"
)

func TestParseDay(t *testing.T) {
	want := time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2025-01-05", "2025-1-5", "2025/1/5", "2025年1月5日", "20250105"} {
		if got, err := ParseDay(s); err != nil || !got.Equal(want) {
			t.Errorf("ParseDay(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if _, err := ParseDay("1月5日"); err == nil {
		t.Error("ParseDay(1月5日) took a date without a year")
	}
}

func TestRoundOutsideWorkspace(t *testing.T) {
	p, due, err := Round(nil, "2024-Q4", "2025-01-05", time.Now())
	if err != nil || p.Key() != "2024-Q4" || due.Format("2006-01-02") != "2025-01-05" {
		t.Errorf("Round = %v, %v, %v", p, due, err)
	}
	if _, _, err := Round(nil, "", "", time.Now()); err == nil {
		t.Error("Round without a period outside a workspace: no error")
	}
	if _, _, err := Round(nil, "2024-Q4", "明天", time.Now()); err == nil {
		t.Error("Round with a bad due date: no error")
	}
}
