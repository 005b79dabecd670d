package workspace

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/taizhang-dev/taizhang/internal/config"
	"github.com/taizhang-dev/taizhang/internal/period"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func newFile(t *testing.T, org string, year int, cycle string) []byte {
	t.Helper()
	data, err := config.NewFile(org, year, cycle)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestInit(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "台账2024")
	os.MkdirAll(root, 0o755)
	for _, f := range []string{"实施方案.docx", "意见.txt", ".DS_Store"} {
		os.WriteFile(filepath.Join(root, f), []byte("x"), 0o644)
	}
	c, err := Init(root, newFile(t, "泰州市效能办", 2024, "季度"), day("2026-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"实施方案.docx", "意见.txt"}; !reflect.DeepEqual(c.Moved, want) {
		t.Errorf("moved %v; want %v", c.Moved, want)
	}
	if !c.KeyCreated || c.Current.Key() != "2024-Q4" {
		t.Errorf("key created %v, current %v; want a new key and 2024-Q4 (the year's last quarter)", c.KeyCreated, c.Current)
	}
	for _, p := range []string{"taizhang.yaml", ".taizhang/secret.key", "政策文件/实施方案.docx", "政策文件/意见.txt", "2024年第四季度/填报表", "2024年第四季度/报送", "年度", ".DS_Store"} {
		if _, err := os.Stat(filepath.Join(root, p)); err != nil {
			t.Errorf("init did not make %s: %v", p, err)
		}
	}
	if !IsRoot(root) {
		t.Error("IsRoot(new workspace) = false")
	}
	data, _ := os.ReadFile(filepath.Join(root, "taizhang.yaml"))
	key, _ := os.ReadFile(KeyPath(root))
	if strings.Contains(string(data), strings.TrimSpace(string(key))) {
		t.Error("taizhang.yaml contains the secret")
	}

	// Found from a folder inside it, with its configuration.
	w, err := Find(filepath.Join(root, "2024年第四季度", "报送"))
	if err != nil || w == nil {
		t.Fatalf("Find from inside = %v, %v", w, err)
	}
	if w.Root != root || w.Config.Organisation != "泰州市效能办" || w.Config.Year != 2024 {
		t.Errorf("found %q %+v", w.Root, w.Config)
	}

	// Never twice.
	if _, err := Init(root, newFile(t, "x", 2024, ""), day("2026-03-01")); err == nil || !strings.Contains(err.Error(), "未覆盖") {
		t.Errorf("second init: %v", err)
	}
	if got, _ := os.ReadFile(filepath.Join(root, "taizhang.yaml")); string(got) != string(data) {
		t.Error("second init changed taizhang.yaml")
	}
}

func TestInitRefusesBusyFolder(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "总台账.xlsx"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(root, "方案.txt"), []byte("x"), 0o644)
	_, err := Init(root, newFile(t, "", 2025, ""), day("2025-05-01"))
	if err == nil || !strings.Contains(err.Error(), "不是空的") || !strings.Contains(err.Error(), "总台账.xlsx") {
		t.Errorf("init in a busy folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "政策文件")); err == nil {
		t.Error("a refused init changed the folder")
	}
}

func TestFindNone(t *testing.T) {
	dir := t.TempDir()
	// A configuration next to some documents is not a workspace.
	os.WriteFile(filepath.Join(dir, "taizhang.yaml"), []byte("aliases:\n"), 0o644)
	if w, err := Find(dir); w != nil || err != nil {
		t.Errorf("Find = %v, %v; want none", w, err)
	}
	// Named explicitly, it is one.
	if w, err := Open(dir); w == nil || err != nil {
		t.Errorf("Open = %v, %v", w, err)
	}
	// A folder that only keeps a key is none.
	key := t.TempDir()
	if _, _, err := Secret(key, true); err != nil {
		t.Fatal(err)
	}
	if w, err := Open(key); w != nil || err != nil {
		t.Errorf("Open(key folder) = %v, %v; want none", w, err)
	}
}

func TestBrokenConfig(t *testing.T) {
	root := t.TempDir()
	if _, err := Init(root, newFile(t, "", 2025, ""), day("2025-05-01")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, "taizhang.yaml"), []byte("cycle: 季度\nlihgts: {}\n"), 0o644)
	_, err := Find(root)
	if _, ok := err.(*config.Error); !ok || !strings.Contains(err.Error(), "第 2 行") {
		t.Errorf("Find with a broken taizhang.yaml: %v", err)
	}
}

