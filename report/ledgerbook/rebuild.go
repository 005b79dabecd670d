package ledgerbook

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// rebuild makes a ledger from the visible sheets of a workbook whose hidden
// sheet is gone: the tasks as the 总台账 sheet shows them, under the
// documents and headings of its group rows, the units of the 汇总 sheet
// and the totals computed from both. What only the hidden sheet held — the
// items' kinds and titles, structured targets, co-units' reports, the
// previous period, the returns and their problems — stays empty.
func (rd *reader) rebuild(tasks []sheetRow, groups []groupRow, cols ledgerCols) *ledger.Ledger {
	l := &ledger.Ledger{}
	_, summary, _ := rd.optionalRows(SheetSummary) // read once: title and units
	rd.rebuildTitle(l, summary)
	docs := map[string]bool{}
	for _, t := range tasks {
		docs[t.vals[fDocID]] = true
	}
	var (
		docTitle string
		heads    []string // heading rows since the document's row
		gi       int
	)
	for i, t := range tasks {
		// The group rows above a task: the document's first when the
		// document changes, then headings.
		newDoc := len(docs) > 1 && (i == 0 || t.vals[fDocID] != tasks[i-1].vals[fDocID])
		for ; gi < len(groups) && groups[gi].before <= i; gi++ {
			if newDoc {
				docTitle, heads, newDoc = unwrapDocHeading(groups[gi].text), nil, false
				continue
			}
			heads = append(heads, groups[gi].text)
		}
		r := rowFromSheet(t.vals)
		r.DocTitle = docTitle
		r.Headings = headingsFor(r.Path, heads)
		l.Rows = append(l.Rows, r)
	}
	rebuildUnits(l, summary)
	l.CountTotals()
	return l
}

// rowFromSheet reads a task's row of the 总台账 sheet.
func rowFromSheet(v [numFields]string) *ledger.Row {
	r := &ledger.Row{
		TaskID:    v[fTaskID],
		DocID:     v[fDocID],
		Label:     v[fLabel],
		Text:      v[fContent],
		Lead:      cells.SplitUnits(v[fLead]),
		Co:        cells.SplitUnits(v[fCo]),
		Deadline:  v[fDeadline],
		DueDate:   parseDay(v[fDeadline]),
		Progress:  v[fProgress],
		Percent:   parseNumber(v[fPercent]),
		Status:    fillin.Status(v[fStatus]),
		Light:     ledger.Light(v[fLight]),
		Problems:  v[fProblems],
		NextSteps: v[fNextSteps],
		Evidence:  v[fEvidence],
		Review:    v[fReview],
		Override:  v[fOverride],
	}
	r.Reported = r.Status != ledger.NotReported
	if r.Label != "" {
		r.Path = cells.SplitLabel(r.Label)
	}
	if e := parseNumber(v[fExpected]); e != nil {
		r.Expected = *e
	}
	for _, t := range cells.SplitLines(v[fTargets]) {
		r.Targets = append(r.Targets, ledger.TargetProgress{Target: task.Target{Text: t}})
	}
	return r
}

// unwrapDocHeading undoes docHeading: 《方案》 → 方案; a title with its own
// 《》 inside was written as it is.
func unwrapDocHeading(s string) string {
	if strings.HasPrefix(s, "《") && strings.HasSuffix(s, "》") && strings.Count(s, "《") == 1 {
		return strings.TrimSuffix(strings.TrimPrefix(s, "《"), "》")
	}
	return s
}

// headingsFor finds a task's headings among the heading rows above it:
// for each level of its path but the last, the latest heading row with
// that level's number, below the row found for the level above.
func headingsFor(path []string, heads []string) []string {
	var out []string
	from := 0
	for k := 0; k+1 < len(path); k++ {
		m := markerPrefix(path[k])
		found := -1
		for i := len(heads) - 1; i >= from; i-- {
			if strings.HasPrefix(heads[i], m) {
				found = i
				break
			}
		}
		if found < 0 || m == "" {
			break
		}
		out = append(out, strings.TrimSpace(strings.TrimPrefix(heads[found], m)))
		from = found + 1
	}
	return out
}

