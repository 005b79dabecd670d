//go:build unix

// Roundbench times taizhang check and taizhang merge as an office runs
// them, on a round of generated returns: it makes a workspace with a task
// list of units × 4 led tasks (samplefix.Synthetic, the workload of the
// round benchmarks), issues each unit its workbook, fills the returns in
// (some late, some messy, one unit missing) and then runs the taizhang
// binary on them, printing each command's wall time and peak resident
// memory, the median of its runs (merge writing the ledger anew, and
// merge again, replacing it):
//
//	go run ./report/round/roundbench -units 500
//	go run ./report/round/roundbench -units 5000 -keep /tmp/round5000
//	go run ./report/round/roundbench -bin ./taizhang-old -dir /tmp/round5000
//
// Without -bin it builds the binary from this tree; -dir reuses a
// workspace a run kept, so that two builds time the same returns. The
// targets of issue 14 (2 cores): check of 500 returns ≤ 0.25 s, merge ≤
// 0.45 s, merge of 5,000 ≤ 4 s, peak memory under 150 MB. It reads peak
// memory from the child's rusage, so it builds on Unix systems only; -dir
// takes only a workspace roundbench made (it deletes that ledger).
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/templates/form"
)

const roundKey = "2024-Q4"

func main() {
	units := flag.Int("units", 500, "units, each returning one workbook of about 8 rows")
	runs := flag.Int("runs", 3, "runs of each command; the median is printed")
	bin := flag.String("bin", "", "the taizhang binary to time; built from this tree when empty")
	dir := flag.String("dir", "", "a workspace a run kept (-keep) to time again, instead of generating one")
	keep := flag.String("keep", "", "generate the workspace into this folder and keep it")
	flag.Parse()
	if err := run(*units, *runs, *bin, *dir, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "roundbench:", err)
		os.Exit(1)
	}
}

func run(units, runs int, bin, dir, keep string) error {
	tmp, err := os.MkdirTemp("", "roundbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		bin = filepath.Join(tmp, "taizhang")
		fmt.Println("building taizhang …")
		if out, err := exec.Command("go", "build", "-o", bin, "github.com/taizhang-dev/taizhang/cmd/taizhang").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	if dir == "" {
		dir = cmp.Or(keep, filepath.Join(tmp, "workspace"))
		start := time.Now()
		if err := generate(dir, units); err != nil {
			return err
		}
		fmt.Printf("generated %d units' returns in %s (%.1f s)\n", units, dir, time.Since(start).Seconds())
	}
	marker := filepath.Join(dir, markerName)
	if _, err := os.Stat(marker); err != nil {
		return fmt.Errorf("%s is no workspace roundbench made (no %s): it would delete its ledger", dir, markerName)
	}
	ledger, err := ledgerPath(dir)
	if err != nil {
		return err
	}
	removeLedger := func() error { return os.Remove(ledger) }
	keepLedger := func() error { return nil }
	for _, c := range []struct {
		name   string
		args   []string
		before func() error
	}{
		{"check", []string{"check", "--period", roundKey}, keepLedger},
		// A first merge writes the ledger; a merge again, on late returns,
		// reads the ledger it replaces for the office's columns.
		{"merge", []string{"merge", "--period", roundKey}, removeLedger},
		{"merge again", []string{"merge", "--period", roundKey}, keepLedger},
	} {
		t, err := timeCommand(bin, dir, c.args, runs, c.before)
		if err != nil {
			return err
		}
		fmt.Printf("taizhang %-11s wall %6.2f s   peak RSS %6.1f MB   (median of %d, exit %d)\n", c.name, t.wall.Seconds(), t.peakMB, runs, t.exit)
	}
	return nil
}

// ledgerPath is where merge writes the round's ledger in the workspace
// dir.
func ledgerPath(dir string) (string, error) {
	p, err := period.Parse(roundKey)
	if err != nil {
		return "", err
	}
	ws, err := workspace.Open(dir)
	if err != nil {
		return "", err
	}
	return ws.LedgerPath(p), nil
}

// generate makes the workspace at dir: the task list, the key, each unit's
// workbook in 填报表/ and the returns in 报送/.
// markerName marks a workspace roundbench generated: the only kind whose
// ledger it deletes.
const markerName = ".roundbench"

func generate(dir string, units int) error {
	p, err := period.Parse(roundKey)
	if err != nil {
		return err
	}
	c, err := workspace.Create(dir, "基准测试市", p.Year, "季度", time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return err
	}
	ws := c.Workspace
	if err := os.WriteFile(filepath.Join(ws.Root, markerName), []byte("made by roundbench; its ledger is deleted between runs\n"), 0o644); err != nil {
		return err
	}
	set := samplefix.Synthetic(units, 4)
	if _, err := tasklist.Save(ws.TaskList(), set); err != nil {
		return err
	}
	secret, _, err := workspace.Secret(ws.Root, true)
	if err != nil {
		return err
	}
	for _, d := range []string{ws.TemplatesDir(p), ws.ReturnsDir(p)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	due := ws.Due(p)
	assigned, _ := fillin.Assign(set)
	written, err := form.WriteAll(ws.TemplatesDir(p), assigned, form.Options{Period: p, Due: due, Secret: secret, Now: due})
	if err != nil {
		return err
	}
	books := make([]string, len(written))
	for i, w := range written {
		books[i] = w.Path
	}
	_, err = samplefix.FillReturns(books, ws.ReturnsDir(p), sample.Options{Period: p, Due: due, Seed: 1})
	return err
}

// timing is one command's median wall time and peak resident memory, and
// its exit code (check exits non-zero when returns have errors, as some
// generated ones do).
type timing struct {
	wall   time.Duration
	peakMB float64
	exit   int
}

// timeCommand runs bin with args in dir runs times, each after before.
func timeCommand(bin, dir string, args []string, runs int, before func() error) (timing, error) {
	var walls []time.Duration
	var peaks []float64
	exit := 0
	for range max(runs, 1) {
		if err := before(); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return timing{}, err
		}
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start)
		if cmd.ProcessState == nil {
			return timing{}, fmt.Errorf("taizhang %s: %w", args[0], err)
		}
		exit = cmd.ProcessState.ExitCode()
		if exit > 1 {
			return timing{}, fmt.Errorf("taizhang %s exited with %d: run it in %s to see why", args[0], exit, dir)
		}
		walls = append(walls, wall)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peaks = append(peaks, float64(ru.Maxrss)/1024) // kB on Linux
		}
	}
	slices.Sort(walls)
	slices.Sort(peaks)
	t := timing{wall: walls[len(walls)/2], exit: exit}
	if len(peaks) > 0 {
		t.peakMB = peaks[len(peaks)/2]
	}
	return t, nil
}
