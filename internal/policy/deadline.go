package policy

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/task"
)

// deadlineRe matches the deadline phrases of policy documents after their
// lead word (到/至, read from the text before, see leadWord): it starts with
// the year so that the regexp engine can skip to each "20". Groups: 1 year,
// 2 month, 3 day, 4 年底/年末/上半年/…, 5 前/以前/底前.
var deadlineRe = regexp.MustCompile(`(20\d\d)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?(底|末|年底|年末|上半年|下半年|前三季度|第?[一二三四1-4]季度|[上中下]旬)?(前|以前|之前|底前|末前|内)?`)

var leadWords = []string{"截止到", "截至", "截止", "到", "至", "于", "在"}

// leadWord returns the word that introduces a date ending at before, if any.
func leadWord(before string) string {
	before = strings.TrimRight(before, " ")
	for _, w := range leadWords {
		if strings.HasSuffix(before, w) {
			return w
		}
	}
	return ""
}

var (
	monthOnlyRe = regexp.MustCompile(`(?:^|[^\d年]|每年)(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(?:底前|末前|底|末|前|以前|之前|([上中下])旬)`)
	openEndedRe = regexp.MustCompile(`长期坚持|持续推进|长期推进|常态化推进|长期`)
	recurringRe = regexp.MustCompile(`每[两二三四五]?年|每季度|每月|每半年|逐月|按月|逐季度?|按季度?`)
	// 本意见印发之日起30日内: a time counted from the document's issue,
	// whose date the text does not give.
	sinceIssueRe = regexp.MustCompile(`(?:本\p{Han}{1,6}?)?(?:印发|发布|施行|实施)之日起\s*[0-9０-９一二三四五六七八九十两]{1,3}\s*(?:个工作日|工作日|日|天|个月|周)(?:以内|之内|内)`)
	yearHalfRe   = regexp.MustCompile(`(20\d\d)([上下]半年)(?:前|以前|之前|内)?`)
	withinYear   = regexp.MustCompile(`年内|年底前|年底|年末`)
	// 上半年, 三季度前: a part of the document's year.
	partOfYearRe = regexp.MustCompile(`[上下]半年|第?[一二三四1-4]季度`)
	twoYearsRe   = regexp.MustCompile(`今明两年`)
	// 本月底以前, 本周内: a 督查 notice's deadline relative to its date.
	thisPeriodRe = regexp.MustCompile(`本(?:周|月|季度?)(?:底|末)?(?:前|以前|之前|内)`)
	fiveYearRe   = regexp.MustCompile(`(到|至)?\s*[“"]?十([一二三四五六七八九])五[”"]?\s*(期末|末)`)
)

