package convert

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
)

// Soffice returns the LibreOffice executable: $TAIZHANG_SOFFICE if it names
// one, then soffice or libreoffice on PATH, then the usual install places.
func Soffice() (string, bool) {
	if p := os.Getenv("TAIZHANG_SOFFICE"); p != "" && isExecutable(p) {
		return p, true
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	for _, p := range installPaths() {
		if isExecutable(p) {
			return p, true
		}
	}
	return "", false
}

// lookSoffice is Soffice, replaced in tests to simulate a machine without
// LibreOffice.
var lookSoffice = Soffice

func installPaths() []string {
	switch runtime.GOOS {
	case "windows":
		var paths []string
		for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"} {
			if dir := os.Getenv(env); dir != "" {
				paths = append(paths, filepath.Join(dir, "LibreOffice", "program", "soffice.exe"))
			}
		}
		return append(paths,
			`C:\Program Files\LibreOffice\program\soffice.exe`,
			`C:\Program Files (x86)\LibreOffice\program\soffice.exe`)
	case "darwin":
		return []string{"/Applications/LibreOffice.app/Contents/MacOS/soffice"}
	default:
		paths := []string{"/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"}
		// The packages from libreoffice.org install as /opt/libreoffice7.6 and
		// the like; prefer the newest.
		opt, _ := filepath.Glob("/opt/libreoffice*/program/soffice")
		sort.Sort(sort.Reverse(sort.StringSlice(opt)))
		return append(append(paths, opt...), "/snap/bin/libreoffice")
	}
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return false
	}
	return runtime.GOOS == "windows" || st.Mode()&0o111 != 0
}
