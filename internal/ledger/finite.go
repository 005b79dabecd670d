package ledger

// dropNonFinite clears every number that is infinite or NaN. The returns'
// readers refuse such values and the arithmetic here guards against making
// them, so this is a last line: one bad number must cost its cell, never
// the JSON copy of the whole ledger (encoding/json refuses ±Inf and NaN)
// and with it the round of every unit.
func (l *Ledger) dropNonFinite() {
	for _, r := range l.Rows {
		r.Percent = finitePtr(r.Percent)
		if !finite(r.Expected) {
			r.Expected = 0
		}
		for i := range r.Targets {
			t := &r.Targets[i]
			if !finite(t.Value) {
				t.Value = 0
			}
			t.Current, t.Attainment = finitePtr(t.Current), finitePtr(t.Attainment)
		}
		for i := range r.CoReports {
			r.CoReports[i].Percent = finitePtr(r.CoReports[i].Percent)
		}
		if p := r.Previous; p != nil {
			p.Percent = finitePtr(p.Percent)
		}
	}
	for _, s := range l.Units {
		if !finite(s.Completion) {
			s.Completion = 0
		}
	}
	if !finite(l.Totals.Completion) {
		l.Totals.Completion = 0
	}
}

func finitePtr(x *float64) *float64 {
	if x == nil || !finite(*x) {
		return nil
	}
	return x
}
