package serve

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Serve answers on ln until ctx is done, then stops taking requests and
// lets those under way finish (for up to a minute: a merge may be running).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := NewHTTPServer(ln.Addr().String(), s.Handler())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
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
	return err
}

// LinkBase is the start of the links for a server listening at addr
// (host:port): http://<this machine's intranet address>:<port> when it
// listens on all addresses, else the address it listens on.
func LinkBase(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = intranetIP()
	}
	return "http://" + net.JoinHostPort(host, port)
}

// intranetIP is the machine's first private IPv4 address, else its first
// non-loopback one, else 127.0.0.1.
func intranetIP() string {
	addrs, _ := net.InterfaceAddrs()
	var other string
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.To4() == nil || ipn.IP.IsLoopback() {
			continue
		}
		if ipn.IP.IsPrivate() {
			return ipn.IP.String()
		}
		if other == "" {
			other = ipn.IP.String()
		}
	}
	if other != "" {
		return other
	}
	return "127.0.0.1"
}
