package docread

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDump(t *testing.T) {
	files, _ := filepath.Glob("../../seeds/*.txt")
	more, _ := filepath.Glob("../../../shared/corpus/docs/*.txt")
	for _, f := range append(files, more...) {
		d, err := ReadFile(f)
		if err != nil {
			fmt.Println(f, err)
			continue
		}
		fmt.Printf("=== %s\n%+v\n", filepath.Base(f), d.Meta)
		n := len(d.Blocks)
		for i, b := range d.Blocks {
			if i < 6 || i >= n-4 || os.Getenv("ALL") != "" {
				s := []rune(b.Text)
				if len(s) > 70 {
					s = s[:70]
				}
				fmt.Printf("  %d: %s %v\n", i, string(s), len(b.Rows))
			}
		}
	}
}
