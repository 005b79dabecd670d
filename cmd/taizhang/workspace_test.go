package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/period"
	"github.com/taizhang-dev/taizhang/internal/sample/samplefix"
	"github.com/taizhang-dev/taizhang/internal/tasklist"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/internal/workspace"
	"github.com/taizhang-dev/taizhang/report/round"
)

const seed003 = "../../seeds/003_084217dc5e381b2c.txt"

// newWorkspace runs init for the 2024 assessment year, puts the seed
// documents into 政策文件/ and returns the workspace's folder.
func newWorkspace(t *testing.T, seeds ...string) string {
	t.Helper()
	ws := filepath.Join(t.TempDir(), "台账2024")
	code, out, errOut := runCmd(t, "init", ws, "--org", "泰州市人民政府办公室", "--year", "2024", "--cycle", "季度")
	if code != exitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "已创建台账工作目录") {
		t.Errorf("init output: %s", out)
	}
	for _, s := range seeds {
		testkit.CopyFile(t, s, filepath.Join(ws, "政策文件", filepath.Base(s)), 0o644)
	}
	return ws
}

// editConfig changes the workspace's taizhang.yaml as an office would, by
// replacing text in it.
func editConfig(t *testing.T, ws string, pairs ...string) {
	t.Helper()
	path := filepath.Join(ws, "taizhang.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(text, pairs[i]) {
			t.Fatalf("taizhang.yaml lacks %q", pairs[i])
		}
		text = strings.Replace(text, pairs[i], pairs[i+1], 1)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestInitCommand(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "台账")
	code, out, errOut := runCmd(t, "init", ws, "--org", "泰州市效能办", "--year", "2025", "--cycle", "月")
	if code != exitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"taizhang.yaml", "政策文件/", "2025年12月/", "年度/", "secret.key", "切勿", "下一步", "taizhang parse", "taizhang templates", "taizhang status"} {
		if !strings.Contains(out, want) {
			t.Errorf("init output lacks %q:\n%s", want, out)
		}
	}
	key, err := os.ReadFile(workspace.KeyPath(ws))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, strings.TrimSpace(string(key))) {
		t.Error("init printed the secret")
	}
	w, err := workspace.Open(ws)
	if err != nil || w == nil {
		t.Fatalf("the new workspace does not open: %v", err)
	}
	if w.Config.Organisation != "泰州市效能办" || w.Config.Year != 2025 || w.Config.CycleKind() != period.Month {
		t.Errorf("config %+v", w.Config)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"init", ws}, exitInput, "未覆盖"},
		{[]string{"init"}, exitUsage, "请指定要创建的工作目录"},
		{[]string{"init", filepath.Join(t.TempDir(), "x"), "--cycle", "每周"}, exitUsage, "报送周期"},
		{[]string{"init", filepath.Join(t.TempDir(), "x"), "--year", "25"}, exitUsage, "考核年度"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}

// TestNoArgsOutsideWorkspace: outside a workspace, the commands still ask
// for what they need.
func TestNoArgsOutsideWorkspace(t *testing.T) {
	t.Chdir(t.TempDir())
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"parse"}, "至少指定一个"},
		{[]string{"templates"}, "--period"},
		{[]string{"templates", "--period", "2024-Q4"}, "--tasks"},
		{[]string{"check"}, "报送文件"},
		{[]string{"merge"}, "报送文件"},
		{[]string{"merge", "x"}, "--period"},
		{[]string{"status"}, "工作目录"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d %q; want %d and %q", tt.args, code, errOut, exitUsage, tt.want)
		}
	}
}

