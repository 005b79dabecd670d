package form

// Exported for the tests in package form_test.
var (
	Master      = master
	BuildMaster = buildMaster
)
