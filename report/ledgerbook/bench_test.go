package ledgerbook

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/task"
)

var cnNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// syntheticLedger is a ledger of n tasks over the given number of units:
// three heading levels, long texts, co-units' reports, targets, and a
// previous period, like a year's worth of a city's policy documents.
func syntheticLedger(n, units int) *ledger.Ledger {
	l := &ledger.Ledger{
		Title: "全市重点工作任务", Period: "2024-Q4", PeriodLabel: "2024年第四季度",
		PeriodEnd: "2024-12-31", Due: "2025-01-05", Generated: "2025-01-06T07:30:12Z",
		Totals: ledger.Totals{Lights: map[ledger.Light]int{}},
	}
	unitName := func(i int) string { return fmt.Sprintf("市第%d工作局（办公室）", i+1) }
	statuses := []fillin.Status{fillin.StatusDone, fillin.StatusOnTrack, fillin.StatusBehind, fillin.StatusNotStart, fillin.StatusOngoing, ledger.NotReported}
	for i := range n {
		doc := i / 1000
		sec, sub, item := i/100%10, i/10%10, i%10+1
		path := []string{cnNumbers[sec], "(" + cnNumbers[sub] + ")", fmt.Sprint(item)}
		st := statuses[i%len(statuses)]
		lt := ledger.Lights[i%len(ledger.Lights)]
		r := &ledger.Row{
			TaskID: fmt.Sprintf("D%d-%s", doc+1, strings.Join(path, ".")), DocID: fmt.Sprintf("D%d", doc+1),
			DocTitle: fmt.Sprintf("关于印发《2024年全市重点工作第%d批任务清单》的通知", doc+1),
			Label:    strings.Join(path, ""), Path: path, Kind: task.KindTask,
			Headings: []string{fmt.Sprintf("第%s部分重点工作", cnNumbers[sec]), fmt.Sprintf("第%s方面工作", cnNumbers[sub])},
			Title:    fmt.Sprintf("推进第%d项重点工作", i+1),
			Text:     strings.Repeat("围绕高质量发展目标，加快推进重点项目建设，强化要素保障，", 1+i%4) + "确保按期完成。",
			Lead:     []string{unitName(i % units)}, Co: []string{unitName((i + 1) % units), unitName((i + 7) % units)},
			Deadline: "2024年底前", DueDate: "2024-12-31",
			Reported: st != ledger.NotReported, Status: st, Expected: 100, Light: lt, LightReason: "落后序时进度 20 个百分点",
			Progress:  strings.Repeat("已完成阶段性工作，正在组织验收。", 1+i%3),
			Problems:  "要素保障不足",
			NextSteps: "加快推进",
			CoReports: []ledger.CoReport{
				{Unit: unitName((i + 1) % units), Reported: true, Status: fillin.StatusOnTrack, Percent: pct(60), Progress: "配合推进"},
				{Unit: unitName((i + 7) % units)},
			},
			Previous: &ledger.PreviousRow{Percent: pct(40), Light: ledger.Yellow},
		}
		if st != ledger.NotReported {
			r.Percent = pct(float64(i % 101))
		}
		if i%5 == 0 {
			r.Targets = []ledger.TargetProgress{{
				Target:  task.Target{Text: "新增项目10个", Indicator: "新增项目", Op: ">=", Value: 10, Unit: "个", Year: 2024},
				Current: pct(8), Attainment: pct(0.8),
			}}
		}
		l.Rows = append(l.Rows, r)
		l.Totals.Tasks++
		l.Totals.Lights[lt]++
	}
	for i := range units {
		u := &ledger.UnitSummary{Unit: unitName(i), Led: n / units, CoTasks: 2 * n / units, Reported: n / units * 5 / 6,
			Done: n / units / 6, Lights: map[ledger.Light]int{ledger.Green: n / units / 4}, Completion: float64(i%10) / 10,
			Compliance: ledger.OnTime, ReturnDate: "2025-01-03"}
		if i%9 == 0 {
			u.Compliance = ledger.Missing
			l.Missing = append(l.Missing, u.Unit)
		}
		l.Units = append(l.Units, u)
		l.Intake = append(l.Intake, &ledger.Intake{File: u.Unit + ".xlsx", Unit: u.Unit, State: ledger.Used,
			Findings: []fillin.Finding{{Level: fillin.LevelWarning, Msg: "进度按 80% 读取", Sheet: "填报表", Cell: "H7"}}})
	}
	return l
}

func benchmarkWrite(b *testing.B, n, units int) {
	l := syntheticLedger(n, units)
	benchWrite(b, func(w io.Writer) error { return WriteRanked(w, l, nil) })
}

// benchWrite has write write a workbook b.N times and reports its size.
func benchWrite(b *testing.B, write func(w io.Writer) error) {
	var size int
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

func BenchmarkWrite5000(b *testing.B)     { benchmarkWrite(b, 5000, 100) }
func BenchmarkWrite500Units(b *testing.B) { benchmarkWrite(b, 5000, 500) }

func BenchmarkRead5000(b *testing.B) {
	data := writeBytes(b, syntheticLedger(5000, 100))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Read("总台账.xlsx", bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSyntheticRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("large ledger")
	}
	l := syntheticLedger(5000, 100)
	var buf bytes.Buffer
	if err := WriteRanked(io.Writer(&buf), l, nil); err != nil {
		t.Fatal(err)
	}
	assertLedgerEqual(t, readBytes(t, buf.Bytes()), l)
}
