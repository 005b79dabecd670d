package ledgerbook

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/outfile"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/score"
)

// WriteYear writes the year workbook for y, built by history.Build from
// ledgers: the annual ranking (年度考核) and its events (考核明细), each
// unit's rank period by period (排名走势), each task's light (任务走势),
// the completion rates with a chart (完成率走势), the tasks carried over
// (结转任务), then a sheet per period with its ledger in brief, named by
// the period's label. A period without a ledger in ledgers has no sheet.
// The workbook's times are the latest Generated of the ledgers, so the
// same year always gives the same workbook.
func WriteYear(w io.Writer, y *history.Year, ledgers []*ledger.Ledger) error {
	if y == nil {
		return errors.New("write year workbook: no year to write")
	}
	return cells.WriteBook(w, "write year workbook", func(f *excelize.File, later *cells.Later) error { return buildYear(f, later, y, ledgers) })
}

// WriteYearFile writes the year workbook to path through a temporary file,
// so that a failed run leaves no broken workbook. An existing file is
// replaced: the workbook holds nothing the office types in.
func WriteYearFile(path string, y *history.Year, ledgers []*ledger.Ledger) error {
	return writeAtomic(path, "write year workbook", func(w io.Writer) error { return WriteYear(w, y, ledgers) })
}

// yearBook is what the year workbook's sheets are made from.
type yearBook struct {
	y        *history.Year
	annual   *score.Result
	ledgers  []*ledger.Ledger // by period, nil where there is none
	labels   map[string]string
	label    string                 // the assessment's name: 2024年度
	rows     map[string]*ledger.Row // each task's row in the last ledger listing it
	st       *styles
	ss       *scoreStyles
	periodOf []string // sheet name per period, "" for none
}

