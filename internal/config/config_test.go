package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	c, err := Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Aliases) != 0 {
		t.Errorf("default aliases = %v; want none (examples stay commented)", c.Aliases)
	}
	for _, want := range []string{"有关部门", "高校"} {
		if !contains(c.CollectiveUnits, want) {
			t.Errorf("default collective units lack %q", want)
		}
	}
	if !contains(c.CarriedPrefixes, "市") {
		t.Errorf("default carried prefixes lack 市: %v", c.CarriedPrefixes)
	}
}

func TestUserOverridesKeyByKey(t *testing.T) {
	c, err := Load("my.yaml", []byte("aliases:\n  市经信委: 市工信局\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Aliases["市经信委"]; got != "市工信局" {
		t.Errorf("alias 市经信委 = %q; want 市工信局", got)
	}
	if !contains(c.CollectiveUnits, "有关部门") {
		t.Errorf("collective units lost their default when only aliases were set")
	}
	if c.Source != "my.yaml" {
		t.Errorf("Source = %q; want my.yaml", c.Source)
	}
}

func TestBadYAMLNamesFile(t *testing.T) {
	_, err := Load("办公室/taizhang.yaml", []byte("aliases: [unclosed\n"))
	if err == nil {
		t.Fatal("no error for malformed YAML")
	}
	if !strings.Contains(err.Error(), "办公室/taizhang.yaml") || !strings.Contains(err.Error(), "配置文件格式有误") {
		t.Errorf("error %q does not name the file and the problem", err)
	}
}

func TestFind(t *testing.T) {
	empty, dir := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("aliases:\n  人行: 人民银行\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Find(empty, dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.Aliases["人行"] != "人民银行" || c.Source != filepath.Join(dir, FileName) {
		t.Errorf("Find picked %q with aliases %v", c.Source, c.Aliases)
	}
	c, err = Find(empty)
	if err != nil || c.Source != "" {
		t.Errorf("Find with no file = %q, %v; want the default", c.Source, err)
	}
}

func TestLights(t *testing.T) {
	c, err := Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if *c.Lights.GreenWithin != 0 || *c.Lights.YellowWithin != 30 {
		t.Errorf("default lights = %v, %v; want 0, 30", *c.Lights.GreenWithin, *c.Lights.YellowWithin)
	}
	c, err = Load("u.yaml", []byte("lights:\n  yellow_within: 20\n"))
	if err != nil || *c.Lights.YellowWithin != 20 || *c.Lights.GreenWithin != 0 {
		t.Errorf("user lights: %v %v", c, err)
	}
	if _, err := Load("u.yaml", []byte("lights:\n  green_within: 40\n  yellow_within: 20\n")); err == nil || !strings.Contains(err.Error(), "亮灯规则") {
		t.Errorf("inverted thresholds accepted: %v", err)
	}
}
