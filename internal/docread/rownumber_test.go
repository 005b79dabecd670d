package docread

import (
	"strings"
	"testing"
)

// A table pasted at the top of a page: the first row's number stands before
// the first line of text and is kept; a view count in the page header is not.
func TestRowNumberBeforeBodyKept(t *testing.T) {
	text := "重点工作任务分解表\n序号\n目标与任务\n牵头责任单位\n80\n加大普惠性托育供给，新增托位数400个以上，公办园在园幼儿占比达到60%，全面提升保育教育质量。\n县教育局\n"
	lines := blockTexts(t, text)
	if !strings.Contains(strings.Join(lines, "\n"), "\n80\n") {
		t.Errorf("the row number 80 was dropped: %q", lines)
	}
	for _, line := range blockTexts(t, "关于印发方案的通知\n1234\n浏览次数\n各区人民政府：\n为加快推进某项工作，现将方案印发给你们，请认真贯彻落实。\n") {
		if line == "1234" {
			t.Errorf("a view count in the header was kept: %q", line)
		}
	}
}

// After a 序号 line the document has begun: a row number before a short
// cell (1, then 河道综合治理) is kept too.
func TestRowNumberAfterSeqHeaderKept(t *testing.T) {
	text := "某镇重点工作计划\n序号\n重点工作\n责任科室\n1\n河道综合治理\n水利站\n2\n美丽城镇建设\n乡村振兴办\n"
	lines := blockTexts(t, text)
	if got := strings.Join(lines, "\n"); !strings.Contains(got, "责任科室\n1\n河道综合治理") {
		t.Errorf("the row number 1 was dropped: %q", lines)
	}
}

// blockTexts are the texts of the blocks of a .txt document.
func blockTexts(t *testing.T, text string) []string {
	t.Helper()
	var lines []string
	for _, b := range mustRead(t, "t.txt", []byte(text)).Blocks {
		lines = append(lines, b.Text)
	}
	return lines
}
