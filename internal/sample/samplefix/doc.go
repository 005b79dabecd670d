// Package samplefix holds in-memory fixtures for tests and benchmarks:
// the returns of a round as checking them would give (Returns, Year),
// the ledgers merged from them (Ledgers, MonthlyYear) and synthetic task
// lists of any size (Synthetic), made without writing a workbook. The
// rows are those samplefix.FillReturns writes for the same units, tasks,
// period and seed.
//
// It is for tests only: the binary does not link it
// (report/layering_test.go checks), so nothing here counts against
// `deadcode ./cmd/taizhang`.
package samplefix
