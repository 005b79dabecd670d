package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/task"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

const seed000 = "../../seeds/000_ced7f791c4343474.txt"

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "--version")
	if code != exitOK || !strings.HasPrefix(out, "taizhang ") {
		t.Errorf("--version = %d %q", code, out)
	}
	// A release build stamps its version (README: building a release).
	defer func(v string) { version = v }(version)
	version = "1.0.0"
	if got := buildVersion(); got != "1.0.0" {
		t.Errorf("stamped version = %q; want 1.0.0", got)
	}
}

func TestParseJSON(t *testing.T) {
	code, out, errOut := runCmd(t, "parse", seed000, "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	docs := raw["documents"].([]any)
	doc := docs[0].(map[string]any)
	for _, k := range []string{"id", "source", "title", "doc_number", "issuer", "date", "tasks"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("document lacks field %q", k)
		}
	}
	first := doc["tasks"].([]any)[2].(map[string]any)
	for _, k := range []string{"id", "path", "kind", "headings", "title", "text", "lead", "co", "units_raw", "deadline", "targets", "flags"} {
		if _, ok := first[k]; !ok {
			t.Errorf("task lacks field %q", k)
		}
	}
	if got := first["path"]; !reflect.DeepEqual(got, []any{"一", "(一)", "1"}) {
		t.Errorf("path = %v; want [一 (一) 1]", got)
	}
	if dl := first["deadline"].(map[string]any); dl["date"] != "2020-12-31" {
		t.Errorf("deadline = %v", dl)
	}
	if !strings.Contains(errOut, "任务 75 项，目标 10 项") {
		t.Errorf("summary on stderr lacks the counts: %s", errOut)
	}
}

func TestParseWorkbookRoundTrip(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "任务分解表.xlsx")
	before := testkit.FileHash(t, seed000)
	code, stdout, errOut := runCmd(t, "parse", seed000, "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if testkit.FileHash(t, seed000) != before {
		t.Fatal("parse modified its input")
	}
	if !strings.Contains(stdout, "已写入") || !strings.Contains(stdout, "需核实") {
		t.Errorf("summary: %s", stdout)
	}
	back, err := tasklist.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	_, js, _ := runCmd(t, "parse", seed000, "--json")
	var want task.Set
	if err := json.Unmarshal([]byte(js), &want); err != nil {
		t.Fatal(err)
	}
	wantByID := map[string]*task.Task{}
	for _, tk := range want.Documents[0].Tasks {
		wantByID[tk.ID] = tk
	}
	got := back.Documents[0].Tasks
	if len(got) != 85 {
		t.Errorf("workbook has %d rows; want the 85 tasks and targets (headings are columns, not rows)", len(got))
	}
	for _, g := range got {
		w := wantByID[g.ID]
		if w == nil {
			t.Errorf("workbook row %s not in the parse", g.ID)
			continue
		}
		if !sameTask(g, w) {
			t.Errorf("row %s changed in the workbook:\n got %+v\nwant %+v", g.ID, g, w)
		}
	}
}

// sameTask compares tasks, treating nil and empty lists alike.
func sameTask(a, b *task.Task) bool {
	norm := func(t *task.Task) task.Task {
		c := *t
		for _, l := range []*[]string{&c.Lead, &c.Co, &c.Flags, &c.Headings} {
			if len(*l) == 0 {
				*l = nil
			}
		}
		if len(c.Targets) == 0 {
			c.Targets = nil
		}
		return c
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

func TestParseIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	for _, p := range []string{a, b} {
		if code, _, e := runCmd(t, "parse", "../../seeds/004_604ae1dc333e2938.txt", "-o", p); code != exitOK {
			t.Fatal(e)
		}
	}
	sa, err := tasklist.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := tasklist.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(sa)
	jb, _ := json.Marshal(sb)
	if !bytes.Equal(ja, jb) {
		t.Error("two runs on the same input gave different workbooks")
	}
}

func TestParseBadInput(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "旧文件.doc")
	if err := os.WriteFile(doc, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"parse", doc, "--json"}, exitInput, []string{"旧文件.doc", ".docx"}},
		{[]string{"parse", filepath.Join(dir, "没有.txt"), "--json"}, exitInput, []string{"没有.txt"}},
		{[]string{"parse"}, exitUsage, []string{"至少指定一个"}},
		{[]string{"parse", "--bogus"}, exitUsage, []string{"没有选项 --bogus"}},
		{[]string{"parse", "-x"}, exitUsage, []string{"没有选项 -x"}},
		{[]string{"parse", "-o"}, exitUsage, []string{"选项 -o 后面需要给出值"}},
		{[]string{"status", "--period"}, exitUsage, []string{"选项 --period 后面需要给出值"}},
		{[]string{"nosuch"}, exitUsage, []string{"没有“nosuch”这个命令", "parse"}},
		{[]string{"report", "--perod", "2024-Q1"}, exitUsage, []string{"没有选项 --perod，是否应为 --period？"}},
		{[]string{"mreg"}, exitUsage, []string{"没有“mreg”这个命令，是否应为 merge？"}},
		{[]string{"help", "nosuch"}, exitUsage, []string{"没有“nosuch”这个命令"}},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d; want %d (%s)", tt.args, code, tt.code, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: message %q lacks %q", tt.args, errOut, w)
			}
		}
		if strings.Contains(errOut, "panic") || strings.Contains(errOut, "Usage:") || strings.Contains(errOut, "unknown") || strings.Contains(errOut, "flag") {
			t.Errorf("%v: message %q", tt.args, errOut)
		}
	}
}

