// Package config loads the workspace configuration (taizhang.yaml): the
// office and its assessment year and reporting cycle, the unit list with
// aliases and display order, collective unit names and what they stand for,
// the light thresholds, the scoring rules and the fonts. The commented
// default is embedded; a user's file replaces it key by key. Every problem
// in a user's file is reported with its line, all of them at once.
package config

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/scoring"
)

// FileName is the name the configuration file has in a workspace.
const FileName = "taizhang.yaml"

//go:embed taizhang.yaml
var defaultYAML []byte

// Config is the workspace configuration.
type Config struct {
	// Organisation is the office that issues the reports (办公室/机关名称).
	Organisation string `yaml:"organisation"`
	// Year is the assessment year, 0 when not set.
	Year int `yaml:"year"`
	// Cycle is the reporting cycle as written (月, 季度, 半年, or month,
	// quarter, half); CycleKind reads it.
	Cycle string `yaml:"cycle"`
	// DueDays is how many days after a period's end its returns are due.
	DueDays int `yaml:"due_days"`

	// Units is the office's unit list in display order; empty when the
	// office keeps none. Their aliases are merged into Aliases on loading.
	Units []Unit `yaml:"units"`
	// Aliases maps a name as documents write it to the unit's name.
	Aliases map[string]string `yaml:"aliases"`
	// CollectiveUnits are names that stand for a group of units; the names
	// of CollectiveExpand are added on loading.
	CollectiveUnits []string `yaml:"collective_units"`
	// CollectiveExpand maps a collective name (各市(区)) to the units it
	// stands for.
	CollectiveExpand map[string][]string `yaml:"collective_expand"`
	UnitSuffixes     []string            `yaml:"unit_suffixes"`
	CarriedPrefixes  []string            `yaml:"carried_prefixes"`

	Lights  Lights        `yaml:"lights"`
	Scoring scoring.Rules `yaml:"scoring"`
	// Fonts maps a font slot (see FontSlots) to a font file, "path",
	// "path#index" or "path#face name" for a collection (.ttc). A relative
	// path is resolved against the folder of the configuration file on
	// loading.
	Fonts map[string]string `yaml:"fonts"`

	// Source is the file the configuration was read from, or "" for the
	// built-in default.
	Source string `yaml:"-"`
}

// Lights are the traffic-light thresholds, in percentage points behind the
// expected progress (序时进度).
type Lights struct {
	GreenWithin  *float64 `yaml:"green_within"`
	YellowWithin *float64 `yaml:"yellow_within"`
}

// FontSlots are the keys of the fonts section: body text (仿宋), bold body
// text, the title (小标宋), 黑体 and 楷体 headings.
var FontSlots = []string{"body", "bold", "title", "hei", "kai"}

// Load returns the built-in default overlaid with data (the text of a user's
// taizhang.yaml; nil for none). name is used in error messages. Problems in
// data are a *Error listing each with its line.
func Load(name string, data []byte) (*Config, error) {
	c, err := builtin()
	if err != nil {
		return nil, err
	}
	if err := overlay(c, name, data); err != nil {
		return nil, err
	}
	c.Source = name
	return c, nil
}

// builtin decodes the embedded default on top of the scoring rules of
// package scoring, which the default file does not repeat.
func builtin() (*Config, error) {
	c := &Config{Scoring: scoring.Defaults}
	if err := overlay(c, "", defaultYAML); err != nil {
		return nil, fmt.Errorf("built-in configuration: %w", err)
	}
	return c, nil
}

// LoadWorkspace is Load for the taizhang.yaml of a workspace, which must
// name its assessment year: without one the current period follows the
// calendar, so a file emptied by mistake (or year: 0) would move the
// office's work into another year without a word. Both are refused.
func LoadWorkspace(name string, data []byte) (*Config, error) {
	c, err := builtin()
	if err != nil {
		return nil, err
	}
	if err := overlayWith(c, name, data, (*file).requireYear); err != nil {
		return nil, err
	}
	c.Source = name
	return c, nil
}

// LoadWorkspaceFile reads and loads a workspace's taizhang.yaml (see
// LoadWorkspace).
func LoadWorkspaceFile(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, newError(path, []Problem{{Msg: "无法读取配置文件：" + err.Error()}})
	}
	return LoadWorkspace(path, data)
}

