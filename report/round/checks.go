package round

import (
	"crypto/sha256"
	"encoding/json"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/taizhang-dev/taizhang/internal/cells"
	"github.com/taizhang-dev/taizhang/internal/convert"
	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/intake"
)

// Checks keeps the results of checking a round's returns from one read of
// its status to the next, so that only a return that changed is checked
// again: taizhang serve reads the status at every view of the office page,
// and a full check of every return each time is most of its cost. A
// result is kept for a file's path and is used while the file has the same
// size, modification time and content (its SHA-256): a return replaced by
// one of the same size whose time was kept (a copy that keeps times) is
// checked again. Reading and hashing a return costs little beside checking
// it. Results are kept for one set of tasks, period and key at a time, and
// only for the files of the last read: memory stays that of one round.
// The zero Checks is ready; it is safe for concurrent use.
type Checks struct {
	mu     sync.Mutex
	basis  [sha256.Size]byte // what the kept results were checked against
	byPath map[string]checked
}

// checked is a return's result and the file it was checked from.
type checked struct {
	file   fileStamp
	result *fillin.Return
}

// fileStamp tells whether a file is still the one that was checked.
type fileStamp struct {
	size int64
	mod  time.Time
	sum  [sha256.Size]byte
}

// look is what a read of a file before its check found: its stamp, and
// whether it could be read and must be converted (.xls, .et).
type look struct {
	stamp    fileStamp
	readable bool
	convert  bool
}

// lookAt reads the file at path for its stamp; one that cannot be read is
// checked anyway (its check says why).
func lookAt(path string) look {
	info, err := os.Stat(path)
	if err != nil {
		return look{}
	}
	data, err := cells.ReadRegular(path, fillin.MaxReturnSize)
	if err != nil {
		return look{}
	}
	return look{stamp: fileStamp{size: info.Size(), mod: info.ModTime(), sum: sha256.Sum256(data)}, readable: true,
		convert: convert.NeedsConversionOf(path, data)}
}

// basisOf identifies what results were checked against: the tasks, the
// period, the unit and the key.
func basisOf(opts fillin.CheckOptions) [sha256.Size]byte {
	h := sha256.New()
	json.NewEncoder(h).Encode(opts.Tasks)
	if opts.Period != nil {
		h.Write([]byte(opts.Period.Key()))
	}
	h.Write([]byte{0})
	h.Write([]byte(opts.Unit))
	h.Write([]byte{0})
	h.Write(opts.Secret)
	return [sha256.Size]byte(h.Sum(nil))
}

// checkAll is intake.CheckAll with the results kept from earlier calls for
// the files that did not change; progress is told of the files checked
// anew. A nil Checks checks every file.
func (c *Checks) checkAll(files []string, opts fillin.CheckOptions, progress func(done, total int)) []*fillin.Return {
	if c == nil {
		return intake.CheckAll(files, opts, progress)
	}
	basis := basisOf(opts)
	kept := c.kept(basis)
	results := make([]*fillin.Return, len(files))
	looks := make([]look, len(files))
	var todo []string
	var at []int
	for i, f := range files {
		looks[i] = lookAt(f)
		if e, ok := kept[f]; ok && looks[i].readable && e.file == looks[i].stamp {
			results[i] = e.result
			continue
		}
		todo, at = append(todo, f), append(at, i)
	}
	for k, r := range intake.CheckAll(todo, opts, progress) {
		// Readers append to a result's findings (ledger.Merge): clipped,
		// an append copies them and never writes into the kept ones.
		r.Findings = slices.Clip(r.Findings)
		results[at[k]] = r
	}
	c.keep(basis, files, looks, results)
	return results
}

// kept is the results kept for basis: none when they were checked against
// another.
func (c *Checks) kept(basis [sha256.Size]byte) map[string]checked {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.basis != basis {
		return nil
	}
	return c.byPath
}

// keep replaces the kept results with those of files, so that a file gone
// is forgotten. The result of a file that could not be read, of an old
// format that could not be converted (LibreOffice may be installed
// meanwhile), or of a check given up on a busy machine, is not kept; that
// of an old format converted is, usable or not.
func (c *Checks) keep(basis [sha256.Size]byte, files []string, looks []look, results []*fillin.Return) {
	byPath := make(map[string]checked, len(files))
	for i, f := range files {
		if looks[i].readable && (!looks[i].convert || intake.Converted(results[i])) && !intake.TimedOut(results[i]) {
			byPath[f] = checked{file: looks[i].stamp, result: results[i]}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.basis, c.byPath = basis, byPath
}