// TestWorkspaceYear uses a workspace made by init and edited by hand (a unit
// with an alias, other light thresholds) for the four quarters, and checks that
// merging with no arguments gives the same ledger as the explicit commands.
func TestWorkspaceYear(t *testing.T) {
	ws := newWorkspace(t, seed003)
	editConfig(t, ws,
		"units:\n", "units:\n  - name: 市人力资源和社会保障局\n    aliases: [市人力社保局]\n    short: 人社局\n  - 市科技局\n",
		"green_within: 0", "green_within: 5",
		"yellow_within: 30", "yellow_within: 15")

	code, out, errOut := runCmd(t, "parse", "--workspace", ws)
	if code != exitOK {
		t.Fatalf("parse: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "下一步") {
		t.Errorf("parse in a workspace: %s", out)
	}
	set, err := tasklist.ReadFile(filepath.Join(ws, "任务分解表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	units := strings.Join(set.Units(), "、")
	if !strings.Contains(units, "市人力资源和社会保障局") || strings.Contains(units, "市人力社保局") {
		t.Errorf("the alias added by hand was not applied: %s", units)
	}
	if code, _, errOut := runCmd(t, "parse", "--workspace", ws); code != exitInput || !strings.Contains(errOut, "未覆盖") {
		t.Errorf("a second parse: exit %d %s; want the office's task list kept", code, errOut)
	}

	explicit := t.TempDir()
	prevExplicit := ""
	for i, key := range []string{"2024-Q1", "2024-Q2", "2024-Q3", ""} {
		var p period.Period
		args := []string{"--workspace", ws}
		if key != "" {
			p, _ = period.Parse(key)
			args = append(args, "--period", key)
		} else {
			p, _ = period.Parse("2024-Q4") // the year's last quarter: the current one in 2026
		}
		if code, _, errOut := runCmd(t, append([]string{"templates"}, args...)...); code != exitOK {
			t.Fatalf("templates %s: exit %d: %s", p, code, errOut)
		}
		books, _ := filepath.Glob(filepath.Join(ws, p.String(), "填报表", "*.xlsx"))
		if len(books) == 0 {
			t.Fatalf("templates wrote nothing into %s/填报表", p)
		}
		returns := filepath.Join(ws, p.String(), "报送")
		if _, err := samplefix.FillReturns(books, returns, samplefix.Options{Period: p, Seed: int64(i + 1)}); err != nil {
			t.Fatal(err)
		}

		code, got, errOut := runCmd(t, append([]string{"merge", "--json"}, args...)...)
		if code != exitOK {
			t.Fatalf("merge %s in the workspace: exit %d: %s", p, code, errOut)
		}
		if _, err := os.Stat(filepath.Join(ws, p.String(), "总台账.xlsx")); err != nil {
			t.Errorf("merge did not write the period's ledger: %v", err)
		}
		due := p.End().AddDate(0, 0, 5).Format("2006-01-02")
		out := filepath.Join(explicit, p.Key()+".xlsx")
		eargs := []string{"merge", returns, "--tasks", filepath.Join(ws, "任务分解表.xlsx"), "--period", p.Key(), "--due", due, "-o", out, "--json"}
		if prevExplicit != "" {
			eargs = append(eargs, "--previous", prevExplicit)
		}
		code, want, errOut := runCmd(t, eargs...)
		if code != exitOK {
			t.Fatalf("explicit merge %s: exit %d: %s", p, code, errOut)
		}
		prevExplicit = out
		if got != want {
			t.Errorf("%s: the workspace's ledger differs from the explicit one:\n%s", p, firstJSONDiff(got, want))
		}
		var l ledger.Ledger
		if err := json.Unmarshal([]byte(got), &l); err != nil {
			t.Fatal(err)
		}
		if l.Period != p.Key() || l.Due != due || l.Totals.Reported == 0 {
			t.Errorf("%s: ledger period %s due %s totals %+v", p, l.Period, l.Due, l.Totals)
		}
		if i > 0 && (len(l.Rows) == 0 || l.Rows[0].Previous == nil) {
			t.Errorf("%s: not compared with the previous quarter's ledger", p)
		}
		checkLights(t, &l, 5, 15)
	}

	// From a folder inside the workspace, with no arguments at all.
	t.Chdir(filepath.Join(ws, "2024年第四季度", "报送"))
	code, out, errOut = runCmd(t, "check")
	if code != exitOK && code != exitInput || !strings.Contains(out, "共检查") {
		t.Errorf("check with no arguments: exit %d %s %s", code, out, errOut)
	}
	code, out, errOut = runCmd(t, "status")
	if code != exitOK || !strings.Contains(out, "2024年第四季度") || !strings.Contains(out, "已是最新") {
		t.Errorf("status with no arguments: exit %d %s %s", code, out, errOut)
	}
}

// checkLights checks that the lights follow the thresholds set by hand.
func checkLights(t *testing.T, l *ledger.Ledger, green, yellow float64) {
	t.Helper()
	for _, r := range l.Rows {
		if r.Percent == nil || !strings.HasPrefix(r.LightReason, "进度") && !strings.HasPrefix(r.LightReason, "落后序时进度") {
			continue
		}
		gap := r.Expected - *r.Percent
		ok := false
		switch r.Light {
		case ledger.Green:
			ok = gap <= green+0.05
		case ledger.Yellow:
			ok = gap > green && gap <= yellow+0.05
		case ledger.Red:
			ok = gap > yellow
		}
		if !ok {
			t.Errorf("%s %s: light %s at %.1f points behind; want the thresholds %g/%g", l.Period, r.Label, r.Light, gap, green, yellow)
		}
	}
}

// firstJSONDiff shows where two JSON texts part.
func firstJSONDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return "line " + itoa(i+1) + ":\n got " + la[i] + "\nwant " + lb[i]
		}
	}
	return "lengths differ"
}

