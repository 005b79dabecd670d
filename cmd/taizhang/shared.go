package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/internal/workspace"
)

// streams are where a command writes: its results on Stdout, warnings,
// progress and (beside JSON) its summary on Stderr.
type streams struct {
	Stdout, Stderr io.Writer
}

// summary is where a command's summary goes: standard error when
// standard output carries the JSON.
func (s streams) summary(asJSON bool) io.Writer {
	if asJSON {
		return s.Stderr
	}
	return s.Stdout
}

// noArgs is the rule of a command that takes no positional arguments:
// any is a usage error that says msg.
func noArgs(msg string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) > 0 {
			return &usageError{Msg: msg}
		}
		return nil
	}
}

// taskSource is the flags templates, check and merge share: where the
// tasks come from, the workspace that keeps the signing key, and the
// configuration file.
type taskSource struct {
	workspace.Sources
}

func (s *taskSource) addFlags(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&s.Tasks, "tasks", nil, "任务分解表（.xlsx）或政策文件，可重复；在工作目录中默认为其中的 任务分解表.xlsx")
	cmd.Flags().StringVar(&s.Workspace, "workspace", "", "工作目录（taizhang init 创建，或存放签名密钥的目录）；默认为当前目录所在的工作目录，否则为任务分解表所在目录")
	cmd.Flags().StringVar(&s.Config, "config", "", "配置文件 taizhang.yaml 的路径（默认用工作目录的配置）")
}

// writeJSON writes v to w as --json does: indented, with Chinese and
// <, >, & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// printLookAlike lists unit names that are likely one unit written two
// ways, and how the office makes them one (where: what to edit).
func printLookAlike(w io.Writer, pairs [][2]string, where string) {
	if len(pairs) == 0 {
		return
	}
	fmt.Fprintf(w, "\n注意：以下单位名称写法不同，可能是同一单位（否则将各自生成填报表、分别统计排名）：\n")
	for _, p := range pairs {
		fmt.Fprintf(w, "  %s 与 %s\n", p[0], p[1])
	}
	fmt.Fprintf(w, "如是同一单位，请在%s中统一写法，或在 taizhang.yaml 的 aliases 中设为别名（如 %s: %s）。\n", where, pairs[0][1], pairs[0][0])
}