// findDeadline derives an item's deadline from its text. The latest date the
// text sets as an end counts (到2020年 … 2018年底前 → 2020-12-31); a date that
// starts something (自2019年1月1日起) does not. docYear resolves 年内.
func findDeadline(text string, docYear int) *task.Deadline {
	if !strings.Contains(text, "年") && !strings.Contains(text, "月") && !strings.Contains(text, "每") && !strings.Contains(text, "持续") && !strings.Contains(text, "长期") && !strings.Contains(text, "十") && !strings.Contains(text, "本周") && !strings.Contains(text, "本月") && !strings.Contains(text, "本季") && !strings.Contains(text, "本年") && !strings.Contains(text, "季") && !strings.Contains(text, "以前") && !strings.Contains(text, "之前") && !strings.Contains(text, "逐") && !strings.Contains(text, "按") && !strings.Contains(text, "之日起") {
		return nil
	}
	var best *task.Deadline
	bestDate := ""
	for _, m := range deadlineRe.FindAllStringSubmatchIndex(text, -1) {
		g := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return text[m[2*k]:m[2*k+1]]
		}
		lead := leadWord(text[:m[0]])
		start := m[0] - len(lead)
		after := text[m[1]:]
		if strings.HasPrefix(after, "起") || strings.HasPrefix(after, "以来") || strings.HasPrefix(after, "开始") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "-") {
			continue
		}
		suffix, mark, end := g(4), g(5), g(2)
		// A bare year ("2023年，实施…") is a milestone, not an end; so is
		// a bare month. It needs 到/至, 底/末 or 前.
		if lead == "" && suffix == "" && mark == "" {
			continue
		}
		if (lead == "于" || lead == "在") && suffix == "" && mark == "" {
			continue
		}
		year, _ := strconv.Atoi(g(1))
		date := periodEnd(year, end, g(3), suffix)
		if date == "" {
			continue
		}
		if date > bestDate {
			bestDate = date
			best = &task.Deadline{Text: strings.TrimSpace(text[start:m[1]]), Date: date}
		}
	}
	// 2006上半年: a half of a year written without the 年 after its number.
	if strings.Contains(text, "半年") {
		for _, m := range yearHalfRe.FindAllStringSubmatchIndex(text, -1) {
			year, _ := strconv.Atoi(text[m[2]:m[3]])
			if date := periodEnd(year, "", "", text[m[4]:m[5]]); date > bestDate {
				bestDate = date
				best = &task.Deadline{Text: text[m[0]:m[1]], Date: date}
			}
		}
	}
	if d := sameYearSpan(text); d != nil && d.Date > bestDate {
		best = d
	}
	if best != nil {
		if d := laterMonthOfYear(text, best.Date); d != nil {
			return d
		}
		return best
	}
	// 5月底前, 12月底前, 7月25日前: the document's year is meant. Of
	// several, the latest ends the item (1月底前完成…；其它事项12月底前…).
	if ms := monthOnlyMatches(text); ms != nil {
		// Ranked in a leap year, which has every day a date can name,
		// when the document's year is not known.
		best, bestEnd := -1, ""
		for k, m := range ms {
			if end := periodEnd(2000, text[m[2]:m[3]], "", monthPart(text, m)); best < 0 || end > bestEnd {
				best, bestEnd = k, end
			}
		}
		return monthDeadline(text, ms[best], docYear)
	}
	if d := milestoneYear(text, docYear); d != nil {
		return d
	}
	if m := fiveYearMatch(text); m != nil {
		plan := strings.Index("一二三四五六七八九", m[2])/len("一") + 1
		// The Nth five-year plan ends in 1955+5N: 十四五 → 2025.
		y := 1955 + 5*(10+plan)
		return &task.Deadline{Text: strings.TrimSpace(m[0]), Date: fmt.Sprintf("%d-12-31", y)}
	}
	// 今明两年: this year and the next, so by the end of the next.
	if m := twoYearsRe.FindString(text); m != "" {
		if docYear == 0 {
			return &task.Deadline{Text: m}
		}
		return &task.Deadline{Text: m, Date: fmt.Sprintf("%d-12-31", docYear+1)}
	}
	if m := thisPeriodRe.FindString(text); m != "" {
		return &task.Deadline{Text: m}
	}
	if strings.Contains(text, "之日起") {
		if m := sinceIssueRe.FindString(text); m != "" {
			return &task.Deadline{Text: m}
		}
	}
	if d := yearsSpan(text); d != nil {
		return d
	}
	if m := withinYear.FindString(text); m != "" {
		if docYear == 0 {
			return &task.Deadline{Text: m}
		}
		return &task.Deadline{Text: m, Date: fmt.Sprintf("%d-12-31", docYear)}
	}
	if d := partOfYear(text, docYear); d != nil {
		return d
	}
	if d := seasonDeadline(text, docYear); d != nil {
		return d
	}
	// 每季度通报 is a schedule; 每人每月574元 a rate, not a deadline.
	for _, loc := range recurringRe.FindAllStringIndex(text, -1) {
		rest := strings.TrimLeft(text[loc[1]:], " 约不低高于达到提")
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r) || strings.HasSuffix(text[:loc[0]], "人") {
			continue
		}
		return &task.Deadline{Text: text[loc[0]:loc[1]]}
	}
	if d := yearsWork(text, docYear); d != nil {
		return d
	}
	if d := openEnded(text); d != nil {
		return d
	}
	return eventDeadline(text)
}

// yearsWorkRe is work set for the document's year as a whole (全年培训1万
// 人次, 今年新开工30个), due by its end. Not 当年, which mostly qualifies a
// noun (当年新招用的人员, 当年计划退出村).
var yearsWorkRe = regexp.MustCompile(`全年|今年|本年度`)

// isYearsWork reports a deadline yearsWork read.
func isYearsWork(text string) bool {
	return text != "" && yearsWorkRe.FindString(text) == text
}

