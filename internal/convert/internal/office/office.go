// Package office starts LibreOffice for package convert and its test
// harness. soffice is a launcher that starts other processes (on Linux a
// script that runs oosplash, which runs soffice.bin), so ending a run means
// ending the whole tree, not just the process that was started.
package office

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ProfileArg is the argument that gives LibreOffice its own user profile in
// dir. A private profile lets a run start while the user has LibreOffice
// open (which would otherwise take over the request) and lets runs proceed
// in parallel.
func ProfileArg(dir string) string {
	return "-env:UserInstallation=" + FileURL(dir)
}

// FileURL is the file:// URL LibreOffice expects for path, percent-encoded
// (spaces, Chinese user names in Windows temp paths) and with a leading slash
// before a Windows drive letter.
func FileURL(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// Env is the environment for a LibreOffice whose temporary files go to
// dir, to be removed with it: killed on a timeout, LibreOffice leaves its
// temporary directory behind.
func Env(dir string) []string {
	return append(os.Environ(), "TMPDIR="+dir, "TMP="+dir, "TEMP="+dir)
}

// Command is exec.CommandContext for a LibreOffice program whose whole
// process tree is killed when ctx ends.
func Command(ctx context.Context, exe string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, exe, args...)
	ownTree(cmd)
	cmd.Cancel = func() error { return KillTree(cmd) }
	// Without it Wait can block on pipes held open by a grandchild.
	cmd.WaitDelay = 5 * time.Second
	return cmd
}
