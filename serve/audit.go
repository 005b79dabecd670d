package serve

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
}

type auditLog struct {
	path string
	mu   sync.Mutex
}

func newAuditLog(root string) *auditLog { return &auditLog{path: filepath.Join(root, AuditName)} }

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

// uploads are unit's uploads stored in dir (a period's 报送/, relative to
// the workspace as the log has it), oldest first: the log is the
// workspace's, of every period.
func (a *auditLog) uploads(unit, dir string) []auditEntry {
	dir += string(filepath.Separator)
	out := []auditEntry{} // [] in JSON, not null, when there is none
	a.mu.Lock()
	defer a.mu.Unlock()
	f, err := os.Open(a.path)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var e auditEntry
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.Unit == unit && e.Action == actUpload && strings.HasPrefix(e.File, dir) {
			out = append(out, e)
		}
	}
	return out
}

// Usable: the upload the entry logs can be used.
func (e auditEntry) Usable() bool { return e.Result == resultUsable }

// When is the entry's time in Chinese, to the second.
func (e auditEntry) When() string { return period.ChineseSeconds(e.Time) }
