package fillin

import "fmt"

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

// ScanDiff says how the fast XML scanner reads part otherwise than
// encoding/xml does ("" when it reads it the same) and whether it read
// the part itself.
func ScanDiff(part []byte) (diff string, fast bool) {
	f, s, fErr, sErr := scanBoth(part)
	switch {
	case fmt.Sprint(fErr) != fmt.Sprint(sErr):
		diff = fmt.Sprintf("error %v; encoding/xml %v", fErr, sErr)
	case sErr == nil && f != s:
		diff = fmt.Sprintf("tokens\n%s\nencoding/xml\n%s", f, s)
	}
	return diff, plainXML(part) && (&scanner{data: part}).run(&tokenLog{})
}

// SetScanner turns the fast XML scanner on or off (encoding/xml reads
// every part).
func SetScanner(on bool) { useScanner = on }

// StylesOf reads a workbook's cell styles as percentStyle does: their
// number formats, the bytes counted as read, and the error.
func StylesOf(data []byte) ([]int, int64, error) {
	b, err := openBook(data)
	if err != nil {
		return nil, 0, err
	}
	before := b.read
	err = b.readStyles(b.styles)
	return b.numFmts, b.read - before, err
}

// ForgetStyles empties the cache of styles parts.
func ForgetStyles() {
	stylesCache.Lock()
	defer stylesCache.Unlock()
	clear(stylesCache.m)
}
