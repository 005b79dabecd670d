// Package config loads the workspace configuration (taizhang.yaml): unit
// aliases, collective unit names and the other settings an office may tune.
// The commented default is embedded; a user's file next to their data
// replaces it key by key.
package config

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FileName is the name the configuration file has in a workspace.
const FileName = "taizhang.yaml"

//go:embed taizhang.yaml
var defaultYAML []byte

// Default returns the built-in configuration text, comments included.
func Default() []byte { return append([]byte(nil), defaultYAML...) }

// Config is the workspace configuration.
type Config struct {
	Aliases         map[string]string `yaml:"aliases"`
	CollectiveUnits []string          `yaml:"collective_units"`
	UnitSuffixes    []string          `yaml:"unit_suffixes"`
	CarriedPrefixes []string          `yaml:"carried_prefixes"`
	Lights          Lights            `yaml:"lights"`

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

// Load returns the built-in default overlaid with data (the text of a user's
// taizhang.yaml; nil for none). name is used in error messages.
func Load(name string, data []byte) (*Config, error) {
	var c Config
	if err := yaml.Unmarshal(defaultYAML, &c); err != nil {
		return nil, fmt.Errorf("built-in configuration: %w", err)
	}
	if c.Aliases == nil {
		c.Aliases = map[string]string{}
	}
	if len(data) == 0 {
		return &c, nil
	}
	var user Config
	if err := yaml.Unmarshal(data, &user); err != nil {
		return nil, &Error{File: name, Msg: "配置文件格式有误：" + yamlMessage(err)}
	}
	if user.Aliases != nil {
		c.Aliases = user.Aliases
	}
	if user.CollectiveUnits != nil {
		c.CollectiveUnits = user.CollectiveUnits
	}
	if user.UnitSuffixes != nil {
		c.UnitSuffixes = user.UnitSuffixes
	}
	if user.CarriedPrefixes != nil {
		c.CarriedPrefixes = user.CarriedPrefixes
	}
	if user.Lights.GreenWithin != nil {
		c.Lights.GreenWithin = user.Lights.GreenWithin
	}
	if user.Lights.YellowWithin != nil {
		c.Lights.YellowWithin = user.Lights.YellowWithin
	}
	if g, y := *c.Lights.GreenWithin, *c.Lights.YellowWithin; g < 0 || y < g || y > 100 {
		return nil, &Error{File: name, Msg: fmt.Sprintf("亮灯规则有误：green_within（%g）应不小于 0，yellow_within（%g）应在 green_within 与 100 之间", g, y)}
	}
	c.Source = name
	return &c, nil
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
			return nil, &Error{File: p, Msg: "无法读取配置文件：" + err.Error()}
		}
		return Load(p, data)
	}
	return Load("", nil)
}

// Error is a problem in a user's configuration file.
type Error struct {
	File string
	Msg  string
}

func (e *Error) Error() string { return e.File + "：" + e.Msg }

func yamlMessage(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "yaml: ")
	s = strings.ReplaceAll(s, "line ", "第 ")
	return s
}
