package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// unitOf is the unit whose current link token is tok; false for none
// (another period's, a revoked or a made-up token).
func (s *Server) unitOf(tok string) (fillin.Assignment, bool) {
	c, err := s.counters.read()
	if err != nil {
		return fillin.Assignment{}, false
	}
	found, ok := fillin.Assignment{}, false
	// Every unit is compared, found or not: the time says nothing.
	for _, a := range s.tasks().units {
		if sameToken(tok, unitToken(s.key, s.Period.Key(), a.Unit, c.Units[a.Unit])) {
			found, ok = a, true
		}
	}
	return found, ok
}

// UnitURL is unit's current link.
func (s *Server) UnitURL(unit string) (string, error) {
	urls, err := s.unitURLs()
	if err != nil {
		return "", err
	}
	return urls(unit), nil
}

// unitURLs reads the revocation counters once and gives each unit's
// current link from them: one read for a whole list of links.
func (s *Server) unitURLs() (func(unit string) string, error) {
	c, err := s.counters.read()
	if err != nil {
		return nil, err
	}
	return func(unit string) string {
		return s.BaseURL + "/u/" + unitToken(s.key, s.Period.Key(), unit, c.Units[unit])
	}, nil
}

// unitView is the unit page's data.
type unitView struct {
	Unit, Period, Due string
	DaysLeft          int
	Action            string // the form's own path
	Form              string // the download's path; "" when the workbook was not issued
	Result            *uploadResult
	Earlier           []auditEntry
}

func (s *Server) unitView(a fillin.Assignment, tok string) *unitView {
	v := &unitView{Unit: a.Unit, Period: s.Period.String(), Action: "/u/" + tok}
	if !s.Due.IsZero() {
		v.Due, v.DaysLeft = s.Due.Format("2006-01-02"), period.DaysUntil(s.Due, s.Now())
	}
	if _, err := os.Stat(s.formPath(a.Unit)); err == nil {
		v.Form = "/u/" + tok + "/" + formDownload
	}
	v.Earlier = s.audit.uploads(a.Unit, workspace.Rel(s.WS.Root, s.WS.ReturnsDir(s.Period)))
	return v
}

// formDownload is the one file a unit may download: its fill-in workbook.
const formDownload = "填报表.xlsx"

// formPath is where unit's issued fill-in workbook of the period is.
func (s *Server) formPath(unit string) string {
	return s.tasks().forms[unit]
}

func (s *Server) unitPage(w http.ResponseWriter, r *http.Request) {
	a, ok := s.unitOf(r.PathValue("token"))
	if !ok {
		notFound(w, r)
		return
	}
	v := s.unitView(a, r.PathValue("token"))
	if wantsJSON(r) {
		answer := map[string]any{"unit": v.Unit, "period": s.Period.Key(), "due": v.Due, "form": v.Form != "", "uploads": v.Earlier}
		if v.Due != "" {
			answer["days_left"] = v.DaysLeft
		}
		writeJSON(w, http.StatusOK, answer)
		return
	}
	page(w, http.StatusOK, "unit", v)
}

func (s *Server) unitDownload(w http.ResponseWriter, r *http.Request) {
	a, ok := s.unitOf(r.PathValue("token"))
	if !ok || r.PathValue("file") != formDownload {
		notFound(w, r)
		return
	}
	path := s.formPath(a.Unit)
	sendFile(w, r, path, filepath.Base(path))
}

// sendFile sends the file at path (chosen by the server, never by the
// request) as an attachment named name; 404 when it is not there.
func sendFile(w http.ResponseWriter, r *http.Request, path, name string) {
	f, err := os.Open(path)
	if err != nil {
		notFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		notFound(w, r)
		return
	}
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	// Whole files only: they are small, and ServeContent answers a range it
	// cannot serve in English.
	r.Header.Del("Range")
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// uploadResult is the answer to an upload; its JSON is the upload's
// answer for scripts, with the findings as check --json gives them.
type uploadResult struct {
	Usable   bool             `json:"usable"`
	StoredAs string           `json:"stored_as"` // "" when refused
	Refused  string           `json:"refused,omitempty"`
	Received string           `json:"received"` // Beijing time, RFC 3339
	File     string           `json:"file"`     // the upload's own name
	SHA256   string           `json:"sha256"`
	Findings []fillin.Finding `json:"findings"`
}

// ShortSHA is the receipt's short SHA-256.
func (u *uploadResult) ShortSHA() string { return u.SHA256[:12] }

// Time is the receipt time in Chinese.
func (u *uploadResult) Time() string { return period.ChineseSeconds(u.Received) }

// Stored is the stored file's name, without its folder.
func (u *uploadResult) Stored() string { return filepath.Base(u.StoredAs) }

// upload takes a unit's return: refused outright when too large, not a
// workbook, or not this unit's own workbook; otherwise stored (usable or
// not), logged and answered with its check.
//
// Its body is read only once it holds one of the upload slots (else 503),
// within s.readTimeout of taking it, and the slot is freed before the
// answer is sent.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	tok := r.PathValue("token")
	a, ok := s.unitOf(tok)
	if !ok {
		notFound(w, r)
		return
	}
	if !s.takeSlot(r) {
		s.busy(w, r, a.Unit)
		return
	}
	// A slow client holds its slot no longer than this: its body then
	// fails to read. Not supported (a test's recorder): the server's own.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(s.readTimeout))
	r.Body = http.MaxBytesReader(w, r.Body, MaxUpload+64<<10)
	held := &heldReply{header: http.Header{}}
	s.receive(held, r, a, tok)
	<-s.uploads
	held.send(w)
}

