// Package sample makes realistic material for the demo, tests and
// benchmarks: FillReturns plays the responsible units and fills in the
// workbooks that templates/form issued, the way people really send them
// back (late, missing, twice, renamed, with typing the checker has to
// understand); Returns gives the same returns in memory, as checking them
// would; Synthetic builds task lists of any size.
//
// The returns of the periods of a year tell one story. Each unit's row of
// a task follows a course drawn once for the year (course.go): a pace
// ahead of, on or behind 序时进度, bent by the unit's Trend, so progress
// never falls and 已完成 stays. Each unit has a reporting habit for the
// year (plan.go): the same one never reports, the same few are late in
// most quarters. What varies from period to period — wording, who else is
// late, who types messily or sends twice — is drawn for that period alone.
//
// Everything is deterministic: the same inputs and seed give the same
// choices and cell values. Random numbers come from math/rand/v2 PCG
// sources seeded from Options.Seed and keyed by what they decide (the
// unit, the task, the period), never from the clock, map order or what was
// generated before, so a period generated alone equals the same period
// generated after the others, and a workbook's content does not depend on
// which goroutine writes it.
package sample
