package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// Help in Chinese: cobra's own usage text, help flag, help command and
// version flag are English; the office reads these.

// chineseHelp sets the root's usage text, help command and the help and
// version flags, which every subcommand inherits.
func chineseHelp(root *cobra.Command) {
	root.PersistentFlags().BoolP("help", "h", false, "显示帮助")
	root.Flags().BoolP("version", "v", false, "显示版本号")
	root.CompletionOptions.HiddenDefaultCmd = true
	root.SetUsageFunc(usage)
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [命令]",
		Short: "显示某个命令的帮助",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err != nil || cmd == nil || len(rest) > 0 {
				return unknownCommand(root, args)
			}
			return cmd.Help()
		},
	})
}

// usage writes what cobra's default usage writes, in Chinese.
func usage(c *cobra.Command) error {
	var b strings.Builder
	b.WriteString("用法：")
	if c.Runnable() {
		b.WriteString("\n  " + c.UseLine())
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " <命令>")
	}
	if c.HasExample() {
		b.WriteString("\n\n示例：\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n命令：")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n选项：\n" + strings.TrimRight(c.LocalFlags().FlagUsages(), " \n"))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n通用选项：\n" + strings.TrimRight(c.InheritedFlags().FlagUsages(), " \n"))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n运行 \"" + c.CommandPath() + " <命令> --help\" 查看各命令的说明。")
	}
	b.WriteString("\n")
	_, err := fmt.Fprint(c.OutOrStderr(), b.String())
	return err
}
