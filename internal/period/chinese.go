package period

import (
	"fmt"
	"time"
)

// Beijing is the offices' time zone. A fixed offset, so output does not
// depend on the machine's time zone database.
var Beijing = time.FixedZone("CST", 8*3600)

// ChineseDate writes the day of t, in Beijing time, the way official
// documents do, without zero padding: 2025年1月6日. A date parsed from
// YYYY-MM-DD is midnight UTC, which is the same day in Beijing.
func ChineseDate(t time.Time) string {
	return t.In(Beijing).Format("2006年1月2日")
}

// ChineseDay writes a YYYY-MM-DD date as ChineseDate does; anything else is
// returned as it is.
func ChineseDay(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return ChineseDate(t)
}

// ChineseTime writes an RFC 3339 time in Beijing time: 2025年1月6日 15:30.
// Anything else is returned as it is.
func ChineseTime(s string) string { return chineseTime(s, "2006年1月2日 15:04") }

// ChineseSeconds is ChineseTime to the second: 2025年1月6日 15:30:05.
func ChineseSeconds(s string) string { return chineseTime(s, "2006年1月2日 15:04:05") }

func chineseTime(s, layout string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.In(Beijing).Format(layout)
}

// Stamp writes t as RFC 3339 in Beijing time, the way records keep it.
func Stamp(t time.Time) string { return t.In(Beijing).Format(time.RFC3339) }

// DaysUntil is the number of days from now's day to due (negative once
// due has passed), counted on the calendar of Beijing.
func DaysUntil(due, now time.Time) int {
	return int(due.Sub(Today(now)).Hours() / 24)
}

// Today is the day it is at now in Beijing, as midnight UTC (the way
// dates read from YYYY-MM-DD are), whatever the machine's zone.
func Today(now time.Time) time.Time {
	b := now.In(Beijing)
	return time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
}

// DaysLeft says how far a due date is: 还有 3 天, 今天截止, 已过 2 天.
func DaysLeft(n int) string {
	switch {
	case n > 0:
		return fmt.Sprintf("还有 %d 天", n)
	case n == 0:
		return "今天截止"
	}
	return fmt.Sprintf("已过 %d 天", -n)
}
