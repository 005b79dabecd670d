package ledgerbook

import (
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/taizhang-dev/taizhang/internal/history"
	"github.com/taizhang-dev/taizhang/internal/ledger"
	"github.com/taizhang-dev/taizhang/internal/score"
	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// testRanking is testLedger's period ranked under the default rules.
func testRanking(t testing.TB, l *ledger.Ledger) *history.Ranking {
	t.Helper()
	y := history.Build([]*ledger.Ledger{l}, score.Defaults, []string{"市科技局", "各县（市、区）人民政府"})
	return y.Rankings[0]
}

func writeRankedBytes(t testing.TB, l *ledger.Ledger, rk *history.Ranking) []byte {
	t.Helper()
	return testkit.Written(t, func(w io.Writer) error { return WriteRanked(w, l, rk) })
}

func TestWriteRanked(t *testing.T) {
	l := testLedger()
	rk := testRanking(t, l)
	f := testkit.OpenBytes(t, writeRankedBytes(t, l, rk))
	want := []string{SheetSummary, SheetRanking, SheetRankingEvents, SheetLedger, SheetTargets, SheetMissing, SheetFindings, SheetHidden}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q; want %q", got, want)
	}
	if v, _ := f.GetCellValue(SheetRanking, "A1"); v != "2024年第四季度单位考核排名" {
		t.Errorf("title = %q", v)
	}
	if v, _ := f.GetCellValue(SheetRanking, "A2"); !strings.HasPrefix(v, "基础分 80 分；满分 100 分") {
		t.Errorf("note = %q", v)
	}
	checkRanking(t, f, SheetRanking, rk.Result, rk.Standings)
	checkEvents(t, f, SheetRankingEvents, rk.Result, map[string]string{"2024-Q4": "2024年第四季度"})
	// The ranking has ties, and units that appear only as co-units.
	tied := 0
	for _, u := range rk.Result.Units {
		if u.Tied {
			tied++
		}
	}
	if tied == 0 || len(rk.Result.Units) <= len(l.Units) {
		t.Errorf("test ranking has %d tied units of %d; want ties and co-units", tied, len(rk.Result.Units))
	}
	// Read ignores the assessment sheets.
	assertLedgerEqual(t, readBytes(t, writeRankedBytes(t, l, rk)), testLedger())
}

