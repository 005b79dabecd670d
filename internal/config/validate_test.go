package config

import (
	"reflect"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/inputerr"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/scoring"
)

// TestProblems checks that each kind of mistake is reported on its line,
// with the fix suggested where there is one.
func TestProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []Problem // Msg: a part of the message
	}{
		{"unknown key", "organisation: 市效能办\nlihgts:\n  green_within: 5\n",
			[]Problem{{2, "未知的设置项“lihgts”，是否应为“lights”？"}}},
		{"unknown nested key", "lights:\n  green_within: 5\n  yelow_within: 20\n",
			[]Problem{{3, "未知的设置项“yelow_within”（在 lights 下），是否应为“yellow_within”？"}}},
		{"separator variant", "scoring:\n  done-late: {lead: 1}\n",
			[]Problem{{2, "是否应为“done_late”？"}}},
		{"no close key lists the keys", "单位:\n  - 市发改委\n",
			[]Problem{{1, "此处可用的设置项：organisation、year、cycle"}}},
		{"statuses are fixed", "statuses: [完成, 未完成]\n",
			[]Problem{{1, "完成状态固定为"}}},
		{"secret does not belong here", "cycle: 月\nsecret: 0123\n",
			[]Problem{{2, ".taizhang/secret.key"}}},
		{"unknown font slot", "fonts:\n  body: a.ttf\n  heiti: b.ttf\n",
			[]Problem{{3, "未知的设置项“heiti”（在 fonts 下），是否应为“hei”？"}}},
		{"duplicate key", "cycle: 月\nyear: 2025\ncycle: 季度\n",
			[]Problem{{3, "设置项“cycle”重复（第 1 行已有）"}}},
		{"infinite points", "scoring:\n  done: {lead: .inf}\n",
			[]Problem{{2, "应为绝对值不超过 1000000 的数字，而不是“.inf”"}}},
		{"huge points", "scoring:\n  late: 1e308\n",
			[]Problem{{2, "应为绝对值不超过 1000000 的数字，而不是“1e308”"}}},
		{"not a number", "scoring:\n  late: .nan\n",
			[]Problem{{2, "应为绝对值不超过 1000000 的数字"}}},
		{"negative threshold", "lights:\n  green_within: -5\n",
			[]Problem{{2, "green_within 不能为负数"}}},
		{"inverted thresholds on the user's line", "lights:\n  yellow_within: 20\n  green_within: 40\n",
			[]Problem{{2, "yellow_within（20）应不小于 green_within（40）"}}},
		{"percent sign", "lights:\n  yellow_within: 20%\n",
			[]Problem{{2, "yellow_within 应为数字（不带 % 号）"}}},
		{"bad cycle", "\ncycle: 每周\n", []Problem{{2, "报送周期“每周”无法识别"}}},
		{"year as words", "year: 二〇二五\n", []Problem{{1, "year 应为整数"}}},
		{"year out of range", "year: 25\n", []Problem{{1, "考核年度 25 超出范围"}}},
		{"year zero", "cycle: 季度\nyear: 0\n", []Problem{{2, "考核年度不能为 0"}}},
		{"aliases that swap two units", "aliases:\n  市商务局: 市发改委\n  市发改委: 市商务局\n",
			[]Problem{{2, "别名形成循环：市商务局 → 市发改委 → 市商务局（见第 2、3 行）"}}},
		{"a longer alias cycle", "aliases:\n  甲局: 乙局\n  乙局: 丙局\n  丙局: 甲局\n",
			[]Problem{{2, "别名形成循环：甲局 → 乙局 → 丙局 → 甲局（见第 2、3、4 行）"}}},
		{"alias to an alias", "aliases:\n  经信委: 市经信委\n  市经信委: 市工信局\n",
			[]Problem{{2, "别名“经信委”对应的“市经信委”本身又是别名（第 3 行改为“市工信局”）"}}},
		{"negative due days", "due_days: -1\n", []Problem{{1, "due_days 不能为负数"}}},
		{"max below base", "scoring:\n  base: 85\n  max: 80\n",
			[]Problem{{2, "基础分 base（85）不能高于最高分 max（80）"}}},
		{"deduction written positive", "scoring:\n  overdue: {lead: 5}\n  late: 0.1\n",
			[]Problem{{2, "scoring.overdue.lead 是扣分，应写为负数"}, {3, "scoring.late 是扣分"}}},
		{"alias target typo", "units:\n  - name: 市工信局\n  - 市发改委\naliases:\n  市经信委: 市工信委\n",
			[]Problem{{5, "别名“市经信委”对应的“市工信委”不在 units 名单中，是否应为“市工信局”？"}}},
		{"expansion member typo", "units: [海陵区, 高港区, 姜堰区]\ncollective_expand:\n  各市(区):\n    - 海陵区\n    - 高巷区\n",
			[]Problem{{5, "集体称谓“各市(区)”中的“高巷区”不在 units 名单中，是否应为“高港区”？"}}},
		{"expansion member far from any unit", "units: [海陵区]\ncollective_expand:\n  各市(区): [人民银行泰州市中心支行]\n",
			[]Problem{{3, "请把它加入 units"}}},
		{"duplicate unit", "units:\n  - 市发改委\n  - name: 市科技局\n  - name: 市发改委\n",
			[]Problem{{4, "单位“市发改委”在 units 中重复（第 2 行已列出）"}}},
		{"alias shared by two units", "units:\n  - name: 市工信局\n    aliases: [经信委]\n  - name: 市商务局\n    aliases:\n      - 经信委\n",
			[]Problem{{6, "别名“经信委”同时属于“市工信局”和“市商务局”"}}},
		{"alias that is a unit", "units:\n  - name: 市工信局\n    aliases: [市商务局]\n  - 市商务局\n",
			[]Problem{{3, "“市商务局”是 units 中的单位名称"}}},
		{"unit without a name", "units:\n  - short: 工信局\n", []Problem{{2, "units 的第 1 项没有写单位名称"}}},
		{"empty alias", "aliases:\n  市经信委:\n", []Problem{{2, "别名“市经信委”后面没有写对应的单位名称"}}},
		{"empty list item", "collective_units:\n  - 有关部门\n  -\n", []Problem{{3, "collective_units 的第 2 项是空的"}}},
		{"list given as a mapping", "collective_units:\n  有关部门: 1\n", []Problem{{2, "collective_units 应为列表"}}},
		{"mapping given as text", "lights: 30\n", []Problem{{1, "lights 下应为若干“设置项: 值”"}}},
		{"tab indentation", "lights:\n\tgreen_within: 5\n", []Problem{{2, "Tab"}}},
		{"unclosed list", "units: [市发改委, 市科技局\ncycle: 月\n", []Problem{{1, "方括号"}}},
		{"two colons", "organisation: 办公室: 效能办\n", []Problem{{1, "此处不能再有冒号"}}},
		{"bad indentation", "lights:\n  green_within: 5\n yellow_within: 20\n", []Problem{{3, "缩进不一致"}}},
		{"several problems together", "lihgts: {}\ncycle: 周\nlights:\n  green_within: -1\n",
			[]Problem{{1, "lihgts"}}}, // shape problems first: the values are checked once the shape is right
		{"several value problems together", "cycle: 周\nlights:\n  green_within: -1\nscoring:\n  max: 10\n",
			[]Problem{{1, "报送周期"}, {3, "green_within 不能为负数"}, {5, "基础分 base（80）不能高于最高分 max（10）"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("办公室/taizhang.yaml", []byte(tt.yaml))
			ce, ok := err.(*Error)
			if !ok {
				t.Fatalf("Load(%q) error = %v; want a *config.Error", tt.yaml, err)
			}
			if ce.File != "办公室/taizhang.yaml" || !strings.Contains(err.Error(), "办公室/taizhang.yaml") {
				t.Errorf("error %q does not name the file", err)
			}
			if len(ce.Problems) != len(tt.want) {
				t.Fatalf("problems = %v; want %d", ce.Problems, len(tt.want))
			}
			for i, w := range tt.want {
				got := ce.Problems[i]
				if got.Line != w.Line || !strings.Contains(got.Msg, w.Msg) {
					t.Errorf("problem %d = 第 %d 行：%s; want 第 %d 行 with %q", i, got.Line, got.Msg, w.Line, w.Msg)
				}
			}
		})
	}
}

