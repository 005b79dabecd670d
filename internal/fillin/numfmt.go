package fillin

import (
	"regexp"
	"strings"
)

// DateShown is the finest part of a date a cell's number format shows: a
// cell formatted as yyyy"年"m"月" shows June 2024, not its first day, and
// a deadline written so is due by the month's end.
type DateShown int

// What a number format shows of a date.
const (
	NoDateShown DateShown = iota // no date: General, a number, a time
	YearShown                    // 2024年
	MonthShown                   // 2024年6月, Jun-24, 2024-06
	DayShown                     // 2024/6/30, 2024年6月30日 8:00
)

// builtinDateCodes are the codes of the built-in date formats as Excel
// shows them in the Chinese (zh-CN) locale, where the ids 27 to 58 are
// the locale's own: 57 is yyyy"年"m"月" there. A workbook does not write
// the codes of built-in ids.
var builtinDateCodes = map[int]string{
	14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "yyyy/m/d h:mm",
	27: `yyyy"年"m"月"`, 28: `m"月"d"日"`, 29: `m"月"d"日"`, 30: "m-d-yy", 31: `yyyy"年"m"月"d"日"`,
	36: `yyyy"年"m"月"`, 50: `yyyy"年"m"月"`, 51: `m"月"d"日"`, 52: `yyyy"年"m"月"`,
	53: `m"月"d"日"`, 54: `m"月"d"日"`, 57: `yyyy"年"m"月"`, 58: `m"月"d"日"`,
}

// formatNoiseRe matches what in a number format code is no date or time
// part: quoted literals, escaped characters, bracketed codes ([$-804],
// [DBNum1], [Red], [h]), a padding or fill character (_x, *x), General,
// AM/PM markers and a scientific exponent (E+).
var formatNoiseRe = regexp.MustCompile(`(?i)"[^"]*"|\\.|\[[^\]]*\]|[_*].|general|am/pm|a/p|e[+-]`)

// dateShownByCode reads what the number format code shows of a date:
// the finest of its day (d), month (m, not minutes: after an hour or
// before seconds) and year (y, or e and b for an era's year) codes. Only
// the section for positive numbers counts.
func dateShownByCode(code string) DateShown {
	section, _, _ := strings.Cut(formatNoiseRe.ReplaceAllString(code, ""), ";")
	shown := NoDateShown
	parts := formatParts(strings.ToLower(section))
	for i, p := range parts {
		switch p {
		case 'd':
			shown = max(shown, DayShown)
		case 'm':
			if !minutes(parts, i) {
				shown = max(shown, MonthShown)
			}
		case 'y', 'e', 'b':
			shown = max(shown, YearShown)
		}
	}
	return shown
}

// formatParts are the date and time codes of a number format section in
// order, one letter for each run of the same letter (yyyy → y).
func formatParts(section string) []byte {
	var parts []byte
	for i := 0; i < len(section); i++ {
		c := section[i]
		if strings.IndexByte("ymdhseb", c) < 0 || i > 0 && section[i-1] == c {
			continue
		}
		parts = append(parts, c)
	}
	return parts
}

// minutes reports whether the m code at i of parts is minutes: it follows
// an hour or comes before seconds.
func minutes(parts []byte, i int) bool {
	return i > 0 && parts[i-1] == 'h' || i+1 < len(parts) && parts[i+1] == 's'
}

// dateShown is what the cell style with index style shows of a date,
// from the workbook's styles (read once, as for percentStyle): a custom
// code first, else the built-in id's code. A style the workbook lacks,
// or styles that cannot be read, show no date.
func (b *book) dateShown(style int) DateShown {
	if b.shown == nil {
		b.shown = b.datesShown()
	}
	if style < 0 || style >= len(b.shown) {
		return NoDateShown
	}
	return b.shown[style]
}

// datesShown is what each cell style shows of a date.
func (b *book) datesShown() []DateShown {
	if !b.stylesRead() {
		return []DateShown{}
	}
	shown := make([]DateShown, len(b.numFmts))
	for i, id := range b.numFmts {
		code, ok := b.fmtCodes[id]
		if !ok {
			code = builtinDateCodes[id]
		}
		shown[i] = dateShownByCode(code)
	}
	return shown
}
