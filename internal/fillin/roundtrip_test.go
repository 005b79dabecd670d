package fillin_test

import (
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
	"github.com/taizhang-dev/taizhang/internal/testkit"
	"github.com/taizhang-dev/taizhang/templates/form/formtest"
)

func TestRoundTrip(t *testing.T) {
	s, f := formtest.Filled(t)
	r := fillin.Check("2024年第四季度_市科技局_填报表.xlsx", testkit.SaveBytes(t, f), formtest.CheckOptions(s))
	if len(r.Findings) != 0 {
		t.Errorf("findings on a clean return:\n%s", formtest.DumpFindings(r))
	}
	if !r.Usable() || r.Unit != "市科技局" || r.Period != "2024-Q4" || r.Version != fillin.Version {
		t.Errorf("return = %+v", r)
	}
	want := fillin.Header{Filler: "张三", Phone: "0523-86888888", Reviewer: "李四", Date: "2025-01-03"}
	if r.Header != want {
		t.Errorf("header = %+v; want %+v", r.Header, want)
	}
	ids := []string{"D1-002", "D1-003", "D1-004", "D2-001"}
	if len(r.Entries) != len(ids) {
		t.Fatalf("%d entries; want %d", len(r.Entries), len(ids))
	}
	for i, e := range r.Entries {
		if e.TaskID != ids[i] || e.Percent == nil || *e.Percent != float64(80+i) || e.Status != fillin.StatusOnTrack || e.NextSteps != "继续推进" || e.Row != fillin.RowFirst+i {
			t.Errorf("entry %d = %+v", i, e)
		}
	}
	if r.Entries[2].Role != fillin.RoleCo || r.Entries[0].Role != fillin.RoleLead {
		t.Errorf("roles = %s, %s", r.Entries[0].Role, r.Entries[2].Role)
	}
}
