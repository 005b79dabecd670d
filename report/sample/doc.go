// Package sample makes realistic material for the demo, tests and
// benchmarks: FillReturns plays the responsible units and fills in the
// workbooks that fillin.WriteAll issued, the way people really send them
// back (late, missing, twice, renamed, with typing the checker has to
// understand), and Synthetic builds task lists of any size.
//
// Everything is deterministic: the same inputs and seed give the same
// choices and cell values. Random numbers come from math/rand/v2 PCG
// sources seeded from Options.Seed (one for the mix of the round, one per
// workbook keyed by its unit), never from the clock or map order, so a
// workbook's content does not depend on which goroutine writes it.
package sample
