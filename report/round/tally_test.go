package round

import (
	"slices"
	"testing"

	"github.com/taizhang-dev/taizhang/internal/fillin"
)

// The counts check and status print: a return with errors cannot be used,
// one with warnings only can; units by their state.
func TestTalliesAndGroups(t *testing.T) {
	warn, bad := fillin.Finding{Level: fillin.LevelWarning}, fillin.Finding{Level: fillin.LevelError}
	results := []*fillin.Return{{}, {Findings: []fillin.Finding{warn}}, {Findings: []fillin.Finding{warn, bad}}}
	if got, want := TallyOf(results), (Tally{Usable: 2, Warned: 1, Bad: 1}); got != want {
		t.Errorf("TallyOf = %+v; want %+v", got, want)
	}
	st := &Status{Units: []UnitStatus{{Unit: "甲", State: StateLate}, {Unit: "乙", State: StateMissing},
		{Unit: "丙", State: StateOnTime}, {Unit: "丁", State: StateRejected}}}
	if st.Count(StateLate) != 1 || st.Count(StateMissing) != 1 || st.Count("其他") != 0 {
		t.Errorf("Count: late %d, missing %d", st.Count(StateLate), st.Count(StateMissing))
	}
	reported, missing, rejected := st.Grouped()
	names := func(us []UnitStatus) (out []string) {
		for _, u := range us {
			out = append(out, u.Unit)
		}
		return out
	}
	if !slices.Equal(names(reported), []string{"甲", "丙"}) || !slices.Equal(names(missing), []string{"乙"}) || !slices.Equal(names(rejected), []string{"丁"}) {
		t.Errorf("Grouped = %v %v %v", names(reported), names(missing), names(rejected))
	}
}