// The help the office reads is in Chinese, cobra's parts included.
func TestHelpInChinese(t *testing.T) {
	for _, args := range [][]string{{}, {"--help"}, {"parse", "--help"}, {"help", "merge"}} {
		code, out, errOut := runCmd(t, args...)
		text := out + errOut
		if code != exitOK || !strings.Contains(text, "用法：") || !strings.Contains(text, "显示帮助") {
			t.Errorf("%v: exit %d:\n%s", args, code, text)
		}
		for _, english := range []string{"Usage:", "Flags:", "Available Commands", "help for", "completion"} {
			if strings.Contains(text, english) {
				t.Errorf("%v: help holds %q:\n%s", args, english, text)
			}
		}
	}
}

func TestWorkspaceConfig(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(seed000)
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "方案.txt")
	cfg := "aliases:\n  市经信委: 市工信局\n"
	if err := os.WriteFile(doc, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "taizhang.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, errOut := runCmd(t, "parse", doc, "--json")
	var set task.Set
	if err := json.Unmarshal([]byte(out), &set); err != nil {
		t.Fatalf("%v (%s)", err, errOut)
	}
	units := strings.Join(set.Units(), "、")
	if strings.Contains(units, "市经信委") || !strings.Contains(units, "市工信局") {
		t.Errorf("alias from the workspace taizhang.yaml not applied: %s", units)
	}
	if err := os.WriteFile(filepath.Join(dir, "taizhang.yaml"), []byte("aliases: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "parse", doc, "--json")
	if code != exitInput || !strings.Contains(errOut, "taizhang.yaml") {
		t.Errorf("broken config: exit %d %q", code, errOut)
	}
}

func TestTemplatesAndCheckUsage(t *testing.T) {
	dir := t.TempDir()
	tasks := filepath.Join(dir, "任务分解表.xlsx")
	if code, _, e := runCmd(t, "parse", seed000, "-o", tasks); code != exitOK {
		t.Fatal(e)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"templates", "--tasks", tasks, "-o", dir}, exitUsage, "--period"},
		{[]string{"templates", "--tasks", tasks, "--period", "2024-Q5", "-o", dir}, exitUsage, "报送期次"},
		{[]string{"templates", "--tasks", tasks, "--period", "2024-Q4", "--due", "明年", "-o", dir}, exitUsage, "截止日期"},
		{[]string{"templates", "--period", "2024-Q4", "-o", dir}, exitUsage, "--tasks"},
		{[]string{"check", "--tasks", tasks, dir}, exitInput, "找不到办公室密钥"},
		{[]string{"check", "--tasks", tasks}, exitUsage, "报送文件"},
		{[]string{"templates", "--tasks", filepath.Join(dir, "没有.xlsx"), "--period", "2024-Q4", "-o", dir}, exitInput, "找不到该文件"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}

func TestTemplatesThenCheckUntouched(t *testing.T) {
	dir := t.TempDir()
	tasks := filepath.Join(dir, "任务分解表.xlsx")
	if code, _, e := runCmd(t, "parse", seed000, "-o", tasks); code != exitOK {
		t.Fatal(e)
	}
	out := filepath.Join(dir, "填报表")
	code, stdout, e := runCmd(t, "templates", "--tasks", tasks, "--period", "2024-11", "-o", out)
	if code != exitOK {
		t.Fatal(e)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.xlsx"))
	if len(files) == 0 || !strings.Contains(stdout, "个责任单位") {
		t.Fatalf("no workbooks: %s", stdout)
	}
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), "2024年11月_") {
			t.Errorf("workbook name %s does not say the period", f)
		}
	}
	// Unfilled returns are usable but warned about; the exit status is 0.
	code, report, e := runCmd(t, "check", out, "--tasks", tasks, "--period", "2024年11月")
	if code != exitOK || !strings.Contains(report, "存在错误 0 份") {
		t.Errorf("check of untouched workbooks: exit %d\n%s%s", code, report, e)
	}
	// A second run reuses the key and says nothing about it.
	_, stdout, _ = runCmd(t, "templates", "--tasks", tasks, "--period", "2024-11", "-o", out)
	if strings.Contains(stdout, "生成办公室签名密钥") {
		t.Error("second templates run made a new key")
	}
}

// TestParseSummaryNamesUntitledByFile: a text without a title line is named
// by its file once, not put in 《》 as if the file name were its title.
func TestParseSummaryNamesUntitledByFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "分工.txt")
	if err := os.WriteFile(path, []byte("一、推进改革\n1.完善制度。（牵头单位：市发展改革委）\n2.优化服务。（牵头单位：市财政局）\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut := runCmd(t, "parse", path, "-o", filepath.Join(t.TempDir(), "任务分解表.xlsx"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(stdout, "\n分工.txt：任务 2 项") || strings.Contains(stdout, "《分工.txt》") {
		t.Errorf("summary names the untitled text wrongly:\n%s", stdout)
	}
}