func buildYear(f *excelize.File, later *cells.Later, y *history.Year, ledgers []*ledger.Ledger) error {
	b := &yearBook{y: y, annual: cmp.Or(y.Annual, &score.Result{}), labels: map[string]string{}, rows: map[string]*ledger.Row{}}
	byKey := map[string]*ledger.Ledger{}
	for _, l := range ledgers {
		if l != nil {
			byKey[l.Period] = l
		}
	}
	b.ledgers = make([]*ledger.Ledger, len(y.Periods))
	for i, p := range y.Periods {
		b.labels[p.Key] = p.Label
		b.ledgers[i] = byKey[p.Key]
		if l := b.ledgers[i]; l != nil {
			for _, r := range l.Rows {
				b.rows[r.TaskID] = r
			}
		}
	}
	b.label = yearLabel(y.Periods)
	var err error
	if b.st, err = newStyles(f); err != nil {
		return err
	}
	if b.ss, err = newScoreStyles(f); err != nil {
		return err
	}
	names := []string{SheetAnnual, SheetRankingEvents, SheetRankTrend, SheetTaskTrend, SheetCompletionTrend, SheetCarriedOver}
	used := map[string]bool{}
	for _, n := range names {
		used[strings.ToLower(n)] = true
	}
	b.periodOf = make([]string, len(y.Periods))
	for i, p := range y.Periods {
		if b.ledgers[i] != nil {
			b.periodOf[i] = sheetName(p.Label, used)
			names = append(names, b.periodOf[i])
		}
	}
	if err := f.SetSheetName(f.GetSheetName(0), names[0]); err != nil {
		return err
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	sheets := []*plainSheet{b.annualSheet(), b.eventsSheet(), b.rankTrend(), b.taskTrend(), b.completionTrend(), b.carriedOver()}
	for i, l := range b.ledgers {
		if l != nil {
			sheets = append(sheets, b.periodSheet(b.periodOf[i], l))
		}
	}
	for _, p := range sheets {
		if err := p.write(f, b.st, later); err != nil {
			return err
		}
	}
	return setDocProps(f, outfile.Year, b.label+"考核", b.label, latestGenerated(ledgers))
}

// yearLabel names the periods together: 2024年度 when they fall in one
// year, else the first's and the last's labels: 2024年7月至2025年6月.
func yearLabel(ps []history.Period) string {
	if len(ps) == 0 {
		return ""
	}
	first, last := ps[0], ps[len(ps)-1]
	a, errA := period.Parse(first.Key)
	z, errZ := period.Parse(last.Key)
	switch {
	case errA == nil && errZ == nil && a.Year == z.Year:
		return fmt.Sprintf("%d年度", a.Year)
	case first.Key == last.Key:
		return first.Label
	}
	return first.Label + "至" + last.Label
}

// latestGenerated is the latest of the ledgers' times, "" for none.
func latestGenerated(ledgers []*ledger.Ledger) string {
	var latest time.Time
	for _, l := range ledgers {
		if l == nil {
			continue
		}
		if t, err := time.Parse(time.RFC3339, l.Generated); err == nil && t.After(latest) {
			latest = t
		}
	}
	if latest.IsZero() {
		return ""
	}
	return latest.Format(time.RFC3339)
}

// lastLabel is the last period's label.
func (b *yearBook) lastLabel() string {
	if n := len(b.y.Periods); n > 0 {
		return b.y.Periods[n-1].Label
	}
	return ""
}

func (b *yearBook) annualSheet() *plainSheet {
	p := rankingSheet(b.st, b.ss, SheetAnnual, b.label+"单位考核排名", b.annual, nil)
	var note string
	if n := len(b.y.Periods); n > 0 {
		note = fmt.Sprintf("考核期：%s至%s，共 %d 期。", b.y.Periods[0].Label, b.lastLabel(), n)
		if n == 1 {
			note = fmt.Sprintf("考核期：%s。", b.lastLabel())
		}
	}
	p.note = note + rulesNote(b.annual.Rules) + rankingNote
	return p
}

func (b *yearBook) eventsSheet() *plainSheet {
	return eventsSheet(b.st, b.ss, SheetRankingEvents, b.label+"单位考核加减分明细", b.annual, b.labels)
}

// taskTitle is a task's title, or the start of its text.
func taskTitle(r *ledger.Row) string {
	if t := strings.TrimSpace(r.Title); t != "" {
		return t
	}
	return cells.TruncateRunes(strings.TrimSpace(r.Text), 40)
}

// carriedOver lists the tasks still unfinished at the last period.
func (b *yearBook) carriedOver() *plainSheet {
	s := section{headers: []string{"序号", "编号", "任务", "牵头单位", "配合单位", "完成时限", "最新进展", "进度(%)", "状态", "亮灯"}}
	widths := []float64{6, 10, 30, 14, 14, 16, 36, 8, 13, 5}
	s.fit(widths)
	n := len(b.y.Periods)
	for i, t := range b.y.CarriedOver {
		var (
			co, deadline, progress string
			percent                *float64
			light                  ledger.Light
			title                  = t.Title
		)
		if r := b.rows[t.TaskID]; r != nil {
			co, deadline, progress = strings.Join(r.Co, "、"), deadlineText(r), r.Progress
			title = taskTitle(r)
		}
		if n > 0 && len(t.Lights) == n {
			light, percent = t.Lights[n-1], t.Percents[n-1]
		}
		s.rows = append(s.rows, []excelize.Cell{
			{StyleID: b.st.count, Value: i + 1},
			text(b.st.center, t.Label),
			text(b.st.text, title),
			text(b.st.center, strings.Join(t.Lead, "、")),
			text(b.st.center, co),
			text(b.st.center, deadline),
			text(b.st.text, progress),
			number(b.st.number, percent),
			text(b.st.center, string(t.Final)),
			b.lightCell(light),
		})
	}
	return &plainSheet{
		name: SheetCarriedOver, title: b.label + "未完成结转任务",
		note:   fmt.Sprintf("截至%s仍未完成的任务共 %d 项，转入下一年度继续跟踪；状态以办公室核定状态为准。", b.lastLabel(), len(b.y.CarriedOver)),
		widths: widths, filter: true, freezeCols: 3,
		sections: []section{s},
	}
}

// lightCell is a light's word on its colour; blank for none.
func (b *yearBook) lightCell(l ledger.Light) excelize.Cell {
	if id, ok := b.st.light[l]; ok {
		return text(id, string(l))
	}
	return text(b.st.center, string(l))
}

// periodSheet is a period's ledger in brief: one row per task.
func (b *yearBook) periodSheet(name string, l *ledger.Ledger) *plainSheet {
	s := section{headers: []string{"编号", "任务", "牵头单位", "进展", "进度(%)", "序时进度(%)", "状态", "亮灯", "复核意见"}}
	widths := []float64{10, 30, 14, 40, 8, 9, 13, 5, 18}
	s.fit(widths)
	lights := map[ledger.Light]int{}
	done := 0
	s.rows = make([][]excelize.Cell, 0, len(l.Rows))
	for _, r := range l.Rows {
		lights[r.Light]++
		status := string(r.Effective())
		if r.Effective() == fillin.StatusDone {
			done++
		}
		if r.Overridden() {
			status += "（核定）"
		}
		s.rows = append(s.rows, []excelize.Cell{
			text(b.st.center, r.Label),
			text(b.st.text, taskTitle(r)),
			text(b.st.center, strings.Join(r.Lead, "、")),
			text(b.st.text, r.Progress),
			number(b.st.number, r.Percent),
			number(b.st.number, &r.Expected),
			text(b.st.center, status),
			b.lightCell(r.Light),
			text(b.st.text, r.Review),
		})
	}
	counts := make([]string, len(ledger.Lights))
	for i, lt := range ledger.Lights {
		counts[i] = fmt.Sprintf("%s灯 %d 项", lt, lights[lt])
	}
	note := fmt.Sprintf("任务 %d 项，已完成 %d 项；%s。", len(l.Rows), done, strings.Join(counts, "，"))
	if d := datesText(l); d != "" {
		note += "　　" + d
	}
	return &plainSheet{
		name: name, title: sheetTitle(l, ""), note: note,
		widths: widths, filter: true, freezeCols: 2,
		sections: []section{s},
	}
}

// sheetName makes label a valid sheet name unlike those in used (kept in
// lower case, as Excel compares them) and adds it: the characters Excel
// forbids become full-width, it is cut to 31 UTF-16 units, and a repeat
// gets a number.
func sheetName(label string, used map[string]bool) string {
	s := strings.NewReplacer(":", "：", "/", "／", `\`, "＼", "?", "？", "*", "＊", "[", "【", "]", "】").Replace(strings.TrimSpace(label))
	s = strings.Trim(s, "'")
	if s == "" || strings.EqualFold(s, "History") {
		s = "期次"
	}
	for n := 1; ; n++ {
		suffix := ""
		if n > 1 {
			suffix = fmt.Sprintf("(%d)", n)
		}
		name := strings.TrimRight(cutUTF16(s, 31-len(suffix)), "'") + suffix
		if !used[strings.ToLower(name)] {
			used[strings.ToLower(name)] = true
			return name
		}
	}
}

// cutUTF16 cuts s to at most n UTF-16 units.
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if units+w > n {
			return s[:i]
		}
		units += w
	}
	return s
}
