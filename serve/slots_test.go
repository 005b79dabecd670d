package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// readCounter is a body that counts its reads.
type readCounter struct {
	strings.Reader
	reads int
}

func (r *readCounter) Read(p []byte) (int, error) {
	r.reads++
	return r.Reader.Read(p)
}

// With every upload slot taken, an upload waits a little, then is told in
// Chinese to come back later (503 with Retry-After), its body unread;
// once a slot is free it is taken.
func TestUploadsBusy(t *testing.T) {
	s := testServer(t)
	s.uploads, s.slotWait = make(chan struct{}, 1), 50*time.Millisecond
	s.uploads <- struct{}{}
	data := demoReturn(t, s, reported)
	for _, asJSON := range []bool{false, true} {
		r := uploadRequest(t, linkPath(t, s, reported), "a.xlsx", data)
		body := &readCounter{}
		r.Body = io.NopCloser(body)
		if asJSON {
			r.Header.Set("Accept", "application/json")
		}
		w := do(s, r)
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || body.reads != 0 {
			t.Errorf("upload with no free slot: %d, Retry-After %q, %d reads of the body; want 503, a Retry-After, none",
				w.Code, w.Header().Get("Retry-After"), body.reads)
		}
		mustContain(t, "busy answer", w.Body.String(), "服务器正忙，请稍后再试")
	}
	<-s.uploads
	if w, res := upload(t, s, reported, "a.xlsx", data, true); w.Code != http.StatusOK || !res.Usable {
		t.Errorf("upload with a free slot: %d %+v", w.Code, res)
	}
	if len(s.uploads) != 0 {
		t.Errorf("%d slots held after the upload; want 0", len(s.uploads))
	}
}

// A client that starts an upload and stalls holds its slot no longer than
// the read timeout: it is then answered 408, and the next upload is taken.
func TestStalledUploadFreesSlot(t *testing.T) {
	s := testServer(t)
	s.uploads, s.slotWait, s.readTimeout = make(chan struct{}, 1), 5*time.Second, 300*time.Millisecond
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Headers and the start of a large body, then nothing.
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: %s\r\nAccept: application/json\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK",
		linkPath(t, s, reported), ts.Listener.Addr())
	for start := time.Now(); len(s.uploads) == 0; time.Sleep(5 * time.Millisecond) {
		if time.Since(start) > 5*time.Second {
			t.Fatal("the stalled upload never took its slot")
		}
	}
	started := time.Now()
	if _, err := postUpload(t, ts.URL+linkPath(t, s, other), "b.xlsx", demoReturn(t, s, other)); err != nil {
		t.Errorf("upload after a stalled one: %v", err)
	}
	t.Logf("the next upload was answered after %v", time.Since(started).Round(time.Millisecond))
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if line, err := bufio.NewReader(conn).ReadString('\n'); err != nil || !strings.Contains(line, " 408 ") {
		t.Errorf("the stalled upload's answer: %q %v; want 408", line, err)
	}
}