// overlay decodes data over c, checks the result and completes it.
func overlay(c *Config, name string, data []byte) error {
	return overlayWith(c, name, data, nil)
}

// overlayWith is overlay with a further check of the decoded file.
func overlayWith(c *Config, name string, data []byte, extra func(*file, *Config)) error {
	f, err := decode(c, name, data)
	if err != nil {
		return err
	}
	ps := f.validate(c)
	if extra != nil {
		f.problems = ps
		extra(f, c)
		ps = f.problems
	}
	if len(ps) > 0 {
		return newError(name, ps)
	}
	c.complete(name)
	return nil
}

// complete merges the unit aliases into Aliases, adds the expanded
// collective names to CollectiveUnits and resolves relative font paths.
func (c *Config) complete(name string) {
	if c.Aliases == nil {
		c.Aliases = map[string]string{}
	}
	for _, u := range c.Units {
		for _, a := range u.Aliases {
			if a != "" && a != u.Name {
				c.Aliases[a] = u.Name
			}
		}
	}
	for k := range c.CollectiveExpand {
		if !contains(c.CollectiveUnits, k) {
			c.CollectiveUnits = append(c.CollectiveUnits, k)
		}
	}
	if name == "" || c.Fonts == nil {
		return
	}
	dir := filepath.Dir(name)
	for slot, v := range c.Fonts {
		if v != "" && !isAbsPath(v) {
			c.Fonts[slot] = filepath.Join(dir, v)
		}
	}
}

// isAbsPath also takes Windows paths (C:/Windows/Fonts/simfang.ttf) as
// absolute on any system, so that they are never joined to a folder.
func isAbsPath(p string) bool {
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) {
		return true
	}
	return len(p) >= 3 && p[1] == ':' && (p[2] == '/' || p[2] == '\\') &&
		(p[0] >= 'A' && p[0] <= 'Z' || p[0] >= 'a' && p[0] <= 'z')
}

// Find looks for taizhang.yaml in each of dirs (in order) and loads the first
// one found; with none found it returns the default.
func Find(dirs ...string) (*Config, error) {
	for _, d := range dirs {
		p := filepath.Join(d, FileName)
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, newError(p, []Problem{{Msg: "无法读取配置文件：" + err.Error()}})
		}
		return Load(p, data)
	}
	return Load("", nil)
}

// LoadFile reads and loads the configuration file at path.
func LoadFile(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, newError(path, []Problem{{Msg: "无法读取配置文件：" + err.Error()}})
	}
	return Load(path, data)
}

// CycleKind is the reporting cycle: period.Month, period.Quarter or
// period.Half (a quarter when the file does not say).
func (c *Config) CycleKind() period.Kind {
	if k, ok := ParseCycle(c.Cycle); ok {
		return k
	}
	return period.Quarter
}

// ParseCycle reads a reporting cycle as written in taizhang.yaml or on the
// command line: 月/月度/每月/month, 季度/季/每季度/quarter, 半年/半年度/half.
func ParseCycle(s string) (period.Kind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "月", "月度", "每月", "按月", "month", "monthly":
		return period.Month, true
	case "季度", "季", "每季度", "按季度", "quarter", "quarterly":
		return period.Quarter, true
	case "半年", "半年度", "每半年", "按半年", "half", "half-year", "halfyear", "half_year":
		return period.Half, true
	}
	return "", false
}

// CycleLabel is the Chinese name of a reporting cycle: 月, 季度, 半年.
func CycleLabel(k period.Kind) string {
	switch k {
	case period.Month:
		return "月"
	case period.Half:
		return "半年"
	}
	return "季度"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Locate loads the configuration a command outside a workspace uses: the
// file at path when it is given (a --config flag), else taizhang.yaml
// beside the first of inputs, or in the current directory, else the
// built-in default.
func Locate(path string, inputs []string) (*Config, error) {
	if path != "" {
		return LoadFile(path)
	}
	var dirs []string
	if len(inputs) > 0 {
		dirs = append(dirs, filepath.Dir(inputs[0]))
	}
	return Find(append(dirs, ".")...)
}
