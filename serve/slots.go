package serve

import (
	"errors"
	"net"
	"net/http"
	"runtime"
	"time"
)

// ReadTimeout bounds the reading of a request, its body included: an
// upload of MaxUpload bytes takes well under it on a slow intranet.
const ReadTimeout = 5 * time.Minute

const (
	// slotWait is how long an upload waits for a slot before it is
	// answered 503: under it, a browser's user sees no difference.
	slotWait = 3 * time.Second
	// retryAfter is the Retry-After of that answer, in seconds.
	retryAfter = "10"
)

// newUploadSlots bounds the uploads in flight: each may bring MaxUpload
// bytes, held in memory until stored, while only one per CPU is checked
// at a time.
func newUploadSlots() chan struct{} {
	return make(chan struct{}, 4*runtime.NumCPU())
}

// takeSlot takes an upload slot before the body is read, waiting at most
// s.slotWait; false when none came free or the client went away.
func (s *Server) takeSlot(r *http.Request) bool {
	select {
	case s.uploads <- struct{}{}:
		return true
	default:
	}
	wait := time.NewTimer(s.slotWait)
	defer wait.Stop()
	select {
	case s.uploads <- struct{}{}:
		return true
	case <-wait.C:
	case <-r.Context().Done():
	}
	return false
}

// busy answers unit's upload for which no slot came free, and logs it
// (see auditLog.addBusy).
func (s *Server) busy(w http.ResponseWriter, r *http.Request, unit string) {
	text := "服务器正在接收其他单位的文件，本次上传未接收：请过 " + retryAfter + " 秒左右再点“上传”。"
	if err := s.audit.addBusy(s.Now(), unit, remote(r)); err != nil {
		text += "（服务器也未能写入审计日志，请告知办公室）"
	}
	w.Header().Set("Retry-After", retryAfter)
	fail(w, r, http.StatusServiceUnavailable, message{Title: "服务器正忙，请稍后再试", Text: text})
}

// isTimeout: err is a read that ran out of time (the read deadline).
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// heldReply keeps an upload's answer in memory, so that its slot is
// freed before the answer is sent: a client that does not read it holds
// no slot meanwhile.
type heldReply struct {
	header http.Header
	status int
	body   []byte
}

func (h *heldReply) Header() http.Header { return h.header }

func (h *heldReply) WriteHeader(status int) {
	if h.status == 0 {
		h.status = status
	}
}

func (h *heldReply) Write(b []byte) (int, error) {
	h.WriteHeader(http.StatusOK)
	h.body = append(h.body, b...)
	return len(b), nil
}

// send writes the answer to w.
func (h *heldReply) send(w http.ResponseWriter) {
	for k, v := range h.header {
		w.Header()[k] = v
	}
	h.WriteHeader(http.StatusOK)
	w.WriteHeader(h.status)
	w.Write(h.body)
}
