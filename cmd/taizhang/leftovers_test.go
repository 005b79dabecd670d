package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Case 8: the temporary files of a killed run are removed by the next.
func TestStaleTempsRemoved(t *testing.T) {
	o := newOutputs(t)
	dead := deadPID(t)
	returns := o.books
	stale := []string{
		filepath.Join(o.dir, ".总台账.xlsx."+dead+"-4711.tmp"),
		filepath.Join(o.dir, ".报告.pdf."+dead+"-4712.tmp"),
		filepath.Join(returns, ".taizhang-convert-"+dead+"-4713", "教育局.xlsx"),
	}
	for _, p := range stale {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, e := runCmd(t, "merge", returns, "--tasks", o.tasks, "--period", "2024-Q4", "-o", o.ledger); code != exitOK {
		t.Fatal(e)
	}
	for _, p := range stale {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there after the next run", p)
		}
	}
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(cmd.Process.Pid)
}

// Case 8: a run stopped by a signal leaves no temporary file. The test
// binary runs taizhang's main (see TestMain) and is interrupted while the
// demo writes.
func TestSignalRemovesTemps(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	interrupted := 0
	// The demo takes one to several seconds depending on the machine: the
	// early signals catch a fast one, the late ones a slow one.
	for _, wait := range []time.Duration{300 * time.Millisecond, 700 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second} {
		cmd := exec.Command(os.Args[0], "demo", "-o", dir)
		cmd.Env = append(os.Environ(), runMainEnv+"=1")
		var errb strings.Builder
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(wait)
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err == nil {
			t.Log("the run ended before the signal")
			continue
		}
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGINT {
			// The signal came while the process was still starting,
			// before taizhang listened for it (a loaded machine): it
			// had written nothing yet. A later wait catches a run.
			t.Log("the signal came before the run started")
			continue
		}
		if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
			t.Errorf("interrupted run: exit %d; want %d", code, exitInterrupted)
			continue
		}
		interrupted++
		if !strings.Contains(errb.String(), "已中断") {
			t.Errorf("no word of the interruption: %s", errb.String())
		}
	}
	if interrupted == 0 {
		t.Error("no run was interrupted")
	}
	filepath.WalkDir(filepath.Dir(dir), func(p string, d os.DirEntry, err error) error {
		if err == nil && (strings.HasSuffix(p, ".tmp") || strings.HasPrefix(d.Name(), ".taizhang-")) {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})
}
