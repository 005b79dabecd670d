package policy

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestProbeScratch(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("PROBE"))
	if err != nil {
		t.Skip()
	}
	d := parseText(t, string(data))
	for _, n := range d.Notes {
		fmt.Println("note:", n)
	}
	for _, tk := range d.Tasks {
		dl := ""
		if tk.Deadline != nil {
			dl = tk.Deadline.Text
		}
		fmt.Printf("%s [%s] lead=%v co=%v dl=%q raw=%q text=%q flags=%v\n", strings.Join(tk.Path, "."), tk.Kind, tk.Lead, tk.Co, dl, tk.UnitsRaw, clip(tk.Text, 20), tk.Flags)
	}
}
