package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/taizhang-dev/taizhang/internal/docread"
)

// FuzzParse feeds arbitrary text to the parser: it must neither panic nor
// hang, and every item it returns must have a path and an ID.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../../seeds/*.txt")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		// Slices keep the fuzzer's inputs small.
		rs := []rune(string(b))
		for i := 0; i < len(rs); i += 1500 {
			end := min(i+1500, len(rs))
			f.Add(string(rs[i:end]))
		}
	}
	f.Add("一、（一）1.（1）①（责任单位：）△、，（（（")
	f.Add("1.2.3.（1）（2）二、一、(一)(十)(十一)（二十）")
	f.Add("序号\n任务\n牵头单位\n1\n内容\n")
	cfg := loadConfig(f, "")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var blocks []docread.Block
		for _, l := range strings.Split(s, "\n") {
			blocks = append(blocks, docread.Block{Text: l})
		}
		blocks = append(blocks, docread.Block{Rows: [][]string{{"序号", "任务", "牵头单位"}, strings.Fields(s)}})
		d := Parse(&docread.Document{Source: "f.txt", Blocks: blocks}, cfg)
		for _, tk := range d.Tasks {
			if len(tk.Path) == 0 || tk.ID == "" {
				t.Fatalf("item without path or ID: %+v", tk)
			}
		}
	})
}
