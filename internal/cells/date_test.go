package cells

import "testing"

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want string
		ok   bool
	}{
		{"", "", true},
		{"2025-01-03", "2025-01-03", true},
		{"2025/1/3", "2025-01-03", true},
		{"2025.1.3", "2025-01-03", true},
		{"2025年1月3日", "2025-01-03", true},
		{"2025年1月3号", "2025-01-03", true},
		{"２０２５年１月３日", "2025-01-03", true},
		{"２０２０年６月３０日", "2020-06-30", true},
		{"20250103", "2025-01-03", true},
		{"45660", "2025-01-03", true},
		{"45660.5", "2025-01-03", true},
		{"44196", "2020-12-31", true},
		{"2025-01-03T00:00:00Z", "2025-01-03", true},
		{"2025-02-30", "", false},
		{"上周五", "", false},
		{"年底前", "", false},
		{"2020年", "", false},
		{"-3", "", false},
		{"NaN", "", false},
		{"Inf", "", false},
		{"1e400", "", false},
	} {
		got, ok := ParseDate(tc.raw, false)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, %v", tc.raw, got, ok, tc.want, tc.ok)
		}
	}
}
