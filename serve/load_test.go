package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/intake"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// The load: clients uploading at once, returns in all, and after how many
// uploads the office merges.
const (
	loadClients = 50
	loadUploads = 500
)

var loadMerges = []int{150, 350}

// On a real listener, 50 clients upload 500 returns of the demo's units
// (its own returns, 报送/ emptied first) while the office merges twice:
// every upload is answered with a receipt, stored, logged and counted —
// each unit's newest upload is the one status uses — and no temporary
// file is left.
func TestLoad(t *testing.T) {
	testkit.RealClient(t)
	s := testServer(t)
	s.Now = time.Now
	returns := emptyReturns(t, s)
	base, stop := listen(t, s)
	defer stop()
	stopMem := peakMemory()
	start := time.Now()
	jobs := make(chan int)
	var (
		busyAnswers atomic.Int64
		mu          sync.Mutex
		byUnit      = map[string][]string{}
		wg          sync.WaitGroup
	)
	// The office presses the button at each count of uploads, one merge
	// after the other, as one clerk would.
	reached, merged := make(chan struct{}, len(loadMerges)), make(chan error, len(loadMerges))
	go func() {
		for range loadMerges {
			<-reached
			merged <- officeMerge(base + officePath(t, s))
		}
	}()
	for c := 0; c < loadClients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				unit := returns.units[i%len(returns.units)]
				res, err := postUpload(t, base+linkPath(t, s, unit), unit+".xlsx", returns.data[unit])
				// Told the server is busy, a unit tries again, as the page says.
				for tries := 0; errors.Is(err, errBusy) && tries < 50; tries++ {
					busyAnswers.Add(1)
					time.Sleep(100 * time.Millisecond)
					res, err = postUpload(t, base+linkPath(t, s, unit), unit+".xlsx", returns.data[unit])
				}
				if err != nil {
					t.Errorf("upload %d (%s): %v", i, unit, err)
					continue
				}
				mu.Lock()
				byUnit[unit] = append(byUnit[unit], res.StoredAs)
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < loadUploads; i++ {
		for _, at := range loadMerges {
			if i == at {
				reached <- struct{}{}
			}
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for range loadMerges {
		if err := <-merged; err != nil {
			t.Error(err)
		}
	}
	took := time.Since(start)
	t.Logf("%d uploads by %d clients with %d merges in %v (%.1f uploads/s, %d answers 服务器正忙), peak heap %d MB", loadUploads, loadClients,
		len(loadMerges), took.Round(time.Millisecond), float64(loadUploads)/took.Seconds(), busyAnswers.Load(), stopMem()>>20)
	checkLoad(t, s, byUnit)
}

// loadReturns are the demo's returns of its fourth quarter by unit.
type loadReturns struct {
	units []string
	data  map[string][]byte
}

// emptyReturns reads the units' returns and empties 报送/.
func emptyReturns(t *testing.T, s *Server) loadReturns {
	r := loadReturns{data: map[string][]byte{}}
	for _, a := range s.tasks().units {
		path := filepath.Join(s.WS.ReturnsDir(s.Period), s.Period.String()+"_"+a.Unit+"_填报表.xlsx")
		if data, err := os.ReadFile(path); err == nil {
			r.units, r.data[a.Unit] = append(r.units, a.Unit), data
		}
	}
	os.RemoveAll(s.WS.ReturnsDir(s.Period))
	os.MkdirAll(s.WS.ReturnsDir(s.Period), 0o755)
	if len(r.units) < 40 {
		t.Fatalf("only %d demo returns", len(r.units))
	}
	return r
}

// listen serves s on 127.0.0.1 and returns its address and how to stop it.
func listen(t *testing.T, s *Server) (string, func()) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

// errBusy is an upload answered 服务器正忙 (503).
var errBusy = errors.New("server busy")

// postUpload uploads through a real connection and asks for JSON.
func postUpload(t *testing.T, url, name string, data []byte) (*uploadResult, error) {
	r := uploadRequest(t, "/", name, data)
	req, err := http.NewRequest(http.MethodPost, url, r.Body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", r.Header.Get("Content-Type"))
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusServiceUnavailable {
		return nil, errBusy
	}
	var res uploadResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK || !res.Usable || res.StoredAs == "" || len(res.SHA256) != 64 || res.Received == "" {
		return nil, fmt.Errorf("answer %d: %+v", resp.StatusCode, res)
	}
	return &res, nil
}

// officeMerge presses the merge button.
func officeMerge(url string) error {
	req, err := http.NewRequest(http.MethodPost, url+"/merge", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || err != nil || !strings.Contains(string(body), "已写入") {
		return fmt.Errorf("merge: %s %v\n%s", resp.Status, err, excerpt(string(body)))
	}
	return nil
}

// checkLoad: every upload stored, logged and counted, no temporary file.
func checkLoad(t *testing.T, s *Server, byUnit map[string][]string) {
	if n := len(stored(t, s)); n != loadUploads {
		t.Errorf("%d files stored; want %d", n, loadUploads)
	}
	uploads := 0
	for _, e := range auditLines(t, s) {
		if e.Action == actUpload {
			uploads++
		}
	}
	if uploads != loadUploads {
		t.Errorf("%d upload lines in the audit log; want %d", uploads, loadUploads)
	}
	st := statusOf(t, s)
	for _, u := range st.Units {
		files := byUnit[u.Unit]
		if len(files) == 0 {
			continue
		}
		if newest := newestReceipt(files); u.File != newest {
			t.Errorf("%s counts %s; want its newest upload %s", u.Unit, u.File, newest)
		}
	}
	noTemps(t, s)
}

func newestReceipt(files []string) string {
	best, bestAt := "", time.Time{}
	for _, f := range files {
		if at, ok := intake.Receipt(f); ok && at.After(bestAt) {
			best, bestAt = f, at
		}
	}
	return best
}

// peakMemory samples the heap until the func it returns is called, which
// gives the largest seen.
func peakMemory() func() uint64 {
	var peak uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		return peak
	}
}
