package bulletin

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/report/gongwen/pdfcheck"
)

// testSet is two documents with headings two levels deep: eight tasks led
// by three units, one without a lead.
func testSet() *task.Set {
	dl := func(text, date string) *task.Deadline { return &task.Deadline{Text: text, Date: date} }
	return &task.Set{Documents: []*task.Document{
		{ID: "DA", Title: "市政府关于印发《科技创新行动方案》的通知", Date: "2024-01-10", Tasks: []*task.Task{
			{ID: "DA-一.(一).1", Path: []string{"一", "(一)", "1"}, Headings: []string{"重点任务", "强化创新平台"}, Kind: task.KindTask,
				Text: "建设省级以上研发机构25家，推动规模以上工业企业研发机构全覆盖。", Lead: []string{"市科技局"}, Co: []string{"市工信局"}, Deadline: dl("2024年底前", "2024-12-31")},
			{ID: "DA-一.(一).2", Path: []string{"一", "(一)", "2"}, Headings: []string{"重点任务", "强化创新平台"}, Kind: task.KindTask,
				Text: "建成市级中试基地3个。", Lead: []string{"市工信局"}, Deadline: dl("2024年6月底前", "2024-06-30")},
			{ID: "DA-一.(二).3", Path: []string{"一", "(二)", "3"}, Headings: []string{"重点任务", "培育创新主体"}, Kind: task.KindTask,
				Text: "高新技术企业数量达到600家。", Lead: []string{"市科技局"}, Deadline: dl("2024年底前", "2024-12-31")},
			{ID: "DA-二.4", Path: []string{"二", "4"}, Headings: []string{"保障措施"}, Kind: task.KindTask,
				Text: "统筹安排科技专项资金，保障重点项目资金需求。", Lead: []string{"市财政局"}, Co: []string{"市科技局"}, Deadline: dl("持续推进", "")},
		}},
		{ID: "DB", Title: "关于优化营商环境的若干措施", Date: "2024-02-01", Tasks: []*task.Task{
			{ID: "DB-一.1", Path: []string{"一", "1"}, Headings: []string{"政务服务"}, Kind: task.KindTask,
				Text: "推行“一件事一次办”，实现高频事项全覆盖。", Lead: []string{"市政务办"}, Deadline: dl("2024年9月底前", "2024-09-30")},
			{ID: "DB-一.2", Path: []string{"一", "2"}, Headings: []string{"政务服务"}, Kind: task.KindTask,
				Text: "企业开办时间压缩至1个工作日以内。", Lead: []string{"市市场监管局"}, Deadline: dl("2024年底前", "2024-12-31")},
			{ID: "DB-二.3", Path: []string{"二", "3"}, Headings: []string{"要素保障"}, Kind: task.KindTask,
				Text: "探索建立企业用地“标准地”出让制度。", Lead: []string{"市自然资源局"}, Deadline: dl("2024年底前", "2024-12-31")},
			{ID: "DB-二.4", Path: []string{"二", "4"}, Headings: []string{"要素保障"}, Kind: task.KindTask,
				Text: "完善重点企业用工服务机制。"},
		}},
	}}
}

var statuses = []fillin.Status{fillin.StatusOnTrack, fillin.StatusBehind, fillin.StatusDone, fillin.StatusOngoing}

// testLedger merges returns for period key: every unit but 市自然资源局
// reports (市政务办 late), progress growing with the quarter.
func testLedger(t testing.TB, key string) *ledger.Ledger {
	t.Helper()
	set := testSet()
	p, err := period.Parse(key)
	if err != nil {
		t.Fatal(err)
	}
	q := int(p.End().Month()) / 3
	due := p.End().AddDate(0, 0, 5)
	units, _ := fillin.Assign(set)
	var in []ledger.Received
	for ui, a := range units {
		if a.Unit == "市自然资源局" {
			continue
		}
		date := due.AddDate(0, 0, -1)
		if a.Unit == "市政务办" {
			date = due.AddDate(0, 0, 3)
		}
		r := &fillin.Return{File: a.Unit + ".xlsx", Unit: a.Unit, Period: p.Key(), Header: fillin.Header{Date: date.Format("2006-01-02")}}
		for i, it := range a.Items {
			pct := float64(min(100, 20*q+10*i+5*ui))
			st := statuses[(i+ui+q)%len(statuses)]
			if st == fillin.StatusDone {
				pct = 100
			}
			r.Entries = append(r.Entries, fillin.Entry{TaskID: it.Task.ID, Label: it.Task.Label(), Role: it.Role, Percent: &pct, Status: st,
				Progress: fmt.Sprintf("%s第%d季度推进%s，累计完成%v%%。", a.Unit, q, it.Task.Label(), pct), Problems: "要素保障不足。"})
		}
		in = append(in, ledger.Received{Return: r})
	}
	return ledger.Merge(ledger.Input{Tasks: set, Period: p, Due: due, Rules: ledger.DefaultRules, Returns: in,
		Now: due.Add(48 * time.Hour)})
}

// writeReport writes a report to a temporary PDF and checks it with poppler.
func writeReport(t *testing.T, r *Report) *pdfcheck.Report {
	t.Helper()
	if !pdfcheck.Available() {
		t.Skip("poppler-utils not installed")
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Doc.Write(f, r.Info); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	c, err := pdfcheck.Check(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Problems {
		t.Error(p)
	}
	if len(c.Sizes) != r.Doc.Pages() {
		t.Errorf("%d pages in the PDF, %d laid out", len(c.Sizes), r.Doc.Pages())
	}
	return c
}
