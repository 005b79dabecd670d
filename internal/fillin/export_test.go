package fillin

// Exported for the tests in package fillin_test, which write workbooks with
// templates/form and so cannot be in package fillin.
var (
	OtherUnits   = otherUnits
	IsReserved   = isReserved
	MaxUnitRunes = maxUnitRunes
)

// SetCatchPanics turns Check's recovery from panics on or off.
func SetCatchPanics(on bool) { catchPanics = on }

// SharedStrings lists a workbook's shared strings as the reader sees them.
func SharedStrings(data []byte) ([]string, error) {
	b, err := openBook(data)
	if err != nil {
		return nil, err
	}
	return b.sst, nil
}
