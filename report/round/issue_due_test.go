package round

import (
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
)

// TestTemplatesDueText: a current period whose due date has passed is
// said to be overdue, with the next period to issue when it is in the
// same year; a period the office chose with --period is left alone.
func TestTemplatesDueText(t *testing.T) {
	q3, _ := period.Parse("2026-Q3")
	q4, _ := period.Parse("2026-Q4")
	at := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d.Add(2 * time.Hour) }
	due := func(p period.Period) *Issued { return &Issued{Period: p, Due: p.End().AddDate(0, 0, 5)} }
	for _, tt := range []struct {
		is    *Issued
		now   string
		given bool
		want  string
	}{
		{due(q3), "2026-10-05", false, "2026年10月5日"},
		{due(q3), "2026-12-06", false, "2026年10月5日（已过 62 天；如要为下一期生成填报表，请加 --period 2026-Q4）"},
		{due(q3), "2026-12-06", true, "2026年10月5日"},
		{due(q4), "2027-02-01", false, "2027年1月5日（已过 27 天）"},
	} {
		if got := tt.is.DueText(at(tt.now), tt.given); got != tt.want {
			t.Errorf("DueText(%s due %s, now %s, given %v) = %s; want %s", tt.is.Period.Key(), tt.is.Due.Format("2006-01-02"), tt.now, tt.given, got, tt.want)
		}
	}
}
