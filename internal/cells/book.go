package cells

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// WriteBook writes to w the workbook that build makes in a new file. A
// failure is wrapped with what, the workbook's name in the message
// ("write ledger: …").
func WriteBook(w io.Writer, what string, build func(*excelize.File) error) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := build(f); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
