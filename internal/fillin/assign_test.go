package fillin_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

func TestAssign(t *testing.T) {
	s := formtest.Set()
	// A unit named twice on one task, and as lead and co-unit.
	s.Documents[1].Tasks = append(s.Documents[1].Tasks, &task.Task{
		ID: "D2-002", Path: []string{"二"}, Kind: task.KindTarget, Text: "新增企业100家。",
		Lead: []string{" 市统计局 ", "市统计局"}, Co: []string{"市统计局", "市科技局", ""},
	})
	units, unassigned := fillin.Assign(s)
	type item struct {
		id   string
		role fillin.Role
	}
	got := map[string][]item{}
	var order []string
	for _, a := range units {
		order = append(order, a.Unit)
		for _, it := range a.Items {
			got[a.Unit] = append(got[a.Unit], item{it.Task.ID, it.Role})
		}
	}
	wantOrder := []string{"市科技局", "市统计局", "市财政局", "市发改委", "各县（市、区）人民政府"}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("units = %q; want %q", order, wantOrder)
	}
	want := map[string][]item{
		"市科技局":        {{"D1-002", fillin.RoleLead}, {"D1-003", fillin.RoleLead}, {"D1-004", fillin.RoleCo}, {"D2-001", fillin.RoleLead}, {"D2-002", fillin.RoleCo}},
		"市统计局":        {{"D1-002", fillin.RoleCo}, {"D2-002", fillin.RoleLead}},
		"市财政局":        {{"D1-002", fillin.RoleCo}},
		"市发改委":        {{"D1-003", fillin.RoleLead}, {"D1-004", fillin.RoleLead}},
		"各县（市、区）人民政府": {{"D1-003", fillin.RoleCo}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("items = %v; want %v", got, want)
	}
	if len(unassigned) != 1 || unassigned[0].ID != "D1-005" {
		t.Errorf("unassigned = %v", unassigned)
	}
	if u, un := fillin.Assign(nil); u != nil || un != nil {
		t.Errorf("fillin.Assign(nil) = %v, %v", u, un)
	}
}

func TestOtherUnitsAndContent(t *testing.T) {
	s := formtest.Set()
	tk := s.Documents[0].Tasks[2] // D1-003: lead 市科技局, 市发改委; co 各县
	for _, tc := range []struct{ unit, want string }{
		{"市科技局", "牵头：市发改委；配合：各县（市、区）人民政府"},
		{"各县（市、区）人民政府", "牵头：市科技局、市发改委"},
	} {
		if got := fillin.OtherUnits(tk, tc.unit); got != tc.want {
			t.Errorf("otherUnits(%s) = %q; want %q", tc.unit, got, tc.want)
		}
	}
	for _, tc := range []struct{ title, text, want string }{
		{"", "正文。", "正文。"},
		{"加快培育", "加快培育。实施计划。", "加快培育。实施计划。"},
		{"创新能力", "到2020年达到。", "创新能力：到2020年达到。"},
		{"创新能力。", "到2020年达到。", "创新能力。到2020年达到。"},
		{"只有标题", "", "只有标题"},
	} {
		if got := task.Content(tc.title, tc.text); got != tc.want {
			t.Errorf("task.Content(%q, %q) = %q; want %q", tc.title, tc.text, got, tc.want)
		}
	}
}

func TestFileName(t *testing.T) {
	p := formtest.Period()
	if got, want := fillin.FileName("市科技局", p), "2024年第四季度_市科技局_填报表.xlsx"; got != want {
		t.Errorf("fillin.FileName = %q; want %q", got, want)
	}
	long := strings.Repeat("很长的单位名称", 30)
	names := map[string]string{}
	for _, u := range []string{
		"市科技局", `市科技局/统计局`, `市科技局\统计局`, "a:b", "a*b", "a?b", `a"b`, "a<b>", "a|b", "tab\tname", "ctl\x01x",
		"单位.", "单位. . ", "CON", "con", "COM1", "LPT9", "nul.txt", "", "  ", long, long + "2",
	} {
		got := fillin.FileName(u, p)
		stem := strings.TrimSuffix(strings.TrimPrefix(got, "2024年第四季度_"), "_填报表.xlsx")
		if strings.ContainsAny(stem, `\/:*?"<>|`) || strings.ContainsFunc(stem, func(r rune) bool { return r < 0x20 }) {
			t.Errorf("fillin.FileName(%q) = %q has a forbidden character", u, got)
		}
		if strings.HasSuffix(stem, ".") || strings.HasSuffix(stem, " ") || stem == "" {
			t.Errorf("fillin.FileName(%q) = %q ends badly", u, got)
		}
		if fillin.IsReserved(stem) {
			t.Errorf("fillin.FileName(%q) = %q is reserved", u, got)
		}
		if n := utf8.RuneCountInString(stem); n > fillin.MaxUnitRunes+7 {
			t.Errorf("fillin.FileName(%q) has a %d-rune unit part", u, n)
		}
		// Written under a temporary name, with a longer hash on a clash;
		// Linux allows 255 bytes.
		if n := len("." + got + ".1234567890.tmp" + "123456"); n > 255 {
			t.Errorf("fillin.FileName(%q) = %q is %d bytes as a temporary file", u, got, n)
		}
		if prev, ok := names[strings.ToLower(got)]; ok {
			t.Errorf("fillin.FileName(%q) = fillin.FileName(%q) = %q", u, prev, got)
		}
		names[strings.ToLower(got)] = u
	}
	// Case-insensitive collisions are resolved when writing.
	got := fillin.FileNames([]fillin.Assignment{{Unit: "ABC"}, {Unit: "abc"}, {Unit: "市科技局"}}, p)
	if strings.EqualFold(got[0], got[1]) || got[2] != "2024年第四季度_市科技局_填报表.xlsx" {
		t.Errorf("fillin.FileNames = %q", got)
	}
}
