package fillin

import "testing"

// A number format shows of a date the finest of its day, month and year
// codes, whatever literals, locale and numeral prefixes, escapes and
// times stand around them; an m after an hour or before seconds is
// minutes.
func TestDateShownByCode(t *testing.T) {
	for shown, codes := range map[DateShown][]string{
		MonthShown: {`yyyy"年"m"月"`, `[$-804]yyyy年m月`, `[DBNum1][$-804]yyyy"年"m"月"`, "mmm-yy", "yyyy-mm", "yyyy/m",
			"mmmm yyyy", `yyyy"年"mm"月";@`, `yyyy\年m\月`, `[$-zh-CN]e"年"m"月"`, `m"月"`, `[Red]yyyy.mm`},
		YearShown: {`yyyy"年"`, "yyyy", `[$-804]e"年"`, `"FY"yy`, `yyyy"年度";"负"0`},
		DayShown: {"yyyy/m/d", `yyyy"年"m"月"d"日"`, "yyyy/m/d h:mm", `m"月"d"日"`, "dd-mmm", `yyyy"年"m"月"d"日" aaaa`,
			"[$-F800]dddd, mmmm dd, yyyy", "yyyy-mm-dd hh:mm:ss"},
		NoDateShown: {"General", "0.00", "0%", "0.00E+00", "h:mm", "mm:ss", "[h]:mm:ss", "h:mm AM/PM", `"年"0`, "@",
			`#,##0"月"`, `_-* #,##0_-`, `0"日"`, ""},
	} {
		for _, code := range codes {
			if got := dateShownByCode(code); got != shown {
				t.Errorf("dateShownByCode(%q) = %d; want %d", code, got, shown)
			}
		}
	}
}
