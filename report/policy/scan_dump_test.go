package policy

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestScanDump(t *testing.T) {
	for _, f := range []string{"000_ced7f791c4343474.txt", "001_668f737389d392d3.txt", "002_a2a4b4ff15aee0d8.txt", "003_084217dc5e381b2c.txt", "004_604ae1dc333e2938.txt"} {
		b, _ := os.ReadFile("../../seeds/" + f)
		rs := []rune(string(b))
		nodes := scanItems(rs)
		var sb strings.Builder
		for _, n := range nodes {
			end := n.m.end + 20
			if end > n.spanEnd {
				end = n.spanEnd
			}
			fmt.Fprintf(&sb, "%s%s %q\n", strings.Repeat("  ", n.depth), n.m.label(), string(rs[n.m.end:end]))
		}
		os.WriteFile("/tmp/scan_"+f, []byte(sb.String()), 0644)
	}
}
