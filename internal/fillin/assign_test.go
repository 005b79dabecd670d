package fillin

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

func TestAssign(t *testing.T) {
	s := testSet()
	// A unit named twice on one task, and as lead and co-unit.
	s.Documents[1].Tasks = append(s.Documents[1].Tasks, &task.Task{
		ID: "D2-002", Path: []string{"二"}, Kind: task.KindTarget, Text: "新增企业100家。",
		Lead: []string{" 市统计局 ", "市统计局"}, Co: []string{"市统计局", "市科技局", ""},
	})
	units, unassigned := Assign(s)
	type item struct {
		id   string
		role Role
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
		"市科技局":        {{"D1-002", RoleLead}, {"D1-003", RoleLead}, {"D1-004", RoleCo}, {"D2-001", RoleLead}, {"D2-002", RoleCo}},
		"市统计局":        {{"D1-002", RoleCo}, {"D2-002", RoleLead}},
		"市财政局":        {{"D1-002", RoleCo}},
		"市发改委":        {{"D1-003", RoleLead}, {"D1-004", RoleLead}},
		"各县（市、区）人民政府": {{"D1-003", RoleCo}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("items = %v; want %v", got, want)
	}
	if len(unassigned) != 1 || unassigned[0].ID != "D1-005" {
		t.Errorf("unassigned = %v", unassigned)
	}
	if u, un := Assign(nil); u != nil || un != nil {
		t.Errorf("Assign(nil) = %v, %v", u, un)
	}
}

func TestOtherUnitsAndContent(t *testing.T) {
	s := testSet()
	tk := s.Documents[0].Tasks[2] // D1-003: lead 市科技局, 市发改委; co 各县
	for _, tc := range []struct{ unit, want string }{
		{"市科技局", "牵头：市发改委；配合：各县（市、区）人民政府"},
		{"各县（市、区）人民政府", "牵头：市科技局、市发改委"},
	} {
		if got := otherUnits(tk, tc.unit); got != tc.want {
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
	p := testPeriod()
	if got, want := FileName("市科技局", p), "2024年第四季度_市科技局_填报表.xlsx"; got != want {
		t.Errorf("FileName = %q; want %q", got, want)
	}
	long := strings.Repeat("很长的单位名称", 30)
	names := map[string]string{}
	for _, u := range []string{
		"市科技局", `市科技局/统计局`, `市科技局\统计局`, "a:b", "a*b", "a?b", `a"b`, "a<b>", "a|b", "tab\tname", "ctl\x01x",
		"单位.", "单位. . ", "CON", "con", "COM1", "LPT9", "nul.txt", "", "  ", long, long + "2",
	} {
		got := FileName(u, p)
		stem := strings.TrimSuffix(strings.TrimPrefix(got, "2024年第四季度_"), "_填报表.xlsx")
		if strings.ContainsAny(stem, `\/:*?"<>|`) || strings.ContainsFunc(stem, func(r rune) bool { return r < 0x20 }) {
			t.Errorf("FileName(%q) = %q has a forbidden character", u, got)
		}
		if strings.HasSuffix(stem, ".") || strings.HasSuffix(stem, " ") || stem == "" {
			t.Errorf("FileName(%q) = %q ends badly", u, got)
		}
		if isReserved(stem) {
			t.Errorf("FileName(%q) = %q is reserved", u, got)
		}
		if n := utf8.RuneCountInString(stem); n > maxUnitRunes+7 {
			t.Errorf("FileName(%q) has a %d-rune unit part", u, n)
		}
		// Written under a temporary name, with a longer hash on a clash;
		// Linux allows 255 bytes.
		if n := len("." + got + ".1234567890.tmp" + "123456"); n > 255 {
			t.Errorf("FileName(%q) = %q is %d bytes as a temporary file", u, got, n)
		}
		if prev, ok := names[strings.ToLower(got)]; ok {
			t.Errorf("FileName(%q) = FileName(%q) = %q", u, prev, got)
		}
		names[strings.ToLower(got)] = u
	}
	// Case-insensitive collisions are resolved when writing.
	got := fileNames([]Assignment{{Unit: "ABC"}, {Unit: "abc"}, {Unit: "市科技局"}}, p)
	if strings.EqualFold(got[0], got[1]) || got[2] != "2024年第四季度_市科技局_填报表.xlsx" {
		t.Errorf("fileNames = %q", got)
	}
}

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	units, _ := Assign(testSet())
	written, err := WriteAll(dir, units, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != len(units) {
		t.Fatalf("%d written; want %d", len(written), len(units))
	}
	for i, w := range written {
		if w.Unit != units[i].Unit || w.Items != len(units[i].Items) || filepath.Base(w.Path) != FileName(w.Unit, testPeriod()) {
			t.Errorf("written[%d] = %+v", i, w)
		}
		o := checkOpts(testSet())
		o.Unit = w.Unit
		data, err := os.ReadFile(w.Path)
		if err != nil {
			t.Fatal(err)
		}
		r := Check(filepath.Base(w.Path), data, o)
		if len(levels(r, LevelError)) > 0 || len(r.Entries) != w.Items {
			t.Errorf("%s: %d entries, findings:\n%s", w.Path, len(r.Entries), dumpFindings(r))
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(units) {
		t.Errorf("dir has %d files; want %d (temporary files left?)", len(entries), len(units))
	}
	// Errors: a missing directory leaves nothing; a short key is refused.
	if _, err := WriteAll(filepath.Join(dir, "missing"), units, testOpts()); err == nil {
		t.Error("WriteAll into a missing directory succeeded")
	}
	o := testOpts()
	o.Secret = []byte("short")
	if _, err := WriteAll(dir, units, o); err == nil {
		t.Error("WriteAll with a short key succeeded")
	}
}

func TestWriteRefuses(t *testing.T) {
	tk := &task.Task{ID: "X-1", Text: "任务"}
	for _, a := range []Assignment{
		{Unit: "u", Items: []Item{{Task: nil}}},
		{Unit: "u", Items: []Item{{Task: &task.Task{Text: "无编号"}}}},
		{Unit: "u", Items: []Item{{Task: tk, Role: RoleLead}, {Task: tk, Role: RoleLead}}},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, a, testOpts()); err == nil {
			t.Errorf("Write(%+v) succeeded", a.Items)
		}
	}
	// A unit with nothing to report still gets a readable workbook.
	var buf bytes.Buffer
	if err := Write(&buf, Assignment{Unit: "空单位"}, testOpts()); err != nil {
		t.Fatal(err)
	}
	r := Check("x.xlsx", buf.Bytes(), CheckOptions{Secret: testSecret})
	if !r.Usable() || len(r.Entries) != 0 || r.Unit != "空单位" {
		t.Errorf("empty workbook: %+v\n%s", r, dumpFindings(r))
	}
}

func TestWriteNoDue(t *testing.T) {
	o := testOpts()
	o.Due = time.Time{}
	a := assignment(t, testSet(), "市财政局")
	var buf bytes.Buffer
	if err := Write(&buf, a, o); err != nil {
		t.Fatal(err)
	}
	f := testkit.OpenBytes(t, buf.Bytes())
	v, _ := f.GetCellValue(SheetForm, "F2")
	if v != "请按办公室通知时间报送" {
		t.Errorf("due cell = %q", v)
	}
}
