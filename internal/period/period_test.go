package period

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct{ in, key, name, start, end string }{
		{"2024-Q4", "2024-Q4", "2024年第四季度", "2024-10-01", "2024-12-31"},
		{"2024年第四季度", "2024-Q4", "2024年第四季度", "2024-10-01", "2024-12-31"},
		{"2024年4季度", "2024-Q4", "2024年第四季度", "2024-10-01", "2024-12-31"},
		{"2024-11", "2024-11", "2024年11月", "2024-11-01", "2024-11-30"},
		{"２０２４年２月", "2024-02", "2024年2月", "2024-02-01", "2024-02-29"},
		{"2024-H1", "2024-H1", "2024年上半年", "2024-01-01", "2024-06-30"},
		{"2024年下半年", "2024-H2", "2024年下半年", "2024-07-01", "2024-12-31"},
		{"2024", "2024", "2024年度", "2024-01-01", "2024-12-31"},
		{"2024年度", "2024", "2024年度", "2024-01-01", "2024-12-31"},
		{" 2024-q1 ", "2024-Q1", "2024年第一季度", "2024-01-01", "2024-03-31"},
	}
	for _, tt := range tests {
		p, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		got := []string{p.Key(), p.String(), p.Start().Format("2006-01-02"), p.End().Format("2006-01-02")}
		want := []string{tt.key, tt.name, tt.start, tt.end}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Parse(%q) = %v; want %v", tt.in, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"", "2024-13", "2024-Q5", "第四季度", "24-Q1", "2024年13月"} {
		if _, err := Parse(in); err == nil || !strings.Contains(err.Error(), "报送期次") {
			t.Errorf("Parse(%q) error = %v; want a Chinese message about 报送期次", in, err)
		}
	}
}

func TestNext(t *testing.T) {
	for in, want := range map[string]string{"2024-Q4": "2025-Q1", "2024-Q2": "2024-Q3", "2024年12月": "2025-01", "2024年上半年": "2024-H2", "2024年": "2025"} {
		p, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Next().Key(); got != want {
			t.Errorf("%s.Next() = %s; want %s", in, got, want)
		}
	}
}
