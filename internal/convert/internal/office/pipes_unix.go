//go:build unix

package office

import (
	"fmt"
	"os"
	"path/filepath"
)

// RemovePipes removes the pipe files a LibreOffice with its profile in
// profileDir leaves in /tmp when it is killed: its single-instance pipe and
// the named pipes it accepted connections on. Call it only once that
// LibreOffice has ended; the names are unique to the profile, so no other
// LibreOffice's pipes are touched.
func RemovePipes(profileDir string, accepted ...string) {
	names := append([]string{singleInstancePipe(FileURL(profileDir))}, accepted...)
	for _, name := range names {
		for _, dir := range []string{"/tmp", "/var/tmp"} {
			os.Remove(filepath.Join(dir, fmt.Sprintf("OSL_PIPE_%d_%s", os.Getuid(), name)))
		}
	}
}
