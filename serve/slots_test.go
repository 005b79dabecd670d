package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
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

// Busy answers are logged, one line per unit per minute at most, each
// counting the answers since the unit's previous line; those still counted
// when the server stops are logged then.
func TestBusyAudited(t *testing.T) {
	s := testServer(t)
	s.uploads, s.slotWait = make(chan struct{}, 1), time.Millisecond
	s.uploads <- struct{}{}
	start := time.Date(2025, 1, 4, 10, 0, 0, 0, period.Beijing)
	clock := start
	s.Now = func() time.Time { return clock }
	data := demoReturn(t, s, reported)
	busyAt := func(after time.Duration, n int, unit string) {
		clock = start.Add(after)
		for range n {
			if w, _ := upload(t, s, unit, "a.xlsx", data, true); w.Code != http.StatusServiceUnavailable {
				t.Fatalf("upload at %v: %d; want 503", clock, w.Code)
			}
		}
	}
	busyAt(5*time.Second, 3, reported)
	busyAt(30*time.Second, 2, other)
	busyAt(70*time.Second, 1, reported)
	busyAt(80*time.Second, 4, reported)
	if err := s.audit.flushBusy(time.Time{}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range auditLines(t, s) {
		if e.Action != actBusy || e.Remote == "" || !strings.Contains(e.Result, fmt.Sprint(e.Count, " 次")) {
			t.Errorf("busy line %+v", e)
		}
		got = append(got, fmt.Sprintf("%s %s %d", e.Time[11:19], e.Unit, e.Count))
	}
	want := []string{"10:00:05 " + reported + " 1", "10:00:30 " + other + " 1", "10:01:10 " + reported + " 3", "10:00:30 " + other + " 1", "10:01:20 " + reported + " 4"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("busy lines:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// While the server runs, the busy answers counted after a unit's line
// are logged once their minute is over, not only at the unit's next busy
// answer or when the server stops: a machine switched off, or a console
// window closed, never stops it.
func TestBusyLoggedWhileServing(t *testing.T) {
	s := testServer(t)
	s.uploads, s.slotWait, s.busyTick = make(chan struct{}, 1), time.Millisecond, 5*time.Millisecond
	s.uploads <- struct{}{}
	start := time.Date(2025, 1, 4, 10, 0, 5, 0, period.Beijing)
	var clock atomic.Int64
	s.Now = func() time.Time { return start.Add(time.Duration(clock.Load())) }
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	defer func() { cancel(); <-served }()
	data := demoReturn(t, s, reported)
	for range 3 {
		if w, _ := upload(t, s, reported, "a.xlsx", data, true); w.Code != http.StatusServiceUnavailable {
			t.Fatalf("upload: %d; want 503", w.Code)
		}
	}
	clock.Store(int64(time.Minute))
	var counts []int
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		counts = counts[:0]
		for _, e := range auditLines(t, s) {
			counts = append(counts, e.Count)
		}
		if len(counts) == 2 {
			break
		}
	}
	if fmt.Sprint(counts) != "[1 2]" {
		t.Errorf("busy lines' counts while serving: %v; want [1 2]", counts)
	}
}