// receive reads, checks, stores and logs an upload and answers it.
func (s *Server) receive(w http.ResponseWriter, r *http.Request, a fillin.Assignment, tok string) {
	at := s.Now()
	name, data, err := readUpload(r)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		s.refuse(w, r, a, http.StatusRequestEntityTooLarge, &uploadResult{File: name, Received: period.Stamp(at),
			Refused: "文件超过 20 MB，未接收：填报表通常只有几十 KB，请删除粘贴进表格的图片或附件后重新上传"}, tok)
		return
	case isTimeout(err):
		s.refuse(w, r, a, http.StatusRequestTimeout, &uploadResult{File: name, Received: period.Stamp(at),
			Refused: "文件未能在规定时间内传完，未接收：请检查网络后重新上传"}, tok)
		return
	case err != nil:
		s.refuse(w, r, a, http.StatusBadRequest, &uploadResult{Received: period.Stamp(at),
			Refused: "没有收到文件：请在“选择文件”中选好本单位的填报表后再点“上传”"}, tok)
		return
	}
	up, res, err := s.checkUpload(a.Unit, name, data, at)
	defer up.Discard()
	switch {
	case err != nil:
		s.storeFailed(w, r, a, res, err)
	case res.Refused != "":
		s.refuse(w, r, a, http.StatusUnprocessableEntity, res, tok)
	default:
		s.keep(w, r, a, up, res, tok)
	}
}

// keep gives a checked upload its receipt name in 报送/, logs it and
// answers it.
func (s *Server) keep(w http.ResponseWriter, r *http.Request, a fillin.Assignment, up *intake.Upload, res *uploadResult, tok string) {
	path, at, err := s.store(a.Unit, up)
	if err != nil {
		s.storeFailed(w, r, a, res, err)
		return
	}
	res.StoredAs, res.Received = workspace.Rel(s.WS.Root, path), period.Stamp(at)
	result := resultUsable
	if !res.Usable {
		result = "不能使用：" + firstProblem(res.Findings)
	}
	if err := s.audit.add(at, auditEntry{Unit: a.Unit, Action: actUpload, File: res.StoredAs, SHA256: res.SHA256, Result: result, Remote: remote(r)}); err != nil {
		// Kept but not logged: the unit is told, and the office sees the
		// file in 报送/ all the same.
		fail(w, r, http.StatusInternalServerError, message{Title: "已保存，但未能记录", Text: "文件已保存为 " + res.Stored() + "，但服务器未能写入审计日志，请把此情况告知办公室。"})
		return
	}
	s.answer(w, r, a, http.StatusOK, res, tok)
}

// storeFailed answers an upload that could not be kept, and logs why.
func (s *Server) storeFailed(w http.ResponseWriter, r *http.Request, a fillin.Assignment, res *uploadResult, err error) {
	text := "服务器未能保存该文件，本次上传未计入，请稍后重试；如仍失败，请告知办公室。"
	if lerr := s.audit.add(s.Now(), auditEntry{Unit: a.Unit, Action: actRefused, File: res.File, SHA256: res.SHA256,
		Result: "保存失败：" + err.Error(), Remote: remote(r)}); lerr != nil {
		text += "（服务器也未能写入审计日志）"
	}
	fail(w, r, http.StatusInternalServerError, message{Title: "保存失败", Text: text})
}

