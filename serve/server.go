package serve

import (
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/round"
)

// MaxUpload is the largest upload taken: a fill-in workbook is tens of
// kilobytes; a return with attachments pasted in a few megabytes.
const MaxUpload = 20 << 20

//go:embed web
var web embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"day": period.ChineseDay, "daysLeft": period.DaysLeft, "base": filepath.Base,
}).ParseFS(web, "web/*.html"))

// Options are what a server serves: a workspace's period.
type Options struct {
	WS     *workspace.Workspace
	Period period.Period
	Due    time.Time
	// BaseURL starts the links, http://192.168.1.5:8080 or the address of
	// an HTTPS proxy in front of the server.
	BaseURL string
	// Now is the clock; nil for time.Now.
	Now func() time.Time
}

// Server answers the units' and the office's pages of one period.
type Server struct {
	Options
	key      []byte // serveKey: links are derived from it
	secret   []byte // the signing key the returns are checked with
	tasksMu  sync.Mutex
	loaded   *tasks
	counters *counters
	audit    *auditLog
	storeMu  sync.Mutex // names of stored uploads
	// checking bounds the uploads checked at once: a check holds the
	// workbook unzipped, many times its size, in memory.
	checking chan struct{}
	// uploads bounds the uploads in flight (see newUploadSlots); an
	// upload waits slotWait for one, and reads its body within
	// readTimeout.
	uploads     chan struct{}
	slotWait    time.Duration
	readTimeout time.Duration
	// bases are the links' possible starts (see AddressNote); only Chosen
	// when the start was given.
	bases Bases
	// progress, when not nil, is told of each return a merge from the
	// office page reads (tests look at the lock meanwhile).
	progress func(done, total int)
	// checks keeps the returns' results between views of the office
	// page: a return is checked again only when it changed.
	checks round.Checks
	// busyTick is how often a running server logs the busy answers
	// counted in a minute now over (see auditLog.flushBusy).
	busyTick time.Duration
}

// New prepares the server of o's period: it reads the workspace's key and
// task list, which must have units with tasks.
func New(o Options) (*Server, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	secret, _, err := workspace.Secret(o.WS.Root, false)
	if err != nil {
		return nil, err
	}
	loaded, err := loadTasks(o.WS, o.Period)
	if err != nil {
		return nil, err
	}
	// Uploads are checked (an .xls converted) and kept in 报送/.
	if err := os.MkdirAll(o.WS.ReturnsDir(o.Period), 0o755); err != nil {
		return nil, &workspace.Error{Path: o.WS.ReturnsDir(o.Period), Msg: "无法创建报送文件夹：" + err.Error()}
	}
	o.BaseURL = strings.TrimRight(o.BaseURL, "/")
	return &Server{Options: o, key: serveKey(secret), secret: secret, loaded: loaded,
		counters: newCounters(o.WS.Root), audit: newAuditLog(o.WS.Root), checking: make(chan struct{}, runtime.NumCPU()),
		uploads: newUploadSlots(), slotWait: slotWait, readTimeout: ReadTimeout, busyTick: 10 * time.Second}, nil
}

// tasks is the task list uploads are checked against and links are made
// for, with the stamp of its file, and where each unit's fill-in workbook
// of the period was issued.
type tasks struct {
	set   *task.Set
	index *fillin.Index
	units []fillin.Assignment
	forms map[string]string // unit → its workbook's path
	stamp stamp
}

// loadTasks reads the workspace's task list for period p; it must have
// units with tasks.
func loadTasks(ws *workspace.Workspace, p period.Period) (*tasks, error) {
	// Stamped before it is read: a save in between is seen at the next look.
	st, err := stampOf(ws.TaskList(), time.Now())
	if err != nil {
		return nil, &workspace.Error{Path: ws.TaskList(), Msg: "工作目录中还没有任务分解表：请先运行 taizhang parse 和 taizhang templates"}
	}
	set, err := (&workspace.Sources{Workspace: ws.Root, WS: ws}).Load()
	if err != nil {
		return nil, err
	}
	units, _ := fillin.Assign(set)
	if len(units) == 0 {
		return nil, &workspace.Error{Path: ws.TaskList(), Msg: "任务分解表中没有任何已指定牵头单位的任务，没有可发链接的单位"}
	}
	forms := map[string]string{}
	for i, name := range fillin.FileNames(units, p) {
		forms[units[i].Unit] = filepath.Join(ws.TemplatesDir(p), name)
	}
	return &tasks{set: set, index: fillin.NewIndex(set), units: units, forms: forms, stamp: st}, nil
}

