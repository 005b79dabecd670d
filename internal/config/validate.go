package config

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
)

// validate checks the decoded configuration — the defaults with the user's
// file over them — and names the user's line for each problem.
func (f *file) validate(c *Config) []Problem {
	f.problems = nil
	f.checkRound(c)
	f.checkLights(c)
	f.checkScoring(c)
	f.checkUnits(c)
	for slot, v := range c.Fonts {
		if strings.TrimSpace(strings.Split(v, "#")[0]) == "" {
			f.problem(f.at("fonts."+slot), "fonts.%s 应为字体文件的路径，如 C:/Windows/Fonts/simfang.ttf", slot)
		}
	}
	return f.problems
}

func (f *file) checkRound(c *Config) {
	if _, ok := ParseCycle(c.Cycle); !ok {
		f.problem(f.at("cycle"), "报送周期“%s”无法识别：cycle 应为 月、季度 或 半年", c.Cycle)
	}
	// A year written in the file must be one: year: 0 is not "no year"
	// (that is the line left empty).
	switch {
	case f.vals["year"] != nil && c.Year == 0:
		f.problem(f.at("year"), "考核年度不能为 0：year 应为 1990–2100 之间的年份，如 2025")
	case c.Year != 0 && (c.Year < 1990 || c.Year > 2100):
		f.problem(f.at("year"), "考核年度 %d 超出范围：year 应为 1990–2100 之间的年份，如 2025", c.Year)
	}
	switch {
	case c.DueDays < 0:
		f.problem(f.at("due_days"), "due_days 不能为负数（现为 %d）：应为每期结束后第几天截止报送，如 5", c.DueDays)
	case c.DueDays > 180:
		f.problem(f.at("due_days"), "due_days（%d）过大：应为每期结束后第几天截止报送，如 5", c.DueDays)
	}
}

// requireYear is the further check of a workspace's file: it must not be
// empty and must name the assessment year.
func (f *file) requireYear(c *Config) {
	switch {
	case f.empty:
		f.problem(1, "配置文件是空的（没有任何设置）：工作目录的考核年度、报送周期、单位名单等都在此文件中，"+
			"为免把本年度的工作误算到其他年度，本次未运行。请从备份恢复 taizhang.yaml，"+
			"或至少写上 year: 2025（考核年度）和 cycle: 季度（报送周期）")
	case c.Year == 0 && f.vals["year"] == nil:
		f.problem(f.at("year"), "没有设置考核年度（year）：工作目录按考核年度确定当前期次，"+
			"为免把本年度的工作误算到其他年度，本次未运行。请写上 year: 2025 这样的一行")
	}
}

func (f *file) checkLights(c *Config) {
	const g, y = "lights.green_within", "lights.yellow_within"
	if c.Lights.GreenWithin == nil || c.Lights.YellowWithin == nil {
		f.problem(f.at("lights"), "亮灯规则不完整：lights 应有 green_within 和 yellow_within")
		return
	}
	gv, yv := *c.Lights.GreenWithin, *c.Lights.YellowWithin
	bad := false
	for _, t := range []struct {
		path string
		v    float64
	}{{g, gv}, {y, yv}} {
		name := strings.TrimPrefix(t.path, "lights.")
		switch {
		case t.v < 0:
			f.problem(f.at(t.path), "亮灯规则有误：%s 不能为负数（现为 %g）：它是落后序时进度的点数，如 10", name, t.v)
			bad = true
		case t.v > 100:
			f.problem(f.at(t.path), "亮灯规则有误：%s（%g）不能超过 100", name, t.v)
			bad = true
		}
	}
	if !bad && yv < gv {
		f.problem(f.at(y, g), "亮灯规则有误：yellow_within（%g）应不小于 green_within（%g）", yv, gv)
	}
}

