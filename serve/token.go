package serve

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// tokenBytes is how much of the HMAC a token keeps: 128 bits.
const tokenBytes = 16

// serveKey is the key links are derived from: its own key, so that the
// office's signing key itself never leaves the workspace.
func serveKey(secret []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("taizhang serve"))
	return m.Sum(nil)
}

// token is the link token for the parts (period, unit, counter).
func token(key []byte, parts ...string) string {
	m := hmac.New(sha256.New, key)
	for _, p := range parts {
		// Each part's length first: no two lists of parts run together.
		fmt.Fprintf(m, "%d:%s|", len(p), p)
	}
	return hex.EncodeToString(m.Sum(nil)[:tokenBytes])
}

// sameToken compares tokens in constant time.
func sameToken(a, b string) bool { return hmac.Equal([]byte(a), []byte(b)) }

// countersName is the file in the workspace's hidden folder that keeps the
// revocation counters: a revoked link's counter goes up, which changes its
// token.
const countersName = "serve-links.json"

// counters are the revocation counters of the office's and the units'
// links; read from the file on every look-up, so that a revocation from
// the command line takes effect in a running server at once.
type counters struct {
	path string
	mu   sync.Mutex
}

type counterFile struct {
	Office int            `json:"office"`
	Units  map[string]int `json:"units"`
}

func newCounters(root string) *counters {
	return &counters{path: filepath.Join(root, workspace.Dir, countersName)}
}

func (c *counters) read() (counterFile, error) {
	var f counterFile
	data, err := os.ReadFile(c.path)
	if errors.Is(err, os.ErrNotExist) {
		return counterFile{Units: map[string]int{}}, nil
	}
	if err != nil {
		return f, err
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return f, fmt.Errorf("%s: %w", c.path, err)
	}
	if f.Units == nil {
		f.Units = map[string]int{}
	}
	return f, nil
}

// bump raises unit's counter ("" for the office's) and writes the file
// atomically.
func (c *counters) bump(unit string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	f, err := c.read()
	if err != nil {
		return err
	}
	if unit == "" {
		f.Office++
	} else {
		f.Units[unit]++
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o700); err != nil {
		return err
	}
	return cells.WriteFileAtomic(c.path, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}

// unitToken is unit's token for period at its counter.
func unitToken(key []byte, period, unit string, n int) string {
	return token(key, "unit", period, unit, strconv.Itoa(n))
}

// officeToken is the office page's token at its counter.
func officeToken(key []byte, n int) string {
	return token(key, "office", strconv.Itoa(n))
}
