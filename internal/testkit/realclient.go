package testkit

import (
	"os"
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
