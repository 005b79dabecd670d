package serve

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/taizhang-dev/taizhang/internal/period"
)

// AuditName is the audit log, at the workspace's root where the office
// sees it: one JSON line per upload and per office action, only ever
// appended to.
const AuditName = "审计日志.jsonl"

// Audit actions.
const (
	actUpload   = "上传"
	actRefused  = "拒收"
	actMerge    = "汇总"
	actBulletin = "生成通报"
	actRevoke   = "停用链接"
	actBusy     = "服务器忙"
)

// resultUsable is the result of an upload that can be used; the others
// start with 不能使用 and say why.
const resultUsable = "可以使用"

// auditEntry is one line of the audit log.
type auditEntry struct {
	Time   string `json:"time"` // Beijing time, RFC 3339
	Unit   string `json:"unit,omitempty"`
	Action string `json:"action"`
	File   string `json:"file,omitempty"` // as stored, relative to the workspace; the upload's own name when refused
	SHA256 string `json:"sha256,omitempty"`
	Result string `json:"result"`
	Remote string `json:"remote"`
	Count  int    `json:"count,omitempty"` // the busy answers a 服务器忙 line stands for
}

type auditLog struct {
	path  string
	mu    sync.Mutex
	busy  map[string]*busyTally // by unit
	index uploadIndex
}

// uploadIndex holds the uploads of the log as far as it was read, by unit:
// a unit's page reads only the lines added since, not months of them.
type uploadIndex struct {
	file   os.FileInfo // the log read: another file under its name is read anew
	read   int64       // its bytes read, whole lines only
	lines  int         // and their number
	byUnit map[string][]auditEntry
}

func newAuditLog(root string) *auditLog {
	return &auditLog{path: filepath.Join(root, AuditName), busy: map[string]*busyTally{}}
}

// add appends e, stamped with t, in one write to a file opened for
// appending: a line is never rewritten nor interleaved with another.
func (a *auditLog) add(t time.Time, e auditEntry) error {
	e.Time = period.Stamp(t)
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	f, err := os.OpenFile(a.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("审计日志 %s 无法写入：%w", a.path, err)
	}
	_, err = f.Write(append(line, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// busyTally counts a unit's busy answers (503) not yet in a line.
type busyTally struct {
	minute time.Time // the minute of the unit's last 服务器忙 line
	count  int       // the answers since that line
	last   time.Time // the last of them
	remote string    // and its client
}

// addBusy logs a busy answer to unit's upload at t, in one line per unit
// per minute at most: the first answer of a minute writes a line standing
// for itself and for the unit's answers since its previous line (its
// count); the answers of the rest of the minute wait, counted, for the
// unit's next line or flushBusy's. A flood of 503s thus adds one line a
// minute per unit at most, and only a link's unit gets that far.
func (a *auditLog) addBusy(t time.Time, unit, remote string) error {
	a.mu.Lock()
	b := a.busy[unit]
	if b == nil {
		b = &busyTally{}
		a.busy[unit] = b
	}
	b.count, b.last, b.remote = b.count+1, t, remote
	if minute := t.Truncate(time.Minute); !minute.Equal(b.minute) {
		b.minute = minute
		e := b.take(unit)
		a.mu.Unlock()
		return a.add(t, e)
	}
	a.mu.Unlock()
	return nil
}

// take is the line of the answers counted, the count starting again.
func (b *busyTally) take(unit string) auditEntry {
	e := auditEntry{Unit: unit, Action: actBusy, Count: b.count, Remote: b.remote,
		Result: fmt.Sprintf("服务器正忙，上传未接收：自本单位上一条“服务器忙”记录以来 %d 次（每个单位每分钟至多记一行）", b.count)}
	b.count = 0
	return e
}

// flushBusy logs the busy answers still counted, one line per unit at the
// time of its last: all of them when the server stops (now zero), else
// those of the units whose last line is of a minute before now's, the
// line then being the one of now's minute.
func (a *auditLog) flushBusy(now time.Time) error {
	minute := now.Truncate(time.Minute)
	a.mu.Lock()
	var lines []auditEntry
	var times []time.Time
	for _, u := range slices.Sorted(maps.Keys(a.busy)) {
		if b := a.busy[u]; b.count > 0 && (now.IsZero() || b.minute.Before(minute)) {
			times = append(times, b.last)
			lines = append(lines, b.take(u))
			if minute.After(b.minute) {
				b.minute = minute
			}
		}
	}
	a.mu.Unlock()
	var err error
	for i, e := range lines {
		err = errors.Join(err, a.add(times[i], e))
	}
	return err
}

// uploads are unit's uploads stored in dir (a period's 报送/, relative to
// the workspace as the log has it), oldest first: the log is the
// workspace's, of every period.
func (a *auditLog) uploads(unit, dir string) []auditEntry {
	dir += string(filepath.Separator)
	out := []auditEntry{} // [] in JSON, not null, when there is none
	a.mu.Lock()
	defer a.mu.Unlock()
	a.catchUp()
	for _, e := range a.index.byUnit[unit] {
		if strings.HasPrefix(e.File, dir) {
			out = append(out, e)
		}
	}
	return out
}

// catchUp reads into the index the lines added to the log since it was
// last read (by this server or another process); the whole log again when
// it is another file than the one read, or shorter; none when it is gone.
// A last line not yet whole is read once it is. a.mu is held.
func (a *auditLog) catchUp() {
	x := &a.index
	f, err := os.Open(a.path)
	if err != nil {
		*x = uploadIndex{}
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return
	}
	if x.file == nil || !os.SameFile(x.file, info) || info.Size() < x.read {
		*x = uploadIndex{file: info, byUnit: map[string][]auditEntry{}}
	}
	if _, err := f.Seek(x.read, io.SeekStart); err != nil {
		return
	}
	br := bufio.NewReader(f)
	for {
		line, err := br.ReadBytes('\n')
		if err != nil {
			return
		}
		x.read, x.lines = x.read+int64(len(line)), x.lines+1
		var e auditEntry
		if json.Unmarshal(line, &e) == nil && e.Action == actUpload {
			x.byUnit[e.Unit] = append(x.byUnit[e.Unit], e)
		}
	}
}

// Usable: the upload the entry logs can be used.
func (e auditEntry) Usable() bool { return e.Result == resultUsable }

// When is the entry's time in Chinese, to the second.
func (e auditEntry) When() string { return period.ChineseSeconds(e.Time) }
