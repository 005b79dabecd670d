package serve

import (
	"fmt"
	"net"
	"time"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// Request is what taizhang serve was asked for.
type Request struct {
	Workspace string // --workspace; "": the one the current directory is in
	Period    string // "": the current one
	Addr      string // where to listen
	NoListen  bool   // prepare without listening: a revocation
	BaseURL   string // "": this machine's intranet address (see LinkBases)
	Now       time.Time
}

// Setup finds the workspace and its round, listens on Addr (unless
// NoListen) and prepares the server; the listener is nil with NoListen.
func Setup(r Request) (*Server, net.Listener, error) {
	ws, err := workspace.Locate(r.Workspace)
	if err != nil {
		return nil, nil, err
	}
	if ws == nil {
		return nil, nil, &inputerr.Usage{Msg: "当前目录不在台账工作目录中：请在 taizhang init 创建的目录中运行 taizhang serve，或用 --workspace 指定"}
	}
	p, due, err := workspace.Round(ws, r.Period, "", r.Now)
	if err != nil {
		return nil, nil, err
	}
	var ln net.Listener
	addr := r.Addr
	if !r.NoListen {
		if ln, err = net.Listen("tcp", r.Addr); err != nil {
			return nil, nil, &inputerr.Usage{Msg: fmt.Sprintf("无法在 %s 上监听：%v（端口被占用时可用 --addr 换一个，如 --addr 0.0.0.0:8081）", r.Addr, err)}
		}
		addr = ln.Addr().String()
	}
	bases := Bases{Chosen: r.BaseURL}
	if bases.Chosen == "" {
		bases = LinkBases(addr)
	}
	s, err := New(Options{WS: ws, Period: p, Due: due, BaseURL: bases.Chosen})
	if err != nil {
		if ln != nil {
			ln.Close()
		}
		return nil, nil, err
	}
	s.bases = bases
	return s, ln, nil
}

// OfficeName names the office's own link for Revoke.
const OfficeName = "办公室"

// Start writes 报送链接.xlsx and returns the office page's address.
func (s *Server) Start() (office string, links *WrittenLinks, err error) {
	if links, err = s.WriteLinks(); err != nil {
		return "", nil, err
	}
	office, err = s.OfficeURL()
	return office, links, err
}