func TestStatus(t *testing.T) {
	ws := newWorkspace(t, seed003)
	if code, _, errOut := runCmd(t, "parse", "--workspace", ws); code != exitOK {
		t.Fatal(errOut)
	}
	// Before anything was issued.
	st := statusJSON(t, ws, "2025-01-02")
	if st.Period != "2024-Q4" || st.Due != "2025-01-05" || st.DaysLeft != 3 || st.Templates != 0 || !strings.Contains(strings.Join(st.Next, "\n"), "taizhang templates") {
		t.Errorf("status before templates: %+v", st)
	}

	if code, _, errOut := runCmd(t, "templates", "--workspace", ws); code != exitOK {
		t.Fatal(errOut)
	}
	p, _ := period.Parse("2024-Q4")
	books, _ := filepath.Glob(filepath.Join(ws, p.String(), "填报表", "*.xlsx"))
	returns := filepath.Join(ws, p.String(), "报送")
	plans, err := samplefix.FillReturns(books, returns, samplefix.Options{Period: p, Seed: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(returns, "坏文件.xlsx"), []byte("不是工作簿"), 0o644); err != nil {
		t.Fatal(err)
	}
	st = statusJSON(t, ws, "2025-01-08")
	if st.DaysLeft != -3 || st.Templates != len(books) || st.ReturnFiles == 0 {
		t.Errorf("status: days left %d, templates %d, returns %d", st.DaysLeft, st.Templates, st.ReturnFiles)
	}
	state := map[string]string{}
	for _, u := range st.Units {
		state[u.Unit] = u.State
	}
	var late, missing int
	for _, pl := range plans {
		want := round.StateOnTime
		switch {
		case pl.Missing:
			want = round.StateMissing
			missing++
		case pl.Late:
			want = round.StateLate
			late++
		}
		if state[pl.Unit] != want {
			t.Errorf("%s: status %q; want %q (%+v)", pl.Unit, state[pl.Unit], want, pl)
		}
	}
	if late == 0 || missing == 0 {
		t.Fatalf("the sample round lacks a late or a missing unit: %+v", plans)
	}
	if len(st.Rejected) != 1 || st.Rejected[0].File != filepath.Join(p.String(), "报送", "坏文件.xlsx") || st.Rejected[0].Problem == "" {
		t.Errorf("rejected returns: %+v", st.Rejected)
	}
	next := strings.Join(st.Next, "\n")
	for _, want := range []string{"催报（截止日期已过 3 天）", "taizhang merge"} {
		if !strings.Contains(next, want) {
			t.Errorf("next steps lack %q:\n%s", want, next)
		}
	}

	var out, errb bytes.Buffer
	now := time.Date(2025, 1, 8, 9, 0, 0, 0, time.Local)
	if err := statusRun(&statusOptions{Workspace: ws, Now: now, streams: streams{Stdout: &out, Stderr: &errb}}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"泰州市人民政府办公室 2024年第四季度报送情况（2025年1月8日）", "报送截止：2025年1月5日，已过 3 天", "已报送（", "按时", "迟报", "未报送（", "不能使用的报送文件（1）", "坏文件.xlsx", "总台账：尚未汇总", "下一步："} {
		if !strings.Contains(text, want) {
			t.Errorf("status output lacks %q:\n%s", want, text)
		}
	}

	// Merged, the ledger is up to date; a return arriving later makes it old.
	if code, _, errOut := runCmd(t, "merge", "--workspace", ws); code != exitOK {
		t.Fatal(errOut)
	}
	if st = statusJSON(t, ws, "2025-01-08"); !st.Ledger.Exists || st.Ledger.Stale {
		t.Errorf("after merge: ledger %+v", st.Ledger)
	}
	src := ""
	for _, pl := range plans {
		if len(pl.Files) > 0 {
			src = pl.Files[0]
			break
		}
	}
	data, _ := os.ReadFile(src)
	late2 := filepath.Join(returns, "补报.xlsx")
	os.WriteFile(late2, data, 0o644)
	future := time.Now().Add(time.Hour)
	os.Chtimes(late2, future, future)
	if st = statusJSON(t, ws, "2025-01-08"); !st.Ledger.Stale || !strings.Contains(strings.Join(st.Next, "\n"), "请运行 taizhang merge") {
		t.Errorf("a return newer than the ledger: %+v %v", st.Ledger, st.Next)
	}
}

func statusJSON(t *testing.T, ws, today string) *round.Status {
	t.Helper()
	now, _ := time.ParseInLocation("2006-01-02", today, time.Local)
	var out, errb bytes.Buffer
	if err := statusRun(&statusOptions{Workspace: ws, JSON: true, Now: now.Add(10 * time.Hour), streams: streams{Stdout: &out, Stderr: &errb}}); err != nil {
		t.Fatal(err)
	}
	var st round.Status
	if err := json.Unmarshal(out.Bytes(), &st); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out.String())
	}
	return &st
}