// checkUpload writes an upload once, in 报送/ under a temporary name, and
// checks it as taizhang check does, against the unit of the link; Refused
// says why it is not taken (not a workbook, or not this unit's own). The
// error is the upload's that could not be written.
func (s *Server) checkUpload(unit, name string, data []byte, at time.Time) (*intake.Upload, *uploadResult, error) {
	sum := sha256.Sum256(data)
	res := &uploadResult{File: name, SHA256: hex.EncodeToString(sum[:]), Received: period.Stamp(at), Findings: []fillin.Finding{}}
	up, err := intake.Receive(s.WS.ReturnsDir(s.Period), name, data)
	switch {
	case errors.Is(err, intake.ErrNotWorkbook):
		res.Refused = "这不是 Excel 或 WPS 表格文件（只接收 .xlsx、.xls、.et 格式的填报表），未接收：请上传办公室下发的填报表"
		return nil, res, nil
	case err != nil:
		return nil, res, err
	}
	s.checking <- struct{}{}
	defer func() { <-s.checking }()
	p := s.Period
	t := s.tasks()
	ret := up.Check(fillin.CheckOptions{Tasks: t.set, Index: t.index, Period: &p, Secret: s.secret, Unit: unit})
	res.Findings, res.Usable = ret.Findings, ret.Usable()
	switch {
	case ret.Unit == "":
		res.Refused = "无法确认这是本单位的填报表（" + firstProblem(ret.Findings) + "），未接收：请用本页下载的填报表填写后上传"
	case ret.Unit != unit:
		res.Refused = "这是“" + ret.Unit + "”的填报表，不是本单位（" + unit + "）的，未接收，也不计入任何单位：请上传本单位的填报表"
	}
	if res.Refused != "" {
		res.Usable = false
	}
	return up, res, nil
}

// refuse answers an upload that is not stored, and logs it.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, a fillin.Assignment, status int, res *uploadResult, tok string) {
	if res.Findings == nil {
		res.Findings = []fillin.Finding{}
	}
	t, _ := time.Parse(time.RFC3339, res.Received)
	if err := s.audit.add(t, auditEntry{Unit: a.Unit, Action: actRefused, File: res.File, SHA256: res.SHA256, Result: res.Refused, Remote: remote(r)}); err != nil {
		res.Refused += "（服务器未能写入审计日志，请告知办公室）"
	}
	s.answer(w, r, a, status, res, tok)
}

func (s *Server) answer(w http.ResponseWriter, r *http.Request, a fillin.Assignment, status int, res *uploadResult, tok string) {
	if wantsJSON(r) {
		writeJSON(w, status, res)
		return
	}
	v := s.unitView(a, tok)
	v.Result = res
	page(w, status, "unit", v)
}

// readUpload reads the form's file field, at most MaxUpload bytes; the
// error is an *http.MaxBytesError for a larger one (the body is limited
// by upload).
func readUpload(r *http.Request) (string, []byte, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return "", nil, err
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return "", nil, err
		}
		if part.FormName() != "file" {
			continue
		}
		name := filepath.Base(strings.ReplaceAll(part.FileName(), `\`, "/"))
		data, err := io.ReadAll(io.LimitReader(part, MaxUpload+1))
		if err == nil && len(data) > MaxUpload {
			err = &http.MaxBytesError{Limit: MaxUpload}
		}
		if err == nil && len(data) == 0 {
			err = errors.New("empty upload")
		}
		return name, data, err
	}
}

// firstProblem is the first error of findings with its sheet and cell, "" for none.
func firstProblem(fs []fillin.Finding) string {
	for _, f := range fs {
		if f.Level == fillin.LevelError {
			return f.Detail()
		}
	}
	return ""
}

// remote is the client's address, without its port.
func remote(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Problems are the upload's errors and warnings, errors first: what the
// unit must fix or look at.
func (u *uploadResult) Problems() []fillin.Finding {
	out := slices.DeleteFunc(slices.Clone(u.Findings), func(f fillin.Finding) bool { return !isProblem(f) })
	slices.SortStableFunc(out, func(a, b fillin.Finding) int { return levelRank(a) - levelRank(b) })
	return out
}

// Notes are the upload's other findings, shown folded.
func (u *uploadResult) Notes() []fillin.Finding {
	return slices.DeleteFunc(slices.Clone(u.Findings), isProblem)
}

func isProblem(f fillin.Finding) bool {
	return f.Level == fillin.LevelError || f.Level == fillin.LevelWarning
}

// levelRank puts errors before the rest.
func levelRank(f fillin.Finding) int {
	if f.Level == fillin.LevelError {
		return 0
	}
	return 1
}