// yearsWork reads a year's work as due at the year's end. Not the year
// so far (今年以来, 今年来), nor another year's whole (去年全年, 明年全年).
func yearsWork(text string, docYear int) *task.Deadline {
	// Every match holds 全年, 今年 or 本年.
	if !strings.Contains(text, "全年") && !strings.Contains(text, "今年") && !strings.Contains(text, "本年") {
		return nil
	}
	for _, loc := range yearsWorkRe.FindAllStringIndex(text, -1) {
		after, before := text[loc[1]:], text[:loc[0]]
		if strings.HasPrefix(after, "以来") || strings.HasPrefix(after, "来") ||
			strings.HasSuffix(before, "去年") || strings.HasSuffix(before, "上年") || strings.HasSuffix(before, "前年") || strings.HasSuffix(before, "明年") {
			continue
		}
		d := &task.Deadline{Text: text[loc[0]:loc[1]]}
		if docYear > 0 {
			d.Date = fmt.Sprintf("%d-12-31", docYear)
		}
		return d
	}
	return nil
}

// eventDeadlineRe is work due before an event the text names instead of a
// date (在国卫复审暗访以前组织拆除): the event, then 以前 or 之前.
var eventDeadlineRe = regexp.MustCompile(`(?:^|[，,；;。\s])在(\p{Han}{2,10}?(?:以前|之前))`)

func eventDeadline(text string) *task.Deadline {
	if m := eventDeadlineRe.FindStringSubmatch(text); m != nil {
		return &task.Deadline{Text: m[1]}
	}
	return nil
}

// openEnded reads a deadline that sets no end (持续推进, 长期坚持). Not one
// that names a mechanism (常态化推进机制) or stands inside a word (超长期
// 特别国债).
func openEnded(text string) *task.Deadline {
	// Every match holds 长期 or 持续推进 or 常态化推进.
	if !strings.Contains(text, "长期") && !strings.Contains(text, "持续推进") && !strings.Contains(text, "常态化推进") {
		return nil
	}
	for _, loc := range openEndedRe.FindAllStringIndex(text, -1) {
		if strings.HasSuffix(text[:loc[0]], "超") || nounAfterRe.MatchString(text[loc[1]:]) {
			continue
		}
		// 长期 alone is a time only where it closes its phrase (……，长期。):
		// before other words it qualifies them (长期不能自理, 长期护理保险).
		if text[loc[0]:loc[1]] == "长期" {
			if r, _ := utf8.DecodeRuneInString(text[loc[1]:]); loc[1] < len(text) && (isHan(r) || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				continue
			}
		}
		return &task.Deadline{Text: text[loc[0]:loc[1]]}
	}
	return nil
}

// monthOnlyMatches are monthOnlyRe's matches in text. Each holds a digit
// before its 月, with only spaces between: a text without one, as most are,
// is not scanned by the regexp, whose start is no fixed word.
func monthOnlyMatches(text string) [][]int {
	for at := 0; ; {
		i := strings.Index(text[at:], "月")
		if i < 0 {
			return nil
		}
		if before := strings.TrimRight(text[:at+i], "\t\n\f\r "); before != "" && '0' <= before[len(before)-1] && before[len(before)-1] <= '9' {
			return monthOnlyRe.FindAllStringSubmatchIndex(text, -1)
		}
		at += i + len("月")
	}
}

// fiveYearMatch is fiveYearRe's first match in text, nil when there is
// none: every match holds 十 and 末, and a text without them is not
// scanned.
func fiveYearMatch(text string) []string {
	if !strings.Contains(text, "十") || !strings.Contains(text, "末") {
		return nil
	}
	return fiveYearRe.FindStringSubmatch(text)
}

// nounAfterRe starts the noun that a verb phrase before it qualifies.
var nounAfterRe = regexp.MustCompile(`^(?:工作)?(?:机制|体系|制度|模式)`)

// sameYearSpanRe is a span of days within one year whose end leaves the
// year to its start: 2019年1月1日至12月31日. Groups: 1 year, 2 month and 3
// day of the end.
var sameYearSpanRe = regexp.MustCompile(`(20\d\d)\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:至|到|—|－|-|~|～)\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?`)

// sameYearSpan reads the last span of days within one year (a measure in
// force 2019年1月1日至12月31日) as ending on its end.
func sameYearSpan(text string) *task.Deadline {
	if !strings.Contains(text, "至") && !strings.Contains(text, "到") && !strings.ContainsAny(text, "—－-~～") {
		return nil
	}
	var best *task.Deadline
	for _, m := range sameYearSpanRe.FindAllStringSubmatch(text, -1) {
		year, _ := strconv.Atoi(m[1])
		if date := periodEnd(year, m[2], m[3], ""); date != "" && (best == nil || date > best.Date) {
			best = &task.Deadline{Text: m[0], Date: date}
		}
	}
	return best
}

