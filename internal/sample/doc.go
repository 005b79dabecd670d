// Package sample makes realistic material for the demo, tests and
// benchmarks: FillReturns plays the responsible units and fills in the
// workbooks that templates/form issued, the way people really send them
// back (late, missing, twice, renamed, with typing the checker has to
// understand).
//
// The in-memory fixtures of the tests and benchmarks are in samplefix, a
// package for tests only that the binary does not link: the same returns
// as checking them would give (Returns, Year), the ledgers merged from them
// (Ledgers, MonthlyYear) and task lists of any size (Synthetic). They plan
// a round with this package's PlanRound over Books made from a task list,
// and read the plan through the exported fields of Job, Book, TaskRow,
// Entry and Header.
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
