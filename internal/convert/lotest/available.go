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
	"github.com/taizhang-dev/taizhang/internal/testkit"
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

// Enabled reports whether the real-client tests are switched on
// (testkit.RealClientOn), for a test that only adds a LibreOffice step when
// they are: the calls then fail if LibreOffice is missing. Tests outside
// report/ cannot import testkit.
func Enabled() bool { return testkit.RealClientOn() }

// Skip skips the test unless the real-client tests are switched on
// (testkit.RealClient: each call takes over a second), and fails it,
// saying what is missing, when they are on but LibreOffice cannot be
// driven.
func Skip(t testing.TB) {
	t.Helper()
	testkit.RealClient(t)
	if m := tools().missing; m != "" {
		t.Fatalf("lotest: %s (%s is set)", m, testkit.RealClientEnv)
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
