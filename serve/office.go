package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/ledgerbook"
	"github.com/taizhang-dev/taizhang/report/publish"
	"github.com/taizhang-dev/taizhang/report/round"
)

// OfficeURL is the office page's current address.
func (s *Server) OfficeURL() (string, error) {
	c, err := s.counters.read()
	if err != nil {
		return "", err
	}
	return s.BaseURL + "/o/" + officeToken(s.key, c.Office), nil
}

// isOffice: tok is the office page's current token.
func (s *Server) isOffice(tok string) bool {
	c, err := s.counters.read()
	return err == nil && sameToken(tok, officeToken(s.key, c.Office))
}

// officeView is the office page's data.
type officeView struct {
	Status   *round.Status
	Base     string // the office page's own path
	Notice   string // what the last action did
	Failed   bool
	Problems map[string]string // unit → first problem of its unusable return
	Chase    []chase
	Files    []officeFile
}

// chase is one entry of the 催办 list: a ready-to-send message.
type chase struct {
	Unit, Text string
}

// officeFile is a download of the office page.
type officeFile struct {
	Name, Label string
}

// officeFiles are the office's downloads, in the order its page lists
// them: the only files it serves, chosen from this fixed set, never from
// the request's path.
func (s *Server) officeFiles() []struct{ name, path string } {
	return []struct{ name, path string }{
		{"总台账.xlsx", s.WS.LedgerPath(s.Period)},
		{"报告.pdf", s.WS.ReportPath(s.Period)},
		{"报告.docx", publish.DocxPath(s.WS.ReportPath(s.Period))},
		{"报送链接.xlsx", filepath.Join(s.WS.PeriodDir(s.Period), LinksName)},
	}
}

// officeFilePath is the path of the office's download called name, ""
// for none.
func (s *Server) officeFilePath(name string) string {
	for _, f := range s.officeFiles() {
		if f.name == name {
			return f.path
		}
	}
	return ""
}

func (s *Server) officePage(w http.ResponseWriter, r *http.Request) {
	if !s.isOffice(r.PathValue("token")) {
		notFound(w, r)
		return
	}
	s.renderOffice(w, r, "", false)
}

func (s *Server) renderOffice(w http.ResponseWriter, r *http.Request, notice string, failed bool) {
	st, err := s.checks.ReadStatus(s.WS, s.Period, s.Due, s.Now())
	if err != nil {
		fail(w, r, http.StatusInternalServerError, message{Title: "无法读取报送情况", Text: s.userText(err)})
		return
	}
	st.Next = st.Words(officeSteps)
	if wantsJSON(r) {
		writeJSON(w, http.StatusOK, map[string]any{"status": st, "notice": notice, "failed": failed})
		return
	}
	v := &officeView{Status: st, Base: "/o/" + r.PathValue("token"), Notice: notice, Failed: failed, Problems: map[string]string{}}
	for _, rj := range st.Rejected {
		if v.Problems[rj.Unit] == "" {
			v.Problems[rj.Unit] = rj.Problem
		}
	}
	v.Chase = s.chaseList(st, v.Problems)
	for _, f := range s.officeFiles() {
		if workspace.Exists(f.path) {
			v.Files = append(v.Files, officeFile{Name: f.name, Label: f.name})
		}
	}
	page(w, http.StatusOK, "office", v)
}

// officeSteps words the round's next steps for the office page: its
// buttons, its 催办 messages and downloads where status names commands.
// A step the page cannot do (no task list, no workbooks) still names the
// command to run on this PC.
var officeSteps = round.CommandLine.With(round.Wording{
	round.StepParse:     "工作目录中还没有任务分解表：请在本机把政策文件放入 " + workspace.DocsName + "/，运行 taizhang parse 和 taizhang templates",
	round.StepTemplates: "本期填报表尚未生成，各单位打开链接时无法下载：请在本机运行 taizhang templates 生成{期次}填报表",
	round.StepWait:      "等待 {个数} 个单位报送：{单位}；需要提醒时，把上方“催办”中的消息发给这些单位",
	round.StepWaitDue:   "等待 {个数} 个单位报送（{截止}）：{单位}；需要提醒时，把上方“催办”中的消息发给这些单位",
	round.StepChase:     "催报（截止日期{截止}）：把上方“催办”中的消息发给 {单位}",
	round.StepRedo:      "请以下单位重新报送（报送文件有错误，不能使用，问题见“各单位”表）：把上方“催办”中的消息发给 {单位}",
	round.StepMerge:     "点上方“立即汇总”生成{期次}总台账",
	round.StepRemerge:   "总台账早于收到的报送文件：请点上方“立即汇总”重新汇总",
	round.StepReport:    "点上方“生成进展通报”生成{期次}进展通报（总台账可在上方下载）",
	round.StepDone:      "{期次}的报送、汇总和报告均已完成：总台账和报告可在上方下载",
})