func workspace(t *testing.T, yaml string, folders ...string) *Workspace {
	t.Helper()
	root := t.TempDir()
	cfg, err := config.Load("taizhang.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range folders {
		os.MkdirAll(filepath.Join(root, f), 0o755)
	}
	return &Workspace{Root: root, Config: cfg}
}

func TestPeriods(t *testing.T) {
	w := workspace(t, "cycle: 季度\n", "2024年第三季度", "2024-Q4", "2024年第四季度", "2024年上半年", "年度", "政策文件", "2025-01")
	ps, err := w.Periods()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range ps {
		keys = append(keys, p.Key())
	}
	if want := []string{"2024-H1", "2024-Q3", "2024-Q4", "2025-01"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("Periods = %v; want %v", keys, want)
	}
	q4, _ := period.Parse("2024-Q4")
	if got := w.PeriodDir(q4); got != filepath.Join(w.Root, "2024年第四季度") {
		t.Errorf("PeriodDir prefers the Chinese name: %s", got)
	}
	q3, _ := period.Parse("2024-Q3")
	if got := w.LedgerPath(q3); got != filepath.Join(w.Root, "2024年第三季度", "总台账.xlsx") {
		t.Errorf("LedgerPath = %s", got)
	}
	if prev, ok := w.Previous(q4); !ok || prev.Key() != "2024-Q3" {
		t.Errorf("Previous(Q4) = %v %v", prev, ok)
	}
	if prev, ok := w.Previous(period.Period{Kind: period.Quarter, Year: 2024, Index: 1}); ok {
		t.Errorf("Previous(Q1) = %v; want none", prev)
	}
	if due := w.Due(q4); !due.Equal(day("2025-01-05")) {
		t.Errorf("Due(Q4) = %v", due)
	}
	onlyKey := workspace(t, "", "2024-Q2")
	q2, _ := period.Parse("2024年第二季度")
	if got := onlyKey.ReturnsDir(q2); got != filepath.Join(onlyKey.Root, "2024-Q2", "报送") {
		t.Errorf("ReturnsDir with a key-named folder = %s", got)
	}
}

func TestCurrent(t *testing.T) {
	tests := []struct {
		yaml    string
		folders []string
		now     string
		want    string
	}{
		{"cycle: 季度\n", nil, "2025-02-10", "2024-Q4"},                   // Q4's returns are being collected
		{"cycle: 季度\n", nil, "2025-03-31", "2024-Q4"},                   // Q1 ends at the end of the day
		{"cycle: 季度\n", nil, "2025-04-01", "2025-Q1"},                   //
		{"cycle: 月\n", nil, "2025-01-03", "2024-12"},                    //
		{"cycle: 半年\n", nil, "2025-08-01", "2025-H1"},                   //
		{"cycle: 季度\nyear: 2024\n", nil, "2026-05-01", "2024-Q4"},       // a past year: its last period
		{"cycle: 季度\nyear: 2025\n", nil, "2024-12-20", "2025-Q1"},       // a year not begun: its first
		{"cycle: 季度\n", []string{"2025年第一季度"}, "2025-02-10", "2025-Q1"}, // a newer folder wins
		{"cycle: 季度\n", []string{"2024年第三季度"}, "2025-02-10", "2024-Q4"}, // an older one does not
	}
	for _, tt := range tests {
		w := workspace(t, tt.yaml, tt.folders...)
		if got := w.Current(day(tt.now)).Key(); got != tt.want {
			t.Errorf("Current(%s) with %q %v = %s; want %s", tt.now, tt.yaml, tt.folders, got, tt.want)
		}
	}
}

