package workspace

import (
	"fmt"
	"time"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/period"
)

// Round is the reporting round a command works on, from its --period and
// --due flags: what they leave out is filled in from the workspace ws when
// there is one (nil for none) — the current period (see Current) and its
// due date from taizhang.yaml's due_days. Every error is one of the
// flags', an *inputerr.Usage with a message for the user; outside a
// workspace the period must be given and the due date is zero when not
// given.
func Round(ws *Workspace, periodFlag, dueFlag string, now time.Time) (period.Period, time.Time, error) {
	p, due, err := round(ws, periodFlag, dueFlag, now)
	if err != nil {
		return period.Period{}, time.Time{}, &inputerr.Usage{Msg: err.Error()}
	}
	return p, due, nil
}

func round(ws *Workspace, periodFlag, dueFlag string, now time.Time) (period.Period, time.Time, error) {
	if ws == nil || periodFlag != "" && dueFlag != "" {
		return parseRound(periodFlag, dueFlag)
	}
	var p period.Period
	if periodFlag == "" {
		p = ws.Current(now)
	} else {
		var err error
		if p, err = period.Parse(periodFlag); err != nil {
			return period.Period{}, time.Time{}, err
		}
	}
	if dueFlag == "" {
		return p, ws.Due(p), nil
	}
	_, due, err := parseRound(p.Key(), dueFlag)
	return p, due, err
}

// parseRound reads the --period and --due flags of a reporting round.
func parseRound(periodFlag, dueFlag string) (period.Period, time.Time, error) {
	p, err := period.Parse(periodFlag)
	if err != nil {
		return period.Period{}, time.Time{}, err
	}
	var due time.Time
	if dueFlag != "" {
		if due, err = ParseDay(dueFlag); err != nil {
			return period.Period{}, time.Time{}, fmt.Errorf("无法识别截止日期“%s”：请写作 2025-01-05 或 2025年1月5日", dueFlag)
		}
	}
	return p, due, nil
}

// ParseDay reads a date as offices write it: 2025-01-05, 2025/1/5,
// 2025年1月5日, 20250105.
func ParseDay(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-1-2", "2006/1/2", "2006年1月2日", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q", s)
}
