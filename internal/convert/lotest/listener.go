package lotest

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/taizhang-dev/taizhang/internal/convert/internal/office"
)

// listener is a headless LibreOffice that accepts UNO connections on a
// named pipe.
type listener struct {
	cancel context.CancelFunc
	done   chan struct{} // closed when LibreOffice has exited for good and its pipes are removed
	out    syncBuffer
	err    error // how it exited; read after done
}

// restartCode is the exit status with which LibreOffice asks to be started
// again, as it does after creating a new profile when started as
// soffice.bin; the soffice launcher hides it.
const restartCode = 81

// listen starts LibreOffice with its profile and temporary files in work.
func listen(ctx context.Context, soffice, work, pipe string) *listener {
	ctx, cancel := context.WithCancel(ctx)
	l := &listener{cancel: cancel, done: make(chan struct{})}
	profile := filepath.Join(work, "profile")
	args := []string{office.ProfileArg(profile), "--headless", "--invisible",
		"--norestore", "--nologo", "--nodefault", "--nolockcheck",
		"--accept=pipe,name=" + pipe + ";urp;"}
	go func() {
		defer close(l.done)
		defer office.RemovePipes(profile, pipe)
		for range 3 {
			cmd := listenCommand(ctx, soffice, args)
			cmd.Env = office.Env(work)
			cmd.Stdout, cmd.Stderr = &l.out, &l.out
			l.err = cmd.Run()
			var exit *exec.ExitError
			if ctx.Err() != nil || !errors.As(l.err, &exit) || exit.ExitCode() != restartCode {
				return
			}
		}
	}()
	return l
}

// stop waits up to grace for LibreOffice to quit (lotest.py asks it to,
// which lets it remove its pipe), then kills it.
func (l *listener) stop(grace time.Duration) {
	select {
	case <-l.done:
	case <-time.After(grace):
	}
	l.cancel()
	<-l.done
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
