package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/round"
)

func TestOfficePageNeedsItsToken(t *testing.T) {
	s := testServer(t)
	for _, p := range []string{"/o/", "/o/0123456789abcdef0123456789abcdef", linkPath(t, s, reported)[:3] + "x", "/o/" + officeToken(s.key, 1)} {
		if w := get(s, p, false); w.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d; want 404", p, w.Code)
		}
	}
	if w := post(s, "/o/0123456789abcdef0123456789abcdef/merge"); w.Code != http.StatusNotFound {
		t.Errorf("merge with a wrong token: %d; want 404", w.Code)
	}
	if w := get(s, "/o/0123456789abcdef0123456789abcdef/总台账.xlsx", false); w.Code != http.StatusNotFound {
		t.Errorf("ledger with a wrong token: %d; want 404", w.Code)
	}
}

func TestOfficePage(t *testing.T) {
	s := testServer(t)
	upload(t, s, reported, "改过.xlsx", badReturn(t, s), true)
	os.Remove(filepath.Join(s.WS.ReturnsDir(s.Period), s.Period.String()+"_"+reported+"_填报表.xlsx"))
	office := officePath(t, s)
	w := get(s, office, false)
	if w.Code != http.StatusOK {
		t.Fatalf("office page: %d", w.Code)
	}
	body := w.Body.String()
	unitLink, _ := s.UnitURL(missing)
	badLink, _ := s.UnitURL(reported)
	mustContain(t, "office page", body, "报送情况", "未报 2 个", "报送有误 1 个", office+"/merge", office+"/bulletin",
		office+"/", "催办（3）",
		missing+"：贵单位尚未报送2024年第四季度任务落实情况填报表。", unitLink, "截止日期：2025年1月5日（还有 1 天）",
		reported+"：贵单位报送的2024年第四季度填报表存在错误，不能使用：", badLink, "被修改")
	if d := get(s, office+"/总台账.xlsx", false); d.Code != http.StatusOK || d.Body.Len() < 1000 {
		t.Errorf("ledger download: %d, %d bytes", d.Code, d.Body.Len())
	}
	if d := get(s, office+"/taizhang.yaml", false); d.Code != http.StatusNotFound {
		t.Errorf("a file outside the fixed set: %d; want 404", d.Code)
	}
	// The next steps name the page's buttons and 催办 messages, not commands.
	next := body[strings.Index(body, "<h2>下一步</h2>"):]
	mustContain(t, "office next steps", next, "“立即汇总”", "把上方“催办”中的消息发给 "+reported)
	if strings.Contains(next, "taizhang ") {
		t.Errorf("the office page's next steps name commands:\n%s", next)
	}
	j := get(s, office, true)
	mustContain(t, "office JSON", j.Body.String(), `"state": "有误"`, `"period": "2024-Q4"`, "“立即汇总”")
}

// Every kind of step has the office page's words; only those the page
// cannot do (no task list, no workbooks) name a command, and those that
// the page can do never do.
func TestOfficeStepsWording(t *testing.T) {
	for k := round.StepParse; k <= round.StepDone; k++ {
		text, cli := officeSteps[k], round.CommandLine[k]
		switch {
		case text == "" || cli == "":
			t.Errorf("step kind %d: office %q, command line %q; want both worded", k, text, cli)
		case k != round.StepParse && k != round.StepTemplates && strings.Contains(text, "taizhang "):
			t.Errorf("step kind %d on the office page names a command: %s", k, text)
		}
	}
}

func TestMergeButton(t *testing.T) {
	s := testServer(t)
	ledger := s.WS.LedgerPath(s.Period)
	os.Remove(ledger)
	lock := filepath.Join(s.WS.Root, workspace.Dir, "merge.lock")
	held := false
	s.progress = func(done, total int) {
		_, err := os.Stat(lock)
		held = held || err == nil
	}
	upload(t, s, missing, "各高校.xlsx", filledForm(t, s, missing, "第一次上传"), true)
	w := post(s, officePath(t, s)+"/merge")
	if w.Code != http.StatusOK {
		t.Fatalf("merge: %d", w.Code)
	}
	mustContain(t, "merge answer", w.Body.String(), "总台账：任务", "已写入")
	if _, err := os.Stat(ledger); err != nil {
		t.Errorf("no ledger after the merge button: %v", err)
	}
	if !held {
		t.Error("the workspace lock was not held during the merge")
	}
	if _, err := os.Stat(lock); err == nil {
		t.Error("the lock is left after the merge")
	}
	if st := statusOf(t, s); st.Ledger.Stale || st.Count("未报") != 1 {
		t.Errorf("after the merge: stale %v, %d missing; want up to date, 1", st.Ledger.Stale, st.Count("未报"))
	}
	release, _, err := workspace.Lock(s.WS.Root, "汇总")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	busy := post(s, officePath(t, s)+"/merge")
	mustContain(t, "merge while locked", busy.Body.String(), "工作目录正在汇总", "本次未运行")
	log := auditLines(t, s)
	if last := log[len(log)-1]; last.Action != actMerge || !strings.HasPrefix(last.Result, "失败") {
		t.Errorf("last audit line %+v; want the failed merge", last)
	}
}

