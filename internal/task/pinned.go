package task

import (
	"fmt"
	"os"
	"time"
)

// SourceDateEpoch is the time SOURCE_DATE_EPOCH pins outputs to, if set
// (reproducible builds' convention).
func SourceDateEpoch() (time.Time, bool) {
	var sec int64
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if _, err := fmt.Sscan(s, &sec); err == nil {
			return time.Unix(sec, 0).UTC(), true
		}
	}
	return time.Time{}, false
}

// Pinned is the timestamp written into the files generated from the set,
// so that the same input gives the same output: SOURCE_DATE_EPOCH when
// set, else the newest document date, else 2000-01-01.
func (s *Set) Pinned() time.Time {
	if t, ok := SourceDateEpoch(); ok {
		return t
	}
	newest := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, d := range s.Documents {
		if t, err := time.Parse("2006-01-02", d.Date); err == nil && t.After(newest) {
			newest = t
		}
	}
	return newest
}

// ReportableCount is the number of tasks and targets the units report on.
func (s *Set) ReportableCount() int {
	n := 0
	for _, d := range s.Documents {
		for _, t := range d.Tasks {
			if t.Reportable() {
				n++
			}
		}
	}
	return n
}