func (f *file) checkScoring(c *Config) {
	r := c.Scoring
	const s = "scoring."
	type num struct {
		path string
		v    float64
		sign int // +1 a bonus or a cap (≥ 0), -1 a deduction (≤ 0), 0 any
	}
	nums := []num{
		{"base", r.Base, 0}, {"max", r.Max, 0}, {"min", r.Min, 0},
		{"done.lead", r.Done.Lead, 1}, {"done.co", r.Done.Co, 1},
		{"done_late.lead", r.DoneLate.Lead, 1}, {"done_late.co", r.DoneLate.Co, 1},
		{"overdue.lead", r.Overdue.Lead, -1}, {"overdue.co", r.Overdue.Co, -1},
		{"yellow.lead", r.Yellow.Lead, -1}, {"yellow.co", r.Yellow.Co, -1},
		{"red.lead", r.Red.Lead, -1}, {"red.co", r.Red.Co, -1},
		{"late", r.Late, -1}, {"missing", r.Missing, -1}, {"empty", r.Empty, -1}, {"missing_key", r.MissingKey, -1},
		{"caps.bonus", r.Caps.Bonus, 1}, {"caps.deduction", r.Caps.Deduction, 1}, {"caps.reporting", r.Caps.Reporting, 1},
	}
	for _, n := range nums {
		line := f.at(s + n.path)
		switch {
		case math.IsNaN(n.v) || math.IsInf(n.v, 0):
			f.problem(line, "考核规则有误：scoring.%s 应为一个数字", n.path)
		case n.sign > 0 && n.v < 0 && strings.HasPrefix(n.path, "caps."):
			f.problem(line, "考核规则有误：scoring.%s 是封顶的分数，应为正数（0 表示不封顶），现为 %g", n.path, n.v)
		case n.sign > 0 && n.v < 0:
			f.problem(line, "考核规则有误：scoring.%s 是加分，应为正数或 0，现为 %g", n.path, n.v)
		case n.sign < 0 && n.v > 0:
			f.problem(line, "考核规则有误：scoring.%s 是扣分，应写为负数（如 -%g），现为 %g", n.path, n.v, n.v)
		}
	}
	switch {
	case r.Max <= r.Min:
		f.problem(f.at(s+"max", s+"min"), "考核规则有误：最高分 max（%g）应大于最低分 min（%g）", r.Max, r.Min)
	case r.Base > r.Max:
		f.problem(f.at(s+"base", s+"max"), "考核规则有误：基础分 base（%g）不能高于最高分 max（%g）", r.Base, r.Max)
	case r.Base < r.Min:
		f.problem(f.at(s+"base", s+"min"), "考核规则有误：基础分 base（%g）不能低于最低分 min（%g）", r.Base, r.Min)
	}
}

// checkUnits checks the unit list and every unit name the configuration
// refers to: with a unit list, alias targets and the members of collective
// expansions must be in it.
func (f *file) checkUnits(c *Config) {
	var names []string
	where := map[string]int{} // unit name → its index in Units
	for i, u := range c.Units {
		c.Units[i].Name = strings.TrimSpace(u.Name)
		name := c.Units[i].Name
		path := fmt.Sprintf("units[%d]", i)
		if name == "" {
			f.problem(f.at(path+".name", path), "units 的第 %d 项没有写单位名称（name）", i+1)
			continue
		}
		if j, dup := where[name]; dup {
			f.problem(f.at(path+".name", path), "单位“%s”在 units 中重复（第 %d 行已列出）", name, f.at(fmt.Sprintf("units[%d].name", j), fmt.Sprintf("units[%d]", j)))
			continue
		}
		where[name] = i
		names = append(names, name)
	}
	known := func(name string) bool { _, ok := where[name]; return ok }
	owner := map[string]string{} // alias → unit
	for i, u := range c.Units {
		for j, a := range u.Aliases {
			a = strings.TrimSpace(a)
			c.Units[i].Aliases[j] = a
			line := f.at(fmt.Sprintf("units[%d].aliases[%d]", i, j), fmt.Sprintf("units[%d].aliases", i))
			switch {
			case a == "" || a == u.Name:
			case known(a):
				f.problem(line, "“%s”是 units 中的单位名称，不能同时作为“%s”的别名", a, u.Name)
			case owner[a] != "" && owner[a] != u.Name:
				f.problem(line, "别名“%s”同时属于“%s”和“%s”：一个别名只能对应一个单位", a, owner[a], u.Name)
			default:
				owner[a] = u.Name
			}
		}
	}
	for alias, target := range c.Aliases {
		path := "aliases." + alias
		if !f.sets(path) {
			continue // from the built-in default
		}
		line := f.at(path)
		switch {
		case known(alias):
			f.problem(line, "“%s”是 units 中的单位名称，不能作为别名", alias)
		case owner[alias] != "" && owner[alias] != target:
			f.problem(line, "别名“%s”在 units 中属于“%s”，这里却对应“%s”", alias, owner[alias], target)
		case len(names) > 0 && !known(target):
			f.problem(line, "别名“%s”对应的“%s”不在 units 名单中%s", alias, target, suggestUnit(target, names))
		}
	}
	f.checkAliasChains(c)
	for coll, members := range c.CollectiveExpand {
		path := "collective_expand." + coll
		if len(members) == 0 {
			f.problem(f.at(path), "集体称谓“%s”没有列出它代表的单位", coll)
		}
		if known(coll) {
			f.problem(f.at(path), "“%s”是 units 中的单位名称，不能作为集体称谓展开", coll)
		}
		for i, m := range members {
			members[i] = strings.TrimSpace(m)
			if len(names) > 0 && !known(members[i]) {
				f.problem(f.at(fmt.Sprintf("%s[%d]", path, i), path), "集体称谓“%s”中的“%s”不在 units 名单中%s", coll, members[i], suggestUnit(members[i], names))
			}
		}
	}
}

