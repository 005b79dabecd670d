package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/taizhang-dev/taizhang/internal/workspace"
)

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
