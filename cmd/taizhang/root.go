package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/report/cells"
	"github.com/taizhang-dev/taizhang/report/config"
	"github.com/taizhang-dev/taizhang/report/convert"
	"github.com/taizhang-dev/taizhang/report/docread"
	"github.com/taizhang-dev/taizhang/report/outfile"
	"github.com/taizhang-dev/taizhang/report/tasklist"
	"github.com/taizhang-dev/taizhang/report/typeface"
	"github.com/taizhang-dev/taizhang/report/workspace"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes: one place maps errors to them.
const (
	exitOK       = 0
	exitInput    = 1 // a problem in the user's files: fix them and run again
	exitUsage    = 2 // the command line itself is wrong
	exitInternal = 3 // a failure of taizhang or the system
)

// inputError marks a problem in the user's input that has been reported in
// Chinese already phrased for the user.
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "taizhang",
		Short:         "政策任务台账工具：分解任务、下发填报表、汇总台账、生成报告",
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("taizhang {{.Version}}\n")
	root.AddCommand(newInitCmd(stdout, stderr, nil))
	root.AddCommand(newParseCmd(stdout, stderr, nil))
	root.AddCommand(newTemplatesCmd(stdout, stderr, nil))
	root.AddCommand(newCheckCmd(stdout, stderr, nil))
	root.AddCommand(newMergeCmd(stdout, stderr, nil))
	root.AddCommand(newStatusCmd(stdout, stderr, nil))
	root.AddCommand(newReportCmd(stdout, stderr, nil))
	root.AddCommand(newDemoCmd(stdout, stderr, nil))
	return root
}

func buildVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return version
}

func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	code := exitCode(err)
	if path, reason, ok := fsProblem(err); ok && code == exitInternal {
		fmt.Fprintf(stderr, "错误：无法读写 %s：%s\n", path, reason)
		return exitInput
	}
	if code == exitUsage {
		fmt.Fprintf(stderr, "用法错误：%v\n运行 taizhang help 查看用法。\n", err)
	} else {
		fmt.Fprintf(stderr, "错误：%v\n", err)
	}
	return code
}

func exitCode(err error) int {
	var (
		in  *inputError
		doc *docread.InputError
		wb  *cells.InputError // tasklist's and ledgerbook's
		tls tasklist.InputErrors
		cfg *config.Error
		ws  *workspace.Error
		cv  *convert.InputError
		tf  *typeface.InputError
		out *outfile.Error
		us  *usageError
	)
	switch {
	case errors.As(err, &us):
		return exitUsage
	case errors.As(err, &in), errors.As(err, &doc), errors.As(err, &wb), errors.As(err, &tls), errors.As(err, &cfg), errors.As(err, &ws),
		errors.As(err, &cv), errors.As(err, &tf), errors.As(err, &out):
		return exitInput
	}
	if isCobraUsage(err) {
		return exitUsage
	}
	return exitInternal
}

// usageError is a wrong command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// isCobraUsage recognises cobra's own command-line errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "bad flag syntax"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
