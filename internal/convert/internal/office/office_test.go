//go:build unix

package office

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestCommandKillsTree stands a shell with a background child in for
// soffice and soffice.bin: cancelling must end both.
func TestCommandKillsTree(t *testing.T) {
	const marker = "31.4159"
	ctx, cancel := context.WithCancel(context.Background())
	cmd := Command(ctx, "sh", "-c", "sleep "+marker+" & wait")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); !running(t, marker) && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	start := time.Now()
	cmd.Wait()
	if d := time.Since(start); d > time.Second {
		t.Errorf("Wait took %v after cancel", d)
	}
	time.Sleep(100 * time.Millisecond)
	if running(t, marker) {
		t.Errorf("child still running after cancel")
	}
}

func running(t *testing.T, marker string) bool {
	out, err := exec.Command("ps", "-eo", "args").Output()
	if err != nil {
		t.Skipf("ps: %v", err)
	}
	for line := range strings.Lines(string(out)) {
		if strings.HasPrefix(line, "sleep "+marker) {
			return true
		}
	}
	return false
}

func TestFileURL(t *testing.T) {
	got := FileURL("/tmp/教育 局")
	if want := "file:///tmp/%E6%95%99%E8%82%B2%20%E5%B1%80"; got != want {
		t.Errorf("FileURL = %q; want %q", got, want)
	}
}

// TestSingleInstancePipe checks the name against one LibreOffice 7.4 made
// for the profile file:///tmp/lo/pt.
func TestSingleInstancePipe(t *testing.T) {
	if got, want := singleInstancePipe("file:///tmp/lo/pt"), "SingleOfficeIPC_46b8d79bd148e6aa655648b7cb329c8a"; got != want {
		t.Errorf("singleInstancePipe = %q; want %q", got, want)
	}
}
