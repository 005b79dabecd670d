package config

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Unit is one unit of the office's unit list.
type Unit struct {
	Name string `yaml:"name"`
	// Aliases are other names documents use for it (old names after a
	// reform, short forms); they are replaced by Name.
	Aliases []string `yaml:"aliases"`
	// Short is the name used where space is tight (report tables), or "".
	Short string `yaml:"short"`
}

// UnmarshalYAML takes a bare name (- 市发改委) as well as the full form.
func (u *Unit) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		u.Name = strings.TrimSpace(n.Value)
		return nil
	}
	type plain Unit
	return n.Decode((*plain)(u))
}

// UnitRank is name's position in the unit list, or -1 when it is not in it.
func (c *Config) UnitRank(name string) int {
	for i, u := range c.Units {
		if u.Name == name {
			return i
		}
	}
	return -1
}

// Listed says whether name is in the unit list.
func (c *Config) Listed(name string) bool { return c.UnitRank(name) >= 0 }

// SortUnits orders names as the unit list does; names not in the list
// follow, in their own order.
func (c *Config) SortUnits(names []string) {
	slices.SortStableFunc(names, func(a, b string) int {
		ra, rb := c.UnitRank(a), c.UnitRank(b)
		switch {
		case ra < 0 && rb < 0:
			return 0
		case ra < 0:
			return 1
		case rb < 0:
			return -1
		}
		return ra - rb
	})
}

// ShortName is the unit's short name, or its name when it has none.
func (c *Config) ShortName(name string) string {
	if i := c.UnitRank(name); i >= 0 && c.Units[i].Short != "" {
		return c.Units[i].Short
	}
	return name
}

// UnitName is the unit a name stands for after the aliases (经信委 →
// 工信局), or the name itself.
func (c *Config) UnitName(name string) string {
	if a, ok := c.Aliases[name]; ok && a != "" {
		return a
	}
	return name
}

// Expansion lists the units a collective name (各市(区)) stands for, or nil
// when the configuration does not expand it. Full- and half-width brackets
// and a leading 各 do not matter.
func (c *Config) Expansion(name string) []string {
	if len(c.CollectiveExpand) == 0 {
		return nil
	}
	if units, ok := c.CollectiveExpand[name]; ok {
		return units
	}
	want := collectiveKey(name)
	for k, units := range c.CollectiveExpand {
		if collectiveKey(k) == want {
			return units
		}
	}
	return nil
}

var bracketFold = strings.NewReplacer("（", "(", "）", ")", " ", "", "\u3000", "")

func collectiveKey(s string) string {
	return strings.TrimPrefix(bracketFold.Replace(strings.TrimSpace(s)), "各")
}