// A nil ranking writes the plain ledger workbook, without the assessment
// sheets.
func TestWriteFileRankedNil(t *testing.T) {
	ranked := filepath.Join(t.TempDir(), "b.xlsx")
	if _, err := WriteFileRanked(ranked, testLedger(), nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(ranked)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{SheetRanking, SheetRankingEvents} {
		if i, _ := f.GetSheetIndex(s); i >= 0 {
			t.Errorf("no ranking, yet the workbook has the %s sheet", s)
		}
	}
	f.Close()
	l := testLedger()
	if _, err := WriteFileRanked(ranked, l, testRanking(t, l)); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(ranked)
	if err != nil {
		t.Fatal(err)
	}
	assertLedgerEqual(t, got, testLedger())
}

// checkRanking compares a ranking sheet with res, row by row: rank, the
// 并列 marker, unit, score, move and reasons.
func checkRanking(t *testing.T, f *excelize.File, sheet string, res *score.Result, standings []history.Standing) {
	t.Helper()
	grid := testkit.Grid(t, f, sheet)
	hr, col := headerIndex(t, grid, "名次", "单位", "排名分组", "得分", "牵头任务", "已完成", "完成率", "逾期", "迟报", "未报", "主要加减分")
	rows := grid[hr+1:]
	if len(rows) != len(res.Units) {
		t.Fatalf("%s: %d rows; want %d", sheet, len(rows), len(res.Units))
	}
	moves := map[string]string{}
	for _, s := range standings {
		moves[s.Unit] = s.Arrow()
	}
	for i, u := range res.Units {
		row, r := rows[i], hr+2+i
		wantRank := strconv.Itoa(u.Rank)
		if u.Rank == 0 {
			wantRank = "—" // not ranked
		}
		if got := at(row, col["名次"]); got != wantRank {
			t.Errorf("%s row %d: rank %q; want %s", sheet, r, got, wantRank)
		}
		if got := at(row, col["排名分组"]); got != u.Group {
			t.Errorf("%s row %d: group %q; want %q", sheet, r, got, u.Group)
		}
		shown, _ := f.GetCellValue(sheet, cellName(col["名次"]+1, r))
		wantShown := wantRank
		if u.Tied {
			wantShown += "（并列）"
		}
		if shown != wantShown {
			t.Errorf("%s row %d: rank shows %q; want %q", sheet, r, shown, wantShown)
		}
		if got := at(row, col["单位"]); got != u.Unit {
			t.Errorf("%s row %d: unit %q; want %q", sheet, r, got, u.Unit)
		}
		if got, err := strconv.ParseFloat(at(row, col["得分"]), 64); err != nil || got != u.Score {
			t.Errorf("%s row %d: score %q; want %v", sheet, r, at(row, col["得分"]), u.Score)
		}
		if shown, _ := f.GetCellValue(sheet, cellName(col["得分"]+1, r)); shown != strconv.FormatFloat(u.Score, 'f', 2, 64) {
			t.Errorf("%s row %d: score shows %q", sheet, r, shown)
		}
		if c, ok := col["较上期"]; standings != nil && (!ok || at(row, c) != moves[u.Unit]) {
			t.Errorf("%s row %d: move %q; want %q", sheet, r, at(row, c), moves[u.Unit])
		}
		for h, n := range map[string]int{"牵头任务": u.Led, "已完成": u.Done, "逾期": u.Overdue, "迟报": u.Late, "未报": u.Missing} {
			if got := at(row, col[h]); got != strconv.Itoa(n) {
				t.Errorf("%s row %d: %s %q; want %d", sheet, r, h, got, n)
			}
		}
		if got, want := at(row, col["主要加减分"]), strings.Join(u.Reasons(3), "；"); got != want {
			t.Errorf("%s row %d: reasons %q; want %q", sheet, r, got, want)
		}
	}
}

// checkEvents checks that the events sheet lists every event of res, and
// that each unit's base plus its points is its score.
func checkEvents(t *testing.T, f *excelize.File, sheet string, res *score.Result, labels map[string]string) {
	t.Helper()
	grid := testkit.Grid(t, f, sheet)
	hr, col := headerIndex(t, grid, "单位", "期次", "任务编号", "类型", "角色", "分值", "说明")
	sums := map[string]float64{}
	var texts []string
	for _, row := range grid[hr+1:] {
		p, err := strconv.ParseFloat(at(row, col["分值"]), 64)
		if err != nil {
			t.Fatalf("%s: 分值 %q: %v", sheet, at(row, col["分值"]), err)
		}
		sums[at(row, col["单位"])] += p
		if at(row, col["类型"]) == "" || strings.Contains(at(row, col["类型"]), "_") {
			t.Errorf("%s: type %q is not Chinese", sheet, at(row, col["类型"]))
		}
		texts = append(texts, at(row, col["单位"])+"|"+at(row, col["期次"])+"|"+at(row, col["任务编号"])+"|"+at(row, col["角色"])+"|"+at(row, col["说明"]))
	}
	var want []string
	for _, u := range res.Units {
		if got := res.Rules.Base + sums[u.Unit]; math.Abs(got-u.Score) > 0.005 {
			t.Errorf("%s: %s base + events = %v; score %v", sheet, u.Unit, got, u.Score)
		}
		for _, e := range u.Events {
			want = append(want, u.Unit+"|"+labels[e.Period]+"|"+e.TaskID+"|"+string(e.Role)+"|"+e.Text)
		}
	}
	if !slices.Equal(texts, want) {
		t.Errorf("%s lists\n%s\nwant\n%s", sheet, strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
}
