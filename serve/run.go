package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Serve answers on ln until ctx is done, then stops taking requests and
// lets those under way finish (for up to a minute: a merge may be running),
// and logs the busy answers still counted. Meanwhile it logs those of
// each minute once the minute is over.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := NewHTTPServer(ln.Addr().String(), s.Handler())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	go s.logBusy(ctx)
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	stop, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := srv.Shutdown(stop)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	// The busy answers of the last minute that no line holds yet.
	return errors.Join(err, s.audit.flushBusy(time.Time{}))
}

// logBusy logs, until ctx is done, the busy answers counted in a minute
// now over, so that none waits for its unit's next one or the server's
// stop, which a machine switched off never reaches. A line that cannot be
// written is the next one's to fail, and the busy answers say so.
func (s *Server) logBusy(ctx context.Context) {
	tick := time.NewTicker(s.busyTick)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			_ = s.audit.flushBusy(s.Now())
		}
	}
}

// Bases are the starts of the links a server can use.
type Bases struct {
	Chosen string   // the one the links use
	Routed bool     // Chosen is the address of the default route's network card
	Others []string // this machine's other intranet addresses
}

// LinkBases are the starts of the links for a server listening at addr
// (host:port): when it listens on all addresses, one for each of this
// machine's intranet addresses, the one a default route leaves from
// chosen; else the address it listens on.
func LinkBases(addr string) Bases {
	return linkBases(addr, hostAddrs)
}

// hostAddrs are this machine's addresses and the one a packet to the
// outside would leave from (nil without a default route): a UDP
// "connection" only picks the route, it sends nothing.
func hostAddrs() (ips []net.IP, routed net.IP) {
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok {
			ips = append(ips, ipn.IP)
		}
	}
	if c, err := net.Dial("udp", "192.0.2.1:9"); err == nil {
		if ua, ok := c.LocalAddr().(*net.UDPAddr); ok {
			routed = ua.IP
		}
		c.Close()
	}
	return ips, routed
}

// linkBases is LinkBases with the machine's addresses from addrs.
func linkBases(addr string, addrs func() ([]net.IP, net.IP)) Bases {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return Bases{Chosen: "http://" + addr}
	}
	if ip := net.ParseIP(host); host != "" && (ip == nil || !ip.IsUnspecified()) {
		return Bases{Chosen: "http://" + net.JoinHostPort(host, port)}
	}
	ips, routed := addrs()
	cands := intranetIPs(ips, routed)
	b := Bases{Routed: routed != nil && cands[0] == routed.String()}
	for _, ip := range cands {
		base := "http://" + net.JoinHostPort(ip, port)
		if b.Chosen == "" {
			b.Chosen = base
		} else {
			b.Others = append(b.Others, base)
		}
	}
	return b
}

// intranetIPs are the IPv4 addresses units may reach this machine at,
// best first: the one a default route leaves from, then the private ones,
// then any other, each in the machines' order; loopback and link-local
// (self-assigned) addresses are left out. None: 127.0.0.1.
func intranetIPs(ips []net.IP, routed net.IP) []string {
	rank := func(ip net.IP) int {
		switch {
		case ip.Equal(routed):
			return 0
		case ip.IsPrivate():
			return 1
		}
		return 2
	}
	var usable []net.IP
	for _, ip := range ips {
		if ip.To4() != nil && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() && !ip.IsUnspecified() &&
			!slices.ContainsFunc(usable, ip.Equal) {
			usable = append(usable, ip)
		}
	}
	slices.SortStableFunc(usable, func(a, b net.IP) int { return rank(a) - rank(b) })
	var out []string
	for _, ip := range usable {
		out = append(out, ip.String())
	}
	if len(out) == 0 {
		return []string{"127.0.0.1"}
	}
	return out
}

// AddressNote says, when this machine has several intranet addresses,
// which one the links use and how to pick another; "" when it has one
// (or the links' start was given).
func (s *Server) AddressNote() string {
	if len(s.bases.Others) == 0 {
		return ""
	}
	why := ""
	if s.bases.Routed {
		why = "（默认路由所在的网卡）"
	}
	return fmt.Sprintf("本机有多个网络地址，链接使用 %s%s\n其他地址：%s\n如各单位应通过其他地址访问本机，请按 Ctrl+C 停止后用 --base-url 指定并重新启动，如 taizhang serve --base-url %s（报送链接.xlsx 随之更新）",
		s.bases.Chosen, why, strings.Join(s.bases.Others, "、"), s.bases.Others[0])
}
