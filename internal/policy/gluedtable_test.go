package policy

import (
	"reflect"
	"strings"
	"testing"
)

func TestGluedUnits(t *testing.T) {
	u := newUnitRules(loadConfig(t, ""))
	tests := []struct{ text, want string }{
		{"区发展改革委西城区地区生产总值增速由年初设定的6%调整", "区发展改革委"},
		{"区人力社保局2020年度地区生产总值初步核算", "区人力社保局"},
		{"市委宣传部、市文旅局全年组织演出120场", "市委宣传部、市文旅局"},
		{"区政府办公室已完成", "区政府办公室"},
		{"全年完成情况良好", ""},
	}
	for _, tt := range tests {
		if got := gluedUnits(tt.text, u); got != tt.want {
			t.Errorf("gluedUnits(%q) = %q; want %q", tt.text, got, tt.want)
		}
	}
}

// TestGluedTable: a table whose header and rows lost every separator is
// read by the rows' shape, and each row asks the office to check the cut.
func TestGluedTable(t *testing.T) {
	d := parseText(t, "重点工作完成情况\n类别序号重点督办内容牵头单位全年完成情况\n主要目标1地区生产总值增长6%左右。区发展改革委全年增长2%。\n主要目标2新建学校3所。区教委已建成3所学校。\n主要目标3推进老旧小区改造。区住房城市建设委员会完成改造20个。")
	var got []string
	for _, tk := range d.Tasks {
		got = append(got, strings.Join(tk.Path, ".")+" "+strings.Join(tk.Lead, "、")+" "+tk.Text)
		if len(tk.Flags) == 0 || tk.Flags[len(tk.Flags)-1] != gluedNote {
			t.Errorf("%v: flags %q; want the glued-table note", tk.Path, tk.Flags)
		}
	}
	want := []string{"1 区发展改革委 地区生产总值增长6%左右。", "2 区教委 新建学校3所。", "3 区住房城市建设委员会 推进老旧小区改造。"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tasks %q; want %q", got, want)
	}
}
