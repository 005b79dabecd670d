package serve

import (
	"net"
	"strings"
	"testing"
)

// Links name the address units can reach: this machine's intranet address
// when the server listens on all of them.
func TestLinkBase(t *testing.T) {
	if got := LinkBase("127.0.0.1:8081"); got != "http://127.0.0.1:8081" {
		t.Errorf("LinkBase(127.0.0.1:8081) = %s", got)
	}
	for _, addr := range []string{"0.0.0.0:8080", "[::]:8080", ":8080"} {
		got := LinkBase(addr)
		host, port, err := net.SplitHostPort(strings.TrimPrefix(got, "http://"))
		if ip := net.ParseIP(host); err != nil || port != "8080" || ip == nil || ip.IsUnspecified() {
			t.Errorf("LinkBase(%s) = %s; want this machine's address and port 8080", addr, got)
		}
	}
}