// TestEmptiedConfig: a workspace whose taizhang.yaml was emptied, or lost
// its year, is refused with the file and line named, not moved to the
// calendar's period.
func TestEmptiedConfig(t *testing.T) {
	root := t.TempDir()
	if _, err := Init(root, newFile(t, "", 2024, ""), day("2026-05-01")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ yaml, want string }{
		{"", "第 1 行：配置文件是空的"},
		{"year: 0\ncycle: 季度\n", "第 1 行：考核年度不能为 0"},
		{"cycle: 季度\nyear:\n", "第 2 行：没有设置考核年度"},
	} {
		os.WriteFile(filepath.Join(root, "taizhang.yaml"), []byte(tt.yaml), 0o644)
		w, err := Find(root)
		if _, ok := err.(*config.Error); !ok || w != nil || !strings.Contains(err.Error(), "taizhang.yaml") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Find with taizhang.yaml %q = %v, %v; want %q", tt.yaml, w, err, tt.want)
		}
	}
}

// TestOpening: a new workspace starts with the round whose returns are
// still to come — the period just ended until its due date, then the
// period under way — within the assessment year.
func TestOpening(t *testing.T) {
	tests := []struct{ yaml, now, want string }{
		{"cycle: 季度\nyear: 2026\n", "2026-12-06", "2026-Q4"},               // Q3 was due on 10-05: the coming round
		{"cycle: 季度\nyear: 2026\n", "2026-10-05", "2026-Q3"},               // Q3 due today: still its round
		{"cycle: 季度\nyear: 2026\n", "2026-10-06", "2026-Q4"},               //
		{"cycle: 季度\nyear: 2026\ndue_days: 15\n", "2026-10-10", "2026-Q3"}, // a later due date keeps Q3 open
		{"cycle: 月\nyear: 2026\n", "2026-12-20", "2026-12"},                //
		{"cycle: 季度\nyear: 2026\n", "2027-01-03", "2026-Q4"},               // the year's last round, still due
		{"cycle: 季度\nyear: 2024\n", "2026-05-01", "2024-Q4"},               // a past year: its last period
		{"cycle: 季度\nyear: 2025\n", "2024-12-20", "2025-Q1"},               // a year not begun: its first
	}
	for _, tt := range tests {
		w := workspace(t, tt.yaml)
		if got := w.Opening(day(tt.now)).Key(); got != tt.want {
			t.Errorf("Opening(%s) with %q = %s; want %s", tt.now, tt.yaml, got, tt.want)
		}
	}
}

// TestCurrentOnBeijingCalendar: at 20:00 UTC on 31 March it is already
// 1 April in Beijing, so the first quarter has ended.
func TestCurrentOnBeijingCalendar(t *testing.T) {
	w := workspace(t, "cycle: 季度\n")
	if got := w.Current(time.Date(2025, 3, 31, 20, 0, 0, 0, time.UTC)).Key(); got != "2025-Q1" {
		t.Errorf("Current at 2025-03-31 20:00 UTC = %s; want 2025-Q1 (Beijing is on 1 April)", got)
	}
}

// 政策文件/ gives parse the documents and the task tables issued as
// workbooks, a macro-enabled one (.xlsm) too, never an Office lock file.
func TestDocumentsTaskTables(t *testing.T) {
	w := workspace(t, "cycle: 季度\n", "政策文件")
	for _, name := range []string{"方案.docx", "分解表.xlsx", "附件2.xlsm", "~$分解表.xlsx"} {
		os.WriteFile(filepath.Join(w.DocsDir(), name), nil, 0o644)
	}
	docs, err := w.Documents()
	var names []string
	for _, d := range docs {
		names = append(names, filepath.Base(d))
	}
	if want := []string{"分解表.xlsx", "方案.docx", "附件2.xlsm"}; err != nil || !reflect.DeepEqual(names, want) {
		t.Errorf("documents %v, %v; want %v", names, err, want)
	}
}