func TestCollectiveExpansion(t *testing.T) {
	ws := newWorkspace(t, seed000)
	editConfig(t, ws, "collective_expand:\n", "collective_expand:\n  各市（区）: [靖江市, 泰兴市, 兴化市, 海陵区, 高港区, 姜堰区]\n")
	set := parseSet(t, "--workspace", ws)
	units := strings.Join(set.Units(), "、")
	if strings.Contains(units, "各市(区)") || !strings.Contains(units, "兴化市") || !strings.Contains(units, "姜堰区") {
		t.Errorf("各市(区) not expanded: %s", units)
	}
	if notes := strings.Join(set.Documents[0].Notes, "\n"); !strings.Contains(notes, "已按 taizhang.yaml 展开") {
		t.Errorf("document notes do not say so: %s", notes)
	}
}

func TestBadWorkspaceConfig(t *testing.T) {
	ws := newWorkspace(t)
	editConfig(t, ws, "lights:\n", "lihgts:\n")
	for _, args := range [][]string{{"status", "--workspace", ws}, {"parse", "--workspace", ws}, {"merge", "--workspace", ws}} {
		code, _, errOut := runCmd(t, args...)
		if code != exitInput || !strings.Contains(errOut, "taizhang.yaml") || !strings.Contains(errOut, "未知的设置项“lihgts”，是否应为“lights”？") || !strings.Contains(errOut, "第 ") {
			t.Errorf("%v with a typo in taizhang.yaml: exit %d %q", args, code, errOut)
		}
	}
}
