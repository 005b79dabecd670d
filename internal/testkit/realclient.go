package testkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// RealClientEnv names the one switch for the tests that drive real client
// programs (LibreOffice opening, editing and converting our workbooks;
// Chromium using taizhang serve's pages): each run takes seconds and, under load, much longer, so `go test ./...`
// leaves them out unless it is set to 1. CI sets it (.ci/run).
const RealClientEnv = "TAIZHANG_REALCLIENT"

// RealClientOn reports whether the real-client tests are switched on.
func RealClientOn() bool {
	on, _ := strconv.ParseBool(os.Getenv(RealClientEnv))
	return on
}

// RealClient skips the test unless the real-client tests are switched on.
// With the switch on, a test that then finds its program missing should
// fail, not skip: CI must not pass by running none of them.
func RealClient(t testing.TB) {
	t.Helper()
	if !RealClientOn() {
		t.Skip("real-client test (LibreOffice, Chromium): skipped unless " + RealClientEnv + "=1")
	}
}

// SofficeConvert has LibreOffice convert the file at src to the format
// to ("ods", "xls", a filter such as `csv:Text - txt - csv
// (StarCalc):44,34,76`) into the folder out, with a profile of its own, in
// the test's environment plus env ("LANG=zh_CN.UTF-8"). It skips the test
// unless the real-client tests are on, and fails it when soffice is
// missing then.
func SofficeConvert(t testing.TB, src, to, out string, env ...string) {
	t.Helper()
	RealClient(t)
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("soffice not on PATH, and %s is set", RealClientEnv)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(t.TempDir(), "profile"),
		"--convert-to", to, "--outdir", out, src)
	cmd.Env = append(os.Environ(), env...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, b)
	}
}
