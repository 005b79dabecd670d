// Package period reads the names of reporting rounds (报送期次): a month, a
// quarter, a half-year or a year, written as 2024-11 / 2024-Q4 / 2024-H1 /
// 2024 or in Chinese (2024年11月, 2024年第四季度, 2024年上半年, 2024年度). A
// period's end date drives 序时进度 later.
package period

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Kind is the length of a reporting round.
type Kind string

const (
	Month   Kind = "month"
	Quarter Kind = "quarter"
	Half    Kind = "half"
	Year    Kind = "year"
)

// Period is one reporting round.
type Period struct {
	Kind  Kind
	Year  int
	Index int // month 1–12, quarter 1–4, half 1–2; 0 for a year
}

var (
	keyRe     = regexp.MustCompile(`^(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])|[Hh]([12])))?$`)
	monthRe   = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(份)?$`)
	quarterRe = regexp.MustCompile(`^(\d{4})年第?([一二三四1-4])季度?$`)
	halfRe    = regexp.MustCompile(`^(\d{4})年(上|下)半年$`)
	yearRe    = regexp.MustCompile(`^(\d{4})年(度)?$`)
)

// Parse reads a period name; the error message is in Chinese for the user.
func Parse(s string) (Period, error) {
	t := strings.TrimSpace(width.Fold.String(s))
	t = strings.ReplaceAll(t, " ", "")
	var p Period
	switch {
	case keyRe.MatchString(t):
		m := keyRe.FindStringSubmatch(t)
		p.Year = atoi(m[1])
		switch {
		case m[2] != "":
			p.Kind, p.Index = Month, atoi(m[2])
		case m[3] != "":
			p.Kind, p.Index = Quarter, atoi(m[3])
		case m[4] != "":
			p.Kind, p.Index = Half, atoi(m[4])
		default:
			p.Kind = Year
		}
	case monthRe.MatchString(t):
		m := monthRe.FindStringSubmatch(t)
		p.Kind, p.Year, p.Index = Month, atoi(m[1]), atoi(m[2])
	case quarterRe.MatchString(t):
		m := quarterRe.FindStringSubmatch(t)
		p.Kind, p.Year = Quarter, atoi(m[1])
		p.Index = strings.Index("一二三四", m[2])/len("一") + 1
		if n, err := strconv.Atoi(m[2]); err == nil {
			p.Index = n
		}
	case halfRe.MatchString(t):
		m := halfRe.FindStringSubmatch(t)
		p.Kind, p.Year, p.Index = Half, atoi(m[1]), 1
		if m[2] == "下" {
			p.Index = 2
		}
	case yearRe.MatchString(t):
		p.Kind, p.Year = Year, atoi(yearRe.FindStringSubmatch(t)[1])
	default:
		return Period{}, fmt.Errorf("无法识别报送期次“%s”：请写作 2024-11、2024-Q4、2024-H1、2024，或 2024年11月、2024年第四季度、2024年上半年、2024年度", s)
	}
	if p.Year < 1990 || p.Year > 2100 || p.Kind == Month && (p.Index < 1 || p.Index > 12) {
		return Period{}, fmt.Errorf("报送期次“%s”超出范围：年份应在 1990–2100 之间，月份应为 1–12", s)
	}
	return p, nil
}

// Key is the period's canonical name: 2024-11, 2024-Q4, 2024-H1, 2024.
func (p Period) Key() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%d-%02d", p.Year, p.Index)
	case Quarter:
		return fmt.Sprintf("%d-Q%d", p.Year, p.Index)
	case Half:
		return fmt.Sprintf("%d-H%d", p.Year, p.Index)
	}
	return strconv.Itoa(p.Year)
}

// String is the period's Chinese name: 2024年11月, 2024年第四季度, 2024年上半年, 2024年度.
func (p Period) String() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%d年%d月", p.Year, p.Index)
	case Quarter:
		return fmt.Sprintf("%d年第%s季度", p.Year, []string{"一", "二", "三", "四"}[p.Index-1])
	case Half:
		return fmt.Sprintf("%d年%s半年", p.Year, []string{"上", "下"}[p.Index-1])
	}
	return fmt.Sprintf("%d年度", p.Year)
}

// Start is the first day of the period.
func (p Period) Start() time.Time {
	m := 1
	switch p.Kind {
	case Month:
		m = p.Index
	case Quarter:
		m = 3*(p.Index-1) + 1
	case Half:
		m = 6*(p.Index-1) + 1
	}
	return time.Date(p.Year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
}

// End is the last day of the period.
func (p Period) End() time.Time {
	months := map[Kind]int{Month: 1, Quarter: 3, Half: 6, Year: 12}[p.Kind]
	return p.Start().AddDate(0, months, -1)
}

// Containing is the period of kind that contains the day of t (t's own
// calendar: pass Today(now) for Beijing's).
func Containing(kind Kind, t time.Time) Period {
	p := Period{Kind: kind, Year: t.Year()}
	m := int(t.Month())
	switch kind {
	case Month:
		p.Index = m
	case Quarter:
		p.Index = (m-1)/3 + 1
	case Half:
		p.Index = (m-1)/6 + 1
	}
	return p
}

// Next is the period of the same kind after p.
func (p Period) Next() Period { return Containing(p.Kind, p.End().AddDate(0, 0, 1)) }

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.Kind == "" }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
