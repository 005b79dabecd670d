package docread

import (
	"slices"
	"testing"
)

// A | table broken at every cell becomes one line a row; a run whose rows
// leave a cell out, or whose header stands on its one line, stays.
func TestJoinPipeCells(t *testing.T) {
	broken := []string{"序号 | 任务目录 |", "具体内容 |", "责任单位 |", "1 |", "建立协调机制。 |", "开展专项督导。 |", "市民政局 |", "2 |", "加强学校保护。 |", "落实防治制度。 |", "市教育局 |", "以上任务年底前完成。"}
	want := []string{"序号 | 任务目录 | 具体内容 | 责任单位 |", "1 | 建立协调机制。 | 开展专项督导。 | 市民政局 |", "2 | 加强学校保护。 | 落实防治制度。 | 市教育局 |", "以上任务年底前完成。"}
	if got := joinPipeCells(broken); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, lines := range [][]string{
		// A row short of a cell.
		{"序号 | 任务目录 |", "具体内容 |", "责任单位 |", "1 |", "建立协调机制。 |", "市民政局 |"},
		// The header on its one line: the | reader's.
		{"序号 | 任务 | 责任单位 |", "1 |", "建立协调机制。 |", "市民政局 |"},
	} {
		if got := joinPipeCells(lines); !slices.Equal(got, lines) {
			t.Errorf("%q: changed to %q", lines, got)
		}
	}
}
