package tasklist

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/report/cells"
)

var dateRe = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T ][0-9:.]+Z?)?$`)

// parseDate reads a date cell as YYYY-MM-DD. It accepts 2020-12-31,
// 2020/12/31, 2020.12.31, 2020年12月31日, 20201231 and a date serial (a
// cell formatted as a date, read raw). An empty cell is a valid empty date.
func parseDate(raw string, date1904 bool) (string, bool) {
	s := strings.TrimSpace(cells.Fold(raw))
	if s == "" {
		return "", true
	}
	if m := dateRe.FindStringSubmatch(s); m != nil {
		return civilDate(m[1], m[2], m[3])
	}
	if len(s) == 8 && strings.Trim(s, "0123456789") == "" {
		return civilDate(s[:4], s[4:6], s[6:])
	}
	if serial, err := strconv.ParseFloat(s, 64); err == nil && serial >= 1 && serial < 2958466 {
		t, err := excelize.ExcelDateToTime(serial, date1904)
		if err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// civilDate checks a year, month and day and formats them.
func civilDate(y, m, d string) (string, bool) {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	t := time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
	if t.Year() != yy || int(t.Month()) != mm || t.Day() != dd || yy < 1900 {
		return "", false
	}
	return t.Format(time.DateOnly), true
}
