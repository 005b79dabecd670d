package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/round"
)

type statusOptions struct {
	streams
	Workspace string
	Period    string
	JSON      bool
	Now       time.Time // zero: the clock
}

func newStatusCmd(s streams) *cobra.Command {
	opts := &statusOptions{streams: s}
	cmd := command("status", func(*cobra.Command, []string) error { return statusRun(opts) })
	cmd.Args = noArgs("status 不接受参数：请在工作目录中运行，或用 --workspace 指定工作目录")
	cmd.Flags().StringVar(&opts.Workspace, "workspace", "", "工作目录；默认为当前目录所在的工作目录")
	cmd.Flags().StringVar(&opts.Period, "period", "", "期次，如 2024-Q4（默认为当前期次）")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "以 JSON 输出")
	return cmd
}

func statusRun(opts *statusOptions) error {
	st, err := round.StatusOf(opts.Workspace, opts.Period, opts.Now)
	if err != nil {
		return err
	}
	if opts.JSON {
		return writeJSON(opts.Stdout, st)
	}
	st.WriteText(opts.Stdout)
	return nil
}
