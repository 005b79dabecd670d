package lotest

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/convert/internal/office"
)

//go:embed lotest.py
var script []byte

const (
	callTimeout = 3 * time.Minute
	// LibreOffice's first start on a cold machine can take tens of seconds.
	connectTimeout = 60 * time.Second
	// attempts is how often a call is tried when LibreOffice or pyuno dies
	// before reporting, which happens on a loaded machine.
	attempts = 3
)

var pipeSeq atomic.Int64

// run copies in to a temporary directory (unprotected if asked), has
// lotest.py apply ops in a LibreOffice of its own and save to out. A run
// in which LibreOffice or pyuno crashed before reporting (it happens on a
// loaded machine) is tried again with a new LibreOffice, up to attempts
// times; each crash is logged with lotest.py's traceback and LibreOffice's
// output.
func run(t testing.TB, in, out string, unprotect bool, ops []op) error {
	t.Helper()
	tl := tools()
	if tl.missing != "" {
		return fmt.Errorf("lotest: %s", tl.missing)
	}
	filter, err := filterFor(out)
	if err != nil {
		return err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return fmt.Errorf("lotest: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	work := t.TempDir()
	data, ext, err := prepareInput(ctx, in, unprotect)
	if err != nil {
		return err
	}
	j := job{
		ConnectTimeout: connectTimeout.Seconds(),
		Out:            office.FileURL(absOut),
		Filter:         filter,
		Clerk:          !unprotect,
		Ops:            ops,
	}
	for attempt := 1; ; attempt++ {
		result, crash := attemptRun(ctx, tl.soffice, tl.python, filepath.Join(work, fmt.Sprint(attempt)), data, ext, j)
		switch {
		case crash == nil:
			return result.err(in)
		case attempt == attempts || ctx.Err() != nil:
			return fmt.Errorf("%w\n(attempt %d of %d)", crash, attempt, attempts)
		}
		t.Logf("%v\nlotest: attempt %d of %d failed; trying again with a new LibreOffice", crash, attempt, attempts)
	}
}

// attemptRun runs lotest.py against a new LibreOffice whose profile,
// temporary files and input (data, saved with extension ext) are in dir: a
// crashed LibreOffice leaves a lock file next to its input, which would
// make the next one refuse it. crash is not nil when no result came back.
func attemptRun(ctx context.Context, soffice, python, dir string, data []byte, ext string, j job) (r result, crash error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return r, fmt.Errorf("lotest: %w", err)
	}
	input := filepath.Join(dir, "in"+ext)
	if err := os.WriteFile(input, data, 0o600); err != nil {
		return r, fmt.Errorf("lotest: %w", err)
	}
	j.In = office.FileURL(input)
	pipe := fmt.Sprintf("taizhang-lotest-%d-%d", os.Getpid(), pipeSeq.Add(1))
	j.Connect = "uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext"
	jobPath, resultPath, scriptPath := filepath.Join(dir, "job.json"), filepath.Join(dir, "result.json"), filepath.Join(dir, "lotest.py")
	if err := writeJSON(jobPath, j); err != nil {
		return r, err
	}
	if err := os.WriteFile(scriptPath, script, 0o600); err != nil {
		return r, fmt.Errorf("lotest: %w", err)
	}
	lo := listen(ctx, soffice, dir, pipe)
	defer lo.stop(10 * time.Second)
	pyOut, pyErr := runPython(ctx, lo, python, scriptPath, jobPath, resultPath)
	// The result counts even if a crash followed it (see lotest.py), but a
	// failed load may be LibreOffice crashing while loading.
	if data, err := os.ReadFile(resultPath); err == nil && json.Unmarshal(data, &r) == nil && r.Kind != "load" {
		return r, nil
	}
	lo.stop(0)
	if r.Kind == "load" {
		return r, fmt.Errorf("lotest: %s\nLibreOffice: %v %s", r.Error, lo.err, strings.TrimSpace(lo.out.String()))
	}
	return r, fmt.Errorf("lotest: lotest.py reported nothing: %v\n%s\nLibreOffice: %v %s", pyErr,
		strings.TrimSpace(pyOut), lo.err, strings.TrimSpace(lo.out.String()))
}

// runPython runs lotest.py; if LibreOffice exits for good before the
// script is done (it cannot have succeeded then), the script gets a few
// seconds to report before it is killed instead of waiting out its
// connect timeout.
func runPython(ctx context.Context, lo *listener, python string, args ...string) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, args...)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	dieWithTest(cmd)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-lo.done:
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				cancel()
			}
		case <-done:
		}
	}()
	err := cmd.Run()
	return out.String(), err
}

// result is what lotest.py reports.
type result struct {
	OK    bool   `json:"ok"`
	Kind  string `json:"kind"`
	Error string `json:"error"`
}

func (r result) err(in string) error {
	switch {
	case r.OK:
		return nil
	case r.Kind == "locked":
		return fmt.Errorf("lotest: %s: %s: %w", in, r.Error, ErrLocked)
	case r.Kind == "hidden":
		return fmt.Errorf("lotest: %s: %s: %w", in, r.Error, ErrHiddenSheet)
	}
	return fmt.Errorf("lotest: %s: %s", in, r.Error)
}

func writeJSON(path string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("lotest: %w", err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return fmt.Errorf("lotest: %w", err)
	}
	return nil
}