// yearsSpanRe is a span of years counted from now whose 年内 withinYear
// would take for "this year": 5年内, 两年内, 两年之内.
var yearsSpanRe = regexp.MustCompile(`([0-9０-９]{1,2}|[一二两三四五六七八九十]{1,2})\s*年之?内`)

// yearsSpan reads the longest span of years an item sets (一年内…，两年内…
// → 两年内). Its 年内 is no "within this year", and the year it counts from
// is not written, so it gets no date.
func yearsSpan(text string) *task.Deadline {
	if !strings.Contains(text, "年内") && !strings.Contains(text, "年之内") {
		return nil
	}
	best, bestN := "", 0
	for _, m := range yearsSpanRe.FindAllStringSubmatch(text, -1) {
		n := 0
		for _, r := range m[1] {
			if isDigit(r) {
				n = n*10 + digitVal(r)
			}
		}
		if n == 0 {
			n = parseCN([]rune(strings.ReplaceAll(m[1], "两", "二")))
		}
		if n > bestN {
			best, bestN = m[0], n
		}
	}
	if best == "" {
		return nil
	}
	return &task.Deadline{Text: best}
}

// yearBeforeRe is a year, as the last one named before a month.
var yearBeforeRe = regexp.MustCompile(`(\d{4})\s*年`)

// laterMonthOfYear returns the latest month-only deadline of text that
// ends after bestDate, in the year last named before it (2024年3月底前完成
// 方案，6月底前开工: 6月底前 is in 2024 and ends the work), nil when none.
func laterMonthOfYear(text, bestDate string) *task.Deadline {
	var out *task.Deadline
	for _, m := range monthOnlyMatches(text) {
		years := yearBeforeRe.FindAllStringSubmatch(text[:m[0]], -1)
		if len(years) == 0 {
			continue
		}
		year, _ := strconv.Atoi(years[len(years)-1][1])
		if d := monthDeadline(text, m, year); d.Date > bestDate && (out == nil || d.Date > out.Date) {
			out = d
		}
	}
	return out
}

// monthDeadline reads a monthOnlyRe match (groups: month, day) in the
// document's year.
func monthDeadline(text string, m []int, docYear int) *task.Deadline {
	d := &task.Deadline{Text: text[m[2]:m[1]]}
	if docYear == 0 {
		return d
	}
	d.Date = periodEnd(docYear, text[m[2]:m[3]], "", monthPart(text, m))
	return d
}

// monthPart is what a monthOnlyRe match m names within its month: a day
// (7月25日前) or a third of the month (4月中旬), "" for the whole month.
func monthPart(text string, m []int) string {
	switch {
	case m[4] >= 0:
		return text[m[4]:m[5]] + "日"
	case m[6] >= 0:
		return text[m[6]:m[7]] + "旬"
	}
	return ""
}

// partOfYear reads 上半年, 下半年 or a quarter (三季度前) without a year as
// that part of the document's year; 每季度 is a schedule, not a part.
func partOfYear(text string, docYear int) *task.Deadline {
	if !strings.Contains(text, "半年") && !strings.Contains(text, "季") {
		return nil
	}
	m := partOfYearRe.FindStringSubmatchIndex(text)
	if m == nil || strings.HasSuffix(text[:m[0]], "每") {
		return nil
	}
	d := &task.Deadline{Text: text[m[0]:m[1]]}
	if docYear > 0 {
		d.Date = periodEnd(docYear, "", "", d.Text)
	}
	return d
}

// seasonRe is a season by which work is finished: 秋季投入使用, 春季开学前
// 建成. A season alone (秋季农业生产) is a topic, not a deadline.
var seasonRe = regexp.MustCompile(`([春夏秋冬])季(?:开学)?(?:前|以前)?(?:全面|正式|如期|按期)?(?:投入使用|投用|建成|完工|竣工|完成|交付|开学|开园|运行)`)

// seasonDeadline reads a season of the document's year, due by the end of
// its last month (春 May, 夏 August, 秋 November, 冬 December).
func seasonDeadline(text string, docYear int) *task.Deadline {
	if !strings.Contains(text, "季") {
		return nil
	}
	m := seasonRe.FindStringSubmatchIndex(text)
	if m == nil {
		return nil
	}
	d := &task.Deadline{Text: text[m[0] : m[3]+len("季")]}
	if docYear > 0 {
		month := map[string]int{"春": 5, "夏": 8, "秋": 11, "冬": 12}[text[m[2]:m[3]]]
		d.Date = monthEnd(docYear, month)
	}
	return d
}

