//go:build !unix && !windows

package office

import "os/exec"

func ownTree(*exec.Cmd) {}

// KillTree kills a started command; this platform has no process groups.
func KillTree(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return cmd.Process.Kill()
}
