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
