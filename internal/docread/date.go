package docread

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates come as 2017年09月22日, 2017年9月14日, 二〇一七年九月十四日,
// 2018-05-24, 2018/5/24, 2018.05.24 and with a time of day appended; Meta
// holds them all as YYYY-MM-DD.
var (
	cnDateRe  = regexp.MustCompile(`([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日`)
	hanDateRe = regexp.MustCompile(`([〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日`)
	isoDateRe = regexp.MustCompile(`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`)
)

// parseDate finds the first date in s and returns it as YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	for _, re := range []*regexp.Regexp{cnDateRe, isoDateRe, hanDateRe} {
		if m := re.FindStringSubmatch(s); m != nil {
			if d, ok := ymd(m[1], m[2], m[3]); ok {
				return d, true
			}
		}
	}
	return "", false
}

// ymd validates and formats a date given as digit or Chinese-numeral
// strings.
func ymd(y, m, d string) (string, bool) {
	year, ok1 := number(y)
	month, ok2 := number(m)
	day, ok3 := number(d)
	if !ok1 || !ok2 || !ok3 || year < 1949 || year > 2199 || month < 1 || month > 12 || day < 1 {
		return "", false
	}
	if t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC); t.Day() != day {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), true
}

var hanDigits = map[rune]int{
	'〇': 0, '○': 0, 'Ｏ': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// number reads ASCII or full-width digits, digit-by-digit Chinese numerals
// (二〇一七) or counting numerals up to 99 (十四, 二十, 三十一).
func number(s string) (int, bool) {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	if strings.ContainsRune(s, '十') {
		return countingNumber(s)
	}
	n := 0
	for _, r := range s {
		d, ok := hanDigits[r]
		if !ok {
			return 0, false
		}
		n = n*10 + d
	}
	return n, s != ""
}

func countingNumber(s string) (int, bool) {
	tens, ones, found := strings.Cut(s, "十")
	if !found {
		return 0, false
	}
	t, u := 1, 0
	if tens != "" {
		var ok bool
		if t, ok = number(tens); !ok || t > 9 {
			return 0, false
		}
	}
	if ones != "" {
		var ok bool
		if u, ok = number(ones); !ok || u > 9 {
			return 0, false
		}
	}
	return t*10 + u, true
}