var (
	titleRe     = regexp.MustCompile(`^(.*)工作任务推进情况(?:汇总|总台账)(?:（(.+)）)?$`)
	titleNameRe = regexp.MustCompile(`^《([^《》]+)》(等\s*\d+\s*个文件)?$`)
)

// rebuildTitle takes the ledger's title and period from a sheet title, if
// the office left one as written: the 汇总 sheet's (its rows summary), else
// the 总台账 sheet's.
func (rd *reader) rebuildTitle(l *ledger.Ledger, summary [][]string) {
	m := titleRe.FindStringSubmatch(cells.CleanCell(firstCell(summary)))
	if m == nil {
		_, rows, _ := rd.optionalRows(SheetLedger)
		if m = titleRe.FindStringSubmatch(cells.CleanCell(firstCell(rows))); m == nil {
			return
		}
	}
	l.Title, l.PeriodLabel = m[1], m[2]
	if n := titleNameRe.FindStringSubmatch(m[1]); n != nil {
		l.Title = n[1] + n[2]
	}
	// The label names the period (2024年第四季度): recover its key and end,
	// which lights and reports need.
	if p, err := period.Parse(l.PeriodLabel); err == nil {
		l.Period, l.PeriodEnd = p.Key(), p.End().Format("2006-01-02")
	}
}

// firstCell is the value of a sheet's A1.
func firstCell(rows [][]string) string {
	if len(rows) == 0 || len(rows[0]) == 0 {
		return ""
	}
	return rows[0][0]
}

// rebuildUnits reads the units' lines of the 汇总 sheet's table (its rows).
func rebuildUnits(l *ledger.Ledger, rows [][]string) {
	want := map[string]int{}
	for i, h := range summaryHeaders {
		want[cells.HeaderKey(h)] = i
	}
	header, at := -1, map[int]int{}
	for r := 0; r < min(headerScanRows, len(rows)) && header < 0; r++ {
		for c, v := range rows[r] {
			if i, ok := want[cells.HeaderKey(v)]; ok {
				at[i] = c
			}
		}
		if _, ok := at[sUnit]; ok && len(at) > 2 {
			header = r
		} else {
			clear(at)
		}
	}
	if header < 0 {
		return
	}
	for _, row := range rows[header+1:] {
		get := func(i int) string {
			if c, ok := at[i]; ok && c < len(row) {
				return cells.CleanCell(row[c])
			}
			return ""
		}
		unit := get(sUnit)
		if unit == "合计" {
			break
		}
		if unit == "" {
			continue
		}
		u := &ledger.UnitSummary{
			Unit:       unit,
			Led:        parseInt(get(2)),
			CoTasks:    parseInt(get(3)),
			Reported:   parseInt(get(4)),
			Done:       parseInt(get(5)),
			Lights:     map[ledger.Light]int{},
			Compliance: ledger.Compliance(get(11)),
			ReturnDate: parseDay(get(12)),
		}
		for i, lt := range ledger.Lights {
			if n := parseInt(get(sLights + i)); n > 0 {
				u.Lights[lt] = n
			}
		}
		if c := parseNumber(get(sCompletion)); c != nil {
			u.Completion = *c
		}
		if e := get(sEmpty); e != "" {
			u.EmptyTasks = strings.Split(e, "、")
		}
		if u.Compliance == ledger.Missing {
			l.Missing = append(l.Missing, u.Unit)
		}
		l.Units = append(l.Units, u)
	}
}

// parseNumber reads a number cell, raw or typed as text ("80", "８０％").
func parseNumber(s string) *float64 {
	s = strings.TrimSuffix(strings.TrimSpace(cells.Fold(s)), "%")
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func parseInt(s string) int {
	if v := parseNumber(s); v != nil {
		return int(math.Round(*v))
	}
	return 0
}

var dayRe = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)

// parseDay reads a whole cell holding a date (2025年1月3日, 2025-01-03) as
// YYYY-MM-DD; "" for anything else.
func parseDay(s string) string {
	m := dayRe.FindStringSubmatch(strings.TrimSpace(cells.Fold(s)))
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return ""
	}
	return t.Format(time.DateOnly)
}
