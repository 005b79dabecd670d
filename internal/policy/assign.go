package policy

import (
	"slices"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/task"
)

// ApplyUnits renames the units of every task through the configuration's
// aliases (for task lists written before an alias was added) and replaces
// a collective name that taizhang.yaml expands (各市(区)) by its units,
// noting the expansion on the document. A unit that leads a task is not
// repeated among its co-units. Applying it twice changes nothing more.
//
// ParseFiles and ParseFS apply it to what they parse; a task list read back
// from its workbook needs it too.
func ApplyUnits(set *task.Set, cfg *config.Config) {
	for _, d := range set.Documents {
		expanded := map[string]bool{}
		for _, t := range d.Tasks {
			t.Lead = resolveUnits(t.Lead, cfg, expanded, nil)
			t.Co = resolveUnits(t.Co, cfg, expanded, t.Lead)
		}
		var names []string
		for name := range expanded {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			note := "集体称谓“" + name + "”已按 taizhang.yaml 展开为：" + strings.Join(cfg.Expansion(name), "、")
			if !slices.Contains(d.Notes, note) {
				d.Notes = append(d.Notes, note)
			}
		}
	}
}

func resolveUnits(units []string, cfg *config.Config, expanded map[string]bool, exclude []string) []string {
	if len(units) == 0 {
		return units
	}
	out := make([]string, 0, len(units))
	add := func(u string) {
		if !slices.Contains(out, u) && !slices.Contains(exclude, u) {
			out = append(out, u)
		}
	}
	for _, u := range units {
		if members := cfg.Expansion(u); members != nil {
			expanded[u] = true
			for _, m := range members {
				add(cfg.UnitName(m))
			}
			continue
		}
		add(cfg.UnitName(u))
	}
	return out
}