// tasks is the current task list: read again when its file changed since
// (the office parsed again while serving), even twice within the file
// system's time resolution (see stamp), so that an upload is checked
// against the same list as a merge. A list that cannot be read now keeps
// the one read before; merge and status will say what is wrong with it.
// The file's times are the system's: time.Now, not s.Now, is compared
// with them.
func (s *Server) tasks() *tasks {
	s.tasksMu.Lock()
	defer s.tasksMu.Unlock()
	if !s.loaded.stamp.current(s.WS.TaskList(), time.Now()) {
		if t, err := loadTasks(s.WS, s.Period); err == nil {
			s.loaded = t
		}
	}
	return s.loaded
}

// Handler routes the requests: /u/<token> for a unit, /o/<token> for the
// office, /style.css; everything else is the one 404 page.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /style.css", serveCSS)
	mux.HandleFunc("GET /u/{token}", s.unitPage)
	mux.HandleFunc("POST /u/{token}", s.upload)
	mux.HandleFunc("GET /u/{token}/{file}", s.unitDownload)
	mux.HandleFunc("GET /o/{token}", s.officePage)
	mux.HandleFunc("POST /o/{token}/merge", s.mergeNow)
	mux.HandleFunc("POST /o/{token}/bulletin", s.bulletin)
	mux.HandleFunc("GET /o/{token}/{file}", s.officeDownload)
	mux.HandleFunc("/", notFound)
	return s.secure(mux)
}

// NewHTTPServer is an http.Server for h with limits on headers and time:
// a slow or stuck client never holds a connection for long.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: ReadTimeout,
		WriteTimeout: 10 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
}

// secure sets the headers every answer carries and refuses a POST from
// another site's page (a foreign Origin): the link is the credential, so
// no other page may submit to it.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		// The token is in the URL: no other site may see it as a referrer.
		// same-origin rather than no-referrer, under which browsers send
		// the page's own form POST with "Origin: null" (refused below).
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Frame-Options", "DENY")
		// The mux would redirect an unclean path (/u/x/../y, //u) with a
		// page in English; no link of this server has one.
		if path.Clean(r.URL.Path) != r.URL.Path {
			notFound(w, r)
			return
		}
		if r.Method == http.MethodPost && !s.sameOrigin(r) {
			fail(w, r, http.StatusForbidden, message{Title: "请求被拒绝", Text: "该提交来自其他网站的页面，已拒绝。请直接打开办公室发给本单位的链接后上传。"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin: no Origin header (a script, an old browser), or one whose
// host is the host the request was sent to or the links' own (--base-url:
// a proxy in front that does not pass the Host on); "null" (a sandboxed
// or file page) is foreign.
func (s *Server) sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	if err != nil || u.Host == "" {
		return false
	}
	base, _ := url.Parse(s.BaseURL)
	return strings.EqualFold(u.Host, r.Host) || base != nil && strings.EqualFold(u.Host, base.Host)
}

// message is the data of a page that only says something.
type message struct {
	Title, Text string
}

func notFound(w http.ResponseWriter, r *http.Request) {
	fail(w, r, http.StatusNotFound, message{Title: "找不到该页面", Text: "链接无效或已停用。请核对办公室发来的链接；如链接已更换，请向办公室索取新链接。"})
}

// fail answers a request that was not served with m: its page, or, when
// the request asks for JSON, {"error": title, "message": text}.
func fail(w http.ResponseWriter, r *http.Request, status int, m message) {
	if wantsJSON(r) {
		writeJSON(w, status, map[string]string{"error": m.Title, "message": m.Text})
		return
	}
	page(w, status, "message", m)
}

// userText is what a page says of err: the message of a problem the office
// can fix (a busy workspace, a missing file), with the workspace's own
// path left out; for any other failure, whose text is the system's and in
// English, only that it failed; the audit log keeps the whole error.
func (s *Server) userText(err error) string {
	if inputerr.Is(err) {
		return s.inWorkspace(err.Error())
	}
	return "服务器内部错误，未能完成（详情已记入审计日志 " + AuditName + "）"
}

// inWorkspace writes the paths in text as places within the workspace,
// the way the office reads them.
func (s *Server) inWorkspace(text string) string {
	return strings.ReplaceAll(text, s.WS.Root+string(filepath.Separator), "")
}

// page renders template name with data.
func page(w http.ResponseWriter, status int, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, name, data); err != nil {
		fmt.Fprintf(w, "<p>页面生成失败：%s</p>", template.HTMLEscapeString(err.Error()))
	}
}

func serveCSS(w http.ResponseWriter, _ *http.Request) {
	css, _ := web.ReadFile("web/style.css")
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Write(css)
}

// wantsJSON: the request asks for JSON (Accept: application/json).
func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}