// periodEnd returns the last day of the period a deadline names.
func periodEnd(year int, month, day, suffix string) string {
	if year < 1990 || year > 2100 {
		return ""
	}
	switch {
	case strings.Contains(suffix, "上半年"):
		return fmt.Sprintf("%d-06-30", year)
	case strings.Contains(suffix, "前三季度"):
		return fmt.Sprintf("%d-09-30", year)
	case strings.Contains(suffix, "季度"):
		// 第三季度, 3季度: the quarter's last month.
		n := 0
		for k, q := range []string{"一", "二", "三", "四"} {
			if strings.Contains(suffix, q) || strings.ContainsRune(suffix, rune('1'+k)) {
				n = k + 1
			}
		}
		if n == 0 {
			return ""
		}
		return monthEnd(year, n*3)
	}
	if month != "" {
		mo, _ := strconv.Atoi(month)
		if mo < 1 || mo > 12 {
			return ""
		}
		// 4月上旬, 4月中旬: by the 10th or the 20th; 下旬 ends the month.
		switch {
		case strings.HasSuffix(suffix, "日"):
			day = strings.TrimSuffix(suffix, "日")
		case strings.HasSuffix(suffix, "上旬"):
			day = "10"
		case strings.HasSuffix(suffix, "中旬"):
			day = "20"
		}
		if day != "" {
			d, _ := strconv.Atoi(day)
			if d < 1 || d > 31 {
				return ""
			}
			return fmt.Sprintf("%d-%02d-%02d", year, mo, d)
		}
		return monthEnd(year, mo)
	}
	return fmt.Sprintf("%d-12-31", year)
}

func monthEnd(year, month int) string {
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && (year%4 == 0 && year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return fmt.Sprintf("%d-%02d-%02d", year, month, days)
}

var bareYearRe = regexp.MustCompile(`(20\d\d)\s*年`)

// eventVerbRe ends the words before a year that is part of an event's name.
var eventVerbRe = regexp.MustCompile(`(?:举办|召开|举行|承办|参加|办好)$`)

// milestoneYear reads a bare year that sets a target (2027年技术交易总额超19亿
// 元) as the end of that year: the latest such year not before the document.
func milestoneYear(text string, docYear int) *task.Deadline {
	best := 0
	for _, m := range bareYearRe.FindAllStringSubmatchIndex(text, -1) {
		before, after := text[:m[0]], text[m[1]:]
		// 举办2026年…盛典, 2025年"数据要素×"大赛: the year names an event,
		// not an end.
		if eventVerbRe.MatchString(before) {
			continue
		}
		// 《…改革方案(2025-2029年)》: a year in a title names the
		// document, not an end of this work.
		if strings.LastIndex(before, "《") > strings.LastIndex(before, "》") {
			continue
		}
		if strings.HasSuffix(before, "自") || strings.HasSuffix(before, "从") || strings.HasSuffix(before, "于") ||
			strings.HasPrefix(after, "起") || strings.HasPrefix(after, "以来") || strings.HasPrefix(after, "开始") ||
			strings.HasPrefix(after, "度") || strings.HasPrefix(after, "\"") || strings.HasPrefix(after, "“") || strings.HasPrefix(after, "《") || len(after) > 0 && (after[0] >= '0' && after[0] <= '9' || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "-")) {
			continue
		}
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		if y > best && (docYear == 0 || y >= docYear) {
			best = y
		}
	}
	if best == 0 {
		return nil
	}
	return &task.Deadline{Text: fmt.Sprintf("%d年", best), Date: fmt.Sprintf("%d-12-31", best)}
}

// dottedSpanRe is a cell giving the months the work runs, dotted:
// 2023.01-2023.12, 2024.3—2025.6. Groups: the end's year and month.
var dottedSpanRe = regexp.MustCompile(`^20\d\d\.\d{1,2}\s*[-—–~～至]+\s*(20\d\d)\.(\d{1,2})$`)

// dottedSpanCell reads such a cell (a 建设起止年限 column): due by the end
// of its last month, the span kept whole as the deadline's text.
func dottedSpanCell(c string) *task.Deadline {
	m := dottedSpanRe.FindStringSubmatch(c)
	if m == nil {
		return nil
	}
	year, _ := strconv.Atoi(m[1])
	return &task.Deadline{Text: c, Date: periodEnd(year, m[2], "", "")}
}