// checkAliasChains refuses an alias whose unit is itself an alias: names
// are renamed once, so A: B with B: A swaps two units' tasks, and A: B
// with B: C leaves A's tasks with B. A cycle is reported once, on its
// first line.
func (f *file) checkAliasChains(c *Config) {
	var aliases []string
	for a := range c.Aliases {
		if f.sets("aliases." + a) {
			aliases = append(aliases, a)
		}
	}
	sort.Slice(aliases, func(i, j int) bool {
		li, lj := f.at("aliases."+aliases[i]), f.at("aliases."+aliases[j])
		return li < lj || li == lj && aliases[i] < aliases[j]
	})
	reported := map[string]bool{}
	for _, a := range aliases {
		b := c.Aliases[a]
		next, chained := c.Aliases[b]
		if !chained || b == a || next == b || reported[a] {
			continue
		}
		// Follow the chain: back to a is a cycle.
		chain, lines := []string{a}, []string{fmt.Sprint(f.at("aliases." + a))}
		seen := map[string]bool{a: true}
		loops := false
		for x := b; ; x = c.Aliases[x] {
			chain = append(chain, x)
			if seen[x] {
				loops = true
				break
			}
			nx, ok := c.Aliases[x]
			if !ok || nx == x {
				break
			}
			seen[x] = true
			if l := f.at("aliases." + x); l > 0 {
				lines = append(lines, fmt.Sprint(l))
			}
		}
		last := chain[len(chain)-1]
		switch {
		case loops && last != a:
			continue // a cycle further on, reported from its own first line
		case loops:
			for _, x := range chain {
				reported[x] = true
			}
			f.problem(f.at("aliases."+a), "别名形成循环：%s（见第 %s 行）：名称只替换一次，这样会把这些单位的任务互换。"+
				"每个别名应直接对应一个正式单位名称，请删去或改正其中的一行",
				strings.Join(chain, " → "), strings.Join(lines, "、"))
		default:
			f.problem(f.at("aliases."+a), "别名“%s”对应的“%s”本身又是别名（第 %d 行改为“%s”）：名称只替换一次，“%s”的任务会留在“%s”名下。请直接写 %s: %s",
				a, b, f.at("aliases."+b), next, a, b, a, last)
		}
	}
}

func suggestUnit(name string, units []string) string {
	if s := inputerr.ClosestName(name, units); s != "" {
		return "，是否应为“" + s + "”？"
	}
	return "：请把它加入 units，或改为名单中的名称"
}
