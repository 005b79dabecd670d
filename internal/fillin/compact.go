package fillin

import "strings"

// compact gives the strings r keeps their own memory, each of its exact
// size, the task IDs that known gives (the task list's own strings) made
// those: they were slices of the workbook's shared strings, each keeping
// a buffer larger than itself alive for as long as the return, and a
// round holds thousands of returns until they are merged. Each its own,
// a text the ledger keeps keeps nothing else. The values stay the same.
func (r *Return) compact(known func(id string) (string, bool)) {
	r.internIDs(known)
	for _, s := range r.stringFields() {
		*s = strings.Clone(*s)
	}
}

// internIDs makes the task IDs of r's entries and findings those known
// gives, and copies the others.
func (r *Return) internIDs(known func(id string) (string, bool)) {
	for i := range r.Entries {
		r.Entries[i].TaskID = internID(r.Entries[i].TaskID, known)
	}
	for i := range r.Findings {
		r.Findings[i].TaskID = internID(r.Findings[i].TaskID, known)
	}
}

func internID(id string, known func(id string) (string, bool)) string {
	if k, ok := known(id); ok {
		return k
	}
	return strings.Clone(id)
}

// stringFields are r's strings that may come from the workbook, but for
// the task IDs (see internIDs).
func (r *Return) stringFields() []*string {
	fields := make([]*string, 0, 7+9*len(r.Entries)+2*len(r.Findings))
	fields = append(fields, &r.Unit, &r.Period, &r.Version, &r.Header.Filler, &r.Header.Phone, &r.Header.Reviewer, &r.Header.Date)
	for i := range r.Entries {
		e := &r.Entries[i]
		fields = append(fields, &e.Label, (*string)(&e.Role), &e.Progress, &e.StatusRaw, &e.Current,
			&e.Problems, &e.NextSteps, &e.Evidence, &e.Remark)
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		fields = append(fields, &f.Sheet, &f.Cell)
	}
	return fields
}
