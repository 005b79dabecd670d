package docread

import (
	"strings"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// A table pdftotext -layout wrote becomes a table when its cells go on
// over lines, the columns counted in characters or as a terminal shows
// them; rows on one line each, or text, stay lines.
func TestLayoutTable(t *testing.T) {
	testkit.Cases(t, "Read", readRows(t), map[string]string{
		// aligned as a terminal shows it: a Chinese character two columns
		"序号    重点任务                    牵头单位    配合单位\n" +
			"1       推进老旧小区改造，全年完    市住建局    市财政局、各区\n" +
			"        成改造项目50个                          人民政府\n" +
			"2       建设智慧停车平台            市城管局    市公安局\n": "序号|重点任务|牵头单位|配合单位\n1|推进老旧小区改造，全年完成改造项目50个|市住建局|市财政局、各区人民政府\n2|建设智慧停车平台|市城管局|市公安局",
		// aligned in characters, an empty co-unit cell
		"序号    重点任务              牵头单位    配合单位\n" +
			"1     推进老旧小区改造，全年       市住建局\n" +
			"      完成改造项目50个\n" +
			"2     建设智慧停车平台          市城管局    市公安局\n": "序号|重点任务|牵头单位|配合单位\n1|推进老旧小区改造，全年完成改造项目50个|市住建局|\n2|建设智慧停车平台|市城管局|市公安局",
		// every row on its line: left to the readers of package policy
		"序号  重点任务  牵头单位\n1  推进老旧小区改造  市住建局\n2  建设智慧停车平台  市城管局": "序号  重点任务  牵头单位\n1  推进老旧小区改造  市住建局\n2  建设智慧停车平台  市城管局",
	})
}

// A spreadsheet copied as text whose cell holds a line break (quoted, its
// lines on lines of their own) becomes a table; a run without one stays.
func TestQuotedTable(t *testing.T) {
	testkit.Cases(t, "Read", readRows(t), map[string]string{
		"序号\t重点任务\t牵头单位\n1\t\"建设智慧停车平台，\n新增泊位\"\t市城管局\n2\t\"开展\"\"双随机\"\"检查\"\t市市场监管局": "序号|重点任务|牵头单位\n1|建设智慧停车平台，\n新增泊位|市城管局\n2|开展\"双随机\"检查|市市场监管局",
		"序号\t重点任务\t牵头单位\n1\t\"开展\"\"双随机\"\"检查\"\t市市场监管局":                               "序号\t重点任务\t牵头单位\n1\t\"开展\"\"双随机\"\"检查\"\t市市场监管局",
	})
}

// readRows reads text as a .txt file and returns its tables' rows one a
// line, cells parted by |; its blocks one a line when it has no table.
func readRows(t *testing.T) func(string) string {
	return func(text string) string {
		doc := mustRead(t, "a.txt", []byte(text))
		var out []string
		for _, tb := range tables(doc) {
			for _, r := range tb {
				out = append(out, strings.Join(r, "|"))
			}
		}
		if len(out) == 0 {
			return strings.Join(texts(doc), "\n")
		}
		return strings.Join(out, "\n")
	}
}

// The forms of a page's number a PDF's text carries, alone on a line or
// beside the page's footer; and lines that only look like one.
func TestIsPageNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"— 3 —": true, "-3-": true, "· 3 ·": true, "- 3 / 9 -": true, "3/9": true, "9/9": true,
		"第3页": true, "第 3 页 共 9 页": true, "共9页 第3页": true, "Page 3 of 9": true,
		"某某市人民政府办公室 — 3 —": true, "— 4 —某某市人民政府办公室": true, pageBreak: true,
		"3": false, "10/9": false, "0/9": false, "2024-3": false,
		"加快推进。— 3 —": false, "1.推进试点 — 3 —": false, "第三章": false,
	} {
		if got := isPageNumber(s); got != want {
			t.Errorf("isPageNumber(%q) = %v; want %v", s, got, want)
		}
	}
}
