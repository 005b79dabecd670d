package cells

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

var (
	dateRe    = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[T ][0-9:.]+Z?)?$`)
	compactRe = regexp.MustCompile(`^\d{8}$`)
)

// ParseDate reads a date cell as YYYY-MM-DD: 2020-12-31, 2020/12/31,
// 2020.12.31, 2020年12月31日 (or 31号), 20201231, full-width digits, or a
// date serial (a date-formatted cell read raw). An empty cell is a valid
// empty date.
func ParseDate(raw string, date1904 bool) (string, bool) {
	s := strings.TrimSpace(Fold(raw))
	if s == "" {
		return "", true
	}
	if m := dateRe.FindStringSubmatch(s); m != nil {
		return civilDate(m[1], m[2], m[3])
	}
	if compactRe.MatchString(s) {
		return civilDate(s[:4], s[4:6], s[6:])
	}
	serial, err := strconv.ParseFloat(s, 64)
	if err != nil || !(serial >= 1 && serial < 2958466) { // also NaN
		return "", false
	}
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return "", false
	}
	return t.Format(time.DateOnly), true
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
