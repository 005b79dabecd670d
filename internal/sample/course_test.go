package sample

import (
	"slices"
	"testing"
)

func TestTrend(t *testing.T) {
	for _, u := range []string{"市科技局", "市发改委", "市数据局"} {
		tr := Trend(u, 2024)
		if tr != Trend(u, 2024) || !slices.Contains([]string{Steady, Improving, Slipping}, tr) {
			t.Errorf("Trend(%q, 2024) = %q", u, tr)
		}
	}
}

func TestWindow(t *testing.T) {
	for _, c := range []struct {
		deadline string
		want     int
	}{
		{"2024年底前", 12}, {"2024年6月底前", 6}, {"2024年9月底前", 9}, {"2025年底前", 24}, {"到2027年", 48},
		{"到2018年底", 12}, {"持续推进", 12}, {"年底前", 12}, {"6月底前", 6}, {"2024年12月31日", 12}, {"", 12},
	} {
		if got := window(c.deadline, 2024); got != c.want {
			t.Errorf("window(%q, 2024) = %d; want %d", c.deadline, got, c.want)
		}
	}
}

func TestPast(t *testing.T) {
	for deadline, want := range map[string]bool{
		"到2020年": true, "2023年底前": true, "2023年至2025年": false, "2024年6月底前": false, "持续推进": false, "": false,
	} {
		if got := past(deadline, 2024); got != want {
			t.Errorf("past(%q, 2024) = %v; want %v", deadline, got, want)
		}
	}
}
