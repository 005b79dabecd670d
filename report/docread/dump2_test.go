package docread

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDropped(t *testing.T) {
	files, _ := filepath.Glob("../../seeds/*.txt")
	more, _ := filepath.Glob("../../../shared/corpus/docs/*.txt")
	for _, f := range append(files, more...) {
		d, _ := ReadFile(f)
		kept := map[string]bool{}
		for _, b := range d.Blocks {
			kept[b.Text] = true
		}
		data, _ := os.ReadFile(f)
		fmt.Println("===", filepath.Base(f))
		for _, l := range textLines(string(data)) {
			if l.text != "" && !kept[l.text] {
				s := []rune(l.text)
				if len(s) > 60 {
					s = s[:60]
				}
				fmt.Printf("  - %s\n", string(s))
			}
		}
	}
}
