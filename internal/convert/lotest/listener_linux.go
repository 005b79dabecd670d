package lotest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"

	"github.com/taizhang-dev/taizhang/internal/convert/internal/office"
)

// listenCommand runs soffice.bin itself when it sits next to the soffice
// script, with the kernel killing it if the test binary dies (a test
// timeout, a crash) so that no LibreOffice is left behind. Through the
// launcher, soffice.bin is a grandchild the kernel would not reach.
func listenCommand(ctx context.Context, soffice string, args []string) *exec.Cmd {
	exe := soffice
	if real, err := filepath.EvalSymlinks(soffice); err == nil {
		if bin := filepath.Join(filepath.Dir(real), "soffice.bin"); isFile(bin) {
			exe = bin
		}
	}
	cmd := office.Command(ctx, exe, args...)
	dieWithTest(cmd)
	return cmd
}

// dieWithTest has the kernel kill cmd when the test binary dies.
func dieWithTest(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
