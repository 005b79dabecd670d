package lotest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/convert"
)

// tools is what a run needs, found once per test binary.
var tools = sync.OnceValue(func() (found struct{ soffice, python, missing string }) {
	exe, ok := convert.Soffice()
	if !ok {
		found.missing = "LibreOffice (soffice) not found: install it or set TAIZHANG_SOFFICE"
		return found
	}
	found.soffice = exe
	if found.python = pythonWithUNO(exe); found.python == "" {
		found.missing = "no Python with the uno module: install python3-uno or set TAIZHANG_PYTHON"
	}
	return found
})

// Available reports whether soffice and a Python with the uno module are
// present.
func Available() bool { return tools().missing == "" }

// Skip skips the test, saying what is missing, when LibreOffice cannot be
// driven, and in -short mode (each call takes over a second).
func Skip(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("lotest: LibreOffice is slow; skipped in -short mode")
	}
	if m := tools().missing; m != "" {
		t.Skip("lotest: " + m)
	}
}

// pythonWithUNO finds a Python that can import uno: $TAIZHANG_PYTHON, the
// one LibreOffice bundles (Windows, and the libreoffice.org packages), then
// the system's (Debian's python3-uno installs into /usr/bin/python3, which
// a python3 earlier on PATH, such as pyenv's, does not see).
func pythonWithUNO(soffice string) string {
	var candidates []string
	if p := os.Getenv("TAIZHANG_PYTHON"); p != "" {
		candidates = append(candidates, p)
	}
	if real, err := filepath.EvalSymlinks(soffice); err == nil {
		dir := filepath.Dir(real)
		candidates = append(candidates, filepath.Join(dir, "python"), filepath.Join(dir, "python.exe"))
	}
	for _, name := range []string{"python3", "python"} {
		if p, err := exec.LookPath(name); err == nil {
			candidates = append(candidates, p)
		}
	}
	candidates = append(candidates, "/usr/bin/python3")
	for _, p := range candidates {
		if _, err := os.Stat(p); err == nil && importsUNO(p) {
			return p
		}
	}
	return ""
}

func importsUNO(python string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return exec.CommandContext(ctx, python, "-c", "import uno").Run() == nil
}