// chaseList is a message for each unit that has not reported or whose
// returns all cannot be used: what is missing or wrong, its link and the
// due date.
func (s *Server) chaseList(st *round.Status, problems map[string]string) []chase {
	urls, err := s.unitURLs()
	if err != nil {
		return nil // the counters cannot be read: no link to send
	}
	var out []chase
	// The due date as the pages word it (office.html, unit.html).
	due := "截止日期：未设定"
	if st.Due != "" {
		due = "截止日期：" + period.ChineseDay(st.Due) + "（" + period.DaysLeft(st.DaysLeft) + "）"
	}
	for _, u := range st.Units {
		var what string
		switch u.State {
		case round.StateMissing:
			what = fmt.Sprintf("贵单位尚未报送%s任务落实情况填报表", st.PeriodLabel)
		case round.StateRejected:
			what = fmt.Sprintf("贵单位报送的%s填报表存在错误，不能使用：%s", st.PeriodLabel, problems[u.Unit])
		default:
			continue
		}
		link := urls(u.Unit)
		out = append(out, chase{Unit: u.Unit, Text: fmt.Sprintf("%s：%s。请打开本单位的报送链接下载填报表，填写后在该页面上传，页面会立即显示检查结果。\n报送链接：%s\n%s",
			u.Unit, what, link, due)})
	}
	return out
}

func (s *Server) officeDownload(w http.ResponseWriter, r *http.Request) {
	path := s.officeFilePath(r.PathValue("file"))
	if !s.isOffice(r.PathValue("token")) || path == "" {
		notFound(w, r)
		return
	}
	sendFile(w, r, path, s.Period.String()+"_"+r.PathValue("file"))
}

// mergeNow merges the period's returns as taizhang merge does, under the
// workspace's lock; the page says when it took over a stale lock.
func (s *Server) mergeNow(w http.ResponseWriter, r *http.Request) {
	if !s.isOffice(r.PathValue("token")) {
		notFound(w, r)
		return
	}
	at := s.Now()
	plan, err := round.NewPlan(round.Request{Sources: &workspace.Sources{Workspace: s.WS.Root}, Period: s.Period.Key(),
		Now: at, Progress: s.progress})
	var notice strings.Builder
	if err == nil {
		plan.Note = func(note string) { fmt.Fprintln(&notice, note) }
		var written *round.Written
		if written, err = plan.Write(); err == nil {
			written.WriteSummary(&notice, workspace.Rel(s.WS.Root, plan.Output))
		}
	}
	// The office reads the files' places within its workspace.
	summary := s.inWorkspace(notice.String())
	s.officeAction(w, r, actMerge, workspace.Rel(s.WS.Root, s.WS.LedgerPath(s.Period)), strings.TrimSpace(summary), err)
}

// bulletin writes the period's progress bulletin as taizhang report does,
// under the workspace's lock.
func (s *Server) bulletin(w http.ResponseWriter, r *http.Request) {
	if !s.isOffice(r.PathValue("token")) {
		notFound(w, r)
		return
	}
	notice, err := s.writeBulletin()
	s.officeAction(w, r, actBulletin, workspace.Rel(s.WS.Root, s.WS.ReportPath(s.Period)), notice, err)
}

// writeBulletin writes the bulletin and says what it did: a stale lock
// taken over (also when the report then failed) and the pages written.
func (s *Server) writeBulletin() (string, error) {
	// The report would say to run taizhang merge; on this page it is a button.
	if !workspace.Exists(s.WS.LedgerPath(s.Period)) {
		return "", inputerr.New("", "", "本期还没有总台账，无法生成通报：请先点“立即汇总”，再生成进展通报")
	}
	plan, err := publish.NewPlan(publish.Request{Kind: publish.Progress, Workspace: s.WS.Root, Period: s.Period.Key(),
		Masthead: true, Format: publish.Both, Now: s.Now()})
	if err != nil {
		return "", err
	}
	var notice strings.Builder
	plan.Note = func(note string) { fmt.Fprintln(&notice, s.inWorkspace(note)) }
	wr, err := plan.Write(func([]ledgerbook.Ignored) {})
	if err == nil {
		fmt.Fprintf(&notice, "已生成%s进展通报（%d 页），可在下方下载", s.Period.String(), wr.Pages)
	}
	return strings.TrimSpace(notice.String()), err
}

// officeAction logs an office action and shows the office page with what
// it did, or why it failed.
func (s *Server) officeAction(w http.ResponseWriter, r *http.Request, action, file, notice string, err error) {
	logged, shown := notice, notice
	if err != nil {
		// What the action did before it failed (a lock taken over) follows.
		logged, shown = strings.TrimSpace("失败："+err.Error()+"\n"+notice), strings.TrimSpace("失败："+s.userText(err)+"\n"+notice)
	}
	if err := s.audit.add(s.Now(), auditEntry{Action: action, File: file, Result: logged, Remote: remote(r)}); err != nil {
		shown += "\n注意：本次操作未能写入审计日志 " + AuditName + "，请检查该文件是否只读或磁盘已满。"
	}
	s.renderOffice(w, r, shown, err != nil)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
