// Package serve is taizhang's web front end (taizhang serve): from the
// office's own PC, each unit opens its personal link, downloads its signed
// fill-in workbook and uploads its return, and is told at once what is
// wrong with it; the office's page shows the round's status, merges,
// writes the bulletin and lists the units to chase.
//
// The workspace is the store: an upload is checked by the same code as
// taizhang check (internal/intake), kept in the period's 报送/ under a name
// with its receipt time, and merged by the same code as taizhang merge
// (report/round). A link's token is derived from the workspace's signing
// key, the period and the unit (token.go), so links survive a restart and
// nothing but a revocation counter is stored. Every upload and office
// action is appended to the audit log (审计日志.jsonl).
//
// It sits between the command and report/: nothing but the command imports
// it (report/layering_test.go).
package serve