func TestErrorText(t *testing.T) {
	_, err := Load("a/taizhang.yaml", []byte("lihgts: {}\n"))
	if got, want := err.Error(), "a/taizhang.yaml：第 1 行：未知的设置项“lihgts”，是否应为“lights”？"; got != want {
		t.Errorf("one problem: %q; want %q", got, want)
	}
	_, err = Load("a/taizhang.yaml", []byte("cycle: 周\ndue_days: -3\n"))
	if got := err.Error(); !strings.HasPrefix(got, "a/taizhang.yaml 有 2 处问题：\n  第 1 行：") || !strings.Contains(got, "\n  第 2 行：") {
		t.Errorf("two problems: %q", got)
	}
}

func TestNewSettings(t *testing.T) {
	c, err := Load("ws/taizhang.yaml", []byte(`
organisation: 泰州市人民政府办公室
year: 2025
cycle: month
due_days: 7
units:
  - name: 市工信局
    aliases: [市经信委, 经信委]
    short: 工信局
  - 市发改委
  - 海陵区
  - 高港区
aliases:
  市计委: 市发改委
collective_expand:
  各市（区）: [海陵区, 高港区]
fonts:
  body: 字体/fang.ttf
  title: C:/Windows/Fonts/simhei.ttf
  kai: /usr/share/fonts/kai.ttc#1
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Organisation != "泰州市人民政府办公室" || c.Year != 2025 || c.CycleKind() != period.Month || c.DueDays != 7 {
		t.Errorf("round settings: %q %d %v %d", c.Organisation, c.Year, c.CycleKind(), c.DueDays)
	}
	for alias, want := range map[string]string{"市经信委": "市工信局", "经信委": "市工信局", "市计委": "市发改委"} {
		if got := c.UnitName(alias); got != want {
			t.Errorf("UnitName(%q) = %q; want %q", alias, got, want)
		}
	}
	if c.ShortName("市工信局") != "工信局" || c.ShortName("市发改委") != "市发改委" {
		t.Errorf("short names: %q %q", c.ShortName("市工信局"), c.ShortName("市发改委"))
	}
	for _, name := range []string{"各市（区）", "各市(区)", "市(区)"} {
		if got := c.Expansion(name); !reflect.DeepEqual(got, []string{"海陵区", "高港区"}) {
			t.Errorf("Expansion(%q) = %v", name, got)
		}
	}
	if c.Expansion("各高校") != nil {
		t.Error("an unexpanded collective expanded")
	}
	if !contains(c.CollectiveUnits, "各市（区）") || !contains(c.CollectiveUnits, "有关部门") {
		t.Errorf("collective units: %v", c.CollectiveUnits)
	}
	names := []string{"市科技局", "高港区", "市工信局", "海陵区"}
	c.SortUnits(names)
	if want := []string{"市工信局", "海陵区", "高港区", "市科技局"}; !reflect.DeepEqual(names, want) {
		t.Errorf("SortUnits = %v; want %v", names, want)
	}
	want := map[string]string{"body": "ws/字体/fang.ttf", "title": "C:/Windows/Fonts/simhei.ttf", "kai": "/usr/share/fonts/kai.ttc#1"}
	if !reflect.DeepEqual(c.Fonts, want) {
		t.Errorf("fonts = %v; want %v", c.Fonts, want)
	}
}

func TestScoringKeyByKey(t *testing.T) {
	c, err := Load("u.yaml", []byte("scoring:\n  base: 85\n  overdue: {lead: -6}\n  caps:\n    bonus: 10\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := scoring.Defaults
	want.Base = 85
	want.Overdue.Lead = -6
	want.Caps.Bonus = 10
	if !reflect.DeepEqual(c.Scoring, want) {
		t.Errorf("scoring = %+v; want %+v", c.Scoring, want)
	}
	d, err := Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d.Scoring, scoring.Defaults) {
		t.Errorf("the built-in scoring = %+v; want scoring.Defaults %+v", d.Scoring, scoring.Defaults)
	}
}

// TestEmptyKeepsDefault: a key with nothing after it (as in the commented
// file init writes) keeps its default.
func TestEmptyKeepsDefault(t *testing.T) {
	c, err := Load("u.yaml", []byte("units:\naliases:\nlights:\n  green_within:\ncollective_units:\ncycle:\nfonts:\n  body:\n"))
	if err != nil {
		t.Fatal(err)
	}
	if *c.Lights.GreenWithin != 0 || *c.Lights.YellowWithin != 30 || !contains(c.CollectiveUnits, "高校") || c.CycleKind() != period.Quarter || c.DueDays != 5 {
		t.Errorf("defaults lost: %+v", c)
	}
	if c, err = Load("u.yaml", []byte("collective_units: []\n")); err != nil || len(c.CollectiveUnits) != 0 {
		t.Errorf("collective_units: [] = %v, %v; want none", c.CollectiveUnits, err)
	}
}

func TestGB18030(t *testing.T) {
	// "organisation: 效能办\n" saved by an old Windows editor.
	data := append([]byte("organisation: "), 0xd0, 0xa7, 0xc4, 0xdc, 0xb0, 0xec, '\n')
	c, err := Load("u.yaml", data)
	if err != nil || c.Organisation != "效能办" {
		t.Errorf("GB18030 file: %q, %v", c.Organisation, err)
	}
}

func TestNewFile(t *testing.T) {
	data, err := NewFile(`泰州市"效能办"`, 2025, "半年")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Load("taizhang.yaml", data)
	if err != nil {
		t.Fatalf("the file init writes does not load: %v\n%s", err, data)
	}
	if c.Organisation != `泰州市"效能办"` || c.Year != 2025 || c.CycleKind() != period.Half {
		t.Errorf("loaded %q %d %v", c.Organisation, c.Year, c.CycleKind())
	}
	d, _ := Load("", nil)
	if !reflect.DeepEqual(c.Scoring, scoring.Defaults) || *c.Lights.GreenWithin != *d.Lights.GreenWithin || *c.Lights.YellowWithin != *d.Lights.YellowWithin || c.DueDays != d.DueDays {
		t.Errorf("init's file changes the defaults: %+v", c)
	}
	text := string(data)
	// Every scoring rule is written out, so that the office sees them all.
	for _, key := range yamlKeys(reflect.TypeOf(scoring.Rules{}), "") {
		last := key[strings.LastIndex(key, ".")+1:]
		if !strings.Contains(text, last+":") {
			t.Errorf("init's taizhang.yaml does not write out scoring.%s", key)
		}
	}
	for _, want := range []string{".taizhang/secret.key", "切勿", "2025年上半年", "cycle: 半年"} {
		if !strings.Contains(text, want) {
			t.Errorf("init's taizhang.yaml lacks %q", want)
		}
	}
	if _, err := NewFile("x", 2025, "每周"); err == nil {
		t.Error("NewFile accepted an unknown cycle")
	}
}

func yamlKeys(t reflect.Type, prefix string) []string {
	var out []string
	fields, names := yamlFields(t)
	for _, n := range names {
		if ft := fields[n]; ft.Kind() == reflect.Struct {
			out = append(out, yamlKeys(ft, prefix+n+".")...)
		} else {
			out = append(out, prefix+n)
		}
	}
	return out
}

func TestCycles(t *testing.T) {
	for in, want := range map[string]period.Kind{"月": period.Month, "季度": period.Quarter, "Quarter": period.Quarter, "半年": period.Half, "half": period.Half} {
		if got, ok := ParseCycle(in); !ok || got != want {
			t.Errorf("ParseCycle(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if _, ok := ParseCycle("周"); ok {
		t.Error("ParseCycle(周) accepted")
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"organisation", "year", "cycle", "due_days", "units", "lights"}
	for in, want := range map[string]string{"lihgts": "lights", "organization": "organisation", "Year": "year", "dueDays": "due_days", "unit": "units", "xyz": "", "yr": ""} {
		if got := inputerr.Closest(in, keys); got != want {
			t.Errorf("closest(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestWorkspaceNeedsYear: a workspace's file that lost its settings or its
// year is refused, where Load (a configuration beside some documents) takes
// the defaults.
func TestWorkspaceNeedsYear(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       Problem
	}{
		{"empty file", "", Problem{1, "配置文件是空的"}},
		{"only comments", "# 配置\n\n", Problem{1, "配置文件是空的"}},
		{"year left empty", "cycle: 季度\nyear:\n", Problem{2, "没有设置考核年度（year）"}},
		{"no year line", "cycle: 季度\n", Problem{0, "没有设置考核年度（year）"}},
		{"year zero", "year: 0\ncycle: 季度\n", Problem{1, "考核年度不能为 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadWorkspace("ws/taizhang.yaml", []byte(tt.yaml))
			ce, ok := err.(*Error)
			if !ok || len(ce.Problems) != 1 {
				t.Fatalf("LoadWorkspace(%q) = %v; want one problem", tt.yaml, err)
			}
			if got := ce.Problems[0]; got.Line != tt.want.Line || !strings.Contains(got.Msg, tt.want.Msg) || !strings.Contains(err.Error(), "ws/taizhang.yaml") {
				t.Errorf("LoadWorkspace(%q) = %v; want line %d with %q", tt.yaml, err, tt.want.Line, tt.want.Msg)
			}
		})
	}
	if c, err := LoadWorkspace("ws/taizhang.yaml", []byte("year: 2025\n")); err != nil || c.Year != 2025 {
		t.Errorf("LoadWorkspace(year: 2025) = %v, %v", c, err)
	}
	if _, err := Load("taizhang.yaml", nil); err != nil {
		t.Errorf("Load without a file: %v; want the defaults", err)
	}
}
