package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/serve"
)

type serveOptions struct {
	streams
	req    serve.Request
	Revoke string
}

func newServeCmd(s streams) *cobra.Command {
	opts := &serveOptions{streams: s}
	cmd := command("serve", func(*cobra.Command, []string) error { return serveRun(opts) })
	cmd.Args = noArgs("serve 不接受参数：请在工作目录中运行，或用 --workspace 指定工作目录")
	f := cmd.Flags()
	f.StringVar(&opts.req.Addr, "addr", "0.0.0.0:8080", "监听的地址和端口")
	f.StringVar(&opts.req.Period, "period", "", "收取的期次，如 2024-Q4（默认为当前期次）")
	f.StringVar(&opts.req.Workspace, "workspace", "", "工作目录；默认为当前目录所在的工作目录")
	f.StringVar(&opts.req.BaseURL, "base-url", "", "链接的开头，放在 HTTPS 反向代理后面时用，如 https://taizhang.example.cn（默认为本机内网地址和端口）")
	f.StringVar(&opts.Revoke, "revoke", "", "停用该单位（或“办公室”页面）的链接，生成新链接后退出")
	return cmd
}

func serveRun(opts *serveOptions) error {
	opts.req.NoListen, opts.req.Now = opts.Revoke != "", time.Now()
	s, ln, err := serve.Setup(opts.req)
	if err != nil {
		return err
	}
	if opts.Revoke != "" {
		// A new link is printed even when the audit log then failed: the
		// old one is stopped already.
		link, err := s.Revoke(opts.Revoke)
		if link != "" {
			fmt.Fprintf(opts.Stdout, "%s的原链接已停用，新链接：%s\n", opts.Revoke, link)
		}
		return err
	}
	office, links, err := s.Start()
	if err != nil {
		ln.Close()
		return err
	}
	fmt.Fprintf(opts.Stdout, "正在收取%s的报送（仅供内网使用，按 Ctrl+C 停止）\n办公室页面：%s\n各单位的报送链接已写入 %s\n", s.Period.String(), office, links.Path)
	if note := s.AddressNote(); note != "" {
		fmt.Fprintln(opts.Stdout, note)
	}
	stopsGracefully.Store(true) // the server finishes its requests, then stops
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	defer fmt.Fprintln(opts.Stdout, "已停止。")
	return s.Serve(ctx, ln)
}
