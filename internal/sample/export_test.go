package sample

// Exported for the tests in package sample_test, which use the in-memory
// fixtures of internal/sample/samplefix (a package that imports this one,
// so tests in package sample cannot).
var (
	TestSecret = testSecret
	TestDue    = testDue
	TestNow    = testNow
	TestPeriod = testPeriod
	HandSet    = handSet
	Issue      = issue
	CheckFile  = checkFile
	StatusOf   = statusOf

	ProgressDone       = progressDone
	ProgressOnTrack    = progressOnTrack
	ProgressBehind     = progressBehind
	ProgressNotStarted = progressNotStarted
	ProgressOngoing    = progressOngoing
	ProgressCo         = progressCo
)

// State is how a task is going.
type State = state

// The states a test looks at.
const (
	StDone       = stDone
	StNotStarted = stNotStarted
	StOngoing    = stOngoing
)

// State is how the row's task is going.
func (e *Entry) State() State { return e.state }

// Pct is the row's 累计进度 as the unit means it.
func (e *Entry) Pct() int { return e.pct }