func TestBulletinButton(t *testing.T) {
	s := testServer(t)
	report := s.WS.ReportPath(s.Period)
	os.Remove(report)
	w := post(s, officePath(t, s)+"/bulletin")
	mustContain(t, "bulletin answer", w.Body.String(), "已生成2024年第四季度进展通报")
	if info, err := os.Stat(report); err != nil || info.Size() < 1000 {
		t.Errorf("no report after the bulletin button: %v", err)
	}
	if log := auditLines(t, s); len(log) != 1 || log[0].Action != actBulletin {
		t.Errorf("audit %+v; want the bulletin", log)
	}
	noTemps(t, s)
}

// Two uploads of a unit with the same 填报日期: the later receipt counts,
// also once the files lost their times (copied elsewhere).
func TestNewestReceiptCounts(t *testing.T) {
	s := testServer(t)
	_, first := upload(t, s, missing, "a.xlsx", filledForm(t, s, missing, "第一次上传"), true)
	_, second := upload(t, s, missing, "b.xlsx", filledForm(t, s, missing, "第二次上传"), true)
	if !first.Usable || !second.Usable {
		t.Fatalf("uploads not usable: %+v %+v", first.Findings, second.Findings)
	}
	same := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range []string{first.StoredAs, second.StoredAs} {
		os.Chtimes(filepath.Join(s.WS.Root, f), same, same)
	}
	for _, u := range statusOf(t, s).Units {
		if u.Unit == missing && u.File != second.StoredAs {
			t.Errorf("%s counts %s; want the newer receipt %s", missing, u.File, second.StoredAs)
		}
	}
	mustContain(t, "unit page", get(s, linkPath(t, s, missing), false).Body.String(), "本期已上传", filepath.Base(first.StoredAs), filepath.Base(second.StoredAs))
}

// On the due date the page, its next steps and its 催办 messages say
// 今天截止 as the unit page does, never 还有 0 天.
func TestDueDayWording(t *testing.T) {
	s := testServer(t)
	s.Now = func() time.Time { return time.Date(2025, 1, 5, 10, 0, 0, 0, period.Beijing) }
	body := get(s, officePath(t, s), false).Body.String()
	mustContain(t, "office page on the due date", body, "截止日期：2025年1月5日（今天截止）",
		"等待 2 个单位报送（今天截止）", missing+"：贵单位尚未报送2024年第四季度任务落实情况填报表。")
	if strings.Contains(body, " 0 天") {
		t.Errorf("the office page on the due date counts 0 days:\n%s", excerpt(body[strings.Index(body, " 0 天")-200:]))
	}
}

// Either button takes over a lock a crash left long ago, and the page and
// the audit log say so.
func TestButtonsTakeOverStaleLock(t *testing.T) {
	s := testServer(t)
	lock := filepath.Join(workspace.Dir, "merge.lock")
	old := time.Now().Add(-2 * workspace.LockStale).UTC().Format(time.RFC3339)
	for _, action := range []string{"bulletin", "merge"} {
		if err := os.WriteFile(filepath.Join(s.WS.Root, lock), []byte("1 "+old+" 汇总\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		w := post(s, officePath(t, s)+"/"+action)
		mustContain(t, action+" over a stale lock", w.Body.String(), "已接管过期的工作目录锁 "+lock+"（")
		log := auditLines(t, s)
		if last := log[len(log)-1]; !strings.Contains(last.Result, "已接管过期的工作目录锁") || strings.HasPrefix(last.Result, "失败") {
			t.Errorf("%s over a stale lock logged %q; want done, saying the lock was taken over", action, last.Result)
		}
	}
}

// The office page keeps the returns' results from view to view (views at
// once share them), yet shows a return replaced since as it is now, even
// one of the same size and time.
func TestOfficePageSeesReplacedReturn(t *testing.T) {
	s := testServer(t)
	office := officePath(t, s)
	status := func() *round.Status {
		var page struct{ Status *round.Status }
		if err := json.Unmarshal(get(s, office, true).Body.Bytes(), &page); err != nil || page.Status == nil {
			t.Fatalf("office JSON: %v", err)
		}
		return page.Status
	}
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { get(s, office, false) })
	}
	wg.Wait()
	missing := status().Count(round.StateMissing)
	f := filepath.Join(s.WS.ReturnsDir(s.Period), s.Period.String()+"_"+reported+"_填报表.xlsx")
	info, err := os.Stat(f)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(f, bytes.Repeat([]byte{'x'}, int(info.Size())), 0o644)
	os.Chtimes(f, info.ModTime(), info.ModTime())
	st := status()
	rejected := false
	for _, rj := range st.Rejected {
		rejected = rejected || rj.File == workspace.Rel(s.WS.Root, f)
	}
	if !rejected || st.Count(round.StateMissing) != missing+1 {
		t.Errorf("%s's return replaced by a broken one: rejected %v, %d units missing; want it rejected, %d missing", reported, rejected, st.Count(round.StateMissing), missing+1)
	}
}
