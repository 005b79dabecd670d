package docread

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/testkit"
)

// A spreadsheet copied as text whose cell holds a line break (quoted, its
// lines on lines of their own) becomes a table; a run without one stays.
func TestQuotedTable(t *testing.T) {
	testkit.Cases(t, "Read", readRows(t), map[string]string{
		"序号\t重点任务\t牵头单位\n1\t\"建设智慧停车平台，\n新增泊位\"\t市城管局\n2\t\"开展\"\"双随机\"\"检查\"\t市市场监管局": "序号|重点任务|牵头单位\n1|建设智慧停车平台，\n新增泊位|市城管局\n2|开展\"双随机\"检查|市市场监管局",
		"序号\t重点任务\t牵头单位\n1\t\"开展\"\"双随机\"\"检查\"\t市市场监管局":                               "序号\t重点任务\t牵头单位\n1\t\"开展\"\"双随机\"\"检查\"\t市市场监管局",
	})
}
