//go:build unix

package office

import (
	"os/exec"
	"syscall"
)

// ownTree puts the command in a new process group so that KillTree reaches
// the processes it starts.
func ownTree(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
}

// KillTree kills the process group of a started command made by Command.
func KillTree(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}