// numericDateRe is a date written in figures (2024.12, 2024-12-31,
// 2024/6/30), as a 完成时限 cell or a clause's last phrase gives it.
var numericDateRe = regexp.MustCompile(`^(20\d\d)\s*[./\-－]\s*(\d{1,2})(?:\s*[./\-－]\s*(\d{1,2}))?\s*(?:前|底前|底|以前)?$`)

// dateCellRe matches a cell that is a date, alone or followed by the
// milestone due then (2024年9月, 2024年, 9月, 2024年6月30日, 9月投入使用,
// 2024年6月开工). In a deadline column it is the deadline.
var dateCellRe = regexp.MustCompile(`^(?:(20\d\d)\s*年)?\s*(?:(\d{1,2})\s*月份?)?\s*(?:(\d{1,2})\s*日)?(?:前|底前|底|末)?\p{Han}{0,6}$`)

// yearRangeCellRe is a deadline cell that spans years: 2024-2025年.
var yearRangeCellRe = regexp.MustCompile(`^\d{4}\s*年?\s*[-—－~～至到]\s*(\d{4})\s*年(?:底|末)?$`)

// cellDeadline reads a deadline column's cell: a deadline as findDeadline
// finds one, or a bare date; nil when the cell is neither.
// closeDateSpaces drops the spaces beside a figure of a date: 2016 年,
// 年 6, 6 月, 2016 — 2017.
func closeDateSpaces(c string) string {
	rs := []rune(c)
	dateRune := func(r rune) bool { return strings.ContainsRune("年月日—－-", r) }
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if rs[i] == ' ' || rs[i] == '\u3000' {
			j := i
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\u3000') {
				j++
			}
			if i > 0 && j < len(rs) && (digit(rs[i-1]) && (digit(rs[j]) || dateRune(rs[j])) || dateRune(rs[i-1]) && digit(rs[j])) {
				i = j - 1
				continue
			}
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// openCellRe is a deadline cell that sets no end: 持续开展, 常态化推进, 长期,
// 持续性工作.
var openCellRe = regexp.MustCompile(`^(?:持续|长期|常态化?|经常性)性?(?:开展|推进|实施|落实|坚持|进行|工作)?$`)

func cellDeadline(c string, docYear int) *task.Deadline {
	c = strings.TrimSpace(c)
	// 2016 年 6 月底前: a converted PDF's spaces around the figures.
	if strings.ContainsAny(c, " \u3000") {
		c = closeDateSpaces(c)
	}
	// 2024-2025年, 2024—2025年底: the span's last year ends the work, and
	// the cell says so as written.
	if m := yearRangeCellRe.FindStringSubmatch(c); m != nil {
		y, _ := strconv.Atoi(m[1])
		return &task.Deadline{Text: c, Date: fmt.Sprintf("%d-12-31", y)}
	}
	found := findDeadline(c, docYear)
	if found != nil && found.Date != "" {
		return found
	}
	// 2025年11月, 2025.12: a date alone, which in the text would be no
	// end, is the end in a deadline's place.
	if d := cellDate(c, docYear); d != nil && (found == nil || d.Date != "") {
		return d
	}
	return found
}

// cellDate reads a deadline cell that findDeadline dates not: an open
// end, the year's work, a span of months, or a date alone.
func cellDate(c string, docYear int) *task.Deadline {
	// 持续开展, 常态化, 长期 alone in a deadline column: open-ended work.
	if openCellRe.MatchString(c) {
		return &task.Deadline{Text: c}
	}
	// 全年 in a deadline column: the work runs all year, due by its end.
	if c == "全年" || c == "本年度" || c == "年度内" {
		d := &task.Deadline{Text: c}
		if docYear > 0 {
			d.Date = fmt.Sprintf("%d-12-31", docYear)
		}
		return d
	}
	if d := dottedSpanCell(c); d != nil {
		return d
	}
	if m := numericDateRe.FindStringSubmatch(c); m != nil {
		year, _ := strconv.Atoi(m[1])
		if month, _ := strconv.Atoi(m[2]); month >= 1 && month <= 12 {
			return &task.Deadline{Text: c, Date: periodEnd(year, m[2], m[3], "")}
		}
	}
	m := dateCellRe.FindStringSubmatch(c)
	if m == nil || m[1]+m[2] == "" {
		return nil
	}
	year, _ := strconv.Atoi(m[1])
	if year == 0 {
		year = docYear
	}
	d := &task.Deadline{Text: c}
	if year > 0 {
		d.Date = periodEnd(year, m[2], m[3], "")
	}
	return d
}
