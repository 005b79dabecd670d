package serve

import (
	"net"
	"strings"
	"testing"
)

// Links name the address units can reach: this machine's intranet address
// when the server listens on all of them.
func TestLinkBase(t *testing.T) {
	if got := LinkBases("127.0.0.1:8081"); got.Chosen != "http://127.0.0.1:8081" || got.Others != nil {
		t.Errorf("LinkBases(127.0.0.1:8081) = %+v", got)
	}
	for _, addr := range []string{"0.0.0.0:8080", "[::]:8080", ":8080"} {
		got := LinkBases(addr).Chosen
		host, port, err := net.SplitHostPort(strings.TrimPrefix(got, "http://"))
		if ip := net.ParseIP(host); err != nil || port != "8080" || ip == nil || ip.IsUnspecified() {
			t.Errorf("LinkBases(%s) = %s; want this machine's address and port 8080", addr, got)
		}
	}
}

// A PC with several network cards: the links use the address of the
// default route's card, before a private one met first (a virtual
// machine's or a container's bridge); every other usable address is
// listed, loopback and self-assigned ones never. Without a default route
// the first private address is chosen.
func TestLinkBasesSeveralCards(t *testing.T) {
	ips := []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("172.17.0.1"), net.ParseIP("169.254.3.4"), net.ParseIP("fe80::1"),
		net.ParseIP("59.1.2.3"), net.ParseIP("192.168.56.1"), net.ParseIP("10.8.1.20")}
	got := linkBases("0.0.0.0:8080", func() ([]net.IP, net.IP) { return ips, net.ParseIP("10.8.1.20") })
	want := "http://10.8.1.20:8080 | http://172.17.0.1:8080 http://192.168.56.1:8080 http://59.1.2.3:8080"
	if s := got.Chosen + " | " + strings.Join(got.Others, " "); s != want || !got.Routed {
		t.Errorf("with a default route: %s (routed %v); want %s, routed", s, got.Routed, want)
	}
	got = linkBases(":8080", func() ([]net.IP, net.IP) { return ips, nil })
	if got.Chosen != "http://172.17.0.1:8080" || got.Routed || len(got.Others) != 3 {
		t.Errorf("without a default route: %+v; want the first private address chosen, 3 others", got)
	}
	got = linkBases(":8080", func() ([]net.IP, net.IP) { return ips[:1], nil })
	if got.Chosen != "http://127.0.0.1:8080" || got.Others != nil {
		t.Errorf("with loopback only: %+v", got)
	}
	s := testServer(t)
	if note := s.AddressNote(); note != "" {
		t.Errorf("one address, a note: %q", note)
	}
	s.bases = linkBases("0.0.0.0:8080", func() ([]net.IP, net.IP) { return ips, net.ParseIP("10.8.1.20") })
	mustContain(t, "address note", s.AddressNote(), "链接使用 http://10.8.1.20:8080（默认路由所在的网卡）",
		"其他地址：http://172.17.0.1:8080、http://192.168.56.1:8080、http://59.1.2.3:8080", "--base-url http://172.17.0.1:8080")
}
