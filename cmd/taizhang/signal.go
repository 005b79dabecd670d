package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// exitInterrupted is the status of a run stopped by Ctrl+C or a
// termination signal (128 + SIGINT, as shells report it).
const exitInterrupted = 130

// stopsGracefully is set by a command that stops on a signal itself (serve).
var stopsGracefully atomic.Bool

// removeTempsOnSignal makes an interrupt or termination remove the run's
// temporary files and conversion folders (which hold copies of returns)
// before the process exits; files already written are complete and stay.
// stop ends the watch.
func removeTempsOnSignal(stderr io.Writer) (stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-c:
			if stopsGracefully.Load() {
				return
			}
			outfile.RemoveTracked()
			fmt.Fprintln(stderr, "\n已中断：本次运行的临时文件已删除；已写完的文件完整保留，未写完的文件没有写入。")
			os.Exit(exitInterrupted)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(c)
		close(done)
	}
}
