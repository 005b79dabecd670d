package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/outfile"
)

// version is set at release time with -ldflags "-X main.version=…"
// (README: building a release).
var version = devVersion

const devVersion = "0.1.0-dev"

// Shown on Windows when the .exe is opened by a double click.
func init() {
	cobra.MousetrapHelpText = "taizhang 是命令行工具，不能双击打开。请在资源管理器的地址栏输入 cmd 并回车，在打开的命令提示符中输入 taizhang demo -o 示例 试用，或输入 taizhang help 查看用法。"
}

// Exit codes: one place maps errors to them.
const (
	exitOK       = 0
	exitInput    = 1 // a problem in the user's files: fix them and run again
	exitUsage    = 2 // the command line itself is wrong
	exitInternal = 3 // a failure of taizhang or the system
)

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "taizhang",
		Short:         "政策任务台账工具：分解任务、下发填报表、汇总台账、生成报告",
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Args set (to anything) keeps cobra from answering an unknown
		// command in English itself; RunE answers it.
		Args: cobra.ArbitraryArgs,
		RunE: unknownCommand,
	}
	root.SetFlagErrorFunc(flagError)
	chineseHelp(root)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("taizhang {{.Version}}\n")
	s := streams{Stdout: stdout, Stderr: stderr}
	root.AddCommand(newInitCmd(s), newParseCmd(s), newTemplatesCmd(s), newCheckCmd(s),
		newMergeCmd(s), newStatusCmd(s), newReportCmd(s), newDemoCmd(s), newServeCmd(s))
	return root
}

func buildVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && version == devVersion && info.Main.Version != "" && info.Main.Version != "(devel)" {
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
	if path, reason, ok := outfile.PathProblem(err); ok && code == exitInternal {
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
	var us *usageError
	switch {
	case errors.As(err, &us):
		return exitUsage
	case inputerr.Is(err):
		return exitInput
	}
	return exitInternal
}

// usageError is a wrong command line; the core returns the same type.
type usageError = inputerr.Usage

// flagError turns the flag parser's errors into Chinese usage errors, by
// their types, not their English wording.
func flagError(c *cobra.Command, err error) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		var names []string
		c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		return &usageError{Msg: fmt.Sprintf("%s 没有选项 %s%s", c.CommandPath(), flagName(notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()),
			inputerr.Hint("--", notExist.GetSpecifiedName(), names))}
	case errors.As(err, &noValue):
		return &usageError{Msg: fmt.Sprintf("选项 %s 后面需要给出值", flagName(noValue.GetSpecifiedName(), noValue.GetSpecifiedShortnames()))}
	case errors.As(err, &invalid):
		return &usageError{Msg: fmt.Sprintf("选项 --%s 的值“%s”无效", invalid.GetFlag().Name, invalid.GetValue())}
	case errors.As(err, &syntax):
		return &usageError{Msg: fmt.Sprintf("选项写法有误：%s", syntax.GetSpecifiedFlag())}
	}
	return &usageError{Msg: err.Error()}
}

// flagName writes a flag as the user typed it: -o when it came in a group
// of shorthands, else --name.
func flagName(name, shorthands string) string {
	if shorthands != "" {
		return "-" + name
	}
	return "--" + name
}

// unknownCommand is the root's run: a word that is no command is a usage
// error; no word at all shows the help.
func unknownCommand(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return c.Help()
	}
	var names []string
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	return &usageError{Msg: fmt.Sprintf("没有“%s”这个命令%s可用的命令：%s", args[0], cmp.Or(inputerr.Hint("", args[0], names), "。"), strings.Join(names, "、"))}
}
