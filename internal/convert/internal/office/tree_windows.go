//go:build windows

package office

import (
	"os/exec"
	"strconv"
)

func ownTree(*exec.Cmd) {}

// KillTree kills a started command and its children: soffice.exe hands the
// work to soffice.bin, which outlives a plain Kill.
func KillTree(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	pid := strconv.Itoa(cmd.Process.Pid)
	if err := exec.Command("taskkill", "/T", "/F", "/PID", pid).Run(); err != nil {
		return cmd.Process.Kill()
	}
	return nil
}
